"""R07–R09: escalating an incident, exactly once per trigger, and who is told how.

An escalation is a row unique per (incident, reason); its notifications are rows unique per
(escalation, recipient, channel). ``scan`` finds breached target clocks through the indexed
``next_deadline`` column, so its cost follows the number of incidents due, not the number
stored. Any number of workstations may scan at once: each batch is one ``BEGIN IMMEDIATE``
transaction, and a breach already recorded by another scanner is found and skipped.
"""

from __future__ import annotations

from datetime import datetime

from desk_app.clock import Clock
from desk_app.delivery.faults import fault_point
from desk_app.delivery.hours import calendars_of, due_time
from desk_app.domain.enums import (
    ClockState,
    EscalationReason,
    Impact,
    JournalAction,
    NotificationChannel,
    RecipientKind,
    Role,
    TargetStage,
    Urgency,
)
from desk_app.domain.priority import escalated_urgency, priority_of
from desk_app.services.editing import IncidentEdit, write_journal
from desk_app.services.matrix import load_matrix
from desk_app.services.session import Changes, Session, system_session
from desk_app.services.settings import get_setting
from desk_app.services.targets import ClockSync
from desk_app.storage.database import Store
from desk_app.storage.models import (
    Caller,
    Department,
    Escalation,
    EscalationRule,
    Incident,
    Notification,
    SupportGroup,
    TargetClock,
    User,
    UserRole,
)

#: R07: the transfer that escalates.
TRANSFER_LIMIT = 3
SCAN_BATCH = 50
#: A bound on one scan's work, so a scan always ends; the next scan continues.
MAX_BATCHES = 200


def escalate(edit: IncidentEdit, reason: EscalationReason, now: datetime) -> int | None:
    """Record an escalation and apply R08 to the edit; None if this reason already escalated
    the incident. The caller re-syncs the clocks and saves the edit."""
    session, incident = edit.session, edit.incident
    if Escalation.select().where(
        (Escalation.incident == incident.id) & (Escalation.reason == reason.value)
    ).exists():
        return None
    old_urgency, old_priority = incident.urgency, incident.priority
    new_urgency = escalated_urgency(Urgency(old_urgency))
    new_priority = priority_of(load_matrix(), Impact(incident.impact), new_urgency)
    escalation_id = Escalation.insert(
        incident=incident.id, reason=reason.value, at=now, actor=session.user_id,
        old_urgency=old_urgency, new_urgency=new_urgency.value,
        old_priority=old_priority, new_priority=new_priority.value,
    ).execute()
    edit.set("urgency", new_urgency.value, journal=False)
    edit.set("priority", new_priority.value, journal=False)
    edit.set("escalation_count", incident.escalation_count + 1, journal=False)
    changes: dict[str, tuple[object, object]] = {}
    if new_urgency.value != old_urgency:
        changes["urgency"] = (old_urgency, new_urgency.value)
    if new_priority.value != old_priority:
        changes["priority"] = (old_priority, new_priority.value)
    write_journal(session, incident.id, JournalAction.ESCALATE, changes, note=reason.value,
                  at=now)
    _notify(int(escalation_id), incident, reason, now)
    return int(escalation_id)


def _channels(value: str) -> list[NotificationChannel]:
    return [NotificationChannel(c.strip()) for c in value.split(",") if c.strip()]


def recipients(incident: Incident, reason: EscalationReason) -> set[tuple[int, str]]:
    """(user id, channel) pairs for an escalation of ``incident`` (R09)."""
    result: set[tuple[int, str]] = set()
    managers = (
        User.select(User.id).join(UserRole)
        .where((UserRole.role == Role.INCIDENT_MANAGER.value) & User.active)
    )
    manager_channels = _channels(get_setting("incident_manager_channels"))
    for manager in managers:
        result.update((manager.id, c.value) for c in manager_channels)

    for rule in EscalationRule.select().where(EscalationRule.active):
        if rule.max_priority is not None and incident.priority > rule.max_priority:
            continue
        if rule.min_escalations is not None and incident.escalation_count < rule.min_escalations:
            continue
        if rule.reason is not None and rule.reason != reason.value:
            continue
        if rule.category_id is not None and rule.category_id != incident.category_id:
            continue
        for user_id in _rule_people(rule, incident):
            result.update((user_id, c.value) for c in _channels(rule.channels))
    return result


def _rule_people(rule: EscalationRule, incident: Incident) -> list[int]:
    kind = RecipientKind(rule.recipient)
    if kind == RecipientKind.USER:
        return [rule.user_id] if rule.user_id else []
    if kind == RecipientKind.ALL_DEPARTMENT_HEADS:
        query = Department.select(Department.head).where(Department.head.is_null(False))
        return [d.head_id for d in query if d.head_id is not None]
    if kind == RecipientKind.CALLER_DEPARTMENT_HEAD:
        department_id = Caller.get_by_id(incident.caller_id).department_id
    else:
        department_id = SupportGroup.get_by_id(incident.group_id).department_id
    if department_id is None:
        return []
    head = Department.get_by_id(department_id).head_id
    return [head] if head else []


def _notify(escalation_id: int, incident: Incident, reason: EscalationReason,
            now: datetime) -> None:
    active = {u.id for u in User.select(User.id).where(User.active)}
    wanted = sorted((u, c) for u, c in recipients(incident, reason) if u in active)
    calendars = calendars_of(u for u, _ in wanted)
    rows = [
        {"escalation": escalation_id, "recipient": user_id, "channel": channel,
         "created_at": now,
         # R09: priority 2-4 waits for the recipient's working hours; priority 1 goes at once
         "next_attempt_at": due_time(calendars.get(user_id), incident.priority, now)}
        for user_id, channel in wanted
    ]
    if rows:
        Notification.insert_many(rows).on_conflict_ignore().execute()


def scan(store: Store, clock: Clock) -> Changes:
    """Escalate every incident whose target time has run out (R07, R15)."""
    session = system_session(store, clock)
    now = clock.now()
    total = Changes()
    for _ in range(MAX_BATCHES):
        changes, more = store.write(lambda: _scan_batch(session, now))
        total |= changes
        if not more:
            break
    return total


def _scan_batch(session: Session, now: datetime) -> tuple[Changes, bool]:
    due = list(
        Incident.select()
        .where(Incident.next_deadline <= now)
        .order_by(Incident.next_deadline)
        .limit(SCAN_BATCH)
    )
    sync = ClockSync() if due else None
    incidents: set[int] = set()
    escalations: set[int] = set()
    for incident in due:
        edit = IncidentEdit(session, incident, JournalAction.UPDATE)
        breached = TargetClock.select().where(
            (TargetClock.incident == incident.id)
            & (TargetClock.state == ClockState.RUNNING.value)
            & TargetClock.breached_at.is_null()
            & (TargetClock.due_at <= now)
        )
        for target_clock in breached:
            target_clock.breached_at = target_clock.due_at
            target_clock.save()
            stage = TargetStage(target_clock.stage)
            write_journal(session, incident.id, JournalAction.BREACH, note=stage.value, at=now)
            escalation_id = escalate(edit, EscalationReason.for_stage(stage), now)
            if escalation_id is not None:
                escalations.add(escalation_id)
        assert sync is not None
        sync(edit, now)
        edit.save()
        incidents.add(incident.id)
    if escalations:
        fault_point("scan")  # dying here, before the commit, must escalate nothing
    changes = Changes(incidents=frozenset(incidents), escalations=frozenset(escalations),
                      notifications=bool(escalations))
    more = len(due) == SCAN_BATCH or Incident.select().where(
        Incident.next_deadline <= now).exists()
    return changes, more

