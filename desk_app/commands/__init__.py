"""Subcommands of the command line, one module per area; importing registers them."""

from desk_app.commands import database, incidents, reports, storage, watch  # noqa: F401
from desk_app.commands import importing  # noqa: F401
