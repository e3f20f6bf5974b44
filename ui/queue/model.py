"""The queue table's model: the ordered ids of a queue, and the rows on screen.

After Anki's browser table: the model keeps the queue's ids in display order (sorting and
filtering run in SQL), and rows are read only when the view first shows them, a chunk at a
time, into a bounded cache keyed by incident id. Every read runs on the read pool; until a
row arrives the table shows it empty, and a row already cached keeps showing while a fresher
copy is read, so a refresh never flickers. With 100,000 incidents the model holds 100,000
ids (an array of 8 bytes each) and a thousand rows (about 2 KB each as Python objects: ten
chunks, some twenty screens to scroll back through without a read).

A new queue, sort or filter is shown in two steps, so that a person waits for one page and
not for the whole queue: first its first chunk of rows, ids and data in one read (an index
walk of a hundred entries, ``queues.page``), shown at once; then the whole list of ids,
read in the background (at 100,000 incidents 25-100 ms, depending on the order), whose
rows after the first chunk are appended without a reset, so that what the person has
selected or scrolled to meanwhile stays. A refresh of the same view (another
workstation's change, the minute's tick) reads the ids again as before.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from desk_app.domain.enums import Priority
from desk_app.formatting import format_moment
from desk_app.i18n import label
from desk_app.services.lists import queues
from desk_app.services.lists.queues import DEFAULT_SORT, Filters, Queue, QueueRow, SortColumn
from ui import paths
from ui.context import UiContext
from ui.memory import release_after_reads
from ui.queue import countdown
from ui.queue.columns import COLUMNS, INDEX
from ui.reading import read
from ui.widgets.badges import VIP_COLOR

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
             | Qt.ItemFlag.ItemNeverHasChildren)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_MISSING: QueueRow | None = None  # an id that no longer reads back (never shown as data)



class QueueModel(QAbstractTableModel):
    loaded = Signal()  # a refreshed id list is in place
    first_page_shown = Signal()  # a new view's first chunk is shown; the rest follows
    rows_loaded = Signal()  # rows of a chunk arrived
    failed = Signal(object)  # a read failed; the error

    def __init__(self, context: UiContext, parent: QObject | None = None, *,
                 chunk: int = 100, cache_limit: int = 1000) -> None:
        super().__init__(parent)
        self.context = context
        self.chunk = chunk
        self.cache_limit = max(cache_limit, chunk * 4)
        self.queue = Queue.MY_WORK
        self.sort_column: SortColumn = DEFAULT_SORT
        self.descending = False
        self.filters = Filters()
        self.reference = queues.Reference({}, [])
        # the queue's ids in display order: 8 bytes each, no Python int per row (a list and
        # a position dict of 100,000 took 11 MB, see ui/memory.py)
        self._ids: array[int] = array("q")
        self._cache: OrderedDict[int, tuple[int, QueueRow | None]] = OrderedDict()
        self._inflight: dict[int, int] = {}  # incident id → generation it was asked for
        self._generation = 0
        self._refreshing = False
        # what the ids on hand are the order of (queue, sort, direction, filters, language)
        self._shown: tuple[object, ...] | None = None
        self._reference_read = False

    # -- what to show -----------------------------------------------------------------
    def set_queue(self, queue: Queue) -> None:
        self.queue = Queue(queue)
        self.filters = replace(self.filters, conditions=None)
        self.refresh()

    def set_filters(self, filters: Filters) -> None:
        """The filter bar's narrowing; a saved queue's conditions shown stay."""
        if filters.conditions is None:
            filters = replace(filters, conditions=self.filters.conditions)
        self.filters = filters
        self.refresh()

    def show_conditions(self, conditions: object) -> None:
        """A saved queue: every incident that meets ``conditions`` (``services.bulk``)."""
        self.queue = Queue.ALL
        self.filters = replace(self.filters, conditions=conditions)
        self.refresh()

    def set_sort(self, column: SortColumn, descending: bool) -> None:
        self.sort_column, self.descending = SortColumn(column), descending
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.set_sort(COLUMNS[column].sort,
                          order == Qt.SortOrder.DescendingOrder)

    def language_changed(self) -> None:
        """Texts come in the context's language; names sort in it too."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._changed_all()
        if self.sort_column in (SortColumn.CATEGORY, SortColumn.GROUP):
            self.refresh()

    # -- reading ----------------------------------------------------------------------
    @property
    def refreshing(self) -> bool:
        return self._refreshing

    def _view(self) -> tuple[object, ...]:
        return (self.queue, self.sort_column, self.descending, self.filters,
                self.context.language)

    def refresh(self) -> None:
        """Read the ids again; rows on screen are read again as they are shown. A view not
        shown yet gets its first chunk of rows first (see the module's docstring)."""
        self._generation += 1
        self._refreshing = True
        if self._view() != self._shown:
            self._read_first_page(self._generation)
        else:
            self._read_ids(self._generation, with_reference=True)

    def _read_first_page(self, generation: int) -> None:
        session, lang, size = self.context.session, self.context.language, self.chunk
        view = self._view()
        queue, sort, descending, filters = self.queue, self.sort_column, self.descending, \
            self.filters
        reference = not self._reference_read

        def fetch() -> tuple[list[QueueRow], queues.Reference | None]:
            rows = queues.page(session, queue, sort, descending, filters, 0, size, lang)
            return rows, queues.reference(session) if reference else None

        read(self, fetch, lambda result: self._page_arrived(generation, view, *result),
             self._failed)

    def _read_ids(self, generation: int, *, with_reference: bool) -> None:
        session, lang = self.context.session, self.context.language
        view = self._view()
        queue, sort, descending, filters = self.queue, self.sort_column, self.descending, \
            self.filters

        def fetch() -> tuple[array[int], queues.Reference | None]:
            return (array("q", queues.ids(session, queue, sort, descending, filters, lang)),
                    queues.reference(session) if with_reference else None)

        read(self, fetch, lambda result: self._ids_arrived(generation, view, *result),
             self._failed)

    def _page_arrived(self, generation: int, view: tuple[object, ...], rows: list[QueueRow],
                      reference: queues.Reference | None) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        if reference is not None:
            self.reference, self._reference_read = reference, True
        self.beginResetModel()
        self._ids = array("q", (row.id for row in rows))
        for row in rows:
            self._cache[row.id] = (generation, row)
            self._cache.move_to_end(row.id)
        self._trim()
        self._shown = view
        self.endResetModel()
        if len(rows) < self.chunk:  # that was the whole queue
            self._refreshing = False
            self.first_page_shown.emit()
            self.loaded.emit()
            return
        self.first_page_shown.emit()
        self._read_ids(generation, with_reference=False)

    def _ids_arrived(self, generation: int, view: tuple[object, ...], ids: array[int],
                     reference: queues.Reference | None) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        self._refreshing = False
        if reference is not None:
            self.reference, self._reference_read = reference, True
        self._shown = view
        known = len(self._ids)
        if ids == self._ids:
            self._changed_all()
        elif known and len(ids) > known and ids[:known] == self._ids:
            # the rest of a view whose first chunk is shown: appended, nothing reset
            self.beginInsertRows(QModelIndex(), known, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
        else:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
        self.loaded.emit()

    def _request(self, row: int) -> None:
        """Ask for the chunk around ``row``, leaving out what is already on its way."""
        start = (row // self.chunk) * self.chunk
        wanted = [
            i for i in self._ids[start:start + self.chunk]
            if self._inflight.get(i) != self._generation
            and (i not in self._cache or self._cache[i][0] != self._generation)
        ]
        if not wanted:
            return
        generation = self._generation
        for incident_id in wanted:
            self._inflight[incident_id] = generation
        session = self.context.session
        read(self, lambda: queues.rows(session, wanted),
             lambda rows: self._rows_arrived(generation, wanted, rows, start),
             lambda error: self._rows_failed(generation, wanted, error))

    def _rows_arrived(self, generation: int, asked: Sequence[int],
                      rows: list[QueueRow], start: int | None = None) -> None:
        """``start``: the row the chunk was asked for at (where its rows are unless the ids
        changed meanwhile)."""
        by_id: dict[int, QueueRow | None] = {r.id: r for r in rows}
        for incident_id in asked:
            if self._inflight.get(incident_id) == generation:
                del self._inflight[incident_id]
            held = self._cache.get(incident_id)
            if held is not None and held[0] > generation:
                continue  # an older read arriving late: the newer copy stays
            self._cache[incident_id] = (generation, by_id.get(incident_id, _MISSING))
            self._cache.move_to_end(incident_id)
        self._trim()
        release_after_reads()
        # where the rows are: around where they were asked for (a refresh meanwhile may
        # have moved them a little); rows no longer near there are not on screen for this
        first = 0 if start is None else max(0, start - self.chunk)
        last = len(self._ids) if start is None else min(len(self._ids), start + 2 * self.chunk)
        near = {self._ids[row]: row for row in range(first, last)}
        positions = [near[i] for i in asked if i in near]
        if positions:
            self.dataChanged.emit(self.index(min(positions), 0),
                                  self.index(max(positions), len(COLUMNS) - 1))
        self.rows_loaded.emit()

    def _trim(self) -> None:
        while len(self._cache) > self.cache_limit:
            self._cache.popitem(last=False)

    def _rows_failed(self, generation: int, asked: Sequence[int], error: BaseException) -> None:
        for incident_id in asked:
            if self._inflight.get(incident_id) == generation:
                del self._inflight[incident_id]
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self._refreshing = False
        self.failed.emit(error)

    def _changed_all(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def tick(self, first: int, last: int) -> None:
        """Repaint the countdown of rows ``first``..``last`` (the ones on screen)."""
        if not self._ids:
            return
        first, last = max(0, first), min(last, len(self._ids) - 1)
        if first <= last:
            column = INDEX["time_left"]
            self.dataChanged.emit(self.index(first, column), self.index(last, column), [
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                Qt.ItemDataRole.BackgroundRole])

    # -- lookups for the view ---------------------------------------------------------
    @property
    def ids(self) -> array[int]:
        return self._ids

    def row_of(self, incident_id: int) -> int | None:
        """Where ``incident_id`` is (a search of the ids: 2 ms at 100,000)."""
        try:
            return self._ids.index(incident_id)
        except ValueError:
            return None

    def rows_of(self, incident_ids: Sequence[int]) -> dict[int, int]:
        """Where each of ``incident_ids`` is, those still there: one pass over the ids for
        many (a whole queue selected), a search each for a few."""
        wanted = set(incident_ids)
        if len(wanted) <= 8:
            found = ((i, self.row_of(i)) for i in wanted)
            return {i: row for i, row in found if row is not None}
        return {i: row for row, i in enumerate(self._ids) if i in wanted}

    def cached(self, incident_id: int) -> QueueRow | None:
        entry = self._cache.get(incident_id)
        return entry[1] if entry else None

    def _replacing(self) -> bool:
        """Whether the ids on hand are a previous view's, about to be replaced: their rows
        are shown as they are, not read again (a read that would only queue in front of
        the new view's first page)."""
        return self._refreshing and self._shown != self._view()

    def is_loaded(self, first: int = 0, last: int | None = None) -> bool:
        """Whether rows ``first``..``last`` are shown as read at the current generation (a
        new view's first chunk is, while the rest of its ids are still on their way)."""
        last = len(self._ids) - 1 if last is None else last
        if self._replacing():
            return False  # the ids on hand are still those of the previous view
        return all(self._cache.get(i, (-1, None))[0] == self._generation
                   for i in self._ids[first:last + 1])

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return ROW_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        incident_id = self._ids[index.row()]
        if role == ID_ROLE:
            return incident_id
        entry = self._cache.get(incident_id)
        if (entry is None or entry[0] != self._generation) and not self._replacing():
            self._request(index.row())
        if entry is None or entry[1] is None:
            return None
        row = entry[1]
        if role == ROW_ROLE:
            return row
        return self._value(row, COLUMNS[index.column()].key, role)

    # -- how a row looks --------------------------------------------------------------
    def _value(self, row: QueueRow, key: str, role: int) -> Any:
        R = Qt.ItemDataRole
        if role == R.DisplayRole:
            return self._text(row, key)
        if role == R.DecorationRole:
            if key == "priority":
                return _swatch(self.reference.priority_colors.get(row.priority, "#9e9e9e"))
            if key == "caller" and row.caller_vip:
                return paths.icon("vip")
            if key == "stage" and row.pending is not None:
                return paths.icon("pending")
            if key == "escalated" and row.unacknowledged:
                return paths.icon("escalated")
            return None
        if key == "time_left":
            state = countdown.state(row, self.context.session.clock.now())
            if role == R.ForegroundRole:
                return countdown.FOREGROUND.get(state)
            if role == R.BackgroundRole:
                return countdown.BACKGROUND.get(state)
            if role == R.FontRole and state in (countdown.Urgency.CRITICAL,
                                                countdown.Urgency.BREACHED):
                return _bold()
            if role == R.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == R.FontRole and ((key == "priority" and row.priority == 1)
                                   or (key == "caller" and row.caller_vip)):
            return _bold()
        if role == R.ForegroundRole and key == "stage" and row.pending is not None:
            return QColor("#6a6a6a")
        if key == "caller" and row.caller_vip:  # a VIP badge: the icon on the VIP colour
            if role == R.BackgroundRole:
                return QColor(VIP_COLOR)
            if role == R.ForegroundRole:
                return QColor("#000000")
        if role == R.ToolTipRole:
            return self._tooltip(row, key)
        return None

    def _text(self, row: QueueRow, key: str) -> str:
        lang = self.context.language
        if key == "number":
            return row.number
        if key == "priority":
            return label(Priority(row.priority), lang)
        if key == "stage":
            stage = label(row.stage, lang)
            if row.pending is None:
                return stage
            return f"{stage} · {row.pending(lang)}"  # pending: the pause icon, grey type
        if key == "title":
            return row.title
        if key == "type":
            return label(row.type, lang)
        if key == "category":
            return row.category(lang)
        if key == "group":
            return row.group(lang)
        if key == "assignee":
            return row.assignee or ""
        if key == "caller":
            return row.caller  # VIP: the star, bold type and the tooltip
        if key == "time_left":
            return countdown.text(row, self.context.session.clock.now())
        if key == "escalated":
            return str(row.escalation_count) if row.escalation_count else ""
        if key == "updated":
            return format_moment(row.updated_at, lang)
        return ""

    def _tooltip(self, row: QueueRow, key: str) -> str | None:
        lang = self.context.language
        if key == "title":
            return row.title
        if key == "stage" and row.pending is not None:
            text = QCoreApplication.translate(
                "QueueModel", "Pending (%1): no target time counts while it waits")
            return text.replace("%1", row.pending(lang))
        if key == "caller" and row.caller_vip:
            return QCoreApplication.translate("QueueModel", "VIP caller: urgency defaults to High")
        if key == "escalated" and row.escalation_count:
            text = QCoreApplication.translate(
                "QueueModel", "Escalated %1 time(s); %2 not yet acknowledged by a supervisor")
            return text.replace("%1", str(row.escalation_count)).replace(
                "%2", str(row.unacknowledged))
        if key == "time_left" and row.due_at is not None:
            text = QCoreApplication.translate("QueueModel", "Next target time: %1")
            return text.replace("%1", format_moment(row.due_at, lang))
        return None


@cache
def _swatch(color: str) -> QIcon:
    """The priority's colour as an icon, one per colour. A ``QColor`` decoration would be
    turned into a new icon at every paint, and each new icon's pixmap went into Qt's pixmap
    cache under a key of its own until the cache was full (13 MB after scrolling 100,000
    rows, see ui/memory.py)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
