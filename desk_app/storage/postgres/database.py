"""A team's database on a PostgreSQL server, behind the same ``Store`` a file has.

The services see no difference: ``store.write`` runs a function in one short transaction,
retried whole when the server says "try again"; ``store.read`` in one consistent snapshot;
peewee's models and the program's own SQL (translated, ``dialect``) run unchanged.

How a write keeps a file's guarantees here: it begins with a transaction-scoped advisory
lock, the server's counterpart of ``BEGIN IMMEDIATE``, so that writes follow one another as
they do in a file and every statement of a write sees everything committed before it (read
then decide then write, as the rules do, stays correct); the lock waits at most the busy
timeout, after which the write is retried whole like a busy file's. Reads never take it:
they run in a ``REPEATABLE READ`` snapshot beside the writes, which is what a server adds
over a file (readers never wait for a writer, and a writer never waits for readers). Each
write ends with ``NOTIFY desk_changed``: the other workstations refresh on it instead of
polling (``listen``).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

import peewee

from desk_app.errors import DatabaseReadOnly, StorageError
from desk_app.storage.database import (
    BUSY_TIMEOUT,
    WRITE_ATTEMPTS,
    Store,
    translate_errors,
)
from desk_app.storage.models import database as model_proxy
from desk_app.storage.postgres.dialect import translate
from desk_app.storage.postgres.reach import connect_error, lost_error
from desk_app.storage.postgres.url import ServerAddress

T = TypeVar("T")
log = logging.getLogger(__name__)

#: The channel every write notifies and every workstation listens on.
CHANNEL = "desk_changed"
#: The advisory lock every write holds (one per database: the key is the program's own).
WRITE_LOCK = int.from_bytes(hashlib.sha256(b"desk-app write").digest()[:8], "big",
                            signed=True)


#: How peewee's ``Query.exists()`` begins (see ``ServerDatabase._unprepared``).
PROBE = "SELECT EXISTS("


class ServerDatabase(peewee.PostgresqlDatabase):
    """peewee's PostgreSQL database, speaking the program's SQLite dialect where the program
    writes SQL by hand, and beginning each write with the write lock."""

    def __init__(self, address: ServerAddress, busy_timeout: float) -> None:
        self.address = address
        self.busy_timeout = busy_timeout
        super().__init__(address.database, prefer_psycopg3=True, **address.connect_kwargs())
        self.wrote = False
        #: ``rows_only.on``: this thread's next write locks only the rows it touches
        self.rows_only = threading.local()
        #: ``quiet.on``: this thread's next write does not notify the workstations
        self.quiet = threading.local()
        #: ``committing.on``: this thread's transaction asked the server to commit, and
        #: has not heard back
        self.committing = threading.local()

    def _connect(self) -> Any:
        import psycopg
        from psycopg.types.string import TextLoader

        # the password kept now: one given since this database was made (the workstation
        # asked again after the server refused the old one) is the one to use
        self.connect_params = self.address.connect_kwargs()
        started = time.monotonic()
        try:
            conn = super()._connect()  # type: ignore[misc]
        except psycopg.OperationalError as error:
            # typed by what failed: a password (the workstation asks for it), TLS, …
            raise connect_error(self.address, error, kwargs=self.connect_params,
                                started=started) from error
        # JSON comes back as the text a file gives (the hash chain hashes it)
        conn.adapters.register_loader("json", TextLoader)
        conn.adapters.register_loader("jsonb", TextLoader)
        return conn

    def execute_sql(self, sql: str, params: Any = None, commit: Any = None) -> Any:
        sql = translate(sql)
        run = self._unprepared if sql.startswith(PROBE) else super().execute_sql
        if self.in_transaction():
            return run(sql, params or ())
        return self._again_if_lost(lambda: run(sql, params or ()))

    def _unprepared(self, sql: str, params: Any) -> Any:
        """peewee's execution of ``sql``, never as a prepared statement.

        psycopg prepares a statement run five times, and the server then plans it once for
        any values. For an ``EXISTS`` probe that generic plan expects an early match and reads
        the table from its start; the probes the scans and the outbox make every minute find
        nothing most of the time, so it read every row (17 ms a probe at 10,000 incidents, 78,000
        notifications, growing with the file; 0.03 ms through the index). Unprepared, each
        probe is planned for its values, which costs a tenth of a millisecond."""
        self._log_query(sql, params)  # type: ignore[attr-defined]
        with peewee.__exception_wrapper__:  # type: ignore[attr-defined]
            cursor = self.cursor()
            cursor.execute(sql, params, prepare=False)
        return cursor

    def _lost(self) -> bool:
        """Whether this thread's connection was lost (the server restarted, the network
        dropped, an administrator ended it): psycopg then refuses every statement on it."""
        conn = self._state.conn  # type: ignore[attr-defined]
        return conn is not None and bool(conn.closed or conn.broken)

    def _again_if_lost(self, first: Callable[[], T]) -> T:
        """Run ``first`` (a transaction's first statement, or one outside a transaction);
        if this thread's connection turns out to be lost, connect again and run it once
        more. Nothing had reached the server, so running it again is safe. The new
        connection may be refused like the first one of the day: a password changed on the
        server meanwhile is ``ServerPasswordNeeded``, which the workstation asks for."""
        try:
            return first()
        except (peewee.OperationalError, peewee.InterfaceError):
            if not self._lost():
                raise
        self.connect_again()
        return first()

    def connect_again(self) -> None:
        """Drop this thread's lost connection and make a new one (which the server may
        refuse like the day's first: ``ServerPasswordNeeded``, ``ServerUnreachable``)."""
        log.info("%s: the connection was lost; connecting again", self.address.display())
        with contextlib.suppress(Exception):
            self._state.conn.close()  # type: ignore[attr-defined]
        self._state.reset()  # type: ignore[attr-defined]
        self.connect()

    def executemany(self, sql: str, rows: Any) -> Any:
        """The same statement for every row (``storage.bulk``); ``rowcount`` is the sum."""
        cursor = self.cursor()
        with peewee.__exception_wrapper__:  # type: ignore[attr-defined]
            cursor.executemany(translate(sql), rows)
        return cursor

    def begin(self, isolation_level: Any = None, lock_type: str | None = None) -> None:
        """A write (``lock_type="IMMEDIATE"``, as a file's) takes the write lock and reads
        the latest committed rows at each statement; any other transaction (``Store.read``)
        reads one snapshot."""
        begin = super().begin
        if lock_type not in ("IMMEDIATE", "EXCLUSIVE"):
            self._again_if_lost(lambda: begin(isolation_level or "REPEATABLE READ"))
            return
        if getattr(self.rows_only, "on", False):
            self._again_if_lost(lambda: begin(isolation_level))  # READ COMMITTED, row locks
            self.wrote = True
            return
        self._again_if_lost(lambda: begin(isolation_level))
        cursor = self.cursor()
        try:
            cursor.execute(f"SET LOCAL lock_timeout = {int(self.busy_timeout * 1000)}")
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        except BaseException:
            # the lock was not had in time ("busy"): the transaction never began for
            # peewee, so it is ended here, or the connection would stay in it, aborted
            self._state.conn.rollback()  # type: ignore[attr-defined]
            raise
        self.wrote = True

    def commit(self) -> None:
        if self.wrote:
            self.wrote = False
            if not getattr(self.quiet, "on", False):
                self.cursor().execute(f"NOTIFY {CHANNEL}")
        self.committing.on = True
        super().commit()
        self.committing.on = False

    def lost_before_commit(self) -> bool:
        """Whether this thread's connection is lost and its last transaction never asked
        the server to commit: the server then rolled it back, and running it again from
        the start is safe. A connection lost while committing may or may not have saved."""
        return self._lost() and not getattr(self.committing, "on", False)

    def rollback(self) -> None:
        self.wrote = False
        conn = self._state.conn  # type: ignore[attr-defined]
        if conn is None or conn.closed:
            return
        super().rollback()


class ServerStore(Store):
    """A database on a server (``postgresql://…``), used as a ``Store``."""

    kind = "server"

    @property
    def where(self) -> str:
        return self.url

    def __init__(self, address: ServerAddress, *, read_only: bool = False,
                 busy_timeout: float = BUSY_TIMEOUT, bind: bool = True,
                 read_only_reason: str = "storage.readonly.asked") -> None:
        self.address = address
        self.url = address.url()
        # where the data lives, as people read it (never with a password); a server's
        # connections are not tied to a share that drops (``_epoch`` stays 0)
        self._open_state(Path(address.display()), read_only, busy_timeout, read_only_reason)
        self.identity = None  # (no file)
        self.db = ServerDatabase(address, busy_timeout)  # type: ignore[assignment]
        if bind:
            self.bind()

    def write(self, fn: Callable[[], T], *, attempts: int = WRITE_ATTEMPTS,
              on_busy: Callable[[int], None] | None = None, guarded: bool = True) -> T:
        if self.read_only:
            raise DatabaseReadOnly(self.read_only_reason)
        with model_proxy.using(self.db):
            return self._again_if_lost(lambda: self._write(fn, attempts, on_busy, guarded))

    def read(self, fn: Callable[[], T]) -> T:
        return self._again_if_lost(lambda: super(ServerStore, self).read(fn))

    def _again_if_lost(self, transaction: Callable[[], T]) -> T:
        """Run ``transaction`` (a whole read or write); if the connection was lost while it
        ran (the server restarted, the network dropped, an administrator ended it), before
        it asked to commit, the server rolled it back: connect again and run it once more
        from the start, as a busy write is. The person sees an error only when the server
        is still out of reach, or when the connection went while committing (whether the
        change was saved is then unknown, and the form keeps its text to try again)."""
        db: ServerDatabase = self.db  # type: ignore[assignment]
        if db.in_transaction():
            return transaction()
        for attempt in (1, 2):
            db.committing.on = False
            try:
                return transaction()
            except (StorageError, peewee.PeeweeException) as error:
                if not db._lost():
                    raise
                if attempt == 2 or not db.lost_before_commit():
                    raise lost_error(self.address, error) from error
            db.connect_again()
        raise AssertionError("unreachable")

    def write_rows(self, fn: Callable[[], T]) -> T:
        """A write that takes no write lock, only the locks of the rows it touches: for
        work many workstations do at once on rows each takes for itself with ``SELECT …
        FOR UPDATE SKIP LOCKED`` (claiming outbox rows), so that they neither wait for
        one another nor for the other writes. Everything else about it is ``write``'s
        (guards, retries, the notice to the other workstations)."""
        flag = self.db.rows_only  # type: ignore[attr-defined]
        outer = getattr(flag, "on", False)
        flag.on = True
        try:
            return self.write(fn)
        finally:
            flag.on = outer

    def write_quietly(self, fn: Callable[[], T], *, guarded: bool = True) -> T:
        """A write the other workstations need not refresh for (a heartbeat): no
        ``NOTIFY``."""
        flag = self.db.quiet  # type: ignore[attr-defined]
        outer = getattr(flag, "on", False)
        flag.on = True
        try:
            return self.write(fn, guarded=guarded)
        finally:
            flag.on = outer

    def _begin_immediate(self, stack: ExitStack) -> None:
        stack.enter_context(self.db.atomic(lock_type="IMMEDIATE"))

    def execute(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        with translate_errors():
            cursor = self.db.execute_sql(sql, params)
            return list(cursor.fetchall()) if cursor.description else []

    def raw_connection(self, *, read_only: bool = False) -> Any:
        raise StorageError("storage.server.no_file")

    def listen(self) -> Any:
        """A connection of its own that hears every committed write (``NOTIFY``):
        ``conn.notifies(timeout=…)`` yields one notice per write."""
        import psycopg

        conn = psycopg.connect(**self.address.connect_kwargs(), dbname=self.address.database,
                               autocommit=True)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn
