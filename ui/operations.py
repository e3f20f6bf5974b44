"""Running core calls off the GUI thread, and telling the views what changed.

After Anki's ``aqt.operations``: a service call runs on a worker thread (so that waiting for
a lock on a shared file never freezes the window), and its result comes back to the GUI
thread by a queued signal. A successful call's ``Changes`` goes to the ``ChangeHub``, the one
place that fans out to the views that must refresh.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import Shiboken

from desk_app.errors import SignedOut, StorageError
from desk_app.services.session import Changes
from ui.person_acting import person_acting

log = logging.getLogger(__name__)
T = TypeVar("T")


class ChangeHub(QObject):
    """Views connect here. ``changed`` carries a core ``Changes``; ``external`` says another
    workstation wrote to the file, so anything shown may be stale. ``storage_error`` carries
    a ``StorageError`` that refused a call run with this hub (the form that made the call
    shows it; the main window hears it too: a restored file to reopen, maintenance to show)."""

    changed = Signal(object)
    external = Signal()
    storage_error = Signal(object)
    #: the core refused a call because the person was disabled or locked meanwhile; it
    #: carries the refused person's id (a late answer for the previous person is ignored)
    signed_out = Signal(object)

    def publish(self, changes: Changes) -> None:
        if not changes.empty:
            self.changed.emit(changes)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


def _finished(signals: _Signals) -> None:
    """The call's answer is delivered: its signal object goes, and with it the connections
    that keep this call's closures (and what they hold) alive. Without this, every call
    left a QObject and its closures behind (1,000 after scrolling 100,000 rows)."""
    Op._running.discard(signals)
    signals.deleteLater()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as error:  # handed to the GUI thread, which shows it
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


class Op(Generic[T]):
    """One call of ``fn`` on the worker pool.

        Op(window, lambda: workflow.assign(session, 42)).success(on_done).run(hub)

    ``success`` gets the result on the GUI thread; ``failure`` gets the exception (a
    ``DeskError`` carries a message in both languages). Without a failure handler, the
    error goes to ``Op.default_failure``, which the main window sets to show a message.
    """

    default_failure: Callable[[QObject | None, BaseException], None] | None = None
    #: Mends what a failure says can be mended before it is reported (the main window
    #: sets it: a server's password asked for again). Given the failure, a way to run the
    #: call again and a way to report it after all, and whether a person's click or key
    #: started the call (``by_person``); True: it took charge of the call.
    mend: Callable[[QObject | None, BaseException, Callable[[], None],
                    Callable[[], None], bool], bool] | None = None
    _running: ClassVar[set[_Signals]] = set()  # keeps signal objects alive until delivery

    def __init__(self, parent: QObject | None, fn: Callable[[], T]) -> None:
        self.parent = parent
        self.fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        #: a person's click or key started this call (not a timer, not another call)
        self.by_person = person_acting()

    def success(self, fn: Callable[[T], None]) -> Op[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None]) -> Op[T]:
        self._failure = fn
        return self

    def _asker_gone(self) -> bool:
        """The widget that made the call was deleted before the answer came (a dialog closed
        for good, a window torn down): its handlers would touch a dead object, so they are
        not called. Hub listeners still hear of the change or the storage failure."""
        return self.parent is not None and not Shiboken.isValid(self.parent)

    def run(self, hub: ChangeHub | None = None, pool: QThreadPool | None = None) -> None:
        signals = _Signals()
        Op._running.add(signals)

        def done(result: object) -> None:
            _finished(signals)
            if hub is not None and isinstance(result, Changes):
                hub.publish(result)  # it happened, whoever asked: every view hears of it
            if self._asker_gone():
                return
            if self._success is not None:
                self._success(result)  # type: ignore[arg-type]

        def failed(error: BaseException) -> None:
            _finished(signals)
            mend = Op.mend
            if mend is not None and not self._asker_gone() and mend(
                    self.parent, error, lambda: self.run(hub, pool), lambda: report(error),
                    self.by_person):
                return
            report(error)

        def report(error: BaseException) -> None:
            if hub is not None and isinstance(error, StorageError):
                hub.storage_error.emit(error)
            if hub is not None and isinstance(error, SignedOut):
                hub.signed_out.emit(error.user_id)  # the lock tells the person, once
            if self._asker_gone():
                log.warning("a call failed after the window that made it was gone",
                            exc_info=error)
                return
            if self._failure is not None:
                self._failure(error)
            elif Op.default_failure is not None:
                Op.default_failure(self.parent, error)
            else:
                log.error("operation failed", exc_info=error)

        signals.done.connect(done)
        signals.failed.connect(failed)
        (pool or QThreadPool.globalInstance()).start(_Job(self.fn, signals))
