"""The stage moves of R05: assign, accept, transfer, resolve, reject, confirm, close, and
automatic closure (R20–R24). Each checks role (R04), move (R05) and inputs inside its write
transaction, so a refusal changes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from desk_app.clock import Clock
from desk_app.domain.enums import (
    EscalationReason,
    Impact,
    JournalAction,
    ResolutionType,
    Role,
    Stage,
    Urgency,
)
from desk_app.domain.lifecycle import Move, check_move
from desk_app.domain.validation import Problems, clean_text, enum_value
from desk_app.errors import RuleViolation
from desk_app.services import permissions as perm
from desk_app.services.alerts.escalation import TRANSFER_LIMIT, escalate
from desk_app.services.arguments import checked
from desk_app.services.incident.editing import IncidentEdit, JournalRows, load_incident, save_all
from desk_app.services.incident.lookups import active_category, active_group, group_member
from desk_app.services.incident.priority import reprioritise
from desk_app.services.process.settings import get_setting
from desk_app.services.process.targets import ClockLedger, ClockSync, sync_clocks
from desk_app.services.session import Changes, Session, system_session
from desk_app.storage.database import Store
from desk_app.storage.models import Category, CloseCode, ImportReference, Incident
from desk_app.storage.reference import CLOSE_AUTO


def _finish(edit: IncidentEdit, now: datetime, escalations: frozenset[int] = frozenset()
            ) -> Changes:
    sync_clocks(edit, now)
    edit.save()
    return Changes(incidents=frozenset({edit.incident.id}), escalations=escalations,
                   notifications=bool(escalations))


# -- assign ------------------------------------------------------------------------------
def check_assign(session: Session, incident: Incident) -> None:
    perm.require_role(session, "assign", Role.SERVICE_DESK, Role.INCIDENT_MANAGER)
    check_move(Move.ASSIGN, Stage(incident.stage), incident.wait_code_id is not None)


@checked
def assign(session: Session, incident_id: int, *, assignee_id: int | None = None,
           category_id: int | None = None, version: int | None = None, note: str = ""
           ) -> Changes:
    """Logged → Assigned: dispatch to the group of the incident's category (R14), and
    optionally to one of its members. A new category routes to that category's group."""

    def run() -> Changes:
        incident = load_incident(incident_id, version)
        check_assign(session, incident)
        problems = Problems()
        text = clean_text(problems, "note", note, required=False)
        edit = IncidentEdit(session, incident, JournalAction.ASSIGN, text)
        _route(problems, edit, category_id, tier=1, assignee_id=assignee_id)
        problems.raise_if_any()
        now = session.clock.now()
        edit.set("stage", Stage.ASSIGNED)
        if incident.assigned_at is None:
            edit.set("assigned_at", now, journal=False)
        return _finish(edit, now)

    return session.write(run)


def _route(problems: Problems, edit: IncidentEdit, category_id: int | None, tier: int,
           assignee_id: int | None) -> None:
    """Set category, group and assignee the way R14 says: the category decides the group."""
    incident = edit.incident
    if category_id is not None and category_id != incident.category_id:
        category = active_category(problems, category_id)
    else:
        category = Category.get_by_id(incident.category_id)
    if category is None:
        return
    group_id = category.tier2_group_id if tier == 2 else category.group_id
    if group_id is None:
        problems.add("tier", "validation.no_tier2_group")
        return
    if active_group(problems, group_id, "category") is None:
        return
    edit.set("category", category.id)
    edit.set("group", group_id)
    member = group_member(problems, group_id, assignee_id)
    edit.set("assignee", member)


# -- accept ------------------------------------------------------------------------------
def check_accept(session: Session, incident: Incident) -> None:
    if not perm.is_support_staff(session, incident):
        raise perm.who_may(session, incident, "accept", group=True)
    check_move(Move.ACCEPT, Stage(incident.stage), incident.wait_code_id is not None)


@checked
def accept(session: Session, incident_id: int, *, impact: Impact | int | None = None,
           version: int | None = None) -> Changes:
    """Assigned → In progress: a member of the group takes the incident, and may judge its
    impact anew (R11)."""

    def run() -> Changes:
        incident = load_incident(incident_id, version)
        check_accept(session, incident)
        problems = Problems()
        edit = IncidentEdit(session, incident, JournalAction.ACCEPT)
        if impact is not None:
            value = enum_value(problems, "impact", Impact, impact)
            problems.raise_if_any()
            assert value is not None
            reprioritise(edit, value, Urgency(incident.urgency))
        now = session.clock.now()
        edit.set("stage", Stage.IN_PROGRESS)
        edit.set("assignee", session.user_id)
        if incident.accepted_at is None:
            edit.set("accepted_at", now, journal=False)
        return _finish(edit, now)

    return session.write(run)


# -- transfer ----------------------------------------------------------------------------
def check_transfer(session: Session, incident: Incident) -> None:
    allowed = session.has(Role.SERVICE_DESK, Role.INCIDENT_MANAGER) or perm.is_support_staff(
        session, incident)
    if not allowed:
        raise perm.who_may(session, incident, "transfer",
                           (Role.SERVICE_DESK, Role.INCIDENT_MANAGER), group=True)
    check_move(Move.TRANSFER, Stage(incident.stage), incident.wait_code_id is not None)


@checked
def transfer(session: Session, incident_id: int, *, note: str, category_id: int | None = None,
             tier: int | None = None, assignee_id: int | None = None,
             version: int | None = None) -> Changes:
    """Assigned/In progress → Assigned, to another group or person (R06, R14). The third
    transfer escalates the incident (R07)."""

    def run() -> Changes:
        incident = load_incident(incident_id, version)
        check_transfer(session, incident)
        problems = Problems()
        text = clean_text(problems, "note", note, required=True)
        edit = IncidentEdit(session, incident, JournalAction.TRANSFER, text)
        old_group, old_assignee = incident.group_id, incident.assignee_id
        level = tier
        if level not in (None, 1, 2):
            problems.add("tier", "validation.invalid_choice")
        if level is None:
            # a new category dispatches to its own first-line group; otherwise stay on the
            # level the incident is at, so that a transfer to a person keeps the group
            recategorised = category_id is not None and category_id != incident.category_id
            level = 1 if recategorised or incident.group_id != Category.get_by_id(
                incident.category_id).tier2_group_id else 2
        _route(problems, edit, category_id, level, assignee_id)
        problems.raise_if_any()
        if (incident.group_id, incident.assignee_id) == (old_group, old_assignee):
            raise RuleViolation("rule.transfer_needs_target")
        now = session.clock.now()
        edit.set("stage", Stage.ASSIGNED)
        edit.set("reassignment_count", incident.reassignment_count + 1)
        escalations: frozenset[int] = frozenset()
        if incident.reassignment_count == TRANSFER_LIMIT:
            escalation_id = escalate(edit, EscalationReason.TRANSFERS, now)
            if escalation_id is not None:
                escalations = frozenset({escalation_id})
        return _finish(edit, now, escalations)

    return session.write(run)


# -- resolve, reject, confirm -------------------------------------------------------------
def check_resolve(session: Session, incident: Incident) -> None:
    check_move(Move.RESOLVE, Stage(incident.stage), incident.wait_code_id is not None)
    if incident.stage == Stage.LOGGED.value:
        perm.require_role(session, "resolve", Role.SERVICE_DESK)  # first-contact resolution
    else:
        if not (perm.is_support_staff(session, incident) or session.has(Role.INCIDENT_MANAGER)):
            raise perm.who_may(session, incident, "resolve", (Role.INCIDENT_MANAGER,),
                               group=True)


@checked
def resolve(session: Session, incident_id: int, *, resolution: str,
            resolution_type: ResolutionType | str = ResolutionType.RESOLUTION,
            knowledge: bool = False, version: int | None = None) -> Changes:
    """In progress → Resolved (or Logged → Resolved at first contact): a resolution or a
    workaround has restored the service."""
    return session.write(lambda: resolve_in_transaction(
        session, incident_id, resolution, resolution_type, knowledge, version))


def resolve_in_transaction(session: Session, incident_id: int, resolution: str,
                           resolution_type: ResolutionType | str, knowledge: bool,
                           version: int | None) -> Changes:
    incident = load_incident(incident_id, version)
    check_resolve(session, incident)
    problems = Problems()
    text = clean_text(problems, "resolution", resolution, required=True)
    kind = enum_value(problems, "resolution_type", ResolutionType, resolution_type)
    problems.raise_if_any()
    now = session.clock.now()
    edit = IncidentEdit(session, incident, JournalAction.RESOLVE)
    edit.set("stage", Stage.RESOLVED)
    edit.set("resolution", text)
    edit.set("resolution_type", kind)
    edit.set("knowledge", bool(knowledge))
    edit.set("resolved_at", now, journal=False)
    edit.set("resolved_by", session.user_id)
    edit.set("confirmed_at", None, journal=False)
    edit.set("confirmed_by", None, journal=False)
    changes = _finish(edit, now)
    if knowledge:
        from desk_app.services.knowledge.articles import draft_from_incident

        draft_from_incident(session, incident.id)  # a resolution marked as knowledge
    return changes


CALLER_SIDE = (Role.SERVICE_DESK, Role.INCIDENT_MANAGER)


def _caller_side(session: Session, incident: Incident) -> bool:
    """The people who speak with the caller about the result: desk, recorder, manager."""
    return session.has(*CALLER_SIDE) or perm.is_recorder(
        session, incident)


def check_reject(session: Session, incident: Incident) -> None:
    if not _caller_side(session, incident):
        raise perm.who_may(session, incident, "reject", CALLER_SIDE, recorder=True)
    check_move(Move.REJECT, Stage(incident.stage), incident.wait_code_id is not None)


@checked
def reject_resolution(session: Session, incident_id: int, *, reason: str,
                      version: int | None = None) -> Changes:
    """Resolved → In progress: the caller does not confirm the result. Not a reopen: the
    incident goes back to whoever resolved it and the restore clock runs again."""

    def run() -> Changes:
        incident = load_incident(incident_id, version)
        check_reject(session, incident)
        problems = Problems()
        text = clean_text(problems, "reason", reason, required=True)
        problems.raise_if_any()
        edit = IncidentEdit(session, incident, JournalAction.REJECT, text)
        edit.set("stage", Stage.IN_PROGRESS)
        if incident.assignee_id is None:  # resolved at first contact: the resolver has it
            edit.set("assignee", incident.resolved_by_id)
        if incident.accepted_at is None:
            edit.set("accepted_at", session.clock.now(), journal=False)
        edit.set("resolved_at", None, journal=False)
        edit.set("confirmed_at", None, journal=False)
        edit.set("confirmed_by", None, journal=False)
        return _finish(edit, session.clock.now())

    return session.write(run)


def check_confirm(session: Session, incident: Incident) -> None:
    if not _caller_side(session, incident):
        raise perm.who_may(session, incident, "confirm", CALLER_SIDE, recorder=True)
    if incident.stage != Stage.RESOLVED.value:
        raise RuleViolation("rule.confirm_needs_resolved")
    if incident.confirmed_at is not None:
        raise RuleViolation("rule.already_confirmed")


@checked
def confirm_resolution(session: Session, incident_id: int, *, note: str = "",
                       version: int | None = None) -> Changes:
    """Record that the caller confirmed the result (R21 needs it before closing)."""

    def run() -> Changes:
        incident = load_incident(incident_id, version)
        check_confirm(session, incident)
        problems = Problems()
        text = clean_text(problems, "note", note, required=False)
        problems.raise_if_any()
        edit = IncidentEdit(session, incident, JournalAction.CONFIRM, text)
        now = session.clock.now()
        edit.set("confirmed_at", now)
        edit.set("confirmed_by", session.user_id)
        return _finish(edit, now)

    return session.write(run)


# -- close -------------------------------------------------------------------------------
def check_close(session: Session, incident: Incident) -> None:
    if not perm.is_recorder(session, incident):  # R20
        raise perm.who_may(session, incident, "close", recorder=True)
    check_move(Move.CLOSE, Stage(incident.stage), incident.wait_code_id is not None)


def satisfaction_required(session: Session) -> bool:
    """R22: a ticket closed by the service desk needs the caller's satisfaction result."""
    return session.has(Role.SERVICE_DESK)


@checked
def close(session: Session, incident_id: int, *, close_code_id: int | None, notes: str,
          satisfaction: int | None = None, version: int | None = None,
          caller_confirmed_now: bool = False) -> Changes:
    """Resolved → Closed, by the person who logged it (R20), with a confirmed result, a
    resolution and notes (R21), the caller's satisfaction when the closer is the service desk
    (R22), and a close code (R23). Closed is final (R24).

    ``caller_confirmed_now``: the closer has the caller on the line and the caller confirms
    the result now; the confirmation and the closure are recorded in one transaction, so
    that the closing form can offer it instead of refusing after it was filled in."""

    def run() -> Changes:
        incident = load_incident(incident_id, version)
        check_close(session, incident)
        problems = Problems()
        confirming = incident.confirmed_at is None and bool(caller_confirmed_now)
        if incident.confirmed_at is None and not confirming:
            problems.add("confirmed", "validation.confirm_first")
        if not incident.resolution.strip():
            problems.add("resolution", "validation.required")
        text = clean_text(problems, "notes", notes, required=True)
        code = CloseCode.get_or_none(CloseCode.id == close_code_id) if close_code_id else None
        if close_code_id is None:
            problems.add("close_code", "validation.required")
        elif code is None or not code.active or code.system:
            problems.add("close_code", "validation.invalid_choice")
        if satisfaction_required(session):
            if satisfaction is None:
                problems.add("satisfaction", "validation.satisfaction_required")
            elif not isinstance(satisfaction, int) or not 1 <= satisfaction <= 5:
                problems.add("satisfaction", "validation.satisfaction_range")
        elif satisfaction is not None and (
                not isinstance(satisfaction, int) or not 1 <= satisfaction <= 5):
            problems.add("satisfaction", "validation.satisfaction_range")
        problems.raise_if_any()
        assert code is not None
        now = session.clock.now()
        if confirming:
            check_confirm(session, incident)
            confirmation = IncidentEdit(session, incident, JournalAction.CONFIRM)
            confirmation.set("confirmed_at", now)
            confirmation.set("confirmed_by", session.user_id)
            confirmation.save()
        edit = IncidentEdit(session, incident, JournalAction.CLOSE, text)
        edit.set("stage", Stage.CLOSED)
        edit.set("close_code", code.id)
        edit.set("close_notes", text, journal=False)
        edit.set("satisfaction", satisfaction)
        edit.set("closed_at", now, journal=False)
        edit.set("closed_by", session.user_id)
        return _finish(edit, now)

    return session.write(run)


def auto_close(store: Store, clock: Clock, batch: int = 200) -> Changes:
    """R23: close incidents resolved more than ``auto_close_days`` ago, with the system close
    code. Interpretation: any Resolved incident that old, confirmed or not, since a confirmed
    one that its recorder forgot to close is just as finished."""
    session = system_session(store, clock)
    total = Changes()

    def run() -> tuple[Changes, bool]:
        now = clock.now()
        days = int(get_setting("auto_close_days"))
        code = CloseCode.get(CloseCode.code == CLOSE_AUTO)
        due = list(_closable(Incident.select(), now, days)
                   .order_by(Incident.resolved_at).limit(batch))
        if not due:
            return Changes(), False
        sync = ClockSync.cached(session)
        ledger = ClockLedger()
        ledger.load(i.id for i in due)
        journal = JournalRows(session)
        edits = []
        for incident in due:
            note = f"auto_close_days={days}"
            edit = IncidentEdit(session, incident, JournalAction.AUTO_CLOSE, note)
            edit.set("stage", Stage.CLOSED)
            edit.set("close_code", code.id)
            edit.set("close_notes", note, journal=False)
            edit.set("closed_at", now, journal=False)
            sync(edit, now, ledger, journal)
            edits.append(edit)
        ledger.flush()
        save_all(edits, journal)
        journal.flush()
        changed = frozenset(i.id for i in due)
        return Changes(incidents=changed), len(due) == batch

    # most rounds nothing is due: find that out without taking the write lock, which every
    # workstation's round would otherwise take in turn
    if not store.read(lambda: _closable(Incident.select(Incident.id), clock.now(),
                                        int(get_setting("auto_close_days"))).exists()):
        return total
    while True:
        changes, more = store.write(run)
        total |= changes
        if not more:
            return total


def _closable(query: Any, now: datetime, days: int) -> Any:
    """``query`` narrowed to the resolved incidents R23 closes at ``now``. An imported
    incident resolved long ago waits as long from its import: no automatic closure for what
    happened before the import."""
    recent = ImportReference.select(ImportReference.local_id).where(
        (ImportReference.kind == "incident")
        & (ImportReference.imported_at > now - timedelta(days=days)))
    return query.where((Incident.stage == Stage.RESOLVED.value)
                       & (Incident.resolved_at <= now - timedelta(days=days))
                       & Incident.id.not_in(recent))
