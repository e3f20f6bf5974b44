"""The incident's journal as a timeline (R10), and work notes added to it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.formatting import format_moment
from desk_app.i18n import text
from desk_app.services.incident.actions import Action
from desk_app.services.incident.history import (
    HistoryNames,
    action_text,
    actor_text,
    change_lines,
    note_text,
)
from desk_app.services.incident.log import add_note
from desk_app.services.incident.queries import JournalEntry
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.incident.data import Screen
from ui.widgets.calls import call
from ui.widgets.feedback import ErrorLabel, FieldErrors, MessageBar, show_failure
from ui.widgets.keys import SUBMIT_KEYS, shortcut
from ui.widgets.rows_model import Column, RowsModel
from ui.widgets.tables import read_only_table


class TimelineModel(RowsModel):
    """Journal entries, oldest first, with names instead of ids."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self.names = HistoryNames()
        lang = context.language
        self.columns = [
            Column(self.tr("When"), lambda e: format_moment(e.at, lang)),
            Column(self.tr("Who"), lambda e: actor_text(e, lang)),
            Column(self.tr("What"), lambda e: action_text(e, lang)),
            Column(self.tr("Changes"), lambda e: "\n".join(change_lines(e, lang, self.names))),
            Column(self.tr("Note"), lambda e: note_text(e, lang)),
        ]

    def set_entries(self, entries: list[JournalEntry], names: HistoryNames) -> None:
        self.names = names
        self.set_rows(entries)


class TimelinePanel(QWidget):
    note_added = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.incident_id: int | None = None
        self.model = TimelineModel(context, self)
        self.table = read_only_table(self, self.model, self.tr("Timeline"))
        header = self.table.horizontalHeader()
        for column, mode in enumerate([QHeaderView.ResizeMode.ResizeToContents] * 3
                                      + [QHeaderView.ResizeMode.Stretch] * 2):
            header.setSectionResizeMode(column, mode)

        self.bar = MessageBar(self)
        self.errors = FieldErrors(self.bar)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Work note: what you did, found or agreed"))
        self.note.setMaximumHeight(80)
        self.note.setAccessibleName(self.tr("Work note"))
        self.note_error = ErrorLabel(self)
        self.errors.add("note", self.note, self.note_error)
        self.add_button = QPushButton(self.tr("Add &note"), self)
        self.add_button.setToolTip(self.tr("Add the work note to the timeline (Ctrl+Enter)"))
        self.add_button.clicked.connect(self.add)
        for keys in SUBMIT_KEYS:
            shortcut(self.note, keys, self.add)

        caption = QLabel(self.tr("Work note"), self)
        caption.setBuddy(self.note)
        self.setFocusProxy(self.note)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.bar)
        layout.addWidget(caption)
        layout.addLayout(row)
        layout.addWidget(self.note_error)

    def show_screen(self, screen: Screen) -> None:
        self.incident_id = int(screen.view.incident.id)
        at_end = self.model.rowCount() == 0 or self.table.verticalScrollBar().value() >= \
            self.table.verticalScrollBar().maximum()
        self.model.set_entries(screen.view.journal, screen.names)
        if at_end:
            self.table.scrollToBottom()
        refusal = screen.actions.get(Action.NOTE)
        allowed = refusal is None
        self.note.setEnabled(allowed)
        self.add_button.setEnabled(allowed)
        why = "" if allowed else refusal.message(self.context.language)
        self.add_button.setToolTip(why or self.tr("Add the work note to the timeline "
                                                  "(Ctrl+Enter)"))
        self.note.setToolTip(why)

    def add(self) -> None:
        if self.incident_id is None or not self.add_button.isEnabled():
            return
        content = self.note.toPlainText()
        lang = self.context.language
        if not content.strip():
            self.errors.show({"note": text("validation.required", lang)})
            return
        self.errors.clear()
        session, incident_id = self.context.session, self.incident_id
        self.add_button.setEnabled(False)
        call(self, self.context, lambda: add_note(session, incident_id, content), self._added,
             self._failed)

    def _added(self, _changes: Changes) -> None:
        self.add_button.setEnabled(True)
        self.note.clear()
        self.note_added.emit()

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        show_failure(self.errors, error, self.context.language)
