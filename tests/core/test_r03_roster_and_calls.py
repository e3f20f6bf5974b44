"""R03: the duty roster says who staffs the service desk; R09: phone and verbal notifications
are call tasks for the desk on duty, done when a call that reached the person is recorded."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desk_app.delivery.config import set_config_values
from desk_app.errors import PermissionDenied, RuleViolation, ValidationError
from desk_app.services.alerts.calls import call_tasks, record_call
from desk_app.services.alerts.roster import (
    ShiftForm,
    copy_shifts,
    delete_shift,
    desk_at,
    eligible_staff,
    on_desk_now,
    save_shift,
    shifts_between,
)
from tests.conftest import Org
from tests.escalation_helpers import breach, rows


def _shift(org: Org, *people: str, start_hours: float = -1, hours: float = 8) -> int:
    start = org.clock.now() + timedelta(hours=start_hours)
    created = save_shift(org.as_("manager"), ShiftForm(
        start, start + timedelta(hours=hours), [org.ids[p] for p in people], "早班")).created
    assert created is not None
    return created


def test_r03_incident_manager_arranges_the_roster_from_level1_staff(org: Org) -> None:
    staff = {s.username for s in eligible_staff(org.as_("manager"))}
    assert {"desk", "net1", "net2", "app1", "outsider"} <= staff
    assert "desk2" not in staff and "l2" not in staff  # not Level-1
    with pytest.raises(PermissionDenied):
        save_shift(org.as_("desk"), ShiftForm(org.clock.now(), org.clock.now()
                                              + timedelta(hours=8), [org.ids["desk"]]))
    with pytest.raises(ValidationError) as error:
        save_shift(org.as_("manager"), ShiftForm(org.clock.now(), org.clock.now()
                                                 + timedelta(hours=8), [org.ids["l2"]]))
    assert error.value.field_messages("zh")["staff"].startswith("服务台值班人员必须")
    with pytest.raises(ValidationError):
        save_shift(org.as_("manager"), ShiftForm(org.clock.now(), org.clock.now(),
                                                 [org.ids["desk"]]))
    shift = _shift(org, "desk", "net1")
    (view,) = shifts_between(org.as_("desk"), org.clock.now(), org.clock.now()
                             + timedelta(hours=1))
    assert view.id == shift and {n for _, n in view.staff} == {"王芳 Wang Fang", "李强 Li Qiang"}


def test_r03_one_person_cannot_staff_two_overlapping_shifts(org: Org) -> None:
    _shift(org, "desk")
    with pytest.raises(ValidationError) as error:
        _shift(org, "desk", "net2", start_hours=2)
    assert "王芳 Wang Fang" in error.value.field_messages("en")["staff"]
    _shift(org, "net2", start_hours=2)  # someone else may


def test_r03_roster_decides_who_is_the_service_desk(org: Org) -> None:
    now = org.clock.now()
    everyone_at_desk = org.store.read(lambda: desk_at(now))
    assert everyone_at_desk == {org.ids["desk"], org.ids["desk2"]}  # nobody rostered
    _shift(org, "net1")
    assert org.store.read(lambda: desk_at(now)) == {org.ids["net1"]}
    assert on_desk_now(org.as_("net1")) and not on_desk_now(org.as_("desk"))
    later = now + timedelta(hours=8)
    assert org.store.read(lambda: desk_at(later)) == {org.ids["desk"], org.ids["desk2"]}


def test_r03_copy_a_week_and_delete_a_shift(org: Org) -> None:
    shift = _shift(org, "net1")
    now = org.clock.now()
    copy_shifts(org.as_("manager"), now - timedelta(days=1), now + timedelta(days=1),
                timedelta(days=7))
    week_later = shifts_between(org.as_("manager"), now + timedelta(days=7),
                                now + timedelta(days=7, hours=1))
    assert len(week_later) == 1 and week_later[0].staff[0][0] == org.ids["net1"]
    version = shifts_between(org.as_("manager"), now, now + timedelta(hours=1))[0].version
    delete_shift(org.as_("manager"), shift, version)
    assert shifts_between(org.as_("manager"), now, now + timedelta(hours=1)) == []


def test_r09_phone_call_task_goes_to_the_desk_on_duty(org: Org) -> None:
    _shift(org, "net1", start_hours=-1, hours=24)
    escalation = breach(org)
    assert call_tasks(org.as_("desk")) == []  # not on duty
    (task,) = call_tasks(org.as_("net1"))
    assert (task.escalation_id, task.channel, task.recipient) == (escalation, "phone",
                                                                   "Mia Manager")
    assert task.phone == "13800000000" and task.number == "INC0000001"
    assert [t.notification_id for t in call_tasks(org.as_("manager"))] == [
        task.notification_id]  # the incident manager sees them too
    with pytest.raises(PermissionDenied):
        record_call(org.as_("desk"), task.notification_id, reached=True)


def test_r09_unreached_call_comes_back_after_n_minutes(org: Org) -> None:
    set_config_values(org.as_("owner"), call_retry_minutes=20)
    breach(org)
    desk = org.as_("desk")
    (task,) = call_tasks(desk)  # nobody rostered: every service-desk person
    record_call(desk, task.notification_id, reached=False, note="无人接听")
    assert call_tasks(desk) == []
    org.clock.advance(minutes=19)
    assert call_tasks(desk) == []
    org.clock.advance(minutes=1)
    (again,) = call_tasks(desk)
    assert [(c.called_by, c.reached, c.note) for c in again.calls] == [
        ("王芳 Wang Fang", False, "无人接听")]
    record_call(org.as_("desk2"), task.notification_id, reached=True, note="已通知")
    assert call_tasks(desk) == []
    (row,) = rows(org, channel="phone")
    assert (row.state, row.attempts, row.sent_at) == ("sent", 2, org.clock.now())
    with pytest.raises(RuleViolation):  # recorded already: nothing changes
        record_call(desk, task.notification_id, reached=True)


def test_r09_call_recorded_twice_counts_once(org: Org) -> None:
    """Two desk people press "reached" for the same task on two workstations."""
    breach(org)
    (task,) = call_tasks(org.as_("desk"))
    assert call_tasks(org.as_("desk2")) == [task]
    record_call(org.as_("desk"), task.notification_id, reached=True)
    with pytest.raises(RuleViolation):
        record_call(org.as_("desk2"), task.notification_id, reached=True)
    assert rows(org, channel="phone")[0].attempts == 1
