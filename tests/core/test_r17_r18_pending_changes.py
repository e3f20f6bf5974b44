"""R17 who may set an incident pending and the wait code, R18 a change raised from an
incident puts it into Pending; closing the change resumes it."""

from __future__ import annotations

import pytest

from desk_app.domain.enums import Stage
from desk_app.errors import PermissionDenied, RuleViolation, ValidationError
from desk_app.services.admin.process import CodeForm, save_wait_code
from desk_app.services.incident import pending, workflow
from desk_app.storage.models import ChangeRequest, Incident, Journal, WaitCode
from desk_app.storage.reference import WAIT_CHANGE
from tests.conftest import Org
from tests.helpers import refused


def code(name: str) -> int:
    return WaitCode.get(WaitCode.code == name).id


def in_progress(org: Org) -> int:
    incident_id = org.log(by="desk")
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    return incident_id


@pytest.mark.parametrize("who", ["desk", "net1", "net2", "manager"])
def test_r17_recorder_support_staff_and_manager_may_pend(org: Org, who: str) -> None:
    incident_id = in_progress(org)
    pending.set_pending(org.as_(who), incident_id, wait_code_id=code("awaiting_caller"))
    assert Incident.get_by_id(incident_id).wait_code_id == code("awaiting_caller")
    pending.resume(org.as_(who), incident_id)


@pytest.mark.parametrize("who", ["desk2", "app1", "outsider", "owner", "head"])
def test_r17_others_may_not_pend(org: Org, who: str) -> None:
    incident_id = in_progress(org)
    with refused(org.store, PermissionDenied):
        pending.set_pending(org.as_(who), incident_id, wait_code_id=code("awaiting_caller"))


def test_r17_a_wait_code_is_required(org: Org) -> None:
    incident_id = in_progress(org)
    with refused(org.store, ValidationError, "wait_code"):
        pending.set_pending(org.as_("net1"), incident_id, wait_code_id=None)


def test_r17_people_cannot_choose_the_system_wait_code(org: Org) -> None:
    incident_id = in_progress(org)
    with refused(org.store, ValidationError, "wait_code"):
        pending.set_pending(org.as_("net1"), incident_id, wait_code_id=code(WAIT_CHANGE))


def test_r17_retired_wait_code_is_refused(org: Org) -> None:
    save_wait_code(org.as_("owner"), CodeForm("awaiting_caller", "Awaiting caller",
                                              "等待用户反馈", active=False),
                   code("awaiting_caller"))
    incident_id = in_progress(org)
    with refused(org.store, ValidationError, "wait_code"):
        pending.set_pending(org.as_("net1"), incident_id, wait_code_id=code("awaiting_caller"))


def test_r17_system_wait_code_cannot_be_retired(org: Org) -> None:
    with refused(org.store, ValidationError, "code"):
        save_wait_code(org.as_("owner"), CodeForm(WAIT_CHANGE, "x", "x", active=False),
                       code(WAIT_CHANGE))


def test_r18_raising_a_change_pends_with_the_system_code(org: Org) -> None:
    incident_id = in_progress(org)
    changes = pending.raise_change(org.as_("net1"), incident_id, title="Replace core switch")
    incident = Incident.get_by_id(incident_id)
    assert incident.stage == Stage.IN_PROGRESS.value
    assert incident.wait_code_id == code(WAIT_CHANGE)
    change = ChangeRequest.get_by_id(changes.created)
    assert change.number.startswith("CHG") and change.state == "open"
    assert Journal.select().where((Journal.incident == incident_id)
                                  & (Journal.action == "raise_change")).count() == 1


def test_r18_manual_resume_waits_for_the_change(org: Org) -> None:
    incident_id = in_progress(org)
    pending.raise_change(org.as_("net1"), incident_id, title="Replace core switch")
    with refused(org.store, RuleViolation, "rule.resume_waits_for_change"):
        pending.resume(org.as_("net1"), incident_id)


def test_r18_closing_the_change_resumes_the_incident(org: Org) -> None:
    incident_id = in_progress(org)
    change_id = pending.raise_change(org.as_("net1"), incident_id, title="Swap module").created
    assert change_id is not None
    org.clock.advance(hours=3)
    pending.close_change(org.as_("net1"), change_id, outcome="Module replaced")
    incident = Incident.get_by_id(incident_id)
    assert incident.wait_code_id is None and incident.pending_since is None
    assert ChangeRequest.get_by_id(change_id).state == "closed"


def test_r18_incident_resumes_only_when_its_last_change_closes(org: Org) -> None:
    incident_id = in_progress(org)
    first = pending.raise_change(org.as_("net1"), incident_id, title="One").created
    second = pending.raise_change(org.as_("net1"), incident_id, title="Two").created
    assert first and second
    pending.close_change(org.as_("net1"), first, outcome="done")
    assert Incident.get_by_id(incident_id).wait_code_id == code(WAIT_CHANGE)
    pending.close_change(org.as_("net1"), second, outcome="done")
    assert Incident.get_by_id(incident_id).wait_code_id is None


def test_r18_a_change_cannot_be_closed_twice(org: Org) -> None:
    incident_id = in_progress(org)
    change_id = pending.raise_change(org.as_("net1"), incident_id, title="One").created
    assert change_id
    pending.close_change(org.as_("net1"), change_id, outcome="done")
    with refused(org.store, RuleViolation, "rule.change_closed"):
        pending.close_change(org.as_("net1"), change_id, outcome="again")


def test_r18_the_desk_cannot_raise_changes(org: Org) -> None:
    incident_id = in_progress(org)
    with refused(org.store, PermissionDenied):
        pending.raise_change(org.as_("desk2"), incident_id, title="x")


def test_r18_a_change_on_an_incident_already_waiting_keeps_its_reason(org: Org) -> None:
    incident_id = in_progress(org)
    pending.set_pending(org.as_("net1"), incident_id, wait_code_id=code("awaiting_vendor"))
    change_id = pending.raise_change(org.as_("net1"), incident_id, title="Firmware").new_id
    assert Incident.get_by_id(incident_id).wait_code_id == code("awaiting_vendor")
    with refused(org.store, RuleViolation, "rule.resume_waits_for_change"):
        pending.resume(org.as_("net1"), incident_id)
    pending.close_change(org.as_("net1"), change_id, outcome="Firmware upgraded")
    assert Incident.get_by_id(incident_id).wait_code_id == code("awaiting_vendor")
    pending.resume(org.as_("net1"), incident_id)
    assert Incident.get_by_id(incident_id).wait_code_id is None
