"""R15 stage target times on working calendars, R16 pending time never counts,
R19 service targets matched at logging and re-matched on a priority change."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.domain.calendar import (
    ALWAYS,
    CalendarSpec,
    add_working_seconds,
    office_hours,
    working_seconds,
)
from desk_app.domain.enums import ClockState, Impact, Urgency
from desk_app.services.admin.calendars import CalendarForm, save_calendar
from desk_app.services.admin.process import save_target
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident import pending, workflow
from desk_app.services.incident.log import IncidentFields, update_incident
from desk_app.services.incident.queries import incident_view
from desk_app.storage.models import Escalation, Incident, TargetClock, WaitCode
from tests.conftest import Org

SHANGHAI_MONDAY_9 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def clocks(incident_id: int, state: str | None = None) -> dict[str, TargetClock]:
    query = TargetClock.select().where(TargetClock.incident == incident_id)
    if state:
        query = query.where(TargetClock.state == state)
    else:
        query = query.where(TargetClock.state != "superseded")
    return {c.stage: c for c in query}


# -- the working calendar -------------------------------------------------------------------
def test_r15_office_hours_skip_lunch_nights_and_weekends() -> None:
    spec = office_hours()
    friday_17 = datetime(2026, 3, 6, 9, 0, tzinfo=UTC)
    assert add_working_seconds(spec, friday_17, 4 * 3600) == datetime(
        2026, 3, 9, 4, 0, tzinfo=UTC)  # Monday 12:00 in Shanghai
    assert working_seconds(spec, friday_17, datetime(2026, 3, 9, 3, 0, tzinfo=UTC)) == 3 * 3600


def test_r15_holidays_and_make_up_working_days() -> None:
    base = office_hours()
    spec = CalendarSpec(always=False, timezone=base.timezone, weekly=base.weekly,
                        holidays=frozenset({date(2026, 3, 9)}),
                        workdays=frozenset({date(2026, 3, 7)}))
    friday_17 = datetime(2026, 3, 6, 9, 0, tzinfo=UTC)
    # Saturday is worked (make-up day, Monday's hours), Monday is a holiday
    assert add_working_seconds(spec, friday_17, 2 * 3600) == datetime(
        2026, 3, 7, 2, 0, tzinfo=UTC)  # Saturday 10:00
    assert working_seconds(spec, friday_17, datetime(2026, 3, 10, 1, 0, tzinfo=UTC)) == int(
        (1 + 7.5) * 3600)


def test_r15_daylight_saving_time_is_counted_in_real_seconds() -> None:
    spec = CalendarSpec(always=False, timezone="Europe/Berlin",
                        weekly={d: ((0, 1440),) for d in range(7)})
    before = datetime(2026, 3, 28, 23, 0, tzinfo=UTC)  # DST starts 29 March 2026
    after = datetime(2026, 3, 29, 23, 0, tzinfo=UTC)
    assert working_seconds(spec, before, after) == 24 * 3600


@settings(max_examples=200, deadline=None)
@given(start=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31)),
       seconds=st.integers(min_value=0, max_value=30 * 86400))
def test_r15_adding_working_time_is_the_inverse_of_measuring_it(start: datetime, seconds: int
                                                                ) -> None:
    for spec in (ALWAYS, office_hours()):
        begin = start.replace(tzinfo=UTC, microsecond=0)
        due = add_working_seconds(spec, begin, seconds)
        assert working_seconds(spec, begin, due) == seconds
        if seconds:
            assert working_seconds(spec, begin, due - timedelta(seconds=1)) < seconds


# -- clocks on incidents --------------------------------------------------------------------
def test_r19_logging_matches_the_service_targets(org: Org) -> None:
    incident_id = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)  # P3
    matched = clocks(incident_id)
    assert {k: (c.priority, c.target_minutes) for k, c in matched.items()} == {
        "assign": (3, 60), "accept": (3, 240), "resolve": (3, 900)}
    assert all(c.state == "running" for c in matched.values())
    incident = Incident.get_by_id(incident_id)
    assert incident.next_deadline == matched["assign"].due_at == SHANGHAI_MONDAY_9 + timedelta(
        hours=1)


def test_r15_each_stage_clock_stops_when_its_stage_is_reached(org: Org) -> None:
    incident_id = org.log()
    org.clock.advance(minutes=10)
    workflow.assign(org.as_("desk"), incident_id)
    assert clocks(incident_id)["assign"].state == "stopped"
    org.clock.advance(minutes=20)
    workflow.accept(org.as_("net1"), incident_id)
    state = clocks(incident_id)
    assert state["accept"].state == "stopped" and state["accept"].elapsed_seconds == 1800
    assert state["resolve"].state == "running"
    org.clock.advance(minutes=30)
    workflow.resolve(org.as_("net1"), incident_id, resolution="done")
    assert clocks(incident_id)["resolve"].elapsed_seconds == 3600
    assert Incident.get_by_id(incident_id).next_deadline is None


def test_r15_restore_clock_runs_again_when_the_resolution_is_rejected(org: Org) -> None:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    org.clock.advance(minutes=30)
    workflow.resolve(org.as_("net1"), incident_id, resolution="done")
    org.clock.advance(hours=2)  # time resolved does not count
    workflow.reject_resolution(org.as_("desk"), incident_id, reason="still broken")
    org.clock.advance(minutes=15)
    view = incident_view(org.as_("desk"), incident_id)
    resolve = next(c for c in view.clocks if c.stage == "resolve")
    assert resolve.state == "running" and resolve.used_seconds == 45 * 60


def test_r15_exceeding_a_target_escalates_and_reports_it(org: Org) -> None:
    incident_id = org.log()
    org.clock.advance(minutes=61)
    changes = scan(org.store, org.clock)
    assert incident_id in changes.incidents and changes.escalations
    assert clocks(incident_id)["assign"].breached_at == SHANGHAI_MONDAY_9 + timedelta(hours=1)


def test_r15_target_changes_apply_from_the_next_match(org: Org) -> None:
    save_target(org.as_("owner"), 3, "assign", 120, 2)
    incident_id = org.log()
    assert clocks(incident_id)["assign"].target_minutes == 120


def test_r15_targets_count_on_their_calendar(org: Org) -> None:
    org.clock.set(datetime(2026, 3, 6, 9, 30, tzinfo=UTC))  # Friday 17:30 in Shanghai
    incident_id = org.log()
    assert clocks(incident_id)["assign"].due_at == datetime(2026, 3, 9, 1, 30, tzinfo=UTC)
    org.clock.advance(days=2)  # the weekend
    scan(org.store, org.clock)
    assert Escalation.select().count() == 0


def test_r15_a_holiday_added_to_the_calendar_moves_deadlines(org: Org) -> None:
    save_calendar(org.as_("owner"), CalendarForm(
        "office", "Office hours", "工作时间", weekly={d: [(540, 720), (810, 1080)]
                                                    for d in range(5)},
        holidays={"2026-03-02": "Holiday"}), 2)
    incident_id = org.log()  # Monday is now a holiday
    assert clocks(incident_id)["assign"].due_at == datetime(2026, 3, 3, 2, 0, tzinfo=UTC)


def test_r16_pending_time_never_counts(org: Org) -> None:
    code = WaitCode.get(WaitCode.code == "awaiting_vendor").id
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    org.clock.advance(minutes=30)
    pending.set_pending(org.as_("net1"), incident_id, wait_code_id=code)
    paused = clocks(incident_id)["resolve"]
    assert paused.state == ClockState.PAUSED.value and paused.due_at is None
    assert Incident.get_by_id(incident_id).next_deadline is None
    org.clock.advance(days=4)  # Friday, 09:30: far beyond every target of priority 3
    scan(org.store, org.clock)
    assert Escalation.select().count() == 0
    pending.resume(org.as_("net1"), incident_id)
    org.clock.advance(minutes=15)
    view = incident_view(org.as_("net1"), incident_id)
    resolve = next(c for c in view.clocks if c.stage == "resolve")
    assert resolve.used_seconds == 45 * 60


def test_r19_priority_change_rematches_and_history_keeps_both(org: Org) -> None:
    incident_id = org.log()
    org.clock.advance(minutes=5)
    update_incident(org.as_("desk"), incident_id, IncidentFields(impact=Impact.EXTENSIVE,
                                                                 urgency=Urgency.CRITICAL))
    current = clocks(incident_id)
    old = clocks(incident_id, "superseded")
    assert {c.priority for c in current.values()} == {1}
    assert {c.priority for c in old.values()} == {3}
    assert current["assign"].target_minutes == 15
    assert current["assign"].due_at == SHANGHAI_MONDAY_9 + timedelta(minutes=15)
    assert Incident.get_by_id(incident_id).next_deadline == current["assign"].due_at


def test_r19_stopped_clocks_are_not_rematched(org: Org) -> None:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    update_incident(org.as_("desk"), incident_id, IncidentFields(urgency=Urgency.CRITICAL))
    assert clocks(incident_id)["assign"].priority == 3
    assert clocks(incident_id)["accept"].priority == 2


@pytest.mark.parametrize("stage", ["assign", "accept", "resolve"])
def test_r19_breach_survives_a_rematch(org: Org, stage: str) -> None:
    incident_id = org.log(impact=Impact.MINOR, urgency=Urgency.LOW)
    org.clock.advance(days=30)
    scan(org.store, org.clock)
    assert clocks(incident_id)[stage].breached_at is not None
    update_incident(org.as_("desk"), incident_id, IncidentFields(impact=Impact.MODERATE))
    assert clocks(incident_id)[stage].breached_at is not None
    before = Escalation.select().count()
    scan(org.store, org.clock)
    assert Escalation.select().count() == before
