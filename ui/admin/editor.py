"""The shape every administration tab shares: a list of rows, the chosen row's form beside
it, Save and Revert, New.

The list refreshes when reference data changes here or on another workstation; a form the
person is editing keeps their edits and the version they started from, so saving over
someone else's newer row is refused by the core (compare-and-set) and shown, never silent.
Anyone may look; only those the core lets save (the process owner, R04; for callers also
the service desk and the incident manager) may edit, and for everyone else the tab is
read-only with the core's reason shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import ConflictError, DeskError
from desk_app.i18n import text
from desk_app.services.admin.common import administer_refusal
from desk_app.services.session import Changes, Session
from ui.context import UiContext
from ui.widgets.calls import call
from ui.widgets.edit_state import EditState
from ui.widgets.feedback import ErrorLabel, FieldErrors, MessageBar, field_box, show_failure
from ui.widgets.keys import shortcut
from ui.widgets.rows_model import Column, RowsModel
from ui.widgets.tables import read_only_table


class EditorTab(EditState, QWidget):
    """Subclasses say what to read, which columns and fields to show, and how to save."""

    loaded_signal = Signal()
    can_create = True

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.refusal: DeskError | None = self.refusal_of(context.session)
        self.current: Any = None  # the row the form shows; None for a new one
        self.creating = False
        self.loaded = False
        self._filling = False
        self._dirty = False
        self._loading = False
        self._again = False
        self.editors: list[QWidget] = []

        self.model = RowsModel(self.columns(), self)
        self.table = read_only_table(self, self.model, self.windowTitle())
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setMaximumSectionSize(280)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.new_button = QPushButton(self.tr("&New"), self)
        self.new_button.clicked.connect(self.new)

        self.bar = MessageBar(self)
        self.errors = FieldErrors(self.bar)
        self.form_box = QGroupBox(self)
        self.form_box.setProperty("shows_data", True)  # its title is the record's name
        self.form = QFormLayout(self.form_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(self.tr("Save this record (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        self.revert_button.setToolTip(self.tr("Show the record as it is saved now"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        shortcut(self, "Ctrl+S", self.save)

        self.build_form()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        header = self.list_header()
        if header is not None:
            left_layout.addWidget(header)
        left_layout.addWidget(self.table, 1)
        if self.can_create:
            row = QHBoxLayout()
            row.addWidget(self.new_button)
            row.addStretch(1)
            left_layout.addLayout(row)
        else:
            self.new_button.hide()
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.bar)
        right_layout.addWidget(self.form_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        right_layout.addLayout(buttons)
        right_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes(self.split())  # the list gets its share even if the form is wide
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        if self.refusal is not None:
            for widget in (self.new_button, self.save_button, self.revert_button):
                widget.setEnabled(False)
                widget.setToolTip(self.refusal.message(self.lang))
        context.hub.changed.connect(self._hub_changed)
        context.hub.external.connect(self.reload)
        self._set_buttons()
        self.reload()

    # -- what a subclass says ------------------------------------------------------------
    def refusal_of(self, session: Session) -> DeskError | None:
        """Why this person may not save here, or None: the core's answer, never a role
        check of the UI's own."""
        return administer_refusal(session)

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def split(self) -> list[int]:
        """The first widths of the list and the form, as a ratio."""
        return [3000, 2000]

    def list_header(self) -> QWidget | None:
        """A widget over the list (a search box, a note), if the tab has one."""
        return None

    def build_form(self) -> None:
        raise NotImplementedError

    def fetch(self, session: Session) -> tuple[list[Any], Any]:
        """Rows for the list and whatever else the form needs, in one worker call."""
        raise NotImplementedError

    def use_extra(self, extra: Any) -> None:
        """Fill the form's choices (groups, calendars…) from ``fetch``'s extra part."""

    def fill(self, row: Any) -> None:
        """Show ``row`` in the form; None means an empty form for a new record."""
        raise NotImplementedError

    def problems(self) -> dict[str, str]:
        return {}

    def save_call(self, session: Session, row: Any) -> Callable[[], Changes]:
        raise NotImplementedError

    def row_key(self, row: Any) -> object:
        return row.id

    def editable(self, row: Any) -> bool:
        return self.refusal is None

    # -- building helpers ----------------------------------------------------------------
    def add(self, name: str, caption: str, widget: QWidget, *extra: QWidget) -> QWidget:
        error = ErrorLabel(self)
        self.errors.add(name, widget, error)
        self.form.addRow(caption, field_box(widget, error, *extra))
        self.watch(widget)
        return widget

    def watch(self, widget: QWidget) -> None:
        """Count changes to ``widget`` as edits of the form."""
        self.editors.append(widget)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._edited)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._edited)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._edited)
            if widget.isEditable():
                widget.editTextChanged.connect(self._edited)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self._edited)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(self._edited)
        elif isinstance(widget, QListWidget):
            widget.itemChanged.connect(self._edited)

    def yes_no(self, flag: bool) -> str:
        return self.tr("yes") if flag else self.tr("no")

    def required(self) -> str:
        return text("validation.required", self.lang)

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        session = self.context.session
        call(self, self.context, lambda: self.fetch(session), self._loaded, self._load_failed)

    def _hub_changed(self, changes: Changes) -> None:
        if changes.reference:
            self.reload()

    def _loaded(self, fetched: tuple[list[Any], Any]) -> None:
        self._loading = False
        rows, extra = fetched
        key = self.row_key(self.current) if self.current is not None else None
        self._filling = True
        self.use_extra(extra)
        self.model.set_rows(rows)
        self._filling = False
        row = self.model.row_of(lambda r: key is not None and self.row_key(r) == key)
        if row < 0 and not self.creating and rows:
            row = 0
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
            fresh = self.model.row_at(row)
            if not self._dirty:
                self._show(fresh)
            elif self.current is not None and getattr(fresh, "version", None) != getattr(
                    self.current, "version", None):
                self.bar.show_warning(self.tr(
                    "Someone else changed this record while you were editing. Your edits are "
                    "kept; saving them will be refused until you revert."))
        elif not self.creating:
            self._show(None)
        self.loaded = True
        if self._again:
            self._again = False
            self.reload()
        self.loaded_signal.emit()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        show_failure(self.errors, error, self.lang)

    def _row_changed(self, current: Any, _previous: Any) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is None:
            return
        if self._dirty and (self.current is None
                            or self.row_key(row) != self.row_key(self.current)):
            # choosing another record would drop the edits: keep them, and say so
            QTimer.singleShot(0, self._select_current)
            self.bar.show_warning(self.tr(
                "Save or revert your edits before choosing another record."))
            return
        self.creating = False
        self.bar.clear()
        self._show(row)

    def _select_current(self) -> None:
        key = self.row_key(self.current) if self.current is not None else None
        row = self.model.row_of(lambda r: key is not None and self.row_key(r) == key)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
            selection.clearCurrentIndex()
        selection.blockSignals(False)
        self.table.viewport().update()

    def _show(self, row: Any) -> None:
        self.current = row
        self._filling = True
        self.fill(row)
        self._filling = False
        self._dirty = False
        self.errors.clear(bar=False)
        allowed = self.editable(row) if row is not None else self.refusal is None
        for widget in self.editors:
            widget.setEnabled(allowed and self.field_enabled(widget, row))
        self.form_box.setTitle(self.tr("New record") if row is None else self.title_of(row))
        self._set_buttons()

    def field_enabled(self, widget: QWidget, row: Any) -> bool:
        return True

    def title_of(self, row: Any) -> str:
        return str(getattr(row, "code", "") or getattr(row, "name_en", "") or "")

    # -- acting --------------------------------------------------------------------------
    def new(self) -> None:
        if self.refusal is not None or not self.can_create:
            return
        self.creating = True
        self.table.clearSelection()
        self._show(None)
        self._dirty = True
        self._set_buttons()
        if self.editors:
            self.editors[0].setFocus()

    def revert(self) -> None:
        """Drop the edits and show the record as saved now."""
        self._dirty = False
        self.creating = False
        self.bar.clear()
        self.reload()

    def save(self) -> None:
        if self.refusal is not None or not self._dirty:
            return
        found = self.problems()
        if found:
            self.errors.show(found, text("error.validation", self.lang, count=len(found)))
            return
        self.errors.clear()
        try:
            fn = self.save_call(self.context.session, self.current)
        except ValueError:
            return  # the subclass has shown what it could not read
        self.save_button.setEnabled(False)
        call(self, self.context, fn, self._saved, self._failed)

    def _saved(self, changes: Changes) -> None:
        self._dirty = False
        self.creating = False
        if changes.created is not None:
            self.current = _Key(changes.created)
        self.bar.show_info(self.tr("Saved."))
        self._set_buttons()
        if changes.empty:
            self.reload()

    def _failed(self, error: BaseException) -> None:
        self._set_buttons()
        show_failure(self.errors, error, self.lang)
        if isinstance(error, ConflictError):
            self.bar.show_error(error.message(self.lang) + "\n" + self.tr(
                "Revert shows the record as it is saved now (your edits are dropped)."))
            self.revert_button.setEnabled(True)


class _Key:
    """Stands for a row just created, so the list selects it after the reload."""

    def __init__(self, row_id: int) -> None:
        self.id = row_id
