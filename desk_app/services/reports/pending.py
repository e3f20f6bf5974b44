"""Pending time of the incidents resolved in a period, per wait code (R16), in working
time on each incident's restore-target calendar and in calendar time (docs/kpis.md).

A pending span runs from a change of the incident's wait code to the next change (or to its
resolution), under the code it changed to; the spans come from the journal's wait-code
changes. Working time is counted on the calendar of the incident's stopped restore clock,
the calendar its restore target was judged on, as the clock itself counts working time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from desk_app.services.process.reference import load_calendars
from desk_app.storage.models import database

from . import summary
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
    resolution), with the calendar of the incident's latest stopped restore clock: from
    the spans a file keeps (migration 0031), or from the journal on a server."""
    kept = summary.kept_here()
    incident_ids = list(until)
    for chunk in range(0, len(incident_ids), 500):
        ids = incident_ids[chunk:chunk + 500]
        marks = ",".join("?" * len(ids))
        if kept:
            rows = _rows("SELECT incident_id, calendar_id, wait_code_id, started_at, ended_at "
                         f"FROM report_pending_span WHERE incident_id IN ({marks})", ids)
        else:
            rows = _rows(summary.PENDING_SPANS.replace(
                "WHERE j.action", f"WHERE j.incident_id IN ({marks}) AND j.action"), ids)
            rows = [(r[0], r[5], r[2], r[3], r[4]) for r in rows]
        yield from cut((*r, until[r[0]]) for r in rows)


def pending_time(until: dict[int, int]) -> PendingTime:
    """Seconds pending per wait code of the incidents ``until`` names (see the module)."""
    return spans_time(pending_spans(until))


def cut(rows: Iterable[tuple[int, Any, Any, int, int | None, int]]) -> Iterator[Span]:
    """Spans as a file keeps them (incident, calendar, wait code, from, to or None) with
    their incident's resolution, cut at the resolution as ``pending_spans`` cuts them."""
    for incident_id, calendar_id, code, since, ended, resolved in rows:
        end = resolved if ended is None else min(ended, resolved)
        yield incident_id, calendar_id, code, since, max(since, end)


def spans_time(spans_found: Iterable[Span]) -> PendingTime:
    """Seconds pending per wait code of the spans, working (on each one's calendar) and
    calendar."""
    spans = [s for s in spans_found if s[4] > s[3]]
    result = PendingTime()
    if not spans:
        return result
    timelines = Timelines(load_calendars(), min(s[3] for s in spans),
                          max(s[4] for s in spans))
    for _incident, calendar_id, code, since, to in spans:
        result.calendar[code] += to - since
        result.working[code] += timelines.seconds(calendar_id, since, to)
    return result
