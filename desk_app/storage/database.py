"""Opening the file, and the one way to write to it.

Rollback journal only (never WAL: WAL needs shared memory, which network filesystems do not
give), ``synchronous=EXTRA`` (with a rollback journal, FULL does not sync the journal's
deletion, and a power cut could lose the last acknowledged commit), foreign keys on, a busy
timeout. Writes are short ``BEGIN IMMEDIATE`` transactions retried whole when another
workstation holds the lock, so that a write either happens completely or not at all.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import peewee

from desk_app.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseIOError,
    DatabaseReadOnly,
    DatabaseUnreachable,
    DeskError,
    DiskFull,
    StorageError,
)
from desk_app.storage.chain import register as register_chain
from desk_app.storage.chain import register_sqlite as register_chain_sqlite
from desk_app.storage.events import BusyEvent, StorageEvents, WriteReport
from desk_app.storage.models import database as model_proxy
from desk_app.storage.search_terms import register as register_search_terms
from desk_app.storage.segment import SQL_FUNCTION, index_text
from desk_app.storage.uri import sqlite_uri

if TYPE_CHECKING:
    from desk_app.storage.file_opening import OpenReport
    from desk_app.storage.presence import Visitor

log = logging.getLogger(__name__)
T = TypeVar("T")

PRAGMAS: list[tuple[str, object]] = [
    ("journal_mode", "DELETE"),
    ("synchronous", "EXTRA"),
    ("foreign_keys", "ON"),
]

#: Seconds a write waits for the lock (and a statement for a lock) before "busy".
BUSY_TIMEOUT = 2.0
#: While waiting to begin a write, SQLite's own wait per try (seconds), then a short random
#: pause: polling finely with jitter gives a waiting workstation a fair chance at the moments
#: the lock is free, where SQLite's busy handler sleeps up to 100 ms at a time while the
#: others, awake, take the lock again and again (T1 in docs/reliability.md).
LOCK_POLL = 0.02
LOCK_PAUSE = (0.001, 0.01)
#: Whole-transaction attempts before "busy" reaches the user.
WRITE_ATTEMPTS = 8

#: A check run at the start of every write transaction, before the caller's work; it raises
#: a ``StorageError`` to refuse the write (maintenance by another workstation, a newer schema).
Guard = Callable[["Store"], None]


class _Database(peewee.SqliteDatabase):
    """peewee's SQLite database, with a rollback that survives SQLite's own.

    On a full disk or an I/O error SQLite rolls the transaction back by itself; peewee's
    unconditional ``ROLLBACK`` then fails with "no transaction is active", and that error
    would replace the one the user must see ("disk full")."""

    #: Where later connections go: the file as it was opened, never a new one. A
    #: connection dropped after "cannot be reached" is made again when the share is back,
    #: and must not create an empty file where the team's file vanished.
    reconnect_to: str | None = None

    def rollback(self) -> None:
        conn = self._state.conn  # type: ignore[attr-defined]
        if conn is not None and not conn.in_transaction:
            return
        super().rollback()

    def _connect(self) -> sqlite3.Connection:
        conn = super()._connect()  # type: ignore[misc]
        if self.reconnect_to is not None:
            self.database = self.reconnect_to
        return conn


@dataclass(frozen=True)
class StoreIdentity:
    """The file a store opened, as the filesystem knows it: a restore that had to replace a
    damaged file changes it, and a workstation still holding the old file must reopen."""

    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> StoreIdentity | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(stat.st_dev, stat.st_ino)

    def same_file(self, other: StoreIdentity) -> bool:
        """Whether ``other`` is this file. The inode alone decides: a share that dropped
        and came back (mounted again) has another device number, and it is the same file;
        a restore that replaced the file made a new inode, while this program's open
        handle keeps the old one from being reused."""
        return other.inode == self.inode


class Store:
    """An open database file. Models are bound to the most recently opened store
    (unless ``bind`` is false: backups and restores open side files without rebinding)."""

    def __init__(self, path: str | Path, *, read_only: bool = False,
                 busy_timeout: float = BUSY_TIMEOUT, bind: bool = True,
                 read_only_reason: str = "storage.readonly.asked") -> None:
        self._open_state(Path(path), read_only, busy_timeout, read_only_reason)
        self.identity = StoreIdentity.of(self.path)
        target = sqlite_uri(self.path, mode="ro" if read_only else "rwc")
        self.db = _Database(
            target, pragmas=PRAGMAS, timeout=busy_timeout, check_same_thread=False, uri=True,
        )
        if not read_only:
            self.db.reconnect_to = sqlite_uri(self.path, mode="rw")
        # the search index's triggers call it (migration 0003), on every connection
        self.db.register_function(index_text, SQL_FUNCTION, 1, deterministic=True)
        # and the terms table's (migration 0035)
        register_search_terms(self.db)
        # the hash chain's triggers call these (migration 0022)
        register_chain(self.db)
        if bind:
            self.bind()

    @property
    def where(self) -> str:
        """The database as people read and type it: the file's path (a server's store gives
        its URL, which ``path`` cannot hold whole)."""
        return str(self.path)

    def _open_state(self, path: Path, read_only: bool, busy_timeout: float,
                    read_only_reason: str) -> None:
        """What every open store keeps, whatever kind of database it holds (a server's
        store, ``postgres.database.ServerStore``, starts from the same)."""
        self.path = path
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        #: Made read-only while open (permissions changed): checked again at each write.
        self.became_read_only = False
        self.busy_timeout = busy_timeout
        #: This open's identity in the presence table and in maintenance.
        self.token = uuid.uuid4().hex
        self.events = StorageEvents()
        self.guards: list[Guard] = []
        #: Called after every outermost write with its figures (benchmarks, torture tests).
        self.on_write: Callable[[WriteReport], None] | None = None
        #: Counts the times the file could not be reached; a thread whose connection is
        #: older connects again (``_fresh_connection``).
        self._epoch = 0
        self._seen = threading.local()
        #: The restore generation the guard saw at open (``presence.install_guard``).
        self.seen_generation: int | None = None
        #: Who this open of the file is, once announced in the presence table.
        self.visitor: Visitor | None = None
        #: What opening found (set by ``opening.open_store``).
        self.report: OpenReport | None = None

    def bind(self) -> None:
        """Make the models read and write this store."""
        model_proxy.initialize(self.db)

    # -- transactions -------------------------------------------------------------------
    def write_quietly(self, fn: Callable[[], T], *, guarded: bool = True) -> T:
        """A write the other workstations need not refresh for (a heartbeat). A file's
        workstations notice any commit through ``data_version`` anyway, so it is ``write``;
        a server's store sends no ``NOTIFY`` for it."""
        return self.write(fn, guarded=guarded)

    def write(self, fn: Callable[[], T], *, attempts: int = WRITE_ATTEMPTS,
              on_busy: Callable[[int], None] | None = None, guarded: bool = True) -> T:
        """Run ``fn`` in one ``BEGIN IMMEDIATE`` transaction, retried whole on "busy".

        ``fn`` must only touch the database (it may run several times). Inside another
        write it joins that transaction as a savepoint: a retry belongs to the outermost
        write, which alone can start the transaction again from the beginning."""
        if self.read_only and not self.became_read_only:
            raise DatabaseReadOnly(self.read_only_reason)
        if not self.db.in_transaction():
            self._fresh_connection()
            # a file or folder made read-only while open (``chmod``, ``chattr +i``, the
            # share's permissions): SQLite writes through the handle it already holds and
            # would go on accepting writes, so the permissions are asked again first; the
            # store is read-only while they say so, and writable again once they allow it
            reason = why_read_only(self.path)
            if reason is not None:
                self._became(reason)
                raise DatabaseReadOnly(reason)
            if self.became_read_only:
                self.read_only = self.became_read_only = False
        try:
            with model_proxy.using(self.db):
                return self._write(fn, attempts, on_busy, guarded)
        except DatabaseUnreachable:
            self._drop_connection()
            raise
        except DatabaseIOError as error:
            # the file or its folder became read-only while open (permissions changed on
            # the share): SQLite only says it cannot open the journal or write a page
            reason = why_read_only(self.path)
            if reason is None:
                raise
            self._became(reason)
            raise DatabaseReadOnly(reason) from error

    def _drop_connection(self) -> None:
        """After "cannot be reached": every thread's connection holds a handle on a share
        that went away (a dead handle fails for ever). This thread's is closed now, every
        other thread's at its next call (``_fresh_connection``); the next call connects
        again, and succeeds once the share is back."""
        self._epoch += 1
        self._fresh_connection()

    def _fresh_connection(self) -> None:
        """Close this thread's connection if it was made before the share last dropped."""
        if getattr(self._seen, "epoch", 0) != self._epoch and not self.db.in_transaction():
            with contextlib.suppress(Exception):
                self.db.close()
        self._seen.epoch = self._epoch

    def _became(self, reason: str) -> None:
        self.read_only = self.became_read_only = True
        self.read_only_reason = reason

    def _write(self, fn: Callable[[], T], attempts: int,
               on_busy: Callable[[int], None] | None, guarded: bool) -> T:
        if self.db.in_transaction():
            with translate_errors(self.path), self.db.atomic():
                return fn()
        started = time.monotonic()
        lock_wait = 0.0
        for attempt in range(1, attempts + 1):
            begun = time.monotonic()
            locked = False
            try:
                with ExitStack() as stack:
                    stack.enter_context(translate_errors(self.path))
                    self._begin_immediate(stack)
                    locked = True
                    lock_wait += time.monotonic() - begun
                    for guard in self.guards if guarded else ():
                        guard(self)
                    result = fn()
            except DatabaseBusy:
                if not locked:
                    lock_wait += time.monotonic() - begun
                if attempt == attempts:
                    self._report(attempt, lock_wait, started, ok=False)
                    self.events.emit(BusyEvent(self.path, attempt, attempts, lock_wait,
                                               "gave_up"))
                    raise
                self.events.emit(BusyEvent(self.path, attempt, attempts, lock_wait,
                                           "retrying"))
                if on_busy is not None:
                    on_busy(attempt)
                pause = min(1.0, 0.05 * 2 ** (attempt - 1)) * random.uniform(0.5, 1.5)
                time.sleep(pause)
                lock_wait += pause
            except BaseException:
                self._report(attempt, lock_wait, started, ok=False)
                if attempt > 1:
                    self.events.emit(BusyEvent(self.path, attempt, attempts, lock_wait,
                                               "cleared"))
                raise
            else:
                self._report(attempt, lock_wait, started, ok=True)
                if attempt > 1:
                    self.events.emit(BusyEvent(self.path, attempt, attempts, lock_wait,
                                               "cleared"))
                return result
        raise AssertionError("unreachable")

    def _begin_immediate(self, stack: ExitStack) -> None:
        """``BEGIN IMMEDIATE``, polling for up to ``busy_timeout``; the statements and the
        commit that follow keep SQLite's full busy timeout (a commit waits for readers)."""
        deadline = time.monotonic() + self.busy_timeout
        self.db.execute_sql(f"PRAGMA busy_timeout = {int(LOCK_POLL * 1000)}")
        try:
            while True:
                try:
                    stack.enter_context(self.db.atomic(lock_type="IMMEDIATE"))
                    return
                except peewee.OperationalError as error:
                    if not isinstance(classify(error), DatabaseBusy) or (
                            time.monotonic() >= deadline):
                        raise
                time.sleep(random.uniform(*LOCK_PAUSE))
        finally:
            self.db.execute_sql(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")

    def _report(self, attempts: int, lock_wait: float, started: float, *, ok: bool) -> None:
        if self.on_write is not None:
            self.on_write(WriteReport(attempts, lock_wait, time.monotonic() - started, ok))

    def read(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` in one read transaction, so that what it reads is consistent."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            if not self.db.in_transaction():
                self._fresh_connection()
            try:
                with translate_errors(self.path), model_proxy.using(self.db), self.db.atomic():
                    return fn()
            except DatabaseUnreachable:
                self._drop_connection()
                raise
            except DatabaseBusy:
                if attempt == WRITE_ATTEMPTS:
                    raise
                time.sleep(0.05 * random.uniform(0.5, 1.5))
        raise AssertionError("unreachable")

    def execute(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        """Run one statement and return all its rows (consumed at once, ending the read)."""
        if not self.db.in_transaction():
            self._fresh_connection()
        try:
            with translate_errors(self.path):
                return list(self.db.execute_sql(sql, params).fetchall())
        except DatabaseUnreachable:
            self._drop_connection()
            raise

    def user_version(self) -> int:
        return int(self.execute("PRAGMA user_version")[0][0])

    def data_version(self) -> int:
        """Changes when another connection commits; cheap enough to poll (R-UI refresh)."""
        return int(self.execute("PRAGMA data_version")[0][0])

    def raw_connection(self, *, read_only: bool = False) -> sqlite3.Connection:
        """A plain connection of its own to the same file, for the backup API (which must
        not run on a connection that is writing) and for side checks."""
        with translate_errors(self.path):
            if read_only or self.read_only:
                conn = sqlite3.connect(sqlite_uri(self.path, mode="ro"), uri=True,
                                       timeout=self.busy_timeout, isolation_level=None)
            else:
                conn = sqlite3.connect(sqlite_uri(self.path, mode="rwc"), uri=True,
                                       timeout=self.busy_timeout, isolation_level=None)
            register_chain_sqlite(conn)
            return conn

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def why_read_only(path: Path) -> str | None:
    """Why this program cannot write the file (a ``storage.readonly.*`` key), or None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None
    # no write bit at all: marked read-only (which an administrator's account would ignore)
    if mode is not None and (not os.access(path, os.W_OK) or not mode & 0o222):
        return "storage.readonly.file"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return "storage.readonly.folder"  # the rollback journal is created beside the file
    return None


class translate_errors:
    """Turn SQLite's errors into the core's typed storage errors, each with its message.
    Given the file's ``path``, a damage report is confirmed first and an I/O error on a file
    that cannot be reached says so (``storage.damage``): a share that drops under an open
    file makes SQLite report "malformed" although the file is intact."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: object) -> None:
        if exc is None or isinstance(exc, DeskError):
            return
        mapped = classify(exc)
        if mapped is not None:
            if self.path is not None and not _from_server(exc):  # a file's, not a server's
                from desk_app.storage.damage import confirmed_error

                raise confirmed_error(self.path, mapped) from exc
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


#: Extended result codes that say why a file cannot be written (sqlite3.h).
_READONLY_REASONS = {
    (8 | (1 << 8)): "storage.readonly.recovery",  # SQLITE_READONLY_RECOVERY
    (8 | (2 << 8)): "storage.readonly.locks",  # SQLITE_READONLY_CANTLOCK
    (8 | (3 << 8)): "storage.readonly.file",  # SQLITE_READONLY_ROLLBACK
    (8 | (4 << 8)): "storage.readonly.moved",  # SQLITE_READONLY_DBMOVED
    (8 | (6 << 8)): "storage.readonly.folder",  # SQLITE_READONLY_DIRECTORY
}


def _from_server(exc: BaseException) -> bool:
    """Whether the error came from a PostgreSQL server's driver (storage/postgres)."""
    seen: BaseException | None = exc
    while seen is not None:
        if type(seen).__module__.startswith("psycopg"):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def classify(exc: BaseException) -> StorageError | None:
    """The storage error an SQLite exception means, or None if it is not one of those."""
    if _from_server(exc):
        from desk_app.storage.postgres.errors import classify_server

        return classify_server(exc)
    error = _sqlite_error(exc)
    text = str(error or exc)
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "database is locked" in text:
        return DatabaseBusy()
    if primary == sqlite3.SQLITE_FULL:
        return DiskFull()
    if primary == sqlite3.SQLITE_READONLY:
        return DatabaseReadOnly(_READONLY_REASONS.get(code or 0, "storage.readonly.file"))
    if primary == sqlite3.SQLITE_PERM:
        return DatabaseReadOnly("storage.readonly.file")
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return DatabaseCorrupt(text)
    if primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN):
        name = getattr(error, "sqlite_errorname", "")
        return DatabaseIOError(f"{text}; {name}" if name else text)
    return None
