"""The Reports screen's reads: the whole report (every section the screen shows) for the
last full month and for the last twelve months before the data's "now", by the core's
service on the calling thread (``build_report``, what the screen's read pool runs).

Baseline: the period's headline figures (the command line's JSON keys, overall and per
priority) by hand-written SQL on a plain connection, each measure read through the same
indexes; their values must equal the service's (asserted before timing). The service does
much more than the baseline (about fifty breakdowns and trends besides), so the target is
the issue's absolute time: a month ≤ 300 ms at 100,000 incidents, a year ≤ 2 s at 1,000,000.

The same report is also timed read the two other ways the service can read it (the same
figures, asserted): from the period's rows without the summary tables of schema 27
(``LoadedReader``), and one SQL statement per figure, as before schema 27 (``Reader``);
not from 1,000,000 incidents on (``ONLY_SUMMARY_FROM``), where each of their runs of a
year takes minutes and says nothing about what the screen does.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections import defaultdict
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bench import open_file, plain_connection
from bench.benchmarks import Context, benchmark
from bench.measure import Result, measure

ZONE = ZoneInfo("Asia/Shanghai")
#: from this size on only the summary tables' reading (the screen's) is timed
ONLY_SUMMARY_FROM = 1_000_000
OPEN = "('logged', 'assigned', 'in_progress')"


def _months_back(day: date, months: int) -> date:
    month = day.month - 1 - months
    return date(day.year + month // 12, month % 12 + 1, 1)


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def summary_by_hand(conn: sqlite3.Connection, a: int, b: int) -> dict[str, Any]:
    """The headline figures of docs/kpis.md, straight from the tables."""
    per: dict[int, dict[str, Any]] = defaultdict(lambda: defaultdict(int))
    lists: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for p, n, fcr, linked in conn.execute(
            "SELECT priority, count(*), sum(resolved_at IS NOT NULL AND assigned_at IS NULL AND "
            "accepted_at IS NULL), sum(linked_incident_id IS NOT NULL) FROM incident "
            "WHERE created_at >= ? AND created_at < ? GROUP BY priority", (a, b)):
        per[p].update(logged=n, fcr=fcr, linked=linked)
    for p, n, moved in conn.execute(
            "SELECT priority, count(*), sum(reassignment_count >= 3) FROM incident "
            "WHERE resolved_at >= ? AND resolved_at < ? GROUP BY priority", (a, b)):
        per[p].update(resolved=n, moved=moved)
    for p, n, auto in conn.execute(
            "SELECT priority, count(*), sum(closed_by_id IS NULL) FROM incident "
            "WHERE closed_at >= ? AND closed_at < ? GROUP BY priority", (a, b)):
        per[p].update(closed=n, auto=auto)
    for p, score in conn.execute(
            "SELECT priority, satisfaction FROM incident WHERE closed_at >= ? AND closed_at < ?"
            " AND satisfaction IS NOT NULL", (a, b)):
        lists[p]["satisfaction"].append(score)
    for stage in ("assign", "accept", "resolve"):
        for p, elapsed, target in conn.execute(
                "SELECT priority, elapsed_seconds, target_minutes FROM target_clock "
                "WHERE state = 'stopped' AND stage = ? AND stopped_at >= ? AND stopped_at < ?",
                (stage, a, b)):
            per[p][f"{stage}_done"] += 1
            per[p][f"{stage}_met"] += elapsed <= target * 60
            lists[p][stage].append(elapsed / 60.0)
    for p, n in conn.execute(
            "SELECT i.priority, count(*) FROM escalation e JOIN incident i ON i.id = "
            "e.incident_id WHERE e.at >= ? AND e.at < ? GROUP BY i.priority", (a, b)):
        per[p]["escalations"] = n
    for p, n in conn.execute(f"SELECT priority, count(*) FROM incident WHERE stage IN {OPEN} "
                             "GROUP BY priority"):
        per[p]["open"] = n

    def scope(keys: list[int]) -> dict[str, Any]:
        def n(name: str) -> int:
            return sum(per[k][name] for k in keys)

        def joined(name: str) -> list[float]:
            return [v for k in keys for v in lists[k][name]]

        def median(values: list[float]) -> float | None:
            return round(float(statistics.median(values)), 2) if values else None

        ratings = joined("satisfaction")
        return {
            "logged": n("logged"), "resolved": n("resolved"), "closed": n("closed"),
            "auto_closed": n("auto"),
            "first_contact_resolution_pct": _pct(n("fcr"), n("logged")),
            "assign_met_pct": _pct(n("assign_met"), n("assign_done")),
            "response_met_pct": _pct(n("accept_met"), n("accept_done")),
            "restore_met_pct": _pct(n("resolve_met"), n("resolve_done")),
            "breached": sum(n(f"{s}_done") - n(f"{s}_met") for s in ("assign", "accept",
                                                                       "resolve")),
            "mtta_working_minutes_median": median(joined("accept")),
            "mttr_working_minutes_median": median(joined("resolve")),
            "escalations": n("escalations"),
            "transfers_3_or_more_pct": _pct(n("moved"), n("resolved")),
            "satisfaction_mean": round(float(statistics.fmean(ratings)), 2) if ratings else None,
            "linked_after_closure": n("linked"), "open_now": n("open"),
        }

    result = scope([1, 2, 3, 4])
    result["by_priority"] = {str(p): scope([p]) for p in (1, 2, 3, 4)}
    return result


@benchmark("reports", "the Reports screen's whole report for a month and for a year, "
           "against the headline figures by hand-written SQL; and the same report read "
           "without the summary tables and one statement per figure")
def run(ctx: Context) -> list[Result]:
    from desk_app.clock import FakeClock
    from desk_app.services.reports.build import _build
    from desk_app.services.reports.loaded import LoadedReader
    from desk_app.services.reports.period import Period
    from desk_app.services.reports.query import Reader, ReportFilter
    from desk_app.services.reports.summarised import SummaryReader
    from desk_app.services.session import system_session

    now = datetime.fromisoformat(ctx.manifest.now)
    this_month = now.astimezone(ZONE).date().replace(day=1)
    store = open_file(ctx.path, read_only=True)
    session = system_session(store, FakeClock(now))
    conn = plain_connection(ctx.path, read_only=True)
    results: list[Result] = []

    def report(f: ReportFilter, reading: type[Reader]) -> Any:
        # as build_report, with the way of reading chosen (its page cache included)
        def run() -> Any:
            before = store.db.execute_sql("PRAGMA cache_size").fetchone()[0]
            store.db.execute_sql("PRAGMA cache_size = -32768")
            try:
                return _build(session, f, "en", None, reading)
            finally:
                store.db.execute_sql(f"PRAGMA cache_size = {int(before)}")

        return session.read(run)

    try:
        for label, months, limit in (("a month", 1, 300.0), ("a year", 12, 2000.0)):
            period = Period(_months_back(this_month, months), this_month)
            f = ReportFilter(period)
            a, b = period.bounds(ZONE)
            ours = report(f, SummaryReader)
            by_hand = summary_by_hand(conn, a, b)
            assert ours.summary == by_hand, (label, ours.summary, by_hand)
            ways = [(SummaryReader, "", 5),
                    (LoadedReader, ", without the summary tables", 3),
                    (Reader, ", one statement per figure (before 0027)", 3)]
            for reading, how, repeat in ways[:1] if ctx.size >= ONLY_SUMMARY_FROM else ways:
                other = report(f, reading)
                assert (other.summary, other.tables) == (ours.summary, ours.tables), reading
                timed, baseline = measure(lambda f=f, r=reading: report(f, r),
                                          lambda a=a, b=b: summary_by_hand(conn, a, b),
                                          repeat=ctx.repetitions(repeat), warmup=1)
                results.append(Result(
                    f"reports: whole report for {label} ({ours.summary['logged']} logged)"
                    + how, ctx.size, timed, baseline, f"≤ {limit:.0f} ms", limit_ms=limit,
                    note=f"{len(ours.tables)} sections; baseline: headline figures only"))
    finally:
        conn.close()
        store.close()
    return results
