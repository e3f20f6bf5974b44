"""Open an incident with about 200 journal entries: everything its form shows.

Ours: ``services.incident.queries.incident_view`` (fields, target clocks with the working time used,
the whole journal with names, escalations with their notifications, changes). Baseline: the
same data by hand-written SQL through plain ``sqlite3`` in one read transaction, with times
turned into datetimes and the journal's JSON parsed as ours does. Target: 50 ms.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from typing import Any

from bench import open_file, plain_connection
from bench.benchmarks import Context, benchmark
from bench.measure import Result, measure
from desk_app.clock import FakeClock
from desk_app.domain.calendar import CalendarSpec, working_seconds
from desk_app.services.incident.queries import incident_view
from desk_app.services.session import system_session


def _moment(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def _calendars(conn: sqlite3.Connection) -> dict[int, CalendarSpec]:
    weekly: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for cal, day, start, end in conn.execute(
            "SELECT calendar_id, weekday, start_minute, end_minute FROM calendar_hours"
            " ORDER BY start_minute"):
        weekly.setdefault(cal, {}).setdefault(day, []).append((start, end))
    off: dict[int, set[date]] = {}
    on: dict[int, set[date]] = {}
    for cal, day, working in conn.execute(
            "SELECT calendar_id, day, working FROM calendar_day"):
        (on if working else off).setdefault(cal, set()).add(date.fromisoformat(day))
    return {cid: CalendarSpec(bool(always), zone, {d: tuple(v) for d, v in
                                                   weekly.get(cid, {}).items()},
                              frozenset(off.get(cid, ())), frozenset(on.get(cid, ())), makeup)
            for cid, always, zone, makeup in conn.execute(
                "SELECT id, always, timezone, makeup_weekday FROM working_calendar")}


def view_by_hand(conn: sqlite3.Connection, incident_id: int, now: datetime) -> dict[str, Any]:
    conn.execute("BEGIN")
    try:
        one = conn.execute
        incident = one("SELECT * FROM incident WHERE id = ?", (incident_id,)).fetchone()
        names = [d[0] for d in one("SELECT * FROM incident LIMIT 0").description]
        row = dict(zip(names, incident, strict=True))
        calendars = _calendars(conn)
        view: dict[str, Any] = {
            "incident": row,
            "caller": one("SELECT * FROM caller WHERE id = ?", (row["caller_id"],)).fetchone(),
            "category": one("SELECT * FROM category WHERE id = ?",
                            (row["category_id"],)).fetchone(),
            "group": one("SELECT * FROM support_group WHERE id = ?",
                         (row["group_id"],)).fetchone(),
            "assignee": one("SELECT * FROM user WHERE id = ?",
                            (row["assignee_id"],)).fetchone(),
            "created_by": one("SELECT * FROM user WHERE id = ?",
                              (row["created_by_id"],)).fetchone(),
            "wait_code": one("SELECT * FROM wait_code WHERE id = ?",
                             (row["wait_code_id"],)).fetchone(),
            "close_code": one("SELECT * FROM close_code WHERE id = ?",
                              (row["close_code_id"],)).fetchone(),
        }
        clocks = []
        for (stage, priority, minutes, cal, state, started, elapsed, since, due, breached,
             stopped) in one(
                "SELECT stage, priority, target_minutes, calendar_id, state, started_at,"
                " elapsed_seconds, running_since, due_at, breached_at, stopped_at"
                " FROM target_clock WHERE incident_id = ? ORDER BY id", (incident_id,)):
            used = elapsed if since is None else elapsed + working_seconds(
                calendars[cal], datetime.fromtimestamp(since, UTC), now)
            clocks.append((stage, priority, minutes, cal, state, _moment(started), used,
                           _moment(due), _moment(breached), _moment(stopped)))
        view["clocks"] = clocks
        view["journal"] = [
            (jid, _moment(at), name, action, json.loads(changes or "{}"), note)
            for jid, at, name, action, changes, note in one(
                "SELECT j.id, j.at, u.full_name, j.action, j.changes, j.note FROM journal j"
                " LEFT JOIN user u ON u.id = j.actor_id WHERE j.incident_id = ?"
                " ORDER BY j.id", (incident_id,))]
        escalations = one(
            "SELECT e.*, u.full_name FROM escalation e LEFT JOIN user u"
            " ON u.id = e.acknowledged_by_id WHERE e.incident_id = ? ORDER BY e.id",
            (incident_id,)).fetchall()
        notifications = one(
            "SELECT n.escalation_id, u.full_name, n.channel, n.state FROM notification n"
            " JOIN escalation e ON e.id = n.escalation_id JOIN user u"
            " ON u.id = n.recipient_id WHERE e.incident_id = ?", (incident_id,)).fetchall()
        view["escalations"] = [(e, [n[1:] for n in notifications if n[0] == e[0]])
                               for e in escalations]
        view["changes"] = one("SELECT * FROM change_request WHERE incident_id = ?",
                              (incident_id,)).fetchall()
        return view
    finally:
        conn.execute("COMMIT")


def pick(ctx: Context, entries: int = 200) -> tuple[int, int]:
    """The generated incident whose journal is closest to ``entries`` rows."""
    return min(ctx.manifest.long_history.items(), key=lambda kv: (abs(kv[1] - entries), kv))


@benchmark("open_incident", "open an incident with 200 journal entries (incident_view)")
def run(ctx: Context) -> list[Result]:
    return opening(ctx, open_file(ctx.path, read_only=True),
                   plain_connection(ctx.path, read_only=True))


def opening(ctx: Context, store: object, conn: object) -> list[Result]:
    """The view through ``store`` against the reads through ``conn`` (a file's, or a
    server's: ``bench.on_server``); both are closed at the end."""
    incident_id, entries = pick(ctx)
    session = system_session(store, FakeClock(ctx.manifest.now))  # type: ignore[arg-type]
    now = datetime.fromisoformat(ctx.manifest.now)
    try:
        view = incident_view(session, incident_id)
        by_hand = view_by_hand(conn, incident_id, now)  # type: ignore[arg-type]
        assert len(view.journal) == len(by_hand["journal"]) == entries
        ours, baseline = measure(lambda: incident_view(session, incident_id),
                                 lambda: view_by_hand(conn, incident_id, now),  # type: ignore[arg-type]
                                 repeat=ctx.repetitions(60), warmup=ctx.warmup)
    finally:
        conn.close()  # type: ignore[attr-defined]
        store.close()  # type: ignore[attr-defined]
    return [Result(f"open an incident ({entries} journal entries)", ctx.size, ours, baseline,
                   "≤ 50 ms, ≤ 1.5× baseline", limit_ms=50.0, limit_ratio=1.5)]
