"""A list of incidents on paper, page by page: the rows are painted straight onto the
printer (or Qt's PDF output) with ``QPainter`` as they are read, so a queue of any length
prints without being laid out whole first or held in memory (``ui.bulk.output`` reads the
rows off the GUI thread and paints them a slice at a time between the window's events).

Every page repeats the column headings and carries the list's name and its page number; the
first also says who printed it, when, and how many incidents the list holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)

#: Relative widths of the printed columns (``services.bulk.printing.PRINTED``).
WEIGHTS = {"number": 9, "priority": 7, "stage": 8, "title": 24, "group": 10,
           "assignee": 10, "caller": 10, "next_target": 11, "updated": 11}
#: A cell shows at most this many lines (a long title is cut, the export has it whole).
MAX_LINES = 3
#: Columns whose few values repeat down the list: whether a value fits is measured once.
REPEATING = {"priority", "stage", "group", "assignee", "caller"}


@dataclass(frozen=True)
class Heading:
    """What every page says besides the rows, already in the person's language."""

    title: str
    meta: str  # first page only: who printed it, when, how many
    page: str  # "Page %1"
    columns: Sequence[str]  # keys of ``WEIGHTS``
    labels: Sequence[str]  # the column headings


@dataclass(frozen=True)
class Printed:
    pages: int
    rows: int
    complete: bool  # False: cancelled or the printer stopped


def landscape_a4(device: QPagedPaintDevice) -> None:
    """A list reads best across: A4 landscape, 10 mm margins."""
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape,
                                     QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))


class _Pages:
    """The painter on its device, the fonts, the column edges and where the next row goes."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice, heading: Heading) -> None:
        self.painter, self.device, self.heading = painter, device, heading
        self.width = float(painter.viewport().width())
        self.height = float(painter.viewport().height())
        self.body = QFont("sans-serif")
        self.body.setPointSizeF(8)
        self.bold = QFont(self.body)
        self.bold.setBold(True)
        self.big = QFont(self.body)
        self.big.setPointSizeF(13)
        self.big.setBold(True)
        self.small = QFont(self.body)
        self.small.setPointSizeF(7)
        painter.setFont(self.body)
        self.metrics = QFontMetricsF(self.body, device)
        self.pad = self.metrics.height() * 0.25
        #: one line as drawn, Chinese included (its fallback font is taller than Latin)
        self.line = painter.boundingRect(QRectF(0, 0, 1e6, 1e6), 0, "Ag国").height()
        total = sum(WEIGHTS[c] for c in heading.columns)
        self.edges = [0.0]
        for column in heading.columns:
            self.edges.append(self.edges[-1] + self.width * WEIGHTS[column] / total)
        self.widths = [self.edges[c + 1] - self.edges[c] - 2 * self.pad
                       for c in range(len(heading.columns))]
        self.repeating = [c in REPEATING for c in heading.columns]
        self.fits: dict[tuple[int, str], bool] = {}
        self.number = 0
        self.y = 0.0
        self.bottom = 0.0

    def _text(self, font: QFont, rect: QRectF, flags: int, value: str) -> None:
        self.painter.setFont(font)
        self.painter.drawText(rect, flags, value)

    def start(self) -> None:
        """A new page: the list's name and page number, on the first the meta line, then
        the column headings."""
        self.number += 1
        painter, line = self.painter, QFontMetricsF(self.big, self.device).height()
        small = QFontMetricsF(self.small, self.device).height()
        painter.setPen(QPen(QColor("#000000")))
        self._text(self.big, QRectF(0, 0, self.width * 0.8, line),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                   self.metrics_for(self.big).elidedText(self.heading.title,
                                                         Qt.TextElideMode.ElideRight,
                                                         self.width * 0.8))
        self._text(self.small, QRectF(self.width * 0.8, 0, self.width * 0.2, line),
                   int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                   self.heading.page.replace("%1", str(self.number)))
        self.y = line
        if self.number == 1:
            painter.setPen(QPen(QColor("#555555")))
            self._text(self.small, QRectF(0, self.y, self.width, small),
                       int(Qt.AlignmentFlag.AlignLeft), self.heading.meta)
            painter.setPen(QPen(QColor("#000000")))
            self.y += small
        self.y += self.pad * 2
        height = self.metrics_for(self.bold).height() + 2 * self.pad
        painter.fillRect(QRectF(0, self.y, self.width, height), QColor("#e8e8e8"))
        self._row(self.heading.labels, height, self.bold)
        self.bottom = self.height

    def metrics_for(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.device)

    def _cell_rect(self, column: int, height: float) -> QRectF:
        left, right = self.edges[column], self.edges[column + 1]
        return QRectF(left + self.pad, self.y + self.pad, right - left - 2 * self.pad,
                      height - 2 * self.pad)

    def _row(self, cells: Sequence[str], height: float, font: QFont) -> None:
        painter = self.painter
        top = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        single = height <= self.line + 2 * self.pad + 0.01
        flags = top if single else top | int(Qt.TextFlag.TextWordWrap)
        if not single:
            painter.save()
            painter.setClipRect(QRectF(0, self.y, self.width, height))  # MAX_LINES at most
        painter.setFont(font)
        for column, value in enumerate(cells):
            painter.drawText(self._cell_rect(column, height), flags, value)
        if not single:
            painter.restore()
        painter.setPen(QPen(QColor("#bbbbbb")))
        painter.drawLine(0, int(self.y + height), int(self.width), int(self.y + height))
        painter.setPen(QPen(QColor("#000000")))
        self.y += height

    def _fits(self, column: int, value: str) -> bool:
        """Whether the value fits its column on one line; a repeating column's answer is
        kept with the value laid out once."""
        key = (column, value)
        known = self.fits.get(key)
        if known is not None:
            return known
        fits = "\n" not in value and self.metrics.horizontalAdvance(value) <= self.widths[column]
        if self.repeating[column] and len(self.fits) < 5000:
            self.fits[key] = fits
        return fits

    def height_of(self, cells: Sequence[str]) -> float:
        """The row's height: its tallest cell as the painter lays it out (with the fonts it
        falls back to for Chinese), at most ``MAX_LINES`` lines. A cell that fits its
        column on one line is not laid out (most of them: laying out is the slow part)."""
        painter, flags = self.painter, int(Qt.TextFlag.TextWordWrap)
        needed = self.line
        for column, value in enumerate(cells):
            if self._fits(column, value):
                continue
            painter.setFont(self.body)
            needed = max(needed, painter.boundingRect(
                QRectF(0, 0, max(self.widths[column], 1.0), 1e6), flags, value).height())
            if needed >= self.line * MAX_LINES:
                break
        return min(needed, self.line * MAX_LINES) + 2 * self.pad

    def add(self, cells: Sequence[str]) -> None:
        height = self.height_of(cells)
        if self.y + height > self.bottom and self.y > 0:
            self.device.newPage()
            self.start()
        self._row(cells, height, self.body)


class ListPainter:
    """A list painted onto a printer as its rows come: ``begin``, ``add`` each row's cells,
    then ``finish``. Used on the GUI thread, a slice of rows at a time (painting text off
    it crashed now and then in Qt's font handling)."""

    def __init__(self, device: QPagedPaintDevice, heading: Heading) -> None:
        self.device, self.heading = device, heading
        self.painter = QPainter()
        self.pages: _Pages | None = None
        self.rows = 0

    def begin(self) -> bool:
        """False when the printer cannot be painted on (e.g. a PDF file that cannot be
        written)."""
        if not self.painter.begin(self.device):
            return False
        self.pages = _Pages(self.painter, self.device, self.heading)
        self.pages.start()
        return True

    def add(self, cells: Sequence[str]) -> None:
        assert self.pages is not None
        self.pages.add(cells)
        self.rows += 1

    def finish(self, complete: bool, abort: Callable[[], object] | None = None) -> Printed:
        """End the print run: sent (or the PDF written) when ``complete``, else ``abort``
        first (a printer's: the job is not sent)."""
        if not complete and abort is not None and self.painter.isActive():
            abort()
        if self.painter.isActive():
            self.painter.end()
        return Printed(self.pages.number if self.pages else 0, self.rows, complete)


def print_rows(device: QPagedPaintDevice, heading: Heading, rows: Iterable[Sequence[str]],
               cancelled: Callable[[], bool] = lambda: False,
               abort: Callable[[], object] | None = None) -> Printed:
    """Paint ``rows`` (each the cells of ``heading.columns``) onto ``device`` page by page,
    as they come, in one go; stops early when ``cancelled``."""
    painter = ListPainter(device, heading)
    if not painter.begin():
        return Printed(0, 0, False)
    for cells in rows:
        if cancelled():
            break
        painter.add(cells)
    return painter.finish(not cancelled(), abort)
