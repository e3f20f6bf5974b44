"""Call tasks (R09): phone (the primary channel) and verbal notifications are calls that the
service desk on duty (R03) makes. A task is done when someone records that the call was made
and the person was reached; a call that did not reach them brings the task back after the
configured minutes (inside the person's working hours for priority 2–4).

There is one open task per incident and person: later escalations join it and add to its
reasons (``services.alerts.tasks``), and it ends by itself when its reason ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desk_app.delivery.config import load_config
from desk_app.delivery.hours import calendars_of, due_time
from desk_app.domain.enums import EscalationReason, NotificationState, Role
from desk_app.domain.validation import Problems, clean_text
from desk_app.errors import RuleViolation
from desk_app.i18n import label, text
from desk_app.services import permissions as perm
from desk_app.services.alerts import tasks as call_tasks_store
from desk_app.services.alerts.language import languages_of
from desk_app.services.alerts.roster import desk_at
from desk_app.services.arguments import checked
from desk_app.services.session import Changes, Session
from desk_app.storage.models import (
    CallAttempt,
    Escalation,
    Incident,
    Notification,
    User,
)

CALL_CHANNELS = call_tasks_store.CALL_CHANNELS


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
    #: every reason the task still has, first the one that opened it (``reason``)
    reasons: tuple[str, ...] = ()
    #: the escalations behind the task (the first is ``escalation_id``)
    escalation_ids: tuple[int, ...] = ()
    #: the signed-in person already called about it (their follow-up): listed first
    own: bool = False
    #: what to tell the person called, in that person's language
    script: str = ""


def _may_call(session: Session, now: datetime) -> bool:
    return session.has(Role.INCIDENT_MANAGER) or (
        session.user_id is not None and session.user_id in desk_at(now))


def call_tasks(session: Session) -> list[CallTask]:
    """The open call tasks due now, for the service desk on duty (or the incident manager),
    one per incident and person: the signed-in person's own follow-ups first, then the most
    urgent (priority, then waiting longest). An empty list for anyone else, whose screen then
    says they are not on duty."""

    def run() -> list[CallTask]:
        now = session.clock.now()
        if not _may_call(session, now):
            return []
        rows = list(Notification.select()
                    .where(Notification.channel.in_(CALL_CHANNELS)
                           & (Notification.state == NotificationState.PENDING.value)
                           & Notification.joined_to.is_null()
                           & (Notification.next_attempt_at <= now))
                    .order_by(Notification.next_attempt_at, Notification.id))
        joined = call_tasks_store.joined_rows(r.id for r in rows)
        escalation_ids = {r.escalation_id for r in rows} | {
            j.escalation_id for js in joined.values() for j in js}
        escalations = {e.id: e for e in Escalation.select().where(
            Escalation.id.in_(escalation_ids))}
        incidents = {i.id: i for i in Incident.select(
            Incident.id, Incident.number, Incident.title).where(
            Incident.id.in_({e.incident_id for e in escalations.values()}))}
        people = {u.id: u for u in User.select(User.id, User.full_name, User.phone).where(
            User.id.in_({r.recipient_id for r in rows}))}
        languages = languages_of(people)
        calls: dict[int, list[CallRecord]] = {}
        mine: set[int] = set()
        for attempt in (CallAttempt.select(CallAttempt, User.id, User.full_name).join(User)
                        .where(CallAttempt.notification.in_([r.id for r in rows]))
                        .order_by(CallAttempt.called_at)):
            calls.setdefault(attempt.notification_id, []).append(CallRecord(
                attempt.called_at, attempt.called_by.full_name, attempt.reached, attempt.note))
            if attempt.called_by.id == session.user_id:
                mine.add(attempt.notification_id)
        tasks = []
        for row in rows:
            escalation = escalations[row.escalation_id]
            incident = incidents[escalation.incident_id]
            person = people[row.recipient_id]
            behind = [escalation] + [escalations[j.escalation_id]
                                     for j in joined.get(row.id, ())]
            open_ones = [e for e in behind if e.acknowledged_at is None] or behind
            reasons = tuple(dict.fromkeys(e.reason for e in open_ones))
            priority = min(e.new_priority for e in open_ones)
            lang = languages.get(person.id, "zh")
            script = text("alerts.call_script", lang, number=incident.number,
                          title=incident.title, priority=priority,
                          reasons=text("alerts.list_separator", lang).join(
                              label(EscalationReason(r), lang) for r in reasons))
            tasks.append(CallTask(
                row.id, escalation.id, incident.id, incident.number, incident.title,
                priority, escalation.reason, row.channel, person.full_name,
                person.phone, row.next_attempt_at, tuple(calls.get(row.id, ())),
                reasons, tuple(dict.fromkeys(e.id for e in behind)), row.id in mine, script))
        tasks.sort(key=lambda t: (not t.own, t.priority, t.due_since, t.notification_id))
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
        if (row is None or row.channel not in CALL_CHANNELS or row.joined_to_id is not None
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
        if reached:  # the call told them every reason of the task
            call_tasks_store.reached(row.id, now)
        return Changes(escalations=frozenset({row.escalation_id}), notifications=True)

    return session.write(run)
