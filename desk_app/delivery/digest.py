"""Reminders of unacknowledged escalations (R09): one digest per person and interval, not one
pop-up per escalation. Every 15 minutes a person with 77 unread escalations got 77
"not yet acknowledged" pop-ups; now they get one that says how many wait and since when.

The time of a person's last digest is kept in the shared file (``Setting``), so that two
workstations where the same person is signed in remind them once. The first look after
sign-in only starts the interval: what waits at sign-in is the sign-in summary's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import fn

from desk_app.clock import Clock
from desk_app.delivery.config import load_config
from desk_app.formatting import format_moment
from desk_app.i18n import Language, text
from desk_app.services.alerts.language import person_language
from desk_app.storage.database import Store
from desk_app.storage.models import Escalation, Incident, Notification, Setting

LAST = "reminder.last."


@dataclass(frozen=True)
class Digest:
    count: int
    since: datetime
    title: str
    body: str


def _waiting(user_id: int, before: datetime) -> tuple[int, datetime | None, int]:
    """Unread escalations of ``user_id`` notified before ``before``: how many, the oldest
    moment, and one of them (for a digest of one)."""
    row = (Notification.select(fn.COUNT(fn.DISTINCT(Notification.escalation)),
                               fn.MIN(Escalation.at), fn.MIN(Escalation.id))
           .join(Escalation, on=(Notification.escalation == Escalation.id))
           .where((Notification.recipient == user_id) & Notification.acknowledged_at.is_null()
                  & Escalation.acknowledged_at.is_null()
                  # due (shown, sent, or to be called) since before: not one still held
                  # for the person's working hours
                  & (Notification.next_attempt_at <= before))
           .tuples().first())
    if not row or not row[0]:
        return 0, None, 0
    since = Escalation.at.python_value(row[1]) if not isinstance(row[1], datetime) else row[1]
    return int(row[0]), since, int(row[2])


def reminder_digest(store: Store, clock: Clock, user_id: int,
                    language: Language | None = None) -> Digest | None:
    """The reminder due now for ``user_id``, at most one per interval
    (``desktop_realert_minutes``); None if nothing waits or the interval has not passed."""
    now = clock.now()
    key = f"{LAST}{user_id}"

    def due() -> bool | None:
        interval = timedelta(minutes=load_config().desktop_realert_minutes)
        row = Setting.get_or_none(Setting.key == key)
        if row is None:
            return None  # first look: start the interval
        last = datetime.fromisoformat(row.value)
        return now - last >= interval and _waiting(user_id, now - interval)[0] > 0

    state = store.read(due)
    if state is False:
        return None

    def run() -> Digest | None:
        interval = timedelta(minutes=load_config().desktop_realert_minutes)
        row = Setting.get_or_none(Setting.key == key)
        if row is None:
            Setting.insert(key=key, value=now.isoformat()).on_conflict_ignore().execute()
            return None
        if now - datetime.fromisoformat(row.value) < interval:
            return None  # another workstation of this person reminded them meanwhile
        count, since, escalation_id = _waiting(user_id, now - interval)
        if not count or since is None:
            return None
        Setting.update(value=now.isoformat(), version=row.version + 1).where(
            (Setting.key == key) & (Setting.version == row.version)).execute()
        lang = language or person_language(user_id)
        if count == 1:
            escalation = Escalation.get_by_id(escalation_id)
            number = Incident.get_by_id(escalation.incident_id).number
            title = text("delivery.popup_reminder_title", lang, number=number,
                         priority=escalation.new_priority)
        else:
            title = text("alerts.digest_title", lang, count=count)
        body = text("alerts.digest_body", lang, count=count, since=format_moment(since, lang))
        return Digest(count, since, title, body)

    return store.write(run)
