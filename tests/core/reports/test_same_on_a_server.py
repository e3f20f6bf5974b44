"""A team that moves to a server sees the same figures: the same history built on a file and
on a server gives the same report, cell by cell and drill-down by drill-down (the crafted
history of test_kpis.py for every filter and both languages, and random histories)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.domain.enums import ContactChannel, Impact
from desk_app.services.reports.build import build_report
from desk_app.services.reports.choices import report_choices
from desk_app.services.reports.drill import drill_incidents
from desk_app.services.reports.model import Report
from desk_app.services.reports.period import Granularity, Period, desk_zone
from desk_app.services.reports.query import Reader, ReportFilter
from tests.conftest import Org, org_copy
from tests.core.reports.history import build
from tests.core.reports.test_property_reports import PERIOD, STEP, random_history

MARCH = Period(date(2026, 3, 1), date(2026, 4, 1))


@pytest.fixture(scope="module")
def pair(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[tuple[Org, Org]]:
    """The crafted history on a file and on a server."""
    with org_copy(request, "file", tmp_path_factory.mktemp("same")) as file, \
            org_copy(request, "server", Path()) as on_server:
        assert build(file) == build(on_server)  # the same incidents, the same numbers
        yield file, on_server


def _same(a: Report, b: Report) -> None:
    assert a.summary == b.summary
    assert [t.key for t in a.tables] == [t.key for t in b.tables]
    for mine, theirs in zip(a.tables, b.tables, strict=True):
        assert mine == theirs, mine.key


def _filters(org: Org) -> list[ReportFilter]:
    ids = org.ids
    return [ReportFilter(MARCH), ReportFilter(MARCH, priority=2),
            ReportFilter(MARCH, channel="phone"), ReportFilter(MARCH, group_id=ids["network"]),
            ReportFilter(MARCH, category_id=ids["cat_network"]),
            ReportFilter(MARCH, assignee_id=ids["net1"]),
            ReportFilter(MARCH, caller_department_id=ids["dept_finance"]),
            ReportFilter(Period(date(2026, 2, 1), date(2026, 4, 1))),
            ReportFilter(Period(date(2026, 3, 3), date(2026, 3, 5))),
            ReportFilter(Period(date(2025, 1, 1), date(2026, 1, 1)))]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_crafted_history_gives_the_same_report_on_a_server(
        pair: tuple[Org, Org], lang: Any) -> None:
    file, server = pair
    assert file.ids == server.ids
    for f in _filters(file):
        for granularity in (None, Granularity.WEEK, Granularity.MONTH):
            _same(build_report(file.as_("manager"), f, lang, granularity),
                  build_report(server.as_("manager"), f, lang, granularity))
    # a department head's own scope, on both
    _same(build_report(file.as_("head_it"), ReportFilter(MARCH), lang),
          build_report(server.as_("head_it"), ReportFilter(MARCH), lang))
    report = build_report(server.as_("manager"), ReportFilter(MARCH), lang)
    assert (report.summary["logged"], report.summary["restore_met_pct"]) == (6, round(500 / 6, 2))


def test_every_drill_down_gives_the_same_incidents_on_a_server(pair: tuple[Org, Org]) -> None:
    file, server = pair
    f = ReportFilter(MARCH)
    report = build_report(file.as_("manager"), f)
    drills = [c.drill for t in report.tables for r in t.rows for c in r.cells
              if c.drill is not None]
    assert len(drills) > 100

    def ids(org: Org) -> list[list[int]]:
        def run() -> list[list[int]]:
            reader = Reader(f, *f.period.bounds(desk_zone()),
                            int(org.clock.now().timestamp()))
            return [reader.ids(d) for d in drills]

        return org.store.read(run)

    found = ids(file)
    assert found == ids(server)
    assert any(found)
    # and the list a person opens, row by row
    breached = next(r for r in report.table("targets_by_priority").rows if r.key == 2)
    rows = [drill_incidents(o.as_("manager"), f, breached.cells[1].drill) for o in pair]
    assert len(rows[0]) == 1 and rows[0] == rows[1]


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(incidents=st.lists(st.tuples(st.sampled_from(list(Impact)),
                                    st.sampled_from(list(ContactChannel))),
                          min_size=1, max_size=5),
       steps=st.lists(STEP, max_size=20))
def test_any_history_gives_the_same_report_on_a_server(
        request: pytest.FixtureRequest, org_template: tuple[Path, dict[str, int]],
        incidents: list[tuple[Impact, str]], steps: list[tuple[int, int, int]]) -> None:
    server = (request.getfixturevalue("pg_server"),
              request.getfixturevalue("server_org_template"))
    with random_history(org_template, incidents, steps) as (file, _), \
            random_history(org_template, incidents, steps, server) as (on_server, _):
        for f in (ReportFilter(PERIOD), ReportFilter(PERIOD, priority=3),
                  ReportFilter(MARCH, group_id=file.ids["network"])):
            _same(build_report(file.as_("manager"), f),
                  build_report(on_server.as_("manager"), f))


def test_the_screens_filters_offer_the_same_choices_on_a_server(pair: tuple[Org, Org]) -> None:
    file, server = pair
    for person in ("manager", "head_it", "head", "net1"):
        mine = report_choices(file.as_(person), MARCH)
        assert mine == report_choices(server.as_(person), MARCH), person
    assert report_choices(server.as_("manager"), MARCH).groups
    assert not report_choices(server.as_("net1"), MARCH).allowed
