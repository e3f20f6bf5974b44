"""One round of a workstation's background work: the escalation scan (R07), automatic
closure (R23), and delivery of what is due (R09). The main window's timer runs it on a worker
thread; ``desk-app watch`` runs it in a loop on an always-on PC."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desk_app.clock import Clock
from desk_app.delivery.channels import DeliveryError, send_email, send_sms
from desk_app.delivery.config import DeliveryConfig
from desk_app.delivery.desktop import plyer_notify
from desk_app.delivery.digest import reminder_digest
from desk_app.delivery.faults import fault_point
from desk_app.delivery.messages import Alert
from desk_app.delivery.outbox import Claim, Outbox, Outcome
from desk_app.delivery.states import configured, settle_undeliverable
from desk_app.domain.enums import NotificationChannel
from desk_app.i18n import Language
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident.workflow import auto_close
from desk_app.services.session import Changes
from desk_app.storage.database import Store

if TYPE_CHECKING:
    from desk_app.delivery.popups import PopupGate, Shown

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
    #: how many escalations it speaks of: 1 for a new one, N for a reminder digest
    count: int = 1


@dataclass
class CycleReport:
    changes: Changes = field(default_factory=Changes)
    closed: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    popups: list[Popup] = field(default_factory=list)
    #: with a gate: the pop-ups shown, each with the error of showing it (None: shown)
    shown: list[tuple[Shown, str | None]] = field(default_factory=list)

    def count(self, result: str) -> int:
        return sum(1 for o in self.outcomes if o.result == result)


def deliver(outbox: Outbox, channels: Iterable[NotificationChannel] = tuple(SENDERS),
            senders: dict[NotificationChannel, Sender] | None = None) -> list[Outcome]:
    """Send what is due on e-mail and SMS. A channel that is not configured marks its rows
    "not configured" (and tells the process owner once), a recipient without an address
    marks the row "no address": neither waits for ever (``delivery.states``)."""
    senders = senders or SENDERS
    outcomes: list[Outcome] = []
    for channel in channels:
        channel = NotificationChannel(channel)
        marked = settle_undeliverable(outbox.store, outbox.clock.now(),
                                      outbox.refresh_config(), channel)
        outcomes.extend(Outcome(i, channel.value, state) for i, state in marked)
        for _ in range(MAX_ROUNDS):
            if not configured(outbox.refresh_config(), channel):
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


def deliver_desktop(outbox: Outbox, user_id: int, show: Show = plyer_notify, *,
                    reminders: bool = True, language: Language | None = None) -> list[Popup]:
    """Claim the new desktop alerts for the person signed in here and show them, then the
    reminder digest if one is due (``delivery.digest``: one per person and interval, with
    ids 0). The lease keeps two workstations of the same person from both showing an alert
    as new. ``language``: the workstation's (a pop-up is in the language of the screen it
    appears on); by default the person's (``services.alerts.language``)."""
    popups: list[Popup] = []
    for _ in range(MAX_ROUNDS):
        claims = outbox.claim([NotificationChannel.DESKTOP], recipient_id=user_id)
        if not claims:
            break
        for claim in claims:
            alert = claim.alert if language is None else replace(claim.alert, language=language)
            title, body = alert.popup_title(), alert.popup_body()
            error = show(title, body)
            outbox.sent(claim)
            popups.append(Popup(alert.notification_id, alert.incident_id, alert.escalation_id,
                                title, body, alert.reminder, error))
    digest = reminder_digest(outbox.store, outbox.clock, user_id,
                             language) if reminders else None
    if digest is not None:
        error = show(digest.title, digest.body)
        popups.append(Popup(0, 0, 0, digest.title, digest.body, True, error, digest.count))
    return popups


def run_cycle(store: Store, clock: Clock, outbox: Outbox, *, user_id: int | None = None,
              show: Show = plyer_notify,
              channels: Iterable[NotificationChannel] = tuple(SENDERS),
              gate: PopupGate | None = None) -> CycleReport:
    """One round. With a ``gate`` (``delivery.popups.PopupGate``, kept by the workstation
    for its signed-in person) only what the gate lets through is shown, in the gate's
    language, and listed in ``report.shown`` with the error of showing it (None: shown)."""
    report = CycleReport()
    report.changes = scan(store, clock)
    closed = auto_close(store, clock)
    report.closed = len(closed.incidents)
    report.changes |= closed
    report.outcomes = deliver(outbox, channels)
    if user_id is not None and gate is not None:
        report.popups = deliver_desktop(outbox, user_id, lambda title, body: None,
                                        language=gate.language)
        for shown in gate.offer(report.popups, clock.now()):
            report.shown.append((shown, show(shown.title, shown.body)))
    elif user_id is not None:
        report.popups = deliver_desktop(outbox, user_id, show)
    if report.outcomes or report.popups:
        report.changes |= Changes(notifications=True)
    return report
