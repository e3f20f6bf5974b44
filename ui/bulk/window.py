"""Bulk work placed in the main window: the context menu and Ctrl+C on the queue and on
search results, and the saved queues under the standard ones in the sidebar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject
from PySide6.QtWidgets import QAbstractItemView

from desk_app.services.bulk.saved_queues import SavedQueueInfo
from desk_app.services.lists import queues, search
from ui import paths
from ui.bulk.list_tab import ListTabs
from ui.bulk.menu import ListActions, ListSource
from ui.bulk.saved import SavedQueuesPane
from ui.search.panel import ID_ROLE as SEARCH_ID

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class BulkWork(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.saved_queue: SavedQueueInfo | None = None
        view, panel = window.queue_view, window.search_panel

        self.queue_actions = ListActions(self.context, ListSource(
            view.table, view.selected_ids, self._queue_reader, self._queue_title,
            lambda: len(view.model.ids)), window)
        panel.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.search_actions = ListActions(self.context, ListSource(
            panel.table, self._search_selected, self._search_reader, panel.tab_title,
            lambda: len(panel.model.hits)), window)
        self.list_tabs = ListTabs(window)  # a selection opened as one list tab
        for actions in (self.queue_actions, self.search_actions):
            actions.open_requested.connect(window.open_incident)
            self.list_tabs.attach(actions)

        # the saved queues, their own section at the foot of the sidebar (under the standard
        # queues and the Reports entry)
        self.pane = SavedQueuesPane(self.context)
        side = window.navigator.parentWidget()
        column = side.layout() if side is not None else None
        if column is not None and side is not window.splitter:
            column.addWidget(self.pane)
        else:
            window.splitter.insertWidget(0, self.pane)
        self.pane.chosen.connect(self.show_saved)
        self.pane.saved.connect(self._saved)
        self.pane.counted.connect(self._title)
        self.pane.failed.connect(window._read_failed)
        window.navigator.queue_selected.connect(self._standard_queue)
        window.navigator.list_model.counted.connect(self.pane.refresh)
        window.installEventFilter(self)
        self.pane.refresh()

    # -- the queue ------------------------------------------------------------------------
    def _queue_reader(self) -> Callable[[], list[int]]:
        model, session, lang = self.window.queue_view.model, self.context.session, \
            self.context.language
        queue, sort, descending, filters = model.queue, model.sort_column, model.descending, \
            model.filters
        return lambda: queues.ids(session, queue, sort, descending, filters, lang)

    def _queue_title(self) -> str:
        if self.saved_queue is not None:
            return self.saved_queue.name
        tabs = self.window.tabs
        return tabs.tabText(tabs.indexOf(self.window.queue_view)).split(" (")[0]

    # -- search results -------------------------------------------------------------------
    def _search_selected(self) -> list[int]:
        table = self.window.search_panel.table
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        return [int(table.model().index(r, 0).data(SEARCH_ID)) for r in rows]

    def _search_reader(self) -> Callable[[], list[int]]:
        """Every match, not only the page the tab shows (the best ones first, then every
        other match)."""
        session, query = self.context.session, self.window.search_panel.query

        def read() -> list[int]:
            best = [hit.id for hit in search.search(session, query, limit=1000)]
            shown = set(best)
            return best + [i for i in search.every_match(session, query) if i not in shown]
        return read

    # -- saved queues ---------------------------------------------------------------------
    def show_saved(self, queue: SavedQueueInfo) -> None:
        self.saved_queue = queue
        navigator = self.window.navigator
        navigator.selectionModel().setCurrentIndex(
            navigator.list_model.index(-1), QItemSelectionModel.SelectionFlag.Clear)
        self.window.queue_view.model.show_conditions(queue.conditions)
        self.window.tabs.setCurrentWidget(self.window.queue_view)
        self._title()

    def _saved(self, queue_id: int) -> None:
        self.window.status.showMessage(self.tr("Saved queue stored."), 4000)
        found = self.pane.queue(queue_id)
        if self.saved_queue is not None and self.saved_queue.id == queue_id and found:
            self.show_saved(found)

    def _standard_queue(self, _queue: object) -> None:
        self.saved_queue = None
        self.pane.clear_current()

    def _title(self) -> None:
        if self.saved_queue is None:
            return
        fresh = self.pane.queue(self.saved_queue.id)
        if fresh is None:  # deleted meanwhile (here or elsewhere)
            return
        if fresh.conditions != self.saved_queue.conditions:
            self.show_saved(fresh)
            return
        count = self.pane.counts.get(fresh.id)
        tabs = self.window.tabs
        index = tabs.indexOf(self.window.queue_view)
        tabs.setTabText(index, fresh.name if count is None else f"{fresh.name} ({count})")
        tabs.setTabIcon(index, paths.icon("all"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.pane.retranslate()
        return super().eventFilter(watched, event)
