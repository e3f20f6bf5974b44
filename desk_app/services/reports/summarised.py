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
from collections.abc import Iterable, Sequence
from typing import Any

from desk_app.storage.models import database

from . import summary, value_tables, values
from .loaded import _INCIDENT_COLUMNS, LoadedReader
from .pending import PendingTime, Span, cut, spans_time
from .period import desk_zone

F = {figure: n for n, figure in enumerate(summary.INCIDENT_FIGURES)}

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
#: the figures the report asks per day (the trends)
_DAY_FIGURES: tuple[str, ...] = ("logged", "resolved", "closed", "auto_closed")
#: the people dimensions of the incidents resolved in the period (``_resolved_people``)
_PEOPLE = {"assignee": 0, "resolver": 1}
_CLOCK_DIMENSIONS = {"clock_priority": "clock_priority", "group": "group_id",
                     "category": "category_id"}
#: the stopped clocks' columns the report's statistics ask per stage (``build``): working
#: and calendar times, per priority (the key figures' medians), per resolver (per person)
_CLOCK_READS = {
    "assign": ("k.elapsed_seconds", "k.stopped_at - k.started_at"),
    "accept": ("k.priority", "k.elapsed_seconds", "k.stopped_at - k.started_at"),
    "resolve": ("k.priority", "k.elapsed_seconds", "k.stopped_at - k.started_at",
                "i.resolved_by_id"),
}


class SummaryReader(LoadedReader):
    """``LoadedReader`` with the counts from the summary tables (module docstring)."""

    def _usable(self) -> bool:
        f = self.filter
        if f.caller_department_id is not None or f.assignee_id is not None \
                or not summary.kept_here():
            return False
        built = summary.built_for(database.execute_sql)
        if built != desk_zone().key:
            return False
        first, last = database.execute_sql(  # two reads of the key's ends, not a scan
            "SELECT (SELECT min(start) FROM report_calendar), "
            "(SELECT max(start) FROM report_calendar)").fetchone()
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
        self._values: values.Counted | None = None
        self.summarised = self._usable()
        if not self.summarised:
            super()._load()
            return
        self._loaded = True
        self._where_sql, self._where_params = self._summary_where()
        # whole desk months (schema 33): their sums from the month summaries
        self._monthly = value_tables.kept(database.execute_sql) and \
            values.Counted.whole_months(self.start, self.end)
        self._by_dimension: dict[str, dict[Any, tuple[int, ...]]] = {}
        # the incidents resolved in the period are not read as rows: their counts per
        # person come from one grouped read (``_resolved_people``), their pending spans
        # from one joined read (``resolved_pending``)
        open_now = self._run(self._sql("open", ", ".join(_INCIDENT_COLUMNS)), None, None)
        self._rows.update(self._open_sets(open_now))
        self._source.update({name: "incident" for name in self._rows})
        if self._whole_months():  # the clocks' values and the escalations from the counts
            self._values = values.Counted(self.start, self.end)
        else:
            self._load_clocks()
            self._load_escalations()
        self._met: dict[tuple[str, str], dict[Any, tuple[int, int]]] = {}

    def _sums(self, column: str, figure: int) -> dict[Any, tuple[int, ...]]:
        """The incident summary's figures (``summary.INCIDENT_FIGURES``) per value of
        ``column`` over the period, added up by SQLite: per day in one read; per priority,
        group, category and channel from one read of every figure per combination of the
        four (a few hundred rows, however many days), added up here."""
        if column not in ("day", "month"):
            if "combined" not in self._by_dimension:
                figures = ", ".join(f"sum({f})" for f in summary.INCIDENT_FIGURES)
                self._by_dimension["combined"] = {tuple(row[:4]): row[4:] for row in
                                                  database.execute_sql(
                    f"SELECT priority, group_id, category_id, channel, {figures} FROM "
                    f"{self._from('report_incident_day')} GROUP BY 1, 2, 3, 4",
                    self._where_params).fetchall()}
            if column not in self._by_dimension:
                at = ("priority", "group_id", "category_id", "channel").index(column)
                totals: dict[Any, list[int]] = {}
                for key, values in self._by_dimension["combined"].items():
                    total = totals.setdefault(key[at], [0] * len(values))
                    for n, value in enumerate(values):
                        total[n] += int(value)
                self._by_dimension[column] = {k: tuple(v) for k, v in totals.items()}
            return self._by_dimension[column]
        wanted = _DAY_FIGURES
        if summary.INCIDENT_FIGURES[figure] not in wanted:
            wanted = summary.INCIDENT_FIGURES
        key = f"{column}:{len(wanted)}"
        if key not in self._by_dimension:
            figures = ", ".join(f"sum({f})" if f in wanted else "0"
                                for f in summary.INCIDENT_FIGURES)
            self._by_dimension[key] = {row[0]: row[1:] for row in database.execute_sql(
                f"SELECT {column}, {figures} FROM "
                f"{self._from('report_incident_day', column == 'month')} GROUP BY 1",
                self._where_params).fetchall()}
        return self._by_dimension[key]

    def _whole_months(self) -> bool:
        """Whether the clocks' statistics come from the month counts (schema 33): a period
        of whole desk months, and no filter (the counts are per clock priority only)."""
        f = self.filter
        return all(v is None for v in (f.group_id, f.category_id, f.priority, f.channel,
                                        f.group_department_id)) \
            and value_tables.kept(database.execute_sql) \
            and values.Counted.whole_months(self.start, self.end)

    def ordered(self, stage: str, kind: str = "working") -> Sequence[int]:
        self._load()
        if self._values is None:
            return super().ordered(stage, kind)
        return self._values.ranked(f"{stage}.{kind}")

    def ordered_by(self, stage: str, dimension: str) -> dict[Any, Sequence[int]]:
        self._load()
        if self._values is None or (dimension, stage) not in (
                ("clock_priority", stage), ("resolver", "resolve")):
            return super().ordered_by(stage, dimension)
        if dimension == "resolver":
            return {values.resolver(part): ranked for part, ranked in
                    self._values.by_part("resolve.person").items()}
        return dict(self._values.by_part(f"{stage}.working"))

    def acknowledged_by_reason(self) -> dict[Any, Sequence[int]]:
        self._load()
        if self._values is None:
            return super().acknowledged_by_reason()
        return dict(self._values.by_part("ack"))

    def _escalated(self, measure: str, dimension: str, start: int | None,
                   end: int | None) -> dict[Any, int] | None:
        """Escalations per reason, or the incident's stage, group or priority, from the
        month counts (schema 33), when the period's are read from them."""
        at = {"reason": 0, "stage": 1, "group": 2, "priority": 3}.get(dimension)
        figure = {"escalated": 4, "acknowledged": 5}.get(measure)
        if at is None or figure is None or start not in (None, self.start) \
                or end not in (None, self.end):
            return None
        self._load()
        if self._values is None:
            return None
        counts: dict[Any, int] = {}
        for row in self._values.escalations():
            counts[row[at]] = counts.get(row[at], 0) + int(row[figure])
        return {k: n for k, n in counts.items() if n}

    def working_total(self, stage: str) -> int:
        self._load()
        if self._values is None:
            return super().working_total(stage)
        return self._values.ranked(f"{stage}.working").total

    def _from(self, day_table: str, monthly: bool | None = None, bound: str = "") -> str:
        """``table WHERE condition`` for the period's sums of a day summary: its month
        summary for a period of whole months (``monthly``; a twelfth of the rows a year);
        ``bound``: the days before the period (``<``) or from its start on (``>=``)."""
        monthly = self._monthly if monthly is None else monthly
        column, table = ("month", day_table.replace("_day", "_month")) if monthly \
            else ("day", day_table)
        where = self._where_sql.replace("day >= :a AND day < :b", (
            f"{column} >= :a AND {column} < :b" if not bound else f"{column} {bound} :a"))
        return f"{table} WHERE {where}"

    def _load_clocks(self) -> None:
        """The stopped clocks' values, one read per stage of the columns the report asks
        (``_CLOCK_READS``) from the clocks' covering index, the resolver joined for the
        restore clocks only; kept as one list per column."""
        self._clock_columns: dict[str, dict[str, list[Any]]] = {}
        for stage, columns in _CLOCK_READS.items():
            rows = self._run(self._sql(f"stopped:{stage}", ", ".join(columns)), None, None)
            lists = [list(c) for c in zip(*rows, strict=True)] if rows else \
                [[] for _ in columns]
            self._clock_columns[stage] = dict(zip(columns, lists, strict=True))

    def _clock_lists(self, measure: str, columns: str) -> list[list[Any]] | None:
        """The lists of ``columns`` of a stopped clocks' measure, when they are held."""
        self._load()
        kind, _, stage = measure.partition(":")
        held = getattr(self, "_clock_columns", {}).get(stage) \
            if self.summarised and kind == "stopped" else None
        names = [c.strip() for c in columns.split(",")]
        if held is None or any(n not in held for n in names):
            return None
        return [list(held[n]) for n in names]

    def columns(self, measure: str, columns: str) -> list[list[Any]]:
        lists = self._clock_lists(measure, columns)
        return lists if lists is not None else super().columns(measure, columns)

    def values(self, measure: str, columns: str, start: int | None = None,
               end: int | None = None) -> list[tuple]:
        lists = self._clock_lists(measure, columns) \
            if start in (None, self.start) and end in (None, self.end) else None
        if lists is None:
            return super().values(measure, columns, start, end)
        return list(zip(*lists, strict=True))

    def resolved_pending(self) -> tuple[int, Iterable[Span]]:
        self._load()
        if not self.summarised:
            return super().resolved_pending()
        total = sum(row[3] for row in self._resolved_people())
        # the spans kept with the journal (schema 31) joined to the incidents resolved in
        # the period: one read, found through the resolution index and the spans' key
        sql = self._sql("resolved", "s.incident_id, s.calendar_id, s.wait_code_id, "
                        "s.started_at, s.ended_at, i.resolved_at").replace(
            "FROM incident i", "FROM incident i INDEXED BY incident_resolved_at "
            "JOIN report_pending_span s ON s.incident_id = i.id", 1)
        return int(total), cut(self._run(sql, None, None))

    def pending_time(self) -> tuple[int, PendingTime]:
        self._load()
        if not self.summarised or not value_tables.kept(database.execute_sql):
            return super().pending_time()
        total = sum(row[3] for row in self._resolved_people())
        # the spans' working seconds kept with them (schema 33), added up by SQLite per
        # wait code; the spans of incidents marked since (a write by another program) are
        # counted here, as before
        until = "max(s.started_at, min(coalesce(s.ended_at, i.resolved_at), i.resolved_at))"
        dirty = "(SELECT d.incident_id FROM report_pending_dirty d)"
        joined = "FROM incident i INDEXED BY incident_resolved_at JOIN report_pending_span s " \
            "ON s.incident_id = i.id"
        result = PendingTime()
        if self._values is not None:  # whole months, no filter: the month sums
            counted = self._pending_from_months(until, dirty, joined)
            if counted is not None:
                return int(total), counted
        missing = 0
        for code, calendar, working, unknown in self._run(self._sql(
                "resolved", f"s.wait_code_id, sum({until} - s.started_at), total(s.working), "
                "count(*) - count(s.working)", extra=f"{until} > s.started_at AND "
                f"s.incident_id NOT IN {dirty}", group="1").replace(
                "FROM incident i", joined, 1), None, None):
            result.calendar[code] += int(calendar)
            result.working[code] += int(working)
            missing += int(unknown)
        marked = database.execute_sql("SELECT 1 FROM report_pending_dirty LIMIT 1").fetchone()
        if marked is None and not missing:
            return int(total), result
        if missing:  # spans without their working seconds (a write by hand): all counted here
            result = PendingTime()
        counted = spans_time(cut(self._run(self._sql(
            "resolved", "s.incident_id, s.calendar_id, s.wait_code_id, s.started_at, "
            "s.ended_at, i.resolved_at", extra="" if missing else f"s.incident_id IN {dirty}"
            ).replace("FROM incident i", joined, 1), None, None)))
        for code, seconds in counted.calendar.items():
            result.calendar[code] += seconds
        for code, seconds in counted.working.items():
            result.working[code] += seconds
        return int(total), result

    def _pending_from_months(self, until: str, dirty: str, joined: str
                             ) -> PendingTime | None:
        """Pending time from ``report_pending_month``: its sums for the period, less what
        the spans of marked incidents added there, plus their time counted here; None when
        some span lacks its working seconds (then every span is read)."""
        assert self._values is not None
        sums = {code: [n, c, w] for code, n, c, w, u in self._values.pending()}
        if any(u for *_, u in self._values.pending()):
            return None
        result = PendingTime()
        if database.execute_sql("SELECT 1 FROM report_pending_dirty LIMIT 1").fetchone():
            for code, n, c, w in self._run(self._sql(
                    "resolved", f"s.wait_code_id, count(*), sum({until} - s.started_at), "
                    "total(s.working)", extra=f"{until} > s.started_at AND s.incident_id IN "
                    f"{dirty}", group="1").replace("FROM incident i", joined, 1), None, None):
                left = sums.setdefault(code, [0, 0, 0])
                left[0] -= int(n)
                left[1] -= int(c)
                left[2] -= int(w)
            counted = spans_time(cut(self._run(self._sql(
                "resolved", "s.incident_id, s.calendar_id, s.wait_code_id, s.started_at, "
                "s.ended_at, i.resolved_at", extra=f"s.incident_id IN {dirty}").replace(
                "FROM incident i", joined, 1), None, None)))
            result.calendar.update(counted.calendar)
            result.working.update(counted.working)
        for code, (n, calendar, working) in sums.items():
            if n:
                result.calendar[code] += calendar
                result.working[code] += working
        return result

    # -- the counts from the summary ------------------------------------------------------
    def _counted(self, measure: str, start: int | None, end: int | None) -> int | None:
        """The index of the summary figure counting ``measure``, when it is read from the
        summary."""
        if measure not in _COUNTED or (start is not None and start != self.start) or (
                end is not None and end != self.end):
            return None
        self._load()
        return F[_COUNTED[measure]] if self.summarised else None

    def _figure(self, figure: int, column: str) -> dict[Any, int]:
        """One figure per value of ``column``, the values it is not zero for."""
        return {k: int(v[figure]) for k, v in self._sums(column, figure).items() if v[figure]}

    def count(self, measure: str, start: int | None = None, end: int | None = None) -> int:
        figure = self._counted(measure, start, end)
        if figure is None:
            return super().count(measure, start, end)
        return sum(self._figure(figure, "priority").values())

    def by(self, measure: str, dimension: str, start: int | None = None,
           end: int | None = None) -> dict[Any, int]:
        escalated = self._escalated(measure, dimension, start, end)
        if escalated is not None:
            return escalated
        figure = self._counted(measure, start, end)
        if figure is not None and (measure, dimension) in _SPREAD:
            totals = self._sums("priority", figure).values()
            spread = {k: sum(int(v[F[c]]) for v in totals)
                      for k, c in _SPREAD[(measure, dimension)].items()}
            return {k: n for k, n in spread.items() if n}
        if figure is not None and measure == "resolved" and dimension in _PEOPLE:
            at = _PEOPLE[dimension]
            counts: dict[Any, int] = {}
            for row in self._resolved_people():
                counts[row[at]] = counts.get(row[at], 0) + row[2]
            return counts
        if figure is None or dimension not in _DIMENSIONS:
            return super().by(measure, dimension, start, end)
        return self._figure(figure, _DIMENSIONS[dimension])

    def _resolved_people(self) -> list[tuple[Any, Any, int, int]]:
        """The incidents resolved in the period per assignee and resolver: how many, and
        their calendar seconds from logging to resolution; one read of the resolution
        index for the report's three figures that need them."""
        if not hasattr(self, "_people_rows") and self._values is not None:
            self._people_rows = self._values.people()  # whole months: their counts
        if not hasattr(self, "_people_rows"):
            self._people_rows = [(a, r, int(n), int(t)) for a, r, n, t in self._run(
                self._sql("resolved", "+i.assignee_id, +i.resolved_by_id, count(*), "
                          "total(i.resolved_at - i.created_at)", group="1, 2"), None, None)]
        return self._people_rows

    def sums(self, measure: str, dimension: str, columns: dict[str, str]
             ) -> dict[str, dict[Any, int]]:
        figure = self._counted(measure, None, None)
        if figure is None or dimension not in _DIMENSIONS or any(
                (measure, name) not in _SUMMED for name in columns):
            return super().sums(measure, dimension, columns)
        column = _DIMENSIONS[dimension]
        counts = self._figure(figure, column)
        result = {"count": counts}
        for name in columns:
            part = self._figure(F[_SUMMED[(measure, name)]], column)
            result[name] = {k: part.get(k, 0) for k in counts}
        return result

    def histogram(self, measure: str, edges: list[int]) -> list[int]:
        figure = self._counted(measure, None, None)
        if figure is None or edges[0] < self.start or edges[-1] > self.end:
            return super().histogram(measure, edges)
        counts = [0] * (len(edges) - 1)
        # a desk day lies wholly in one bucket: the edges are midnights too; so does a month
        # when every edge starts one (a trend by month over whole months)
        unit = "month" if self._monthly and len(set(edges)) == database.execute_sql(
            f"SELECT count(*) FROM report_month WHERE start IN ({', '.join('?' * len(edges))})",
            list(edges)).fetchone()[0] else "day"
        for day, n in self._figure(figure, unit).items():
            index = bisect_right(edges, day) - 1
            if 0 <= index < len(counts):
                counts[index] += n
        return counts

    def open_at_start(self) -> int:
        self._load()
        if not self.summarised:
            return super().open_at_start()
        first, last = database.execute_sql(  # the key's two ends, not a scan
            "SELECT (SELECT min(day) FROM report_incident_day), "
            "(SELECT max(day) FROM report_incident_day)").fetchone()
        after = first is not None and last - self.start < self.start - first
        return self._open_before(after)

    def _open_before(self, after: bool) -> int:
        """Logged before the period less resolved before it, from the summary rows of the
        days before it (and of the moments before the calendar, counted on day -1); or,
        ``after``, from those of the days from its start on, which are fewer for a recent
        period: all of them add up to the incidents never resolved (each is logged once
        and resolved at most once), counted through the index on stage and resolution."""
        if not after:
            row = database.execute_sql(
                "SELECT total(logged) - total(resolved) FROM "
                + self._from("report_incident_day", bound="<"), self._where_params).fetchone()
            return int(row[0])
        (later,) = database.execute_sql(
            "SELECT total(logged) - total(resolved) FROM "
            + self._from("report_incident_day", bound=">="), self._where_params).fetchone()
        never = " AND ".join(["i.resolved_at IS NULL", *self._where])
        ((unresolved,),) = self._run(
            f"SELECT count(*) FROM incident i INDEXED BY incident_stage_resolved_at "
            f"{self._joins} WHERE {never}", None, None)
        return int(unresolved) - int(later)

    def met(self, stage: str, dimension: str) -> dict[Any, tuple[int, int]]:
        self._load()
        if not self.summarised or dimension not in _CLOCK_DIMENSIONS:
            return super().met(stage, dimension)
        if not self._met:
            # every stage and dimension from one read of the period's clock summary
            totals: dict[tuple[str, str], dict[Any, list[int]]] = {}
            for s, priority, group, category, n, ok in database.execute_sql(
                    "SELECT stage, clock_priority, group_id, category_id, sum(stopped), "
                    f"sum(met) FROM {self._from('report_clock_day')} "
                    "GROUP BY 1, 2, 3, 4", self._where_params).fetchall():
                for name, key in (("clock_priority", priority), ("group", group),
                                  ("category", category)):
                    pair = totals.setdefault((s, name), {}).setdefault(key, [0, 0])
                    pair[0] += int(n)
                    pair[1] += int(ok)
            for s in ("assign", "accept", "resolve"):
                for name in _CLOCK_DIMENSIONS:
                    self._met[(s, name)] = {k: (n, ok) for k, (n, ok) in
                                            totals.get((s, name), {}).items() if n}
        return dict(self._met[(stage, dimension)])
