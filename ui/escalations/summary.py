"""Summary counts of escalations per support group and per week (R08), as stacked bar charts
(QtCharts) with the same figures in a table beside them for reading exact values."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desk_app.services.alerts.escalation_review import Summary
from ui.context import UiContext
from ui.escalations.common import named

OPEN_COLOR = QColor("#ef6c00")
DONE_COLOR = QColor("#78909c")


class SummaryView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group_chart = QChartView()
        self.week_chart = QChartView()
        for view in (self.group_chart, self.week_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Support group / week"), self.tr("Open"),
                                              self.tr("Acknowledged")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumWidth(360)
        charts = QVBoxLayout()
        charts.addWidget(self.group_chart)
        charts.addWidget(self.week_chart)
        layout = QHBoxLayout(self)
        layout.addLayout(charts, 1)
        layout.addWidget(self.table)

    def show_summary(self, summary: Summary) -> None:
        groups = [named(self.ctx, en, zh) for _, en, zh, _, _ in summary.per_group]
        weeks = [monday.strftime("%m-%d") for monday, _, _ in summary.per_week]
        self.group_chart.setChart(self._chart(
            self.tr("Escalations per support group"), groups,
            [o for *_, o, _ in summary.per_group], [d for *_, d in summary.per_group],
            horizontal=True))
        self.week_chart.setChart(self._chart(
            self.tr("Escalations per week (from Monday)"), weeks,
            [o for _, o, _ in summary.per_week], [d for _, _, d in summary.per_week],
            horizontal=False))
        rows = [(g, o, d) for g, (*_, o, d) in zip(groups, summary.per_group, strict=True)]
        rows += [(self.tr("Week of %1").replace("%1", m.isoformat()), o, d)
                 for m, o, d in summary.per_week]
        self.table.setRowCount(len(rows))
        for row, (name, open_, done) in enumerate(rows):
            for column, value in enumerate([name, str(open_), str(done)]):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def _chart(self, title: str, categories: list[str], open_: list[int], done: list[int],
               *, horizontal: bool) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        series = QHorizontalStackedBarSeries() if horizontal else QStackedBarSeries()
        for name, values, color in ((self.tr("Open"), open_, OPEN_COLOR),
                                    (self.tr("Acknowledged"), done, DONE_COLOR)):
            bars = QBarSet(name)
            bars.setColor(color)
            bars.append([float(v) for v in values])
            series.append(bars)
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = max([o + d for o, d in zip(open_, done, strict=True)] or [1]) or 1
        step = max(1, math.ceil(top / 8))  # whole-number ticks, at most about eight
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setTickInterval(step)
        values.setRange(0, step * math.ceil(top / step))
        category_side = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
        value_side = Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
        chart.addAxis(axis, category_side)
        chart.addAxis(values, value_side)
        series.attachAxis(axis)
        series.attachAxis(values)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart
