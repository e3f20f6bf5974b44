"""R01 scope and type, R02 single point of contact, R03 organisation, R04 roles."""

from __future__ import annotations

import pytest

from desk_app.domain.enums import ContactChannel, Impact, IncidentType, Role, Stage
from desk_app.errors import PermissionDenied, ValidationError
from desk_app.services.admin.process import save_matrix
from desk_app.services.incident import workflow
from desk_app.services.incident.log import NewIncident, log_incident
from desk_app.storage.models import Incident
from tests.conftest import Org
from tests.helpers import refused


def form(org: Org, **changes: object) -> NewIncident:
    values: dict[str, object] = dict(
        caller_id=org.ids["caller"], type=IncidentType.SYSTEM_FAULT,
        category_id=org.ids["cat_network"], impact=Impact.MODERATE, title="Printer jams")
    values.update(changes)
    return NewIncident(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", list(IncidentType))
def test_r01_each_incident_type_can_be_logged(org: Org, kind: IncidentType) -> None:
    incident_id = org.log(type=kind)
    assert Incident.get_by_id(incident_id).type == kind.value


def test_r01_type_is_required(org: Org) -> None:
    with refused(org.store, ValidationError, "type") as info:
        log_incident(org.as_("desk"), form(org, type=None))
    assert "type" in info.value.fields


def test_r01_unknown_type_is_refused(org: Org) -> None:
    with refused(org.store, ValidationError, "type"):
        log_incident(org.as_("desk"), form(org, type="hardware_request"))


def test_r02_phone_is_the_default_channel(org: Org) -> None:
    incident = Incident.get_by_id(org.log())
    assert incident.channel == ContactChannel.PHONE.value


@pytest.mark.parametrize("channel", list(ContactChannel))
def test_r02_every_channel_is_recorded(org: Org, channel: ContactChannel) -> None:
    assert Incident.get_by_id(org.log(channel=channel)).channel == channel.value


def test_r02_unknown_channel_is_refused(org: Org) -> None:
    with refused(org.store, ValidationError, "channel"):
        log_incident(org.as_("desk"), form(org, channel="fax"))


@pytest.mark.parametrize("who", ["net1", "l2", "manager", "owner", "head"])
def test_r02_only_the_service_desk_logs_incidents(org: Org, who: str) -> None:
    with refused(org.store, PermissionDenied, "permission.who"):
        log_incident(org.as_(who), form(org))


def test_r02_logged_incident_records_its_recorder_and_starts_logged(org: Org) -> None:
    incident = Incident.get_by_id(org.log())
    assert incident.created_by_id == org.ids["desk"]
    assert incident.stage == Stage.LOGGED.value
    assert incident.number == f"INC{incident.id:07d}"


def test_r03_desk_staff_drawn_from_l1_can_work_as_support(org: Org) -> None:
    """The desk user also holds the L1 role and sits in the network group: they log, then
    accept the same incident as a member of the group."""
    incident_id = org.log(by="desk")
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("desk"), incident_id)
    assert Incident.get_by_id(incident_id).assignee_id == org.ids["desk"]


def test_r04_support_staff_cannot_dispatch(org: Org) -> None:
    incident_id = org.log()
    with refused(org.store, PermissionDenied):
        workflow.assign(org.as_("net1"), incident_id)


def test_r04_incident_manager_can_dispatch(org: Org) -> None:
    incident_id = org.log()
    workflow.assign(org.as_("manager"), incident_id)
    assert Incident.get_by_id(incident_id).stage == Stage.ASSIGNED.value


def test_r04_only_members_of_the_group_accept(org: Org) -> None:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    for outsider in ("outsider", "app1", "manager", "desk2"):
        with refused(org.store, PermissionDenied):
            workflow.accept(org.as_(outsider), incident_id)
    workflow.accept(org.as_("net2"), incident_id)


def test_r04_only_the_process_owner_edits_the_matrix(org: Org) -> None:
    cells = {(i, u): 4 for i in range(1, 5) for u in range(1, 5)}
    for who in ("manager", "desk", "head", "net1"):
        with refused(org.store, PermissionDenied):
            save_matrix(org.as_(who), cells)
    save_matrix(org.as_("owner"), cells)


def test_r04_roles_are_checked_in_the_core_not_by_the_caller(org: Org) -> None:
    """A session built by hand with a forged role set still cannot act outside its rows:
    membership is read from the database."""
    session = org.as_("outsider")
    session.roles = frozenset({Role.TIER1, Role.TIER2})
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    with refused(org.store, PermissionDenied):
        workflow.accept(session, incident_id)


def test_r04_a_file_opened_read_only_allows_no_action(org: Org) -> None:
    from desk_app.errors import DatabaseReadOnly
    from desk_app.services.incident.actions import Action, allowed_actions, why_not
    from desk_app.storage.opening import open_store

    incident_id = org.log()
    assert Action.ASSIGN in allowed_actions(org.as_("desk"), incident_id)
    org.store.close()
    org.store = open_store(org.path, read_only=True)
    desk = org.as_("desk")
    assert allowed_actions(desk, incident_id) == frozenset()
    assert isinstance(why_not(desk, incident_id, Action.ASSIGN), DatabaseReadOnly)


def test_r04_a_retired_user_gets_no_session(org: Org) -> None:
    from desk_app.errors import AuthenticationError
    from desk_app.services.admin.people import UserForm, save_user

    save_user(org.as_("owner"), UserForm("desk2", "Dana Desk", ["service_desk"], active=False),
              org.ids["desk2"])
    with pytest.raises(AuthenticationError):
        org.as_("desk2")
