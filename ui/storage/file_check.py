"""The checks of the file that wait until the window shows (``finish_checks``): the growing
tables' ``quick_check`` and the day's backup, seconds of work at 100,000 incidents that a
person should not wait for before seeing the queue (docs/performance.md, cold start).

They run on a pool of one thread of their own, so that the queue's reads and the person's
saves never queue behind them. A damaged file is answered as at start: the offer to
restore the latest good backup, after which the window opens the restored file again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from desk_app.errors import DatabaseCorrupt
from desk_app.services.database.care import visitor_of
from desk_app.storage.opening import OpenReport, finish_checks
from ui.errors import error_text
from ui.operations import Op
from ui.reading import pool
from ui.storage.restore_offer import RestoreOfferDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def check_pool() -> QThreadPool:
    """One thread: a file is checked once per open, and never by two threads at once."""
    return pool("file check", 1)


class FileCheck(QObject):
    """Runs the deferred checks for the window's store, once; ``finished`` says how it went
    (None: the file is sound; else the error)."""

    finished = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.started = False

    def start(self) -> bool:
        """False if the store has nothing deferred (opened by the command line's way), or
        the checks have started already (they run once per open)."""
        store = self.window.context.session.store
        if self.started or store.report is None or not store.report.checks_deferred:
            return False
        self.started = True
        clock = self.window.context.session.clock
        Op(self, lambda: finish_checks(store, clock.now())).success(self._done).failure(
            self._failed).run(pool=check_pool())
        return True

    def _done(self, report: OpenReport) -> None:
        window = self.window
        window.status.storage.refresh()  # a failed backup shows in the location's tooltip
        if report.backup_problem:
            window.status.showMessage(self.tr("Daily backup failed: {0}").format(
                report.backup_problem), 30_000)
        self.finished.emit(None)

    def _failed(self, error: BaseException) -> None:
        window = self.window
        language = window.context.language
        if not isinstance(error, DatabaseCorrupt):
            log.warning("checking %s after opening failed: %s",
                        window.context.session.store.path, error)
            window.status.showMessage(error_text(error, language), 30_000)
            self.finished.emit(error)
            return
        session = window.context.session
        dialog = RestoreOfferDialog(session.store.path, error, language, visitor_of(session),
                                    window)
        try:
            restored = dialog.exec() == RestoreOfferDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if restored:
            window.reopen_database()
        else:
            window.notice.show_error(self.tr(
                "This database file is damaged: %1. Work saved now may be lost. Restore the "
                "latest good backup (Administration, Database file), or ask the process "
                "owner to.").replace("%1", error.message(language)))
        self.finished.emit(error)
