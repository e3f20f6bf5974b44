"""The tables. One model a table; rules live in ``services``, not here.

Every editable row carries ``version`` for compare-and-set updates (ARCHITECTURE.md).
Stored enumerations are the ``value`` strings of ``desk_app.domain.enums`` and are
checked by the database too, so that no path can write a value the core does not know.
"""

from __future__ import annotations

from enum import Enum
from importlib import resources
from typing import Any

from peewee import (
    SQL,
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    Check,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from desk_app.domain.enums import (
    ChangeState,
    ClockState,
    ContactChannel,
    EscalationReason,
    IncidentType,
    JournalAction,
    NotificationChannel,
    NotificationState,
    RecipientKind,
    ResolutionType,
    Role,
    Stage,
    TargetStage,
)
from desk_app.storage.binding import StoreProxy
from desk_app.storage.fields import UtcField

database = StoreProxy()


def _one_of(column: str, enum: type[Enum], nullable: bool = False) -> Any:
    values = ", ".join(f"'{member.value}'" for member in enum)
    clause = f"{column} IN ({values})"
    return Check(f"{column} IS NULL OR {clause}" if nullable else clause)


def _level(column: str, nullable: bool = False) -> Any:
    clause = f"{column} BETWEEN 1 AND 4"
    return Check(f"{column} IS NULL OR {clause}" if nullable else clause)


class BaseModel(Model):
    id: Any  # for type checkers: peewee adds the column, and ``Model.id`` is an expression

    class Meta:
        database = database
        legacy_table_names = False


class Versioned(BaseModel):
    version = IntegerField(default=1)


class WorkingCalendar(Versioned):
    code = CharField(unique=True)
    name_en = CharField()
    name_zh = CharField()
    timezone = CharField(default="Asia/Shanghai")
    always = BooleanField(default=False)
    makeup_weekday = IntegerField(default=0, constraints=[Check("makeup_weekday BETWEEN 0 AND 6")])


class User(Versioned):
    username = CharField(unique=True)
    full_name = CharField(index=True)  # the queue's sort by assignee
    email = CharField(default="")
    phone = CharField(default="")
    password_hash = CharField()
    language = CharField(default="")
    calendar = ForeignKeyField(WorkingCalendar, null=True)  # working hours, for alerts
    calendar_id: int | None
    active = BooleanField(default=True)
    created_at = UtcField()
    # schema 22 (docs/security.md): failed sign-ins, the lock after too many, a reset password
    failed_signins = IntegerField(default=0)
    last_failed_at = UtcField(null=True)
    locked = BooleanField(default=False)
    must_change_password = BooleanField(default=False)


class UserRole(BaseModel):
    user = ForeignKeyField(User, backref="role_rows", on_delete="CASCADE")
    user_id: int
    role = CharField(constraints=[_one_of("role", Role)])

    class Meta:
        indexes = ((("user", "role"), True),)


class Department(Versioned):
    name_en = CharField()
    name_zh = CharField()
    head = ForeignKeyField(User, null=True)
    head_id: int | None


class SupportGroup(Versioned):
    code = CharField(unique=True)
    name_en = CharField(index=True)  # the queue's sort by group
    name_zh = CharField(index=True)
    tier = IntegerField(default=1, constraints=[Check("tier IN (1, 2)")])
    department = ForeignKeyField(Department, null=True)
    department_id: int | None
    email = CharField(default="")
    active = BooleanField(default=True)


class GroupMember(BaseModel):
    group = ForeignKeyField(SupportGroup, backref="member_rows", on_delete="CASCADE")
    group_id: int
    user = ForeignKeyField(User, backref="group_rows", on_delete="CASCADE")
    user_id: int

    class Meta:
        indexes = ((("group", "user"), True), (("user",), False))


class Caller(Versioned):
    name = CharField(index=True)  # the queue's sort by caller
    phone = CharField(default="")
    email = CharField(default="")
    department = ForeignKeyField(Department, null=True)
    department_id: int | None
    location = CharField(default="")
    vip = BooleanField(default=False)
    active = BooleanField(default=True)


class Category(Versioned):
    code = CharField(unique=True)
    name_en = CharField(index=True)  # the queue's sort by category
    name_zh = CharField(index=True)
    group = ForeignKeyField(SupportGroup, backref="categories")
    group_id: int
    tier2_group = ForeignKeyField(SupportGroup, null=True)
    tier2_group_id: int | None
    active = BooleanField(default=True)


class ImpactLevel(BaseModel):
    value = IntegerField(primary_key=True, constraints=[_level("value")])
    name_en = CharField()
    name_zh = CharField()
    description_en = TextField(default="")  # schema 28: what the level means (R11)
    description_zh = TextField(default="")
    version = IntegerField(default=1)


class UrgencyLevel(BaseModel):
    value = IntegerField(primary_key=True, constraints=[_level("value")])
    name_en = CharField()
    name_zh = CharField()
    description_en = TextField(default="")  # schema 28: what the level means (R12)
    description_zh = TextField(default="")
    version = IntegerField(default=1)


class PriorityLevel(BaseModel):
    value = IntegerField(primary_key=True, constraints=[_level("value")])
    name_en = CharField()
    name_zh = CharField()
    color = CharField()


class PriorityCell(Versioned):
    """R13: one row per impact × urgency pair; rows are only ever updated, never removed."""

    impact = IntegerField(constraints=[_level("impact")])
    urgency = IntegerField(constraints=[_level("urgency")])
    priority = IntegerField(constraints=[_level("priority")])

    class Meta:
        indexes = ((("impact", "urgency"), True),)


class CalendarHours(BaseModel):
    calendar = ForeignKeyField(WorkingCalendar, backref="hours", on_delete="CASCADE")
    calendar_id: int
    weekday = IntegerField(constraints=[Check("weekday BETWEEN 0 AND 6")])
    start_minute = IntegerField()
    end_minute = IntegerField()

    class Meta:
        constraints = [SQL("CHECK (start_minute >= 0 AND start_minute < end_minute "
                           "AND end_minute <= 1440)")]


class CalendarDay(BaseModel):
    """A holiday (``working`` false) or a make-up working day (``working`` true)."""

    calendar = ForeignKeyField(WorkingCalendar, backref="days", on_delete="CASCADE")
    calendar_id: int
    day = CharField()  # ISO date, local to the calendar
    working = BooleanField()
    note = CharField(default="")

    class Meta:
        indexes = ((("calendar", "day"), True),)


class ServiceTarget(Versioned):
    """R15/R19: the time allowed for a stage at a priority, counted on a calendar."""

    priority = IntegerField(constraints=[_level("priority")])
    stage = CharField(constraints=[_one_of("stage", TargetStage)])
    minutes = IntegerField(constraints=[Check("minutes > 0")])
    calendar = ForeignKeyField(WorkingCalendar)
    calendar_id: int

    class Meta:
        indexes = ((("priority", "stage"), True),)


class WaitCode(Versioned):
    code = CharField(unique=True)
    name_en = CharField()
    name_zh = CharField()
    system = BooleanField(default=False)
    active = BooleanField(default=True)


class CloseCode(Versioned):
    code = CharField(unique=True)
    name_en = CharField()
    name_zh = CharField()
    system = BooleanField(default=False)
    active = BooleanField(default=True)


class Setting(Versioned):
    key = CharField(primary_key=True)
    value = TextField()


class Incident(Versioned):
    number = CharField(unique=True)
    type = CharField(constraints=[_one_of("type", IncidentType)])
    channel = CharField(constraints=[_one_of("channel", ContactChannel)])
    caller = ForeignKeyField(Caller, index=False)
    caller_id: int
    category = ForeignKeyField(Category, index=False)  # incident_category_order
    category_id: int
    group = ForeignKeyField(SupportGroup, index=False)
    group_id: int
    assignee = ForeignKeyField(User, null=True, index=False)
    assignee_id: int | None
    impact = IntegerField(constraints=[_level("impact")])
    urgency = IntegerField(constraints=[_level("urgency")])
    priority = IntegerField(constraints=[_level("priority")])
    stage = CharField(constraints=[_one_of("stage", Stage)])
    wait_code = ForeignKeyField(WaitCode, null=True, index=False)
    wait_code_id: int | None
    pending_since = UtcField(null=True)
    title = CharField()
    description = TextField(default="")
    resolution = TextField(default="")
    resolution_type = CharField(null=True, constraints=[
        _one_of("resolution_type", ResolutionType, nullable=True)])
    knowledge = BooleanField(default=False)
    close_code = ForeignKeyField(CloseCode, null=True, index=False)
    close_code_id: int | None
    close_notes = TextField(default="")
    satisfaction = IntegerField(null=True, constraints=[
        Check("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5")])
    confirmed_at = UtcField(null=True)
    confirmed_by = ForeignKeyField(User, null=True, index=False)
    confirmed_by_id: int | None
    created_by = ForeignKeyField(User, index=False)
    created_by_id: int
    created_at = UtcField()
    updated_at = UtcField()
    assigned_at = UtcField(null=True)
    accepted_at = UtcField(null=True)
    resolved_at = UtcField(null=True)
    resolved_by = ForeignKeyField(User, null=True, index=False)
    resolved_by_id: int | None
    closed_at = UtcField(null=True)
    # null with a closed_at: the system closed it (R23)
    closed_by = ForeignKeyField(User, null=True, index=False)
    closed_by_id: int | None
    reassignment_count = IntegerField(default=0)
    escalation_count = IntegerField(default=0)
    next_deadline = UtcField(null=True, index=True)
    linked_incident = ForeignKeyField("self", null=True, index=False)
    linked_incident_id: int | None

    class Meta:
        indexes = (
            (("stage", "priority"), False),
            (("group", "stage"), False),
            (("assignee", "stage"), False),
            (("created_by", "stage"), False),
            (("stage", "resolved_at"), False),
            (("updated_at",), False),
        )


# the Pending queue (migration 0003): only pending incidents are in it
Incident.add_index(Incident.index(Incident.wait_code, name="incident_pending")
                   .where(Incident.wait_code.is_null(False)))
# incidents linked to a closed one (R24, migration 0005): few rows, so a partial index
Incident.add_index(Incident.index(Incident.linked_incident, name="incident_linked")
                   .where(Incident.linked_incident.is_null(False)))


# the reports (migration 0011): incidents by the moment of the event counted
# (widened by migration 0027 so that what the reports read per incident is in the index)
Incident.add_index(Incident.index(Incident.created_at, Incident.resolved_at, Incident.assignee,
                                  name="incident_created_at"))
Incident.add_index(Incident.index(Incident.resolved_at, Incident.created_at, Incident.assignee,
                                  Incident.resolved_by, name="incident_resolved_at")
                   .where(Incident.resolved_at.is_null(False)))
Incident.add_index(Incident.index(Incident.closed_at, name="incident_closed_at")
                   .where(Incident.closed_at.is_null(False)))
Incident.add_index(Incident.index(Incident.closed_at, Incident.satisfaction, Incident.group,
                                  Incident.resolved_by, name="incident_rated")
                   .where(Incident.satisfaction.is_null(False)))


def _queue_order_indexes() -> list[str]:
    """Migration 0006's indexes on expressions, which peewee cannot describe: the same
    statements, read from the migration (the schema test holds both to the same text)."""
    script = resources.files(__package__).joinpath("migrations").joinpath(
        "0006_queue_order.sql").read_text(encoding="utf-8")
    return [line.rstrip(";") for line in script.splitlines()
            if line.startswith('CREATE INDEX "incident_')]


for _statement in _queue_order_indexes():
    Incident.add_index(SQL(_statement))


class ChangeRequest(Versioned):
    """R18: a change raised from an incident, which waits for it."""

    number = CharField(unique=True)
    incident = ForeignKeyField(Incident, backref="changes")
    incident_id: int
    title = CharField()
    description = TextField(default="")
    state = CharField(default=ChangeState.OPEN.value, constraints=[_one_of("state", ChangeState)])
    outcome = TextField(default="")
    created_by = ForeignKeyField(User)
    created_by_id: int
    created_at = UtcField()
    closed_by = ForeignKeyField(User, null=True)
    closed_by_id: int | None
    closed_at = UtcField(null=True)

    class Meta:
        indexes = ((("incident", "state"), False),)


class TargetClock(BaseModel):
    """One stage's target for one incident at one priority (R15, R19).

    ``elapsed_seconds`` is the working time of the stage's closed runs on this clock's
    calendar; while running, ``due_at`` is when the target runs out. A re-match after a
    priority change supersedes the row and starts a new one, so the history keeps both.
    """

    incident = ForeignKeyField(Incident, backref="clocks", on_delete="CASCADE", index=False)
    incident_id: int
    stage = CharField(constraints=[_one_of("stage", TargetStage)])
    priority = IntegerField(constraints=[_level("priority")])
    target_minutes = IntegerField()
    calendar = ForeignKeyField(WorkingCalendar)
    calendar_id: int
    state = CharField(constraints=[_one_of("state", ClockState)])
    started_at = UtcField()
    elapsed_seconds = IntegerField(default=0)
    running_since = UtcField(null=True)
    due_at = UtcField(null=True)
    breached_at = UtcField(null=True)
    stopped_at = UtcField(null=True)

    class Meta:
        indexes = ((("incident", "stage", "state"), False),)


# the reports (migration 0011, its state added by 0027): stopped clocks by stage and
# moment, covering what they read
TargetClock.add_index(TargetClock.index(
    TargetClock.stage, TargetClock.stopped_at, TargetClock.priority, TargetClock.elapsed_seconds,
    TargetClock.target_minutes, TargetClock.started_at, TargetClock.incident,
    TargetClock.state, name="target_clock_stopped")
    .where(TargetClock.state == "stopped"))


class ClockRun(BaseModel):
    """An interval in which a stage's clock ran (R16): pending and resolved time are gaps."""

    incident = ForeignKeyField(Incident, on_delete="CASCADE", index=False)
    incident_id: int
    stage = CharField(constraints=[_one_of("stage", TargetStage)])
    started_at = UtcField()
    ended_at = UtcField(null=True)

    class Meta:
        indexes = ((("incident", "stage"), False),)


class Journal(BaseModel):
    """The incident's history (R10): every change, who made it, when, old and new values."""

    id = AutoField()
    incident = ForeignKeyField(Incident, backref="journal", on_delete="CASCADE", index=False)
    incident_id: int
    at = UtcField()
    actor = ForeignKeyField(User, null=True, index=False)  # null: the system
    actor_id: int | None
    action = CharField(constraints=[_one_of("action", JournalAction)])
    changes = TextField(default="{}")  # JSON: {field: [old, new]}
    note = TextField(default="")
    # schema 22: the row's place in the hash chain and its link, set by the trigger
    seq = IntegerField(null=True)
    chain = TextField(null=True)

    class Meta:
        indexes = ((("incident", "id"), False), (("seq",), False))


# the reports' pending time (migration 0027): which incidents ever changed their wait code
Journal.add_index(Journal.index(Journal.incident, Journal.id, name="journal_wait")
                  .where(Journal.action.in_(["pend", "resume", "raise_change"])))


class Escalation(Versioned):
    """R07/R08. Unique per incident and reason: a trigger escalates an incident once."""

    incident = ForeignKeyField(Incident, backref="escalations", on_delete="CASCADE",
                               index=False)
    incident_id: int
    reason = CharField(constraints=[_one_of("reason", EscalationReason)])
    at = UtcField()
    actor = ForeignKeyField(User, null=True)
    actor_id: int | None
    old_urgency = IntegerField()
    new_urgency = IntegerField()
    old_priority = IntegerField()
    new_priority = IntegerField()
    acknowledged_at = UtcField(null=True)
    acknowledged_by = ForeignKeyField(User, null=True)
    acknowledged_by_id: int | None
    ack_comment = TextField(default="")

    class Meta:
        indexes = ((("incident", "reason"), True), (("acknowledged_at", "at"), False),
                   (("at",), False))


class EscalationRule(Versioned):
    """R09: when, besides the incident managers, someone else is told and how."""

    name_en = CharField()
    name_zh = CharField()
    recipient = CharField(constraints=[_one_of("recipient", RecipientKind)])
    user = ForeignKeyField(User, null=True)
    user_id: int | None
    max_priority = IntegerField(null=True, constraints=[_level("max_priority", nullable=True)])
    min_escalations = IntegerField(null=True)
    reason = CharField(null=True, constraints=[_one_of("reason", EscalationReason, nullable=True)])
    category = ForeignKeyField(Category, null=True)
    category_id: int | None
    channels = CharField()  # comma-separated NotificationChannel values
    active = BooleanField(default=True)


class Notification(BaseModel):
    """R09: one row per escalation, recipient and channel, with its delivery state."""

    escalation = ForeignKeyField(Escalation, backref="notifications", on_delete="CASCADE",
                                 index=False)
    escalation_id: int
    recipient = ForeignKeyField(User, index=False)
    recipient_id: int
    channel = CharField(constraints=[_one_of("channel", NotificationChannel)])
    state = CharField(default=NotificationState.PENDING.value,
                      constraints=[_one_of("state", NotificationState)])
    attempts = IntegerField(default=0)
    next_attempt_at = UtcField(null=True)
    lease_owner = CharField(null=True)
    lease_until = UtcField(null=True)
    last_error = TextField(default="")
    created_at = UtcField()
    sent_at = UtcField(null=True)
    acknowledged_at = UtcField(null=True)
    acknowledged_by = ForeignKeyField(User, null=True)
    acknowledged_by_id: int | None
    #: schema 24: the call task (its first phone/verbal row) that this call joined
    joined_to = ForeignKeyField("self", null=True, on_delete="SET NULL")
    joined_to_id: int | None
    #: schema 24: why the row is in its state (a key of the alerts catalogue's reasons)
    state_reason = CharField(default="")

    class Meta:
        indexes = (
            (("escalation", "recipient", "channel"), True),
            (("state", "channel", "next_attempt_at"), False),
            (("recipient", "state"), False),
            (("channel", "state", "next_attempt_at"), False),  # 0002: delivery claims
        )


class Notice(BaseModel):
    """Schema 24: something a person is told once in the inbox (e.g. that e-mail is not
    configured, and where to configure it); unique per person and kind."""

    recipient = ForeignKeyField(User, on_delete="CASCADE", index=False)
    recipient_id: int
    kind = CharField()
    created_at = UtcField()
    read_at = UtcField(null=True)

    class Meta:
        indexes = ((("recipient", "kind"), True),)


class DutyShift(Versioned):
    """R03: a span of time in which the people assigned to it staff the service desk."""

    starts_at = UtcField()
    ends_at = UtcField()
    note = CharField(default="")

    class Meta:
        constraints = (SQL("CHECK (starts_at < ends_at)"),)
        indexes = ((("starts_at", "ends_at"), False), (("ends_at",), False))


class DutyAssignment(BaseModel):
    """R03: one L1 person on the service desk for one shift."""

    shift = ForeignKeyField(DutyShift, backref="assignments", on_delete="CASCADE", index=False)
    user = ForeignKeyField(User)
    shift_id: int
    user_id: int

    class Meta:
        indexes = ((("shift", "user"), True),)


class CallAttempt(BaseModel):
    """R09: a call made for a phone or verbal notification (a call task): who called, when,
    and whether the person was reached."""

    notification = ForeignKeyField(Notification, backref="calls", on_delete="CASCADE",
                                   index=False)
    called_by = ForeignKeyField(User)
    notification_id: int
    called_by_id: int
    called_at = UtcField()
    reached = BooleanField()
    note = TextField(default="")

    class Meta:
        indexes = ((("notification", "called_at"), False),)


class Presence(BaseModel):
    """A program that has the file open: who, from which workstation, last heartbeat.

    For the administrator's screen, and for maintenance, which asks every present program to
    let go and waits until each has (``released``) or has gone silent."""

    token = CharField(unique=True)  # one per open of the file (``Store.token``)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    username = CharField()
    full_name = CharField(default="")
    workstation = CharField()
    pid = IntegerField()
    program_version = CharField()
    schema_version = IntegerField()
    started_at = UtcField()
    heartbeat_at = UtcField(index=True)
    state = CharField(default="active", constraints=[Check("state IN ('active', 'released')")])


class Maintenance(BaseModel):
    """The single row that says whether the file is under maintenance (a restore or an
    upgrade), by whom, and since when; ``generation`` counts restores, so that a
    workstation that opened the file before a restore knows to reopen it."""

    id = IntegerField(primary_key=True, constraints=[Check("id = 1")])
    active = BooleanField(default=False)
    reason = CharField(null=True, constraints=[
        Check("reason IS NULL OR reason IN ('migration', 'restore', 'move')")])
    token = CharField(null=True)
    username = CharField(default="")
    workstation = CharField(default="")
    started_at = UtcField(null=True)
    generation = IntegerField(default=0)


class SavedQueue(Versioned):
    """A queue a person built from conditions (``services.bulk.saved_queues``): personal, or
    shared with everyone who works in the file. The conditions are JSON."""

    name = CharField()
    owner = ForeignKeyField(User, on_delete="CASCADE", index=False)
    owner_id: int
    shared = BooleanField(default=False)
    conditions = TextField(default="{}")
    created_at = UtcField()
    updated_at = UtcField()

    class Meta:
        indexes = ((("owner", "name"), True), (("shared",), False))


MODELS: list[type[BaseModel]] = [
    WorkingCalendar, User, UserRole, Department, SupportGroup, GroupMember, Caller, Category,
    ImpactLevel, UrgencyLevel, PriorityLevel, PriorityCell,
    CalendarHours, CalendarDay, ServiceTarget,
    WaitCode, CloseCode, Setting,
    Incident, ChangeRequest, TargetClock, ClockRun, Journal,
    Escalation, EscalationRule, Notification, Notice,
    DutyShift, DutyAssignment, CallAttempt,
    Presence, Maintenance,
    SavedQueue,
]


# -- knowledge, templates and attachments (migration 0026) ---------------------------------
class KnowledgeArticle(Versioned):
    """A reusable resolution: drafted from a resolution marked as knowledge, reviewed and
    published by Level-2 staff or the process owner, retired when it no longer applies."""

    number = CharField(unique=True)
    state = CharField(constraints=[Check("state IN ('draft', 'published', 'retired')")])
    language = CharField(constraints=[Check("language IN ('en', 'zh')")])
    category = ForeignKeyField(Category, null=True)
    category_id: int | None
    symptom = TextField()
    cause = TextField(default="")
    resolution = TextField()
    source_incident = ForeignKeyField(Incident, null=True, unique=True, on_delete="SET NULL")
    source_incident_id: int | None
    created_by = ForeignKeyField(User, null=True, index=False)
    created_by_id: int | None
    created_at = UtcField()
    updated_at = UtcField()
    published_at = UtcField(null=True)
    published_by = ForeignKeyField(User, null=True, index=False)
    published_by_id: int | None

    class Meta:
        indexes = ((("state", "updated_at"), False),)


class KnowledgeRevision(BaseModel):
    """An article as it was after each change (R10's idea for articles): who, when, what."""

    article = ForeignKeyField(KnowledgeArticle, backref="revisions", on_delete="CASCADE",
                              index=False)
    article_id: int
    revision = IntegerField()
    action = CharField(constraints=[Check(
        "action IN ('draft', 'create', 'edit', 'publish', 'retire', 'restore')")])
    actor = ForeignKeyField(User, null=True, index=False)
    actor_id: int | None
    at = UtcField()
    state = CharField()
    language = CharField()
    category = ForeignKeyField(Category, null=True, index=False)
    category_id: int | None
    symptom = TextField()
    cause = TextField(default="")
    resolution = TextField()

    class Meta:
        indexes = ((("article", "revision"), True),)


class KnowledgeUse(BaseModel):
    """An incident resolved at first contact with an article's or an earlier incident's
    resolution: the count of incidents each solution resolved."""

    incident = ForeignKeyField(Incident, unique=True, on_delete="CASCADE")
    incident_id: int
    article = ForeignKeyField(KnowledgeArticle, null=True, on_delete="SET NULL")
    article_id: int | None
    source_incident = ForeignKeyField(Incident, null=True, on_delete="SET NULL")
    source_incident_id: int | None
    at = UtcField()
    actor = ForeignKeyField(User, null=True, index=False)
    actor_id: int | None


class IncidentTemplate(Versioned):
    """A common incident's starting point, kept by the process owner."""

    name = CharField()
    language = CharField(constraints=[Check("language IN ('en', 'zh')")])
    category = ForeignKeyField(Category)
    category_id: int
    impact = IntegerField(constraints=[_level("impact")])
    title = CharField()
    description = TextField(default="")
    active = BooleanField(default=True)


class Attachment(BaseModel):
    """A file or screenshot on an incident. Its bytes are in ``attachment_chunk``, so that
    nothing that reads incidents or this list reads them."""

    incident = ForeignKeyField(Incident, on_delete="CASCADE", index=False)
    incident_id: int
    name = CharField()
    media_type = CharField(default="application/octet-stream")
    size = IntegerField(constraints=[Check("size >= 0")])
    sha256 = CharField()
    thumbnail = BlobField(null=True)
    created_by = ForeignKeyField(User, null=True, index=False)
    created_by_id: int | None
    created_at = UtcField()

    class Meta:
        indexes = ((("incident", "id"), False),)


class AttachmentChunk(BaseModel):
    attachment = ForeignKeyField(Attachment, on_delete="CASCADE", index=False)
    attachment_id: int
    seq = IntegerField()
    data = BlobField()

    class Meta:
        indexes = ((("attachment", "seq"), True),)


MODELS += [KnowledgeArticle, KnowledgeRevision, KnowledgeUse, IncidentTemplate, Attachment,
           AttachmentChunk]


class ImportReference(BaseModel):
    """A row brought in from another tool (issue 15): the source's own key for it, so that
    importing the same export again changes nothing and a later export adds and updates.
    ``kind`` is what the row is here (incident, caller, user, group, category);
    ``fingerprint`` is a digest of the source rows it was built from, and
    ``incident_version`` the version the import left an incident at (a later change made
    here is never overwritten by an import)."""

    source = CharField()
    kind = CharField(constraints=[Check(
        "kind IN ('incident', 'caller', 'user', 'group', 'category', 'wait_code', "
        "'close_code')")])
    external_key = CharField()
    local_id = IntegerField()
    fingerprint = CharField(default="")
    incident_version = IntegerField(null=True)
    imported_at = UtcField()

    class Meta:
        indexes = ((("source", "kind", "external_key"), True), (("kind", "local_id"), False))


class ImportMapping(BaseModel):
    """What a person chose for an import from one source, remembered for the next:
    ``kind`` 'column' maps one of our fields to their column, the others map one of their
    values (a state, a category…) to ours."""

    source = CharField()
    kind = CharField()
    their_value = CharField()
    our_value = CharField()

    class Meta:
        indexes = ((("source", "kind", "their_value"), True),)


MODELS += [ImportReference, ImportMapping]
