"""The reports' summary tables (schema 27) and pending spans (schema 31) equal a recount
from the incidents, their clocks and journals after any history the services can make,
and ``desk-app check`` names every disagreement."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.domain.enums import ContactChannel, Impact
from desk_app.services.database.check import check_database
from desk_app.services.reports import summary
from desk_app.services.reports.build import _build
from desk_app.services.reports.loaded import LoadedReader
from desk_app.services.reports.pending import PendingTime, pending_time
from desk_app.services.reports.period import Period, desk_zone
from desk_app.services.reports.query import Reader, ReportFilter
from desk_app.services.reports.summarised import SummaryReader
from desk_app.storage.models import database
from tests.conftest import Org
from tests.core.reports.test_property_reports import STEP, random_history

#: the file's summary tables (a server keeps none: its reports count rows)
pytestmark = pytest.mark.file_only

PERIODS = (Period(date(2026, 3, 1), date(2026, 3, 8)), Period(date(2026, 3, 2), date(2026, 3, 4)),
           Period(date(2026, 1, 1), date(2027, 1, 1)))


#: one row of the incident summary (the first with something logged)
_ONE = ("(day, priority, group_id, category_id, channel) = (SELECT day, priority, group_id, "
        "category_id, channel FROM report_incident_day WHERE logged > 0 ORDER BY 1, 2, 3, 4, 5 "
        "LIMIT 1)")


def _rows(sql: str) -> list[tuple]:
    return list(database.execute_sql(sql).fetchall())


def _summary_findings(org: Org) -> list[str]:
    return [f.message("en") for f in check_database(org.store).findings
            if f.key.startswith("check.report_summary")]


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(incidents=st.lists(st.tuples(st.sampled_from(list(Impact)),
                                    st.sampled_from(list(ContactChannel))),
                          min_size=1, max_size=6),
       steps=st.lists(STEP, max_size=25), satisfaction=st.integers(1, 5))
def test_summary_tables_equal_a_recount_after_any_history(
        org_template: tuple[Path, dict[str, int]], incidents: list[tuple[Impact, str]],
        steps: list[tuple[int, int, int]], satisfaction: int) -> None:
    with random_history(org_template, incidents, steps) as (org, logged):
        store = org.store
        # a rating written by hand too (no service in the steps rates)
        store.write(lambda: database.execute_sql(
            "UPDATE incident SET satisfaction = ? WHERE id = ?", (satisfaction, logged[0])))
        assert store.read(lambda: list(summary.differences(_rows)) == [])
        assert store.read(lambda: summary.stored(_rows)["report_incident_day"]) != {}
        manager = org.as_("manager")
        for period in PERIODS:
            f = ReportFilter(period)
            per_figure = manager.read(lambda f=f: _build(manager, f, "en", None, Reader))
            for reading in (SummaryReader, LoadedReader):
                report = manager.read(lambda f=f, r=reading: _build(manager, f, "en", None, r))
                assert (report.summary, report.tables) == (per_figure.summary,
                                                           per_figure.tables), reading
            # the backlog's start from the days before the period or from those after it
            assert manager.read(lambda f=f: _open_at_start_every_way(f)) == [
                per_figure_open(manager, f)] * 3
        assert _summary_findings(org) == []
        # the pending spans the file keeps give the pending time the journal gives
        kept, journal = store.read(_pending_both_ways)
        assert (kept.working, kept.calendar) == (journal.working, journal.calendar)
        # deleting an incident (with its clocks, by the foreign keys) takes its counts away
        store.write(lambda: database.execute_sql("DELETE FROM incident WHERE id = ?",
                                                 (logged[-1],)))
        assert store.read(lambda: list(summary.differences(_rows)) == [])


def per_figure_open(manager: object, f: ReportFilter) -> int:
    """Incidents open at the period's start, one statement per figure (``Reader``)."""
    def count() -> int:
        start, end = f.period.bounds(desk_zone())
        return Reader(f, start, end, 0).open_at_start()

    return int(manager.read(count))  # type: ignore[attr-defined]


def _open_at_start_every_way(f: ReportFilter) -> list[int]:
    start, end = f.period.bounds(desk_zone())
    reader = SummaryReader(f, start, end, 0)
    return [reader.open_at_start(), reader._open_before(after=False),
            reader._open_before(after=True)]


def _pending_both_ways() -> tuple[PendingTime, PendingTime]:
    """Pending time of every incident (the open ones until 2100) from the spans a file
    keeps (migration 0031) and from the journal, as on a server."""
    until = dict(database.execute_sql(
        "SELECT id, coalesce(resolved_at, 4102444800) FROM incident").fetchall())
    kept = pending_time(until)
    with patch.object(summary, "kept_here", lambda: False):
        return kept, pending_time(until)


def test_check_names_a_pending_span_that_disagrees(history: tuple[Org, dict[str, int]]
                                                   ) -> None:
    org, ids = history
    store = org.store
    spans = store.read(lambda: _rows("SELECT incident_id, journal_id, ended_at FROM "
                                     "report_pending_span ORDER BY 1, 2"))
    assert [s[0] for s in spans] == [ids["A"]]  # A waited for the caller, once
    kept, journal = store.read(_pending_both_ways)
    assert (kept.working, kept.calendar) == (journal.working, journal.calendar)
    assert sum(kept.working.values()) == 390 * 60  # Mon 10:00 → Tue 09:00, office hours
    incident, entry, ended = spans[0]
    store.write(lambda: database.execute_sql(
        "UPDATE report_pending_span SET ended_at = ended_at + 60 WHERE journal_id = ?",
        (entry,)))
    try:
        found = _summary_findings(org)
        assert len(found) == 1 and "report_pending_span" in found[0] \
            and f"{incident}, {entry}" in found[0] and f"ended_at is {ended + 60}" in found[0]
    finally:
        store.write(lambda: database.execute_sql(
            "UPDATE report_pending_span SET ended_at = ? WHERE journal_id = ?",
            (ended, entry)))
    assert _summary_findings(org) == []


def test_check_names_a_summary_that_disagrees(history: tuple[Org, dict[str, int]]) -> None:
    org, _ = history
    assert _summary_findings(org) == []
    store = org.store
    store.write(lambda: database.execute_sql(
        f"UPDATE report_incident_day SET logged = logged + 2 WHERE {_ONE}"))
    try:
        found = _summary_findings(org)
        assert len(found) == 1 and "logged is" in found[0] and "the incidents give" in found[0]
    finally:
        store.write(lambda: database.execute_sql(
            f"UPDATE report_incident_day SET logged = logged - 2 WHERE {_ONE}"))
    assert _summary_findings(org) == []


def test_check_names_summaries_made_for_another_zone(history: tuple[Org, dict[str, int]]
                                                     ) -> None:
    org, _ = history
    store = org.store
    store.write(lambda: database.execute_sql(
        "UPDATE setting SET value = 'Europe/Paris' WHERE key = ?", (summary.ZONE_KEY,)))
    try:
        found = _summary_findings(org)
        assert found and "Europe/Paris" in found[0] and "Asia/Shanghai" in found[0]
    finally:
        store.write(lambda: database.execute_sql(
            "UPDATE setting SET value = 'Asia/Shanghai' WHERE key = ?", (summary.ZONE_KEY,)))


def test_rebuild_for_a_zone_counts_everything_again(history: tuple[Org, dict[str, int]]
                                                    ) -> None:
    from zoneinfo import ZoneInfo

    org, _ = history

    def rebuild(zone: str) -> None:
        summary.rebuild(database.execute_sql, database.cursor().executemany, ZoneInfo(zone))

    before = org.store.read(lambda: summary.stored(_rows))
    org.store.write(lambda: rebuild("Europe/Paris"))
    paris = org.store.read(lambda: summary.stored(_rows))
    assert paris != before  # other midnights
    assert org.store.read(lambda: list(summary.differences(_rows)) == [])
    org.store.write(lambda: rebuild("Asia/Shanghai"))
    assert org.store.read(lambda: summary.stored(_rows)) == before
