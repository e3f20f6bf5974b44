"""Who has the database file open, from which workstation, and when each was last heard
of: for the administrator before a restore, and for anyone wondering who else is in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.database.care import connected
from desk_app.storage.presence import PresenceRow
from ui.context import UiContext
from ui.errors import error_text
from ui.widgets.calls import call


class PresenceList(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Connected workstations"), self))
        top.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.reload)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("User"), self.tr("Workstation"), self.tr("Program"),
            self.tr("Last heard of"), self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.rows: list[PresenceRow] = []
        self.reload()

    def reload(self) -> None:
        session = self.context.session
        call(self, self.context, lambda: connected(session), self.show_rows, self._failed)

    def state_text(self, row: PresenceRow) -> str:
        if row.stale:
            return self.tr("Not heard of")
        if row.state == "released":
            return self.tr("Let go (maintenance)")
        return self.tr("This workstation") if row.me else self.tr("Working")

    def show_rows(self, rows: list[PresenceRow]) -> None:
        self.rows = rows
        self.message.hide()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            who = f"{row.full_name} ({row.username})" if row.full_name else row.username
            cells = [who, row.workstation, f"{row.program_version} / {row.schema_version}",
                     f"{row.heartbeat_at.astimezone():%Y-%m-%d %H:%M:%S}",
                     self.state_text(row)]
            for column, value in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(value))

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error, self.context.language))
        self.message.show()
