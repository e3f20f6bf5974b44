"""The main window's background timer (R07, R09): every N seconds (the scan-interval setting,
default 30) it runs the escalation scan, automatic closure and delivery on a worker thread,
never on the GUI thread, so that waiting for a lock on a shared file never freezes the
window. Desktop alerts for the signed-in person go through plyer; when plyer has no backend,
``QSystemTrayIcon.showMessage`` shows them instead.

What pops up is the ``PopupGate``'s choice (docs/escalations.md): the first round after
sign-in shows at most one summary of what waits, later rounds at most one pop-up per gap
(a burst gathered with its count), in the language of this screen. Everything claimed goes
to the inbox, which is refreshed once per round that brought something, not once per alert
(a round after a long absence claims dozens; refreshing for each kept the CPU busy).

    timer = EscalationTimer(ctx, tray=window.tray)
    timer.arrived.connect(window.inbox.refresh)
    timer.start()
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from desk_app.delivery.config import load_config
from desk_app.delivery.cycle import CycleReport, run_cycle
from desk_app.delivery.desktop import plyer_notify
from desk_app.delivery.outbox import Outbox
from desk_app.delivery.popups import PopupGate, Shown
from desk_app.services.alerts.language import remember_screen_language
from desk_app.services.alerts.reading import awaiting_acknowledgement
from ui.context import UiContext

log = logging.getLogger(__name__)

Show = Callable[[str, str], "str | None"]


class EscalationTimer(QObject):
    alert = Signal(object)  # a Shown pop-up for the signed-in person (by the OS or the tray)
    arrived = Signal(int)  # a round claimed this many alerts for the person (the inbox has them)
    cycle_done = Signal(object)  # the CycleReport of a finished round
    cycle_failed = Signal(object)  # the exception of a failed round (the next one retries)

    def __init__(self, ctx: UiContext, tray: QSystemTrayIcon | None = None,
                 parent: QObject | None = None, show: Show = plyer_notify) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tray = tray
        self.show = show
        self.busy = False
        self.rounds = 0
        self.paused_until: datetime | None = None  # the tray's "pause pop-ups for an hour"
        self._outbox: Outbox | None = None
        self._gate: PopupGate | None = None  # per signed-in person: made at the first round
        self._gate_user: int | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run_now)

    def start(self, first_after_ms: int = 0) -> None:
        """Run a round soon, then every interval."""
        self.timer.setInterval(30_000)
        QTimer.singleShot(first_after_ms, self.run_now)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def run_now(self) -> None:
        """One round on the worker pool; skipped while the previous one is still running."""
        if self.busy:
            return
        self.busy = True
        session = self.ctx.session

        def work() -> tuple[CycleReport, int]:
            if self._outbox is None or self._outbox.store is not session.store:
                # the first round, or the window reopened the file (after a restore)
                self._outbox = Outbox(session.store, session.clock)
            first = self._gate is None or self._gate_user != session.user_id \
                or self._gate.language != self.ctx.language
            if first:  # signed in (or another person, or the screen's language changed)
                self._gate, self._gate_user = PopupGate(self.ctx.language), session.user_id
                # notifications sent to them while they chose no language follow this screen
                remember_screen_language(session, self.ctx.language)
            gate = self._gate
            assert gate is not None
            now = session.clock.now()
            paused = self.paused_until is not None and now < self.paused_until
            quiet = first or paused
            report = run_cycle(session.store, session.clock, self._outbox,
                               user_id=session.user_id, gate=gate,
                               show=(lambda _t, _b: None) if quiet else self.show)
            if first:  # what waits, as one summary, never a pop-up per past alert
                report.shown = []
                summary = gate.sign_in(awaiting_acknowledgement(session), now, report.popups)
                if summary is not None and not paused:
                    report.shown.append((summary, self.show(summary.title, summary.body)))
            elif paused:
                report.shown = []
            interval = session.store.read(load_config).scan_interval_seconds
            return report, interval

        self.ctx.op(self, work).success(self._done).failure(self._failed).run(self.ctx.hub)

    def _done(self, result: tuple[CycleReport, int]) -> None:
        if not shiboken6.isValid(self.timer):
            return  # the window closed while the round ran; the next start runs another
        report, interval = result
        self.busy = False
        self.rounds += 1
        if self.timer.interval() != interval * 1000:
            self.timer.setInterval(interval * 1000)
        for shown, error in report.shown:
            if error is not None:
                self._tray_fallback(shown)
            self.alert.emit(shown)
        if report.popups:
            self.arrived.emit(len(report.popups))
        self.ctx.hub.publish(report.changes)
        self.cycle_done.emit(report)

    def pause(self, minutes: int = 60) -> None:
        """No pop-ups for a while (the tray's menu); the inbox still receives everything."""
        self.paused_until = self.ctx.session.clock.now() + timedelta(minutes=minutes)

    def _tray_fallback(self, popup: Shown) -> None:
        if self.tray is not None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.showMessage(popup.title, popup.body,
                                  QSystemTrayIcon.MessageIcon.Warning, 15_000)
        else:
            log.warning("no way to show a pop-up here; the inbox has it: %s", popup.title)

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self.timer):
            return
        self.busy = False
        log.warning("background escalation round failed: %s", error)
        self.cycle_failed.emit(error)
