"""The closed vocabularies of PROCESS.md, with the values stored in the database.

Names follow the glossary so that a reader can go from a rule to its code.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class IncidentType(StrEnum):
    """R01: the four kinds of incident the process covers."""

    BUSINESS_PROBLEM = "business_problem"
    SYSTEM_FAULT = "system_fault"
    INFORMATION_INQUIRY = "information_inquiry"
    USER_COMPLAINT = "user_complaint"


class ContactChannel(StrEnum):
    """R02: how the caller reached the service desk; phone is the default."""

    PHONE = "phone"
    EMAIL = "email"
    WALK_IN = "walk_in"
    OTHER = "other"


class Stage(StrEnum):
    """R05: the five stages. Pending is a side state kept beside the stage, not a stage."""

    LOGGED = "logged"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


OPEN_STAGES = frozenset({Stage.LOGGED, Stage.ASSIGNED, Stage.IN_PROGRESS})


class Impact(IntEnum):
    """R11, 1 is the widest."""

    EXTENSIVE = 1
    SIGNIFICANT = 2
    MODERATE = 3
    MINOR = 4


class Urgency(IntEnum):
    """R12, 1 is the most urgent."""

    CRITICAL = 1
    HIGH = 2
    MEDIUM = 3
    LOW = 4


class Priority(IntEnum):
    """R13, 1 (very high) to 4 (low)."""

    VERY_HIGH = 1
    HIGH = 2
    MEDIUM = 3
    LOW = 4


class Role(StrEnum):
    """R04. A person may hold several roles (desk staff are drawn from L1, R03)."""

    SERVICE_DESK = "service_desk"
    TIER1 = "tier1"
    TIER2 = "tier2"
    INCIDENT_MANAGER = "incident_manager"
    PROCESS_OWNER = "process_owner"
    DEPARTMENT_HEAD = "department_head"


class TargetStage(StrEnum):
    """R15: the stages that have a target time. Accept is the response target and resolve
    the restore target of R19."""

    ASSIGN = "assign"
    ACCEPT = "accept"
    RESOLVE = "resolve"


class ClockState(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"  # R16: pending
    STOPPED = "stopped"  # the stage was reached
    SUPERSEDED = "superseded"  # R19: re-matched after a priority change; kept as history


class EscalationReason(StrEnum):
    """R07: what triggered an escalation. Each reason escalates an incident at most once."""

    TRANSFERS = "transfers"
    ASSIGN_TARGET = "assign_target"
    ACCEPT_TARGET = "accept_target"
    RESOLVE_TARGET = "resolve_target"

    @classmethod
    def for_stage(cls, stage: TargetStage) -> EscalationReason:
        return cls(f"{stage.value}_target")


class NotificationChannel(StrEnum):
    """R09: phone is the primary channel; phone and verbal become call tasks for the desk."""

    PHONE = "phone"
    VERBAL = "verbal"
    EMAIL = "email"
    SMS = "sms"
    DESKTOP = "desktop"


class NotificationState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # permanent: stays visible for a person to act on
    ACKNOWLEDGED = "acknowledged"
    # schema 24: states that end a row without waiting for ever (docs/escalations.md)
    JOINED = "joined"  # a call joined the open call task of its incident and person
    NOT_NEEDED = "not_needed"  # a call task ended by itself: acknowledged, resolved, closed
    NOT_CONFIGURED = "not_configured"  # no SMTP server / SMS gateway configured
    NO_ADDRESS = "no_address"  # the recipient has no e-mail address / phone number


class ResolutionType(StrEnum):
    RESOLUTION = "resolution"
    WORKAROUND = "workaround"


class ChangeState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class RecipientKind(StrEnum):
    """Who an escalation rule notifies (R09), besides the incident managers who always are."""

    CALLER_DEPARTMENT_HEAD = "caller_department_head"
    GROUP_DEPARTMENT_HEAD = "group_department_head"
    ALL_DEPARTMENT_HEADS = "all_department_heads"
    USER = "user"


class JournalAction(StrEnum):
    LOG = "log"
    UPDATE = "update"
    NOTE = "note"
    ASSIGN = "assign"
    ACCEPT = "accept"
    TRANSFER = "transfer"
    PEND = "pend"
    RESUME = "resume"
    RAISE_CHANGE = "raise_change"
    CLOSE_CHANGE = "close_change"
    RESOLVE = "resolve"
    REJECT = "reject"
    CONFIRM = "confirm"
    CLOSE = "close"
    AUTO_CLOSE = "auto_close"
    ESCALATE = "escalate"
    REPRIORITISE = "reprioritise"
    TARGETS = "targets"
    BREACH = "breach"
    LINK = "link"
