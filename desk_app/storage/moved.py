"""A file whose data moved to a server (``desk-app move``) keeps where it went, in the
``storage.moved_to`` setting. A workstation that opens the marked file is told where to go
(``DatabaseMoved``), and one that still has it open cannot write to it any more: nothing
can be written to the old copy and lost.

Its own module because opening a file checks the mark and the move (``postgres/move``)
sets it; neither needs the other for that."""

from __future__ import annotations

import sqlite3

from desk_app.errors import DatabaseMoved
from desk_app.storage.database import Store

#: The setting a moved file keeps: the server's URL (without a password).
MOVED_TO = "storage.moved_to"


def moved_to(store: Store) -> str | None:
    """Where the file's data moved, or None (a file never moved, or a server)."""
    rows = store.execute("SELECT value FROM setting WHERE key = ?", (MOVED_TO,))
    return str(rows[0][0]) if rows else None


def install_moved_guard(store: Store) -> None:
    """Refuse every write to a file whose data has moved (checked in the write's own
    transaction, so a workstation that had the file open before the move cannot write)."""
    def guard(store: Store) -> None:
        target = moved_to(store)
        if target is not None:
            raise DatabaseMoved(target)

    store.guards.append(guard)


def check_not_moved(store: Store) -> None:
    """For opening a file: refuse a moved one, naming where its data went."""
    try:
        target = store.read(lambda: moved_to(store))
    except sqlite3.Error:
        return
    if target is not None:
        raise DatabaseMoved(target)
