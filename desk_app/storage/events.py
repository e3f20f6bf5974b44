"""What the storage layer tells whoever is watching: "busy, retrying", and each write's figures.

The UI runs core calls on worker threads, so listeners are called on whichever thread is
writing; the UI's listener re-emits a Qt signal, which Qt queues to the GUI thread.
Subscribing, unsubscribing and emitting may happen on any thread at any time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

log = logging.getLogger(__name__)

BusyState = Literal["retrying", "cleared", "gave_up"]


@dataclass(frozen=True)
class BusyEvent:
    """A write found the file locked by another workstation (``retrying``, about to try
    again), then got through (``cleared``) or gave up and raised ``DatabaseBusy``."""

    path: Path
    attempt: int
    attempts: int
    waited: float  # seconds waited for the lock so far in this write
    state: BusyState


@dataclass(frozen=True)
class WriteReport:
    """One outermost write: attempts made, seconds spent waiting for the lock (inside
    ``BEGIN IMMEDIATE`` and in the back-off between attempts), seconds in all."""

    attempts: int
    lock_wait: float
    total: float
    ok: bool


Listener = Callable[[BusyEvent], None]


class StorageEvents:
    """A thread-safe list of listeners. A failing listener is logged, never allowed to
    break the write that reported to it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add ``listener``; returns the call that removes it again."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: BusyEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("storage event listener failed")
