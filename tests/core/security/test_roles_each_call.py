"""Roles at every call: each service re-reads its person's active flag and roles inside its
transaction. The reproductions of issue 13 (a disabled person's open session logged an
incident; a demoted process owner's open session changed the matrix and gave itself the role
back) and one case per service, every administration call included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from desk_app.delivery.config import read_config, read_config_versions, set_config_values
from desk_app.domain.enums import Role
from desk_app.errors import PermissionDenied, SignedOut
from desk_app.services.admin import calendars, lists, people, process
from desk_app.services.alerts import review, roster
from desk_app.services.incident import log as incidents
from desk_app.services.incident import pending, workflow
from desk_app.services.security import accounts
from desk_app.services.session import Session
from desk_app.storage.models import Escalation, User, UserRole
from tests.conftest import Org

# -- helpers ----------------------------------------------------------------------------------


def _disable(org: Org, username: str) -> None:
    org.store.write(lambda: User.update(active=False).where(User.username == username).execute())


def _strip_roles(org: Org, username: str) -> None:
    def run() -> None:
        user = User.get(User.username == username)
        UserRole.delete().where(UserRole.user == user.id).execute()

    org.store.write(run)


def _second_owner(org: Org) -> None:
    """So that the first one may lose the role (a file always keeps a process owner)."""
    people.save_user(org.as_("owner"), people.UserForm(
        "owner2", "Otto Owner", [Role.PROCESS_OWNER], password="correct horse"))


# -- the reproductions --------------------------------------------------------------------


def test_r04_a_disabled_persons_open_session_cannot_log(org: Org) -> None:
    desk = org.as_("desk")  # signed in before being disabled
    _disable(org, "desk")
    with pytest.raises(SignedOut) as error:
        incidents.log_incident(desk, _form(org))
    assert "signed out" in error.value.message("en")
    assert "退出登录" in error.value.message("zh")


def test_r04_a_demoted_owner_loses_the_power_at_once(org: Org) -> None:
    _second_owner(org)
    owner = org.as_("owner")
    _strip_roles(org, "owner")
    matrix = {key: value[0] for key, value in process.current_matrix(org.as_("owner2")).items()}
    with pytest.raises(PermissionDenied):
        process.save_matrix(owner, matrix)
    with pytest.raises(PermissionDenied):  # nor give itself the role back
        people.save_user(owner, people.UserForm("owner", "Olivia Owner",
                                                [Role.PROCESS_OWNER]), org.ids["owner"])
    assert Role.PROCESS_OWNER not in owner.roles


def test_r04_a_promoted_person_gains_the_power_at_once(org: Org) -> None:
    desk2 = org.as_("desk2")
    with pytest.raises(PermissionDenied):
        lists.users(desk2)
    org.store.write(lambda: UserRole.create(user=org.ids["desk2"], role="process_owner"))
    assert any(row.username == "desk2" for row in lists.users(desk2))


def test_r04_reads_of_people_and_delivery_settings_have_roles(org: Org) -> None:
    desk = org.as_("desk")
    for read in (lists.users, read_config, read_config_versions, accounts.failed_sign_ins):
        with pytest.raises(PermissionDenied):
            read(desk)  # type: ignore[operator]
    assert lists.users(org.as_("manager"))
    assert read_config(org.as_("owner")).scan_interval_seconds > 0


def test_r04_a_disabled_person_cannot_read_either(org: Org) -> None:
    manager = org.as_("manager")
    _disable(org, "manager")
    with pytest.raises(SignedOut):
        lists.users(manager)


# -- one case per service -----------------------------------------------------------------


def _form(org: Org) -> incidents.NewIncident:
    from desk_app.domain.enums import Impact, IncidentType

    return incidents.NewIncident(caller_id=org.ids["caller"], type=IncidentType.SYSTEM_FAULT,
                                 category_id=org.ids["cat_network"], impact=Impact.MODERATE,
                                 title="Printer on fire")


Call = Callable[[Session, Org, dict[str, int]], object]

ADMIN: dict[str, Call] = {
    "save_user": lambda s, o, x: people.save_user(s, people.UserForm(
        "newbie", "New Bie", [Role.TIER1], password="correct horse")),
    "save_group": lambda s, o, x: people.save_group(s, people.GroupForm("G9", "G9", "九组")),
    "save_department": lambda s, o, x: people.save_department(s, "Ops", "运维", None),
    "save_matrix": lambda s, o, x: process.save_matrix(s, {
        k: v[0] for k, v in process.current_matrix(o.as_("owner2")).items()}),
    "save_target": lambda s, o, x: process.save_target(s, 1, "resolve", 120, _calendar(o)),
    "save_wait_code": lambda s, o, x: process.save_wait_code(s, process.CodeForm(
        "w9", "W9", "等九")),
    "save_close_code": lambda s, o, x: process.save_close_code(s, process.CodeForm(
        "c9", "C9", "关九")),
    "save_category": lambda s, o, x: process.save_category(s, process.CategoryForm(
        "c9", "C9", "类九", o.ids["network"])),
    "save_auto_close_days": lambda s, o, x: process.save_auto_close_days(s, 7),
    "save_backup_keep_days": lambda s, o, x: process.save_backup_keep_days(s, 20),
    "save_escalation_rule": lambda s, o, x: process.save_escalation_rule(s, process.RuleForm(
        "R", "规", "user", ["email"], user_id=o.ids["manager"])),
    "save_calendar": lambda s, o, x: calendars.save_calendar(s, calendars.CalendarForm(
        "cal9", "Cal9", "日历九", always=True)),
    "save_delivery_config": lambda s, o, x: set_config_values(s, scan_interval_seconds=60),
    "reset_password": lambda s, o, x: accounts.reset_password(s, o.ids["desk"], "temporary1"),
    "unlock": lambda s, o, x: accounts.unlock(s, o.ids["desk"]),
    "read_users": lambda s, o, x: lists.users(s),
    "read_delivery_config": lambda s, o, x: read_config(s),
    "read_failed_sign_ins": lambda s, o, x: accounts.failed_sign_ins(s),
}


@pytest.mark.parametrize("name", sorted(ADMIN))
def test_r04_every_admin_call_refuses_a_demoted_then_a_disabled_owner(org: Org,
                                                                    name: str) -> None:
    _second_owner(org)
    owner = org.as_("owner")
    call = ADMIN[name]
    _strip_roles(org, "owner")
    with pytest.raises(PermissionDenied):
        call(owner, org, {})
    _disable(org, "owner")
    with pytest.raises(SignedOut):
        call(owner, org, {})
    call(org.as_("owner2"), org, {})  # and a current owner may


def _calendar(org: Org) -> int:
    from desk_app.storage.models import WorkingCalendar

    return int(org.store.read(lambda: WorkingCalendar.select().first().id))


def _assigned(org: Org) -> int:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id, assignee_id=org.ids["net1"])
    return incident_id


def _resolved(org: Org) -> int:
    incident_id = _assigned(org)
    workflow.accept(org.as_("net1"), incident_id)
    workflow.resolve(org.as_("net1"), incident_id, resolution="Fixed")
    return incident_id


def _escalated(org: Org) -> int:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    for tier, note in ((2, "1"), (1, "2"), (2, "3")):
        workflow.transfer(org.as_("desk"), incident_id, tier=tier, note=note)
    return int(org.store.read(lambda: Escalation.get(Escalation.incident == incident_id).id))


# (who, prepare, call): the person acts in their own right; disabled, they are signed out.
SERVICES: dict[str, tuple[str, Callable[[Org], int], Callable[[Session, Org, int], object]]] = {
    "log_incident": ("desk", lambda o: 0, lambda s, o, i: incidents.log_incident(s, _form(o))),
    "add_note": ("desk", lambda o: o.log(), lambda s, o, i: incidents.add_note(s, i, "n")),
    "update_incident": ("desk", lambda o: o.log(), lambda s, o, i: incidents.update_incident(
        s, i, incidents.IncidentFields(title="New title"))),
    "assign": ("desk", lambda o: o.log(), lambda s, o, i: workflow.assign(s, i)),
    "accept": ("net1", _assigned, lambda s, o, i: workflow.accept(s, i)),
    "transfer": ("desk", _assigned, lambda s, o, i: workflow.transfer(s, i, tier=2, note="x")),
    "resolve": ("net1", lambda o: _accepted(o), lambda s, o, i: workflow.resolve(
        s, i, resolution="done")),
    "reject_resolution": ("desk", _resolved, lambda s, o, i: workflow.reject_resolution(
        s, i, reason="not fixed")),
    "confirm_resolution": ("desk", _resolved, lambda s, o, i: workflow.confirm_resolution(s, i)),
    "set_pending": ("net1", lambda o: _accepted(o), lambda s, o, i: pending.set_pending(
        s, i, wait_code_id=_wait_code(o), note="waiting")),
    "raise_change": ("net1", lambda o: _accepted(o), lambda s, o, i: pending.raise_change(
        s, i, title="Replace switch")),
    "acknowledge_escalation": ("manager", _escalated,
                               lambda s, o, i: review.acknowledge_escalation(s, i, "seen")),
    "save_caller": ("desk", lambda o: 0, lambda s, o, i: people.save_caller(
        s, people.CallerForm("Carl Caller"))),
    "save_shift": ("manager", lambda o: 0, lambda s, o, i: roster.save_shift(
        s, roster.ShiftForm(o.clock.now(), o.clock.now() + timedelta(hours=8),
                            [o.ids["desk"]]))),
    "change_own_password": ("desk", lambda o: 0, lambda s, o, i: accounts.change_own_password(
        s, "correct horse", "battery staple")),
}


def _accepted(org: Org) -> int:
    incident_id = _assigned(org)
    workflow.accept(org.as_("net1"), incident_id)
    return incident_id


def _wait_code(org: Org) -> int:
    from desk_app.storage.models import WaitCode

    return int(org.store.read(lambda: WaitCode.select().where(~WaitCode.system).first().id))


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_r04_every_service_signs_out_a_person_disabled_since_sign_in(org: Org,
                                                                    name: str) -> None:
    who, prepare, call = SERVICES[name]
    target = prepare(org)
    session = org.as_(who)
    _disable(org, who)
    with pytest.raises(SignedOut):
        call(session, org, target)
    org.store.write(lambda: User.update(active=True).where(User.username == who).execute())
    call(session, org, target)  # enabled again, the same call goes through
