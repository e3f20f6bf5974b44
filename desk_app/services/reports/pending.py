"""Pending time of the incidents resolved in a period, per wait code (R16), in working
time on each incident's restore-target calendar and in calendar time (docs/kpis.md).

A pending span runs from a change of the incident's wait code to the next change (or to its
resolution), under the code it changed to; the spans come from the journal's wait-code
changes. Working time is counted on the calendar of the incident's stopped restore clock,
the calendar its restore target was judged on, as the clock itself counts working time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from desk_app.services.process.reference import load_calendars
from desk_app.storage.models import database

from .working import Timelines

#: a pending span: incident, restore calendar, wait code, from, to (UTC seconds)
Span = tuple[int, Any, Any, int, int]


@dataclass
class PendingTime:
    """Seconds pending per wait code, working (on the restore calendar) and calendar."""

    working: dict[Any, int] = field(default_factory=lambda: defaultdict(int))
    calendar: dict[Any, int] = field(default_factory=lambda: defaultdict(int))


def _rows(sql: str, params: list[Any]) -> list[tuple]:
    return list(database.execute_sql(sql, params).fetchall())


def pending_spans(until: dict[int, int]) -> Iterator[Span]:
    """The pending spans of the incidents ``until`` names, each cut at ``until[id]`` (its
    resolution), with the calendar of the incident's stopped restore clock."""
    incident_ids = list(until)
    for chunk in range(0, len(incident_ids), 500):
        ids = incident_ids[chunk:chunk + 500]
        marks = ",".join("?" * len(ids))
        # only an incident whose wait code changed can have pending time (the journal's
        # small index of those changes, migration 0027), and of those only one that waited
        # has more than one run of its restore clock (R16): the others' journals need not
        # be read
        ids = [row[0] for row in _rows(
            f"SELECT DISTINCT incident_id FROM journal WHERE incident_id IN ({marks}) AND "
            "action IN ('pend', 'resume', 'raise_change')", ids)]
        if not ids:
            continue
        marks = ",".join("?" * len(ids))
        calendar = dict(_rows(
            "SELECT r.incident_id, (SELECT k.calendar_id FROM target_clock k "
            "WHERE k.incident_id = r.incident_id AND k.stage = 'resolve' "
            "AND k.state = 'stopped' ORDER BY k.stopped_at DESC, k.id DESC LIMIT 1) "
            f"FROM clock_run r WHERE r.incident_id IN ({marks}) AND r.stage = 'resolve' "
            "GROUP BY r.incident_id HAVING count(*) > 1", ids))
        if not calendar:
            continue
        ids = sorted(calendar)
        marks = ",".join("?" * len(ids))
        # the new wait code of each change of it (JSON read by the database, not in Python)
        rows = _rows(
            "SELECT incident_id, at, CAST(json_extract(changes, '$.wait_code[1]') AS INTEGER) "
            "FROM journal "
            f"WHERE incident_id IN ({marks}) AND action IN ('pend', 'resume', 'raise_change') "
            "AND changes LIKE '%\"wait_code\"%' ORDER BY incident_id, id", ids)
        current: dict[int, tuple[Any, int]] = {}
        for incident_id, at, new_code in rows:
            open_span = current.pop(incident_id, None)
            if open_span is not None:
                code, since = open_span
                yield (incident_id, calendar[incident_id], code, since,
                       max(since, min(at, until[incident_id])))
            if new_code is not None:
                current[incident_id] = (new_code, at)
        for incident_id, (code, since) in current.items():
            yield (incident_id, calendar[incident_id], code, since,
                   max(since, until[incident_id]))


def pending_time(until: dict[int, int]) -> PendingTime:
    """Seconds pending per wait code of the incidents ``until`` names (see the module)."""
    spans = [s for s in pending_spans(until) if s[4] > s[3]]
    result = PendingTime()
    if not spans:
        return result
    timelines = Timelines(load_calendars(), min(s[3] for s in spans),
                          max(s[4] for s in spans))
    for _incident, calendar_id, code, since, to in spans:
        result.calendar[code] += to - since
        result.working[code] += timelines.seconds(calendar_id, since, to)
    return result
