"""Telling a damaged file from one that cannot be reached.

When a share drops, SQLite's errors on the open connection can look like damage ("database
disk image is malformed", "file is not a database"): in 17 of 40 disconnections the program
said "damaged… restore the latest good backup" about a file that was intact once the share
came back, and accepting would have thrown away every change since that backup. So a
damage report is confirmed before anyone is offered a restore: the file must be reachable
(it exists and can be opened and read now) and a fresh connection's integrity check must
fail. Otherwise the error is "the shared folder cannot be reached".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desk_app.errors import (
    DatabaseCorrupt,
    DatabaseIOError,
    DatabaseUnreachable,
    DeskError,
    StorageError,
)
from desk_app.storage.uri import sqlite_uri


def _reachable(path: Path) -> str | None:
    """None if the file can be opened and its first page read now; else why not."""
    try:
        with open(path, "rb") as file:
            file.read(4096)
    except OSError as error:
        return f"{path}: {error.strerror or error}"
    return None


def confirm_damage(path: Path, error: DatabaseCorrupt, *, quick: bool = True) -> StorageError:
    """The error to report for ``error`` raised on ``path``: ``DatabaseCorrupt`` only when a
    reachable file fails a fresh integrity check, ``DatabaseUnreachable`` otherwise."""
    why = _reachable(path)
    if why is not None:
        return DatabaseUnreachable(why)
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=5)
        try:
            pragma = "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
            rows = [str(r[0]) for r in conn.execute(pragma)]
        finally:
            conn.close()
    except sqlite3.DatabaseError as again:
        if _reachable(path) is not None:
            return DatabaseUnreachable(str(again))
        code = getattr(again, "sqlite_errorcode", 0) & 0xFF
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return error
        return DatabaseUnreachable(str(again))
    if rows == ["ok"]:
        return DatabaseUnreachable(str(error.params.get("detail", "")) or str(path))
    return DatabaseCorrupt("; ".join(rows[:5]))


def confirmed_error(path: Path, error: DeskError) -> DeskError:
    """What to tell the person about ``error`` raised on ``path``: damage only when it is
    confirmed (``confirm_damage``); an I/O error on a file that cannot be reached now (a
    dropped share, a vanished file) is "cannot be reached", not a failing disk; anything
    else as it is. An I/O error on a reachable file (a size limit, a failing disk) stays."""
    if isinstance(error, DatabaseCorrupt):
        return confirm_damage(path, error)
    if type(error) is DatabaseIOError:
        why = _reachable(path)
        if why is not None:
            return DatabaseUnreachable(why)
    return error


class confirmed:
    """``with confirmed(path): …``: a ``DatabaseCorrupt`` leaving the block is confirmed
    (``confirm_damage``) first, and becomes ``DatabaseUnreachable`` when it is not damage;
    an I/O error on a file that cannot be reached becomes ``DatabaseUnreachable``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, DeskError):
            found = confirmed_error(self.path, exc)
            if found is not exc:
                raise found from exc
