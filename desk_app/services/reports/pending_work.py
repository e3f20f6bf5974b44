"""The working seconds of the reports' pending spans (schema 33), counted by the program.

A pending span (``report_pending_span``, kept by triggers with the journal) is counted in
working time on its calendar up to its incident's resolution, as a report counts it
(``reports.pending``). SQLite cannot count working time (the calendars are the program's),
so the triggers only mark the incidents whose spans changed — a span written or moved, the
incident's resolution, a calendar — in ``report_pending_dirty``; every write of a session
counts the spans of the marked incidents again before it commits (``settle``), in the same
transaction. A write by another program leaves its incidents marked: a report counts their
spans itself, and the next write of this program settles them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import peewee

from desk_app.services.process.reference import load_calendars

from .working import Timelines

Execute = Callable[..., Any]

#: the spans of the marked incidents with their incident's resolution
_MARKED = (
    "SELECT s.incident_id, s.journal_id, s.calendar_id, s.started_at, s.ended_at, "
    "i.resolved_at FROM report_pending_dirty d JOIN report_pending_span s "
    "ON s.incident_id = d.incident_id JOIN incident i ON i.id = s.incident_id")


def kept(db: peewee.Database) -> bool:
    """Whether ``db`` keeps the spans' working seconds: a file at schema 33 on."""
    return isinstance(db, peewee.SqliteDatabase) and db.execute_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'report_pending_dirty'").fetchone() is not None


def settle(db: peewee.Database) -> int:
    """Count the working seconds of the marked incidents' spans and clear the marks
    (inside the caller's write transaction); how many spans were counted. One indexed read
    of an empty table when nothing is marked."""
    if not kept(db):
        return 0
    if db.execute_sql("SELECT 1 FROM report_pending_dirty LIMIT 1").fetchone() is None:
        return 0
    rows = db.execute_sql(_MARKED).fetchall()
    db.cursor().executemany(
        "UPDATE report_pending_span SET working = ? WHERE incident_id = ? AND journal_id = ?",
        [(w, i, j) for i, j, w in working(rows)])
    db.execute_sql("DELETE FROM report_pending_dirty")
    return len(rows)


def working(rows: list[tuple]) -> list[tuple[int, int, int | None]]:
    """(incident, journal entry, working seconds) of spans given as (incident, journal
    entry, calendar, from, to or None, the incident's resolution or None): the span cut at
    the resolution as ``reports.pending.cut`` cuts it, counted as ``spans_time`` counts it;
    None while the incident is not resolved (no report counts it)."""
    cut = []
    for incident_id, journal_id, calendar_id, since, ended, resolved in rows:
        if resolved is None:
            cut.append((incident_id, journal_id, calendar_id, since, None))
            continue
        end = resolved if ended is None else min(ended, resolved)
        cut.append((incident_id, journal_id, calendar_id, since, max(since, end)))
    timed = [c for c in cut if c[4] is not None and c[4] > c[3]]
    timelines = Timelines(load_calendars(), min(c[3] for c in timed),
                          max(c[4] for c in timed)) if timed else None
    result: list[tuple[int, int, int | None]] = []
    for incident_id, journal_id, calendar_id, since, to in cut:
        if to is None:
            result.append((incident_id, journal_id, None))
        elif to <= since or timelines is None:
            result.append((incident_id, journal_id, 0))
        else:
            result.append((incident_id, journal_id, timelines.seconds(calendar_id, since, to)))
    return result


def mark_all(execute: Execute) -> None:
    """Mark every incident with spans (the upgrade to 33: ``settle`` counts them all)."""
    execute("INSERT OR IGNORE INTO report_pending_dirty (incident_id) "
            "SELECT DISTINCT incident_id FROM report_pending_span")
