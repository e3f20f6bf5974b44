"""R20 who closes, R21 what closing needs, R22 satisfaction, R23 close codes and automatic
closure, R24 closed is final."""

from __future__ import annotations

import pytest

from desk_app.domain.enums import Stage
from desk_app.errors import PermissionDenied, RuleViolation, ValidationError
from desk_app.services.admin.process import save_auto_close_days
from desk_app.services.incident import pending, workflow
from desk_app.services.incident.log import IncidentFields, add_note, update_incident
from desk_app.storage.models import CloseCode, Incident, Journal
from desk_app.storage.reference import CLOSE_AUTO
from tests.conftest import Org
from tests.helpers import refused


def code(name: str) -> int:
    return CloseCode.get(CloseCode.code == name).id


def resolved(org: Org, by: str = "desk", confirm: bool = True) -> int:
    incident_id = org.log(by=by)
    workflow.assign(org.as_(by), incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    workflow.resolve(org.as_("net1"), incident_id, resolution="Replaced the switch port")
    if confirm:
        workflow.confirm_resolution(org.as_(by), incident_id)
    return incident_id


def close(org: Org, who: str, incident_id: int, **kw: object) -> None:
    values: dict[str, object] = dict(close_code_id=code("solved"), notes="Called back",
                                     satisfaction=5)
    values.update(kw)
    workflow.close(org.as_(who), incident_id, **values)  # type: ignore[arg-type]


def test_r20_the_creator_closes(org: Org) -> None:
    incident_id = resolved(org)
    close(org, "desk", incident_id)
    incident = Incident.get_by_id(incident_id)
    assert incident.stage == Stage.CLOSED.value and incident.closed_by_id == org.ids["desk"]


@pytest.mark.parametrize("who", ["desk2", "net1", "manager", "owner"])
def test_r20_nobody_else_closes(org: Org, who: str) -> None:
    incident_id = resolved(org)
    with refused(org.store, PermissionDenied):
        close(org, who, incident_id)


def test_r21_closing_needs_a_confirmed_result(org: Org) -> None:
    incident_id = resolved(org, confirm=False)
    with refused(org.store, ValidationError, "confirmed"):
        close(org, "desk", incident_id)


def test_r21_closing_needs_notes(org: Org) -> None:
    incident_id = resolved(org)
    with refused(org.store, ValidationError, "notes"):
        close(org, "desk", incident_id, notes="   ")


def test_r21_resolving_needs_a_resolution(org: Org) -> None:
    incident_id = org.log()
    with refused(org.store, ValidationError, "resolution"):
        workflow.resolve(org.as_("desk"), incident_id, resolution="")


def test_r21_confirmation_is_recorded_by_the_callers_side(org: Org) -> None:
    incident_id = resolved(org, confirm=False)
    with refused(org.store, PermissionDenied):
        workflow.confirm_resolution(org.as_("net1"), incident_id)
    workflow.confirm_resolution(org.as_("desk2"), incident_id)
    assert Incident.get_by_id(incident_id).confirmed_by_id == org.ids["desk2"]


def test_r22_the_service_desk_must_record_satisfaction(org: Org) -> None:
    incident_id = resolved(org)
    with refused(org.store, ValidationError, "satisfaction"):
        close(org, "desk", incident_id, satisfaction=None)
    with refused(org.store, ValidationError, "satisfaction"):
        close(org, "desk", incident_id, satisfaction=6)
    close(org, "desk", incident_id, satisfaction=3)
    assert Incident.get_by_id(incident_id).satisfaction == 3


def test_r22_a_closer_outside_the_desk_needs_no_survey(org: Org) -> None:
    """R22 binds the service desk; a recorder who has since left the desk role closes
    without the survey."""
    from desk_app.services.admin.people import UserForm, save_user

    incident_id = resolved(org, by="desk2")
    save_user(org.as_("owner"), UserForm("desk2", "Dana Desk", ["tier1"]), org.ids["desk2"])
    close(org, "desk2", incident_id, satisfaction=None)
    assert Incident.get_by_id(incident_id).satisfaction is None


def test_r23_a_close_code_is_required(org: Org) -> None:
    incident_id = resolved(org)
    with refused(org.store, ValidationError, "close_code"):
        close(org, "desk", incident_id, close_code_id=None)


def test_r23_people_cannot_use_the_system_close_code(org: Org) -> None:
    incident_id = resolved(org)
    with refused(org.store, ValidationError, "close_code"):
        close(org, "desk", incident_id, close_code_id=code(CLOSE_AUTO))


def test_r23_unconfirmed_incidents_close_automatically_with_the_system_code(org: Org) -> None:
    incident_id = resolved(org, confirm=False)
    org.clock.advance(days=4, hours=23)
    assert not workflow.auto_close(org.store, org.clock).incidents
    org.clock.advance(hours=2)
    changes = workflow.auto_close(org.store, org.clock)
    assert changes.incidents == {incident_id}
    incident = Incident.get_by_id(incident_id)
    assert incident.stage == Stage.CLOSED.value
    assert incident.close_code_id == code(CLOSE_AUTO) and incident.closed_by_id is None
    entry = Journal.get((Journal.incident == incident_id) & (Journal.action == "auto_close"))
    assert entry.actor_id is None


def test_r23_a_round_with_nothing_to_close_takes_no_write_lock(
        org: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every workstation's round runs R23: one with nothing due must not queue for the write
    lock (nor, on a server, tell every workstation that something changed)."""
    incident_id = resolved(org, confirm=False)
    writes: list[object] = []
    write = org.store.write

    def counted(*args: object, **kwargs: object) -> object:
        writes.append(args)
        return write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(org.store, "write", counted)
    org.clock.advance(days=4)
    assert not workflow.auto_close(org.store, org.clock).incidents
    assert writes == []
    org.clock.advance(days=1, minutes=1)
    assert workflow.auto_close(org.store, org.clock).incidents == {incident_id}
    assert writes


def test_r23_auto_close_days_is_configurable(org: Org) -> None:
    save_auto_close_days(org.as_("owner"), 2)
    incident_id = resolved(org, confirm=False)
    org.clock.advance(days=2, minutes=1)
    assert workflow.auto_close(org.store, org.clock).incidents == {incident_id}
    with refused(org.store, ValidationError):
        save_auto_close_days(org.as_("owner"), 0)
    with refused(org.store, PermissionDenied):
        save_auto_close_days(org.as_("manager"), 3)


def test_r24_a_closed_incident_can_never_change(org: Org) -> None:
    incident_id = resolved(org)
    close(org, "desk", incident_id)
    attempts = [
        lambda: workflow.reject_resolution(org.as_("desk"), incident_id, reason="again"),
        lambda: workflow.transfer(org.as_("desk"), incident_id, tier=2, note="n"),
        lambda: workflow.resolve(org.as_("desk"), incident_id, resolution="r"),
        lambda: pending.set_pending(org.as_("desk"), incident_id, wait_code_id=1),
        lambda: update_incident(org.as_("desk"), incident_id, IncidentFields(title="new")),
        lambda: add_note(org.as_("desk"), incident_id, "note"),
        lambda: close(org, "desk", incident_id),
    ]
    for attempt in attempts:
        with refused(org.store, RuleViolation, "rule.closed_final"):
            attempt()


def test_r24_a_new_incident_may_be_linked_to_a_closed_one(org: Org) -> None:
    incident_id = resolved(org)
    close(org, "desk", incident_id)
    new_id = org.log(linked_incident_id=incident_id, title="It came back")
    assert Incident.get_by_id(new_id).linked_incident_id == incident_id
    assert Incident.get_by_id(incident_id).stage == Stage.CLOSED.value


def test_r24_only_a_closed_incident_can_be_linked_to(org: Org) -> None:
    open_id = resolved(org)  # resolved is not closed: it may still go back (R05)
    with refused(org.store, ValidationError, "linked_incident") as info:
        org.log(linked_incident_id=open_id)
    assert "is not closed" in info.value.message("en")
    with refused(org.store, ValidationError, "linked_incident"):
        org.log(linked_incident_id=open_id + 1000)
