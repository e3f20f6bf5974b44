"""Which actions a person may take on an incident now: the UI enables exactly these, so that
a button is enabled because the core would accept the call (R04, R05)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from desk_app.domain.enums import OPEN_STAGES, Role, Stage
from desk_app.domain.lifecycle import Move, check_can_pend, check_can_resume, check_move
from desk_app.errors import DatabaseReadOnly, DeskError, RuleViolation, ValidationError
from desk_app.services import permissions as perm
from desk_app.services.incident.editing import load_incident
from desk_app.services.incident.log import category_edit_refusal, check_urgency_edit
from desk_app.services.incident.pending import check_pend, check_raise_change, check_resume
from desk_app.services.incident.workflow import (
    check_accept,
    check_assign,
    check_close,
    check_confirm,
    check_reject,
    check_resolve,
    check_transfer,
)
from desk_app.services.session import Session
from desk_app.storage.models import Incident


class Action(StrEnum):
    UPDATE = "update"
    NOTE = "note"
    ASSIGN = "assign"
    ACCEPT = "accept"
    TRANSFER = "transfer"
    PEND = "pend"
    RESUME = "resume"
    RAISE_CHANGE = "raise_change"
    RESOLVE = "resolve"
    REJECT = "reject"
    CONFIRM = "confirm"
    CLOSE = "close"


def _check_update(session: Session, incident: Incident) -> None:
    if incident.stage == Stage.CLOSED.value:
        raise RuleViolation("rule.closed_final")
    if not (session.has(Role.SERVICE_DESK, Role.INCIDENT_MANAGER)
            or perm.is_support_staff(session, incident)):
        raise perm.who_may(session, incident, "update",
                           (Role.SERVICE_DESK, Role.INCIDENT_MANAGER), group=True)


def _check_note(session: Session, incident: Incident) -> None:
    if incident.stage == Stage.CLOSED.value:
        raise RuleViolation("rule.closed_final")
    perm.require(bool(session.roles), "note")


CHECKS: dict[Action, Callable[[Session, Incident], None]] = {
    Action.UPDATE: _check_update,
    Action.NOTE: _check_note,
    Action.ASSIGN: check_assign,
    Action.ACCEPT: check_accept,
    Action.TRANSFER: check_transfer,
    Action.PEND: check_pend,
    Action.RESUME: check_resume,
    Action.RAISE_CHANGE: check_raise_change,
    Action.RESOLVE: check_resolve,
    Action.REJECT: check_reject,
    Action.CONFIRM: check_confirm,
    Action.CLOSE: check_close,
}


def refusal_of(session: Session, check: Callable[[Session, Incident], None],
               incident: Incident) -> DeskError | None:
    """What ``check`` says of ``incident`` now (None: allowed): every action writes, so a
    file opened read-only refuses them all before any rule is asked."""
    if session.store.read_only:
        return DatabaseReadOnly(session.store.read_only_reason)
    try:
        check(session, incident)
    except DeskError as error:
        return error
    return None


def _refusal(session: Session, action: Action, incident: Incident) -> DeskError | None:
    """What ``action`` would meet now."""
    return refusal_of(session, CHECKS[action], incident)


def action_states(session: Session, incident_id: int) -> dict[Action, DeskError | None]:
    """Every action with the refusal it would meet now (None: allowed), in one read, so that
    a screen can enable its buttons and say why the others are off."""

    def run() -> dict[Action, DeskError | None]:
        incident = load_incident(incident_id)
        return {action: _refusal(session, action, incident) for action in CHECKS}

    return session.read(run)


def allowed_actions(session: Session, incident_id: int) -> frozenset[Action]:
    return frozenset(a for a, refusal in action_states(session, incident_id).items()
                     if refusal is None)


def why_not(session: Session, incident_id: int, action: Action) -> DeskError | None:
    """The refusal ``action`` would meet now, for a tooltip; None if it is allowed."""
    return session.read(lambda: _refusal(session, action, load_incident(incident_id)))


_MOVES = {Action.ASSIGN: Move.ASSIGN, Action.ACCEPT: Move.ACCEPT,
          Action.TRANSFER: Move.TRANSFER, Action.RESOLVE: Move.RESOLVE,
          Action.REJECT: Move.REJECT, Action.CLOSE: Move.CLOSE}


def stage_allows(action: Action, incident: Incident) -> bool:
    """Whether the incident's stage (R05, R16) lets anyone take ``action`` now: a refusal of
    such an action is about who acts, and a screen says it up front, with who can."""
    stage, waiting = Stage(incident.stage), incident.wait_code_id is not None
    try:
        if action in _MOVES:
            check_move(_MOVES[action], stage, waiting)
        elif action == Action.PEND:
            check_can_pend(stage, waiting)
        elif action == Action.RESUME:
            check_can_resume(stage, waiting)
        elif action == Action.CONFIRM:
            return stage == Stage.RESOLVED and incident.confirmed_at is None
        elif action == Action.RAISE_CHANGE:
            return stage in OPEN_STAGES and not waiting
        else:
            return stage != Stage.CLOSED
    except DeskError:
        return False
    return True


#: The fields ``update_incident`` changes, as a form names them.
EDITABLE_FIELDS = ("title", "description", "type", "channel", "caller", "category", "impact",
                   "urgency")


def field_states(session: Session, incident_id: int) -> dict[str, DeskError | None]:
    """Which incident fields this person may change now, and why not for the others: the
    same checks ``update_incident`` makes (R04, R12, R14, R24)."""

    def run() -> dict[str, DeskError | None]:
        incident = load_incident(incident_id)
        try:
            _check_update(session, incident)
        except DeskError as error:
            return dict.fromkeys(EDITABLE_FIELDS, error)
        states: dict[str, DeskError | None] = dict.fromkeys(EDITABLE_FIELDS)
        refusal = category_edit_refusal(incident)
        if refusal is not None:
            states["category"] = ValidationError.single("category", refusal)
        try:
            check_urgency_edit(session)
        except DeskError as error:
            states["urgency"] = error
        return states

    return session.read(run)
