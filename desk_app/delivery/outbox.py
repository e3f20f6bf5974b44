"""Claiming notification rows with a lease, and recording what became of them (R09).

A workstation claims due rows in one short ``BEGIN IMMEDIATE`` transaction by compare-and-set
on ``lease_owner``/``lease_until``: a row is taken only if nobody holds an unexpired lease on
it (on a PostgreSQL server without the write lock: ``SELECT … FOR UPDATE SKIP LOCKED`` locks
the rows it takes and passes over those another workstation is taking, so workstations
claim side by side). It then delivers outside any transaction and records the outcome with a second
compare-and-set that only succeeds while it still owns the lease. A workstation that dies
holding a lease leaves it to expire, and the next claimer delivers the row.

Delivery is therefore at least once: a workstation killed after the server accepted a message
but before the outcome was committed leaves the row to be sent again, with the same
Message-ID. Every other case, including any number of workstations claiming at once, sends
each row once.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desk_app.clock import Clock
from desk_app.delivery.config import DeliveryConfig, load_config
from desk_app.delivery.hours import calendars_of, due_time
from desk_app.delivery.messages import Alert, load_alert
from desk_app.domain.enums import NotificationChannel, NotificationState
from desk_app.storage.database import Store
from desk_app.storage.models import Notification

log = logging.getLogger(__name__)

CLAIM_BATCH = 20
#: Rows a recorded error keeps; an SMTP transcript can be long.
ERROR_MAX = 500


def worker_name() -> str:
    """This process, as named in ``lease_owner``: host, process id and a random tag."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@dataclass(frozen=True)
class Claim:
    alert: Alert
    attempts: int  # counting the one now starting
    took_over: bool  # the previous holder's lease had expired (it died mid-delivery)


@dataclass(frozen=True)
class Outcome:
    notification_id: int
    channel: str
    result: str  # "sent", "retry", "failed", "lost" (the lease was taken over),
    # "not_configured" or "no_address" (delivery.states)
    error: str = ""


class Outbox:
    """The notification rows as one workstation (``worker``) sees them."""

    def __init__(self, store: Store, clock: Clock, worker: str | None = None) -> None:
        self.store = store
        self.clock = clock
        self.worker = worker or worker_name()
        self.config: DeliveryConfig = store.read(load_config)

    def refresh_config(self) -> DeliveryConfig:
        self.config = self.store.read(load_config)
        return self.config

    # -- claiming ---------------------------------------------------------------------------
    def claim(self, channels: Iterable[NotificationChannel], *, recipient_id: int | None = None,
              limit: int = CLAIM_BATCH) -> list[Claim]:
        """Take up to ``limit`` due rows of ``channels`` that nobody holds."""
        wanted = [NotificationChannel(c).value for c in channels]
        desktop = wanted == [NotificationChannel.DESKTOP.value]
        now = self.clock.now()

        def due(query):  # type: ignore[no-untyped-def]
            query = query.where(Notification.channel.in_(wanted)
                                & (Notification.state == NotificationState.PENDING.value)
                                & (Notification.next_attempt_at <= now))
            if recipient_id is not None:
                query = query.where(Notification.recipient == recipient_id)
            return query

        # on a server, claims take no write lock: each locks the rows it takes and skips
        # those another workstation holds (FOR UPDATE SKIP LOCKED); a file's claims
        # follow one another under its write lock, which makes the same guarantee
        on_server = getattr(self.store, "kind", "file") == "server"
        # most rounds nothing is due: find that out without taking the write lock
        if not self.store.read(lambda: due(Notification.select(Notification.id)).exists()):
            return []

        def run() -> list[Claim]:
            config = load_config()
            self.config = config
            # a desktop alert pops up once, when new; what still waits comes back in one
            # reminder digest per person and interval (delivery.digest), not row by row
            states = [NotificationState.PENDING.value]
            query = (Notification.select()
                     .where(Notification.channel.in_(wanted)
                            & Notification.state.in_(states)
                            & (Notification.next_attempt_at <= now)
                            & (Notification.lease_until.is_null()
                               | (Notification.lease_until < now)))
                     .order_by(Notification.next_attempt_at, Notification.id)
                     .limit(limit))
            if recipient_id is not None:
                query = query.where(Notification.recipient == recipient_id)
            if desktop:
                query = query.where(Notification.acknowledged_at.is_null())
            if on_server:  # rows another workstation is claiming now are passed over
                query = query.for_update(skip_locked=True)
            claims = []
            until = now + timedelta(seconds=config.lease_seconds)
            for row in query:
                taken = (Notification.update(lease_owner=self.worker, lease_until=until,
                                             attempts=Notification.attempts + 1)
                         .where((Notification.id == row.id)
                                & (Notification.state == row.state)
                                & (Notification.lease_until.is_null()
                                   | (Notification.lease_until < now)))
                         .execute())
                if taken != 1:
                    continue
                claims.append(Claim(load_alert(row), row.attempts + 1,
                                    took_over=row.lease_owner is not None))
            return claims

        if on_server:
            return self.store.write_rows(run)  # type: ignore[attr-defined]
        return self.store.write(run)

    def renew(self, claim: Claim) -> bool:
        """Just before sending: extend the lease if it is still this workstation's and has
        not run out. A batch is claimed at once and sent one by one; on a slow machine or
        server the last rows' leases could run out while the first were sent, another
        workstation would take them over, and the message would go out twice. A row whose
        lease could not be renewed is not sent here (the one that took it over sends it)."""
        now = self.clock.now()
        until = now + timedelta(seconds=self.config.lease_seconds)
        notification_id = claim.alert.notification_id

        def run() -> int:
            return (Notification.update(lease_until=until)
                    .where((Notification.id == notification_id)
                           & (Notification.lease_owner == self.worker)
                           & (Notification.lease_until >= now))
                    .execute())

        return self.store.write(run) == 1

    # -- recording --------------------------------------------------------------------------
    def _record(self, claim: Claim, values: dict, result: str, error: str = "") -> Outcome:
        notification_id = claim.alert.notification_id

        def run() -> int:
            return (Notification.update({**values, Notification.lease_owner: None,
                                         Notification.lease_until: None})
                    .where((Notification.id == notification_id)
                           & (Notification.lease_owner == self.worker)
                           # acknowledged meanwhile in the inbox: that is final
                           & (Notification.state != NotificationState.ACKNOWLEDGED.value))
                    .execute())

        if self.store.write(run) != 1:
            log.warning("notification %s: outcome (%s) not recorded: acknowledged meanwhile "
                        "or the lease was taken over",
                        notification_id, result)
            return Outcome(notification_id, claim.alert.channel, "lost", error)
        return Outcome(notification_id, claim.alert.channel, result, error)

    def _later(self, claim: Claim, seconds: int) -> datetime:
        """When to try again, moved into the recipient's working hours for priority 2–4."""
        at = self.clock.now() + timedelta(seconds=seconds)
        spec = self.store.read(lambda: calendars_of([claim.alert.recipient_id])).get(
            claim.alert.recipient_id)
        return due_time(spec, claim.alert.priority, at)

    def sent(self, claim: Claim) -> Outcome:
        now = self.clock.now()
        values: dict = {Notification.state: NotificationState.SENT.value,
                        Notification.last_error: ""}
        # a desktop alert is shown once; the inbox is the record, and what stays unread
        # comes back in the person's reminder digest (delivery.digest)
        values[Notification.sent_at] = now
        return self._record(claim, values, "sent")

    def failed(self, claim: Claim, error: str, *, permanent: bool) -> Outcome:
        """A try that did not deliver: retried with backoff, or failed for good (and left
        visible on the review screen) when permanent or out of attempts."""
        error = error[:ERROR_MAX]
        if permanent or claim.attempts >= self.config.max_attempts:
            return self._record(claim, {Notification.state: NotificationState.FAILED.value,
                                        Notification.last_error: error}, "failed", error)
        later = self._later(claim, self.config.backoff_seconds(claim.attempts))
        return self._record(claim, {Notification.state: NotificationState.PENDING.value,
                                    Notification.last_error: error,
                                    Notification.next_attempt_at: later}, "retry", error)

    def release(self, claim: Claim) -> None:
        """Give a claimed row back untouched (e.g. shutting down before delivering it)."""
        self._record(claim, {Notification.attempts: Notification.attempts - 1}, "released")

