"""Call tasks a desk can work (R09): one open call task per incident and person.

A phone or verbal notification is a call the service desk on duty makes. The first such row
for an incident and person is the task (its *lead*, state pending); a later escalation of the
same incident that calls the same person joins it (state joined, ``joined_to`` the lead), so
the task's list of reasons grows instead of the queue. The task ends by itself, recorded as
no longer needed with why, when its escalations are acknowledged or its incident is resolved
or closed (``settle``), and ends as sent when someone records that the person was reached.

Everything here runs inside the caller's write transaction (the scan's, an acknowledgement's,
a resolution's), so two workstations never open two tasks for one incident and person.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from peewee import fn

from desk_app.domain.enums import NotificationChannel, NotificationState, Stage
from desk_app.storage.bulk import tuples
from desk_app.storage.models import Escalation, Incident, Notification

CALL_CHANNELS = (NotificationChannel.PHONE.value, NotificationChannel.VERBAL.value)
PENDING = NotificationState.PENDING.value
JOINED = NotificationState.JOINED.value
NOT_NEEDED = NotificationState.NOT_NEEDED.value
OPEN_STATES = (PENDING, JOINED)
ENDING_STAGES = (Stage.RESOLVED.value, Stage.CLOSED.value)

#: ``state_reason`` values of a call task that ended by itself.
WHY_ACKNOWLEDGED = "acknowledged"
WHY_RESOLVED = Stage.RESOLVED.value
WHY_CLOSED = Stage.CLOSED.value
#: ``state_reason`` of a phone row for a person without a phone number, and of the row on
#: the next channel that took its place.
WHY_NO_PHONE = "no_phone"
WHY_FALLBACK = "fallback_no_phone"


def open_leads(incident_ids: Iterable[int]) -> dict[tuple[int, int], int]:
    """(incident, person) → the open call task's lead row, for these incidents."""
    ids = list(set(incident_ids))
    if not ids:
        return {}
    # "not joined to another row" is said so that no index can serve it: as ``IS NULL``
    # SQLite read the rows through the index on ``joined_to``, where nearly every
    # notification of the file is NULL (1.1 s at 100,000 incidents, on every escalation
    # scan); now it starts from the pending call rows or from the incidents' escalations
    rows = tuples(Notification.select(Notification.id, Notification.recipient,
                                      Escalation.incident)
                  .join(Escalation, on=(Notification.escalation == Escalation.id))
                  .where(Escalation.incident.in_(ids) & Notification.channel.in_(CALL_CHANNELS)
                         & (Notification.state == PENDING)
                         & (fn.COALESCE(Notification.joined_to, 0) == 0))
                  .order_by(Notification.id))
    leads: dict[tuple[int, int], int] = {}
    for row_id, recipient, incident in rows:
        leads.setdefault((incident, recipient), row_id)
    return leads


def settle(incident_ids: Iterable[int], now: datetime) -> int:
    """End the call tasks of these incidents whose reason has ended: every call of a resolved
    or closed incident, every call for an acknowledged escalation, and a task left with no
    unacknowledged reason. Returns how many rows ended."""
    ids = list(set(incident_ids))
    if not ids:
        return 0
    rows = tuples(Notification.select(Notification.id, Notification.state,
                                      Notification.joined_to, Escalation.acknowledged_at,
                                      Incident.stage)
                  .join(Escalation, on=(Notification.escalation == Escalation.id))
                  .join(Incident, on=(Escalation.incident == Incident.id))
                  .where(Escalation.incident.in_(ids) & Notification.channel.in_(CALL_CHANNELS)
                         & Notification.state.in_(OPEN_STATES)))
    ended: dict[int, str] = {}
    alive_joined: dict[int, int] = {}  # lead → joined rows that still have a reason
    for row_id, state, joined_to, acknowledged_at, stage in rows:
        if stage in ENDING_STAGES:
            ended[row_id] = stage
        elif state == JOINED and acknowledged_at is not None:
            ended[row_id] = WHY_ACKNOWLEDGED
        elif state == JOINED and joined_to is not None:
            alive_joined[joined_to] = alive_joined.get(joined_to, 0) + 1
    for row_id, state, _, acknowledged_at, _ in rows:
        if (row_id not in ended and state == PENDING and acknowledged_at is not None
                and not alive_joined.get(row_id)):
            ended[row_id] = WHY_ACKNOWLEDGED
    by_reason: dict[str, list[int]] = {}
    for row_id, why in ended.items():
        by_reason.setdefault(why, []).append(row_id)
    for why, row_ids in by_reason.items():
        (Notification.update(state=NOT_NEEDED, state_reason=why, lease_owner=None,
                             lease_until=None, last_error="")
         .where(Notification.id.in_(row_ids) & Notification.state.in_(OPEN_STATES))
         .execute())
    return len(ended)


def joined_rows(lead_ids: Iterable[int]) -> dict[int, list[Notification]]:
    """Lead → the rows joined to it that are still open."""
    ids = list(set(lead_ids))
    result: dict[int, list[Notification]] = {}
    if ids:
        for row in (Notification.select().where(Notification.joined_to.in_(ids)
                                                & (Notification.state == JOINED))
                    .order_by(Notification.id)):
            result.setdefault(row.joined_to_id or 0, []).append(row)
    return result


def reached(lead_id: int, now: datetime) -> None:
    """The person was reached: every call of the task is done."""
    (Notification.update(state=NotificationState.SENT.value, sent_at=now, last_error="")
     .where((Notification.joined_to == lead_id) & (Notification.state == JOINED))
     .execute())
