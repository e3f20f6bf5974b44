"""A queue as a table: the filter bar, the table, the column menu and the live countdown.

The person chooses and orders columns (drag a header; right-click a header to show or hide
one); the layout and the sort are saved per user. Enter or a double-click opens the current
incident. A refresh keeps the current and selected incidents and the scroll position.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.lists.queues import Filters, Queue
from ui import settings
from ui.context import UiContext
from ui.queue.columns import COLUMNS, INDEX
from ui.queue.filters import FilterBar
from ui.queue.model import ID_ROLE, QueueModel

LAYOUT_KEY = "queue/layout"
TICK_MS = 1000


class QueueTable(QTableView):
    """The table; Enter opens the current incident like a double-click."""

    open_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            index = self.currentIndex()
            if index.isValid():
                self.open_requested.emit(int(index.data(ID_ROLE)))
                return
        super().keyPressEvent(event)


class QueueView(QWidget):
    open_requested = Signal(int)  # incident id
    failed = Signal(object)  # a read failed

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = QueueModel(context, self)
        self.filter_bar = FilterBar(context, self)
        self.table = QueueTable(self)
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # 100,000 rows, one height
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.empty = QLabel(self.table.viewport())
        self.empty.setObjectName("queueEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); font-size: 14px;")
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)

        self._remembered: tuple[int | None, list[int], int] | None = None
        self._restoring = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(500)
        self._save_timer.timeout.connect(self.save_layout)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._countdown)
        self._tick.start()

        # the title takes the room the other columns leave, but never less than this: below
        # it the table scrolls sideways rather than show titles three letters long
        self.title_min = self.table.fontMetrics().averageCharWidth() * 28
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_title)
        self.table.viewport().installEventFilter(self)

        self.restore_layout()
        header.sortIndicatorChanged.connect(self._sorted)
        header.sectionMoved.connect(lambda *_: self._save_timer.start())
        header.sectionResized.connect(self._section_resized)
        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.modelReset.connect(self._restore)
        self.model.loaded.connect(self._loaded)
        self.model.first_page_shown.connect(self._loaded)
        self.model.failed.connect(self.failed.emit)
        self.table.doubleClicked.connect(self._open_index)
        self.table.open_requested.connect(self.open_requested.emit)
        self.filter_bar.changed.connect(self.model.set_filters)
        self._retranslate()

    # -- what the window asks ---------------------------------------------------------
    def show_queue(self, queue: Queue) -> None:
        self.model.set_queue(queue)

    def refresh(self) -> None:
        self.model.refresh()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.ids[r] for r in rows if r < len(self.model.ids)]

    def open_current(self) -> None:
        incident_id = self.current_id()
        if incident_id is not None:
            self.open_requested.emit(incident_id)

    def set_filters(self, filters: Filters) -> None:
        self.model.set_filters(filters)

    def language_changed(self) -> None:
        self.model.language_changed()
        self._retranslate()

    # -- columns ----------------------------------------------------------------------
    def layout_state(self) -> dict[str, Any]:
        header = self.table.horizontalHeader()
        order = [COLUMNS[header.logicalIndex(v)].key for v in range(header.count())]
        return {
            "order": order,
            "hidden": [c.key for i, c in enumerate(COLUMNS) if header.isSectionHidden(i)],
            "widths": {c.key: header.sectionSize(i) for i, c in enumerate(COLUMNS)
                       if not header.isSectionHidden(i) and c.key != "title"},
            "sort": self.model.sort_column.value,
            "descending": self.model.descending,
        }

    def apply_layout(self, state: dict[str, Any]) -> None:
        header = self.table.horizontalHeader()
        self._restoring = True
        try:
            order = [k for k in state.get("order", []) if k in INDEX]
            order += [c.key for c in COLUMNS if c.key not in order]
            for visual, key in enumerate(order):
                header.moveSection(header.visualIndex(INDEX[key]), visual)
            hidden = set(state.get("hidden", [c.key for c in COLUMNS if not c.visible]))
            widths = state.get("widths", {})
            for i, column in enumerate(COLUMNS):
                header.setSectionHidden(i, column.key in hidden)
                width = widths.get(column.key, column.width)
                header.resizeSection(i, int(width) if isinstance(width, int | float) else
                                     column.width)
            # the title takes the room the other columns leave, so that the table fits the
            # window (down to the title's minimum: ``_fit_title``)
            header.setSectionResizeMode(INDEX["title"], QHeaderView.ResizeMode.Stretch)
            self._fit_timer.start()  # unless the window is too narrow for that
            if all(header.isSectionHidden(i) for i in range(len(COLUMNS))):
                header.setSectionHidden(INDEX["number"], False)
            sort = state.get("sort", self.model.sort_column.value)
            column = next((i for i, c in enumerate(COLUMNS) if c.sort.value == sort),
                          INDEX["priority"])
            order_flag = (Qt.SortOrder.DescendingOrder if state.get("descending")
                          else Qt.SortOrder.AscendingOrder)
            header.setSortIndicator(column, order_flag)
            self.model.sort_column = COLUMNS[column].sort
            self.model.descending = bool(state.get("descending"))
        finally:
            self._restoring = False

    def restore_layout(self) -> None:
        raw = settings.user_value(self.context.session.username, LAYOUT_KEY, "")
        try:
            state = json.loads(raw) if raw else {}
        except (TypeError, ValueError):
            state = {}
        self.apply_layout(state if isinstance(state, dict) else {})

    def save_layout(self) -> None:
        if not self._restoring:
            settings.set_user_value(self.context.session.username, LAYOUT_KEY,
                                    json.dumps(self.layout_state()))

    def reset_layout(self) -> None:
        self.apply_layout({"sort": self.model.sort_column.value,
                           "descending": self.model.descending})
        self.save_layout()

    def set_column_visible(self, key: str, visible: bool) -> None:
        header = self.table.horizontalHeader()
        visible_now = [i for i in range(len(COLUMNS)) if not header.isSectionHidden(i)]
        if not visible and visible_now == [INDEX[key]]:
            return  # the last visible column stays
        header.setSectionHidden(INDEX[key], not visible)
        if visible and header.sectionSize(INDEX[key]) < 20:
            header.resizeSection(INDEX[key], COLUMNS[INDEX[key]].width)
        self.save_layout()

    def _column_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            column = COLUMNS[logical]
            action = QAction(column.header(), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(logical))
            action.toggled.connect(lambda on, key=column.key: self.set_column_visible(key, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Restore the default columns"), self.reset_layout)
        return menu

    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        """A header click: sort in SQL by that column, and remember it."""
        if self._restoring:
            return
        self.model.set_sort(COLUMNS[column].sort, order == Qt.SortOrder.DescendingOrder)
        self.save_layout()

    # -- the title's room -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()
        return super().eventFilter(watched, event)

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        self._save_timer.start()
        if section != INDEX["title"]:
            self._fit_timer.start()

    def _fit_title(self) -> None:
        """Stretch the title over the room the other columns leave when that is at least
        ``title_min``; otherwise give it ``title_min`` and let the table scroll sideways."""
        header = self.table.horizontalHeader()
        title = INDEX["title"]
        if header.isSectionHidden(title):
            return
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i != title and not header.isSectionHidden(i))
        room = self.table.viewport().width() - others
        stretch = QHeaderView.ResizeMode.Stretch
        if room >= self.title_min:
            if header.sectionResizeMode(title) != stretch:
                header.setSectionResizeMode(title, stretch)
        elif header.sectionResizeMode(title) == stretch:
            header.setSectionResizeMode(title, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(title, self.title_min)

    # -- keeping the place across refreshes ------------------------------------------
    def _remember(self) -> None:
        self._remembered = (self.current_id(), self.selected_ids(),
                            self.table.verticalScrollBar().value())

    def _restore(self) -> None:
        if self._remembered is None:
            return
        current, selected, scroll = self._remembered
        self._remembered = None
        selection = self.table.selectionModel()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        rows = self.model.rows_of([*selected, *([] if current is None else [current])])
        chosen = QItemSelection()  # runs of adjacent rows as one range each: one call
        for first, last in _runs(sorted(rows[i] for i in selected if i in rows)):
            chosen.select(self.model.index(first, 0), self.model.index(last, 0))
        selection.select(chosen, flags)
        row = rows.get(current) if current is not None else None
        if row is not None:
            selection.setCurrentIndex(self.model.index(row, self._first_visible_column()),
                                      QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.verticalScrollBar().setValue(scroll)

    def _first_visible_column(self) -> int:
        header = self.table.horizontalHeader()
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                return logical
        return 0

    def _loaded(self) -> None:
        self.filter_bar.set_groups(self.model.reference.groups)
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        if empty:
            self.empty.resize(self.table.viewport().size())
        elif not self.table.currentIndex().isValid():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, self._first_visible_column()),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(int(index.data(ID_ROLE)))

    def _countdown(self) -> None:
        header = self.table.horizontalHeader()
        if not self.isVisible() or header.isSectionHidden(INDEX["time_left"]):
            return
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        last = self.table.rowAt(viewport.height() - 1)
        if first < 0:
            return
        self.model.tick(first, last if last >= 0 else self.model.rowCount() - 1)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.empty.resize(self.table.viewport().size())

    def _retranslate(self) -> None:
        self.empty.setText(self.tr("No incidents here."))
        self.table.setAccessibleName(self.tr("Incidents"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of adjacent rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
