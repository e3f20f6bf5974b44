"""Who has the file open, and maintenance mode.

Every workstation that opens the file writes a presence row and refreshes its heartbeat
(``HEARTBEAT_SECONDS``); the administrator's screen lists them. Maintenance (a restore, an
upgrade) sets the single ``maintenance`` row: from then on every other workstation's writes
are refused with a message naming who is doing what (the guard below runs inside each write
transaction, so no write slips past it), and each workstation's next heartbeat marks it
``released``, which is how the maintainer knows it has let go.

A program that dies holding maintenance must not block the file forever: maintenance whose
holder has not been heard of for ``STALE_SECONDS`` is ignored, and may be taken over.

Times here are wall-clock seconds (``time.time``), not the process clock that services use
for target times: presence is about real programs on real machines.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import peewee

from desk_app import __version__
from desk_app.errors import DatabaseReplaced, DatabaseUnreachable, MaintenanceActive
from desk_app.storage.database import Store, StoreIdentity
from desk_app.storage.migrations import check_version

#: The schema version that brought the presence and maintenance tables.
PRESENCE_SCHEMA = 4
HEARTBEAT_SECONDS = 30
STALE_SECONDS = 120
#: Presence rows not heard of for this long are deleted by the next heartbeat.
FORGET_SECONDS = 7 * 24 * 3600
#: How long a maintainer waits for the others to let go, by default: long enough for every
#: workstation's heartbeat to come round at least twice.
RELEASE_TIMEOUT = 2 * HEARTBEAT_SECONDS + 15

Now = Callable[[], float]


@dataclass(frozen=True)
class Visitor:
    """Who this open of the file is, for its presence row."""

    username: str = "system"
    full_name: str = ""
    user_id: int | None = None
    workstation: str = ""

    def host(self) -> str:
        return self.workstation or socket.gethostname()


@dataclass(frozen=True)
class PresenceRow:
    token: str
    username: str
    full_name: str
    workstation: str
    pid: int
    program_version: str
    schema_version: int
    started_at: datetime
    heartbeat_at: datetime
    state: str  # "active" or "released"
    stale: bool  # not heard of for STALE_SECONDS
    me: bool  # this open of the file


@dataclass(frozen=True)
class MaintenanceState:
    active: bool
    reason: str | None
    username: str
    workstation: str
    started_at: datetime | None
    generation: int
    mine: bool

    def error(self) -> MaintenanceActive:
        return MaintenanceActive(self.username, self.workstation, self.reason or "restore")


def _moment(value: float | int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(int(value), UTC)


# -- presence --------------------------------------------------------------------------------
def join(store: Store, visitor: Visitor, now: Now = time.time) -> None:
    """Announce this open of the file (again, if a restore took the row away)."""
    store.visitor = visitor
    store.write(lambda: _upsert(store, visitor, int(now())), guarded=False)


def _upsert(store: Store, visitor: Visitor, at: int, state: str = "active") -> None:
    store.db.execute_sql(
        "INSERT INTO presence (token, user_id, username, full_name, workstation, pid, "
        "program_version, schema_version, started_at, heartbeat_at, state) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT user_version FROM pragma_user_version), ?, ?, ?) "
        "ON CONFLICT (token) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, "
        "state = excluded.state",
        (store.token, visitor.user_id, visitor.username, visitor.full_name, visitor.host(),
         os.getpid(), __version__, at, at, state))


def heartbeat(store: Store, now: Now = time.time) -> MaintenanceState | None:
    """Refresh this workstation's heartbeat; returns the maintenance in force (by someone
    else) or None. While maintenance is on, the row says ``released``: this workstation
    has let go and writes nothing until it ends."""
    visitor = store.visitor or Visitor()

    def run() -> MaintenanceState | None:
        at = int(now())
        state = _maintenance(store, at)
        other = state if state is not None and not state.mine else None
        _upsert(store, visitor, at, "released" if other else "active")
        store.db.execute_sql("DELETE FROM presence WHERE heartbeat_at < ?",
                             (at - FORGET_SECONDS,))
        return other

    # a heartbeat changes nothing anyone looks at: on a server it tells no workstation to
    # refresh (every workstation's beat would otherwise refresh every other one)
    return store.write_quietly(run, guarded=False)


def leave(store: Store) -> None:
    """Remove this open's presence row (closing the program)."""
    store.write(lambda: store.db.execute_sql("DELETE FROM presence WHERE token = ?",
                                             (store.token,)), guarded=False)


def present(store: Store, now: Now = time.time) -> list[PresenceRow]:
    """Everyone who has the file open (or had, until they went silent), newest first."""
    at = int(now())
    rows = store.read(lambda: store.db.execute_sql(
        "SELECT token, username, full_name, workstation, pid, program_version, "
        "schema_version, started_at, heartbeat_at, state FROM presence "
        "ORDER BY heartbeat_at DESC, id").fetchall())
    return [
        PresenceRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _moment(r[7]),  # type: ignore[arg-type]
                    _moment(r[8]), r[9], r[8] < at - STALE_SECONDS,  # type: ignore[arg-type]
                    r[0] == store.token)
        for r in rows
    ]


# -- maintenance -----------------------------------------------------------------------------
_MAINTENANCE_SQL = (
    "SELECT m.active, m.reason, m.token, m.username, m.workstation, m.started_at, "
    "m.generation, p.heartbeat_at FROM maintenance m LEFT JOIN presence p "
    "ON p.token = m.token WHERE m.id = 1")


def _maintenance(store: Store, at: int) -> MaintenanceState | None:
    """The maintenance in force, or None (none, or its holder has gone silent)."""
    row = store.db.execute_sql(_MAINTENANCE_SQL).fetchone()
    if row is None or not row[0]:
        return None
    heard = max(row[5] or 0, row[7] or 0)
    if heard < at - STALE_SECONDS and row[2] != store.token:
        return None
    return MaintenanceState(True, row[1], row[3], row[4], _moment(row[5]), row[6],
                            row[2] == store.token)


def maintenance_state(store: Store, now: Now = time.time) -> MaintenanceState | None:
    return store.read(lambda: _maintenance(store, int(now())))


def generation(store: Store) -> int:
    """How many restores the file has been through (0 before ``PRESENCE_SCHEMA``)."""
    try:
        rows = store.execute("SELECT generation FROM maintenance WHERE id = 1")
    except peewee.OperationalError:  # an older schema, without the table
        return 0
    return int(rows[0][0]) if rows else 0


def begin_maintenance(store: Store, reason: str, visitor: Visitor | None = None,
                      now: Now = time.time) -> MaintenanceState:
    """Put the file under maintenance by this open of it; refused (``MaintenanceActive``)
    while another workstation's maintenance is in force."""
    who = visitor or store.visitor or Visitor()
    store.visitor = who

    def run() -> MaintenanceState:
        at = int(now())
        current = _maintenance(store, at)
        if current is not None and not current.mine:
            raise current.error()
        _upsert(store, who, at)
        store.db.execute_sql(
            "UPDATE maintenance SET active = 1, reason = ?, token = ?, username = ?, "
            "workstation = ?, started_at = ? WHERE id = 1",
            (reason, store.token, who.username, who.host(), at))
        state = _maintenance(store, at)
        assert state is not None
        return state

    return store.write(run, guarded=False)


def end_maintenance(store: Store) -> None:
    """End this open's maintenance (another's is left alone)."""
    store.write(lambda: store.db.execute_sql(
        "UPDATE maintenance SET active = 0, reason = NULL, token = NULL, started_at = NULL "
        "WHERE id = 1 AND token = ?", (store.token,)), guarded=False)


def wait_for_release(store: Store, timeout: float = RELEASE_TIMEOUT, *, poll: float = 1.0,
                     now: Now = time.time,
                     on_progress: Callable[[list[PresenceRow]], None] | None = None,
                     ours: Collection[str] = ()) -> list[PresenceRow]:
    """Wait until every other present workstation has let go (or gone silent); returns
    those still holding on when ``timeout`` runs out (empty: all let go).

    ``ours``: tokens of other opens of the file by the maintainer's own program (the
    window from which an administrator restores): they are not waited for, because the
    program that asked for the maintenance is not using them meanwhile (and their writes
    are refused by the guard all the same)."""
    deadline = time.monotonic() + timeout
    while True:
        heartbeat(store, now)
        holdouts = [p for p in present(store, now)
                    if not p.me and not p.stale and p.state != "released"
                    and p.token not in ours]
        if on_progress is not None:
            on_progress(holdouts)
        if not holdouts or time.monotonic() >= deadline:
            return holdouts
        time.sleep(min(poll, max(0.0, deadline - time.monotonic())))


@contextmanager
def maintenance(store: Store, reason: str, visitor: Visitor | None = None,
                now: Now = time.time) -> Iterator[MaintenanceState]:
    state = begin_maintenance(store, reason, visitor, now)
    try:
        yield state
    finally:
        end_maintenance(store)


# -- the guard every write passes ------------------------------------------------------------
def replaced(store: Store) -> bool:
    """Whether the file was restored (in place, or a damaged file replaced) since this
    store opened it: the same test as the guard's, asked without writing, so that a
    workstation that only reads hears of it too (its heartbeat asks) and reopens."""
    if store.seen_generation is None:
        return False  # opened without the guard (a side file, a test's store)
    if store.identity is not None:
        now_identity = StoreIdentity.of(store.path)
        if now_identity is None:
            return False  # not there now (a dropped share, a vanished file): not restored
        if not store.identity.same_file(now_identity):
            return True
    return generation(store) != store.seen_generation


def install_guard(store: Store, latest: int, now: Now = time.time) -> None:
    """Refuse writes that must not happen: the file was upgraded past this program
    (``SchemaTooNew``, even for a program that opened it before the upgrade), another
    workstation holds maintenance, or the file was restored since this program opened it."""
    seen_generation = store.seen_generation = generation(store)
    seen_identity = store.identity = StoreIdentity.of(store.path)  # the file exists by now

    def guard(store: Store) -> None:
        version = store.db.execute_sql("PRAGMA user_version").fetchone()[0]
        if version > latest:
            check_version(store, latest)
        if seen_identity is not None:
            now_identity = StoreIdentity.of(store.path)
            if now_identity is None:  # vanished, or its share dropped: not a restore
                raise DatabaseUnreachable(str(store.path))
            if not seen_identity.same_file(now_identity):
                raise DatabaseReplaced()
        try:
            state = _maintenance(store, int(now()))
            current = store.db.execute_sql(
                "SELECT generation FROM maintenance WHERE id = 1").fetchone()
        except peewee.OperationalError:  # an older schema, without the table
            return
        if state is not None and not state.mine:
            raise state.error()
        if current is not None and current[0] != seen_generation:
            raise DatabaseReplaced()

    store.guards.append(guard)
