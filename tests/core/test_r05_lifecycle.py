"""R05: the five stages and their moves, and no others."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desk_app.domain.enums import Stage
from desk_app.domain.lifecycle import ALLOWED_EDGES, Move, check_move
from desk_app.errors import DeskError, RuleViolation
from desk_app.services.incident import pending, workflow
from desk_app.storage.models import Incident, WaitCode
from tests.conftest import Org
from tests.helpers import refused


def wait_code() -> int:
    return WaitCode.get(WaitCode.code == "awaiting_caller").id


def to_stage(org: Org, stage: Stage) -> int:
    """An incident brought to ``stage`` through the allowed moves."""
    incident_id = org.log()
    if stage == Stage.LOGGED:
        return incident_id
    workflow.assign(org.as_("desk"), incident_id)
    if stage == Stage.ASSIGNED:
        return incident_id
    workflow.accept(org.as_("net1"), incident_id)
    if stage == Stage.IN_PROGRESS:
        return incident_id
    workflow.resolve(org.as_("net1"), incident_id, resolution="Replaced the cable")
    if stage == Stage.RESOLVED:
        return incident_id
    workflow.confirm_resolution(org.as_("desk"), incident_id)
    workflow.close(org.as_("desk"), incident_id, close_code_id=1, notes="Done",
                   satisfaction=5)
    return incident_id


def stage_of(incident_id: int) -> str:
    return Incident.get_by_id(incident_id).stage


def test_r05_the_allowed_edges_are_exactly_those_of_the_process() -> None:
    assert {
        (Stage.LOGGED, Stage.RESOLVED), (Stage.LOGGED, Stage.ASSIGNED),
        (Stage.ASSIGNED, Stage.IN_PROGRESS), (Stage.ASSIGNED, Stage.ASSIGNED),
        (Stage.IN_PROGRESS, Stage.ASSIGNED), (Stage.IN_PROGRESS, Stage.RESOLVED),
        (Stage.RESOLVED, Stage.IN_PROGRESS), (Stage.RESOLVED, Stage.CLOSED),
    } == ALLOWED_EDGES


@pytest.mark.parametrize("move", list(Move))
@pytest.mark.parametrize("stage", list(Stage))
def test_r05_check_move_allows_only_listed_moves(move: Move, stage: Stage) -> None:
    allowed = any(source == stage for source, _ in ALLOWED_EDGES
                  if (source, _) in ALLOWED_EDGES) and stage in {
        Move.ASSIGN: {Stage.LOGGED}, Move.ACCEPT: {Stage.ASSIGNED},
        Move.TRANSFER: {Stage.ASSIGNED, Stage.IN_PROGRESS},
        Move.RESOLVE: {Stage.LOGGED, Stage.IN_PROGRESS}, Move.REJECT: {Stage.RESOLVED},
        Move.CLOSE: {Stage.RESOLVED}}[move]
    if allowed:
        check_move(move, stage, pending=False)
    else:
        with pytest.raises(RuleViolation):
            check_move(move, stage, pending=False)


def test_r05_full_path_logged_assigned_in_progress_resolved_closed(org: Org) -> None:
    assert stage_of(to_stage(org, Stage.CLOSED)) == Stage.CLOSED.value


def test_r05_first_contact_resolution_logged_to_resolved(org: Org) -> None:
    incident_id = org.log()
    workflow.resolve(org.as_("desk"), incident_id, resolution="Told the caller how")
    assert stage_of(incident_id) == Stage.RESOLVED.value


def test_r05_first_contact_resolution_is_the_desks(org: Org) -> None:
    incident_id = org.log()
    with refused(org.store):
        workflow.resolve(org.as_("net1"), incident_id, resolution="x")


def test_r05_resolved_back_to_in_progress_when_caller_does_not_confirm(org: Org) -> None:
    incident_id = to_stage(org, Stage.RESOLVED)
    workflow.reject_resolution(org.as_("desk"), incident_id, reason="Still broken")
    incident = Incident.get_by_id(incident_id)
    assert incident.stage == Stage.IN_PROGRESS.value
    assert incident.assignee_id == org.ids["net1"]


ACTIONS: dict[str, Callable[[Org, int], object]] = {
    "assign": lambda org, i: workflow.assign(org.as_("desk"), i),
    "accept": lambda org, i: workflow.accept(org.as_("net1"), i),
    "resolve_by_support": lambda org, i: workflow.resolve(org.as_("net1"), i, resolution="r"),
    "reject": lambda org, i: workflow.reject_resolution(org.as_("desk"), i, reason="no"),
    "close": lambda org, i: workflow.close(org.as_("desk"), i, close_code_id=1, notes="n",
                                           satisfaction=4),
    "transfer": lambda org, i: workflow.transfer(org.as_("desk"), i, note="n", tier=2),
}
ALLOWED_FROM = {
    "assign": {Stage.LOGGED}, "accept": {Stage.ASSIGNED},
    "resolve_by_support": {Stage.IN_PROGRESS}, "reject": {Stage.RESOLVED},
    "close": {Stage.RESOLVED}, "transfer": {Stage.ASSIGNED, Stage.IN_PROGRESS},
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("stage", [s for s in Stage])
def test_r05_every_other_move_is_refused_and_changes_nothing(
        org: Org, action: str, stage: Stage) -> None:
    incident_id = to_stage(org, stage)
    if stage in ALLOWED_FROM[action]:
        if action == "close":
            workflow.confirm_resolution(org.as_("desk"), incident_id)
        ACTIONS[action](org, incident_id)
        return
    with refused(org.store, DeskError):  # a rule refusal, or the role's where R04 decides
        ACTIONS[action](org, incident_id)


@pytest.mark.parametrize("stage", [Stage.LOGGED, Stage.ASSIGNED, Stage.IN_PROGRESS])
def test_r05_pending_is_a_side_state_of_every_open_stage(org: Org, stage: Stage) -> None:
    incident_id = to_stage(org, stage)
    pending.set_pending(org.as_("desk"), incident_id, wait_code_id=wait_code())
    incident = Incident.get_by_id(incident_id)
    assert incident.stage == stage.value and incident.wait_code_id is not None
    pending.resume(org.as_("desk"), incident_id)
    incident = Incident.get_by_id(incident_id)
    assert incident.stage == stage.value and incident.wait_code_id is None


@pytest.mark.parametrize("stage", [Stage.RESOLVED, Stage.CLOSED])
def test_r05_resolved_and_closed_cannot_pend(org: Org, stage: Stage) -> None:
    incident_id = to_stage(org, stage)
    with refused(org.store, RuleViolation):
        pending.set_pending(org.as_("desk"), incident_id, wait_code_id=wait_code())


def test_r05_a_pending_incident_makes_no_stage_move_until_resumed(org: Org) -> None:
    incident_id = to_stage(org, Stage.IN_PROGRESS)
    pending.set_pending(org.as_("net1"), incident_id, wait_code_id=wait_code())
    with refused(org.store, RuleViolation, "rule.pending_blocks_move"):
        workflow.resolve(org.as_("net1"), incident_id, resolution="Fixed")
    with refused(org.store, RuleViolation, "rule.pending_blocks_move"):
        workflow.transfer(org.as_("net1"), incident_id, note="n", tier=2)
    with refused(org.store, RuleViolation, "rule.already_pending"):
        pending.set_pending(org.as_("net1"), incident_id, wait_code_id=wait_code())
