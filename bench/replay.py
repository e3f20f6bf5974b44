"""Replay a generated database's operations through the real services, and compare.

The generator plays every incident in memory (``bench.simulate``). To prove that what it
writes is what the product writes, this module takes the operations it played (recorded
per incident), performs them with the core's own services against a copy of the same
organisation under a fake clock, running ``escalation.scan`` and ``workflow.auto_close`` at
the same minutes, and compares the two files table by table. Ids that depend only on the
order in which rows were inserted are left out of the comparison; everything else,
including the journal's JSON, must be equal.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import open_file
from bench.generate import BIG_TABLES, deliver_notifications, epoch
from desk_app.clock import FakeClock
from desk_app.services.alerts import review
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident import log as incidents
from desk_app.services.incident import pending, workflow
from desk_app.services.session import Session, session_for
from desk_app.storage.chain import register_sqlite

Recorded = dict[int, list[tuple[int, int, str, dict[str, Any]]]]


def empty_copy(source: Path, target: Path) -> None:
    """``source`` with its organisation and reference data, and no incidents."""
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    register_sqlite(conn)  # the program's triggers call its functions
    with conn:
        for table in reversed(BIG_TABLES):
            conn.execute(f"DELETE FROM {table}")
    conn.close()


def replay(path: Path, recorded: Recorded, now: str) -> None:
    """Perform every recorded operation through the services, in time order."""
    steps = sorted(
        (at, order, incident_id, position, name, args)
        for incident_id, ops in recorded.items()
        for position, (at, order, name, args) in enumerate(ops)
    )
    store = open_file(path)
    clock = FakeClock(datetime.fromtimestamp(steps[0][0] if steps else epoch(now), UTC))
    names = dict(store.execute("SELECT id, username FROM user"))
    sessions: dict[int, Session] = {}

    def as_(user_id: int) -> Session:
        if user_id not in sessions:
            sessions[user_id] = session_for(store, names[user_id], clock)
        return sessions[user_id]

    done_ticks: set[tuple[int, str]] = set()
    try:
        for at, _, incident_id, _, name, args in steps:
            clock.set(datetime.fromtimestamp(at, UTC))
            if name in ("scan", "auto_close"):
                if (at, name) not in done_ticks:
                    done_ticks.add((at, name))
                    (scan if name == "scan" else workflow.auto_close)(store, clock)
                continue
            _perform(store, as_, incident_id, name, dict(args))
    finally:
        store.close()
    conn = sqlite3.connect(path)
    with conn:
        deliver_notifications(conn, epoch(now))
    conn.close()


def _perform(store: Any, as_: Any, incident_id: int, name: str, args: dict[str, Any]) -> None:
    session = as_(args.pop("actor"))
    if name == "log":
        resolve = args.pop("resolve", None)
        form = incidents.NewIncident(**args)
        fcr = incidents.FirstContactResolution(**resolve) if resolve else None
        created = incidents.log_incident(session, form, fcr).new_id
        assert created == incident_id, (created, incident_id)
    elif name == "note":
        incidents.add_note(session, incident_id, args["text"])
    elif name == "assign":
        workflow.assign(session, incident_id, **args)
    elif name == "accept":
        workflow.accept(session, incident_id, **args)
    elif name == "transfer":
        workflow.transfer(session, incident_id, **args)
    elif name == "pend":
        pending.set_pending(session, incident_id, **args)
    elif name == "resume":
        pending.resume(session, incident_id, **args)
    elif name == "raise_change":
        pending.raise_change(session, incident_id, **args)
    elif name == "close_change":
        change = store.execute(
            "SELECT id FROM change_request WHERE incident_id = ? AND state = 'open'"
            " ORDER BY id LIMIT 1", (incident_id,))[0][0]
        pending.close_change(session, change, **args)
    elif name == "resolve":
        workflow.resolve(session, incident_id, **args)
    elif name == "reject":
        workflow.reject_resolution(session, incident_id, **args)
    elif name == "confirm":
        workflow.confirm_resolution(session, incident_id, **args)
    elif name == "close":
        workflow.close(session, incident_id, **args)
    elif name == "acknowledge":
        escalation = store.execute(
            "SELECT id FROM escalation WHERE incident_id = ? AND reason = ?",
            (incident_id, args["reason"]))[0][0]
        review.acknowledge_escalation(session, escalation, args["comment"])
    else:
        raise ValueError(name)


#: Per table: the query that lists its rows in a form independent of insertion order.
COMPARABLE = {
    "incident": "SELECT * FROM incident ORDER BY id",
    "journal": "SELECT incident_id, at, actor_id, action, changes, note FROM journal"
               " ORDER BY incident_id, id",
    "target_clock": "SELECT incident_id, stage, priority, target_minutes, calendar_id, state,"
                    " started_at, elapsed_seconds, running_since, due_at, breached_at,"
                    " stopped_at FROM target_clock ORDER BY incident_id, id",
    "clock_run": "SELECT incident_id, stage, started_at, ended_at FROM clock_run"
                 " ORDER BY incident_id, id",
    "escalation": "SELECT version, incident_id, reason, at, actor_id, old_urgency,"
                  " new_urgency, old_priority, new_priority, acknowledged_at,"
                  " acknowledged_by_id, ack_comment FROM escalation"
                  " ORDER BY incident_id, id",
    "notification": "SELECT e.incident_id, e.reason, n.recipient_id, n.channel, n.state,"
                    " n.attempts, n.next_attempt_at, n.lease_owner, n.lease_until,"
                    " n.last_error, n.created_at, n.sent_at, n.acknowledged_at,"
                    " n.acknowledged_by_id, n.state_reason, n.joined_to_id IS NULL"
                    " FROM notification n"
                    " JOIN escalation e ON e.id = n.escalation_id"
                    " ORDER BY e.incident_id, e.reason, n.recipient_id, n.channel",
    "change_request": "SELECT * FROM change_request ORDER BY id",
    "call_attempt": "SELECT n.recipient_id, n.channel, c.called_by_id, c.called_at, c.reached,"
                    " c.note FROM call_attempt c JOIN notification n ON n.id = c.notification_id"
                    " ORDER BY c.called_at, n.recipient_id, n.channel",
    "incident_search": "SELECT rowid, title, description, notes, resolution"
                       " FROM incident_search ORDER BY rowid",
    "incident_open_search": "SELECT rowid, title, description, notes, resolution"
                            " FROM incident_open_search ORDER BY rowid",
    # the index's terms (schema 35): the services' triggers and the generator's fill agree
    "search_term": "SELECT term FROM search_term ORDER BY term",
}


def differences(a: Path, b: Path, limit: int = 10) -> list[str]:
    """Rows that differ between two files, table by table (empty: the same)."""
    found: list[str] = []
    conns = [sqlite3.connect(p) for p in (a, b)]
    try:
        for table, sql in COMPARABLE.items():
            left, right = (list(c.execute(sql)) for c in conns)
            if len(left) != len(right):
                found.append(f"{table}: {len(left)} rows != {len(right)} rows")
            found.extend(f"{table}: {x} != {y}" for x, y in _first_differences(
                left, right, limit))
    finally:
        for conn in conns:
            conn.close()
    return found


def _first_differences(left: Iterable[tuple], right: Iterable[tuple], limit: int
                       ) -> list[tuple[tuple, tuple]]:
    result = []
    for x, y in zip(left, right, strict=False):
        if x != y:
            result.append((x, y))
            if len(result) >= limit:
                break
    return result
