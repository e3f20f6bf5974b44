"""Screenshots of the bulk work in English and Chinese, for looking: the context menu of a
queue, the question before opening many incidents, those opened as one list tab, the
printing progress and the printed
queue (a PDF), a bulk action's summary, the saved-queue editor and the sidebar with saved
queues.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/bulk_screenshots.py [--out DIR]

It makes a demo database in a temporary folder and signs in as the service desk
(王芳 Wang Fang).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if os.environ.get("DISPLAY"):
    os.environ.pop("QT_QPA_PLATFORM", None)  # the real display, not offscreen

from PySide6.QtCore import QCoreApplication, QPoint  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from desk_app.demo import DEMO_PASSWORD  # noqa: E402
from desk_app.services.bulk.actions import BulkAction, BulkInput, run_bulk  # noqa: E402
from desk_app.services.bulk.saved_queues import (  # noqa: E402
    Conditions,
    SavedQueueForm,
    create_queue,
)
from desk_app.services.lists.queues import Queue  # noqa: E402
from desk_app.services.session import sign_in  # noqa: E402
from desk_app.storage.database import Store  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from screenshots import grab, rows_shown, settle, shoot_on_demo  # noqa: E402

from ui.bulk import output  # noqa: E402
from ui.bulk.dialogs import SummaryDialog  # noqa: E402
from ui.bulk.output import ListPrint, print_list  # noqa: E402
from ui.context import UiContext  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.operations import ChangeHub  # noqa: E402
from ui.translations import translations  # noqa: E402


def shoot(lang: str, store: Store, out: Path) -> None:
    translations.apply(lang)  # type: ignore[arg-type]
    session = sign_in(store, "wangfang", DEMO_PASSWORD)  # type: ignore[arg-type]
    context = UiContext(session, ChangeHub(), lang)  # type: ignore[arg-type]
    window = MainWindow(context, watch=False)
    window.resize(1440, 860)
    window.show()
    window.show_queue(Queue.MY_GROUPS)
    settle(lambda: rows_shown(window) and window.bulk.pane.list.count() > 0, extra=0.8)
    table = window.queue_view.table
    for row in range(12):
        table.selectRow(row) if row == 0 else table.selectionModel().select(
            window.queue_view.model.index(row, 0),
            table.selectionModel().SelectionFlag.Select
            | table.selectionModel().SelectionFlag.Rows)
    grab(window, out / f"bulk_window_{lang}.png")
    menu = window.bulk.queue_actions.menu()
    menu.popup(table.viewport().mapToGlobal(QPoint(200, 60)))
    settle(extra=0.4)
    grab(menu, out / f"bulk_menu_{lang}.png")
    menu.close()
    question = window.bulk.queue_actions.open_question_box(57)
    question.show()
    settle(extra=0.3)
    grab(question, out / f"bulk_open_many_{lang}.png")
    question.close()
    # the selection opened as one list tab instead
    window.bulk.queue_actions.open_as_list(window.queue_view.selected_ids())
    settle(lambda: window.tabs.currentWidget().objectName() == "selectionList", extra=0.5)
    grab(window, out / f"bulk_open_as_list_{lang}.png")
    window.tabs.close_tab(window.tabs.currentIndex())
    printing = ListPrint(context, window, QPrinter(), lambda: [], "", 1200, None)
    printing.dialog.setLabelText(QCoreApplication.translate(
        "BulkOutput", "%1 incident(s) printed…").replace("%1", "500"))
    printing.dialog.setMaximum(1200)
    printing.dialog.setValue(500)
    printing.dialog.show()
    settle(extra=0.3)
    grab(printing.dialog, out / f"bulk_print_progress_{lang}.png")
    printing.dialog.close()
    printed: list[object] = []
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / f"bulk_print_{lang}.pdf"))
    output.list_printer = lambda _parent, _title: printer  # the whole queue, to the PDF
    print_list(context, window, window.bulk._queue_reader(), window.bulk._queue_title(), 0,
               printed.append)
    settle(lambda: bool(printed), timeout=60)
    ids = window.queue_view.selected_ids()
    result = run_bulk(session, BulkAction.PEND, ids, BulkInput(
        wait_code_id=2, note="vendor" if lang == "en" else "等待供应商"))
    summary = SummaryDialog(context, result, window)
    summary.show()
    grab(summary, out / f"bulk_summary_{lang}.png")
    summary.close()
    editor = window.bulk.pane.edit(window.bulk.pane.queues[0])
    settle(extra=0.8)
    grab(editor, out / f"bulk_saved_editor_{lang}.png")
    editor.close()
    window.close()


def saved_queues(store: Store) -> None:
    """Two saved queues, one shared with the team, for the sidebar and the editor."""
    desk = sign_in(store, "wangfang", DEMO_PASSWORD)
    create_queue(desk, SavedQueueForm("VIP · 网络 / network", Conditions(
        open_only=True, vip=True, words="网络"), shared=True))
    create_queue(desk, SavedQueueForm("Waiting on vendors", Conditions(
        pending=True, wait_code_ids=(2,), last_days=30)))


def main() -> int:
    return shoot_on_demo(shoot, saved_queues)


if __name__ == "__main__":
    raise SystemExit(main())
