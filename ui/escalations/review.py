"""The escalation review screen for supervisors (R08, R09): escalations with filters, each
one's notifications and their delivery state per channel, acknowledgement with a comment,
and summary counts per support group and per week."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import EscalationReason, NotificationChannel, NotificationState
from desk_app.services.alerts.escalation_review import (
    NotificationView,
    ReviewFilter,
    ReviewRow,
    Summary,
    list_escalations,
    notifications_of,
    retry_notification,
    review_groups,
    summary,
)
from desk_app.services.alerts.review import acknowledge_escalation
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.escalations.common import moment, named, run, term
from ui.escalations.summary import SummaryView

STATE_COLORS = {"failed": "#c62828", "pending": "#ef6c00", "sent": "#2e7d32",
                "acknowledged": "#546e7a"}


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class EscalationReviewWidget(QWidget):
    open_incident = Signal(int)
    loaded = Signal()  # the list (and summary) reflect the current filter
    details_loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ReviewRow] = []
        self.notifications: list[NotificationView] = []
        self._build_filters()
        self.table = _table([self.tr("Incident"), self.tr("Title"), self.tr("Support group"),
                             self.tr("Reason"), self.tr("Priority"), self.tr("Escalated at"),
                             self.tr("Delivery"), self.tr("Acknowledged by")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()

        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.deliveries = _table([self.tr("Recipient"), self.tr("Channel"), self.tr("State"),
                                  self.tr("Attempts"), self.tr("Next try"), self.tr("Calls"),
                                  self.tr("Last error")])
        self.deliveries.horizontalHeader().setSectionResizeMode(
            6, QHeaderView.ResizeMode.Stretch)
        self.retry_button = QPushButton(self.tr("Send again"))
        self.open_button = QPushButton(self.tr("Open incident"))
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Comment (what was done about it)"))
        self.acknowledge_button = QPushButton(self.tr("Acknowledge"))
        for button in (self.retry_button, self.open_button, self.acknowledge_button):
            button.setEnabled(False)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.deliveries)
        actions = QHBoxLayout()
        actions.addWidget(self.retry_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.comment, 1)
        actions.addWidget(self.acknowledge_button)
        detail_layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Vertical)
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.table)
        listing_layout.addWidget(self.count_label)
        splitter.addWidget(listing)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.summary_view = SummaryView(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Escalations"))
        self.tabs.addTab(self.summary_view, self.tr("Summary"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.tabs)

        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda *_: self._open())
        self.deliveries.itemSelectionChanged.connect(self._update_buttons)
        self.open_button.clicked.connect(self._open)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.retry_button.clicked.connect(self._retry)
        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.external.connect(self.refresh)
        session = ctx.session
        run(ctx, self, lambda: review_groups(session), self._groups_loaded)

    # -- filters ------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.filters = QGroupBox(self.tr("Filter"))
        self.state = QComboBox()
        for text, value in ((self.tr("Open"), "open"), (self.tr("Acknowledged"), "acknowledged"),
                            (self.tr("All"), "all")):
            self.state.addItem(text, value)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Any reason"), None)
        for reason in EscalationReason:
            self.reason.addItem(term(self.ctx, EscalationReason, reason.value), reason.value)
        self.priority = QComboBox()
        self.priority.addItem(self.tr("Any priority"), None)
        for p in range(1, 5):
            self.priority.addItem(f"P{p}", p)
        self.group = QComboBox()
        self.group.addItem(self.tr("Any support group"), None)
        self.use_dates = QCheckBox(self.tr("Escalated from"))
        today = QDate(ctx_today(self.ctx))
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        layout = QHBoxLayout(self.filters)
        for widget in (self.state, self.reason, self.priority, self.group, self.use_dates,
                       self.date_from, QLabel(self.tr("to")), self.date_to):
            layout.addWidget(widget)
        layout.addStretch()
        for combo in (self.state, self.reason, self.priority, self.group):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _: self.refresh())
        self.date_to.dateChanged.connect(lambda _: self.refresh())

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.refresh()

    def _groups_loaded(self, groups: list[tuple[int, str, str]]) -> None:
        self.group.blockSignals(True)
        for group_id, en, zh in groups:
            self.group.addItem(named(self.ctx, en, zh), group_id)
        self.group.blockSignals(False)
        self.refresh()

    def current_filter(self) -> ReviewFilter:
        since = until = None
        if self.use_dates.isChecked():
            local = datetime.now().astimezone().tzinfo
            since = datetime.combine(self.date_from.date().toPython(), time(0), local)
            until = datetime.combine(self.date_to.date().toPython() + timedelta(days=1),
                                     time(0), local)
            since, until = since.astimezone(UTC), until.astimezone(UTC)
        return ReviewFilter(state=self.state.currentData(), reason=self.reason.currentData(),
                            priority=self.priority.currentData(),
                            group_id=self.group.currentData(), since=since, until=until)

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        session, f = self.ctx.session, self.current_filter()
        counts = ReviewFilter(state="all", reason=f.reason, priority=f.priority,
                              group_id=f.group_id, since=f.since, until=f.until)
        run(self.ctx, self, lambda: (list_escalations(session, f), summary(session, counts)),
            self._show)

    def _on_changed(self, changes: Changes) -> None:
        if changes.escalations or changes.notifications:
            self.refresh()

    def _show(self, result: tuple[list[ReviewRow], Summary]) -> None:
        rows, counts = result
        selected = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        reselect = -1
        for i, r in enumerate(rows):
            deliveries = ", ".join(f"{term(self.ctx, NotificationChannel, c)}: "
                                   f"{term(self.ctx, NotificationState, s)}"
                                   for c, s in r.deliveries)
            values = [r.number, r.title, named(self.ctx, r.group_en, r.group_zh),
                      term(self.ctx, EscalationReason, r.reason),
                      f"P{r.old_priority} → P{r.new_priority}", moment(self.ctx, r.at),
                      deliveries, r.acknowledged_by or ""]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 6 and any(s == "failed" for _, s in r.deliveries):
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(i, column, item)
            if selected is not None and r.id == selected.id:
                reselect = i
        # the sidebar's "Escalated" counts incidents, this list escalations: say both
        incidents = len({r.incident_id for r in rows})
        self.count_label.setText(self.tr("%n escalation(s) on %1 incident(s)", "", len(rows))
                                 .replace("%1", str(incidents)))
        self.summary_view.show_summary(counts)
        if reselect >= 0:
            self.table.selectRow(reselect)
        self._selection_changed()
        self.loaded.emit()

    def selected(self) -> ReviewRow | None:
        model = self.table.selectionModel()
        row = self.table.currentRow()
        if model is None or not model.selectedRows() or not 0 <= row < len(self.rows):
            return None
        return self.rows[row]

    def select_incident(self, number: str) -> bool:
        """Select the escalation row of incident ``number`` (for the main window's links)."""
        for i, r in enumerate(self.rows):
            if r.number == number:
                self.table.selectRow(i)
                return True
        return False

    def _selection_changed(self) -> None:
        row = self.selected()
        if row is None:
            self.detail_title.setText(self.tr("Select an escalation to see who was notified "
                                              "and how."))
            self.notifications = []
            self.deliveries.setRowCount(0)
            self._update_buttons()
            return
        self.detail_title.setText(f"{row.number}  {row.title}")
        session = self.ctx.session
        run(self.ctx, self, lambda: (row.id, notifications_of(session, row.id)),
            self._show_details)
        self._update_buttons()

    def _show_details(self, result: tuple[int, list[NotificationView]]) -> None:
        escalation_id, views = result
        current = self.selected()
        if current is None or current.id != escalation_id:
            return
        self.notifications = views
        self.deliveries.setRowCount(len(views))
        reached, not_reached = self.tr("reached"), self.tr("not reached")
        for i, v in enumerate(views):
            calls = "; ".join(
                f"{moment(self.ctx, c.called_at)} {c.called_by}: "
                f"{reached if c.reached else not_reached}"
                + (f" ({c.note})" if c.note else "") for c in v.calls)
            values = [v.recipient, term(self.ctx, NotificationChannel, v.channel),
                      term(self.ctx, NotificationState, v.state), str(v.attempts),
                      moment(self.ctx, v.next_attempt_at)
                      if v.state == "pending" else "", calls, v.last_error]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setForeground(Qt.GlobalColor.black)
                    item.setBackground(_tint(STATE_COLORS.get(v.state, "#000000")))
                self.deliveries.setItem(i, column, item)
        self._update_buttons()
        self.details_loaded.emit()

    def _update_buttons(self) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None)
        self.acknowledge_button.setEnabled(row is not None and row.acknowledged_at is None)
        self.comment.setEnabled(row is not None and row.acknowledged_at is None)
        failed = self._selected_notification()
        self.retry_button.setEnabled(failed is not None and failed.state == "failed")

    def _selected_notification(self) -> NotificationView | None:
        model = self.deliveries.selectionModel()
        row = self.deliveries.currentRow()
        if model is None or not model.selectedRows() or not 0 <= row < len(self.notifications):
            return None
        return self.notifications[row]

    # -- actions ------------------------------------------------------------------------------
    def _open(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_incident.emit(row.incident_id)

    def acknowledge_selected(self) -> None:
        row = self.selected()
        if row is None or row.acknowledged_at is not None:
            return
        session, comment = self.ctx.session, self.comment.text()
        self.acknowledge_button.setEnabled(False)
        run(self.ctx, self,
            lambda: acknowledge_escalation(session, row.id, comment, version=row.version),
            lambda _: self.comment.clear(), self._failed)

    def _retry(self) -> None:
        view = self._selected_notification()
        if view is None:
            return
        session = self.ctx.session
        run(self.ctx, self, lambda: retry_notification(session, view.id), lambda _: None,
            self._failed)

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        show_error(self, error, self.ctx.language)  # the comment stays as typed
        self._update_buttons()


def _tint(color: str) -> QColor:
    tint = QColor(color)
    tint.setAlpha(60)
    return tint


def ctx_today(ctx: UiContext) -> date:
    """Today on the session's clock, in the workstation's time zone."""
    return ctx.session.clock.now().astimezone().date()
