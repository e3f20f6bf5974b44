"""Call tasks (R09): phone (the primary channel) and verbal notifications are calls that the
service desk on duty (R03) makes. A task is done when someone records that the call was made
and the person was reached; a call that did not reach them brings the task back after the
configured minutes (inside the person's working hours for priority 2–4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desk_app.delivery.config import load_config
from desk_app.delivery.hours import calendars_of, due_time
from desk_app.domain.enums import NotificationChannel, NotificationState, Role
from desk_app.domain.validation import Problems, clean_text
from desk_app.errors import RuleViolation
from desk_app.services import permissions as perm
from desk_app.services.arguments import checked
from desk_app.services.roster import desk_at
from desk_app.services.session import Changes, Session
from desk_app.storage.models import (
    CallAttempt,
    Escalation,
    Incident,
    Notification,
    User,
)

CALL_CHANNELS = (NotificationChannel.PHONE.value, NotificationChannel.VERBAL.value)


@dataclass(frozen=True)
class CallRecord:
    called_at: datetime
    called_by: str
    reached: bool
    note: str


@dataclass(frozen=True)
class CallTask:
    notification_id: int
    escalation_id: int
    incident_id: int
    number: str
    title: str
    priority: int
    reason: str
    channel: str
    recipient: str
    phone: str
    due_since: datetime
    calls: tuple[CallRecord, ...]


def _may_call(session: Session, now: datetime) -> bool:
    return session.has(Role.INCIDENT_MANAGER) or (
        session.user_id is not None and session.user_id in desk_at(now))


def call_tasks(session: Session) -> list[CallTask]:
    """The calls due now, for the service desk on duty (or the incident manager); an empty
    list for anyone else, whose screen then says they are not on duty."""

    def run() -> list[CallTask]:
        now = session.clock.now()
        if not _may_call(session, now):
            return []
        rows = list(Notification.select()
                    .where(Notification.channel.in_(CALL_CHANNELS)
                           & (Notification.state == NotificationState.PENDING.value)
                           & (Notification.next_attempt_at <= now))
                    .order_by(Notification.next_attempt_at, Notification.id))
        escalations = {e.id: e for e in Escalation.select().where(
            Escalation.id.in_({r.escalation_id for r in rows}))}
        incidents = {i.id: i for i in Incident.select(
            Incident.id, Incident.number, Incident.title).where(
            Incident.id.in_({e.incident_id for e in escalations.values()}))}
        people = {u.id: u for u in User.select(User.id, User.full_name, User.phone).where(
            User.id.in_({r.recipient_id for r in rows}))}
        calls: dict[int, list[CallRecord]] = {}
        for attempt in (CallAttempt.select(CallAttempt, User.full_name).join(User)
                        .where(CallAttempt.notification.in_([r.id for r in rows]))
                        .order_by(CallAttempt.called_at)):
            calls.setdefault(attempt.notification_id, []).append(CallRecord(
                attempt.called_at, attempt.called_by.full_name, attempt.reached, attempt.note))
        tasks = []
        for row in rows:
            escalation = escalations[row.escalation_id]
            incident = incidents[escalation.incident_id]
            person = people[row.recipient_id]
            tasks.append(CallTask(
                row.id, escalation.id, incident.id, incident.number, incident.title,
                escalation.new_priority, escalation.reason, row.channel, person.full_name,
                person.phone, row.next_attempt_at, tuple(calls.get(row.id, ()))))
        tasks.sort(key=lambda t: (t.priority, t.due_since, t.notification_id))
        return tasks

    return session.read(run)


@checked
def record_call(session: Session, notification_id: int, *, reached: bool, note: str = ""
                ) -> Changes:
    """Record one call made for a call task: who called (the signed-in person), when (now),
    whether the person was reached, and a note."""

    def run() -> Changes:
        now = session.clock.now()
        if not _may_call(session, now):
            raise perm.deny("record_call")
        problems = Problems()
        text = clean_text(problems, "note", note, required=False)
        problems.raise_if_any()
        row = Notification.get_or_none(Notification.id == notification_id)
        if (row is None or row.channel not in CALL_CHANNELS
                or row.state != NotificationState.PENDING.value):
            raise RuleViolation("rule.not_a_call_task")
        CallAttempt.create(notification=row.id, called_by=session.user_id, called_at=now,
                           reached=reached, note=text)
        values: dict = {Notification.attempts: row.attempts + 1}
        if reached:
            values.update({Notification.state: NotificationState.SENT.value,
                           Notification.sent_at: now, Notification.last_error: ""})
        else:
            config = load_config()
            escalation = Escalation.get_by_id(row.escalation_id)
            spec = calendars_of([row.recipient_id]).get(row.recipient_id)
            values.update({
                Notification.last_error: "not reached",
                Notification.next_attempt_at: due_time(
                    spec, escalation.new_priority,
                    now + timedelta(minutes=config.call_retry_minutes))})
        updated = (Notification.update(values)
                   .where((Notification.id == row.id)
                          & (Notification.state == NotificationState.PENDING.value)
                          & (Notification.attempts == row.attempts))
                   .execute())
        if updated != 1:  # recorded by someone else in between
            raise RuleViolation("rule.not_a_call_task")
        return Changes(escalations=frozenset({row.escalation_id}), notifications=True)

    return session.write(run)
