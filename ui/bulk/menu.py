"""The context menu of a list of incidents (a queue, a saved queue, search results): open,
the bulk actions, copy, export and print; and Ctrl+C on the list.

Each bulk action is enabled only when the core would accept it for at least one selected
incident (``bulk.actions.offers``, the services' own checks), says for how many when not for
all, and otherwise carries the reason in its tooltip. What the action needs is asked once
(``BulkInputDialog``); the run goes incident by incident off the GUI thread, with a progress
dialog that can cancel for large selections, and ends with the summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desk_app.services.bulk.actions import BulkAction, BulkResult, Offer, offers, run_bulk
from desk_app.services.bulk.tables import ExportFormat
from ui import paths
from ui.bulk import output
from ui.bulk.dialogs import BulkInputDialog, SummaryDialog, action_title
from ui.bulk.runner import Job
from ui.context import UiContext
from ui.errors import show_error

#: The actions in menu order; those without input run at once.
ORDER = [BulkAction.ASSIGN_TO_ME, BulkAction.ASSIGN, BulkAction.TRANSFER, BulkAction.PEND,
         BulkAction.RESUME, BulkAction.NOTE, BulkAction.ACKNOWLEDGE, BulkAction.CLOSE]
NO_INPUT = {BulkAction.ASSIGN_TO_ME}
#: Opening more incidents than this at once asks first, naming how many tabs it will open.
OPEN_ASK_ABOVE = 10
# What the person chose when asked (``confirm_open``).
OPEN_EACH, OPEN_AS_LIST = "each", "list"
#: Tabs opened per turn of the event loop while a large selection opens (the window keeps
#: answering in between).
OPEN_PER_TURN = 5
translate = QCoreApplication.translate


@dataclass
class ListSource:
    """What the menu needs of the list it serves."""

    table: QAbstractItemView
    selected_ids: Callable[[], list[int]]
    #: called on the GUI thread: a reader of the whole list afresh, in its order, as it is
    #: shown now (the reader runs off the GUI thread)
    reader: Callable[[], Callable[[], list[int]]]
    title: Callable[[], str]
    count: Callable[[], int]  # about how many the whole list holds


class ListActions(QObject):
    """Attaches the menu and Ctrl+C to one list; ``open_requested`` for each incident to
    open; ``list_requested`` (the list's title, the ids) to open a selection as one list
    tab (``ui.bulk.list_tab``); ``ran`` after a bulk action with its result."""

    open_requested = Signal(int)
    list_requested = Signal(str, list)
    ran = Signal(object)  # BulkResult

    def __init__(self, context: UiContext, source: ListSource, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.source = source
        self.parent_widget = parent
        self.last_summary: SummaryDialog | None = None
        self.open_question: QMessageBox | None = None
        table = source.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu_at)
        self.copy_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), table)
        self.copy_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_shortcut.activated.connect(self.copy)

    # -- the menu ---------------------------------------------------------------------------
    def _menu_at(self, position: QPoint) -> None:
        menu = self.menu()
        menu.exec(self.source.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def menu(self) -> QMenu:
        ids = self.source.selected_ids()
        lang = self.context.language
        menu = QMenu(self.parent_widget)
        menu.setObjectName("bulkMenu")
        menu.setToolTipsVisible(True)
        if len(ids) == 1:
            open_action = menu.addAction(paths.icon("open"), translate("BulkMenu", "&Open"))
        else:
            open_action = menu.addAction(paths.icon("open"), translate(
                "BulkMenu", "&Open %1 incidents").replace("%1", str(len(ids))) + (
                    "…" if len(ids) > OPEN_ASK_ABOVE else ""))
        open_action.setEnabled(bool(ids))
        open_action.triggered.connect(lambda: self.open(ids))
        if len(ids) > 1:
            as_list = menu.addAction(translate("BulkMenu", "Open as one &list tab"))
            as_list.setObjectName("bulk_open_list")
            as_list.triggered.connect(lambda: self.open_as_list(ids))
        menu.addSeparator()
        found = offers(self.context.session, ids, ORDER) if ids else {
            a: Offer(a, 0, 0) for a in ORDER}
        for action in ORDER:
            offer = found[action]
            name = action_title(action) + ("" if action in NO_INPUT else "…")
            if offer.enabled and offer.checked and offer.possible < offer.total:
                name = translate("BulkMenu", "%1 (%2 of %3)").replace("%1", name).replace(
                    "%2", str(offer.possible)).replace("%3", str(offer.total))
            entry = menu.addAction(name)
            entry.setObjectName(f"bulk_{action.value}")
            entry.setEnabled(offer.enabled)
            if not offer.enabled and offer.reason is not None:
                entry.setToolTip(offer.reason.message(lang))
            entry.triggered.connect(lambda _=False, a=action, o=offer, s=ids: self.start(
                a, s, o))
        menu.addSeparator()
        copy = menu.addAction(translate("BulkMenu", "&Copy rows"))
        copy.setObjectName("bulk_copy")
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setEnabled(bool(ids))
        copy.triggered.connect(self.copy)
        export = menu.addMenu(translate("BulkMenu", "&Export the whole list"))
        export.setObjectName("bulkExport")
        for fmt, text in ((ExportFormat.CSV, translate("BulkMenu", "CSV (UTF-8, opens in Excel)…")),
                          (ExportFormat.XLSX, translate("BulkMenu", "Excel workbook (XLSX)…"))):
            item = export.addAction(text)
            item.setObjectName(f"bulk_export_{fmt}")
            item.triggered.connect(lambda _=False, f=fmt: self.export(f))
        print_list = menu.addAction(translate("BulkMenu", "&Print the list…"))
        print_list.setObjectName("bulk_print")
        print_list.triggered.connect(self.print_list)
        print_one = menu.addAction(translate("BulkMenu", "Print the incident with its &history…"))
        print_one.setObjectName("bulk_print_incident")
        print_one.setEnabled(len(ids) == 1)
        print_one.triggered.connect(lambda: self.print_incident(ids[0]) if ids else None)
        return menu

    # -- what the entries do ----------------------------------------------------------------
    def open(self, ids: list[int]) -> None:
        """Open every selected incident in its own tab; more than ``OPEN_ASK_ABOVE`` are
        opened only after the person has seen how many tabs that makes (and may open them
        as one list tab instead), a few per turn of the event loop."""
        if len(ids) > OPEN_ASK_ABOVE:
            choice = self.confirm_open(len(ids))
            if choice == OPEN_AS_LIST:
                self.open_as_list(ids)
            if choice != OPEN_EACH:
                return
        pending = list(ids)

        def next_few() -> None:
            for incident_id in pending[:OPEN_PER_TURN]:
                self.open_requested.emit(incident_id)
            del pending[:OPEN_PER_TURN]
            if pending:
                QTimer.singleShot(0, self, next_few)

        next_few()

    def open_as_list(self, ids: list[int]) -> None:
        """Open the selected incidents as one list tab, named after this list."""
        if ids:
            self.list_requested.emit(self.source.title(), list(ids))

    def confirm_open(self, count: int) -> str | None:
        """Ask before opening ``count`` tabs: ``OPEN_EACH``, ``OPEN_AS_LIST`` or None."""
        box = self.open_question_box(count)
        each = box.findChild(QPushButton, "openManyYes")
        as_list = box.findChild(QPushButton, "openManyList")
        self.open_question = box
        box.exec()
        clicked = box.clickedButton()
        chosen = OPEN_EACH if clicked is each else OPEN_AS_LIST if clicked is as_list \
            else None
        box.deleteLater()
        self.open_question = None
        return chosen

    def open_question_box(self, count: int) -> QMessageBox:
        """The question that names how many tabs opening the selection makes."""
        box = QMessageBox(QMessageBox.Icon.Question,
                          translate("BulkMenu", "Open incidents"),
                          translate("BulkMenu", "Open %1 incidents, each in its own tab? "
                                    "That makes %1 more tabs.").replace("%1", str(count)),
                          QMessageBox.StandardButton.NoButton, self.parent_widget)
        box.setObjectName("openManyQuestion")
        box.setInformativeText(translate(
            "BulkMenu", "Or open them as one list tab, which lists exactly these %1 "
            "incidents.").replace("%1", str(count)))
        yes = box.addButton(translate("BulkMenu", "Open %1 tabs").replace("%1", str(count)),
                            QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("openManyYes")
        as_list = box.addButton(translate("BulkMenu", "Open as one list tab"),
                                QMessageBox.ButtonRole.ActionRole)
        as_list.setObjectName("openManyList")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        return box

    def start(self, action: BulkAction, ids: list[int], offer: Offer) -> None:
        """Ask what the action needs (unless nothing), then run it."""
        if not ids:
            return
        if action in NO_INPUT:
            self.run(action, ids)
            return
        dialog = BulkInputDialog(self.context, action, offer, self.parent_widget, ids)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.run(action, ids, dialog.bulk_input())
        dialog.deleteLater()

    def run(self, action: BulkAction, ids: list[int], given: object = None) -> None:
        session = self.context.session

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]
                 ) -> BulkResult:
            return run_bulk(session, action, ids, given,  # type: ignore[arg-type]
                            progress=progress, cancelled=cancelled)

        job = Job(self.context, self.parent_widget, action_title(action), len(ids), work)
        job.finished.connect(self._ran)
        job.failed.connect(lambda error: show_error(self.parent_widget, error,
                                                    self.context.language))
        job.start()

    def _ran(self, result: object) -> None:
        assert isinstance(result, BulkResult)
        self.context.hub.publish(result.changes)
        self.ran.emit(result)
        summary = SummaryDialog(self.context, result, self.parent_widget)
        self.last_summary = summary
        summary.show()

    def copy(self) -> None:
        output.copy_rows(self.context, self.parent_widget, self.source.selected_ids())

    def export(self, fmt: str) -> None:
        title = self.source.title()
        path = output.choose_export_path(self.parent_widget, fmt, title)
        if path is not None:
            output.export_list(self.context, self.parent_widget, self.source.reader(), path,
                               fmt, title, self.source.count())

    def print_list(self) -> None:
        output.print_list(self.context, self.parent_widget, self.source.reader(),
                          self.source.title(), self.source.count())

    def print_incident(self, incident_id: int) -> None:
        output.print_incident(self.context, self.parent_widget, incident_id)
