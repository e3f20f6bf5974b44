"""Call tasks for the service desk on duty (R03, R09): whom to call about which escalation,
and recording each call: reached (the task is done) or not (it comes back later)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import EscalationReason, NotificationChannel
from desk_app.services.alerts.calls import CallTask, call_tasks, record_call
from desk_app.services.alerts.roster import on_desk_now
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.escalations.common import moment, run, term


class CallTasksWidget(QWidget):
    open_incident = Signal(int)
    tasks_changed = Signal(int)  # how many calls are due, for a badge
    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks: list[CallTask] = []
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Priority"), self.tr("Incident"), self.tr("Call"), self.tr("Phone number"),
            self.tr("How"), self.tr("Reason"), self.tr("Due since"), self.tr("Calls so far")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note on the call (optional)"))
        self.reached_button = QPushButton(self.tr("Reached"))
        self.not_reached_button = QPushButton(self.tr("Not reached"))
        self.open_button = QPushButton(self.tr("Open incident"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.not_reached_button)
        buttons.addWidget(self.reached_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reached_button.clicked.connect(lambda: self.record(reached=True))
        self.not_reached_button.clicked.connect(lambda: self.record(reached=False))
        self.open_button.clicked.connect(self._open)
        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.external.connect(self.refresh)
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        session = self.ctx.session
        run(self.ctx, self, lambda: (on_desk_now(session), call_tasks(session)), self._show)

    def _on_changed(self, changes: Changes) -> None:
        if changes.notifications or changes.escalations or changes.reference:
            self.refresh()

    def _show(self, result: tuple[bool, list[CallTask]]) -> None:
        on_duty, tasks = result
        selected = self.selected()
        self.tasks = tasks
        if on_duty:
            self.status.setText(self.tr("You are on service desk duty: %n call(s) to make.",
                                        "", len(tasks)))
        elif tasks:
            self.status.setText(self.tr("You are not on duty; as incident manager you see the "
                                        "desk's %n call(s).", "", len(tasks)))
        else:
            self.status.setText(self.tr("You are not on service desk duty now (see the duty "
                                        "roster); call tasks go to whoever is."))
        self.table.setRowCount(len(tasks))
        reached, not_reached = self.tr("reached"), self.tr("not reached")
        for i, t in enumerate(tasks):
            calls = "; ".join(f"{moment(self.ctx, c.called_at)} {c.called_by}: "
                              f"{reached if c.reached else not_reached}"
                              for c in t.calls)
            values = [f"P{t.priority}", f"{t.number} {t.title}", t.recipient, t.phone,
                      term(self.ctx, NotificationChannel, t.channel),
                      term(self.ctx, EscalationReason, t.reason), moment(self.ctx, t.due_since),
                      calls]
            for column, value in enumerate(values):
                self.table.setItem(i, column, QTableWidgetItem(value))
            if selected is not None and selected.notification_id == t.notification_id:
                self.table.selectRow(i)
        self._update_buttons()
        self.tasks_changed.emit(len(tasks))
        self.loaded.emit()

    def selected(self) -> CallTask | None:
        model = self.table.selectionModel()
        row = self.table.currentRow()
        if model is None or not model.selectedRows() or not 0 <= row < len(self.tasks):
            return None
        return self.tasks[row]

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.reached_button, self.not_reached_button, self.open_button):
            button.setEnabled(has)

    def _open(self) -> None:
        task = self.selected()
        if task is not None:
            self.open_incident.emit(task.incident_id)

    def record(self, *, reached: bool) -> None:
        task = self.selected()
        if task is None:
            return
        session, note = self.ctx.session, self.note.text()
        self.reached_button.setEnabled(False)
        self.not_reached_button.setEnabled(False)
        run(self.ctx, self,
            lambda: record_call(session, task.notification_id, reached=reached, note=note),
            lambda _: self.note.clear(), self._failed)

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        show_error(self, error, self.ctx.language)
        self.refresh()
