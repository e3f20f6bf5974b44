"""The process owner's panel for the database file: its backups (and taking one now), a
restore from any of them, the database check, and how long backups are kept.

Every action is a core call (``desk_app.services.database.care``) on a worker thread, so a
backup of a large file or a restore waiting for others to let go never freezes the window
(its answer is dropped if the panel has closed meanwhile);
the core refuses what the signed-in person may not do, and the panel shows the refusal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import DeskError
from desk_app.i18n import text
from desk_app.services.admin.process import save_backup_keep_days, setting_with_version
from desk_app.services.database.care import backup_now, backups, check_now, restore_now
from desk_app.services.database.check import CheckReport
from desk_app.storage.backup import BackupInfo
from desk_app.storage.backups import summarise_backup
from desk_app.storage.presence import PresenceRow
from desk_app.storage.restore import RestoreResult
from ui.context import UiContext
from ui.errors import error_text
from ui.widgets.calls import call


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


class StorageAdminPanel(QWidget):
    #: The file was restored: the main window must reopen it (every workstation must).
    restored = Signal(object)  # RestoreResult
    #: Holdouts while a restore waits for the others to let go (list of PresenceRow).
    waiting = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[BackupInfo] = []
        layout = QVBoxLayout(self)

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Kind"), self.tr("Schema"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        if getattr(context.session.store, "kind", "file") == "server":
            # a server's dumps (pg_dump) are kept on this computer: say where
            from desk_app.storage.backup import backups_dir
            from desk_app.storage.postgres.dump import home

            heading = QLabel(self.tr("Backups of the server's database (pg_dump), kept on "
                                     "this computer in %1").replace(
                                         "%1", str(backups_dir(home(context.session.store.path)))),
                             self)
            heading.setWordWrap(True)
            layout.addWidget(heading)
        else:
            layout.addWidget(QLabel(self.tr("Backups of the database file"), self))
        layout.addWidget(self.table, 3)

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.restore_button = QPushButton(self.tr("Restore selected backup…"), self)
        self.check_button = QPushButton(self.tr("Check database"), self)
        self.quick_button = QPushButton(self.tr("Quick check"), self)
        for button in (self.backup_button, self.restore_button, self.check_button,
                       self.quick_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        keep = QHBoxLayout()
        keep.addWidget(QLabel(self.tr("Keep backups for"), self))
        self.keep_days = QSpinBox(self)
        self.keep_days.setRange(1, 3650)
        self.keep_days.setSuffix(self.tr(" days"))
        self.keep_save = QPushButton(self.tr("Save"), self)
        keep.addWidget(self.keep_days)
        keep.addWidget(self.keep_save)
        keep.addStretch(1)
        layout.addLayout(keep)
        self.keep_version: int | None = None

        self.output = QPlainTextEdit(self)
        self.output.setReadOnly(True)
        self.output.setObjectName("storageOutput")
        layout.addWidget(self.output, 2)

        self.backup_button.clicked.connect(self.backup)
        self.restore_button.clicked.connect(self.ask_restore)
        self.check_button.clicked.connect(lambda: self.check(quick=False))
        self.quick_button.clicked.connect(lambda: self.check(quick=True))
        self.keep_save.clicked.connect(self.save_keep_days)
        self.waiting.connect(self._show_waiting)
        self._enable()
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.reload_backups()
        session = self.context.session
        call(self, self.context, lambda: setting_with_version(session, "backup_keep_days"),
             self._show_keep_days, self._failed)

    def reload_backups(self) -> None:
        """The list only (another workstation wrote: a retention being edited stays)."""
        session = self.context.session
        call(self, self.context, lambda: backups(session), self._show_backups, self._failed)

    def _show_backups(self, items: list[BackupInfo]) -> None:
        lang = self.context.language
        self.items = items
        self.table.setRowCount(len(items))
        for row, info in enumerate(items):
            cells = [f"{info.taken_at.astimezone():%Y-%m-%d %H:%M}",
                     text(f"storage.kind.{info.kind}", lang), str(info.schema_version),
                     size_text(info.size)]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(str(info.path))
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self._enable()

    def _show_keep_days(self, value: tuple[str, int | None]) -> None:
        self.keep_days.setValue(int(value[0]))
        self.keep_version = value[1]

    def _enable(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedItems()))

    def selected(self) -> BackupInfo | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.items[min(rows)] if rows else None

    # -- actions ---------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.check_button, self.quick_button,
                       self.keep_save):
            button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self.selected() is not None)

    def backup(self) -> None:
        self._busy(True)
        session = self.context.session
        call(self, self.context, lambda: backup_now(session), self._backed_up, self._failed)

    def _backed_up(self, info: BackupInfo) -> None:
        self._busy(False)
        self.output.setPlainText(text("storage.cli.backup_done", self.context.language,
                                      path=info.path, size=size_text(info.size)))
        self.reload()

    def check(self, *, quick: bool) -> None:
        self._busy(True)
        self.output.setPlainText(self.tr("Checking…"))
        session = self.context.session
        call(self, self.context, lambda: check_now(session, quick=quick), self._checked,
             self._failed)

    def _checked(self, report: CheckReport) -> None:
        self._busy(False)
        self.output.setPlainText("\n".join(report.lines(self.context.language)))

    def ask_restore(self) -> None:
        info = self.selected()
        if info is None:
            return
        when = f"{info.taken_at.astimezone():%Y-%m-%d %H:%M}"
        try:  # what it would put back, before anyone is asked
            summary = summarise_backup(info.path)
        except DeskError as error:
            QMessageBox.warning(self, self.tr("Restore backup"),
                                error.message(self.context.language))
            return
        newest = (f"{summary.newest_number} ({summary.newest_at.astimezone():%Y-%m-%d %H:%M})"
                  if summary.newest_number and summary.newest_at else "-")
        described = text("storage.cli.restore_summary", self.context.language,
                         backup=info.path.name, taken=when, version=summary.schema_version,
                         incidents=summary.incidents, newest=newest)
        answer = QMessageBox.question(
            self, self.tr("Restore backup"),
            described + "\n\n" +
            self.tr("Replace the whole database by the backup of {0}? Everything saved since "
                    "then is replaced (a copy of the current state is kept). Every "
                    "workstation must reopen the database afterwards.").format(when))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(info.path)

    def restore(self, backup: Path, *, force: bool = False) -> None:
        self._busy(True)
        self.output.setPlainText(self.tr("Asking the other workstations to let go…"))
        session = self.context.session
        call(self, self.context, lambda: restore_now(session, backup, force=force,
                                                     on_progress=self.waiting.emit),
             self._restored, self._failed)

    def _show_waiting(self, holdouts: list[PresenceRow]) -> None:
        if holdouts:
            names = ", ".join(f"{p.username}@{p.workstation}" for p in holdouts)
            self.output.setPlainText(text("storage.cli.waiting_release", self.context.language,
                                          who=names))

    def _restored(self, result: RestoreResult) -> None:
        self._busy(False)
        lang = self.context.language
        lines = [text("storage.cli.restored", lang, backup=result.backup.name,
                      path=self.context.session.store.where, version=result.schema_version)]
        if result.safety_copy is not None:
            lines.append(text("storage.cli.safety_copy", lang, path=result.safety_copy))
        lines.append(self.tr("Reopen the database on every workstation."))
        self.output.setPlainText("\n".join(lines))
        self.restored.emit(result)

    def save_keep_days(self) -> None:
        session, days, version = self.context.session, self.keep_days.value(), self.keep_version
        self._busy(True)
        call(self, self.context, lambda: save_backup_keep_days(session, days, version),
             self._saved_keep_days, self._failed)

    def _saved_keep_days(self, _changes: object) -> None:
        self._busy(False)
        self.output.setPlainText(self.tr("Saved."))
        self.reload()

    def _failed(self, error: BaseException) -> None:
        """The refusal in the panel itself; the form (and the selection) stay as they were."""
        self._busy(False)
        self.output.setPlainText(error_text(error, self.context.language))
