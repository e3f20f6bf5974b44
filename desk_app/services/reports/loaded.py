"""A ``Reader`` that reads the period's rows once and answers every figure from them.

``Reader`` runs one SQL statement per figure, so a report read the same month's rows some
sixty times (docs/performance.md, "Reports"). ``LoadedReader`` reads each of the period's
row sets once — incidents logged, resolved and closed in the period, the incidents open now,
the target clocks stopped in it and its escalations — with the filter's conditions, and
computes counts, breakdowns, histograms and value lists from those rows in Python.

Each measure and dimension below is the same condition as its SQL in ``query.MEASURES`` and
``query.DIMENSIONS``; anything not held here (another period's bounds, the backlog's counts
over all history, a drill-down) goes to ``Reader``'s SQL, so the figures are those of
``Reader`` by construction where they are not computed here, and by the tests
(tests/core/reports/test_loaded_reader.py) where they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import partial
from operator import itemgetter
from typing import Any

from desk_app.storage.models import database
from desk_app.storage.reference import WAIT_CHANGE

from .query import FIRST_CONTACT, Reader, ReportFilter, bucketed

Row = tuple[Any, ...]

# -- the incident rows: one tuple layout for the logged, resolved, closed and open sets -----
_INCIDENT_COLUMNS = ("i.id", "i.created_at", "i.resolved_at", "i.closed_at", "i.closed_by_id",
                     "i.assigned_at", "i.accepted_at", "i.linked_incident_id",
                     "i.reassignment_count", "i.satisfaction", "i.priority", "i.group_id",
                     "i.category_id", "i.channel", "i.stage", "i.assignee_id",
                     "i.resolved_by_id", "i.wait_code_id")
I = {column: n for n, column in enumerate(_INCIDENT_COLUMNS)}  # noqa: E741
_CLOCK_COLUMNS = ("k.stage", "k.priority", "k.elapsed_seconds", "k.target_minutes",
                  "k.started_at", "k.stopped_at", "i.group_id", "i.category_id",
                  "i.resolved_by_id")
K = {column: n for n, column in enumerate(_CLOCK_COLUMNS)}
_ESCALATION_COLUMNS = ("e.reason", "e.at", "e.acknowledged_at", "i.priority", "i.stage",
                       "i.group_id")
E = {column: n for n, column in enumerate(_ESCALATION_COLUMNS)}

_AGE_LIMITS = (86400, 259200, 604800, 2592000)  # query._AGE's CASE, in order


def _incident_key(dimension: str, now: int) -> Callable[[Row], Any] | None:
    columns = {"priority": "i.priority", "group": "i.group_id", "category": "i.category_id",
               "channel": "i.channel", "stage": "i.stage", "assignee": "i.assignee_id",
               "resolver": "i.resolved_by_id", "wait_code": "i.wait_code_id",
               "satisfaction": "i.satisfaction"}
    if dimension in columns:
        return itemgetter(I[columns[dimension]])
    if dimension == "transfers":
        moves = I["i.reassignment_count"]
        return lambda r: min(r[moves], 5)
    if dimension == "age":
        created = I["i.created_at"]

        def age(r: Row) -> int:
            seconds = now - r[created]
            return next((n for n, limit in enumerate(_AGE_LIMITS) if seconds < limit), 4)

        return age
    return None


def _clock_key(dimension: str) -> Callable[[Row], Any] | None:
    columns = {"clock_priority": "k.priority", "group": "i.group_id",
               "category": "i.category_id", "resolver": "i.resolved_by_id"}
    return itemgetter(K[columns[dimension]]) if dimension in columns else None


def _escalation_key(dimension: str) -> Callable[[Row], Any] | None:
    columns = {"reason": "e.reason", "priority": "i.priority", "stage": "i.stage",
               "group": "i.group_id"}
    return itemgetter(E[columns[dimension]]) if dimension in columns else None


#: the columns ``Reader.sums`` is asked for, per measure: the subset of its rows they count
#: (and the column they add up, or None to count the rows)
_SUBSETS: dict[tuple[str, str], tuple[str, int | None]] = {
    ("logged", FIRST_CONTACT): ("first_contact", None),
    ("logged", "i.linked_incident_id IS NOT NULL"): ("linked", None),
    ("resolved", "i.reassignment_count >= 3"): ("transfers_3", None),
    ("closed", "i.closed_by_id IS NULL"): ("auto_closed", None),
    ("closed", "i.satisfaction IS NOT NULL"): ("rated", None),
    ("closed", "coalesce(i.satisfaction, 0)"): ("rated", I["i.satisfaction"]),
}
#: the same conditions on an incident row
_SUMMED: dict[str, Callable[[Row], int]] = {
    FIRST_CONTACT: lambda r: int(r[I["i.resolved_at"]] is not None
                                 and r[I["i.assigned_at"]] is None
                                 and r[I["i.accepted_at"]] is None),
    "i.linked_incident_id IS NOT NULL": lambda r: int(r[I["i.linked_incident_id"]]
                                                      is not None),
    "i.reassignment_count >= 3": lambda r: int(r[I["i.reassignment_count"]] >= 3),
    "i.closed_by_id IS NULL": lambda r: int(r[I["i.closed_by_id"]] is None),
    "i.satisfaction IS NOT NULL": lambda r: int(r[I["i.satisfaction"]] is not None),
    "coalesce(i.satisfaction, 0)": lambda r: r[I["i.satisfaction"]] or 0,
}


def _difference(x: int, y: int, r: Row) -> Any:
    return r[x] - r[y]


class LoadedReader(Reader):
    """``Reader`` with the period's rows read once (see the module's docstring)."""

    summarised = False  # counts from the summary tables (``summarised.SummaryReader``)

    def __init__(self, f: ReportFilter, start: int, end: int, now: int) -> None:
        super().__init__(f, start, end, now)
        self._rows: dict[str, list[Row]] = {}
        self._source: dict[str, str] = {}
        self._loaded = False

    # -- loading ------------------------------------------------------------------------
    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        columns = ", ".join(_INCIDENT_COLUMNS)
        sets = {name: self._run(self._sql(name, columns), None, None)
                for name in ("logged", "resolved", "closed", "open")}
        b, rs = self.end, I["i.resolved_at"]
        logged, resolved, closed, open_now = (sets["logged"], sets["resolved"],
                                              sets["closed"], sets["open"])
        first_contact = _SUMMED[FIRST_CONTACT]
        self._rows.update({
            "logged": logged,
            "first_contact": [r for r in logged if first_contact(r)],
            "linked": [r for r in logged if r[I["i.linked_incident_id"]] is not None],
            "handled_logged": [r for r in logged if r[rs] is None or r[rs] >= b],
            "resolved": resolved,
            "transfers_3": [r for r in resolved if r[I["i.reassignment_count"]] >= 3],
            "closed": closed,
            "auto_closed": [r for r in closed if r[I["i.closed_by_id"]] is None],
            "rated": [r for r in closed if r[I["i.satisfaction"]] is not None],
            **self._open_sets(open_now),
        })
        self._source.update({name: "incident" for name in self._rows})
        self._load_clocks()
        self._load_escalations()

    def _open_sets(self, open_now: list[Row]) -> dict[str, list[Row]]:
        wait, created = I["i.wait_code_id"], I["i.created_at"]
        change = database.execute_sql("SELECT id FROM wait_code WHERE code = ?",
                                      (WAIT_CHANGE,)).fetchone()
        change_id = change[0] if change is not None else object()
        return {
            "open": open_now,
            "pending_now": [r for r in open_now if r[wait] is not None],
            "waiting_change": [r for r in open_now if r[wait] == change_id],
            "handled_open": [r for r in open_now if r[created] < self.start],
        }

    def _load_clocks(self) -> None:
        self._split_clocks(self._run(self._sql("stopped:assign", ", ".join(_CLOCK_COLUMNS))
                                     .replace("k.stage = 'assign'",
                                              "k.stage IN ('assign', 'accept', 'resolve')"),
                                     None, None))

    def _split_clocks(self, clocks: list[Row]) -> None:
        stage, elapsed, target = K["k.stage"], K["k.elapsed_seconds"], K["k.target_minutes"]
        for s in ("assign", "accept", "resolve"):
            stopped = [r for r in clocks if r[stage] == s]
            self._rows[f"stopped:{s}"] = stopped
            self._rows[f"met:{s}"] = [r for r in stopped if r[elapsed] <= r[target] * 60]
            self._rows[f"breached:{s}"] = [r for r in stopped if r[elapsed] > r[target] * 60]
            for name in ("stopped", "met", "breached"):
                self._source[f"{name}:{s}"] = "clock"

    def _load_escalations(self) -> None:
        escalated = self._run(self._sql("escalated", ", ".join(_ESCALATION_COLUMNS)),
                              None, None)
        self._rows["escalated"] = escalated
        self._rows["acknowledged"] = [r for r in escalated
                                      if r[E["e.acknowledged_at"]] is not None]
        self._source.update(escalated="escalation", acknowledged="escalation")

    def _held(self, measure: str, start: int | None, end: int | None) -> list[Row] | None:
        """The measure's rows when they are held for the reader's own period."""
        if (start is not None and start != self.start) or (end is not None
                                                           and end != self.end):
            return None
        self._load()
        return self._rows.get(measure)

    def _key(self, measure: str, dimension: str) -> Callable[[Row], Any] | None:
        source = self._source[measure]
        if source == "incident":
            return _incident_key(dimension, self.now)
        if source == "clock":
            return _clock_key(dimension)
        return _escalation_key(dimension)

    def _getter(self, measure: str, column: str) -> Callable[[Row], Any] | None:
        """One column of ``values``: a stored column, or a difference of two."""
        layout = {"incident": I, "clock": K, "escalation": E}[self._source[measure]]
        if column in layout:
            return itemgetter(layout[column])
        left, minus, right = column.partition(" - ")
        if minus and left in layout and right in layout:
            return partial(_difference, layout[left], layout[right])
        return None

    # -- the Reader's figures -----------------------------------------------------------
    def count(self, measure: str, start: int | None = None, end: int | None = None) -> int:
        rows = self._held(measure, start, end)
        return len(rows) if rows is not None else super().count(measure, start, end)

    def by(self, measure: str, dimension: str, start: int | None = None,
           end: int | None = None) -> dict[Any, int]:
        rows = self._held(measure, start, end)
        key = self._key(measure, dimension) if rows is not None else None
        if rows is None or key is None:
            return super().by(measure, dimension, start, end)
        return dict(Counter(map(key, rows)))

    def sums(self, measure: str, dimension: str, columns: dict[str, str]
             ) -> dict[str, dict[Any, int]]:
        rows = self._held(measure, None, None)
        key = self._key(measure, dimension) if rows is not None else None
        parts = {name: _SUBSETS.get((measure, sql)) for name, sql in columns.items()}
        if rows is None or key is None or any(p is None for p in parts.values()):
            return super().sums(measure, dimension, columns)
        counts = Counter(map(key, rows))
        result: dict[str, dict[Any, int]] = {"count": dict(counts)}
        for name, part in parts.items():
            subset, weight = part  # type: ignore[misc]
            totals: Counter[Any] = Counter()
            if weight is None:
                totals.update(map(key, self._rows[subset]))
            else:
                for r in self._rows[subset]:
                    totals[key(r)] += r[weight]
            result[name] = {k: totals.get(k, 0) for k in counts}
        return result

    def met(self, stage: str, dimension: str) -> dict[Any, tuple[int, int]]:
        stopped = self._held(f"stopped:{stage}", None, None)
        key = _clock_key(dimension)
        if stopped is None or key is None:
            return super().met(stage, dimension)
        done = Counter(map(key, stopped))
        ok = Counter(map(key, self._rows[f"met:{stage}"]))
        return {k: (n, ok.get(k, 0)) for k, n in done.items()}

    def histogram(self, measure: str, edges: list[int]) -> list[int]:
        rows = self._held(measure, None, None)
        moment = {"logged": "i.created_at", "resolved": "i.resolved_at",
                  "closed": "i.closed_at", "auto_closed": "i.closed_at"}.get(measure)
        if (rows is None or moment is None or edges[0] < self.start
                or edges[-1] > self.end):
            return super().histogram(measure, edges)
        return bucketed(map(itemgetter(I[moment]), rows), edges)

    def values(self, measure: str, columns: str, start: int | None = None,
               end: int | None = None) -> list[tuple]:
        rows = self._held(measure, start, end)
        getters = [self._getter(measure, c.strip()) for c in columns.split(",")] \
            if rows is not None else []
        if rows is None or any(g is None for g in getters):
            return super().values(measure, columns, start, end)
        return list(zip(*(map(g, rows) for g in getters), strict=True))  # type: ignore[arg-type]


def loaded_measures() -> Iterable[str]:
    """The measures ``LoadedReader`` answers from its rows (for the tests)."""
    return ("logged", "first_contact", "linked", "handled_logged", "resolved", "transfers_3",
            "closed", "auto_closed", "rated", "open", "pending_now", "waiting_change",
            "handled_open", "escalated", "acknowledged",
            *(f"{m}:{s}" for m in ("stopped", "met", "breached")
              for s in ("assign", "accept", "resolve")))
