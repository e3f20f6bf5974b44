"""Search results: number, caller and full-text matches (``desk_app.services.lists.search``) in a
table; Enter or a double-click opens an incident."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Priority
from desk_app.formatting import format_moment
from desk_app.i18n import label
from desk_app.services.lists import search
from desk_app.services.lists.search import Match, SearchHit
from ui.context import UiContext
from ui.reading import read

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
             | Qt.ItemFlag.ItemNeverHasChildren)

HEADERS = [
    QT_TRANSLATE_NOOP("SearchColumn", "Number"),
    QT_TRANSLATE_NOOP("SearchColumn", "Title"),
    QT_TRANSLATE_NOOP("SearchColumn", "Caller"),
    QT_TRANSLATE_NOOP("SearchColumn", "Stage"),
    QT_TRANSLATE_NOOP("SearchColumn", "Priority"),
    QT_TRANSLATE_NOOP("SearchColumn", "Last update"),
    QT_TRANSLATE_NOOP("SearchColumn", "Found by"),
]
MATCHES = {
    Match.NUMBER: QT_TRANSLATE_NOOP("SearchColumn", "Number"),
    Match.CALLER: QT_TRANSLATE_NOOP("SearchColumn", "Caller"),
    Match.TEXT: QT_TRANSLATE_NOOP("SearchColumn", "Text"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchColumn", text)


class SearchResultsModel(QAbstractTableModel):
    def __init__(self, context: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.hits:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.hits) - 1, len(HEADERS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                    ) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return _tr(HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return ROW_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == ID_ROLE:
            return hit.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return hit.title
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        lang = self.context.language
        column = index.column()
        if column == 0:
            return hit.number
        if column == 1:
            return hit.title
        if column == 2:
            return hit.caller
        if column == 3:
            stage = label(hit.stage, lang)
            pending = QCoreApplication.translate("SearchColumn", "pending")
            return f"{stage} · {pending}" if hit.pending else stage
        if column == 4:
            return label(Priority(hit.priority), lang)
        if column == 5:
            return format_moment(hit.updated_at, lang)
        return _tr(MATCHES[hit.match])


class _ResultTable(QTableView):
    open_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                self.open_requested.emit(int(index.data(ID_ROLE)))
                return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """The search tab: what was looked for, how many were found, and the table."""

    open_requested = Signal(int)
    searched = Signal(list)  # the hits, when a search has finished
    failed = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.query = ""
        self.summary = QLabel(self)
        self.summary.setObjectName("searchSummary")
        self.model = SearchResultsModel(context, self)
        self.table = _ResultTable(self)
        self.table.setObjectName("searchTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate([100, 320, 150, 130, 100, 130, 90]):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(
            lambda index: self.open_requested.emit(int(index.data(ID_ROLE))))
        self.table.open_requested.connect(self.open_requested.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._searching = False
        self._retranslate()

    def run(self, text: str) -> None:
        self.query = text.strip()
        self._searching = True
        self._retranslate()
        session, query = self.context.session, self.query
        read(self, lambda: search.search(session, query), self._arrived, self._failed)

    def _arrived(self, hits: list[SearchHit]) -> None:
        self._searching = False
        self.model.set_hits(hits)
        self._retranslate()
        if hits:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self.searched.emit(hits)

    def _failed(self, error: BaseException) -> None:
        self._searching = False
        self._retranslate()
        self.failed.emit(error)

    def tab_title(self) -> str:
        return self.tr("Search: %1").replace("%1", self.query)

    def _retranslate(self) -> None:
        if self._searching:
            text = self.tr("Searching for “%1”…").replace("%1", self.query)
        elif not self.model.hits:
            text = self.tr("Nothing found for “%1”. Try fewer words, part of a word, a "
                           "number or a caller's name.").replace("%1", self.query)
        else:
            text = self.tr("%1 incident(s) found for “%2”, best first (at most %3).").replace(
                "%1", str(len(self.model.hits))).replace("%2", self.query).replace(
                "%3", str(search.LIMIT))
        self.summary.setText(text)
        self.table.setAccessibleName(self.tr("Search results"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self._retranslate()
        super().changeEvent(event)
