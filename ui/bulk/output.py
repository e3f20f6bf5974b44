"""Copy, export and print a list of incidents from the workstation.

Copying puts the selected rows on the clipboard as tab-separated text with a header row
(Excel and WPS paste it into columns). Exporting writes the whole list the person is
looking at (the queue with its filters and sort, a saved queue, a search), read afresh in
full, to CSV or XLSX. Printing lays the list, or one incident with its history, out with
Qt's ``QTextDocument`` for a printer chosen in Qt's print dialog, or for Qt's PDF writer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from desk_app.services.bulk import tables
from desk_app.services.bulk.printing import incident_html, queue_html
from ui.bulk.runner import Job
from ui.context import UiContext
from ui.errors import show_error

#: A printed list stops here: longer lists are for exporting (a few thousand rows already
#: make a hundred pages, and laying out more keeps the window waiting).
PRINT_LIMIT = 5000


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


def print_list(context: UiContext, parent: QWidget, all_ids: Callable[[], list[int]],
               title: str, expected: int) -> None:
    """The whole list on paper (at most ``PRINT_LIMIT`` incidents: more is an export)."""
    session, lang = context.session, context.language

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
        ids = all_ids()
        if len(ids) > PRINT_LIMIT:
            return len(ids)
        rows = list(tables.rows_of(session, ids, progress=progress, cancelled=cancelled))
        if cancelled():
            return None
        return queue_html(title, rows, lang, session.clock.now(), session.full_name)

    def laid_out(result: object) -> None:
        if isinstance(result, int):
            QMessageBox.information(parent, QCoreApplication.translate("BulkOutput", "Print"),
                                    QCoreApplication.translate(
                                        "BulkOutput", "This list has %1 incidents; at most %2 "
                                        "are printed. Narrow it with a filter, or export it "
                                        "to Excel.").replace("%1", str(result)).replace(
                                        "%2", str(PRINT_LIMIT)))
        elif isinstance(result, str):
            printer(parent, result, title)

    job = Job(context, parent, QCoreApplication.translate("BulkOutput", "Preparing to "
                                                                        "print…"),
              expected, work)
    job.finished.connect(laid_out)
    job.failed.connect(lambda error: show_error(parent, error, context.language))
    job.start()


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
