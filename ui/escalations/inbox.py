"""The in-app inbox (R09): every escalation the signed-in person was notified of, unread first,
with an unread count for the main window's badge. Acknowledging an entry stops its desktop
alert from coming back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import EscalationReason, NotificationChannel, NotificationState
from desk_app.services.alerts.inbox import InboxEntry, acknowledge_notifications, read_notice
from desk_app.services.alerts.reading import inbox_by_incident, mark_all_read
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.escalations.common import moment, run, term


class InboxWidget(QWidget):
    unread_changed = Signal(int)  # for the badge on the main window
    open_incident = Signal(int)
    loaded = Signal()

    COLUMNS = 6

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[InboxEntry] = []
        self.unread = 0
        self.heading = QLabel()
        self.heading.setObjectName("inboxHeading")
        self.unread_only = QCheckBox(self.tr("Unread only"))
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Incident"), self.tr("Title"), self.tr("Reason"), self.tr("Priority"),
            self.tr("Escalated at"), self.tr("Channels")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(1, 240)
        self.acknowledge_button = QPushButton(self.tr("Acknowledge"))
        self.open_button = QPushButton(self.tr("Open incident"))
        self.all_read_button = QPushButton(self.tr("Mark all read"))
        self.all_read_button.setEnabled(False)
        self.acknowledge_button.setEnabled(False)
        self.open_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.unread_only)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_read_button)
        buttons.addStretch()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.acknowledge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self.unread_only.toggled.connect(lambda _: self.refresh())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda row, _: self._open(row))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentRow()))
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.all_read_button.clicked.connect(self.mark_all_read)
        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.external.connect(self.refresh)
        self._show_heading()
        self.refresh()

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        session, unread_only = self.ctx.session, self.unread_only.isChecked()
        run(self.ctx, self, lambda: (inbox_by_incident(session), unread_only), self._show)

    def _on_changed(self, changes: Changes) -> None:
        if changes.notifications or changes.escalations:
            self.refresh()

    def _show(self, result: tuple[list[Any], bool]) -> None:
        """One incident's entries together (its group), the groups with something unread
        first; the incident's number on its first row only."""
        groups, unread_only = result
        everything = [e for group in groups for e in group.entries]
        self.unread = sum(1 for e in everything if e.unread)
        self.entries = [e for e in everything if e.unread or not unread_only]
        selected = self.selected()
        self.table.setRowCount(len(self.entries))
        previous: tuple[int, int | None] | None = None
        for row, entry in enumerate(self.entries):
            group = (entry.incident_id, entry.notice_id)
            first_of_group, previous = group != previous, group
            channels = ", ".join(
                f"{term(self.ctx, NotificationChannel, c)}: "
                f"{term(self.ctx, NotificationState, s)}" for c, s in entry.channels)
            values = [entry.number if first_of_group else "  ↳",
                      entry.title, term(self.ctx, EscalationReason, entry.reason),
                      f"P{entry.priority}", moment(self.ctx, entry.at), channels]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, entry.escalation_id)
                if entry.unread:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
            if selected is not None and (entry.escalation_id, entry.notice_id) == (
                    selected.escalation_id, selected.notice_id):
                self.table.selectRow(row)
        self._show_heading()
        self._selection_changed()
        self.unread_changed.emit(self.unread)
        self.loaded.emit()

    def _show_heading(self) -> None:
        self.heading.setText(self.tr("Inbox: %n unread", "", self.unread))

    # -- actions ------------------------------------------------------------------------------
    def selected(self) -> InboxEntry | None:
        row = self.table.currentRow()
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not 0 <= row < len(self.entries):
            return None
        return self.entries[row]

    def _selection_changed(self) -> None:
        entry = self.selected()
        self.open_button.setEnabled(entry is not None and not entry.notice_id)
        self.acknowledge_button.setEnabled(entry is not None and entry.unread)
        self.all_read_button.setEnabled(self.unread > 0)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.entries) and not self.entries[row].notice_id:
            self.open_incident.emit(self.entries[row].incident_id)

    def acknowledge_selected(self) -> None:
        entry = self.selected()
        if entry is None or not entry.unread:
            return
        self.acknowledge_button.setEnabled(False)
        session = self.ctx.session
        if entry.notice_id:  # a notice told once: reading it is all there is
            notice = entry.notice_id
            run(self.ctx, self, lambda: read_notice(session, notice), lambda _: None,
                self._failed)
            return
        run(self.ctx, self, lambda: acknowledge_notifications(session, entry.escalation_id),
            lambda _: None, self._failed)

    def mark_all_read(self) -> None:
        """Everything in my inbox read at once; the escalations themselves still wait for
        their acknowledgement on the review screen (R08)."""
        self.all_read_button.setEnabled(False)
        session = self.ctx.session
        run(self.ctx, self, lambda: mark_all_read(session), lambda _: None, self._failed)

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        show_error(self, error, self.ctx.language)
        self._selection_changed()
