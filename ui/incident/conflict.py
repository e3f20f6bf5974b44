"""A stale edit: someone else changed the incident since this person loaded it.

Nothing is overwritten silently. The dialog shows the incident as the person saw it beside
the incident as it is now, what happened in between, and the change the person wanted to
make; they reload (dropping their change) or apply it again on top of the current version,
where the core checks it anew.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.i18n import Language
from desk_app.services.incident.history import field_label


class ConflictDialog(QDialog):
    reload_requested = Signal()
    reapply_requested = Signal(int)  # the version to apply on

    def __init__(self, lang: Language, message: str, mine: dict[str, str],
                 current: dict[str, str], your_change: list[tuple[str, str]],
                 meanwhile: list[str], current_version: int, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.current_version = current_version
        self.setWindowTitle(self.tr("Changed by someone else"))
        intro = QLabel(message, self)
        intro.setWordWrap(True)

        names = [name for name in current if name in mine]
        names.sort(key=lambda name: mine[name] == current[name])  # differences first
        self.table = QTableWidget(len(names), 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("As you saw it"), self.tr("Now")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.differences: list[str] = []
        changed = QBrush(QColor("#fff4c2"))
        for row, name in enumerate(names):
            cells = [field_label(name, lang), mine[name], current[name]]
            differs = mine[name] != current[name]
            if differs:
                self.differences.append(name)
            for column, content in enumerate(cells):
                item = QTableWidgetItem(content)
                if differs:
                    item.setBackground(changed)
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        if meanwhile:
            layout.addWidget(QLabel(self.tr("What happened meanwhile:"), self))
            happened = QLabel("\n".join(meanwhile), self)
            happened.setWordWrap(True)
            happened.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(happened)
        if your_change:
            layout.addWidget(QLabel(self.tr("Your change:"), self))
            lines = "\n".join(f"{caption}: {content}" for caption, content in your_change
                              if content)
            self.your_change = QLabel(lines, self)
            self.your_change.setWordWrap(True)
            self.your_change.setStyleSheet("font-weight:600;")
            layout.addWidget(self.your_change)

        buttons = QDialogButtonBox(self)
        self.reload_button = QPushButton(self.tr("&Reload (drop my change)"), self)
        self.reapply_button = QPushButton(self.tr("&Apply my change again"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        buttons.addButton(self.reapply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(self._reload)
        self.reapply_button.clicked.connect(self._reapply)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _reload(self) -> None:
        self.accept()
        self.reload_requested.emit()

    def _reapply(self) -> None:
        self.accept()
        self.reapply_requested.emit(self.current_version)
