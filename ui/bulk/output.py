"""Copy, export and print a list of incidents from the workstation.

Copying puts the selected rows on the clipboard as tab-separated text with a header row
(Excel and WPS paste it into columns). Exporting writes the whole list the person is
looking at (the queue with its filters and sort, a saved queue, a search), read afresh in
full, to CSV or XLSX. Printing paints the whole list page by page as its rows are read
(``ui.bulk.paper``), and lays one incident with its history out with Qt's ``QTextDocument``,
for a printer chosen in Qt's print dialog or a PDF file.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QSizeF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from desk_app.formatting import format_moment
from desk_app.i18n import text
from desk_app.services.bulk import tables
from desk_app.services.bulk.printing import PRINTED, incident_html
from ui.bulk import paper
from ui.bulk.runner import Job
from ui.context import UiContext
from ui.errors import show_error


# -- copy ------------------------------------------------------------------------------------
def copy_rows(context: UiContext, parent: QWidget, ids: Sequence[int],
              done: Callable[[str], None] | None = None) -> None:
    """The rows of ``ids`` (in that order) on the clipboard, read off the GUI thread."""
    if not ids:
        return
    session, lang, wanted = context.session, context.language, list(ids)

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
        rows = list(tables.rows_of(session, wanted, progress=progress, cancelled=cancelled))
        return tables.tsv(rows, lang)

    def copied(content: object) -> None:
        QGuiApplication.clipboard().setText(str(content))
        if done is not None:
            done(str(content))

    job = Job(context, parent, QCoreApplication.translate("BulkOutput", "Copying…"),
              len(wanted), work)
    job.finished.connect(copied)
    job.failed.connect(lambda error: show_error(parent, error, context.language))
    job.start()


# -- export ----------------------------------------------------------------------------------
def choose_export_path(parent: QWidget, fmt: str, title: str) -> Path | None:
    name = "".join(ch if ch not in '\\/:*?"<>|' else " " for ch in title).strip() or "incidents"
    if fmt == tables.ExportFormat.CSV:
        kind = QCoreApplication.translate("BulkOutput", "CSV, UTF-8 (*.csv)")
    else:
        kind = QCoreApplication.translate("BulkOutput", "Excel workbook (*.xlsx)")
    chosen, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("BulkOutput", "Export"), f"{name}.{fmt}", kind)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")


def export_list(context: UiContext, parent: QWidget, all_ids: Callable[[], list[int]],
                path: Path, fmt: str, title: str, expected: int,
                done: Callable[[tables.ExportResult], None] | None = None) -> None:
    """Write every incident of the list (``all_ids`` reads them afresh, in the list's
    order) to ``path``; ``expected``: about how many, for the progress dialog."""
    session, lang = context.session, context.language

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]
             ) -> tables.ExportResult:
        ids = all_ids()
        return tables.export_ids(session, ids, path, fmt, lang, title=title,
                                 progress=progress, cancelled=cancelled)

    def finished(result: object) -> None:
        assert isinstance(result, tables.ExportResult)
        if done is not None:
            done(result)
            return
        if result.complete:
            QMessageBox.information(
                parent, QCoreApplication.translate("BulkOutput", "Export"),
                QCoreApplication.translate("BulkOutput", "%1 incident(s) exported to %2.")
                .replace("%1", str(result.rows)).replace("%2", str(result.path)))

    job = Job(context, parent, QCoreApplication.translate("BulkOutput", "Exporting…"),
              expected, work)
    job.finished.connect(finished)
    job.failed.connect(lambda error: show_error(parent, error, context.language))
    job.start()


# -- print -----------------------------------------------------------------------------------
def document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def write_pdf(html: str, path: Path) -> None:
    """The page as a PDF (Qt's PDF writer): A4, 12 mm margins."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    writer.setResolution(150)
    doc = document(html)
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)


def send_to_printer(parent: QWidget, html: str, title: str) -> bool:
    """Qt's print dialog, then the printer the person chose (or a PDF file, which the
    dialog offers too); False when the person cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("BulkOutput", "Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document(html).print_(printer)
    return True


#: How the workstation sends a page out; tests replace it with ``write_pdf`` to a file.
Printer = Callable[[QWidget, str, str], object]
printer: Printer = send_to_printer


def choose_printer(parent: QWidget, title: str) -> QPrinter | None:
    """Qt's print dialog for a list (A4 across to begin with); the printer the person chose,
    or a PDF file, which the dialog offers too; None when the person cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    paper.landscape_a4(printer)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("BulkOutput", "Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


# Where a printed list goes; tests replace it with a ``QPrinter`` writing a PDF file.
list_printer: Callable[[QWidget, str], QPrinter | None] = choose_printer


# Rows read ahead of the painting, in chunks of ``tables.CHUNK`` (memory stays bounded
# whatever the list's length).
READ_AHEAD = 2
# The painting gives the window its events back after about this long.
SLICE_SECONDS = 0.05


class ListPrint(QObject):
    """One list on its way to the printer. A reader thread reads the rows a chunk at a time
    into a short queue; on the GUI thread, a timer paints what is there a slice at a time
    (``paper.ListPainter``), so the window keeps answering; a progress dialog counts the
    printed incidents and can cancel (the printer's job is then aborted, a PDF not kept)."""

    def __init__(self, context: UiContext, parent: QWidget, printer: QPrinter,
                 all_ids: Callable[[], list[int]], title: str, expected: int,
                 done: Callable[[paper.Printed], None] | None) -> None:
        super().__init__(parent)
        self.context, self.parent_widget, self.printer = context, parent, printer
        self.all_ids, self.title, self.expected, self.done = all_ids, title, expected, done
        self.chunks: queue.Queue[object] = queue.Queue(maxsize=READ_AHEAD)
        self.stop = threading.Event()
        self.painter: paper.ListPainter | None = None
        self.rest: list[list[str]] = []
        self.final: Path | None = None
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and \
                printer.outputFileName():
            self.final = Path(printer.outputFileName())
            printer.setOutputFileName(str(self.final.with_name(self.final.name + ".partial")))
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._paint)
        self.dialog = QProgressDialog(QCoreApplication.translate("BulkOutput", "Printing…"),
                                      QCoreApplication.translate("BulkOutput", "Cancel"),
                                      0, max(expected, 1), parent)
        self.dialog.setObjectName("printProgress")
        self.dialog.setWindowTitle(QCoreApplication.translate("BulkOutput", "Print"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        session, lang = self.context.session, self.context.language
        labels = tables.header(lang, PRINTED)
        page = QCoreApplication.translate("BulkOutput", "Page %1")
        chunks, stop = self.chunks, self.stop

        def put(item: object) -> bool:
            while not stop.is_set():
                try:
                    chunks.put(item, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        def read(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]
                 ) -> None:
            try:
                ids = self.all_ids()
                meta = text("bulk.print.meta", lang,
                            when=format_moment(session.clock.now(), lang),
                            who=session.full_name, count=len(ids))
                if not put(paper.Heading(self.title, meta, page, PRINTED, labels)):
                    return
                for start in range(0, len(ids), tables.CHUNK):
                    rows = tables.rows_of(session, ids[start:start + tables.CHUNK])
                    if not put([tables.cells(row, lang, PRINTED) for row in rows]):
                        return
                put(_END)
            except Exception as error:  # the painting side shows it
                put(error)

        job = Job(self.context, self.parent_widget, "", 0, read)
        job.failed.connect(self._failed)
        job.start()
        self.timer.start()

    def cancel(self) -> None:
        self.stop.set()
        self._end(False)

    def _paint(self) -> None:
        started = time.monotonic()
        while time.monotonic() - started < SLICE_SECONDS:
            if self.rest:  # what the last slice left of its chunk
                item, self.rest = self.rest, []
            else:
                try:
                    item = self.chunks.get_nowait()
                except queue.Empty:
                    return
            if isinstance(item, BaseException):
                self._failed(item)
                return
            if item is _END:
                self._end(True)
                return
            if isinstance(item, paper.Heading):
                self.painter = paper.ListPainter(self.printer, item)
                if not self.painter.begin():
                    self._failed(None)
                    return
                continue
            assert self.painter is not None and isinstance(item, list)
            for n, cells in enumerate(item):
                if n % 20 == 19 and time.monotonic() - started >= SLICE_SECONDS:
                    self.rest = item[n:]  # the window's turn; the rest at the next tick
                    break
                self.painter.add(cells)
            if self.dialog is not None:
                self.dialog.setLabelText(QCoreApplication.translate(
                    "BulkOutput", "%1 incident(s) printed…").replace(
                    "%1", str(self.painter.rows)))
                self.dialog.setMaximum(max(self.painter.rows, self.expected))
                self.dialog.setValue(self.painter.rows)

    def _end(self, complete: bool) -> None:
        if not self.timer.isActive():
            return
        self.timer.stop()
        self.stop.set()
        while True:  # let a reader waiting on a full queue go
            try:
                self.chunks.get_nowait()
            except queue.Empty:
                break
        painter = self.painter
        result = painter.finish(complete, self.printer.abort) if painter is not None else \
            paper.Printed(0, 0, False)
        if self.final is not None:
            partial = self.final.with_name(self.final.name + ".partial")
            if result.complete:
                partial.replace(self.final)
            else:
                partial.unlink(missing_ok=True)
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None  # type: ignore[assignment]
        if self.done is not None:
            self.done(result)
        elif result.complete:
            status = getattr(self.parent_widget.window(), "status", None)
            if status is not None:
                status.showMessage(QCoreApplication.translate(
                    "BulkOutput", "%1 incident(s) printed on %2 page(s).").replace(
                    "%1", str(result.rows)).replace("%2", str(result.pages)), 8000)
        self.deleteLater()

    def _failed(self, error: object) -> None:
        if not self.timer.isActive():
            return
        self._end(False)
        if isinstance(error, BaseException):
            show_error(self.parent_widget, error, self.context.language)
        else:
            QMessageBox.warning(self.parent_widget,
                                QCoreApplication.translate("BulkOutput", "Print"),
                                QCoreApplication.translate(
                                    "BulkOutput", "The printer could not be used."))


_END = object()


def print_list(context: UiContext, parent: QWidget, all_ids: Callable[[], list[int]],
               title: str, expected: int,
               done: Callable[[paper.Printed], None] | None = None) -> ListPrint | None:
    """The whole list on paper, every incident of it, once the person has chosen the
    printer (None when they cancelled)."""
    printer = list_printer(parent, title)
    if printer is None:
        return None
    job = ListPrint(context, parent, printer, all_ids, title, expected, done)
    job.start()
    return job


def print_incident(context: UiContext, parent: QWidget, incident_id: int) -> None:
    session, lang = context.session, context.language

    def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> str:
        return incident_html(session, incident_id, lang)

    def laid_out(result: object) -> None:
        printer(parent, str(result), "")

    job = Job(context, parent, "", 1, work)
    job.finished.connect(laid_out)
    job.failed.connect(lambda error: show_error(parent, error, context.language))
    job.start()
