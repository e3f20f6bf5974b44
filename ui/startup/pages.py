"""The first-run wizard's pages, by id: its own module, so that a page that names the next
one (the server page goes on to the process owner's) need not import the wizard, which
imports every page."""

LANGUAGE_PAGE, MODE_PAGE, DATABASE_PAGE, OWNER_PAGE, SERVER_PAGE = range(5)
