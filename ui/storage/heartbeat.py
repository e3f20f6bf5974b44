"""This workstation's presence: announced when the main window opens, refreshed by a timer,
removed at exit. Each heartbeat also says whether someone else has put the file under
maintenance; while they have, this workstation has let go (the core refuses its writes) and
the window should say so. And it asks whether the file was restored since this program
opened it, so that a workstation that only reads reopens too, not only one that writes.

A file opened read-only cannot hold a presence row: its heartbeat only reads (maintenance,
restore), so that the window still shows what the others are doing."""

from __future__ import annotations

import logging

import shiboken6
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
    maintenance_state,
    replaced,
)
from ui.operations import Op

log = logging.getLogger(__name__)


def _beat(store: Store) -> tuple[MaintenanceState | None, bool]:
    """One heartbeat (worker thread): the maintenance by someone else, and whether the file
    was restored since it was opened."""
    if store.read_only:
        state = maintenance_state(store)
        other = state if state is not None and not state.mine else None
    else:
        other = heartbeat(store)
    return other, replaced(store)


class PresenceKeeper(QObject):
    #: MaintenanceState while another workstation holds maintenance; None when it ends.
    maintenance_changed = Signal(object)
    #: The file was restored since this store opened it: the window must reopen it.
    replaced = Signal()

    def __init__(self, store: Store, visitor: Visitor, parent: QObject | None = None,
                 interval_seconds: float = HEARTBEAT_SECONDS) -> None:
        super().__init__(parent)
        self.store = store
        self.visitor = visitor
        self.state: MaintenanceState | None = None
        self.stopped = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(interval_seconds * 1000))
        self.timer.timeout.connect(self.beat)

    def start(self) -> None:
        if self.store.read_only:
            self.store.visitor = self.visitor
            self.beat()
        else:
            Op(self, lambda: join(self.store, self.visitor)).success(
                lambda _: self.beat()).failure(self._failed).run()
        self.timer.start()

    def beat(self) -> None:
        store = self.store
        Op(self, lambda: _beat(store)).success(self._heard).failure(self._failed).run()

    def stop(self, *, leave_file: bool = True) -> None:
        """At exit: stop the timer and remove the presence row (on this thread: the
        program is ending and the row should be gone before it does). ``leave_file``
        false: the file was restored or replaced, and the row is not there any more."""
        self.stopped = True
        self.timer.stop()
        if not leave_file or self.store.read_only:
            return
        try:
            leave(self.store)
        except DeskError as error:
            log.warning("could not remove the presence row: %s", error)

    def _heard(self, heard: tuple[MaintenanceState | None, bool]) -> None:
        if self.stopped or not shiboken6.isValid(self):
            return
        state, was_replaced = heard
        before = self.state
        self.state = state
        if (before is None) != (state is None) or (
                before is not None and state is not None and before.reason != state.reason):
            self.maintenance_changed.emit(state)
        if was_replaced:
            self.replaced.emit()

    def _failed(self, error: BaseException) -> None:
        # a missed heartbeat is not worth a dialog: the next one tries again
        log.warning("heartbeat failed: %s", error)
