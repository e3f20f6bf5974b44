"""Running a long job over many incidents off the GUI thread, with a progress dialog that
can cancel it (Qt's ``QProgressDialog``) for large selections.

The job gets ``progress(done, total)`` and ``cancelled()``; the core stops between two
incidents (or two chunks of an export) when asked, so what was under way finishes whole.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.context import UiContext
from ui.operations import Op

T = TypeVar("T")

#: Selections at least this large show a progress dialog (smaller ones finish at once).
PROGRESS_FROM = 20


class _Progress(QObject):
    moved = Signal(int, int)


class Job(QObject):
    """One run: ``finished`` with the result, or ``failed`` with the error."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget, title: str, total: int,
                 work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
                 *, publish: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.parent_widget = parent
        self.stop = threading.Event()
        self.signals = _Progress(self)
        self.dialog: QProgressDialog | None = None
        if total >= PROGRESS_FROM:
            dialog = QProgressDialog(title, self.tr("Cancel"), 0, total, parent)
            dialog.setObjectName("bulkProgress")
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            self.signals.moved.connect(self._moved)
            self.dialog = dialog
        self.work = work
        self.publish = publish

    def cancel(self) -> None:
        self.stop.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Stopping after the current incident…"))

    def _moved(self, done: int, total: int) -> None:
        dialog = self.dialog
        if dialog is None or self.stop.is_set():
            return
        # the label first: a modal progress dialog's setValue lets events through, among
        # them perhaps the end of the run, which closes the dialog
        dialog.setLabelText(self.tr("%1 of %2…").replace("%1", str(done)).replace(
            "%2", str(total)))
        dialog.setMaximum(total)
        dialog.setValue(done)

    def start(self) -> None:
        moved, stop = self.signals.moved, self.stop

        def run() -> Any:
            return self.work(lambda done, total: moved.emit(done, total), stop.is_set)

        Op(self.parent_widget, run).success(self._done).failure(self._failed).run(
            self.context.hub if self.publish else None)

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, result: object) -> None:
        self._close()
        self.finished.emit(result)
        self.deleteLater()

    def _failed(self, error: BaseException) -> None:
        self._close()
        self.failed.emit(error)
        self.deleteLater()
