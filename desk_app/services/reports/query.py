"""The reports' SQL: every figure is a count (or a list of values) of one *measure* (which
rows, e.g. incidents resolved in the period) split by one *dimension* (e.g. support group).

The same measure and dimension give the incidents behind a figure (``ids``), so a drill-down
always shows exactly the incidents that were counted. Every measure reads through an index on
the moment it counts (migration 0011), so a month is read from its own rows only.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from desk_app.storage.models import database
from desk_app.storage.reference import WAIT_CHANGE

from . import figures as fig
from .pending import PendingTime, Span, pending_spans, spans_time
from .period import Period

OPEN = "i.stage IN ('logged', 'assigned', 'in_progress')"
FIRST_CONTACT = ("i.resolved_at IS NOT NULL AND i.assigned_at IS NULL "
                 "AND i.accepted_at IS NULL")
_STOPPED = ("k.state = 'stopped' AND k.stage = '{stage}' AND k.stopped_at >= :a "
            "AND k.stopped_at < :b")
_IN = "{col} >= :a AND {col} < :b"


@dataclass(frozen=True)
class Measure:
    source: str  # incident | clock | escalation
    where: str
    moment: str  # the column whose moment places a row in a period (trends)


MEASURES: dict[str, Measure] = {
    "logged": Measure("incident", _IN.format(col="i.created_at"), "i.created_at"),
    "resolved": Measure("incident", _IN.format(col="i.resolved_at"), "i.resolved_at"),
    "closed": Measure("incident", _IN.format(col="i.closed_at"), "i.closed_at"),
    "auto_closed": Measure("incident", _IN.format(col="i.closed_at")
                           + " AND i.closed_by_id IS NULL", "i.closed_at"),
    "first_contact": Measure("incident", _IN.format(col="i.created_at") + " AND "
                             + FIRST_CONTACT, "i.created_at"),
    "linked": Measure("incident", _IN.format(col="i.created_at")
                      + " AND i.linked_incident_id IS NOT NULL", "i.created_at"),
    "transfers_3": Measure("incident", _IN.format(col="i.resolved_at")
                           + " AND i.reassignment_count >= 3", "i.resolved_at"),
    "rated": Measure("incident", _IN.format(col="i.closed_at")
                     + " AND i.satisfaction IS NOT NULL", "i.closed_at"),
    # open now (the period does not apply) and open at the end of a period (:b)
    "open": Measure("incident", OPEN, "i.created_at"),
    "open_at": Measure("incident", "i.created_at < :b AND (i.resolved_at IS NULL OR "
                       "i.resolved_at >= :b)", "i.created_at"),
    "pending_now": Measure("incident", OPEN + " AND i.wait_code_id IS NOT NULL",
                           "i.created_at"),
    "waiting_change": Measure("incident", OPEN + " AND i.wait_code_id = (SELECT id FROM "
                              f"wait_code WHERE code = '{WAIT_CHANGE}')", "i.created_at"),
    # open at some moment of the period (logged before its end, and resolved in it, logged
    # in it or still open): what a person handled; three index reads, not every incident
    "handled": Measure("incident", "i.created_at < :b AND i.id IN (SELECT id FROM incident "
                       "WHERE resolved_at >= :a UNION ALL SELECT id FROM incident WHERE "
                       "created_at >= :a AND created_at < :b UNION ALL SELECT id FROM "
                       f"incident WHERE stage IN {OPEN[len('i.stage IN '):]})", "i.created_at"),
    # for the backlog's running count: logged (or resolved, by the latest resolution) from
    # :a on, and all of them
    "logged_since": Measure("incident", "i.created_at >= :a", "i.created_at"),
    "resolved_since": Measure("incident", "i.resolved_at >= :a", "i.resolved_at"),
    "all": Measure("incident", "1", "i.created_at"),
    # the four disjoint parts of "handled", each read through an index
    "handled_logged": Measure("incident", _IN.format(col="i.created_at") + " AND (i.resolved_at "
                              "IS NULL OR i.resolved_at >= :b)", "i.created_at"),
    # (the unary + keeps SQLite off the logging-time index, which would read all history)
    "handled_open": Measure("incident", OPEN + " AND +i.created_at < :a", "i.created_at"),
    "handled_later": Measure("incident", "i.resolved_at >= :b AND +i.created_at < :a",
                             "i.resolved_at"),
    "ever_resolved": Measure("incident", "i.resolved_at IS NOT NULL", "i.resolved_at"),
    "escalated": Measure("escalation", _IN.format(col="e.at"), "e.at"),
    "acknowledged": Measure("escalation", _IN.format(col="e.at")
                            + " AND e.acknowledged_at IS NOT NULL", "e.at"),
}
for _stage in ("assign", "accept", "resolve"):
    _where = _STOPPED.format(stage=_stage)
    MEASURES[f"stopped:{_stage}"] = Measure("clock", _where, "k.stopped_at")
    MEASURES[f"met:{_stage}"] = Measure(
        "clock", _where + " AND k.elapsed_seconds <= k.target_minutes * 60", "k.stopped_at")
    MEASURES[f"breached:{_stage}"] = Measure(
        "clock", _where + " AND k.elapsed_seconds > k.target_minutes * 60", "k.stopped_at")

#: age of an open incident, in calendar days since logging: 0–1, 1–3, 3–7, 7–30, 30+
AGE_BUCKETS = (0, 1, 3, 7, 30)
_AGE = ("CASE WHEN :now - i.created_at < 86400 THEN 0 WHEN :now - i.created_at < 259200 "
        "THEN 1 WHEN :now - i.created_at < 604800 THEN 2 WHEN :now - i.created_at < 2592000 "
        "THEN 3 ELSE 4 END")

DIMENSIONS: dict[str, str] = {
    "priority": "i.priority",
    "group": "i.group_id",
    "category": "i.category_id",
    "channel": "i.channel",
    "stage": "i.stage",
    "assignee": "i.assignee_id",
    "resolver": "i.resolved_by_id",
    "wait_code": "i.wait_code_id",
    "transfers": "MIN(i.reassignment_count, 5)",
    "satisfaction": "i.satisfaction",
    "age": _AGE,
    "reason": "e.reason",
    "clock_priority": "k.priority",
}

_FROM = {
    "incident": "incident i",
    "clock": "target_clock k JOIN incident i ON i.id = k.incident_id",
    "escalation": "escalation e JOIN incident i ON i.id = e.incident_id",
}
#: the index each source should be read through (SQLite's planner otherwise may pick the
#: filter's index, e.g. the group's, and read every incident of that group)
_HINT = {"clock": "target_clock k INDEXED BY target_clock_stopped JOIN incident i "
                  "ON i.id = k.incident_id"}


@dataclass(frozen=True)
class ReportFilter:
    """What a report covers. ``head_of_department``: only incidents of support groups in
    that department (a department head's reports, set by the service, not chosen)."""

    period: Period
    group_id: int | None = None
    category_id: int | None = None
    priority: int | None = None
    channel: str | None = None
    caller_department_id: int | None = None
    assignee_id: int | None = None
    group_department_id: int | None = None


@dataclass(frozen=True)
class Drill:
    """The incidents behind one figure: a measure, optionally one dimension's value, and
    the moments [start, end) the measure is counted in."""

    measure: str
    dimension: str | None
    value: Any
    start: int
    end: int


class Reader:
    """Runs measures for one filter; ``now`` and the period bounds are UTC seconds."""

    def __init__(self, f: ReportFilter, start: int, end: int, now: int) -> None:
        self.filter = f
        self.start, self.end, self.now = start, end, now
        joins: list[str] = []
        where: list[str] = []
        params: dict[str, Any] = {}
        for column, name in (("i.group_id", "group_id"), ("i.category_id", "category_id"),
                             ("i.priority", "priority"), ("i.channel", "channel"),
                             ("i.assignee_id", "assignee_id")):
            value = getattr(f, name)
            if value is not None:
                where.append(f"{column} = :f_{name}")
                params[f"f_{name}"] = value
        if f.caller_department_id is not None:
            where.append("i.caller_id IN (SELECT id FROM caller WHERE department_id = :f_dept)")
            params["f_dept"] = f.caller_department_id
        if f.group_department_id is not None:
            where.append("i.group_id IN (SELECT id FROM support_group "
                         "WHERE department_id = :f_gdept)")
            params["f_gdept"] = f.group_department_id
        self._joins = " ".join(joins)
        self._where = where
        self._params = params

    def _sql(self, measure: str, select: str, extra: str = "", group: str = "") -> str:
        m = MEASURES[measure]
        source = _HINT.get(m.source, _FROM[m.source])
        if m.source == "clock" and not self._where and "i." not in select + extra:
            source = "target_clock k INDEXED BY target_clock_stopped"  # no incident needed
        where = " AND ".join([f"({m.where})", *self._where, *([extra] if extra else [])])
        sql = f"SELECT {select} FROM {source} {self._joins} WHERE {where}"
        return f"{sql} GROUP BY {group}" if group else sql

    def _run(self, sql: str, start: int | None, end: int | None,
             more: dict[str, Any] | None = None) -> list[tuple]:
        params = dict(self._params, a=self.start if start is None else start,
                      b=self.end if end is None else end, now=self.now)
        if more:
            params.update(more)
        used = {k: v for k, v in params.items() if f":{k}" in sql}
        return list(database.execute_sql(sql, used).fetchall())

    def count(self, measure: str, start: int | None = None, end: int | None = None) -> int:
        return int(self._run(self._sql(measure, "count(*)"), start, end)[0][0])

    def open_at_start(self) -> int:
        """Incidents open at the period's start: logged before it and not resolved before
        it (a resolution follows its logging; the latest resolution counts)."""
        return (self.count("all") - self.count("logged_since") - self.count("ever_resolved")
                + self.count("resolved_since"))

    def by(self, measure: str, dimension: str, start: int | None = None,
           end: int | None = None) -> dict[Any, int]:
        column = _grouped(DIMENSIONS[dimension])
        rows = self._run(self._sql(measure, f"{column}, count(*)", group="1"), start, end)
        return {key: int(n) for key, n in rows}

    def sums(self, measure: str, dimension: str, columns: dict[str, str]
             ) -> dict[str, dict[Any, int]]:
        """Several figures of one measure in one read: per value of ``dimension``, ``count``
        (the rows) and each of ``columns`` (an SQL expression summed over the rows)."""
        column = _grouped(DIMENSIONS[dimension])
        parts = ", ".join(f"total({sql})" for sql in columns.values())
        rows = self._run(self._sql(measure, f"{column}, count(*), {parts}", group="1"),
                         None, None)
        result: dict[str, dict[Any, int]] = {"count": {}, **{name: {} for name in columns}}
        for key, n, *values in rows:
            result["count"][key] = int(n)
            for name, value in zip(columns, values, strict=True):
                result[name][key] = int(value)
        return result

    def met(self, stage: str, dimension: str) -> dict[Any, tuple[int, int]]:
        """Per value of ``dimension``: clocks of ``stage`` stopped in the period, and how
        many of them within their target."""
        column = _grouped(DIMENSIONS[dimension])
        rows = self._run(self._sql(f"stopped:{stage}", f"{column}, count(*), "
                                   "sum(k.elapsed_seconds <= k.target_minutes * 60)",
                                   group="1"), None, None)
        return {key: (int(n), int(ok)) for key, n, ok in rows}

    def histogram(self, measure: str, edges: list[int]) -> list[int]:
        """How many of the period's rows fall in each [edges[i], edges[i+1]), by the
        measure's moment: one read of one column, however many buckets."""
        moment = MEASURES[measure].moment
        return bucketed((value for (value,) in self._run(self._sql(measure, moment),
                                                         edges[0], edges[-1])), edges)

    def values(self, measure: str, columns: str, start: int | None = None,
               end: int | None = None) -> list[tuple]:
        return self._run(self._sql(measure, columns), start, end)

    def columns(self, measure: str, columns: str) -> list[list[Any]]:
        """``values`` for the reader's period, one list per column (what the statistics
        take: no tuple per row to take apart again)."""
        rows = self.values(measure, columns)
        return [list(c) for c in zip(*rows, strict=True)] if rows else \
            [[] for _ in columns.split(",")]

    # -- the stopped clocks' values in order (medians, means, 90th percentiles) -------------
    def ordered(self, stage: str, kind: str = "working") -> Sequence[int]:
        """The working (or calendar) seconds of the clocks of ``stage`` stopped in the
        period, in order, with their minutes' sum (``figures.spread_sorted``)."""
        column = "k.elapsed_seconds" if kind == "working" else "k.stopped_at - k.started_at"
        (seconds,) = self.columns(f"stopped:{stage}", column)
        return fig.Listed(sorted(seconds))

    def ordered_by(self, stage: str, dimension: str) -> dict[Any, Sequence[int]]:
        """``ordered`` working seconds per clock priority (``clock_priority``) or per the
        incident's resolver (``resolver``)."""
        column = {"clock_priority": "k.priority", "resolver": "i.resolved_by_id"}[dimension]
        keys, seconds = self.columns(f"stopped:{stage}", f"{column}, k.elapsed_seconds")
        return {k: fig.Listed(sorted(v)) for k, v in fig.grouped(keys, seconds).items()}

    def acknowledged_by_reason(self) -> dict[Any, Sequence[int]]:
        """The calendar seconds to acknowledge the escalations of the period, per reason,
        in order (``figures.spread_sorted``)."""
        keys, seconds = self.columns("acknowledged", "e.reason, e.acknowledged_at - e.at")
        return {k: fig.Listed(sorted(v)) for k, v in fig.grouped(keys, seconds).items()}

    def working_total(self, stage: str) -> int:
        """The working seconds of the clocks of ``stage`` stopped in the period, added."""
        (seconds,) = self.columns(f"stopped:{stage}", "k.elapsed_seconds")
        return sum(seconds)

    def resolved_pending(self) -> tuple[int, Iterable[Span]]:
        """The incidents resolved in the period: their calendar seconds from logging to
        resolution, and their pending spans, each cut at the resolution."""
        resolved = self.values("resolved", "i.id, i.created_at, i.resolved_at")
        return sum(r - c for _, c, r in resolved), pending_spans({i: r for i, _, r in resolved})

    def pending_time(self) -> tuple[int, PendingTime]:
        """The incidents resolved in the period: their calendar seconds from logging to
        resolution, and their pending time per wait code (``pending.spans_time``)."""
        total, spans = self.resolved_pending()
        return total, spans_time(spans)

    def drill(self, measure: str, dimension: str | None = None, value: Any = None,
              start: int | None = None, end: int | None = None) -> Drill:
        return Drill(measure, dimension, value, self.start if start is None else start,
                     self.end if end is None else end)

    def ids(self, drill: Drill, limit: int = 10_000) -> list[int]:
        extra, more = "", {}
        if drill.dimension is not None:
            column = DIMENSIONS[drill.dimension]
            if drill.value is None:
                extra = f"{column} IS NULL"
            else:
                extra, more = f"{column} = :dv", {"dv": drill.value}
        sql = self._sql(drill.measure, "DISTINCT i.id", extra) + f" ORDER BY i.id LIMIT {limit}"
        return [row[0] for row in self._run(sql, drill.start, drill.end, more)]


def bucketed(moments: Iterable[int], edges: list[int]) -> list[int]:
    """How many of ``moments`` fall in each [edges[i], edges[i+1])."""
    counts = [0] * (len(edges) - 1)
    for value in moments:
        index = bisect_right(edges, value) - 1
        if 0 <= index < len(counts):
            counts[index] += 1
    return counts


def _grouped(column: str) -> str:
    """A dimension to group by, as an expression (unary +: the same value) that no index
    matches, so that SQLite reads the period's rows through the moment's index and sorts
    them, instead of walking a whole index in the dimension's order to save the sort."""
    return f"+{column}" if column.startswith(("i.", "k.", "e.")) else column


def narrowed(f: ReportFilter, **changes: Any) -> ReportFilter:
    return replace(f, **changes)
