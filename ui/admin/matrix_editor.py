"""The priority matrix (R13): impact × urgency, each cell a priority 1–4, coloured.

A change applies from then on (R13): to incidents logged after it, and to an open incident
when its impact or urgency next changes. Before saving, the editor asks the core how many open
incidents sit in a changed cell and offers, with that count, to re-prioritise them too (their
targets then count from the change, docs/decisions.md).
Only the process owner can save (R04): the core refuses anyone else, and for them the grid is
shown read-only with the core's reason. A cell is changed with the keys 1–4 or with its
drop-down (F2 or Enter).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Impact, Priority, Urgency
from desk_app.errors import DeskError
from desk_app.i18n import Language, label
from desk_app.services.admin.common import administer_refusal
from desk_app.services.admin.process import current_matrix, preview_matrix, save_matrix
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.widgets.badges import priority_color, text_color_on
from ui.widgets.calls import call
from ui.widgets.feedback import FieldErrors, MessageBar, show_failure, show_read_only
from ui.widgets.keys import shortcut

Index = QModelIndex | QPersistentModelIndex
Cells = dict[tuple[int, int], int]


class MatrixModel(QAbstractTableModel):
    """Rows are impact (1 widest), columns urgency (1 most urgent); values are priorities."""

    edited = Signal()

    def __init__(self, lang: Language, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.saved: Cells = {}
        self.cells: Cells = {}
        self.versions: dict[tuple[int, int], int] = {}
        self.editable = False

    def load(self, matrix: dict[tuple[int, int], tuple[int, int]]) -> None:
        self.beginResetModel()
        self.saved = {key: priority for key, (priority, _) in matrix.items()}
        self.versions = {key: version for key, (_, version) in matrix.items()}
        self.cells = dict(self.saved)
        self.endResetModel()

    def changed(self) -> list[tuple[int, int]]:
        return [key for key, priority in self.cells.items() if self.saved.get(key) != priority]

    @staticmethod
    def key(index: Index) -> tuple[int, int]:
        return index.row() + 1, index.column() + 1

    # -- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Impact)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Urgency)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        priority = self.cells.get(self.key(index))
        if priority is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return label(Priority(priority), self.lang)
        if role == Qt.ItemDataRole.EditRole:
            return priority
        if role == Qt.ItemDataRole.BackgroundRole:
            return priority_color(priority)
        if role == Qt.ItemDataRole.ForegroundRole:
            return text_color_on(priority_color(priority))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and self.key(index) in self.changed():
            font = QFont()
            font.setBold(True)
            font.setUnderline(True)
            return font
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            impact, urgency = self.key(index)
            return (f"{label(Impact(impact), self.lang)} × {label(Urgency(urgency), self.lang)}"
                    f" → {label(Priority(priority), self.lang)}")
        return None

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        try:
            priority = Priority(int(value)).value
        except (TypeError, ValueError):
            return False
        key = self.key(index)
        if self.cells.get(key) == priority:
            return False
        self.cells[key] = priority
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self.editable else flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 4:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return label(Urgency(section + 1), self.lang)
        return label(Impact(section + 1), self.lang)


class PriorityDelegate(QStyledItemDelegate):
    """A drop-down of the four priorities for one cell."""

    def __init__(self, lang: Language, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The priority colour stays visible on the selected cell; a frame marks it."""
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if background is None:
            super().paint(painter, option, index)
            return
        painter.save()
        painter.fillRect(option.rect, background)
        font = index.data(Qt.ItemDataRole.FontRole)
        if font is not None:
            painter.setFont(font)
        painter.setPen(index.data(Qt.ItemDataRole.ForegroundRole))
        painter.drawText(option.rect, Qt.AlignmentFlag.AlignCenter,
                         str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        if option.state & QStyle.StateFlag.State_Selected:
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), 4)
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(2, 2, -2, -2))
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        for priority in Priority:
            combo.addItem(label(priority, self.lang), priority.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, int(index.data(Qt.ItemDataRole.EditRole) or 1) - 1))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MatrixEditor(QWidget):
    loaded_signal = Signal()
    preview_ready = Signal(int)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.refusal: DeskError | None = administer_refusal(context.session)
        self.loaded = False
        self.preview: int | None = None
        self.model = MatrixModel(self.lang, self)
        self.model.editable = self.refusal is None
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Priority matrix"))
        self.table.setItemDelegate(PriorityDelegate(self.lang, self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setHighlightSections(True)
        self.table.setMinimumSize(560, 230)
        self.table.setMaximumHeight(260)
        self.table.installEventFilter(self)

        intro = QLabel(self.tr("Rows: impact. Columns: urgency. Each incident's priority is read "
                               "from this matrix when it is logged and whenever its impact or "
                               "urgency changes; a change applies from then on. Select a cell "
                               "and press 1–4 to change it."),
                       self)
        intro.setWordWrap(True)
        corner = QLabel(self.tr("Impact ↓ · Urgency →"), self)
        corner.setStyleSheet("color:palette(mid);")
        self.bar = MessageBar(self)
        self.errors = FieldErrors(self.bar)
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet("font-weight:600;")
        self.reprioritise = QCheckBox(self)
        self.reprioritise.setVisible(False)
        self.save_button = QPushButton(self.tr("&Save matrix"), self)
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        shortcut(self, "Ctrl+S", self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.bar)
        layout.addWidget(corner)
        layout.addWidget(self.table)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.reprioritise)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.ask_preview)
        self.model.edited.connect(self._edited)
        if self.refusal is not None:
            show_read_only(self.bar, self.tr("Read-only: %1"), self.refusal.message(self.lang),
                           self.save_button, self.revert_button)
        context.hub.changed.connect(self._hub_changed)
        context.hub.external.connect(self.reload)
        self._set_buttons()
        self.reload()

    # -- keyboard: 1–4 on a cell ---------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.text() in ("1", "2", "3", "4") and self.table.currentIndex().isValid():
                self.model.setData(self.table.currentIndex(), int(event.text()))
                return True
        return super().eventFilter(watched, event)

    # -- loading -------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return bool(self.model.changed())

    def _hub_changed(self, changes: Changes) -> None:
        if changes.reference:
            self.reload()

    def reload(self) -> None:
        if self.dirty:
            return  # keep the person's edits; the save's version check protects the rest
        session = self.context.session
        call(self, self.context, lambda: current_matrix(session), self._loaded,
             lambda error: show_failure(self.errors, error, self.lang))

    def _loaded(self, matrix: dict[tuple[int, int], tuple[int, int]]) -> None:
        self.model.load(matrix)
        self.loaded = True
        self.preview = 0
        self.preview_label.setText(self.tr("No changes."))
        self._offer(0)
        self._set_buttons()
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.loaded_signal.emit()

    # -- editing and previewing ----------------------------------------------------------
    def _edited(self) -> None:
        self.preview = None
        self.preview_label.setText(self.tr("Counting the open incidents in changed cells…"))
        self._set_buttons()
        self.timer.start()

    def ask_preview(self) -> None:
        session, cells = self.context.session, dict(self.model.cells)
        call(self, self.context, lambda: preview_matrix(session, cells),
             lambda count: self._previewed(cells, count),
             lambda error: show_failure(self.errors, error, self.lang))

    def _previewed(self, cells: Cells, count: int) -> None:
        if cells != self.model.cells:
            return  # edited again meanwhile; a newer preview is on its way
        self.preview = count
        if not self.dirty:
            self.preview_label.setText(self.tr("No changes."))
        elif count == 0:
            self.preview_label.setText(
                self.tr("The change applies to incidents logged from now on. No open incident "
                        "is in a changed cell."))
        else:
            self.preview_label.setText(
                self.tr("The change applies to incidents logged from now on, and to an open "
                        "incident when its impact or urgency next changes. %1 open "
                        "incident(s) are in a changed cell and keep their priority for now. "
                        "Resolved and closed incidents keep theirs.").replace("%1", str(count)))
        self._offer(count if self.dirty else 0)
        self.preview_ready.emit(count)

    def _offer(self, count: int) -> None:
        """R13: re-prioritising the open incidents is offered, never the default."""
        if count == 0:
            self.reprioritise.setChecked(False)
            self.reprioritise.setVisible(False)
            return
        self.reprioritise.setText(
            self.tr("Also re-prioritise these %1 open incident(s) now (their targets count "
                    "from the change; time already passed does not escalate)")
            .replace("%1", str(count)))
        self.reprioritise.setVisible(True)
        self.reprioritise.setEnabled(self.refusal is None)

    def _set_buttons(self) -> None:
        if self.refusal is not None:
            return
        self.save_button.setEnabled(self.dirty)
        self.revert_button.setEnabled(self.dirty)

    def revert(self) -> None:
        self.model.cells = dict(self.model.saved)
        self.model.layoutChanged.emit()
        self.bar.clear()
        self._set_buttons()
        self.preview_label.setText(self.tr("No changes."))
        self._offer(0)
        self.reload()

    def save(self) -> None:
        """Save the grid; the core refuses anyone but the process owner (R04, R13)."""
        if not self.dirty:
            return
        session, cells = self.context.session, dict(self.model.cells)
        versions = dict(self.model.versions)
        everyone = not self.reprioritise.isHidden() and self.reprioritise.isChecked()
        self.save_button.setEnabled(False)
        call(self, self.context,
             lambda: save_matrix(session, cells, versions, reprioritise_open=everyone),
             self._saved, self._failed)

    def _saved(self, changes: Changes) -> None:
        count = len(changes.incidents)
        self.model.saved = dict(self.model.cells)
        if count:
            self.bar.show_info(self.tr("Matrix saved; %1 open incident(s) took a new priority, "
                                       "their targets counted from now.")
                               .replace("%1", str(count)))
        else:
            self.bar.show_info(self.tr("Matrix saved; it applies to incidents from now on."))
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self._set_buttons()
        show_failure(self.errors, error, self.lang)
