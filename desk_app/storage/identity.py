"""Which files are desk-app databases.

Every database carries the product's ``PRAGMA application_id`` (set at creation and by
schema 7), so a restore, a backup target or any command can tell the team's file from
another program's SQLite file, an empty file or a stranger. Files made before schema 7 have
no mark; they are recognised by their schema version and the product's own tables.

Only ``init`` and the first-run wizard create a database; every other way in refuses a
missing, empty or foreign file (``require_desk_database``) instead of turning it into a new,
empty database or restoring it over the team's data.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from desk_app.errors import NotADeskDatabase
from desk_app.storage.uri import sqlite_uri

#: ``PRAGMA application_id`` of every desk-app database: "DESK" in ASCII.
APPLICATION_ID = 0x4445534B
#: The first schema that carries the mark.
MARKED_SINCE = 7
SQLITE_MAGIC = b"SQLite format 3\x00"
#: Tables every desk-app database has had since schema 1.
OWN_TABLES = frozenset({"incident", "journal", "user", "setting", "priority_cell"})


@dataclass(frozen=True)
class FileIdentity:
    """What a file is: ``kind`` is "desk", "missing", "empty", "not_sqlite", "foreign" or
    "unreadable"; for a desk-app file its schema version and application id."""

    kind: str
    schema_version: int = 0
    application_id: int = 0

    @property
    def is_desk(self) -> bool:
        return self.kind == "desk"


def identify(path: Path) -> FileIdentity:
    """Read only the header and the schema list: cheap, and safe on any file."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        return FileIdentity("missing")
    except OSError:
        return FileIdentity("unreadable")
    if not header:
        return FileIdentity("empty")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return FileIdentity("not_sqlite")
    application_id = int.from_bytes(header[68:72], "big")
    version = int.from_bytes(header[60:64], "big")
    if application_id == APPLICATION_ID:
        return FileIdentity("desk", version, application_id)
    if application_id != 0 or not 1 <= version < MARKED_SINCE:
        return FileIdentity("foreign", version, application_id)
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=5)
        try:
            tables = {str(r[0]) for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return FileIdentity("unreadable", version)
    return FileIdentity("desk" if tables >= OWN_TABLES else "foreign", version)


def require_desk_database(path: Path) -> FileIdentity:
    """The file's identity, or ``NotADeskDatabase`` saying what it is instead."""
    found = identify(path)
    if not found.is_desk:
        raise NotADeskDatabase(str(path), found.kind)
    return found


def in_use(path: Path, stale_seconds: int = 120) -> bool:
    """A desk-app database that some workstation announced itself in recently (its
    presence rows, schema 4), so overwriting it would pull it from under their work."""
    if not identify(path).is_desk:
        return False
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=5)
        try:
            row = conn.execute("SELECT max(heartbeat_at) FROM presence"
                               " WHERE state = 'active'").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        # a file older than presence (schema 4) cannot say; one that cannot be read now
        # (locked, damaged) is taken as busy
        return "no such table" not in str(error)
    except sqlite3.Error:
        return True
    return row is not None and row[0] is not None and row[0] >= time.time() - stale_seconds
