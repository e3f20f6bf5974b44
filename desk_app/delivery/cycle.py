"""One round of a workstation's background work: the escalation scan (R07), automatic
closure (R23), and delivery of what is due (R09). The main window's timer runs it on a worker
thread; ``desk-app watch`` runs it in a loop on an always-on PC."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from desk_app.clock import Clock
from desk_app.delivery.channels import DeliveryError, send_email, send_sms
from desk_app.delivery.config import DeliveryConfig
from desk_app.delivery.desktop import plyer_notify
from desk_app.delivery.faults import fault_point
from desk_app.delivery.messages import Alert
from desk_app.delivery.outbox import Claim, Outbox, Outcome
from desk_app.domain.enums import NotificationChannel
from desk_app.services.escalation import scan
from desk_app.services.session import Changes
from desk_app.services.workflow import auto_close
from desk_app.storage.database import Store

log = logging.getLogger(__name__)

#: Bound on claim rounds per channel and cycle, so that a cycle always ends.
MAX_ROUNDS = 20

Sender = Callable[[DeliveryConfig, Alert], None]
Show = Callable[[str, str], "str | None"]

SENDERS: dict[NotificationChannel, Sender] = {
    NotificationChannel.EMAIL: send_email,
    NotificationChannel.SMS: send_sms,
}


@dataclass(frozen=True)
class Popup:
    """A desktop alert this workstation claimed for its signed-in person."""

    notification_id: int
    incident_id: int
    escalation_id: int
    title: str
    body: str
    reminder: bool
    error: str | None  # None: the OS showed it; otherwise the UI falls back to its tray icon


@dataclass
class CycleReport:
    changes: Changes = field(default_factory=Changes)
    closed: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    popups: list[Popup] = field(default_factory=list)

    def count(self, result: str) -> int:
        return sum(1 for o in self.outcomes if o.result == result)


def _configured(config: DeliveryConfig, channel: NotificationChannel) -> bool:
    if channel == NotificationChannel.EMAIL:
        return config.email_configured
    if channel == NotificationChannel.SMS:
        return config.sms_configured
    return False


def deliver(outbox: Outbox, channels: Iterable[NotificationChannel] = tuple(SENDERS),
            senders: dict[NotificationChannel, Sender] | None = None) -> list[Outcome]:
    """Send what is due on e-mail and SMS. A channel that is not configured is left alone:
    its rows stay pending and visible until someone configures it."""
    senders = senders or SENDERS
    outcomes: list[Outcome] = []
    for channel in channels:
        for _ in range(MAX_ROUNDS):
            if not _configured(outbox.refresh_config(), channel):
                break
            claims = outbox.claim([channel])
            if not claims:
                break
            for claim in claims:
                outcomes.append(_send(outbox, claim, senders[channel]))
    return outcomes


def _send(outbox: Outbox, claim: Claim, sender: Sender) -> Outcome:
    fault_point("after_claim")  # dying here: the lease expires and another sends it once
    if not outbox.renew(claim):
        log.info("notification %s: lease ran out before sending; left to its new holder",
                 claim.alert.notification_id)
        return Outcome(claim.alert.notification_id, claim.alert.channel, "lost")
    try:
        sender(outbox.config, claim.alert)
    except DeliveryError as error:
        log.info("notification %s (%s) not delivered: %s", claim.alert.notification_id,
                 claim.alert.channel, error)
        return outbox.failed(claim, str(error), permanent=error.permanent)
    except Exception as error:  # a bug in a channel must not stop the others
        log.exception("notification %s: unexpected error", claim.alert.notification_id)
        return outbox.failed(claim, f"{type(error).__name__}: {error}", permanent=False)
    fault_point("after_send")  # dying here: sent, not recorded; sent again (same Message-ID)
    return outbox.sent(claim)


def deliver_desktop(outbox: Outbox, user_id: int, show: Show = plyer_notify) -> list[Popup]:
    """Claim the desktop alerts due for the person signed in here and show them. The lease
    keeps two workstations of the same person from both showing an alert as new."""
    popups: list[Popup] = []
    for _ in range(MAX_ROUNDS):
        claims = outbox.claim([NotificationChannel.DESKTOP], recipient_id=user_id)
        if not claims:
            break
        for claim in claims:
            alert = claim.alert
            title, body = alert.popup_title(), alert.popup_body()
            error = show(title, body)
            outbox.sent(claim)
            popups.append(Popup(alert.notification_id, alert.incident_id, alert.escalation_id,
                                title, body, alert.reminder, error))
    return popups


def run_cycle(store: Store, clock: Clock, outbox: Outbox, *, user_id: int | None = None,
              show: Show = plyer_notify,
              channels: Iterable[NotificationChannel] = tuple(SENDERS)) -> CycleReport:
    report = CycleReport()
    report.changes = scan(store, clock)
    closed = auto_close(store, clock)
    report.closed = len(closed.incidents)
    report.changes |= closed
    report.outcomes = deliver(outbox, channels)
    if user_id is not None:
        report.popups = deliver_desktop(outbox, user_id, show)
    if report.outcomes or report.popups:
        report.changes |= Changes(notifications=True)
    return report
