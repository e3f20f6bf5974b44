"""Acknowledging settles it (R08, R09): an acknowledged escalation is read for everyone it
was sent to, its pop-ups stop and its calls end; a person can mark their whole inbox read;
the inbox can be read grouped by incident; and the sign-in summary counts what waits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import fn

from desk_app.domain.enums import NotificationChannel, NotificationState
from desk_app.services.alerts import tasks
from desk_app.services.alerts.inbox import InboxEntry, inbox
from desk_app.services.arguments import checked
from desk_app.services.session import Changes, Session
from desk_app.storage.bulk import tuples
from desk_app.storage.models import Escalation, Notice, Notification

DESKTOP = NotificationChannel.DESKTOP.value
#: Desktop rows not yet shown, or shown and waiting: acknowledging ends them.
_LIVE_DESKTOP = (NotificationState.PENDING.value, NotificationState.SENT.value)


def settle_acknowledged(escalation: Escalation, user_id: int | None, now: datetime) -> None:
    """Inside the acknowledgement's transaction: every recipient's rows of ``escalation``
    are read, its desktop alerts end, and its call tasks end unless another unacknowledged
    escalation of the incident still needs the call."""
    unread = (Notification.escalation == escalation.id) & Notification.acknowledged_at.is_null()
    (Notification.update(state=NotificationState.ACKNOWLEDGED.value, lease_owner=None,
                         lease_until=None)
     .where(unread & (Notification.channel == DESKTOP)
            & Notification.state.in_(_LIVE_DESKTOP))
     .execute())
    Notification.update(acknowledged_at=now, acknowledged_by=user_id).where(unread).execute()
    tasks.settle([escalation.incident_id], now)


def _mine(session: Session):  # type: ignore[no-untyped-def]
    return Notification.recipient == (session.user_id or 0)


def mark_all_read(session: Session) -> Changes:
    """Mark every notification and notice of the signed-in person read (the inbox's "mark all
    read"); their pop-ups and reminders stop. Reading does not acknowledge an escalation
    (R08: that is the supervisor's act on the review screen)."""

    def run() -> Changes:
        now = session.clock.now()
        unread = _mine(session) & Notification.acknowledged_at.is_null()
        escalations = {e for (e,) in tuples(Notification.select(Notification.escalation)
                                             .where(unread).distinct())}
        (Notification.update(state=NotificationState.ACKNOWLEDGED.value, lease_owner=None,
                             lease_until=None)
         .where(unread & (Notification.channel == DESKTOP)
                & Notification.state.in_(_LIVE_DESKTOP))
         .execute())
        read = Notification.update(acknowledged_at=now, acknowledged_by=session.user_id).where(
            unread).execute()
        notices = Notice.update(read_at=now).where(
            (Notice.recipient == (session.user_id or 0)) & Notice.read_at.is_null()).execute()
        changed = bool(read or notices)
        return Changes(escalations=frozenset(escalations), notifications=changed)

    return session.write(run)


def awaiting_acknowledgement(session: Session) -> int:
    """Escalations the signed-in person was notified of that nobody has acknowledged yet: the
    figure of the sign-in summary ("12 escalations wait for your acknowledgement")."""
    return session.read(lambda: int(
        Notification.select(fn.COUNT(fn.DISTINCT(Notification.escalation)))
        .join(Escalation, on=(Notification.escalation == Escalation.id))
        .where(_mine(session) & Escalation.acknowledged_at.is_null()).scalar() or 0))


@dataclass(frozen=True)
class IncidentGroup:
    """The inbox entries of one incident, newest first: one line per incident in the inbox."""

    incident_id: int
    number: str
    title: str
    entries: tuple[InboxEntry, ...]

    @property
    def unread(self) -> int:
        return sum(1 for e in self.entries if e.unread)

    @property
    def latest(self) -> datetime:
        return max(e.at for e in self.entries)

    @property
    def priority(self) -> int:
        return min(e.priority for e in self.entries)


@checked
def inbox_by_incident(session: Session, *, unread_only: bool = False) -> list[IncidentGroup]:
    """The inbox grouped by incident: groups with something unread first, then the newest."""
    groups: dict[int, list[InboxEntry]] = {}
    for entry in inbox(session, unread_only=unread_only):
        # a notice is a group of its own (keyed apart from every incident)
        key = entry.incident_id if entry.notice_id is None else -entry.notice_id
        groups.setdefault(key, []).append(entry)
    result = [IncidentGroup(max(i, 0), es[0].number, es[0].title, tuple(es))
              for i, es in groups.items()]
    result.sort(key=lambda g: (g.unread == 0, -g.latest.timestamp(), g.incident_id))
    return result
