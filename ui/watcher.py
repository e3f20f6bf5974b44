"""Noticing that another workstation changed the shared file.

SQLite's ``PRAGMA data_version`` changes on a connection whenever another connection commits
to the file. A QTimer asks it every ``INTERVAL_MS`` on a connection of its own, on a worker
thread of its own (on a network share even this tiny read may wait for a lock or the network,
and that must never be the GUI thread); a change is announced as ``ChangeHub.external``, and
open queues and views refresh. The program's own worker connections count as "other" too, so
the hub also hears about this workstation's writes a moment after ``changed``; the views
coalesce the two into one refresh.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ui.operations import ChangeHub

log = logging.getLogger(__name__)

INTERVAL_MS = 1500


class _Signals(QObject):
    version = Signal(object)  # (connection number, version), or None: not read this time


class _Probe(QRunnable):
    def __init__(self, watcher: DataVersionWatcher) -> None:
        super().__init__()
        self.watcher = watcher
        self.signals = watcher._signals

    def run(self) -> None:
        self.signals.version.emit(self.watcher._read())


class DataVersionWatcher(QObject):
    """Polls ``PRAGMA data_version`` of ``path`` and emits ``hub.external`` on a change."""

    def __init__(self, path: Path, hub: ChangeHub, interval_ms: int = INTERVAL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.hub = hub
        self._last: tuple[int, int] | None = None
        self._busy = False
        self._connection: sqlite3.Connection | None = None
        self._connections = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.version.connect(self._arrived)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._pool.waitForDone(2000)
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def poll(self) -> None:
        """Ask once (skipped while the previous question is still out)."""
        if self._busy:
            return
        self._busy = True
        self._pool.start(_Probe(self))

    # -- worker thread ------------------------------------------------------------------
    def _read(self) -> tuple[int, int] | None:
        try:
            if self._connection is None:
                # no implicit transactions; a short busy wait: a busy file is asked again soon
                self._connection = sqlite3.connect(self.path, timeout=0.5,
                                                   isolation_level=None,
                                                   check_same_thread=False)
                self._connections += 1
            value = int(self._connection.execute("PRAGMA data_version").fetchone()[0])
            return self._connections, value
        except sqlite3.Error as error:
            log.info("data_version of %s not read: %s", self.path, error)
            if self._connection is not None:
                self._connection.close()
                self._connection = None
            return None

    # -- GUI thread ---------------------------------------------------------------------
    def _arrived(self, version: tuple[int, int] | None) -> None:
        """A new value, or a value from a new connection (after the file could not be read
        for a while, when anything may have changed), means someone else wrote."""
        self._busy = False
        if version is None:
            return
        if self._last is not None and version != self._last:
            self.hub.external.emit()
        self._last = version
