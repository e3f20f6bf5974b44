"""Opening the file, and the one way to write to it.

Rollback journal only (never WAL: WAL needs shared memory, which network filesystems do not
give), full synchronous commits, foreign keys on, a busy timeout. Writes are short
``BEGIN IMMEDIATE`` transactions retried whole when another workstation holds the lock, so
that a write either happens completely or not at all.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import peewee

from desk_app.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseIOError,
    DatabaseReadOnly,
    DeskError,
    DiskFull,
    StorageError,
)
from desk_app.storage.models import database as model_proxy
from desk_app.storage.segment import SQL_FUNCTION, index_text

log = logging.getLogger(__name__)
T = TypeVar("T")

PRAGMAS: list[tuple[str, object]] = [
    ("journal_mode", "DELETE"),
    ("synchronous", "FULL"),
    ("foreign_keys", "ON"),
]

#: Seconds SQLite itself waits for a lock before a statement reports "busy".
BUSY_TIMEOUT = 2.0
#: Whole-transaction attempts before "busy" reaches the user.
WRITE_ATTEMPTS = 8


class Store:
    """An open database file. Models are bound to the most recently opened store."""

    def __init__(self, path: str | Path, *, read_only: bool = False,
                 busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = Path(path)
        self.read_only = read_only
        target = f"file:{self.path}?mode=ro" if read_only else str(self.path)
        self.db = peewee.SqliteDatabase(
            target, pragmas=PRAGMAS, timeout=busy_timeout, check_same_thread=False,
            uri=read_only,
        )
        # the search index's triggers call it (migration 0003), on every connection
        self.db.register_function(index_text, SQL_FUNCTION, 1, deterministic=True)
        model_proxy.initialize(self.db)

    # -- transactions -------------------------------------------------------------------
    def write(self, fn: Callable[[], T], *, attempts: int = WRITE_ATTEMPTS,
              on_busy: Callable[[int], None] | None = None) -> T:
        """Run ``fn`` in one ``BEGIN IMMEDIATE`` transaction, retried whole on "busy"."""
        if self.read_only:
            raise DatabaseReadOnly("opened read-only")
        for attempt in range(1, attempts + 1):
            try:
                with translate_errors(), self.db.atomic(lock_type="IMMEDIATE"):
                    return fn()
            except DatabaseBusy:
                if attempt == attempts:
                    raise
                if on_busy is not None:
                    on_busy(attempt)
                time.sleep(min(1.0, 0.05 * 2 ** (attempt - 1)) * random.uniform(0.5, 1.5))
        raise AssertionError("unreachable")

    def read(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` in one read transaction, so that what it reads is consistent."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                with translate_errors(), self.db.atomic():
                    return fn()
            except DatabaseBusy:
                if attempt == WRITE_ATTEMPTS:
                    raise
                time.sleep(0.05 * random.uniform(0.5, 1.5))
        raise AssertionError("unreachable")

    def execute(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        """Run one statement and return all its rows (consumed at once, ending the read)."""
        with translate_errors():
            return list(self.db.execute_sql(sql, params).fetchall())

    def user_version(self) -> int:
        return int(self.execute("PRAGMA user_version")[0][0])

    def data_version(self) -> int:
        """Changes when another connection commits; cheap enough to poll (R-UI refresh)."""
        return int(self.execute("PRAGMA data_version")[0][0])

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


class translate_errors:
    """Turn SQLite's errors into the core's typed storage errors, each with its message."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: object) -> None:
        if exc is None or isinstance(exc, DeskError):
            return
        mapped = classify(exc)
        if mapped is not None:
            raise mapped from exc


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, sqlite3.Error) and hasattr(seen, "sqlite_errorcode"):
            return seen
        for arg in getattr(seen, "args", ()):
            if isinstance(arg, sqlite3.Error):
                return arg
        seen = seen.__cause__ or seen.__context__
    return None


def classify(exc: BaseException) -> StorageError | None:
    """The storage error an SQLite exception means, or None if it is not one of those."""
    error = _sqlite_error(exc)
    text = str(error or exc)
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "database is locked" in text:
        return DatabaseBusy()
    if primary == sqlite3.SQLITE_FULL:
        return DiskFull()
    if primary == sqlite3.SQLITE_READONLY:
        return DatabaseReadOnly(text)
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return DatabaseCorrupt(text)
    if primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN):
        return DatabaseIOError(text)
    return None
