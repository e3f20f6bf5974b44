"""Pending (R16–R18): waiting with a wait code, and changes raised from incidents."""

from __future__ import annotations

from peewee import fn

from desk_app.domain.enums import ChangeState, JournalAction, Role, Stage
from desk_app.domain.lifecycle import check_can_pend, check_can_resume
from desk_app.domain.validation import TITLE_MAX, Problems, clean_text
from desk_app.errors import ConflictError, DeskError, NotFound, RuleViolation
from desk_app.services import permissions as perm
from desk_app.services.arguments import checked
from desk_app.services.incident.editing import IncidentEdit, load_incident, write_journal
from desk_app.services.process.targets import sync_clocks
from desk_app.services.session import Changes, Session
from desk_app.storage.models import ChangeRequest, Incident, WaitCode
from desk_app.storage.reference import WAIT_CHANGE


def _may_pend(session: Session, incident: Incident) -> bool:
    """R17: the recorder, the support staff and the incident manager."""
    return (perm.is_recorder(session, incident) or perm.is_support_staff(session, incident)
            or session.has(Role.INCIDENT_MANAGER))


def check_pend(session: Session, incident: Incident) -> None:
    if not _may_pend(session, incident):
        raise perm.who_may(session, incident, "pend", (Role.INCIDENT_MANAGER,), group=True,
                           recorder=True)
    check_can_pend(Stage(incident.stage), incident.wait_code_id is not None)


def check_resume(session: Session, incident: Incident) -> None:
    if not _may_pend(session, incident):
        raise perm.who_may(session, incident, "resume", (Role.INCIDENT_MANAGER,),
                           group=True, recorder=True)
    check_can_resume(Stage(incident.stage), incident.wait_code_id is not None)
    if _open_changes(incident.id):
        raise RuleViolation("rule.resume_waits_for_change")


def _open_changes(incident_id: int) -> int:
    return int(ChangeRequest.select().where(
        (ChangeRequest.incident == incident_id)
        & (ChangeRequest.state == ChangeState.OPEN.value)).count())


@checked
def set_pending(session: Session, incident_id: int, *, wait_code_id: int | None,
                note: str = "", version: int | None = None) -> Changes:
    """Stop the target clocks while the incident waits on something outside the desk's
    control; a wait code that says what is required (R17)."""

    def run() -> Changes:
        incident = load_incident(incident_id, version)
        check_pend(session, incident)
        problems = Problems()
        text = clean_text(problems, "note", note, required=False)
        code = WaitCode.get_or_none(WaitCode.id == wait_code_id) if wait_code_id else None
        if wait_code_id is None:
            problems.add("wait_code", "validation.required")
        elif code is None or not code.active or code.system:
            problems.add("wait_code", "validation.invalid_choice")
        problems.raise_if_any()
        assert code is not None
        now = session.clock.now()
        edit = IncidentEdit(session, incident, JournalAction.PEND, text)
        edit.set("wait_code", code.id)
        edit.set("pending_since", now, journal=False)
        sync_clocks(edit, now)
        edit.save()
        return Changes(incidents=frozenset({incident.id}))

    return session.write(run)


@checked
def resume(session: Session, incident_id: int, *, note: str = "",
           version: int | None = None) -> Changes:
    def run() -> Changes:
        incident = load_incident(incident_id, version)
        check_resume(session, incident)
        problems = Problems()
        text = clean_text(problems, "note", note, required=False)
        problems.raise_if_any()
        _resume(session, incident, text)
        return Changes(incidents=frozenset({incident.id}))

    return session.write(run)


def _resume(session: Session, incident: Incident, note: str) -> None:
    now = session.clock.now()
    edit = IncidentEdit(session, incident, JournalAction.RESUME, note)
    edit.set("wait_code", None)
    edit.set("pending_since", None, journal=False)
    sync_clocks(edit, now)
    edit.save()


def check_raise_change(session: Session, incident: Incident) -> None:
    if not (perm.is_support_staff(session, incident) or session.has(Role.INCIDENT_MANAGER)):
        raise perm.who_may(session, incident, "raise_change", (Role.INCIDENT_MANAGER,),
                           group=True)
    stage = Stage(incident.stage)
    if stage == Stage.CLOSED:
        raise RuleViolation("rule.closed_final")
    if stage not in (Stage.LOGGED, Stage.ASSIGNED, Stage.IN_PROGRESS):
        raise RuleViolation("rule.pend_not_open", stage=stage)


@checked
def raise_change(session: Session, incident_id: int, *, title: str, description: str = "",
                 version: int | None = None) -> Changes:
    """R18: a change request raised from the incident puts the incident into Pending with the
    system wait code; closing the change resumes it."""

    def run() -> Changes:
        incident = load_incident(incident_id, version)
        check_raise_change(session, incident)
        problems = Problems()
        name = clean_text(problems, "title", title, required=True, max_length=TITLE_MAX,
                          single_line=True)
        text = clean_text(problems, "description", description, required=False)
        problems.raise_if_any()
        now = session.clock.now()
        next_id = (ChangeRequest.select(fn.MAX(ChangeRequest.id)).scalar() or 0) + 1
        change = ChangeRequest.create(
            id=next_id, number=f"CHG{next_id:07d}", incident=incident.id, title=name,
            description=text, created_by=session.user_id, created_at=now)
        edit = IncidentEdit(session, incident, JournalAction.RAISE_CHANGE, change.number)
        if incident.wait_code_id is None:
            # an incident already waiting (for a vendor, say) keeps its reason: the change
            # does not resume it when it closes, the person who set the wait does
            edit.set("wait_code", WaitCode.get(WaitCode.code == WAIT_CHANGE).id)
            edit.set("pending_since", now, journal=False)
        sync_clocks(edit, now)
        edit.save()
        return Changes(incidents=frozenset({incident.id}), created=change.id)

    return session.write(run)


def check_close_change(session: Session, change: ChangeRequest, incident: Incident) -> None:
    """Who may close a change raised from an incident: its author, the incident manager or
    the incident's support staff; and only while it is open."""
    allowed = (session.user_id == change.created_by_id or session.has(Role.INCIDENT_MANAGER)
               or perm.is_support_staff(session, incident))
    perm.require(allowed, "close_change")
    if change.state != ChangeState.OPEN.value:
        raise RuleViolation("rule.change_closed")


@checked
def change_states(session: Session, incident_id: int) -> dict[int, DeskError | None]:
    """Each change raised from the incident, with the refusal closing it would meet now."""

    def run() -> dict[int, DeskError | None]:
        incident = load_incident(incident_id)
        states: dict[int, DeskError | None] = {}
        for change in ChangeRequest.select().where(ChangeRequest.incident == incident_id):
            try:
                check_close_change(session, change, incident)
            except DeskError as error:
                states[change.id] = error
            else:
                states[change.id] = None
        return states

    return session.read(run)


@checked
def close_change(session: Session, change_id: int, *, outcome: str,
                 version: int | None = None) -> Changes:
    """Close a change raised from an incident; the incident resumes when no change it waits
    for is still open (R18)."""

    def run() -> Changes:
        change = ChangeRequest.get_or_none(ChangeRequest.id == change_id)
        if change is None:
            raise NotFound("error.change_not_found", id=change_id)
        if version is not None and change.version != version:
            raise ConflictError(number=change.number, current_version=change.version)
        incident = load_incident(change.incident_id)
        check_close_change(session, change, incident)
        problems = Problems()
        text = clean_text(problems, "outcome", outcome, required=True)
        problems.raise_if_any()
        now = session.clock.now()
        updated = ChangeRequest.update(
            state=ChangeState.CLOSED.value, outcome=text, closed_by=session.user_id,
            closed_at=now, version=change.version + 1,
        ).where((ChangeRequest.id == change.id) & (ChangeRequest.version == change.version)
                ).execute()
        if updated != 1:
            raise ConflictError(number=change.number)
        write_journal(session, incident.id, JournalAction.CLOSE_CHANGE, note=change.number,
                      at=now)
        code = WaitCode.get(WaitCode.code == WAIT_CHANGE)
        if incident.wait_code_id == code.id and not _open_changes(incident.id):
            _resume(session, incident, change.number)
        return Changes(incidents=frozenset({incident.id}))

    return session.write(run)
