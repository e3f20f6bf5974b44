"""Log an incident: rules, journal, target clocks, one write transaction.

Ours: ``services.incident.log.log_incident`` as the service desk (role, caller, category and
group checks, the priority matrix, the incident row, its journal row, three clock runs and
three target clocks with their due times, the first deadline). Baseline: the same rows
written by hand-written SQL through plain ``sqlite3`` in one ``BEGIN IMMEDIATE``
transaction, with the due times from the core's own calendar functions.

Measured with the product's ``synchronous=EXTRA`` (the commit waits for fsync, the
journal's deletion included), and with ``synchronous=OFF`` on both connections, which
leaves out the commit's fsync; the target is 10 ms without it. Runs on a private copy of
the database.

A third row compares with a peer: django-helpdesk stores a new ticket as a ticket row and
its first followup (``bench.peer``). Written by hand into that peer's schema, filled to the
same size, in one transaction with the same pragmas, that is the least any helpdesk on
SQLite does to log a ticket; ours, with its rules, journal, target clocks and search
index, must take no longer.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from itertools import count
from pathlib import Path
from typing import Any

from bench import open_file, peer, plain_connection
from bench.benchmarks import Context, benchmark
from bench.measure import Result, measure
from desk_app.clock import FakeClock
from desk_app.domain.calendar import CalendarSpec, add_working_seconds
from desk_app.services.incident.log import NewIncident, log_incident
from desk_app.services.session import session_for

TITLE = "网络中断无法上网 / no network on the 9th floor"
DESCRIPTION = "9 楼多台电脑无法访问网络,影响开单。Several PCs on the 9th floor are offline."


def _calendar(conn: sqlite3.Connection, calendar_id: int) -> CalendarSpec:
    always, zone, makeup = conn.execute(
        "SELECT always, timezone, makeup_weekday FROM working_calendar WHERE id = ?",
        (calendar_id,)).fetchone()
    weekly: dict[int, list[tuple[int, int]]] = {}
    for day, start, end in conn.execute(
            "SELECT weekday, start_minute, end_minute FROM calendar_hours"
            " WHERE calendar_id = ? ORDER BY start_minute", (calendar_id,)):
        weekly.setdefault(day, []).append((start, end))
    off, on = set(), set()
    for day, working in conn.execute(
            "SELECT day, working FROM calendar_day WHERE calendar_id = ?", (calendar_id,)):
        (on if working else off).add(date.fromisoformat(day))
    return CalendarSpec(bool(always), zone, {d: tuple(v) for d, v in weekly.items()},
                        frozenset(off), frozenset(on), makeup)


def log_by_hand(conn: sqlite3.Connection, now: datetime, user_id: int, caller_id: int,
                category_id: int, impact: int, urgency: int) -> int:
    """The rows ``log_incident`` writes, by hand."""
    at = int(now.timestamp())
    conn.execute("BEGIN IMMEDIATE")
    try:
        caller_active = conn.execute("SELECT active FROM caller WHERE id = ?",
                                     (caller_id,)).fetchone()
        group_id, category_active = conn.execute(
            "SELECT group_id, active FROM category WHERE id = ?", (category_id,)).fetchone()
        group_active = conn.execute("SELECT active FROM support_group WHERE id = ?",
                                    (group_id,)).fetchone()
        assert caller_active[0] and category_active and group_active[0]
        priority = conn.execute("SELECT priority FROM priority_cell WHERE impact = ? AND"
                                " urgency = ?", (impact, urgency)).fetchone()[0]
        new_id = (conn.execute("SELECT max(id) FROM incident").fetchone()[0] or 0) + 1
        specs: dict[int, CalendarSpec] = {}
        clocks = []
        for stage, minutes, calendar_id in conn.execute(
                "SELECT stage, minutes, calendar_id FROM service_target WHERE priority = ?"
                " ORDER BY CASE stage WHEN 'assign' THEN 0 WHEN 'accept' THEN 1 ELSE 2 END",
                (priority,)).fetchall():
            spec = specs.get(calendar_id) or specs.setdefault(calendar_id,
                                                              _calendar(conn, calendar_id))
            due = int(add_working_seconds(spec, now, minutes * 60).timestamp())
            clocks.append((stage, minutes, calendar_id, due))
        conn.execute(
            "INSERT INTO incident (id, version, number, type, channel, caller_id, category_id,"
            " group_id, impact, urgency, priority, stage, title, description, resolution,"
            " knowledge, close_notes, created_by_id, created_at, updated_at,"
            " reassignment_count, escalation_count, next_deadline) VALUES (?, 1, ?,"
            " 'system_fault', 'phone', ?, ?, ?, ?, ?, ?, 'logged', ?, ?, '', 0, '', ?, ?, ?,"
            " 0, 0, ?)",
            (new_id, f"INC{new_id:07d}", caller_id, category_id, group_id, impact, urgency,
             priority, TITLE, DESCRIPTION, user_id, at, at, min(c[3] for c in clocks)))
        changes = {"stage": [None, "logged"], "priority": [None, priority],
                   "impact": [None, impact], "urgency": [None, urgency],
                   "category": [None, category_id], "group": [None, group_id]}
        conn.execute("INSERT INTO journal (incident_id, at, actor_id, action, changes, note)"
                     " VALUES (?, ?, ?, 'log', ?, '')",
                     (new_id, at, user_id, json.dumps(changes, ensure_ascii=False)))
        conn.executemany("INSERT INTO clock_run (incident_id, stage, started_at) VALUES"
                         " (?, ?, ?)", [(new_id, stage, at) for stage, *_ in clocks])
        conn.executemany(
            "INSERT INTO target_clock (incident_id, stage, priority, target_minutes,"
            " calendar_id, state, started_at, elapsed_seconds, running_since, due_at)"
            " VALUES (?, ?, ?, ?, ?, 'running', ?, 0, ?, ?)",
            [(new_id, stage, priority, minutes, calendar_id, at, at, due)
             for stage, minutes, calendar_id, due in clocks])
        conn.execute("COMMIT")
        return new_id
    except BaseException:
        conn.execute("ROLLBACK")
        raise


@benchmark("log_incident", "log an incident (rules, journal, targets)")
def run(ctx: Context) -> list[Result]:
    return [_variant(ctx, fsync=False), _variant(ctx, fsync=True), _against_peer(ctx)]


def _peer_file(ctx: Context, now: datetime) -> Path:
    """The peer's database at this size, made once per run folder."""
    path = ctx.workdir / f"peer-{ctx.size}.sqlite"
    if not path.exists():
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        peer.build(partial, ctx.size, now)
        partial.rename(path)
    return path


def _against_peer(ctx: Context) -> Result:
    path = ctx.copy("log-peer")
    start = datetime.fromisoformat(ctx.manifest.now).astimezone(UTC)
    peer_copy = ctx.workdir / f"peer-copy-{ctx.size}.sqlite"
    shutil.copyfile(_peer_file(ctx, start), peer_copy)
    store = open_file(path)
    conn = sqlite3.connect(peer_copy, isolation_level=None)
    for pragma in ("journal_mode = DELETE", "synchronous = EXTRA", "foreign_keys = ON"):
        store.db.execute_sql(f"PRAGMA {pragma}")
        conn.execute(f"PRAGMA {pragma}")
    clock = FakeClock(start)
    session = session_for(store, ctx.manifest.desk_user, clock)
    caller_id, category_id = store.execute(
        "SELECT (SELECT min(id) FROM caller WHERE NOT vip AND active),"
        " (SELECT min(id) FROM category WHERE active)")[0]
    ticks = count()

    def tick(_: str) -> None:
        clock.set(start + timedelta(seconds=next(ticks)))

    def ours() -> None:
        log_incident(session, NewIncident(caller_id, "system_fault", category_id, 3, TITLE,
                                          DESCRIPTION, urgency=3))

    def theirs() -> None:
        peer.log_ticket(conn, clock.now(), TITLE, DESCRIPTION)

    try:
        mine, baseline = measure(ours, theirs, repeat=ctx.repetitions(150),
                                 warmup=ctx.warmup, setup=tick)
    finally:
        conn.close()
        store.close()
        path.unlink()
        peer_copy.unlink()
    return Result("log an incident with fsync, against a peer's ticket and first entry",
                  ctx.size, mine, baseline, "≤ the peer's", limit_ratio=1.0,
                  note="baseline: django-helpdesk's two rows, by hand (bench/peer.py)")


def logging_against_by_hand(ctx: Context, store: object, conn: object) -> tuple[Any, Any]:
    """Logging through ``store`` against the same rows written by hand through ``conn`` (a
    file's, or a server's: ``bench.on_server``), a second apart each time; the timings."""
    start = datetime.fromisoformat(ctx.manifest.now).astimezone(UTC)
    clock = FakeClock(start)
    session = session_for(store, ctx.manifest.desk_user, clock)  # type: ignore[arg-type]
    user_id = session.user_id or 0
    caller_id, category_id = conn.execute(  # type: ignore[attr-defined]
        "SELECT (SELECT min(id) FROM caller WHERE NOT vip AND active),"
        " (SELECT min(id) FROM category WHERE active)").fetchone()
    ticks = count()

    def tick(_: str) -> None:
        clock.set(start + timedelta(seconds=next(ticks)))

    def ours() -> None:
        log_incident(session, NewIncident(caller_id, "system_fault", category_id, 3, TITLE,
                                          DESCRIPTION, urgency=3))

    def by_hand() -> None:
        log_by_hand(conn, clock.now(), user_id, caller_id, category_id, 3, 3)  # type: ignore[arg-type]

    return measure(ours, by_hand, repeat=ctx.repetitions(150), warmup=ctx.warmup, setup=tick)


def _variant(ctx: Context, fsync: bool) -> Result:
    path = ctx.copy("log")
    store = open_file(path)
    conn = plain_connection(path)
    mode = "EXTRA" if fsync else "OFF"
    store.db.execute_sql(f"PRAGMA synchronous = {mode}")
    conn.execute(f"PRAGMA synchronous = {mode}")
    try:
        mine, theirs = logging_against_by_hand(ctx, store, conn)
    finally:
        conn.close()
        store.close()
        path.unlink()
    if fsync:
        return Result("log an incident, with the commit's fsync", ctx.size, mine, theirs,
                      "report")
    return Result("log an incident, without fsync", ctx.size, mine, theirs, "≤ 10 ms",
                  limit_ms=10.0)
