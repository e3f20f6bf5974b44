"""R07–R09: escalating an incident, exactly once per trigger, and who is told how.

An escalation is a row unique per (incident, reason); its notifications are rows unique per
(escalation, recipient, channel). ``scan`` finds breached target clocks through the indexed
``next_deadline`` column, so its cost follows the number of incidents due, not the number
stored. Any number of workstations may scan at once: each batch is one ``BEGIN IMMEDIATE``
transaction, and a breach already recorded by another scanner is found and skipped.

A batch reads what it needs in a few queries (the due incidents, their clocks and runs,
the reference data an escalation consults) and writes each kind of row in one statement;
see docs/performance.md for why (a query costs far more to build than to run).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from peewee import SQL, fn

from desk_app.clock import Clock
from desk_app.delivery.faults import fault_point
from desk_app.delivery.hours import due_time
from desk_app.domain.enums import (
    ClockState,
    EscalationReason,
    Impact,
    JournalAction,
    NotificationChannel,
    NotificationState,
    RecipientKind,
    TargetStage,
    Urgency,
)
from desk_app.domain.priority import escalated_urgency, priority_of
from desk_app.services.alerts import tasks
from desk_app.services.incident.editing import IncidentEdit, JournalRows, save_all
from desk_app.services.process.reference import Reference, Rule, reference
from desk_app.services.process.targets import ClockLedger, ClockSync
from desk_app.services.session import Changes, Session, system_session
from desk_app.storage.bulk import insert_rows, tuples
from desk_app.storage.database import Store
from desk_app.storage.models import Caller, Escalation, Incident, Notification, User

RUNNING = ClockState.RUNNING.value
#: R07: the transfer that escalates.
TRANSFER_LIMIT = 3
SCAN_BATCH = 100
#: A bound on one scan's work, so a scan always ends; the next scan continues.
MAX_BATCHES = 200

_ESCALATION_COLUMNS = ("id", "version", "incident", "reason", "at", "actor", "old_urgency",
                       "new_urgency", "old_priority", "new_priority", "ack_comment")
_NOTIFICATION_COLUMNS = ("id", "escalation", "recipient", "channel", "state", "attempts",
                         "last_error", "created_at", "next_attempt_at", "joined_to",
                         "state_reason")
PHONE = NotificationChannel.PHONE.value
#: Where a phone call to a person without a phone number falls back to, in order.
FALLBACK_CHANNELS = (NotificationChannel.EMAIL.value, NotificationChannel.DESKTOP.value)


@dataclass
class Escalations:
    """What escalating reads (R08, R09), read once per transaction, and the escalation and
    notification rows it makes, written by ``flush``."""

    ref: Reference
    caller_departments: dict[int, int | None] = field(default_factory=dict)
    done: set[tuple[int, str]] = field(default_factory=set)  # (incident, reason) escalated
    _known: set[int] = field(default_factory=set)  # incidents whose escalations are in done
    _next_id: int = 0
    _next_notification: int = 0
    _escalations: list[tuple] = field(default_factory=list)
    _notifications: list[list] = field(default_factory=list)
    #: (incident, person) → the open call task's lead row: in the file, or written by flush
    _leads: dict[tuple[int, int], int] = field(default_factory=dict)
    _new_leads: dict[int, list] = field(default_factory=dict)  # lead id → its queued row
    _earlier: dict[int, object] = field(default_factory=dict)  # stored lead → due sooner
    _contacts: dict[int, tuple[str, str]] | None = None  # person → (phone, e-mail)

    @classmethod
    def load(cls, session: Session, incidents: Sequence[Incident] = ()) -> Escalations:
        context = cls(reference(session.store))
        context.prepare(incidents)
        return context

    def prepare(self, incidents: Sequence[Incident]) -> None:
        """Read, for these incidents, their escalations so far and their callers'
        departments, in two queries."""
        ids = [i.id for i in incidents if i.id not in self._known]
        if ids:
            self._known.update(ids)
            self.done.update(tuples(Escalation.select(Escalation.incident, Escalation.reason).where(
                Escalation.incident.in_(ids))))
            self._leads.update(tasks.open_leads(ids))
        callers = {i.caller_id for i in incidents} - set(self.caller_departments)
        if callers:
            self.caller_departments.update(tuples(Caller.select(Caller.id, Caller.department).where(
                Caller.id.in_(callers))))

    def recipients(self, incident: Incident, reason: EscalationReason) -> set[tuple[int, str]]:
        """(user id, channel) pairs for an escalation of ``incident`` (R09)."""
        ref = self.ref
        result = {(m, c) for m in ref.managers for c in ref.manager_channels}
        for rule in ref.rules:
            if rule.max_priority is not None and incident.priority > rule.max_priority:
                continue
            if (rule.min_escalations is not None
                    and incident.escalation_count < rule.min_escalations):
                continue
            if rule.reason is not None and rule.reason != reason.value:
                continue
            if rule.category_id is not None and rule.category_id != incident.category_id:
                continue
            for user_id in self._rule_people(rule, incident):
                result.update((user_id, c) for c in rule.channels)
        return result

    def _rule_people(self, rule: Rule, incident: Incident) -> list[int]:
        heads = self.ref.department_heads
        if rule.recipient == RecipientKind.USER:
            return [rule.user_id] if rule.user_id else []
        if rule.recipient == RecipientKind.ALL_DEPARTMENT_HEADS:
            return [h for h in heads.values() if h is not None]
        if rule.recipient == RecipientKind.CALLER_DEPARTMENT_HEAD:
            department = self.caller_departments.get(incident.caller_id)
        else:
            department = self.ref.group_departments.get(incident.group_id)
        head = heads.get(department) if department is not None else None
        return [head] if head else []

    def record(self, incident: Incident, reason: EscalationReason, actor: int | None,
               now: datetime, old: tuple[int, int], new: tuple[int, int]) -> int:
        """Queue the escalation row and its notifications; returns the escalation's id."""
        if not self._next_id:
            self._next_id = (Escalation.select(Escalation.id).order_by(
                Escalation.id.desc()).limit(1).scalar() or 0) + 1
        escalation_id = self._next_id
        self._next_id += 1
        self.done.add((incident.id, reason.value))
        self._escalations.append((escalation_id, 1, incident.id, reason.value, now, actor,
                                  old[0], new[0], old[1], new[1], ""))
        at = Notification.created_at.db_value(now)
        pending = NotificationState.PENDING.value
        ref = self.ref
        wanted = sorted(self.recipients(incident, reason))
        channels_of: dict[int, set[str]] = {}
        for user_id, channel in wanted:
            channels_of.setdefault(user_id, set()).add(channel)
        for user_id, channel in wanted:
            if user_id not in ref.active_users:
                continue
            calendar = ref.user_calendars.get(user_id)
            # R09: priority 2-4 waits for the recipient's working hours; 1 goes at once
            due = at if calendar is None else Notification.next_attempt_at.db_value(
                due_time(ref.calendars.get(calendar), incident.priority, now))
            if channel == PHONE and not self._contact(user_id)[0]:
                # nobody can phone them: the row says so, and the next channel takes over
                self._queue(escalation_id, user_id, channel,
                            NotificationState.NO_ADDRESS.value, at, None,
                            reason=tasks.WHY_NO_PHONE)
                fallback = next((c for c in FALLBACK_CHANNELS
                                 if c not in channels_of[user_id]
                                 and (c != NotificationChannel.EMAIL.value
                                      or self._contact(user_id)[1])), None)
                if fallback is not None:
                    channels_of[user_id].add(fallback)
                    self._queue(escalation_id, user_id, fallback, pending, at, due,
                                reason=tasks.WHY_FALLBACK)
                continue
            if channel in tasks.CALL_CHANNELS:
                lead = self._leads.get((incident.id, user_id))
                if lead is not None:  # one open call task per incident and person
                    self._queue(escalation_id, user_id, channel, tasks.JOINED, at, due,
                                joined_to=lead)
                    self._sooner(lead, due)
                    continue
                row = self._queue(escalation_id, user_id, channel, pending, at, due)
                self._leads[(incident.id, user_id)] = row[0]
                self._new_leads[row[0]] = row
                continue
            self._queue(escalation_id, user_id, channel, pending, at, due)
        return escalation_id

    def _contact(self, user_id: int) -> tuple[str, str]:
        if self._contacts is None:
            self._contacts = {u: (p or "", e or "") for u, p, e in tuples(
                User.select(User.id, User.phone, User.email).where(User.active))}
        return self._contacts.get(user_id, ("", ""))

    def _queue(self, escalation_id: int, user_id: int, channel: str, state: str, at: object,
               due: object, *, joined_to: int | None = None, reason: str = "") -> list:
        if not self._next_notification:
            self._next_notification = (Notification.select(Notification.id).order_by(
                Notification.id.desc()).limit(1).scalar() or 0) + 1
        row = [self._next_notification, escalation_id, user_id, channel, state, 0, "", at,
               due, joined_to, reason]
        self._next_notification += 1
        self._notifications.append(row)
        return row

    def _sooner(self, lead: int, due: object) -> None:
        """A later reason of a call task may make it due sooner (e.g. priority 1)."""
        queued = self._new_leads.get(lead)
        if queued is not None:
            if due is not None and (queued[8] is None or due < queued[8]):
                queued[8] = due
            return
        known = self._earlier.get(lead)
        if due is not None and (known is None or due < known):  # type: ignore[operator]
            self._earlier[lead] = due

    def flush(self) -> None:
        insert_rows(Escalation, _ESCALATION_COLUMNS, self._escalations)
        insert_rows(Notification, _NOTIFICATION_COLUMNS, self._notifications, ignore=True,
                    converted=True)
        for lead, due in self._earlier.items():
            (Notification.update(next_attempt_at=fn.MIN(Notification.next_attempt_at,
                                                         SQL("?", [due])))
             .where(Notification.id == lead).execute())
        self._escalations.clear()
        self._notifications.clear()
        self._new_leads.clear()
        self._earlier.clear()


def escalate(edit: IncidentEdit, reason: EscalationReason, now: datetime,
             context: Escalations | None = None, journal: JournalRows | None = None
             ) -> int | None:
    """Record an escalation and apply R08 to the edit; None if this reason already escalated
    the incident. The caller re-syncs the clocks and saves the edit. With a ``context`` (and
    a ``journal``) the caller writes the rows; without, they are written now."""
    session, incident = edit.session, edit.incident
    own = context is None
    if context is None:
        context = Escalations.load(session, [incident])
    else:
        context.prepare([incident])
    if (incident.id, reason.value) in context.done:
        return None
    old_urgency, old_priority = incident.urgency, incident.priority
    new_urgency = escalated_urgency(Urgency(old_urgency))
    new_priority = priority_of(context.ref.matrix, Impact(incident.impact), new_urgency)
    edit.set("urgency", new_urgency.value, journal=False)
    edit.set("priority", new_priority.value, journal=False)
    edit.set("escalation_count", incident.escalation_count + 1, journal=False)
    changes: dict[str, tuple[object, object]] = {}
    if new_urgency.value != old_urgency:
        changes["urgency"] = (old_urgency, new_urgency.value)
    if new_priority.value != old_priority:
        changes["priority"] = (old_priority, new_priority.value)
    rows = journal if journal is not None else JournalRows(session)
    rows.add(incident.id, JournalAction.ESCALATE, changes, note=reason.value, at=now)
    escalation_id = context.record(incident, reason, session.user_id, now,
                                   (old_urgency, old_priority),
                                   (new_urgency.value, new_priority.value))
    if own:
        context.flush()
    if journal is None:
        rows.flush()
    return escalation_id


def recipients(session: Session, incident: Incident, reason: EscalationReason
               ) -> set[tuple[int, str]]:
    """(user id, channel) pairs for an escalation of ``incident`` (R09)."""
    return Escalations.load(session, [incident]).recipients(incident, reason)


def scan(store: Store, clock: Clock) -> Changes:
    """Escalate every incident whose target time has run out (R07, R15)."""
    session = system_session(store, clock)
    now = clock.now()
    # most minutes nothing is due: find that out without taking the write lock
    if not store.read(lambda: _due_exists(now)):
        return Changes()
    total = Changes()
    for _ in range(MAX_BATCHES):
        changes, more = store.write(lambda: _scan_batch(session, now))
        total |= changes
        if not more:
            break
    return total


def _due_exists(now: datetime) -> bool:
    return Incident.select(Incident.id).where(Incident.next_deadline <= now).exists()


def _scan_batch(session: Session, now: datetime) -> tuple[Changes, bool]:
    due = list(
        Incident.select()
        .where(Incident.next_deadline <= now)
        .order_by(Incident.next_deadline)
        .limit(SCAN_BATCH)
    )
    if not due:
        return Changes(), False
    sync = ClockSync.cached(session)
    ledger = ClockLedger()
    ledger.load(i.id for i in due)
    context = Escalations.load(session, due)
    journal = JournalRows(session)
    edits = []
    escalations: set[int] = set()
    for incident in due:
        edit = IncidentEdit(session, incident, JournalAction.UPDATE)
        # in stage-name order, the order the clocks' index gives
        for stage, target_clock in sorted(ledger.clocks[incident.id].items()):
            if (target_clock.state != RUNNING
                    or target_clock.breached_at is not None
                    or target_clock.due_at is None or target_clock.due_at > now):
                continue
            target_clock.breached_at = target_clock.due_at
            journal.add(incident.id, JournalAction.BREACH, note=stage, at=now)
            escalation_id = escalate(edit, EscalationReason.for_stage(TargetStage(stage)), now,
                                     context, journal)
            if escalation_id is not None:
                escalations.add(escalation_id)
        sync(edit, now, ledger, journal)
        edits.append(edit)
    context.flush()
    ledger.flush()
    save_all(edits, journal)
    journal.flush()
    if escalations:
        fault_point("scan")  # dying here, before the commit, must escalate nothing
    changes = Changes(incidents=frozenset(i.id for i in due),
                      escalations=frozenset(escalations), notifications=bool(escalations))
    more = _due_exists(now)  # the batch's incidents have their next deadlines by now
    return changes, more
