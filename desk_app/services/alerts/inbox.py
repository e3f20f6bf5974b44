"""The in-app inbox (R09): the record of every escalation a person was notified of. It is what
the desktop pop-up points at, and what makes the pop-up stop: an entry alerts again until its
person acknowledges it here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import fn

from desk_app.domain.enums import NotificationChannel, NotificationState
from desk_app.i18n import text
from desk_app.services.arguments import checked
from desk_app.services.session import Changes, Session
from desk_app.storage.models import Escalation, Incident, Notice, Notification

INBOX_LIMIT = 500


@dataclass(frozen=True)
class InboxEntry:
    escalation_id: int
    incident_id: int
    number: str
    title: str
    reason: str
    priority: int
    at: datetime
    channels: tuple[tuple[str, str], ...]  # (channel, delivery state) of my rows
    acknowledged_at: datetime | None
    #: a notice told once (e.g. "e-mail is not configured"), not an escalation: its id, and
    #: its text in the reader's language in ``title``; escalation and incident ids are 0
    notice_id: int | None = None

    @property
    def unread(self) -> bool:
        return self.acknowledged_at is None


def _mine(session: Session):  # type: ignore[no-untyped-def]
    return Notification.recipient == (session.user_id or 0)


def unread_count(session: Session) -> int:
    """Escalations I was notified of and have not acknowledged, and notices I have not read:
    the badge on the inbox."""
    return session.read(lambda: int(
        Notification.select(fn.COUNT(fn.DISTINCT(Notification.escalation)))
        .where(_mine(session) & Notification.acknowledged_at.is_null()).scalar() or 0)
        + unread_notices(session.user_id))


def unread_notices(user_id: int | None) -> int:
    return Notice.select().where((Notice.recipient == (user_id or 0))
                                 & Notice.read_at.is_null()).count()


def _notices(session: Session) -> list[InboxEntry]:
    from desk_app.services.alerts.language import person_language

    rows = list(Notice.select().where(Notice.recipient == (session.user_id or 0))
                .order_by(Notice.created_at.desc(), Notice.id.desc()))
    if not rows:
        return []
    lang = person_language(session.user_id or 0)
    return [InboxEntry(0, 0, text("alerts.notice.title", lang),
                       text(f"alerts.notice.{n.kind}", lang), "", 4, n.created_at, (),
                       n.read_at, notice_id=n.id) for n in rows]


@checked
def inbox(session: Session, *, unread_only: bool = False, limit: int = INBOX_LIMIT
          ) -> list[InboxEntry]:
    def run() -> list[InboxEntry]:
        rows = list(Notification.select().where(_mine(session)))
        by_escalation: dict[int, list[Notification]] = {}
        for row in rows:
            by_escalation.setdefault(row.escalation_id, []).append(row)
        escalations = list(Escalation.select(Escalation, Incident.id, Incident.number,
                                             Incident.title)
                           .join(Incident)
                           .where(Escalation.id.in_(list(by_escalation)))
                           .order_by(Escalation.at.desc(), Escalation.id.desc()))
        entries = _notices(session)
        for e in escalations:
            mine = sorted(by_escalation[e.id], key=lambda n: n.channel)
            acknowledged = [n.acknowledged_at for n in mine]
            done = None if any(a is None for a in acknowledged) else max(acknowledged)
            entries.append(InboxEntry(e.id, e.incident.id, e.incident.number, e.incident.title,
                                      e.reason, e.new_priority, e.at,
                                      tuple((n.channel, n.state) for n in mine), done))
        unread = [x for x in entries if x.unread]
        read = [] if unread_only else [x for x in entries if not x.unread]
        return (unread + read)[:limit]

    return session.read(run)


@checked
def acknowledge_notifications(session: Session, escalation_id: int) -> Changes:
    """I have seen this escalation: my rows for it are marked acknowledged, and its desktop
    alert stops coming back. Acknowledging twice changes nothing."""

    def run() -> Changes:
        now = session.clock.now()
        mine = _mine(session) & (Notification.escalation == escalation_id) & (
            Notification.acknowledged_at.is_null())
        desktop = (Notification.update(state=NotificationState.ACKNOWLEDGED.value,
                                       acknowledged_at=now, acknowledged_by=session.user_id)
                   .where(mine & (Notification.channel == NotificationChannel.DESKTOP.value)
                          & (Notification.state != NotificationState.FAILED.value))
                   .execute())
        others = (Notification.update(acknowledged_at=now, acknowledged_by=session.user_id)
                  .where(mine).execute())
        changed = desktop + others > 0
        return Changes(escalations=frozenset({escalation_id}) if changed else frozenset(),
                       notifications=changed)

    return session.write(run)


@checked
def read_notice(session: Session, notice_id: int) -> Changes:
    """I have read this notice; reading it twice changes nothing."""

    def run() -> Changes:
        changed = Notice.update(read_at=session.clock.now()).where(
            (Notice.id == notice_id) & (Notice.recipient == (session.user_id or 0))
            & Notice.read_at.is_null()).execute()
        return Changes(notifications=bool(changed))

    return session.write(run)
