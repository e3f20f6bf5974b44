"""What a workstation pops up (R09): pop-ups for what is new, summaries for what waits.

``deliver_desktop`` hands over every new alert of the signed-in person and, at most once an
interval, a reminder digest. ``PopupGate`` decides what of that reaches the screen:

- at sign-in, at most one summary ("12 escalations wait for your acknowledgement"), never a
  pop-up per past alert;
- new alerts pop up, but never more often than once per ``min_gap`` (10 minutes: at most 6
  an hour): alerts arriving meanwhile (a burst) are held and shown together as one pop-up
  with their count when the gap has passed;
- a reminder digest shows only when nothing else is due to pop up (it is hourly anyway).

The inbox keeps everything; a held alert is never lost, only gathered. Pure logic, no Qt:
the UI shows what ``sign_in``, ``offer`` and ``flush`` return and lets the pop-ups expire.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desk_app.delivery.cycle import Popup
from desk_app.i18n import Language, text

MIN_GAP = timedelta(minutes=10)
#: How many incident numbers a burst's pop-up names.
NAMED = 5


@dataclass(frozen=True)
class Shown:
    """One pop-up on the screen."""

    kind: str  # "new" (one alert), "burst" (several), "summary" (sign-in), "reminder"
    title: str
    body: str
    count: int
    #: the escalation and incident of a single new alert (for "open"), else 0
    escalation_id: int = 0
    incident_id: int = 0


@dataclass
class PopupGate:
    language: Language
    min_gap: timedelta = MIN_GAP
    last: datetime | None = None
    held: list[Popup] = field(default_factory=list)

    def sign_in(self, waiting: int, now: datetime, shown: Sequence[Popup] = ()
                ) -> Shown | None:
        """The one summary at sign-in: ``waiting`` escalations wait for the person's
        acknowledgement (``alerts.reading.awaiting_acknowledgement``); ``shown`` are the
        alerts the first delivery round claimed, which the summary stands for."""
        self.held.clear()
        count = max(waiting, len([p for p in shown if p.notification_id]))
        if not count:
            return None
        self.last = now
        return Shown("summary", text("alerts.summary_title", self.language, count=count),
                     text("alerts.summary_body", self.language), count)

    def offer(self, popups: list[Popup], now: datetime) -> list[Shown]:
        """A delivery round's alerts: what to pop up now (nothing, or one pop-up)."""
        self.held.extend(p for p in popups if p.notification_id)
        result = self.flush(now)
        digest = next((p for p in popups if p.reminder and not p.notification_id), None)
        if not result and digest is not None and self._free(now):
            self.last = now
            result = [Shown("reminder", digest.title, digest.body, digest.count)]
        return result

    def flush(self, now: datetime) -> list[Shown]:
        """The held alerts, as one pop-up, once the gap since the last one has passed."""
        if not self.held or not self._free(now):
            return []
        held, self.held = self.held, []
        self.last = now
        if len(held) == 1:
            (one,) = held
            return [Shown("new", one.title, one.body, 1, one.escalation_id, one.incident_id)]
        names = [p.title for p in held[:NAMED]]
        if len(held) > NAMED:
            names.append(text("alerts.burst_more", self.language, count=len(held) - NAMED))
        return [Shown("burst", text("alerts.burst_title", self.language, count=len(held)),
                      "\n".join(names), len(held))]

    def _free(self, now: datetime) -> bool:
        return self.last is None or now - self.last >= self.min_gap
