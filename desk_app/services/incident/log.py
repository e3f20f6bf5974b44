"""Logging an incident (R01, R02, R11–R14, R19), editing its fields (R10), work notes."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.domain.enums import (
    ContactChannel,
    Impact,
    IncidentType,
    JournalAction,
    ResolutionType,
    Role,
    Stage,
    Urgency,
)
from desk_app.domain.priority import default_urgency, priority_of
from desk_app.domain.validation import TITLE_MAX, Problems, clean_text, enum_value
from desk_app.errors import RuleViolation
from desk_app.services import permissions as perm
from desk_app.services.arguments import checked
from desk_app.services.incident.editing import IncidentEdit, load_incident, write_journal
from desk_app.services.incident.lookups import (
    active_caller,
    active_category,
    active_group,
    closed_incident,
)
from desk_app.services.incident.priority import reprioritise
from desk_app.services.incident.workflow import resolve_in_transaction
from desk_app.services.process.reference import reference
from desk_app.services.process.targets import start_clocks, sync_clocks
from desk_app.services.session import Changes, Session
from desk_app.storage.bulk import insert_instance, next_id
from desk_app.storage.models import Incident


@dataclass
class NewIncident:
    """What the service desk fills in when a caller reports an incident."""

    caller_id: int | None
    type: IncidentType | str | None
    category_id: int | None
    impact: Impact | int | None
    title: str
    description: str = ""
    channel: ContactChannel | str = ContactChannel.PHONE  # R02: phone is the default
    urgency: Urgency | int | None = None  # None: the R12 default for the caller
    linked_incident_id: int | None = None  # R24: a new incident may point at a closed one


@dataclass
class FirstContactResolution:
    """R05 Logged → Resolved: the desk resolves the incident while the caller is on the line."""

    resolution: str
    resolution_type: ResolutionType | str = ResolutionType.RESOLUTION
    knowledge: bool = False


@checked
def log_incident(session: Session, form: NewIncident,
                 resolve: FirstContactResolution | None = None) -> Changes:
    """Log an incident; with ``resolve``, resolve it at first contact in the same write."""
    return session.write(lambda: _log(session, form, resolve))


def check_log(session: Session) -> None:
    """R02/R04: the service desk logs every incident."""
    perm.require_role(session, "log", Role.SERVICE_DESK)


def _log(session: Session, form: NewIncident,
         resolve: FirstContactResolution | None) -> Changes:
    check_log(session)
    problems = Problems()
    caller = active_caller(problems, form.caller_id)
    incident_type = enum_value(problems, "type", IncidentType, form.type)
    channel = enum_value(problems, "channel", ContactChannel, form.channel or "phone")
    category = active_category(problems, form.category_id)
    if category is not None:
        active_group(problems, category.group_id, "category")
    impact = enum_value(problems, "impact", Impact, form.impact)
    urgency = (
        enum_value(problems, "urgency", Urgency, form.urgency)
        if form.urgency is not None else None
    )
    title = clean_text(problems, "title", form.title, required=True, max_length=TITLE_MAX,
                       single_line=True)
    description = clean_text(problems, "description", form.description, required=False)
    closed_incident(problems, form.linked_incident_id)  # R24
    if resolve is not None:
        clean_text(problems, "resolution", resolve.resolution, required=True)
        enum_value(problems, "resolution_type", ResolutionType, resolve.resolution_type)
    problems.raise_if_any()
    assert caller is not None and category is not None and impact is not None
    assert incident_type is not None and channel is not None

    if urgency is None:
        urgency = default_urgency(caller.vip)
    priority = priority_of(reference(session.store).matrix, Impact(impact), Urgency(urgency))
    now = session.clock.now()
    new_id = next_id(Incident)
    incident = Incident(
        id=new_id,
        number=f"INC{new_id:07d}",
        type=incident_type,
        channel=channel,
        caller=caller.id,
        category=category.id,
        group=category.group_id,
        impact=int(impact),
        urgency=int(urgency),
        priority=priority.value,
        stage=Stage.LOGGED.value,
        title=title,
        description=description,
        created_by=session.user_id,
        created_at=now,
        updated_at=now,
        linked_incident=form.linked_incident_id,
    )
    # R19: match the service targets and set the first deadline before the row is written
    clocks = start_clocks(IncidentEdit(session, incident, JournalAction.UPDATE), now)
    insert_instance(incident)
    write_journal(session, incident.id, JournalAction.LOG, {
        "stage": (None, Stage.LOGGED.value), "priority": (None, priority.value),
        "impact": (None, int(impact)), "urgency": (None, int(urgency)),
        "category": (None, category.id), "group": (None, category.group_id),
    }, at=now)
    clocks.flush()
    if resolve is not None:
        resolve_in_transaction(session, incident.id, resolve.resolution, resolve.resolution_type,
                               resolve.knowledge, None)
    return Changes(incidents=frozenset({incident.id}), created=incident.id)


@dataclass
class IncidentFields:
    """Fields a person may correct on an open incident; None leaves a field as it is."""

    title: str | None = None
    description: str | None = None
    type: IncidentType | str | None = None
    channel: ContactChannel | str | None = None
    caller_id: int | None = None
    category_id: int | None = None  # only while Logged; later, a transfer routes (R14)
    impact: Impact | int | None = None
    urgency: Urgency | int | None = None


@checked
def update_incident(session: Session, incident_id: int, fields: IncidentFields,
                    version: int | None = None) -> Changes:
    return session.write(lambda: _update(session, incident_id, fields, version))


def _update(session: Session, incident_id: int, fields: IncidentFields,
            version: int | None) -> Changes:
    incident = load_incident(incident_id, version)
    if incident.stage == Stage.CLOSED.value:
        raise RuleViolation("rule.closed_final")
    staff = session.has(Role.SERVICE_DESK, Role.INCIDENT_MANAGER)
    if not (staff or perm.is_support_staff(session, incident)):
        raise perm.who_may(session, incident, "update",
                           (Role.SERVICE_DESK, Role.INCIDENT_MANAGER), group=True)
    problems = Problems()
    edit = IncidentEdit(session, incident, JournalAction.UPDATE)
    if fields.title is not None:
        edit.set("title", clean_text(problems, "title", fields.title, required=True,
                                     max_length=TITLE_MAX, single_line=True))
    if fields.description is not None:
        edit.set("description", clean_text(problems, "description", fields.description,
                                           required=False))
    if fields.type is not None:
        kind = enum_value(problems, "type", IncidentType, fields.type)
        if kind is not None:
            edit.set("type", kind)
    if fields.channel is not None:
        channel = enum_value(problems, "channel", ContactChannel, fields.channel)
        if channel is not None:
            edit.set("channel", channel)
    if fields.caller_id is not None:
        caller = active_caller(problems, fields.caller_id)
        if caller is not None:
            edit.set("caller", caller.id)
    if fields.category_id is not None and fields.category_id != incident.category_id:
        refusal = category_edit_refusal(incident)
        if refusal is not None:
            problems.add("category", refusal)
        else:
            category = active_category(problems, fields.category_id)
            if category is not None:
                edit.set("category", category.id)
                edit.set("group", category.group_id)
    if fields.urgency is not None and fields.urgency != incident.urgency:
        check_urgency_edit(session)
    if fields.impact is not None or fields.urgency is not None:
        impact = enum_value(problems, "impact", Impact, fields.impact or incident.impact)
        urgency = enum_value(problems, "urgency", Urgency, fields.urgency or incident.urgency)
        problems.raise_if_any()
        assert impact is not None and urgency is not None
        reprioritise(edit, impact, urgency)
    problems.raise_if_any()
    if not edit.values:
        return Changes()
    now = session.clock.now()
    sync_clocks(edit, now)
    edit.save()
    return Changes(incidents=frozenset({incident.id}))


def category_edit_refusal(incident: Incident) -> str | None:
    """R14: the category is corrected in place only while Logged; after that a transfer
    routes the incident to the new category's group. The message key, or None."""
    return None if incident.stage == Stage.LOGGED.value else "validation.category_by_transfer"


def check_urgency_edit(session: Session) -> None:
    """R12: urgency is the desk's judgement of the caller's need."""
    perm.require(session.has(Role.SERVICE_DESK, Role.INCIDENT_MANAGER), "change_urgency")


@checked
def add_note(session: Session, incident_id: int, note: str) -> Changes:
    """A work note on the timeline; any signed-in person may add one to an open incident."""

    def run() -> Changes:
        incident = load_incident(incident_id)
        if incident.stage == Stage.CLOSED.value:
            raise RuleViolation("rule.closed_final")
        perm.require(not session.is_system and bool(session.roles), "note")
        problems = Problems()
        text = clean_text(problems, "note", note, required=True)
        problems.raise_if_any()
        write_journal(session, incident.id, JournalAction.NOTE, note=text)
        return Changes(incidents=frozenset({incident.id}))

    return session.write(run)
