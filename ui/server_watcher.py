"""Noticing at once that another workstation changed the team's server database.

A file is polled (``ui.watcher``); a server tells: every committed write sends
``NOTIFY desk_changed`` (``desk_app.storage.postgres.database``), and this watcher LISTENs on
a connection of its own, on a thread of its own, and announces each notice as
``ChangeHub.external`` (the views coalesce a burst into one refresh). A lost connection is
opened again; since anything may have changed meanwhile, that too is announced.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.operations import ChangeHub
from ui.watcher import DataVersionWatcher

log = logging.getLogger(__name__)

#: How long the thread waits for a notice before looking whether it should stop (seconds).
WAKE = 0.25
#: Pause before opening a lost connection again (seconds).
RECONNECT = 2.0


class NotifyWatcher(QObject):
    """LISTENs for the server's change notices and emits ``hub.external`` for each."""

    heard = Signal()

    def __init__(self, store: Any, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.hub = hub
        self.heard.connect(hub.external.emit)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="server-changes", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
            self._thread = None

    def _run(self) -> None:
        first = True
        while not self._stop.is_set():
            try:
                conn = self.store.listen()
            except Exception as error:
                log.info("listening to %s failed: %s", self.store.path, error)
                self._stop.wait(RECONNECT)
                continue
            if not first:
                self._tell()  # reconnected: anything may have changed meanwhile
            first = False
            try:
                while not self._stop.is_set():
                    for _ in conn.notifies(timeout=WAKE):
                        self._tell()
            except Exception as error:
                log.info("listening to %s stopped: %s", self.store.path, error)
                self._stop.wait(RECONNECT)
            finally:
                conn.close()

    def _tell(self) -> None:
        """Announce a change, unless the watcher stopped or went with its window: a
        connection attempt can outlast ``stop``'s wait (a server that does not answer),
        and the thread then finds the Qt object deleted under it."""
        if self._stop.is_set():
            return
        try:
            self.heard.emit()
        except RuntimeError:  # "Signal source has been deleted"
            self._stop.set()


def watcher_for(store: Any, hub: ChangeHub, parent: QObject | None = None
                ) -> DataVersionWatcher | NotifyWatcher:
    """The right watcher for where the store's data lives."""
    if getattr(store, "kind", "file") == "server":
        return NotifyWatcher(store, hub, parent)
    return DataVersionWatcher(store.path, hub, parent=parent)
