"""One section of a report on screen: its chart and, beside it, a table of the exact figures.
Clicking a figure (a table cell, a bar, a point or a pie slice) asks for its incidents."""

from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.reports.model import Table
from ui.reports.charts import ChartPicks, build_chart

LINK = QColor("#1565c0")


def figure(value: float | int | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if not value.is_integer() else \
            f"{int(value):,}"
    return f"{value:,}"


class SectionView(QFrame):
    # (table key, row index, column index) of a figure that has incidents behind it
    drill = Signal(str, int, int)

    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table_data = table
        self.setObjectName(f"section_{table.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(table.title, self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        self.chart_view: QChartView | None = None
        self.picks = ChartPicks(self)
        self.picks.picked.connect(lambda row, column: self._picked(row, column))
        body = QHBoxLayout()
        if table.chart != "none" and table.rows:
            self.chart_view = QChartView(build_chart(table, self.picks), self)
            self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_view.setMinimumHeight(250)
            self.chart_view.setMinimumWidth(380)
            body.addWidget(self.chart_view, 3 if len(table.columns) <= 3 else 2)
        self.grid = self._grid(table)
        body.addWidget(self.grid, 2 if len(table.columns) <= 3 else 3)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if table.note:
            note = QLabel(table.note, self)
            note.setWordWrap(True)
            note.setStyleSheet("color: palette(mid);")
            layout.addWidget(note)
        layout.addLayout(body)

    def _grid(self, table: Table) -> QTableWidget:
        grid = QTableWidget(len(table.rows), len(table.columns) + 1, self)
        grid.setObjectName(f"figures_{table.key}")
        grid.setHorizontalHeaderLabels(["", *table.columns])
        grid.verticalHeader().hide()
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        grid.setWordWrap(False)
        for r, row in enumerate(table.rows):
            grid.setItem(r, 0, QTableWidgetItem(row.label))
            for c, cell in enumerate(row.cells, start=1):
                item = QTableWidgetItem(figure(cell.value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if cell.drill is not None and cell.value:
                    item.setForeground(QBrush(LINK))
                    item.setToolTip(self.tr("Click to see these incidents"))
                grid.setItem(r, c, item)
        header = grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        rows_height = sum(grid.rowHeight(r) for r in range(grid.rowCount()))
        # all the rows without scrolling, up to a screenful
        wanted = (rows_height + header.sizeHint().height() + 2 * grid.frameWidth()
                  + grid.horizontalScrollBar().sizeHint().height() + 4)
        grid.setMinimumHeight(min(520, wanted))
        grid.setMaximumHeight(min(520, max(wanted, 120)))
        grid.cellClicked.connect(lambda r, c: c > 0 and self._picked(r, c - 1))
        return grid

    def _picked(self, row: int, column: int) -> None:
        rows = self.table_data.rows
        if 0 <= row < len(rows) and 0 <= column < len(rows[row].cells):
            cell = rows[row].cells[column]
            if cell.drill is not None and cell.value:
                self.drill.emit(self.table_data.key, row, column)
