"""The report with its counts from the summary tables (``SummaryReader``) and the report
read once (``LoadedReader``) equal the report read one SQL statement per figure
(``Reader``), cell by cell and drill-down by drill-down, for every filter."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desk_app.services.reports.build import _build
from desk_app.services.reports.loaded import LoadedReader
from desk_app.services.reports.period import Granularity, Period
from desk_app.services.reports.query import Reader, ReportFilter
from desk_app.services.reports.summarised import SummaryReader
from desk_app.storage.models import database
from desk_app.storage.postgres.database import ServerStore
from tests.conftest import Org

MARCH = Period(date(2026, 3, 1), date(2026, 4, 1))


def both_ways(org: Org, f: ReportFilter, lang: Any = "en",
              granularity: Granularity | None = None) -> tuple[Any, Any]:
    """The report read once (with and without the summary tables, which must agree) and
    the report read one statement per figure."""
    session = org.as_("manager")
    summarised = session.read(lambda: _build(session, f, lang, granularity, SummaryReader))
    loaded = session.read(lambda: _build(session, f, lang, granularity, LoadedReader))
    assert (summarised.summary, summarised.tables) == (loaded.summary, loaded.tables)
    return loaded, session.read(lambda: _build(session, f, lang, granularity, Reader))


@pytest.mark.parametrize("changes", [
    {}, {"priority": 3}, {"priority": 2}, {"channel": "phone"}, {"channel": "email"},
])
def test_loaded_report_equals_the_one_read_per_figure(
        history: tuple[Org, dict[str, int]], changes: dict[str, Any]) -> None:
    org, _ = history
    loaded, per_figure = both_ways(org, ReportFilter(MARCH, **changes))
    assert loaded.summary == per_figure.summary
    assert loaded.tables == per_figure.tables


def test_loaded_report_equals_for_groups_categories_and_other_periods(
        history: tuple[Org, dict[str, int]]) -> None:
    org, _ = history
    session = org.as_("manager")
    rows = session.read(lambda: list(database.execute_sql(
        "SELECT DISTINCT group_id, category_id, assignee_id FROM incident").fetchall()))
    filters = [ReportFilter(MARCH, group_id=g) for g, _, _ in rows]
    filters += [ReportFilter(MARCH, category_id=c) for _, c, _ in rows]
    filters += [ReportFilter(MARCH, assignee_id=a) for _, _, a in rows if a is not None]
    filters += [ReportFilter(Period(date(2026, 2, 1), date(2026, 4, 1))),
                ReportFilter(Period(date(2026, 3, 3), date(2026, 3, 5))),
                ReportFilter(Period(date(2025, 1, 1), date(2026, 1, 1)))]
    for f in filters:
        for granularity in (Granularity.DAY, Granularity.WEEK):
            loaded, per_figure = both_ways(org, f, "zh", granularity)
            assert (loaded.summary, loaded.tables) == (per_figure.summary,
                                                       per_figure.tables), f


def test_the_summary_tables_are_used_only_where_they_give_the_same_figures(
        history: tuple[Org, dict[str, int]]) -> None:
    from zoneinfo import ZoneInfo

    org, _ = history

    def used(f: ReportFilter) -> bool:
        def run() -> bool:
            reader = SummaryReader(f, *f.period.bounds(ZoneInfo("Asia/Shanghai")), 0)
            reader.count("logged")
            return reader.summarised

        return org.store.read(run)

    if isinstance(org.store, ServerStore):  # a server keeps no summary tables: rows
        assert not used(ReportFilter(MARCH))
        return
    assert used(ReportFilter(MARCH))
    assert used(ReportFilter(MARCH, priority=3, channel="phone"))
    assert not used(ReportFilter(MARCH, assignee_id=org.ids["net1"]))
    assert not used(ReportFilter(Period(date(1969, 12, 1), date(1970, 2, 1))))
