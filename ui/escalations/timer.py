"""The main window's background timer (R07, R09): every N seconds (the scan-interval setting,
default 30) it runs the escalation scan, automatic closure and delivery on a worker thread,
never on the GUI thread, so that waiting for a lock on a shared file never freezes the
window. Desktop alerts for the signed-in person go through plyer; when plyer has no backend,
``QSystemTrayIcon.showMessage`` shows them instead.

    timer = EscalationTimer(ctx, tray=window.tray)
    timer.alert.connect(window.inbox.refresh)
    timer.start()
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from desk_app.delivery.config import load_config
from desk_app.delivery.cycle import CycleReport, Popup, run_cycle
from desk_app.delivery.desktop import plyer_notify
from desk_app.delivery.outbox import Outbox
from ui.context import UiContext

log = logging.getLogger(__name__)

Show = Callable[[str, str], "str | None"]


class EscalationTimer(QObject):
    alert = Signal(object)  # a Popup for the signed-in person (shown by the OS or the tray)
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
        self._outbox: Outbox | None = None
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
            if self._outbox is None:
                self._outbox = Outbox(session.store, session.clock)
            report = run_cycle(session.store, session.clock, self._outbox,
                               user_id=session.user_id, show=self.show)
            interval = session.store.read(load_config).scan_interval_seconds
            return report, interval

        self.ctx.op(self, work).success(self._done).failure(self._failed).run()

    def _done(self, result: tuple[CycleReport, int]) -> None:
        if not shiboken6.isValid(self.timer):
            return  # the window closed while the round ran; the next start runs another
        report, interval = result
        self.busy = False
        self.rounds += 1
        if self.timer.interval() != interval * 1000:
            self.timer.setInterval(interval * 1000)
        for popup in report.popups:
            if popup.error is not None:
                self._tray_fallback(popup)
            self.alert.emit(popup)
        self.ctx.hub.publish(report.changes)
        self.cycle_done.emit(report)

    def _tray_fallback(self, popup: Popup) -> None:
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
