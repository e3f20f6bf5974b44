"""A ``LoadedReader`` that takes the period's counts from the summary tables (schema 27).

What the summary tables hold — incidents logged, resolved and closed, and target clocks
stopped, per desk day × priority × group × category × channel — is read from their rows
for the period instead of from every incident logged or closed in it and every clock joined
to its incident. The figures that need each incident or each value (medians, pending time,
per person, satisfaction per person, escalations) still come from rows, read once:
incidents resolved in the period, rated in it, open now, logged and still open at the end,
and the stopped clocks read from their covering index alone.

The tables are used only when they can give the same figures: the filter uses only their
dimensions (not the caller's department or the assignee), they were made for the desk's
current time zone, and the period lies within their calendar. Otherwise this is
``LoadedReader``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from desk_app.storage.models import database

from . import summary
from .loaded import _INCIDENT_COLUMNS, I, K, LoadedReader, Row
from .period import desk_zone

_INCIDENT_DAY = ("day", "priority", "group_id", "category_id", "channel",
                 *summary.INCIDENT_FIGURES)
S = {column: n for n, column in enumerate(_INCIDENT_DAY)}
_CLOCK_DAY = ("day", "stage", "clock_priority", "priority", "group_id", "category_id",
              "channel", "stopped", "met")
C = {column: n for n, column in enumerate(_CLOCK_DAY)}

#: measures counted from the incident summary: the column that counts them
_COUNTED = {"logged": "logged", "first_contact": "first_contact", "linked": "linked",
            "resolved": "resolved", "transfers_3": "transfers_3", "closed": "closed",
            "auto_closed": "auto_closed", "rated": "rated"}
#: dimensions that are columns of the summary per value (the summary column of each value)
_SPREAD = {("resolved", "transfers"): {k: f"moves_{k}" for k in range(6)},
           ("rated", "satisfaction"): {k: f"rated_{k}" for k in range(1, 6)}}
#: ``Reader.sums``'s columns for those measures, as summary columns
_SUMMED = {
    ("logged", "first_contact"): "first_contact", ("logged", "linked"): "linked",
    ("resolved", "transfers_3"): "transfers_3",
    ("closed", "auto_closed"): "auto_closed", ("closed", "rated"): "rated",
    ("closed", "rating_sum"): "rating_sum",
}
_DIMENSIONS = {"priority": "priority", "group": "group_id", "category": "category_id",
               "channel": "channel"}
_CLOCK_DIMENSIONS = {"clock_priority": "clock_priority", "group": "group_id",
                     "category": "category_id"}


class SummaryReader(LoadedReader):
    """``LoadedReader`` with the counts from the summary tables (module docstring)."""

    def _usable(self) -> bool:
        f = self.filter
        if f.caller_department_id is not None or f.assignee_id is not None:
            return False
        built = summary.built_for(database.execute_sql)
        if built != desk_zone().key:
            return False
        first, last = database.execute_sql(
            "SELECT min(start), max(start) FROM report_calendar").fetchone()
        return first is not None and first <= self.start and self.end <= last

    def _summary_where(self) -> tuple[str, dict[str, Any]]:
        f = self.filter
        where = ["day >= :a", "day < :b"]
        params: dict[str, Any] = {"a": self.start, "b": self.end}
        for column, name in (("group_id", "group_id"), ("category_id", "category_id"),
                             ("priority", "priority"), ("channel", "channel")):
            value = getattr(f, name)
            if value is not None:
                where.append(f"{column} = :{name}")
                params[name] = value
        if f.group_department_id is not None:
            where.append("group_id IN (SELECT id FROM support_group "
                         "WHERE department_id = :gdept)")
            params["gdept"] = f.group_department_id
        return " AND ".join(where), params

    def _load(self) -> None:
        if self._loaded:
            return
        self.summarised = self._usable()
        if not self.summarised:
            super()._load()
            return
        self._loaded = True
        where, params = self._summary_where()
        self._days = list(database.execute_sql(
            f"SELECT {', '.join(_INCIDENT_DAY)} FROM report_incident_day WHERE {where}",
            params).fetchall())
        self._clock_days = list(database.execute_sql(
            f"SELECT {', '.join(_CLOCK_DAY)} FROM report_clock_day WHERE {where}",
            params).fetchall())
        # the incidents resolved in the period, for pending time and per person: with no
        # filter on the incident, the columns the resolution index holds (others are NULL)
        covered = ("i.id", "i.created_at", "i.resolved_at", "i.assignee_id",
                   "i.resolved_by_id")
        columns = ", ".join(c if c in covered or self._where else "NULL"
                            for c in _INCIDENT_COLUMNS)
        resolved = self._run(self._sql("resolved", columns), None, None)
        open_now = self._run(self._sql("open", ", ".join(_INCIDENT_COLUMNS)), None, None)
        self._rows.update({"resolved": resolved, **self._open_sets(open_now)})
        self._source.update({name: "incident" for name in self._rows})
        self._load_clocks(resolved)
        self._load_escalations()
        stage, stopped, met = C["stage"], C["stopped"], C["met"]
        self._met: dict[tuple[str, str], tuple[Counter[Any], Counter[Any]]] = {}
        for dimension, column in _CLOCK_DIMENSIONS.items():
            key = C[column]
            for s in ("assign", "accept", "resolve"):
                done: Counter[Any] = Counter()
                ok: Counter[Any] = Counter()
                for row in self._clock_days:
                    if row[stage] == s and row[stopped]:
                        done[row[key]] += row[stopped]
                        ok[row[key]] += row[met]
                self._met[(s, dimension)] = (done, ok)

    def _load_clocks(self, resolved: list[Row] | None = None) -> None:
        """The stopped clocks' values; with no filter on the incident, from the clock index
        alone, the resolver taken from the incidents resolved in the period (or read)."""
        if resolved is None or self._where:
            super()._load_clocks()
            return
        select = ", ".join("NULL" if c.startswith("i.") else c for c in K)
        clocks = self._run(self._sql("stopped:assign", select + ", k.incident_id").replace(
            "k.stage = 'assign'", "k.stage IN ('assign', 'accept', 'resolve')"), None, None)
        resolver = {r[I["i.id"]]: r[I["i.resolved_by_id"]] for r in resolved}
        missing = sorted({c[-1] for c in clocks if c[-1] not in resolver})
        for chunk in range(0, len(missing), 500):
            ids = missing[chunk:chunk + 500]
            resolver.update(database.execute_sql(
                f"SELECT id, resolved_by_id FROM incident WHERE id IN "
                f"({', '.join('?' * len(ids))})", ids).fetchall())
        at = K["i.resolved_by_id"]
        rows = [(*c[:at], resolver.get(c[-1]), *c[at + 1:-1]) for c in clocks]
        self._split_clocks(rows)

    # -- the counts from the summary ------------------------------------------------------
    def _counted(self, measure: str, start: int | None, end: int | None) -> int | None:
        """The summary column counting ``measure``, when it is read from the summary."""
        if measure not in _COUNTED or (start is not None and start != self.start) or (
                end is not None and end != self.end):
            return None
        self._load()
        return S[_COUNTED[measure]] if self.summarised else None

    def _weighted(self, column: int, key: Callable[[Row], Any]) -> dict[Any, int]:
        totals: Counter[Any] = Counter()
        for row in self._days:
            if row[column]:
                totals[key(row)] += row[column]
        return dict(totals)

    def count(self, measure: str, start: int | None = None, end: int | None = None) -> int:
        column = self._counted(measure, start, end)
        if column is None:
            return super().count(measure, start, end)
        return sum(row[column] for row in self._days)

    def by(self, measure: str, dimension: str, start: int | None = None,
           end: int | None = None) -> dict[Any, int]:
        column = self._counted(measure, start, end)
        if column is not None and (measure, dimension) in _SPREAD:
            spread = {k: sum(row[S[c]] for row in self._days)
                      for k, c in _SPREAD[(measure, dimension)].items()}
            return {k: n for k, n in spread.items() if n}
        if column is None or dimension not in _DIMENSIONS:
            return super().by(measure, dimension, start, end)
        return self._weighted(column, itemgetter(S[_DIMENSIONS[dimension]]))

    def sums(self, measure: str, dimension: str, columns: dict[str, str]
             ) -> dict[str, dict[Any, int]]:
        column = self._counted(measure, None, None)
        if column is None or dimension not in _DIMENSIONS or any(
                (measure, name) not in _SUMMED for name in columns):
            return super().sums(measure, dimension, columns)
        key = itemgetter(S[_DIMENSIONS[dimension]])
        counts = self._weighted(column, key)
        result = {"count": counts}
        for name in columns:
            part = self._weighted(S[_SUMMED[(measure, name)]], key)
            result[name] = {k: part.get(k, 0) for k in counts}
        return result

    def histogram(self, measure: str, edges: list[int]) -> list[int]:
        column = self._counted(measure, None, None)
        if column is None or edges[0] < self.start or edges[-1] > self.end:
            return super().histogram(measure, edges)
        counts = [0] * (len(edges) - 1)
        day = S["day"]
        for row in self._days:  # a desk day lies wholly in one bucket: edges are midnights
            index = bisect_right(edges, row[day]) - 1
            if row[column] and 0 <= index < len(counts):
                counts[index] += row[column]
        return counts

    def met(self, stage: str, dimension: str) -> dict[Any, tuple[int, int]]:
        self._load()
        if not self.summarised or dimension not in _CLOCK_DIMENSIONS:
            return super().met(stage, dimension)
        done, ok = self._met[(stage, dimension)]
        return {k: (n, ok[k]) for k, n in done.items()}
