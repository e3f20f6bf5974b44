"""Opening the database file again under a running window, for the same person.

After a restore (from this window's administration, or by another workstation) the file's
content is not the one this program opened: the core refuses every write until it is opened
again (``DatabaseReplaced``). The window then reopens it and signs the same person in again
on the new store, without a password (they signed in already; the check is that the restored
file still knows them), and keeps every open tab and form: they read the session from the
shared ``UiContext`` at each call, so they simply go on with the new one.
"""

from __future__ import annotations

from dataclasses import replace

from desk_app.services.database.care import visitor_of
from desk_app.services.session import Session, session_for
from desk_app.storage.opening import open_store


def reopen_session(session: Session) -> Session:
    """On a worker thread: the file opened again (checked, upgraded if a restore brought an
    older schema) and the same person's session on it. Raises what opening raises, or
    ``NotFound`` when the restored file does not have this person."""
    try:
        store = open_store(session.store.path, visitor=visitor_of(session))
    except BaseException:
        session.store.bind()  # the models go back to the file the window still has open
        raise
    try:
        fresh = session_for(store, session.username, session.clock)
    except BaseException:
        store.close()
        session.store.bind()
        raise
    return replace(fresh, workstation=session.workstation)
