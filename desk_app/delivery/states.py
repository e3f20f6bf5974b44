"""Honest delivery states (R09): a row that cannot be delivered says so at once instead of
"waiting to send" for ever. A channel with nothing configured (no SMTP server, no SMS gateway)
makes its rows "not configured", and each process owner is told once, in the inbox, where to
configure it; a recipient without an e-mail address or phone number makes the row "no
address". Every R09 recipient still has the escalation in the inbox, and the review screen
shows each row's state and why.

When the reason ends — the channel is configured, the person is given an address — the rows
of the last day's escalations still waiting for acknowledgement are sent after all; older ones
are not mailed one by one (the inbox and the review list them).

Checked first with a read, so that a workstation whose every row is deliverable takes no
write lock for this."""

from __future__ import annotations

from datetime import datetime, timedelta

from peewee import JOIN

from desk_app.delivery.config import DeliveryConfig
from desk_app.domain.enums import NotificationChannel, NotificationState, Role
from desk_app.storage.bulk import tuples
from desk_app.storage.database import Store
from desk_app.storage.models import Escalation, Notice, Notification, User, UserRole

PENDING = NotificationState.PENDING.value
#: The recipient's address each channel needs, and the reason recorded without it.
ADDRESS = {
    NotificationChannel.EMAIL: (User.email, "no_email"),
    NotificationChannel.SMS: (User.phone, "no_sms_phone"),
}


def configured(config: DeliveryConfig, channel: NotificationChannel) -> bool:
    if channel == NotificationChannel.EMAIL:
        return config.email_configured
    if channel == NotificationChannel.SMS:
        return config.sms_configured
    return True


def _pending(channel: NotificationChannel):  # type: ignore[no-untyped-def]
    return (Notification.channel == channel.value) & (Notification.state == PENDING)


def _without_address(channel: NotificationChannel) -> list[int]:
    column, _ = ADDRESS[channel]
    return [i for (i,) in tuples(Notification.select(Notification.id)
                                 .join(User, JOIN.INNER, on=(Notification.recipient == User.id))
                                 .where(_pending(channel) & ((column == "") | column.is_null())))]


def settle_undeliverable(store: Store, now: datetime, config: DeliveryConfig,
                         channel: NotificationChannel) -> list[tuple[int, str]]:
    """Mark what ``channel`` cannot deliver; returns (row id, new state) of the rows marked."""
    if channel not in ADDRESS:
        return []
    if not configured(config, channel):
        if not store.read(lambda: Notification.select().where(_pending(channel)).exists()):
            return []
        return store.write(lambda: _not_configured(channel, now))
    revived: list[tuple[int, str]] = []
    if store.read(lambda: bool(_revivable(channel, now))):
        revived = store.write(lambda: _revive(channel, now))
    if not store.read(lambda: bool(_without_address(channel))):
        return revived
    return revived + store.write(lambda: _no_address(channel))


#: How recent a set-aside row must be to be sent once its reason ends. Older ones are not:
#: a channel configured weeks later would otherwise mail one message per past escalation;
#: what still waits is in each person's inbox and the review screen, as one list.
REVIVE_WITHIN = timedelta(days=1)


def _revivable(channel: NotificationChannel, now: datetime) -> list[int]:
    """Rows set aside because the channel had no server or the person no address, whose
    escalation still waits for acknowledgement, made in the last ``REVIVE_WITHIN``, and which
    can now be delivered: the channel is configured (the caller checked) and the person has
    the address now. An acknowledged escalation's rows stay as they were."""
    column, _ = ADDRESS[channel]
    set_aside = (NotificationState.NOT_CONFIGURED.value, NotificationState.NO_ADDRESS.value)
    return [i for (i,) in tuples(
        Notification.select(Notification.id)
        .join(Escalation, JOIN.INNER, on=(Notification.escalation == Escalation.id))
        .join(User, JOIN.INNER, on=(Notification.recipient == User.id))
        .where((Notification.channel == channel.value) & Notification.state.in_(set_aside)
               & Escalation.acknowledged_at.is_null()
               & (Notification.created_at >= now - REVIVE_WITHIN) & (column != "")
               & column.is_null(False)))]


def _revive(channel: NotificationChannel, now: datetime) -> list[tuple[int, str]]:
    ids = _revivable(channel, now)
    if ids:
        (Notification.update(state=PENDING, state_reason="", next_attempt_at=now)
         .where(Notification.id.in_(ids)).execute())
    return [(i, PENDING) for i in ids]


def _not_configured(channel: NotificationChannel, now: datetime) -> list[tuple[int, str]]:
    ids = [i for (i,) in tuples(Notification.select(Notification.id).where(_pending(channel)))]
    state = NotificationState.NOT_CONFIGURED.value
    if ids:
        (Notification.update(state=state, state_reason=f"{channel.value}_not_configured",
                             lease_owner=None, lease_until=None)
         .where(Notification.id.in_(ids) & (Notification.state == PENDING)).execute())
        tell_owners(f"{channel.value}_not_configured", now)
    return [(i, state) for i in ids]


def _no_address(channel: NotificationChannel) -> list[tuple[int, str]]:
    ids = _without_address(channel)
    state = NotificationState.NO_ADDRESS.value
    if ids:
        (Notification.update(state=state, state_reason=ADDRESS[channel][1], lease_owner=None,
                             lease_until=None)
         .where(Notification.id.in_(ids) & (Notification.state == PENDING)).execute())
    return [(i, state) for i in ids]


def tell_owners(kind: str, now: datetime) -> int:
    """One notice of ``kind`` per active process owner, once ever (unique per person and
    kind); inside the caller's transaction. Returns how many were new."""
    owners = [u for (u,) in tuples(User.select(User.id).join(UserRole).where(
        (UserRole.role == Role.PROCESS_OWNER.value) & User.active))]
    told = 0
    for owner in owners:
        told += (Notice.insert(recipient=owner, kind=kind, created_at=now).on_conflict_ignore(
        ).execute() and 1) or 0
    return told
