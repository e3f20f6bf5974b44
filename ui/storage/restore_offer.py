"""Offered when the database file will not open because it is damaged: what is wrong, the
latest good backup, and a button to put it back. Nobody can sign in to a damaged file, so
this runs before sign-in, on the file's path alone, as the command line would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import DatabaseCorrupt
from desk_app.i18n import Language, text
from desk_app.services.database.care import restore_offer
from desk_app.storage.backup import BackupInfo
from desk_app.storage.backups import restore_backup
from desk_app.storage.presence import Visitor
from desk_app.storage.restore import RestoreResult
from ui.errors import error_text
from ui.operations import Op


class RestoreOfferDialog(QDialog):
    """``exec()`` returns Accepted once the backup is back in place (``restore_result`` holds what
    the restore did); the caller then opens the file again."""

    def __init__(self, path: Path, error: DatabaseCorrupt, language: Language = "en",
                 visitor: Visitor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.language = language
        self.visitor = visitor or Visitor()
        self.offer: BackupInfo | None = None
        self.restore_result: RestoreResult | None = None
        self.setWindowTitle(self.tr("The database is damaged"))
        self.setMinimumWidth(560)
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.setSpacing(16)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout()
        layout.setSpacing(10)
        top.addLayout(layout, 1)
        outer.addLayout(top)
        problem = QLabel(error.message(language), self)
        problem.setWordWrap(True)
        problem.setObjectName("restoreProblem")
        font = problem.font()
        font.setBold(True)
        problem.setFont(font)
        layout.addWidget(problem)
        where = QLabel(str(path), self)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setStyleSheet("color: palette(mid);")
        layout.addWidget(where)
        self.offer_label = QLabel(self.tr("Looking for the latest good backup…"), self)
        self.offer_label.setWordWrap(True)
        self.offer_label.setObjectName("restoreOffer")
        layout.addWidget(self.offer_label)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("restoreStatus")
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("Restore this backup"), self)
        self.restore_button.setEnabled(False)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore)
        outer.addSpacing(6)
        outer.addWidget(self.buttons)
        Op(self, lambda: restore_offer(path)).success(self._offered).failure(
            self._failed).run()

    def _offered(self, offer: BackupInfo | None) -> None:
        self.offer = offer
        if offer is None:
            self.offer_label.setText(self.tr("No good backup of this database was found. "
                                             "Ask your administrator for help."))
            return
        kind = text(f"storage.kind.{offer.kind}", self.language)
        self.offer_label.setText(self.tr(
            "Latest good backup: {0} ({1}, schema {2}). Everything saved after it will be "
            "lost; the damaged file is kept for investigation.").format(
            f"{offer.taken_at.astimezone():%Y-%m-%d %H:%M}", kind, offer.schema_version))
        self.restore_button.setEnabled(True)

    def restore(self) -> None:
        if self.offer is None:
            return
        backup = self.offer.path
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("Restoring…"))
        Op(self, lambda: restore_backup(self.path, backup, visitor=self.visitor)).success(
            self._restored).failure(self._failed).run()

    def _restored(self, result: RestoreResult) -> None:
        self.restore_result = result
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error, self.language))
        self.restore_button.setEnabled(self.offer is not None)
