"""Table views the forms share: read-only, whole rows, heights that follow the content."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def read_only_table(parent: QWidget, model: QAbstractItemModel, name: str) -> QTableView:
    """A table whose rows grow to show wrapped text (journal notes, notification lists)."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
    return table


def fit_height(table: QTableView, max_rows: int = 10) -> None:
    """Make a short table only as tall as its rows (up to ``max_rows``), so that several
    tables stacked in one panel do not each claim half of it."""
    rows = table.model().rowCount()
    header = table.horizontalHeader().sizeHint().height()
    shown = [table.verticalHeader().sectionSize(r) for r in range(min(rows, max_rows))]
    body = sum(shown) if shown else table.verticalHeader().defaultSectionSize()
    frame = 2 * table.frameWidth()
    extra = table.horizontalScrollBar().sizeHint().height() if rows > max_rows else 0
    table.setFixedHeight(header + body + frame + extra + 2)
