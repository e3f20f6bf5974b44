"""Property: on any history the services can make, every breakdown adds up to its total, and
the target shares agree with the incidents' own clocks (recounted from their runs)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.clock import FakeClock
from desk_app.domain.calendar import working_seconds
from desk_app.domain.enums import ContactChannel, Impact
from desk_app.errors import DeskError
from desk_app.services.incident import pending, workflow
from desk_app.services.process.reference import load_calendars
from desk_app.services.reports.build import STAGES, _build, build_report
from desk_app.services.reports.period import Period
from desk_app.services.reports.query import Reader, ReportFilter
from desk_app.storage.models import ClockRun, TargetClock, WaitCode
from desk_app.storage.opening import open_store
from tests.conftest import START, Org

STEP = st.tuples(st.integers(0, 6), st.integers(0, 30), st.integers(1, 600))
PERIOD = Period(date(2026, 3, 1), date(2026, 3, 8))


def _act(org: Org, incident_id: int, action: int) -> None:
    desk, net1 = org.as_("desk"), org.as_("net1")
    wait = WaitCode.get(WaitCode.code == "awaiting_vendor").id
    calls = [
        lambda: workflow.assign(desk, incident_id, assignee_id=org.ids["net1"]),
        lambda: workflow.accept(net1, incident_id),
        lambda: pending.set_pending(net1, incident_id, wait_code_id=wait, note="vendor"),
        lambda: pending.resume(net1, incident_id, note="back"),
        lambda: workflow.resolve(net1, incident_id, resolution="fixed"),
        lambda: workflow.transfer(org.as_("manager"), incident_id, note="move",
                                  assignee_id=org.ids["net2"]),
        lambda: workflow.reject_resolution(desk, incident_id, reason="still broken"),
    ]
    with suppress(DeskError):  # not allowed at this stage: the history simply goes on
        calls[action]()


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(incidents=st.lists(st.tuples(st.sampled_from(list(Impact)),
                                    st.sampled_from(list(ContactChannel))),
                          min_size=1, max_size=6),
       steps=st.lists(STEP, max_size=25))
def test_breakdowns_add_up_and_shares_match_the_clocks(
        org_template: tuple[Path, dict[str, int]], incidents: list[tuple[Impact, str]],
        steps: list[tuple[int, int, int]]) -> None:
    with random_history(org_template, incidents, steps) as (org, _):
        store = org.store
        report = build_report(org.as_("manager"), ReportFilter(PERIOD))
        manager = org.as_("manager")
        per_figure = manager.read(lambda: _build(manager, ReportFilter(PERIOD), "en", None,
                                                 Reader))
        assert (report.summary, report.tables) == (per_figure.summary, per_figure.tables)
        _check_sums(report)
        store.read(lambda: _check_clocks(report))


@contextmanager
def random_history(org_template: tuple[Path, dict[str, int]],
                   incidents: list[tuple[Impact, str]], steps: list[tuple[int, int, int]],
                   server: tuple[Any, tuple[str, dict[str, int]]] | None = None
                   ) -> Iterator[tuple[Org, list[int]]]:
    """A copy of the organisation with ``incidents`` logged and ``steps`` acted on them (an
    action not allowed at that stage is skipped): the org and the incidents' ids. With
    ``server`` (the test server and its organisation's template database), on a server."""
    template, ids = org_template
    folder = Path(tempfile.mkdtemp())
    url = None
    try:
        if server is None:
            shutil.copyfile(template, folder / "desk.sqlite")
            store = open_store(folder / "desk.sqlite", daily_backup=False)
            org = Org(store, FakeClock(START), folder / "desk.sqlite", dict(ids))
        else:
            url = server[0].create_database(template=server[1][0])
            store = open_store(url)
            org = Org(store, FakeClock(START), Path(url), dict(server[1][1]))
        logged = []
        for impact, channel in incidents:
            logged.append(org.log(impact=impact, channel=channel))
            org.clock.advance(minutes=37)
        for action, which, minutes in steps:
            _act(org, logged[which % len(logged)], action)
            org.clock.advance(minutes=minutes)
        try:
            yield org, logged
        finally:
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if url is not None and server is not None:
            server[0].drop_database(url)


def _check_sums(report) -> None:  # type: ignore[no-untyped-def]
    s = report.summary
    for key in ("logged", "resolved", "closed", "escalations", "open_now", "breached"):
        assert sum(s["by_priority"][p][key] for p in "1234") == s[key], key
    for table, column, total in (("volume_by_channel", 0, "logged"),
                                 ("volume_by_group", 0, "logged"),
                                 ("volume_by_category", 1, "resolved"),
                                 ("volume_trend", 0, "logged"), ("volume_trend", 1, "resolved"),
                                 ("backlog_by_stage", 0, "open_now"),
                                 ("backlog_by_age", 0, "open_now"),
                                 ("transfers", 0, "resolved"),
                                 ("escalations_by_reason", 0, "escalations")):
        values = [row.cells[column].value for row in report.table(table).rows]
        assert sum(values) == s[total], (table, total)
    breached = sum(r.cells[i].value for r in report.table("targets_by_priority").rows
                   for i in (1, 3, 5))
    assert breached == s["breached"]


def _check_clocks(report) -> None:  # type: ignore[no-untyped-def]
    start, end = report.filter.period.bounds(__import__("zoneinfo").ZoneInfo("Asia/Shanghai"))
    calendars = load_calendars()
    for stage, key in zip(STAGES, ("assign_met_pct", "response_met_pct", "restore_met_pct"),
                          strict=True):
        met = done = 0
        for clock in TargetClock.select().where(TargetClock.stage == stage,
                                                TargetClock.state == "stopped"):
            if not start <= int(clock.stopped_at.timestamp()) < end:
                continue
            runs = ClockRun.select().where(ClockRun.incident == clock.incident_id,
                                           ClockRun.stage == stage)
            used = sum(working_seconds(calendars[clock.calendar_id], r.started_at, r.ended_at)
                       for r in runs if r.ended_at is not None)
            assert used == clock.elapsed_seconds
            done += 1
            met += used <= clock.target_minutes * 60
        expected = round(100 * met / done, 2) if done else None
        assert report.summary[key] == expected, stage


def test_handled_parts_are_the_handled_incidents(history) -> None:  # type: ignore[no-untyped-def]
    """The four disjoint reads the per-person table counts give the drill-down's incidents."""
    from zoneinfo import ZoneInfo

    from desk_app.services.reports.query import Reader

    org, _ = history
    for period in (PERIOD, Period(date(2026, 3, 3), date(2026, 3, 5)),
                   Period(date(2026, 2, 1), date(2026, 4, 1))):
        start, end = period.bounds(ZoneInfo("Asia/Shanghai"))
        reader = Reader(ReportFilter(period), start, end, int(org.clock.now().timestamp()))

        def both(reader: Reader = reader) -> tuple[list[int], list[int]]:
            parts = sorted(i for m in ("resolved", "handled_logged", "handled_open",
                                       "handled_later")
                           for i in reader.ids(reader.drill(m)))
            return parts, reader.ids(reader.drill("handled"))

        parts, whole = org.store.read(both)
        assert parts == whole
