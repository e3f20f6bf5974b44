"""A report on paper or in a PDF: its title, then every section's chart and table of figures,
drawn with Qt's painter on a ``QPdfWriter`` or a ``QPrinter`` (the same drawing for both).

Importing this module registers the PDF writer with the core's exports, so that
``desk-app report --format pdf`` (which runs without a window) writes the same PDF.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QApplication, QGraphicsScene

from desk_app.services.reports.export import PDF_WRITERS
from desk_app.services.reports.model import Report, Table
from ui.reports.charts import build_chart
from ui.reports.section import figure

#: families tried first, so that Chinese is drawn with a font that has it
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Microsoft YaHei", "PingFang SC", "SimHei")
CHART_SIZE = QSize(900, 300)  # the chart's own layout size, scaled onto the page


def report_font(point_size: float = 9.0, bold: bool = False) -> QFont:
    families = set(QFontDatabase.families())
    family = next((f for f in CJK_FAMILIES if f in families), QFont().family())
    font = QFont(family)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


class _Pages:
    """Where the next thing goes, with a new page when it does not fit."""

    def __init__(self, device: QPagedPaintDevice, painter: QPainter) -> None:
        self.device, self.painter = device, painter
        self.width = painter.viewport().width()
        self.height = painter.viewport().height()
        self.y = 0
        self.page = 1

    def need(self, height: int) -> None:
        if self.y + height > self.height and self.y > 0:
            self.device.newPage()
            self.page += 1
            self.y = 0


def paint_report(report: Report, device: QPagedPaintDevice) -> int:
    """Draw ``report`` on ``device``; returns the number of pages."""
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dpi = device.logicalDpiY()
        pages = _Pages(device, painter)
        pt = dpi / 72.0
        title_font, head_font = report_font(16, True), report_font(11, True)
        body_font = report_font(8.5)
        painter.setFont(title_font)
        line = QFontMetrics(title_font, device).height()
        painter.drawText(QRect(0, 0, pages.width, line), Qt.AlignmentFlag.AlignLeft,
                         report.title)
        pages.y = line
        painter.setFont(body_font)
        small = QFontMetrics(body_font, device).height()
        painter.drawText(QRect(0, pages.y, pages.width, small), Qt.AlignmentFlag.AlignLeft,
                         report.subtitle)
        pages.y += int(small + 10 * pt)
        for table in report.tables:
            _section(pages, table, head_font, body_font, pt)
        return pages.page
    finally:
        painter.end()


def _section(pages: _Pages, table: Table, head_font: QFont, body_font: QFont,
             pt: float) -> None:
    painter, device = pages.painter, pages.device
    head = QFontMetrics(head_font, device).height()
    row_height = int(QFontMetrics(body_font, device).height() * 1.35)
    chart_height = int(pages.width * CHART_SIZE.height() / CHART_SIZE.width()) \
        if table.chart != "none" and table.rows else 0
    pages.need(head + chart_height + row_height * min(len(table.rows) + 1, 6))
    painter.setFont(head_font)
    painter.setPen(QColor("#000000"))
    painter.drawText(QRect(0, pages.y, pages.width, head), Qt.AlignmentFlag.AlignLeft,
                     table.title)
    pages.y += int(head + 4 * pt)
    if chart_height:
        # a scene of its own, laid out at the chart's size and drawn as vectors
        scene = QGraphicsScene()
        chart = build_chart(table, font=report_font(8))
        scene.addItem(chart)
        chart.setGeometry(QRectF(0, 0, CHART_SIZE.width(), CHART_SIZE.height()))
        scene.setSceneRect(chart.geometry())
        target = QRectF(0, pages.y, pages.width, chart_height)
        scene.render(painter, target, scene.sceneRect())
        scene.removeItem(chart)
        chart.deleteLater()
        scene.deleteLater()
        pages.y += int(chart_height + 4 * pt)
    painter.setFont(body_font)
    columns = len(table.columns)
    first = int(pages.width * (0.34 if columns > 3 else 0.5))
    other = (pages.width - first) // max(1, columns)
    header_height = row_height * 2
    pages.need(header_height + row_height)
    _header(pages, table, first, other, header_height)
    for row in table.rows:
        if pages.y + row_height > pages.height:
            pages.need(pages.height)  # a new page, with the header again
            _header(pages, table, first, other, header_height)
        painter.setPen(QPen(QColor("#dddddd")))
        painter.drawLine(0, pages.y + row_height, pages.width, pages.y + row_height)
        painter.setPen(QColor("#000000"))
        painter.drawText(QRect(0, pages.y, first - 4, row_height),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         row.label)
        for i, cell in enumerate(row.cells):
            painter.drawText(QRect(first + i * other, pages.y, other - 4, row_height),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             figure(cell.value))
        pages.y += row_height
    pages.y += int(14 * pt)


def _header(pages: _Pages, table: Table, first: int, other: int, height: int) -> None:
    painter = pages.painter
    painter.fillRect(QRect(0, pages.y, pages.width, height), QColor("#eceff1"))
    painter.setPen(QColor("#000000"))
    for i, column in enumerate(table.columns):
        painter.drawText(QRect(first + i * other, pages.y, other - 4, height),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextWordWrap), column)
    pages.y += height


def write_pdf(report: Report, path: Path) -> None:
    """The report as an A4 PDF at ``path`` (fonts embedded, so Chinese shows anywhere)."""
    _application()
    writer = QPdfWriter(str(path))
    writer.setResolution(150)
    writer.setTitle(report.title)
    writer.setCreator("desk-app")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    paint_report(report, writer)


def _application() -> None:
    """Charts need an application object; the command line has none, nor perhaps a screen."""
    if QApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication([])


PDF_WRITERS.append(write_pdf)
