"""Which actions a person may take on an incident now: the UI enables exactly these, so that
a button is enabled because the core would accept the call (R04, R05)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from desk_app.domain.enums import Role, Stage
from desk_app.errors import DeskError, RuleViolation
from desk_app.services import permissions as perm
from desk_app.services.editing import load_incident
from desk_app.services.pending import check_pend, check_raise_change, check_resume
from desk_app.services.session import Session
from desk_app.services.workflow import (
    check_accept,
    check_assign,
    check_close,
    check_confirm,
    check_reject,
    check_resolve,
    check_transfer,
)
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
    perm.require(session.has(Role.SERVICE_DESK, Role.INCIDENT_MANAGER)
                 or perm.is_support_staff(session, incident), "update")


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


def allowed_actions(session: Session, incident_id: int) -> frozenset[Action]:
    def run() -> frozenset[Action]:
        incident = load_incident(incident_id)
        allowed = set()
        for action, check in CHECKS.items():
            try:
                check(session, incident)
            except DeskError:
                continue
            allowed.add(action)
        return frozenset(allowed)

    return session.read(run)


def why_not(session: Session, incident_id: int, action: Action) -> DeskError | None:
    """The refusal ``action`` would meet now, for a tooltip; None if it is allowed."""

    def run() -> DeskError | None:
        try:
            CHECKS[action](session, load_incident(incident_id))
        except DeskError as error:
            return error
        return None

    return session.read(run)
