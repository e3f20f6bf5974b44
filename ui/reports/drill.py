"""The incidents behind a figure, as a tab like a queue's: number, title, priority, stage,
group, logged and resolved; Enter or a double-click opens an incident, and the queue's
context menu (bulk actions, copy, export, print) works on its rows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Priority, Stage
from desk_app.formatting import format_moment
from desk_app.i18n import label
from desk_app.services.reports.drill import LIMIT, DrillRow
from ui.bulk.menu import ListActions, ListSource
from ui.context import UiContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DrillTab(QWidget):
    open_incident = Signal(int)

    def __init__(self, context: UiContext, title: str, rows: list[DrillRow],
                 parent: QWidget | None = None, cut: bool | None = None) -> None:
        """``cut``: the list had more than ``LIMIT`` incidents (by default: it holds that
        many, as a drill-down's read stops there)."""
        super().__init__(parent)
        self.setObjectName("reportDrill")
        self.title = title
        self.rows = rows
        lang = context.language
        if cut is None:
            cut = len(rows) >= LIMIT
        caption = QLabel(self.tr("%1 — %2 incidents").replace("%1", title).replace(
            "%2", str(len(rows))) + ("" if not cut else " " + self.tr(
                "(only the first %1)").replace("%1", str(LIMIT))), self)
        caption.setWordWrap(True)
        self.table = QTableWidget(len(rows), 7, self)
        self.table.setObjectName("drillTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Title"), self.tr("Priority"), self.tr("Stage"),
            self.tr("Support group"), self.tr("Logged"), self.tr("Resolved")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for r, row in enumerate(rows):
            values = [row.number, row.title,
                      label(Priority(row.priority), lang),
                      label(Stage(row.stage), lang),
                      row.group_zh if lang == "zh" else row.group_en,
                      format_moment(row.created_at, lang), format_moment(row.resolved_at, lang)]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, row.id)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._open(r))
        self.table.activated.connect(lambda index: self._open(index.row()))
        ids = [row.id for row in rows]
        self.actions = ListActions(context, ListSource(
            self.table, self.selected_ids, lambda: lambda: list(ids), lambda: title,
            lambda: len(ids)), self)
        self.actions.open_requested.connect(self.open_incident)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.table)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[r].id for r in rows if 0 <= r < len(self.rows)]

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_incident.emit(self.rows[row].id)
