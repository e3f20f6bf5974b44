"""Building a report: the KPIs of docs/kpis.md for one period and filter.

Everything is read in one read transaction through ``query.Reader``: counts are computed
by SQLite (GROUP BY over the period's rows, found through the report indexes); only the
figures that need every value (medians, percentiles, pending time) read one column of the
period's rows, never whole incidents.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import partial
from operator import eq
from typing import Any

from desk_app.domain.enums import ContactChannel, EscalationReason, Stage
from desk_app.i18n import Language, label, text
from desk_app.services.arguments import checked
from desk_app.services.session import Session
from desk_app.storage.models import Category, SupportGroup, User, WaitCode, database

from . import figures as fig
from .access import scope_filter
from .model import Cell, Report, Row, Table
from .period import Granularity, check_period, desk_zone, instant
from .query import AGE_BUCKETS, FIRST_CONTACT, Reader, ReportFilter
from .summarised import SummaryReader

STAGES = ("assign", "accept", "resolve")
REPORT_CACHE_KB = 32 * 1024
PRIORITIES = (1, 2, 3, 4)
SUMMARY_KEYS = ("logged", "resolved", "closed", "auto_closed", "first_contact_resolution_pct",
                "assign_met_pct", "response_met_pct", "restore_met_pct", "breached",
                "mtta_working_minutes_median", "mttr_working_minutes_median", "escalations",
                "transfers_3_or_more_pct", "satisfaction_mean", "linked_after_closure",
                "open_now")


@checked
def build_report(session: Session, f: ReportFilter, lang: Language = "en",
                 granularity: Granularity | None = None) -> Report:
    """The report for ``f`` in ``lang``; refused to people who may not see reports.

    The report reads the period's rows some fifty times (once per figure); a page cache big
    enough to hold them for the read (32 MB, given back afterwards) saves reading and
    decoding the same pages again each time."""

    def run() -> Report:
        size = database.execute_sql("PRAGMA cache_size").fetchone()
        if size is None:  # a server: its own shared buffers, nothing to set per read
            return _build(session, f, lang, granularity)
        database.execute_sql(f"PRAGMA cache_size = -{REPORT_CACHE_KB}")
        try:
            return _build(session, f, lang, granularity)
        finally:
            database.execute_sql(f"PRAGMA cache_size = {int(size[0])}")

    return session.read(run)


def _build(session: Session, f: ReportFilter, lang: Language,
           granularity: Granularity | None, reading: type[Reader] = SummaryReader) -> Report:
    """``reading``: ``SummaryReader`` (counts from the summary tables, the rest from the
    period's rows read once), ``LoadedReader`` (all from the rows read once) or ``Reader``
    (one SQL statement per figure); the tests compare the three."""
    check_period(f.period)
    f = scope_filter(session, f)
    zone = desk_zone()
    start, end = f.period.bounds(zone)
    now = int(session.clock.now().timestamp())
    reader = reading(f, start, end, now)
    names = _Names(lang)
    t = _Texts(lang)
    summary = summarise(reader)
    tables = [
        _summary_table(reader, summary, t),
        *_volume(reader, f, names, t, zone, granularity or f.period.default_granularity()),
        *_backlog(reader, f, names, t, zone, granularity or f.period.default_granularity()),
        *_targets(reader, names, t),
        _times(reader, t),
        _transfers(reader, t),
        *_escalations(reader, names, t),
        _pending(reader, names, t),
        *_satisfaction(reader, names, t),
        _people(reader, names, t),
    ]
    subtitle = text("report.subtitle", lang, start=f.period.start.isoformat(),
                    end=(f.period.end - timedelta(days=1)).isoformat(), zone=zone.key)
    return Report(f, lang, text("report.title", lang), subtitle, zone.key, summary, tables)


# -- the summary (the command line's JSON keys) -------------------------------------------
def summarise(reader: Reader) -> dict[str, Any]:
    """The period's headline figures, overall and per priority 1–4 (``by_priority``)."""
    logged = reader.sums("logged", "priority", {
        "first_contact": FIRST_CONTACT, "linked": "i.linked_incident_id IS NOT NULL"})
    resolved = reader.sums("resolved", "priority", {"transfers_3": "i.reassignment_count >= 3"})
    closed = reader.sums("closed", "priority", {
        "auto_closed": "i.closed_by_id IS NULL", "rated": "i.satisfaction IS NOT NULL",
        "rating_sum": "coalesce(i.satisfaction, 0)"})
    counts = {
        "logged": logged["count"], "first_contact": logged["first_contact"],
        "linked": logged["linked"], "resolved": resolved["count"],
        "transfers_3": resolved["transfers_3"], "closed": closed["count"],
        "auto_closed": closed["auto_closed"],
        "escalated": reader.by("escalated", "priority"), "open": reader.by("open", "priority")}
    clocks: dict[str, dict[Any, int]] = {}
    for stage in STAGES:
        pairs = reader.met(stage, "clock_priority")
        clocks[f"stopped:{stage}"] = {k: done for k, (done, _) in pairs.items()}
        clocks[f"met:{stage}"] = {k: ok for k, (_, ok) in pairs.items()}
    # working seconds in order, of every clock and per clock priority
    times = {stage: reader.ordered(stage) for stage in ("accept", "resolve")}
    per_priority = {stage: reader.ordered_by(stage, "clock_priority")
                    for stage in ("accept", "resolve")}

    def scope(keep: Callable[[int], bool], priority: int | None) -> dict[str, Any]:
        def n(table: dict[Any, int]) -> int:
            return sum(v for k, v in table.items() if keep(k))

        def median(stage: str) -> float | None:
            ordered = times[stage] if priority is None else \
                per_priority[stage].get(priority, fig.Listed())
            return fig.median_sorted(ordered)

        return {
            "logged": n(counts["logged"]),
            "resolved": n(counts["resolved"]),
            "closed": n(counts["closed"]),
            "auto_closed": n(counts["auto_closed"]),
            "first_contact_resolution_pct": fig.pct(n(counts["first_contact"]),
                                                    n(counts["logged"])),
            "assign_met_pct": fig.pct(n(clocks["met:assign"]), n(clocks["stopped:assign"])),
            "response_met_pct": fig.pct(n(clocks["met:accept"]), n(clocks["stopped:accept"])),
            "restore_met_pct": fig.pct(n(clocks["met:resolve"]),
                                       n(clocks["stopped:resolve"])),
            "breached": sum(n(clocks[f"stopped:{s}"]) - n(clocks[f"met:{s}"]) for s in STAGES),
            "mtta_working_minutes_median": median("accept"),
            "mttr_working_minutes_median": median("resolve"),
            "escalations": n(counts["escalated"]),
            "transfers_3_or_more_pct": fig.pct(n(counts["transfers_3"]), n(counts["resolved"])),
            "satisfaction_mean": fig.ratio(n(closed["rating_sum"]), n(closed["rated"])),
            "linked_after_closure": n(counts["linked"]),
            "open_now": n(counts["open"]),
        }

    def everything(_p: int) -> bool:
        return True

    result = scope(everything, None)
    result["by_priority"] = {str(p): scope(partial(eq, p), p) for p in PRIORITIES}
    return result


_grouped = fig.grouped  # the tests' name


# -- labels ------------------------------------------------------------------------------
class _Texts:
    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def __call__(self, key: str, **params: object) -> str:
        return text(f"report.{key}", self.lang, **params)


class _Names:
    """Names of groups, categories, people and wait codes in the reader's language."""

    def __init__(self, lang: Language) -> None:
        zh = lang == "zh"
        self.lang = lang
        self.group = {g.id: g.name_zh if zh else g.name_en for g in SupportGroup.select(
            SupportGroup.id, SupportGroup.name_en, SupportGroup.name_zh)}
        self.category = {c.id: c.name_zh if zh else c.name_en for c in Category.select(
            Category.id, Category.name_en, Category.name_zh)}
        self.person = {u.id: u.full_name for u in User.select(User.id, User.full_name)}
        self.wait_code = {w.id: w.name_zh if zh else w.name_en for w in WaitCode.select(
            WaitCode.id, WaitCode.name_en, WaitCode.name_zh)}

    def of(self, dimension: str, key: Any) -> str:
        none = text("report.none", self.lang)
        if key is None:
            return none
        if dimension in ("group", "category", "wait_code"):
            return getattr(self, dimension).get(key, str(key))
        if dimension in ("assignee", "resolver"):
            return self.person.get(key, str(key))
        if dimension in ("priority", "clock_priority"):
            return f"P{key}"
        if dimension == "channel":
            return label(ContactChannel(key), self.lang)
        if dimension == "stage":
            return label(Stage(key), self.lang)
        if dimension == "reason":
            return label(EscalationReason(key), self.lang)
        if dimension == "age":
            return text(f"report.age.{key}", self.lang)
        if dimension == "transfers":
            return "5+" if key >= 5 else str(key)
        return str(key)

    def ordered(self, dimension: str, keys: Iterable[Any]) -> list[Any]:
        keys = list(keys)
        if dimension == "stage":
            order = [s.value for s in Stage]
            return sorted(keys, key=lambda k: order.index(k) if k in order else len(order))
        if dimension in ("group", "category", "wait_code", "assignee", "resolver"):
            return sorted(keys, key=lambda k: (k is None, self.of(dimension, k)))
        return sorted(keys, key=lambda k: (k is None, k if k is not None else 0))


def _counts_table(reader: Reader, key: str, title: str, dimension: str,
                  measures: list[tuple[str, str]], names: _Names, chart: str = "bar",
                  fixed: Iterable[Any] = ()) -> Table:
    per = {m: reader.by(m, dimension) for m, _ in measures}
    keys = set(fixed)
    for table in per.values():
        keys.update(table)
    rows = tuple(Row(names.of(dimension, k), tuple(
        Cell(per[m].get(k, 0), reader.drill(m, dimension, k)) for m, _ in measures), k)
        for k in names.ordered(dimension, keys))
    return Table(key, title, tuple(c for _, c in measures), rows, chart)


# -- sections ----------------------------------------------------------------------------
def _summary_table(reader: Reader, summary: dict[str, Any], t: _Texts) -> Table:
    drills = {"logged": "logged", "resolved": "resolved", "closed": "closed",
              "auto_closed": "auto_closed", "escalations": "escalated",
              "linked_after_closure": "linked", "open_now": "open"}
    rows = []
    for key in SUMMARY_KEYS:
        cells = [Cell(summary[key], reader.drill(drills[key]) if key in drills else None)]
        for p in PRIORITIES:
            value = summary["by_priority"][str(p)][key]
            cells.append(Cell(value, reader.drill(drills[key], "priority", p)
                              if key in drills else None))
        rows.append(Row(t(f"kpi.{key}"), tuple(cells), key))
    return Table("summary", t("section.summary"), (t("all"), "P1", "P2", "P3", "P4"),
                 tuple(rows), chart="none")


def _bucket_label(day: date, granularity: Granularity, lang: Language) -> str:
    if granularity == Granularity.MONTH:
        return day.strftime("%Y-%m")
    if granularity == Granularity.WEEK:
        return text("report.week_of", lang, day=day.isoformat())
    return day.isoformat()


def _edges(reader: Reader, f: ReportFilter, zone: Any, granularity: Granularity
           ) -> tuple[list[date], list[int]]:
    """The buckets' first days, and their bounds as moments clipped to the period."""
    days = f.period.buckets(granularity)
    edges = [min(max(instant(d, zone), reader.start), reader.end) for d in days]
    return days[:-1], edges


def _trend_rows(reader: Reader, f: ReportFilter, zone: Any, granularity: Granularity,
                measures: list[str], lang: Language) -> tuple[Row, ...]:
    days, edges = _edges(reader, f, zone, granularity)
    counts = {m: reader.histogram(m, edges) for m in measures}
    return tuple(Row(_bucket_label(first, granularity, lang), tuple(
        Cell(counts[m][i], reader.drill(m, None, None, edges[i], edges[i + 1]))
        for m in measures), first) for i, first in enumerate(days))


def _volume(reader: Reader, f: ReportFilter, names: _Names, t: _Texts, zone: Any,
            granularity: Granularity) -> list[Table]:
    measures = ["logged", "resolved", "closed", "auto_closed"]
    heads = tuple(t(f"kpi.{m}") for m in measures)
    trend = Table("volume_trend", t("section.volume_trend", unit=t(f"unit.{granularity}")),
                  heads, _trend_rows(reader, f, zone, granularity, measures, t.lang),
                  chart="line")
    flow = [(m, t(f"kpi.{m}")) for m in measures[:3]]
    return [
        trend,
        _counts_table(reader, "volume_by_channel", t("section.volume_by_channel"), "channel",
                      [("logged", t("kpi.logged"))], names, chart="pie"),
        _counts_table(reader, "volume_by_category", t("section.volume_by_category"),
                      "category", flow, names),
        _counts_table(reader, "volume_by_group", t("section.volume_by_group"), "group",
                      flow, names),
    ]


def _backlog(reader: Reader, f: ReportFilter, names: _Names, t: _Texts, zone: Any,
             granularity: Granularity) -> list[Table]:
    # open at t = logged before t - resolved before t (a resolution follows its logging), as
    # a running count from the period's start rather than a count of all history per bucket
    days, edges = _edges(reader, f, zone, granularity)
    open_count = reader.open_at_start()
    logged, resolved = reader.histogram("logged", edges), reader.histogram("resolved", edges)
    rows = []
    for i, first in enumerate(days):
        open_count += logged[i] - resolved[i]
        rows.append(Row(_bucket_label(first, granularity, t.lang), (Cell(
            open_count, reader.drill("open_at", None, None, reader.start, edges[i + 1])),),
            first))
    open_now = [("open", t("kpi.open_now"))]
    return [
        Table("backlog_trend", t("section.backlog_trend"), (t("kpi.open_at_end"),),
              tuple(rows), chart="line"),
        _counts_table(reader, "backlog_by_stage", t("section.backlog_by_stage"), "stage",
                      open_now, names, fixed=("logged", "assigned", "in_progress")),
        _counts_table(reader, "backlog_by_group", t("section.backlog_by_group"), "group",
                      open_now, names),
        _counts_table(reader, "backlog_by_age", t("section.backlog_by_age"), "age", open_now,
                      names, fixed=range(len(AGE_BUCKETS))),
    ]


def _targets(reader: Reader, names: _Names, t: _Texts) -> list[Table]:
    tables = []
    for dimension, key in (("clock_priority", "priority"), ("group", "group"),
                           ("category", "category")):
        pairs = {s: reader.met(s, dimension) for s in STAGES}
        stopped = {s: {k: v[0] for k, v in pairs[s].items()} for s in STAGES}
        met = {s: {k: v[1] for k, v in pairs[s].items()} for s in STAGES}
        keys: set[Any] = set(PRIORITIES) if dimension == "clock_priority" else set()
        for table in stopped.values():
            keys.update(table)
        rows = []
        for k in names.ordered(dimension, keys):
            cells: list[Cell] = []
            for s in STAGES:
                done, ok = stopped[s].get(k, 0), met[s].get(k, 0)
                cells.append(Cell(fig.pct(ok, done), reader.drill(f"met:{s}", dimension, k)))
                cells.append(Cell(done - ok, reader.drill(f"breached:{s}", dimension, k)))
            rows.append(Row(names.of(dimension, k), tuple(cells), k))
        columns = tuple(c for s in STAGES for c in (t(f"met.{s}"), t(f"breached.{s}")))
        tables.append(Table(f"targets_by_{key}", t(f"section.targets_by_{key}"), columns,
                            tuple(rows), chart="bar", chart_columns=(0, 2, 4)))
    return tables


def _times(reader: Reader, t: _Texts) -> Table:
    rows = []
    for s in STAGES:
        working, calendar = reader.ordered(s, "working"), reader.ordered(s, "calendar")
        cells = [Cell(figure) for v in (working, calendar) for figure in fig.spread_sorted(v)]
        cells.append(Cell(len(working), reader.drill(f"stopped:{s}")))
        rows.append(Row(t(f"time.{s}"), tuple(cells), s))
    columns = (*(t(f"stat.{w}.{s}") for w in ("working", "calendar")
                 for s in ("median", "mean", "p90")), t("incidents"))
    return Table("times", t("section.times"), columns, tuple(rows), chart="bar",
                 chart_columns=(0, 3))


def _transfers(reader: Reader, t: _Texts) -> Table:
    per = reader.by("resolved", "transfers")
    rows = tuple(Row("5+" if k == 5 else str(k),
                     (Cell(per.get(k, 0), reader.drill("resolved", "transfers", k)),), k)
                 for k in range(6))
    return Table("transfers", t("section.transfers"), (t("kpi.resolved"),), rows)


def _escalations(reader: Reader, names: _Names, t: _Texts) -> list[Table]:
    ack = {reason: fig.spread_sorted(ordered) for reason, ordered in
           reader.acknowledged_by_reason().items()}  # median, mean, 90th percentile
    by_reason = _counts_table(reader, "escalations_by_reason", t("section.escalations_by_reason"),
                              "reason", [("escalated", t("kpi.escalations")),
                                         ("acknowledged", t("acknowledged"))], names,
                              fixed=[r.value for r in EscalationReason])
    none = (None, None, None)
    rows = tuple(Row(r.label, (*r.cells, Cell(ack.get(r.key, none)[0]),
                               Cell(ack.get(r.key, none)[1])), r.key)
                 for r in by_reason.rows)
    by_reason = Table(by_reason.key, by_reason.title, (*by_reason.columns,
                      t("ack.median"), t("ack.mean")), rows, chart_columns=(0, 1))
    flow = [("escalated", t("kpi.escalations"))]
    return [
        by_reason,
        _counts_table(reader, "escalations_by_stage", t("section.escalations_by_stage"),
                      "stage", flow, names),
        _counts_table(reader, "escalations_by_group", t("section.escalations_by_group"),
                      "group", flow, names),
    ]


def _pending(reader: Reader, names: _Names, t: _Texts) -> Table:
    """Pending time of the incidents resolved in the period, from their journals: its share
    of their working time (on each one's restore calendar) and of their calendar time."""
    calendar_total, pending = reader.pending_time()
    # working time from logging to resolution = the restore clock's working time (it runs
    # whenever the incident is neither pending nor resolved) + the working time pending
    working_total = reader.working_total("resolve") + sum(pending.working.values())
    now_by = reader.by("pending_now", "wait_code")
    keys = set(pending.calendar) | set(now_by)

    def shares(working: int, calendar: int) -> tuple[Cell, Cell]:
        return Cell(fig.pct(working, working_total)), Cell(fig.pct(calendar, calendar_total))

    rows = [Row(names.of("wait_code", k), (
        *shares(pending.working.get(k, 0), pending.calendar.get(k, 0)),
        Cell(now_by.get(k, 0), reader.drill("pending_now", "wait_code", k))), k)
        for k in names.ordered("wait_code", keys)]
    rows.append(Row(t("kpi.pending_all"), (
        *shares(sum(pending.working.values()), sum(pending.calendar.values())),
        Cell(sum(now_by.values()), reader.drill("pending_now"))), "all"))
    rows.append(Row(t("kpi.waiting_change"), (Cell(None), Cell(None), Cell(
        reader.count("waiting_change"), reader.drill("waiting_change"))), "change"))
    return Table("pending", t("section.pending"),
                 (t("pending.share"), t("pending.share_calendar"), t("pending.now")),
                 tuple(rows), chart_columns=(0, 1), note=t("pending.note"))


def _satisfaction(reader: Reader, names: _Names, t: _Texts) -> list[Table]:
    dist = reader.by("rated", "satisfaction")
    rows = tuple(Row(str(k), (Cell(dist.get(k, 0), reader.drill("rated", "satisfaction", k)),),
                     k) for k in range(1, 6))
    tables = [Table("satisfaction", t("section.satisfaction"), (t("ratings"),), rows)]
    for dimension, key in (("group", "group"), ("resolver", "person")):
        values: dict[Any, list[int]] = defaultdict(list)
        column = "i.group_id" if dimension == "group" else "i.resolved_by_id"
        for k, v in reader.values("rated", f"{column}, i.satisfaction"):
            values[k].append(v)
        tables.append(Table(f"satisfaction_by_{key}", t(f"section.satisfaction_by_{key}"),
                            (t("satisfaction.mean"), t("ratings")), tuple(
            Row(names.of(dimension, k), (Cell(fig.mean(values[k])), Cell(
                len(values[k]), reader.drill("rated", dimension, k))), k)
            for k in names.ordered(dimension, values)), chart_columns=(0,)))
    return tables


def _people(reader: Reader, names: _Names, t: _Texts) -> Table:
    handled: dict[Any, int] = defaultdict(int)
    for part in ("resolved", "handled_logged", "handled_open", "handled_later"):
        for k, n in reader.by(part, "assignee").items():
            handled[k] += n
    resolved = reader.by("resolved", "resolver")
    times = reader.ordered_by("resolve", "resolver")
    ratings: dict[Any, list[int]] = defaultdict(list)
    for person, value in reader.values("rated", "i.resolved_by_id, i.satisfaction"):
        ratings[person].append(value)
    keys = {k for k in set(handled) | set(resolved) if k is not None}
    rows = tuple(Row(names.of("assignee", k), (
        Cell(handled.get(k, 0), reader.drill("handled", "assignee", k)),
        Cell(resolved.get(k, 0), reader.drill("resolved", "resolver", k)),
        Cell(fig.median_sorted(times.get(k, fig.Listed()))),
        Cell(fig.mean(ratings.get(k, [])))), k) for k in names.ordered("assignee", keys))
    return Table("people", t("section.people"), (t("handled"), t("kpi.resolved"),
                 t("kpi.mttr_working_minutes_median"), t("kpi.satisfaction_mean")), rows,
                 chart_columns=(0, 1))

