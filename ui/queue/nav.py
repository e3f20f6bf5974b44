"""The navigation pane: the queues with their live counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desk_app.services.lists import queues
from desk_app.services.lists.queues import Queue
from ui import paths
from ui.context import UiContext
from ui.reading import read

QUEUE_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
             | Qt.ItemFlag.ItemNeverHasChildren)
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2

#: Order and names of the queues (translated in the "Queues" context).
TITLES: dict[Queue, str] = {
    Queue.MY_WORK: QT_TRANSLATE_NOOP("Queues", "My work"),
    Queue.MY_GROUPS: QT_TRANSLATE_NOOP("Queues", "My groups"),
    Queue.UNASSIGNED: QT_TRANSLATE_NOOP("Queues", "Unassigned"),
    Queue.PENDING: QT_TRANSLATE_NOOP("Queues", "Pending"),
    Queue.BREACHING_SOON: QT_TRANSLATE_NOOP("Queues", "Breaching soon"),
    Queue.ESCALATED: QT_TRANSLATE_NOOP("Queues", "Escalated"),
    Queue.AWAITING_CONFIRMATION: QT_TRANSLATE_NOOP("Queues", "Awaiting confirmation"),
    Queue.ALL: QT_TRANSLATE_NOOP("Queues", "All incidents"),
}
TIPS: dict[Queue, str] = {
    Queue.MY_WORK: QT_TRANSLATE_NOOP("Queues", "Open incidents assigned to me"),
    Queue.MY_GROUPS: QT_TRANSLATE_NOOP("Queues", "Open incidents of my support groups"),
    Queue.UNASSIGNED: QT_TRANSLATE_NOOP("Queues", "Logged incidents not yet assigned"),
    Queue.PENDING: QT_TRANSLATE_NOOP("Queues", "Incidents waiting with a wait code; their "
                                               "target times do not count"),
    Queue.BREACHING_SOON: QT_TRANSLATE_NOOP("Queues", "The next target time runs out within "
                                                      "an hour"),
    Queue.ESCALATED: QT_TRANSLATE_NOOP("Queues", "Incidents with an escalation no supervisor "
                                                 "has acknowledged yet; the count is of "
                                                 "incidents (the escalation review counts "
                                                 "escalations, an incident may have several)"),
    Queue.AWAITING_CONFIRMATION: QT_TRANSLATE_NOOP("Queues", "Resolved; the caller has not "
                                                             "confirmed the result yet"),
    Queue.ALL: QT_TRANSLATE_NOOP("Queues", "Every incident, open and closed"),
}
ORDER: list[Queue] = list(TITLES)


def title(queue: Queue) -> str:
    return QCoreApplication.translate("Queues", TITLES[queue])


class QueueListModel(QAbstractListModel):
    """One row per queue; the count comes from ``refresh`` (SQL COUNT per queue)."""

    counted = Signal()
    failed = Signal(object)

    def __init__(self, context: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.counts: dict[Queue, int] = {}

    def refresh(self) -> None:
        session = self.context.session
        read(self, lambda: queues.counts(session), self._arrived, self.failed.emit)

    def _arrived(self, counts: dict[Queue, int]) -> None:
        self.counts = counts
        self.dataChanged.emit(self.index(0), self.index(len(ORDER) - 1))
        self.counted.emit()

    def retranslate(self) -> None:
        self.dataChanged.emit(self.index(0), self.index(len(ORDER) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(ORDER)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(ORDER):
            return None
        queue = ORDER[index.row()]
        count = self.counts.get(queue)
        if role == Qt.ItemDataRole.DisplayRole:
            return title(queue) if count is None else f"{title(queue)}  ({count})"
        if role == Qt.ItemDataRole.DecorationRole:
            return paths.icon(queue.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("Queues", TIPS[queue])
        if role == Qt.ItemDataRole.FontRole and count and queue in (
                Queue.BREACHING_SOON, Queue.ESCALATED, Queue.MY_WORK):
            font = QFont()
            font.setBold(True)
            return font
        if role == QUEUE_ROLE:
            return queue
        if role == COUNT_ROLE:
            return count
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return ROW_FLAGS


class QueueNavigator(QListView):
    """The pane itself; ``queue_selected`` when the person picks a queue."""

    queue_selected = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueNavigator")
        self.list_model = QueueListModel(context, self)
        self.setModel(self.list_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.setAccessibleName(QCoreApplication.translate("Queues", "Queues"))

    def select(self, queue: Queue) -> None:
        self.selectionModel().setCurrentIndex(
            self.list_model.index(ORDER.index(queue)),
            QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def current_queue(self) -> Queue | None:
        index = self.currentIndex()
        return ORDER[index.row()] if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.queue_selected.emit(ORDER[current.row()])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.list_model.retranslate()
            self.setAccessibleName(QCoreApplication.translate("Queues", "Queues"))
        super().changeEvent(event)
