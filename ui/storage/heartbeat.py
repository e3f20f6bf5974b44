"""This workstation's presence: announced when the main window opens, refreshed by a timer,
removed at exit. Each heartbeat also says whether someone else has put the file under
maintenance; while they have, this workstation has let go (the core refuses its writes) and
the window should say so."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.errors import DeskError
from desk_app.storage.database import Store
from desk_app.storage.presence import (
    HEARTBEAT_SECONDS,
    MaintenanceState,
    Visitor,
    heartbeat,
    join,
    leave,
)
from ui.operations import Op

log = logging.getLogger(__name__)


class PresenceKeeper(QObject):
    #: MaintenanceState while another workstation holds maintenance; None when it ends.
    maintenance_changed = Signal(object)

    def __init__(self, store: Store, visitor: Visitor, parent: QObject | None = None,
                 interval_seconds: float = HEARTBEAT_SECONDS) -> None:
        super().__init__(parent)
        self.store = store
        self.visitor = visitor
        self.state: MaintenanceState | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(interval_seconds * 1000))
        self.timer.timeout.connect(self.beat)

    def start(self) -> None:
        Op(self, lambda: join(self.store, self.visitor)).success(
            lambda _: self.beat()).failure(self._failed).run()
        self.timer.start()

    def beat(self) -> None:
        Op(self, lambda: heartbeat(self.store)).success(self._heard).failure(
            self._failed).run()

    def stop(self) -> None:
        """At exit: stop the timer and remove the presence row (on this thread: the
        program is ending and the row should be gone before it does)."""
        self.timer.stop()
        try:
            leave(self.store)
        except DeskError as error:
            log.warning("could not remove the presence row: %s", error)

    def _heard(self, state: MaintenanceState | None) -> None:
        before = self.state
        self.state = state
        if (before is None) != (state is None) or (
                before is not None and state is not None and before.reason != state.reason):
            self.maintenance_changed.emit(state)

    def _failed(self, error: BaseException) -> None:
        # a missed heartbeat is not worth a dialog: the next one tries again
        log.warning("heartbeat failed: %s", error)
