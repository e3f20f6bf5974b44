"""R10 priority changes in history, R11 impact, R12 urgency defaults, R13 the matrix,
R14 categories route to groups."""

from __future__ import annotations

import json

import pytest

from desk_app.domain.enums import Impact, Priority, Stage, Urgency
from desk_app.domain.priority import DEFAULT_MATRIX, is_complete
from desk_app.errors import PermissionDenied, ValidationError
from desk_app.services.admin.process import (
    CategoryForm,
    current_matrix,
    preview_matrix,
    save_category,
    save_matrix,
)
from desk_app.services.incident import workflow
from desk_app.services.incident.log import IncidentFields, update_incident
from desk_app.storage.models import Incident, Journal, PriorityCell
from tests.conftest import Org
from tests.helpers import refused


def journal(incident_id: int, action: str) -> list[dict]:
    return [json.loads(j.changes) for j in Journal.select().where(
        (Journal.incident == incident_id) & (Journal.action == action))]


def test_r10_priority_change_is_in_the_history(org: Org) -> None:
    incident_id = org.log(impact=Impact.MODERATE)
    update_incident(org.as_("desk"), incident_id, IncidentFields(impact=Impact.EXTENSIVE))
    [change] = journal(incident_id, "update")
    assert change["priority"] == [3, 2]
    assert change["impact"] == [3, 1]


def test_r11_impact_can_be_judged_again_when_accepting(org: Org) -> None:
    incident_id = org.log(impact=Impact.MINOR)
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("net1"), incident_id, impact=Impact.SIGNIFICANT)
    incident = Incident.get_by_id(incident_id)
    assert (incident.impact, incident.priority) == (Impact.SIGNIFICANT, 2)


def test_r11_impact_is_required_and_checked(org: Org) -> None:
    with refused(org.store, ValidationError, "impact"):
        org.log(impact=None)
    with refused(org.store, ValidationError, "impact"):
        org.log(impact=7)


def test_r12_default_urgency_is_medium(org: Org) -> None:
    assert Incident.get_by_id(org.log()).urgency == Urgency.MEDIUM


def test_r12_default_urgency_is_high_for_a_vip(org: Org) -> None:
    incident = Incident.get_by_id(org.log(caller_id=org.ids["vip"]))
    assert incident.urgency == Urgency.HIGH
    assert incident.priority == DEFAULT_MATRIX[(Impact.MODERATE, Urgency.HIGH)]


def test_r12_the_desk_may_change_the_default(org: Org) -> None:
    incident = Incident.get_by_id(org.log(caller_id=org.ids["vip"], urgency=Urgency.LOW))
    assert incident.urgency == Urgency.LOW


def test_r12_only_the_desk_or_manager_changes_urgency(org: Org) -> None:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    with refused(org.store, PermissionDenied):
        update_incident(org.as_("net1"), incident_id, IncidentFields(urgency=Urgency.LOW))
    update_incident(org.as_("desk"), incident_id, IncidentFields(urgency=Urgency.LOW))


def test_r13_default_matrix_has_every_cell() -> None:
    assert is_complete(DEFAULT_MATRIX)
    assert len(DEFAULT_MATRIX) == 16


@pytest.mark.parametrize("impact", list(Impact))
@pytest.mark.parametrize("urgency", list(Urgency))
def test_r13_priority_is_read_from_the_matrix(org: Org, impact: Impact, urgency: Urgency
                                              ) -> None:
    incident = Incident.get_by_id(org.log(impact=impact, urgency=urgency))
    assert incident.priority == DEFAULT_MATRIX[(impact, urgency)]
    assert incident.priority in set(Priority)


def test_r13_matrix_must_stay_complete(org: Org) -> None:
    cells = {(i, u): 3 for i in range(1, 5) for u in range(1, 5)}
    del cells[(2, 2)]
    with refused(org.store, ValidationError, "matrix"):
        save_matrix(org.as_("owner"), cells)
    cells[(2, 2)] = 5
    with refused(org.store, ValidationError, "matrix"):
        save_matrix(org.as_("owner"), cells)
    assert PriorityCell.select().count() == 16


def test_r13_matrix_change_applies_from_then_on_not_to_open_incidents(org: Org) -> None:
    open_id = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)
    closed_id = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)
    workflow.resolve(org.as_("desk"), closed_id, resolution="r")
    cells = {key: value for key, (value, _) in current_matrix(org.as_("owner")).items()}
    cells[(3, 3)] = 1
    cells[(3, 4)] = 1
    assert preview_matrix(org.as_("owner"), cells) == 1
    changes = save_matrix(org.as_("owner"), cells)
    assert changes.incidents == frozenset() and changes.reference
    assert Incident.get_by_id(open_id).priority == 3
    assert Incident.get_by_id(closed_id).priority == 3
    assert journal(open_id, "reprioritise") == []
    assert Incident.get_by_id(org.log()).priority == 1  # logged after the change
    # the open incident takes the new matrix when its urgency next changes
    update_incident(org.as_("desk"), open_id, IncidentFields(urgency=Urgency.LOW))
    assert Incident.get_by_id(open_id).priority == 1


def test_r13_matrix_change_may_reprioritise_the_open_incidents_not_history(org: Org) -> None:
    open_id = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)
    closed_id = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)
    workflow.resolve(org.as_("desk"), closed_id, resolution="r")
    cells = {key: value for key, (value, _) in current_matrix(org.as_("owner")).items()}
    cells[(3, 3)] = 1
    changes = save_matrix(org.as_("owner"), cells, reprioritise_open=True)
    assert changes.incidents == frozenset({open_id})
    assert Incident.get_by_id(open_id).priority == 1
    assert Incident.get_by_id(closed_id).priority == 3
    [change] = journal(open_id, "reprioritise")
    assert change["priority"] == [3, 1]
    assert journal(closed_id, "reprioritise") == []


def test_r13_stale_matrix_edit_is_a_conflict(org: Org) -> None:
    from desk_app.errors import ConflictError

    matrix = current_matrix(org.as_("owner"))
    cells = {key: value for key, (value, _) in matrix.items()}
    versions = {key: version for key, (_, version) in matrix.items()}
    save_matrix(org.as_("owner"), {**cells, (1, 1): 2}, versions)
    with refused(org.store, ConflictError):
        save_matrix(org.as_("owner"), {**cells, (1, 1): 3}, versions)


def test_r14_category_is_required(org: Org) -> None:
    with refused(org.store, ValidationError, "category"):
        org.log(category_id=None)


def test_r14_category_decides_the_group(org: Org) -> None:
    incident = Incident.get_by_id(org.log(category_id=org.ids["cat_email"]))
    assert incident.group_id == org.ids["apps"]


def test_r14_category_change_on_transfer_routes_to_its_group(org: Org) -> None:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    workflow.transfer(org.as_("desk"), incident_id, category_id=org.ids["cat_email"],
                      note="It is a mail problem")
    incident = Incident.get_by_id(incident_id)
    assert (incident.category_id, incident.group_id) == (org.ids["cat_email"], org.ids["apps"])


def test_r14_assign_with_a_new_category_routes_to_its_group(org: Org) -> None:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id, category_id=org.ids["cat_email"])
    assert Incident.get_by_id(incident_id).group_id == org.ids["apps"]


def test_r14_category_mapping_changes_future_dispatch(org: Org) -> None:
    save_category(org.as_("owner"), CategoryForm("email", "E-mail", "邮件", org.ids["network"]),
                  org.ids["cat_email"])
    assert Incident.get_by_id(org.log(category_id=org.ids["cat_email"])).group_id == org.ids[
        "network"]


def test_r14_retired_category_cannot_be_used(org: Org) -> None:
    save_category(org.as_("owner"), CategoryForm("email", "E-mail", "邮件", org.ids["apps"],
                                                 active=False), org.ids["cat_email"])
    with refused(org.store, ValidationError, "category"):
        org.log(category_id=org.ids["cat_email"])


def test_r14_category_changes_only_by_transfer_after_assignment(org: Org) -> None:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    with refused(org.store, ValidationError, "category"):
        update_incident(org.as_("desk"), incident_id,
                        IncidentFields(category_id=org.ids["cat_email"]))
    assert Incident.get_by_id(incident_id).stage == Stage.ASSIGNED.value
