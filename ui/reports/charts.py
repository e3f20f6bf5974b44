"""A report table drawn as a QtCharts chart: bars, lines or a pie, one series per charted
column. ``picked(row, column)`` says which figure a click on a bar, point or slice meant."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont

from desk_app.services.reports.model import Table

PALETTE = ["#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#e53935", "#00897b", "#6d4c41",
           "#3949ab", "#c0ca33", "#5e35b1"]


def charted_columns(table: Table) -> list[int]:
    return list(table.chart_columns) or list(range(len(table.columns)))


class ChartPicks(QObject):
    """Clicks on a chart's marks, as the (row, column) of the table they stand for."""

    picked = Signal(int, int)


def build_chart(table: Table, picks: ChartPicks | None = None, font: QFont | None = None
                ) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins() * 0)
    if font is not None:
        chart.legend().setFont(font)
    if table.chart == "pie":
        _pie(chart, table, picks)
    elif table.chart == "line":
        _lines(chart, table, picks, font)
    else:
        _bars(chart, table, picks, font)
    return chart


def _number(value: float | int | None) -> float:
    return float(value) if value is not None else 0.0


def _nice_step(top: float) -> float:
    """A step of 1, 2 or 5 × 10^k giving about five ticks up to ``top``."""
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _value_axis(top: float, font: QFont | None, whole: bool) -> QValueAxis:
    axis = QValueAxis()
    top = top or 1.0
    step = _nice_step(top)
    if whole:
        step = max(1.0, step)
    axis.setLabelFormat("%d" if step >= 1 else "%.1f")
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setRange(0, step * math.ceil(top / step))
    if font is not None:
        axis.setLabelsFont(font)
    return axis


def _whole(table: Table) -> bool:
    return all(isinstance(r.cells[c].value, int | None) for r in table.rows
               for c in charted_columns(table))


def _bars(chart: QChart, table: Table, picks: ChartPicks | None, font: QFont | None) -> None:
    series = QBarSeries()
    top = 0.0
    for n, column in enumerate(charted_columns(table)):
        bars = QBarSet(table.columns[column])
        bars.setColor(QColor(PALETTE[n % len(PALETTE)]))
        values = [_number(r.cells[column].value) for r in table.rows]
        top = max([top, *values])
        bars.append(values)
        if picks is not None:
            bars.clicked.connect(lambda index, c=column: picks.picked.emit(index, c))
        series.append(bars)
    chart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append([r.label for r in table.rows])
    if font is not None:
        axis.setLabelsFont(font)
    values = _value_axis(top, font, _whole(table))
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)
    series.attachAxis(values)
    if len(charted_columns(table)) == 1:
        chart.legend().hide()


def _lines(chart: QChart, table: Table, picks: ChartPicks | None, font: QFont | None) -> None:
    top = 0.0
    axis = QBarCategoryAxis()
    # days: the day of the month is enough under a chart (the table has the dates)
    labels = [r.label[8:] if len(table.rows) > 14 and len(r.label) == 10 else
              r.label[5:] if len(r.label) == 10 else r.label for r in table.rows]
    axis.append(labels)
    if font is not None:
        axis.setLabelsFont(font)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    lines = []
    for n, column in enumerate(charted_columns(table)):
        line = QLineSeries()
        line.setName(table.columns[column])
        line.setColor(QColor(PALETTE[n % len(PALETTE)]))
        line.setPointsVisible(True)
        for i, row in enumerate(table.rows):
            value = _number(row.cells[column].value)
            top = max(top, value)
            line.append(QPointF(i, value))
        if picks is not None:
            line.clicked.connect(lambda point, c=column: picks.picked.emit(
                round(point.x()), c))
        chart.addSeries(line)
        lines.append(line)
    values = _value_axis(top, font, _whole(table))
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    for line in lines:
        line.attachAxis(axis)
        line.attachAxis(values)
    if len(lines) == 1:
        chart.legend().hide()


def _pie(chart: QChart, table: Table, picks: ChartPicks | None) -> None:
    series = QPieSeries()
    column = charted_columns(table)[0]
    for n, row in enumerate(table.rows):
        value = _number(row.cells[column].value)
        piece = series.append(f"{row.label} ({row.cells[column].value})", value)
        piece.setColor(QColor(PALETTE[n % len(PALETTE)]))
        if picks is not None:
            piece.clicked.connect(lambda i=n, c=column: picks.picked.emit(i, c))
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
