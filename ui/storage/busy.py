"""The core's "busy, retrying" events as a Qt signal.

The store reports on the worker thread that is writing; emitting a signal from there is
safe, and Qt delivers it to receivers in the GUI thread through their event loop."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desk_app.storage.database import Store
from desk_app.storage.events import BusyEvent


class BusyBridge(QObject):
    busy = Signal(object)  # BusyEvent

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        unsubscribe = store.events.subscribe(self._relay)
        self._unsubscribe = unsubscribe
        self.destroyed.connect(lambda *_: unsubscribe())

    def _relay(self, event: BusyEvent) -> None:
        self.busy.emit(event)

    def detach(self) -> None:
        self._unsubscribe()
