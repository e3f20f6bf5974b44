"""Bulk actions: one action over many selected incidents.

Each incident goes through the same service a person would use on its screen
(``workflow.transfer``, ``pending.set_pending`` …), with that service's rules, checks and
write transaction, so an incident is either wholly changed or not at all; one refusal does not
stop the others. The caller gets progress after every incident and may cancel between two;
the result says what was done, what was refused and why (in the person's language), and
what was not reached because of the cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from desk_app.domain.enums import Stage
from desk_app.errors import DatabaseReadOnly, DeskError, RuleViolation, ValidationError
from desk_app.i18n import Language, text
from desk_app.services import permissions as perm
from desk_app.services.alerts.review import SUPERVISORS, acknowledge_escalation
from desk_app.services.arguments import INT_MAX, enum_argument
from desk_app.services.incident.actions import CHECKS, Action, refusal_of
from desk_app.services.incident.editing import load_incident
from desk_app.services.incident.log import add_note
from desk_app.services.incident.pending import resume, set_pending
from desk_app.services.incident.workflow import (
    accept,
    assign,
    check_accept,
    check_assign,
    close,
    transfer,
)
from desk_app.services.session import Changes, Session
from desk_app.storage.models import Category, Escalation, Incident

#: Above this many incidents a menu checks only the first this many before offering an
#: action (an action that none of them can take is off), and the run says which of the rest
#: refused: checking 500 takes 0.2-0.5 s, and a menu must open at once.
PREFLIGHT_LIMIT = 500


class BulkAction(StrEnum):
    ASSIGN_TO_ME = "assign_to_me"
    ASSIGN = "assign"
    TRANSFER = "transfer"
    PEND = "pend"
    RESUME = "resume"
    NOTE = "note"
    ACKNOWLEDGE = "acknowledge"
    CLOSE = "close"


@dataclass(frozen=True)
class BulkInput:
    """What the person typed once for the whole selection; each action reads its own."""

    note: str = ""
    assignee_id: int | None = None
    category_id: int | None = None
    tier: int | None = None
    wait_code_id: int | None = None
    close_code_id: int | None = None
    satisfaction: int | None = None
    #: each caller's own answer when closing (R22 asks the caller of each incident):
    #: (incident id, 1–5) pairs; an incident not named here takes ``satisfaction``
    satisfactions: tuple[tuple[int, int], ...] = ()

    def satisfaction_of(self, incident_id: int) -> int | None:
        return dict(self.satisfactions).get(incident_id, self.satisfaction)


@dataclass(frozen=True)
class Refusal:
    incident_id: int
    number: str
    error: DeskError

    def message(self, lang: Language) -> str:
        return self.error.message(lang)


@dataclass
class BulkResult:
    action: BulkAction
    total: int
    done: list[int] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    not_reached: list[int] = field(default_factory=list)  # left by a cancel
    changes: Changes = field(default_factory=Changes)

    @property
    def cancelled(self) -> bool:
        return bool(self.not_reached)

    def summary(self, lang: Language) -> str:
        """One line: how many were done, refused and not reached."""
        line = text("bulk.summary", lang, done=len(self.done), total=self.total,
                    refused=len(self.refused))
        if self.not_reached:
            line += " " + text("bulk.summary_cancelled", lang, left=len(self.not_reached))
        return line

    def reasons(self, lang: Language) -> list[tuple[str, str]]:
        """(number, reason) of each refused incident, in the person's language."""
        return [(r.number, r.message(lang)) for r in self.refused]


# -- what each action checks before it is offered -------------------------------------------
def _check_assign_to_me(session: Session, incident: Incident) -> None:
    """Logged: assign it to me in the category's group (the desk, the manager); Assigned to a
    group I am in: accept it. Anything already in someone's hands is a transfer."""
    stage = Stage(incident.stage)
    if stage == Stage.LOGGED:
        check_assign(session, incident)
        category = Category.get_by_id(incident.category_id)
        if not perm.is_member(session, category.group_id):
            raise RuleViolation("bulk.not_member")
        return
    if stage == Stage.IN_PROGRESS and incident.wait_code_id is None:
        if incident.assignee_id == session.user_id:
            raise RuleViolation("bulk.already_yours")
        raise RuleViolation("bulk.in_other_hands")
    check_accept(session, incident)


def _check_acknowledge(session: Session, incident: Incident) -> None:
    perm.require_role(session, "acknowledge", *SUPERVISORS)
    if not Escalation.select().where((Escalation.incident == incident.id)
                                     & Escalation.acknowledged_at.is_null()).exists():
        raise RuleViolation("bulk.nothing_to_acknowledge")


def _check_close(session: Session, incident: Incident) -> None:
    CHECKS[Action.CLOSE](session, incident)
    if incident.confirmed_at is None:
        raise ValidationError.single("confirmed", "validation.confirm_first")


CHECK: dict[BulkAction, Callable[[Session, Incident], None]] = {
    BulkAction.ASSIGN_TO_ME: _check_assign_to_me,
    BulkAction.ASSIGN: CHECKS[Action.ASSIGN],
    BulkAction.TRANSFER: CHECKS[Action.TRANSFER],
    BulkAction.PEND: CHECKS[Action.PEND],
    BulkAction.RESUME: CHECKS[Action.RESUME],
    BulkAction.NOTE: CHECKS[Action.NOTE],
    BulkAction.ACKNOWLEDGE: _check_acknowledge,
    BulkAction.CLOSE: _check_close,
}


def _refusal(session: Session, action: BulkAction, incident: Incident) -> DeskError | None:
    return refusal_of(session, CHECK[action], incident)


@dataclass(frozen=True)
class Offer:
    """How many of a selection an action can take now (``checked`` False: the selection was
    too large to check each incident first; the run will say)."""

    action: BulkAction
    possible: int
    total: int
    checked: bool = True
    reason: DeskError | None = None  # why none can, when ``possible`` is 0

    @property
    def enabled(self) -> bool:
        return self.possible > 0


def offers(session: Session, incident_ids: Sequence[int],
           actions: Iterable[BulkAction] = tuple(BulkAction)) -> dict[BulkAction, Offer]:
    """For each action, how many of the selected incidents it can take now, asked of the
    same checks the services run, in one read: a menu enables an action only when it can
    succeed for at least one, and says for how many."""
    if isinstance(actions, str | bytes) or not isinstance(actions, Iterable):
        raise ValidationError.single("actions", "validation.invalid_choice")
    wanted = [enum_argument("actions", BulkAction, a) for a in actions]
    ids = _clean_ids(incident_ids)
    if not ids:
        return {a: Offer(a, 0, 0) for a in wanted}
    if session.store.read_only:
        error = DatabaseReadOnly(session.store.read_only_reason)
        return {a: Offer(a, 0, len(ids), reason=error) for a in wanted}
    sample = ids if len(ids) <= PREFLIGHT_LIMIT else ids[:PREFLIGHT_LIMIT]

    def run() -> dict[BulkAction, Offer]:
        with perm.groups_read_once(session):
            return checked_all(_load(sample))

    def checked_all(incidents: list[Incident]) -> dict[BulkAction, Offer]:
        result = {}
        for action in wanted:
            possible, reason = 0, None
            for incident in incidents:
                refusal = _refusal(session, action, incident)
                if refusal is None:
                    possible += 1
                elif reason is None:
                    reason = refusal
            if len(ids) > len(sample):
                result[action] = Offer(action, len(ids) if possible else 0, len(ids),
                                       checked=False, reason=None if possible else reason)
            else:
                result[action] = Offer(action, possible, len(ids),
                                       reason=None if possible else reason)
        return result

    return session.read(run)


def _load(ids: Sequence[int]) -> list[Incident]:
    found: dict[int, Incident] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for incident in Incident.select().where(Incident.id.in_(chunk)):
            found[incident.id] = incident
    return [found[i] for i in ids if i in found]


def _clean_ids(incident_ids: object) -> list[int]:
    """The selection's ids, each once, in order; anything but SQLite integers is refused
    with a message before anything runs."""
    if isinstance(incident_ids, str | bytes) or not isinstance(incident_ids, Iterable):
        raise ValidationError.single("incident_ids", "validation.invalid_choice")
    ids = list(incident_ids)
    if any(not isinstance(i, int) or isinstance(i, bool) or not -INT_MAX <= i <= INT_MAX
           for i in ids):
        raise ValidationError.single("incident_ids", "validation.invalid_choice")
    return list(dict.fromkeys(ids))


def _clean_input(given: object) -> BulkInput:
    if given is None:
        return BulkInput()
    if not isinstance(given, BulkInput):
        raise ValidationError.single("input", "validation.invalid_choice")
    for name in ("assignee_id", "category_id", "tier", "wait_code_id", "close_code_id",
                 "satisfaction"):
        value = getattr(given, name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                  or not -INT_MAX <= value <= INT_MAX):
            raise ValidationError.single(name, "validation.invalid_choice")
    pairs = given.satisfactions
    if not isinstance(pairs, tuple) or any(
            not isinstance(pair, tuple) or len(pair) != 2
            or any(not isinstance(v, int) or isinstance(v, bool)
                   or not -INT_MAX <= v <= INT_MAX for v in pair) for pair in pairs):
        raise ValidationError.single("satisfactions", "validation.invalid_choice")
    if not isinstance(given.note, str) or "\x00" in given.note or any(
            "\ud800" <= ch <= "\udfff" for ch in given.note):
        raise ValidationError.single("note", "validation.bad_characters")
    return given


# -- running ---------------------------------------------------------------------------------
def _one(session: Session, action: BulkAction, incident_id: int, given: BulkInput) -> Changes:
    """The action on one incident, through its own service and transaction."""
    if action == BulkAction.ASSIGN_TO_ME:
        def take() -> Changes:
            incident = load_incident(incident_id)
            _check_assign_to_me(session, incident)  # the services check again, as always
            if incident.stage == Stage.LOGGED.value:
                return assign(session, incident_id, assignee_id=session.user_id)
            return accept(session, incident_id)
        return session.write(take)
    if action == BulkAction.ASSIGN:
        return assign(session, incident_id, assignee_id=given.assignee_id,
                      category_id=given.category_id, note=given.note)
    if action == BulkAction.TRANSFER:
        return transfer(session, incident_id, note=given.note, category_id=given.category_id,
                        tier=given.tier, assignee_id=given.assignee_id)
    if action == BulkAction.PEND:
        return set_pending(session, incident_id, wait_code_id=given.wait_code_id,
                           note=given.note)
    if action == BulkAction.RESUME:
        return resume(session, incident_id, note=given.note)
    if action == BulkAction.NOTE:
        return add_note(session, incident_id, given.note)
    if action == BulkAction.ACKNOWLEDGE:
        def acknowledge_all() -> Changes:
            # every open escalation of the incident in one transaction: all or none
            incident = load_incident(incident_id)
            _check_acknowledge(session, incident)
            total = Changes()
            waiting = [int(e.id) for e in Escalation.select(Escalation.id).where(
                (Escalation.incident == incident_id) & Escalation.acknowledged_at.is_null())]
            for escalation_id in waiting:
                total |= acknowledge_escalation(session, escalation_id, given.note)
            return total
        return session.write(acknowledge_all)
    return close(session, incident_id, close_code_id=given.close_code_id, notes=given.note,
                 satisfaction=given.satisfaction_of(incident_id))


def _numbers(session: Session, ids: Sequence[int]) -> dict[int, str]:
    def run() -> dict[int, str]:
        numbers: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            numbers.update((int(i.id), str(i.number)) for i in Incident.select(
                Incident.id, Incident.number).where(Incident.id.in_(chunk)))
        return numbers

    return session.read(run)


def run_bulk(session: Session, action: BulkAction | str, incident_ids: Sequence[int],
             given: BulkInput | None = None, *,
             progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> BulkResult:
    """Run ``action`` over ``incident_ids`` one incident at a time. ``progress(done, total)``
    is called after each; when ``cancelled()`` turns true the run stops before the next
    incident (the one under way finishes or is refused whole)."""
    try:
        kind = BulkAction(action)
    except ValueError:
        raise ValidationError.single("action", "validation.invalid_choice") from None
    given = _clean_input(given)
    ids = _clean_ids(incident_ids)
    numbers = _numbers(session, ids)
    result = BulkResult(kind, len(ids))
    for position, incident_id in enumerate(ids):
        if cancelled is not None and cancelled():
            result.not_reached = ids[position:]
            break
        number = numbers.get(incident_id, f"#{incident_id}")
        try:
            result.changes |= _one(session, kind, incident_id, given)
        except DeskError as error:
            result.refused.append(Refusal(incident_id, number, error))
        else:
            result.done.append(incident_id)
        if progress is not None:
            progress(position + 1, len(ids))
    return result
