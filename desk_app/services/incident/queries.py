"""Reading an incident whole: fields, target clocks, history, escalations, changes.

Rows are read in one read transaction and returned as plain data, so that nothing holds a
lock on the shared file while a person looks at the screen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from peewee import Model

from desk_app.errors import NotFound
from desk_app.services.arguments import checked
from desk_app.services.process.reference import reference
from desk_app.services.process.targets import used_seconds
from desk_app.services.session import Session
from desk_app.storage.bulk import get_row, get_rows, select_rows
from desk_app.storage.fields import to_utc
from desk_app.storage.models import (
    Caller,
    Category,
    ChangeRequest,
    CloseCode,
    Escalation,
    Incident,
    Notification,
    SupportGroup,
    TargetClock,
    User,
    WaitCode,
    database,
)


@dataclass
class ClockView:
    stage: str
    priority: int
    target_minutes: int
    calendar_id: int
    state: str
    started_at: datetime
    used_seconds: int
    due_at: datetime | None
    breached_at: datetime | None
    stopped_at: datetime | None


@dataclass
class JournalEntry:
    id: int
    at: datetime
    actor: str | None  # None: the system
    action: str
    changes: dict[str, list[Any]]
    note: str


@dataclass
class EscalationView:
    id: int
    reason: str
    at: datetime
    old_urgency: int
    new_urgency: int
    old_priority: int
    new_priority: int
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    ack_comment: str
    version: int
    notifications: list[tuple[str, str, str]]  # (recipient, channel, state)


@dataclass
class PauseView:
    """A time the incident waited (R16): its target clocks did not run."""

    started_at: datetime
    ended_at: datetime | None  # None: still pending
    wait_code_id: int


def pauses_of(journal: list[JournalEntry]) -> list[PauseView]:
    """The pending intervals the journal records, oldest first; a new wait code while
    pending (a change raised, R18) ends one interval and starts the next."""
    result: list[PauseView] = []
    for entry in journal:
        if "wait_code" not in entry.changes:
            continue
        old, new = entry.changes["wait_code"]
        if old is not None and result and result[-1].ended_at is None:
            result[-1].ended_at = entry.at
        if new is not None:
            result.append(PauseView(entry.at, None, int(new)))
    return result


@dataclass(frozen=True)
class LinkedIncident:
    """An incident named by another one's link (R24), enough to show and open it."""

    id: int
    number: str
    title: str
    stage: str
    closed_at: datetime | None

    @classmethod
    def of(cls, row: Incident) -> LinkedIncident:
        return cls(int(row.id), row.number, row.title, row.stage, row.closed_at)


@dataclass
class IncidentView:
    incident: Incident
    caller: Caller
    category: Category
    group: SupportGroup
    assignee: User | None
    created_by: User
    wait_code: WaitCode | None
    close_code: CloseCode | None
    clocks: list[ClockView] = field(default_factory=list)
    history: list[ClockView] = field(default_factory=list)  # superseded clocks (R19)
    journal: list[JournalEntry] = field(default_factory=list)
    escalations: list[EscalationView] = field(default_factory=list)
    changes: list[ChangeRequest] = field(default_factory=list)
    pauses: list[PauseView] = field(default_factory=list)
    linked: LinkedIncident | None = None  # the closed incident this one follows up (R24)
    linked_from: list[LinkedIncident] = field(default_factory=list)  # incidents that do so


#: Incidents logged as follow-ups of one, newest last (prepared once: a peewee query built
#: on every opening cost more than reading the rest of the form's references).
_LINKED_FROM = ('SELECT "id", "number", "title", "stage", "closed_at" FROM "incident"'
                ' WHERE "linked_incident_id" = ? AND "id" > ? ORDER BY "id"')


def linked_from(incident: Incident) -> list[LinkedIncident]:
    """Incidents logged as follow-ups of ``incident``. Only a closed incident can be linked
    (R24), and only by one logged after it, so nothing else is read: the search runs over
    newer rows only, and not at all for an open incident."""
    if incident.stage != "closed":
        return []
    return [LinkedIncident(int(i), number, title, stage, to_utc(closed_at))
            for i, number, title, stage, closed_at in database.execute_sql(
                _LINKED_FROM, (incident.id, incident.id))]


def find_incident_id(session: Session, key: str | int) -> int:
    """An incident by id or by number (``INC0000042`` or ``42``)."""

    def run() -> int:
        if isinstance(key, bool) or not isinstance(key, str | int):
            raise NotFound("error.incident_not_found", id=str(key)[:40])
        text = str(key).strip().upper()[:40]
        if "\x00" in text or any("\ud800" <= ch <= "\udfff" for ch in text):
            raise NotFound("error.incident_not_found",
                           id=text.encode("utf-8", "replace").decode("utf-8"))
        row = Incident.get_or_none(Incident.number == text)
        digits = text.removeprefix("INC")
        # a number longer than any id (ids are below 2^63) names no incident
        if row is None and digits.isascii() and digits.isdigit() and len(digits) <= 18:
            row = Incident.get_or_none(Incident.id == int(digits))
        if row is None:
            shown = str(key)
            raise NotFound("error.incident_not_found",
                           id=shown if len(shown) <= 40 else shown[:40] + "…")
        return int(row.id)

    return session.read(run)


#: The journal's columns an incident's history shows (read as tuples: a long history made
#: into model objects cost more than the rest of the view together).
JOURNAL_COLUMNS = ("id", "at", "actor", "action", "changes", "note")
_JOURNAL = ('SELECT "id", "at", "actor_id", "action", "changes", "note" FROM "journal"'
            ' WHERE "incident_id" = ? ORDER BY "id"')
_moment = datetime.fromtimestamp  # what ``UtcField`` reads, for the journal's many rows
#: What the form shows of a notification: (escalation, recipient, channel, state).
NOTIFICATION_COLUMNS = ("escalation", "recipient", "channel", "state")

M = TypeVar("M", bound=Model)


def _required(model: type[M], key: int) -> M:
    row = get_row(model, key)
    if row is None:
        raise NotFound("error.not_found", what=model.__name__, id=key)
    return row


def _optional(model: type[M], key: int | None) -> M | None:
    return None if key is None else get_row(model, key)


def _names(ids: set[int]) -> dict[int, str]:
    return {int(i): str(n) for i, n in select_rows(User, ("id", "full_name"), "id", list(ids))}


@checked
def incident_view(session: Session, incident_id: int) -> IncidentView:
    def run() -> IncidentView:
        incident = get_row(Incident, incident_id)
        if incident is None:
            raise NotFound("error.incident_not_found", id=incident_id)
        now = session.clock.now()
        calendars = reference(session.store).calendars
        view = IncidentView(
            incident=incident,
            caller=_required(Caller, incident.caller_id),
            category=_required(Category, incident.category_id),
            group=_required(SupportGroup, incident.group_id),
            assignee=_optional(User, incident.assignee_id),
            created_by=_required(User, incident.created_by_id),
            wait_code=_optional(WaitCode, incident.wait_code_id),
            close_code=_optional(CloseCode, incident.close_code_id),
        )
        for clock in get_rows(TargetClock, "incident", [incident.id]):
            item = ClockView(clock.stage, clock.priority, clock.target_minutes,
                             clock.calendar_id, clock.state, clock.started_at,
                             used_seconds(clock, calendars[clock.calendar_id], now),
                             clock.due_at, clock.breached_at, clock.stopped_at)
            (view.history if clock.state == "superseded" else view.clocks).append(item)
        # the journal as raw rows, each turned into its entry in one pass once the names
        # are known (a long history is most of the form's reading)
        entries = database.execute_sql(_JOURNAL, (incident.id,)).fetchall()
        escalations = get_rows(Escalation, "incident", [incident.id])
        notifications = select_rows(Notification, NOTIFICATION_COLUMNS, "escalation",
                                    [e.id for e in escalations])
        names = _names({e[2] for e in entries if e[2]}
                       | {e.acknowledged_by_id for e in escalations if e.acknowledged_by_id}
                       | {n[1] for n in notifications})
        moment, loads = _moment, json.loads
        view.journal = [
            JournalEntry(entry_id, moment(at, UTC), names.get(actor_id) if actor_id else None,
                         action, loads(changes or "{}"), note)
            for entry_id, at, actor_id, action, changes, note in entries
        ]
        view.escalations = [
            EscalationView(
                e.id, e.reason, e.at, e.old_urgency, e.new_urgency, e.old_priority,
                e.new_priority, e.acknowledged_at, names.get(e.acknowledged_by_id or 0),
                e.ack_comment, e.version,
                [(names.get(recipient, "?"), channel, state)
                 for escalation, recipient, channel, state in notifications
                 if escalation == e.id])
            for e in escalations
        ]
        view.changes = get_rows(ChangeRequest, "incident", [incident.id])
        view.pauses = pauses_of(view.journal)
        if incident.linked_incident_id is not None:
            target = get_row(Incident, incident.linked_incident_id)
            view.linked = LinkedIncident.of(target) if target is not None else None
        view.linked_from = linked_from(incident)
        return view

    return session.read(run)
