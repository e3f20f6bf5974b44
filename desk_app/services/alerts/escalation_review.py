"""What the escalation review screen reads (R08, R09): escalations with filters, each one's
notifications with their delivery state per channel and the calls made, and summary counts
per support group and per week. Supervisors only (incident manager, process owner,
department heads), like acknowledging (``services.alerts.review``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from desk_app.domain.enums import EscalationReason, NotificationState
from desk_app.errors import RuleViolation, ValidationError
from desk_app.services import permissions as perm
from desk_app.services.alerts.review import SUPERVISORS
from desk_app.services.arguments import checked, enum_argument
from desk_app.services.session import Changes, Session
from desk_app.storage.models import (
    CallAttempt,
    Escalation,
    Incident,
    Notification,
    SupportGroup,
    User,
)

#: Weeks of the summary are counted in the service desk's time zone.
WEEK_ZONE = "Asia/Shanghai"
LIST_LIMIT = 1000


@dataclass(frozen=True)
class ReviewFilter:
    state: str = "open"  # "open", "acknowledged" or "all"
    reason: EscalationReason | str | None = None
    priority: int | None = None
    group_id: int | None = None
    since: datetime | None = None  # escalated at or after
    until: datetime | None = None  # escalated before


@dataclass(frozen=True)
class ReviewRow:
    id: int
    version: int
    incident_id: int
    number: str
    title: str
    group_id: int
    group_en: str
    group_zh: str
    reason: str
    old_priority: int
    new_priority: int
    at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    ack_comment: str
    deliveries: tuple[tuple[str, str], ...]  # (channel, worst state over its recipients)


@dataclass(frozen=True)
class CallView:
    called_at: datetime
    called_by: str
    reached: bool
    note: str


@dataclass(frozen=True)
class NotificationView:
    id: int
    recipient: str
    channel: str
    state: str
    attempts: int
    next_attempt_at: datetime | None
    sent_at: datetime | None
    acknowledged_at: datetime | None
    last_error: str
    calls: tuple[CallView, ...]
    #: why the row is in its state (schema 24; ``alerts.why_text`` renders it), else ""
    state_reason: str = ""


@dataclass(frozen=True)
class Summary:
    per_group: tuple[tuple[int, str, str, int, int], ...]  # id, en, zh, open, acknowledged
    per_week: tuple[tuple[date, int, int], ...]  # Monday, open, acknowledged


#: Worst first: the state a channel shows when its recipients differ.
_SEVERITY = [NotificationState.FAILED.value, NotificationState.NO_ADDRESS.value,
             NotificationState.NOT_CONFIGURED.value, NotificationState.PENDING.value,
             NotificationState.JOINED.value, NotificationState.SENT.value,
             NotificationState.NOT_NEEDED.value, NotificationState.ACKNOWLEDGED.value]


def _require_supervisor(session: Session) -> None:
    perm.require_role(session, "review_escalations", *SUPERVISORS)


#: The states the review lists: open ones, acknowledged ones, or every escalation.
STATES = ("open", "acknowledged", "all")


def _checked_filter(f: ReviewFilter) -> ReviewFilter:
    """The filter with its reason as the enumeration's member; an unknown state or reason is
    refused (``@checked`` has checked the kinds of its fields)."""
    if f.state not in STATES:
        raise ValidationError.single("state", "validation.invalid_choice")
    if f.reason is None or f.reason == "":
        return f
    return replace(f, reason=enum_argument("reason", EscalationReason, f.reason))


def _query(f: ReviewFilter):  # type: ignore[no-untyped-def]
    query = (Escalation.select(Escalation, Incident.id, Incident.number, Incident.title,
                               Incident.group, SupportGroup.id, SupportGroup.name_en,
                               SupportGroup.name_zh)
             .join(Incident).join(SupportGroup))
    if f.state == "open":
        query = query.where(Escalation.acknowledged_at.is_null())
    elif f.state == "acknowledged":
        query = query.where(Escalation.acknowledged_at.is_null(False))
    if f.reason:
        query = query.where(Escalation.reason == EscalationReason(f.reason).value)
    if f.priority:
        query = query.where(Escalation.new_priority == f.priority)
    if f.group_id:
        query = query.where(Incident.group == f.group_id)
    if f.since:
        query = query.where(Escalation.at >= f.since)
    if f.until:
        query = query.where(Escalation.at < f.until)
    return query


@checked
def list_escalations(session: Session, f: ReviewFilter = ReviewFilter(),
                     limit: int = LIST_LIMIT) -> list[ReviewRow]:
    f = _checked_filter(f)

    def run() -> list[ReviewRow]:
        _require_supervisor(session)
        rows = list(_query(f).order_by(Escalation.at.desc(), Escalation.id.desc()).limit(limit))
        states: dict[int, dict[str, list[str]]] = {}
        for n in Notification.select(Notification.escalation, Notification.channel,
                                     Notification.state).where(
                Notification.escalation.in_([r.id for r in rows])):
            states.setdefault(n.escalation_id, {}).setdefault(n.channel, []).append(n.state)
        names = {u.id: u.full_name for u in User.select(User.id, User.full_name).where(
            User.id.in_({r.acknowledged_by_id for r in rows if r.acknowledged_by_id}))}
        result = []
        for r in rows:
            deliveries = tuple(sorted(
                (channel, min(values, key=_SEVERITY.index))
                for channel, values in states.get(r.id, {}).items()))
            group = r.incident.group
            result.append(ReviewRow(
                r.id, r.version, r.incident.id, r.incident.number, r.incident.title, group.id,
                group.name_en, group.name_zh, r.reason, r.old_priority, r.new_priority, r.at,
                r.acknowledged_at, names.get(r.acknowledged_by_id), r.ack_comment, deliveries))
        return result

    return session.read(run)


@checked
def notifications_of(session: Session, escalation_id: int) -> list[NotificationView]:
    def run() -> list[NotificationView]:
        _require_supervisor(session)
        rows = list(Notification.select(Notification, User.full_name).join(
            User, on=(Notification.recipient == User.id))
            .where(Notification.escalation == escalation_id)
            .order_by(User.full_name, Notification.channel))
        calls: dict[int, list[CallView]] = {}
        for c in (CallAttempt.select(CallAttempt, User.full_name).join(User)
                  .where(CallAttempt.notification.in_([r.id for r in rows]))
                  .order_by(CallAttempt.called_at)):
            calls.setdefault(c.notification_id, []).append(
                CallView(c.called_at, c.called_by.full_name, c.reached, c.note))
        return [NotificationView(r.id, r.recipient.full_name, r.channel, r.state, r.attempts,
                                 r.next_attempt_at, r.sent_at, r.acknowledged_at, r.last_error,
                                 tuple(calls.get(r.id, ())), r.state_reason) for r in rows]

    return session.read(run)


def _monday(moment: datetime) -> date:
    local = moment.astimezone(ZoneInfo(WEEK_ZONE)).date()
    return local - timedelta(days=local.weekday())


@checked
def summary(session: Session, f: ReviewFilter = ReviewFilter(state="all")) -> Summary:
    """Counts per support group and per week (Monday, in the desk's time zone), split into
    open and acknowledged, for the escalations the filter selects."""
    f = _checked_filter(f)

    def run() -> Summary:
        _require_supervisor(session)
        groups: Counter[tuple[int, str, str, bool]] = Counter()
        weeks: Counter[tuple[date, bool]] = Counter()
        for r in _query(f).order_by(Escalation.at):
            done = r.acknowledged_at is not None
            g = r.incident.group
            groups[(g.id, g.name_en, g.name_zh, done)] += 1
            weeks[(_monday(r.at), done)] += 1
        names = sorted({k[:3] for k in groups}, key=lambda k: k[1])
        per_group = tuple((gid, en, zh, groups[(gid, en, zh, False)],
                           groups[(gid, en, zh, True)]) for gid, en, zh in names)
        mondays = sorted({k[0] for k in weeks})
        if mondays:  # weeks without escalations show as zero, so the chart has no gaps
            current, filled = mondays[0], []
            while current <= mondays[-1]:
                filled.append(current)
                current += timedelta(days=7)
            mondays = filled
        per_week = tuple((m, weeks[(m, False)], weeks[(m, True)]) for m in mondays)
        return Summary(per_group, per_week)

    return session.read(run)


@checked
def retry_notification(session: Session, notification_id: int) -> Changes:
    """Send a failed notification again (after its cause was fixed, e.g. an e-mail address
    added): it goes back to the outbox as due now, with its attempts counted afresh."""

    def run() -> Changes:
        _require_supervisor(session)
        row = Notification.get_or_none(Notification.id == notification_id)
        if row is None or row.state != NotificationState.FAILED.value:
            raise RuleViolation("rule.notification_not_failed")
        (Notification.update(state=NotificationState.PENDING.value, attempts=0,
                             next_attempt_at=session.clock.now(), lease_owner=None,
                             lease_until=None)
         .where((Notification.id == row.id)
                & (Notification.state == NotificationState.FAILED.value)).execute())
        return Changes(escalations=frozenset({row.escalation_id}), notifications=True)

    return session.write(run)


def review_groups(session: Session) -> list[tuple[int, str, str]]:
    """Support groups for the review screen's filter: (id, English, Chinese)."""
    return session.read(lambda: [(g.id, g.name_en, g.name_zh) for g in
                                 SupportGroup.select().order_by(SupportGroup.code)])
