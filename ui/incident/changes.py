"""Changes raised from the incident (R18): the incident waits until they are closed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import ChangeState
from desk_app.formatting import format_moment
from desk_app.i18n import label
from desk_app.storage.models import ChangeRequest
from ui.context import UiContext
from ui.incident.data import Screen
from ui.widgets.rows_model import Column, RowsModel
from ui.widgets.tables import read_only_table


class ChangesPanel(QWidget):
    close_requested = Signal(object)  # ChangeRequest

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        lang = context.language
        self.screen: Screen | None = None
        self.model = RowsModel([
            Column(self.tr("Number"), lambda c: c.number),
            Column(self.tr("Title"), lambda c: c.title),
            Column(self.tr("State"), lambda c: label(ChangeState(c.state), lang)),
            Column(self.tr("Raised"), lambda c: format_moment(c.created_at, lang)),
            Column(self.tr("Closed"), lambda c: format_moment(c.closed_at, lang)),
            Column(self.tr("Outcome"), lambda c: c.outcome),
        ], self)
        self.table = read_only_table(self, self.model, self.tr("Changes"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.close_button = QPushButton(self.tr("Close &change…"), self)
        self.close_button.clicked.connect(self._close)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self._update()

    def show_screen(self, screen: Screen) -> None:
        self.screen = screen
        selected = self.selected()
        self.model.set_rows(screen.view.changes)
        row = self.model.row_of(lambda c: selected is not None and c.id == selected.id)
        if row < 0:
            row = self.model.row_of(lambda c: c.state == ChangeState.OPEN.value)
        if row >= 0:
            self.table.selectRow(row)
        self._update()

    def selected(self) -> ChangeRequest | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update(self) -> None:
        change = self.selected()
        refusal = None
        if change is None or self.screen is None:
            self.close_button.setEnabled(False)
            self.close_button.setToolTip(self.tr("Select an open change"))
            return
        refusal = self.screen.changes.get(int(change.id))
        self.close_button.setEnabled(refusal is None)
        self.close_button.setToolTip(
            "" if refusal is None else refusal.message(self.context.language))

    def _close(self) -> None:
        change = self.selected()
        if change is not None and self.close_button.isEnabled():
            self.close_requested.emit(change)
