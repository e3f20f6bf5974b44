"""The duty roster editor (R03): a month calendar where days with shifts stand out, the
shifts of the chosen day, and a form to add or change a shift and who staffs the service desk
in it (Level-1 staff). Times are the workstation's local time; the core stores UTC."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import ValidationError
from desk_app.services.alerts.phones import people_without_phone
from desk_app.services.alerts.roster import (
    ShiftForm,
    ShiftView,
    StaffMember,
    copy_shifts,
    delete_shift,
    eligible_staff,
    save_shift,
    shifts_between,
)
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.escalations.common import run


def local_zone():  # type: ignore[no-untyped-def]
    return datetime.now().astimezone().tzinfo


def local_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=local_zone())


class RosterEditor(QWidget):
    loaded = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shifts: list[ShiftView] = []  # of the month shown
        self.editing: ShiftView | None = None
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        if ctx.language == "zh":
            self.calendar.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        today = ctx.session.clock.now().astimezone(local_zone()).date()
        self.calendar.setSelectedDate(QDate(today))
        self.day_label = QLabel()
        self.day_shifts = QTableWidget(0, 3)
        self.day_shifts.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Service desk"),
                                                   self.tr("Note")])
        self.day_shifts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.day_shifts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.day_shifts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.day_shifts.verticalHeader().hide()
        self.day_shifts.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.day_shifts.horizontalHeader().setStretchLastSection(True)

        self.form_box = QGroupBox(self.tr("New shift"))
        self.start = QTimeEdit(QTime(8, 30))
        self.end = QTimeEdit(QTime(17, 30))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.staff = QListWidget()
        self.staff.setMinimumHeight(120)
        self.note = QLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout(self.form_box)
        form.addRow(self.tr("Starts"), self.start)
        form.addRow(self.tr("Ends (earlier than the start: next day)"), self.end)
        form.addRow(self.tr("Service desk staff (Level-1)"), self.staff)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.error)
        self.new_button = QPushButton(self.tr("New"))
        self.save_button = QPushButton(self.tr("Save shift"))
        self.delete_button = QPushButton(self.tr("Delete shift"))
        self.copy_button = QPushButton(self.tr("Copy this week to next week"))
        self.delete_button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.delete_button, self.save_button):
            buttons.addWidget(button)

        left = QVBoxLayout()
        left.addWidget(self.calendar)
        left.addWidget(self.copy_button)
        right = QVBoxLayout()
        right.addWidget(self.day_label)
        right.addWidget(self.day_shifts)
        right.addWidget(self.form_box)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

        self.calendar.selectionChanged.connect(self._day_changed)
        self.calendar.currentPageChanged.connect(lambda *_: self.refresh())
        self.day_shifts.itemSelectionChanged.connect(self._edit_selected)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self._delete)
        self.copy_button.clicked.connect(self._copy_week)
        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.external.connect(self.refresh)
        session = ctx.session
        run(ctx, self, lambda: (eligible_staff(session), {
            gap.user_id for gap in people_without_phone(session)}), self._staff_loaded)

    # -- loading ------------------------------------------------------------------------------
    def _staff_loaded(self, loaded: tuple[list[StaffMember], set[int]]) -> None:
        staff, no_phone = loaded
        self.staff.clear()
        for member in staff:
            item = QListWidgetItem(f"{member.full_name} ({member.username})")
            if member.id in no_phone:  # R09: flagged where the roster is edited
                item.setForeground(QColor("#b26a00"))
                item.setToolTip(self.tr("No phone number: escalation calls to this person go "
                                        "by the next channel instead."))
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.staff.addItem(item)
        self.refresh()

    def _month(self) -> tuple[datetime, datetime]:
        first = date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        start = local_midnight(first - timedelta(days=7))
        return start, start + timedelta(days=45)

    def refresh(self) -> None:
        session, (start, end) = self.ctx.session, self._month()
        run(self.ctx, self, lambda: shifts_between(session, start, end), self._show_month)

    def _on_changed(self, changes: Changes) -> None:
        if changes.reference:
            self.refresh()

    def _show_month(self, shifts: list[ShiftView]) -> None:
        self.shifts = shifts
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear all
        marked = QTextCharFormat()
        bold = QFont()
        bold.setBold(True)
        marked.setFont(bold)
        marked.setBackground(Qt.GlobalColor.cyan)
        for shift in shifts:
            for day in self._days_of(shift):
                self.calendar.setDateTextFormat(QDate(day), marked)
        self._show_day()
        self.loaded.emit()

    def _days_of(self, shift: ShiftView) -> list[date]:
        first = shift.starts_at.astimezone(local_zone()).date()
        last = (shift.ends_at - timedelta(seconds=1)).astimezone(local_zone()).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]

    def selected_day(self) -> date:
        return self.calendar.selectedDate().toPython()  # type: ignore[no-any-return]

    def day_shift_list(self) -> list[ShiftView]:
        day = self.selected_day()
        return [s for s in self.shifts if day in self._days_of(s)]

    def _show_day(self) -> None:
        day = self.selected_day()
        shifts = self.day_shift_list()
        self.day_label.setText(self.tr("Shifts on %1").replace("%1", day.isoformat()))
        self.day_shifts.setRowCount(len(shifts))
        zone = local_zone()
        for i, s in enumerate(shifts):
            start, end = s.starts_at.astimezone(zone), s.ends_at.astimezone(zone)
            span = f"{start:%H:%M}–{end:%H:%M}" + (f" (+{(end.date() - start.date()).days})"
                                                   if end.date() != start.date() else "")
            for column, value in enumerate([span, ", ".join(n for _, n in s.staff), s.note]):
                self.day_shifts.setItem(i, column, QTableWidgetItem(value))
        if self.editing is not None and all(s.id != self.editing.id for s in shifts):
            self._new()  # the shift being edited is gone (deleted here or elsewhere)

    def _day_changed(self) -> None:
        self._new()
        self._show_day()

    # -- editing ------------------------------------------------------------------------------
    def _new(self) -> None:
        self.editing = None
        self.form_box.setTitle(self.tr("New shift"))
        self.delete_button.setEnabled(False)
        self.error.clear()
        self.day_shifts.clearSelection()

    def _edit_selected(self) -> None:
        rows = self.day_shifts.selectionModel().selectedRows()
        shifts = self.day_shift_list()
        if not rows or rows[0].row() >= len(shifts):
            return
        shift = shifts[rows[0].row()]
        self.editing = shift
        zone = local_zone()
        start, end = shift.starts_at.astimezone(zone), shift.ends_at.astimezone(zone)
        self.start.setTime(QTime(start.hour, start.minute))
        self.end.setTime(QTime(end.hour, end.minute))
        self.note.setText(shift.note)
        staff = {uid for uid, _ in shift.staff}
        for i in range(self.staff.count()):
            item = self.staff.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                               in staff else Qt.CheckState.Unchecked)
        self.form_box.setTitle(self.tr("Change shift"))
        self.delete_button.setEnabled(True)
        self.error.clear()

    def form(self) -> ShiftForm:
        day = (self.editing.starts_at.astimezone(local_zone()).date() if self.editing
               else self.selected_day())
        start_t, end_t = self.start.time().toPython(), self.end.time().toPython()
        start = datetime.combine(day, start_t, local_zone())
        end = datetime.combine(day, end_t, local_zone())
        if end <= start:
            end += timedelta(days=1)
        staff = [self.staff.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(self.staff.count())
                 if self.staff.item(i).checkState() == Qt.CheckState.Checked]
        return ShiftForm(start, end, staff, self.note.text())

    def save(self) -> None:
        session, form, editing = self.ctx.session, self.form(), self.editing
        self.error.clear()
        if editing is None:
            call = lambda: save_shift(session, form)  # noqa: E731
        else:
            call = lambda: save_shift(session, form, editing.id, editing.version)  # noqa: E731
        run(self.ctx, self, call, lambda _: self.error.clear(), self._failed)

    def _delete(self) -> None:
        editing, session = self.editing, self.ctx.session
        if editing is not None:
            run(self.ctx, self, lambda: delete_shift(session, editing.id, editing.version),
                lambda _: None, self._failed)

    def _copy_week(self) -> None:
        day = self.selected_day()
        monday = local_midnight(day - timedelta(days=day.weekday()))
        session = self.ctx.session
        run(self.ctx, self, lambda: copy_shifts(session, monday, monday + timedelta(days=7),
                                                timedelta(days=7)),
            lambda _: None, self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):  # shown beside the form; the form stays
            self.error.setText("\n".join(error.field_messages(self.ctx.language).values()))
            return
        from ui.errors import show_error

        show_error(self, error, self.ctx.language)
