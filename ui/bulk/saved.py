"""Saved queues in the workstation: the editor that builds one from conditions, and the
sidebar list under the standard queues, each with a live count.

The editor shows how many incidents the conditions hold now while the person chooses them;
its Save button is enabled once there is a name, and a refusal (a name already used) keeps
everything chosen and says so under the fields.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import Priority, Stage
from desk_app.errors import ValidationError
from desk_app.i18n import label
from desk_app.services.bulk import saved_queues as sq
from desk_app.services.bulk.saved_queues import (
    Assignee,
    Conditions,
    DateField,
    Escalated,
    SavedQueueForm,
    SavedQueueInfo,
)
from desk_app.services.incident import choices
from ui.context import UiContext
from ui.errors import error_text
from ui.reading import read
from ui.widgets.combos import select, value

INFO_ROLE = Qt.ItemDataRole.UserRole + 1


def _checklist(parent: QWidget, name: str, height: int = 92) -> QListWidget:
    box = QListWidget(parent)
    box.setObjectName(name)
    box.setMaximumHeight(height)
    box.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    return box


def _fill(box: QListWidget, entries: list[tuple[Any, str]], checked: tuple[Any, ...]) -> None:
    box.clear()
    for data, text in entries:
        item = QListWidgetItem(text, box)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if data in checked else
                           Qt.CheckState.Unchecked)


def _checked(box: QListWidget) -> tuple[Any, ...]:
    return tuple(box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
                 if box.item(i).checkState() == Qt.CheckState.Checked)


class SavedQueueEditor(QDialog):
    """New or changed saved queue; ``saved`` with the queue's id once stored."""

    saved = Signal(int)

    def __init__(self, context: UiContext, existing: SavedQueueInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedQueueEditor")
        self.context = context
        self.existing = existing
        lang = self.lang = context.language
        session = context.session
        given = existing.conditions if existing is not None else Conditions(open_only=True)

        self.name = QLineEdit(existing.name if existing else "", self)
        self.name.setObjectName("savedQueueName")
        self.name.setPlaceholderText(self.tr("e.g. VIP callers waiting on a vendor"))
        self.shared = QCheckBox(self.tr("Share with the team (everyone sees it in the "
                                        "sidebar)"), self)
        self.shared.setObjectName("savedQueueShared")
        self.shared.setChecked(bool(existing and existing.shared))

        self.open_only = QCheckBox(self.tr("Open work only (not resolved or closed)"), self)
        self.open_only.setChecked(given.open_only)
        self.stages = _checklist(self, "savedStages")
        _fill(self.stages, [(s.value, label(s, lang)) for s in Stage], given.stages)
        self.priorities = _checklist(self, "savedPriorities")
        _fill(self.priorities, [(p.value, label(p, lang)) for p in Priority], given.priorities)
        categories = choices.categories(session)
        groups = {c.group.id: c.group for c in categories}
        for c in categories:
            if c.tier2_group is not None:
                groups[c.tier2_group.id] = c.tier2_group
        self.groups = _checklist(self, "savedGroups")
        _fill(self.groups, [(g.id, g.name(lang)) for g in groups.values()], given.group_ids)
        self.categories = _checklist(self, "savedCategories")
        _fill(self.categories, [(c.id, c.name(lang)) for c in categories], given.category_ids)

        self.assignee = QComboBox(self)
        self.assignee.setObjectName("savedAssignee")
        for data, text in ((Assignee.ANY, self.tr("Anyone or nobody")),
                           (Assignee.ME, self.tr("Me")),
                           (Assignee.NOBODY, self.tr("Nobody yet")),
                           (Assignee.PEOPLE, self.tr("These people:"))):
            self.assignee.addItem(text, data.value)
        select(self.assignee, given.assignee)
        self.people = _checklist(self, "savedPeople")
        _fill(self.people, [(p.id, p.full_name) for p in sq.people(session)],
              given.assignee_ids)

        self.caller_text = QLineEdit(self)
        self.caller_text.setObjectName("savedCallerFind")
        self.caller_text.setPlaceholderText(self.tr("Type part of a name, then Find"))
        self.caller_find = QPushButton(self.tr("&Find"), self)
        self.callers = _checklist(self, "savedCallers", 70)
        known = [(c.id, c.name) for c in (choices.caller(session, i) for i in given.caller_ids)
                 if c is not None]
        _fill(self.callers, known, given.caller_ids)
        self.caller_find.clicked.connect(self._find_callers)
        self.caller_text.returnPressed.connect(self._find_callers)
        self.vip = QComboBox(self)
        self.vip.setObjectName("savedVip")
        for data, text in ((None, self.tr("Any caller")), (True, self.tr("VIP callers only")),
                           (False, self.tr("Callers who are not VIP"))):
            self.vip.addItem(text, data)
        select(self.vip, given.vip)

        self.escalated = QComboBox(self)
        self.escalated.setObjectName("savedEscalated")
        for data, text in ((Escalated.ANY, self.tr("Escalated or not")),
                           (Escalated.UNACKNOWLEDGED, self.tr("Escalation not yet "
                                                              "acknowledged")),
                           (Escalated.EVER, self.tr("Ever escalated")),
                           (Escalated.NEVER, self.tr("Never escalated"))):
            self.escalated.addItem(text, data.value)
        select(self.escalated, given.escalated)
        self.pending = QComboBox(self)
        self.pending.setObjectName("savedPending")
        for data, text in ((None, self.tr("Pending or not")), (True, self.tr("Pending")),
                           (False, self.tr("Not pending"))):
            self.pending.addItem(text, data)
        select(self.pending, True if given.wait_code_ids else given.pending)
        self.wait_codes = _checklist(self, "savedWaitCodes", 70)
        _fill(self.wait_codes, [(w.id, w.name(lang)) for w in choices.wait_codes(session)],
              given.wait_code_ids)

        self.date_field = QComboBox(self)
        self.date_field.setObjectName("savedDateField")
        for data, text in ((DateField.LOGGED, self.tr("Logged")),
                           (DateField.UPDATED, self.tr("Last updated")),
                           (DateField.RESOLVED, self.tr("Resolved")),
                           (DateField.CLOSED, self.tr("Closed"))):
            self.date_field.addItem(text, data.value)
        select(self.date_field, given.date_field)
        self.date_mode = QComboBox(self)
        self.date_mode.setObjectName("savedDateMode")
        for data, text in (("any", self.tr("any time")), ("last", self.tr("in the last")),
                           ("between", self.tr("between"))):
            self.date_mode.addItem(text, data)
        mode = "last" if given.last_days else "between" if (given.date_from or given.date_to) \
            else "any"
        select(self.date_mode, mode)
        self.last_days = QSpinBox(self)
        self.last_days.setRange(1, 3660)
        self.last_days.setValue(given.last_days or 7)
        self.last_days.setSuffix(self.tr(" day(s)"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(QDate.fromString(given.date_from, Qt.DateFormat.ISODate)
                                   if given.date_from else today.addDays(-30), self)
        self.date_to = QDateEdit(QDate.fromString(given.date_to, Qt.DateFormat.ISODate)
                                 if given.date_to else today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.words = QLineEdit(given.words, self)
        self.words.setObjectName("savedWords")
        self.words.setPlaceholderText(self.tr("Words in the title, description, notes or "
                                              "resolution"))

        # -- layout -------------------------------------------------------------------------
        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow(self.tr("&Name"), self.name)
        top.addRow("", self.shared)
        layout.addLayout(top)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)

        def column(row: int, col: int, title: str, *widgets: QWidget) -> None:
            box = QVBoxLayout()
            heading = QLabel(f"<b>{title}</b>", self)
            box.addWidget(heading)
            for widget in widgets:
                box.addWidget(widget)
            box.addStretch(1)
            grid.addLayout(box, row, col)

        column(0, 0, self.tr("Stage"), self.open_only, self.stages)
        column(0, 1, self.tr("Priority"), self.priorities)
        column(0, 2, self.tr("Support group"), self.groups)
        column(1, 0, self.tr("Category"), self.categories)
        column(1, 1, self.tr("Assignee"), self.assignee, self.people)
        finder = QWidget(self)
        finder_row = QHBoxLayout(finder)
        finder_row.setContentsMargins(0, 0, 0, 0)
        finder_row.addWidget(self.caller_text, 1)
        finder_row.addWidget(self.caller_find)
        column(1, 2, self.tr("Caller"), finder, self.callers, self.vip)
        column(2, 0, self.tr("Escalation"), self.escalated)
        column(2, 1, self.tr("Pending, with wait code"), self.pending, self.wait_codes)
        dates = QWidget(self)
        dates_grid = QGridLayout(dates)
        dates_grid.setContentsMargins(0, 0, 0, 0)
        dates_grid.addWidget(self.date_field, 0, 0)
        dates_grid.addWidget(self.date_mode, 0, 1)
        dates_grid.addWidget(self.last_days, 1, 0, 1, 2)
        dates_grid.addWidget(self.date_from, 2, 0)
        dates_grid.addWidget(self.date_to, 2, 1)
        column(2, 2, self.tr("Dates"), dates)
        layout.addLayout(grid)
        words = QFormLayout()
        words.addRow(self.tr("&Words"), self.words)
        layout.addLayout(words)
        self.count = QLabel(self)
        self.count.setObjectName("savedQueueCount")
        layout.addWidget(self.count)
        self.problem = QLabel(self)
        self.problem.setObjectName("savedQueueProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Change saved queue") if existing else
                            self.tr("New saved queue"))

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(250)
        self._count_timer.timeout.connect(self._recount)
        for box in (self.stages, self.priorities, self.groups, self.categories, self.people,
                    self.callers, self.wait_codes):
            box.itemChanged.connect(self._changed)
        for combo in (self.assignee, self.vip, self.escalated, self.pending,
                      self.date_field, self.date_mode):
            combo.currentIndexChanged.connect(self._changed)
        for signal in (self.open_only.toggled, self.last_days.valueChanged,
                       self.date_from.dateChanged, self.date_to.dateChanged,
                       self.words.textChanged, self.name.textChanged):
            signal.connect(self._changed)
        self._changed()
        self.resize(860, 640)

    # -- reading the form -------------------------------------------------------------------
    def conditions(self) -> Conditions:
        mode = value(self.date_mode)
        pending = value(self.pending)
        return Conditions(
            stages=tuple(_checked(self.stages)), open_only=self.open_only.isChecked(),
            priorities=tuple(_checked(self.priorities)),
            group_ids=tuple(_checked(self.groups)),
            category_ids=tuple(_checked(self.categories)),
            assignee=value(self.assignee),
            assignee_ids=tuple(_checked(self.people))
            if value(self.assignee) == Assignee.PEOPLE.value else (),
            caller_ids=tuple(_checked(self.callers)), vip=value(self.vip),
            escalated=value(self.escalated), pending=pending,
            wait_code_ids=tuple(_checked(self.wait_codes)) if pending else (),
            date_field=value(self.date_field),
            last_days=self.last_days.value() if mode == "last" else None,
            date_from=self.date_from.date().toString(Qt.DateFormat.ISODate)
            if mode == "between" else "",
            date_to=self.date_to.date().toString(Qt.DateFormat.ISODate)
            if mode == "between" else "",
            words=self.words.text())

    def _changed(self, *_: object) -> None:
        people = value(self.assignee) == Assignee.PEOPLE.value
        self.people.setEnabled(people)
        self.wait_codes.setEnabled(value(self.pending) is True)
        mode = value(self.date_mode)
        self.last_days.setVisible(mode == "last")
        self.date_from.setVisible(mode == "between")
        self.date_to.setVisible(mode == "between")
        problems = self.conditions().problems().fields
        missing = not self.name.text().strip()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            not missing and not problems)
        if problems:
            error = ValidationError(dict(problems))
            self.count.setText(error_text(error, self.lang))
        self._count_timer.start()

    def _recount(self) -> None:
        conditions, session = self.conditions(), self.context.session
        if conditions.problems().fields:
            return
        read(self, lambda: sq.count_of(session, conditions), self._counted)

    def _counted(self, count: int) -> None:
        self.count.setText(self.tr("%1 incident(s) match now.").replace("%1", str(count)))

    def _find_callers(self) -> None:
        found = choices.find_callers(self.context.session, self.caller_text.text())
        kept = [(self.callers.item(i).data(Qt.ItemDataRole.UserRole),
                 self.callers.item(i).text()) for i in range(self.callers.count())
                if self.callers.item(i).checkState() == Qt.CheckState.Checked]
        chosen = tuple(data for data, _ in kept)
        entries = kept + [(c.id, c.name + (" ★" if c.vip else "")) for c in found
                          if c.id not in chosen]
        _fill(self.callers, entries, chosen)

    # -- saving -----------------------------------------------------------------------------
    def form(self) -> SavedQueueForm:
        return SavedQueueForm(self.name.text(), self.conditions(), self.shared.isChecked())

    def save(self) -> None:
        session, form, existing = self.context.session, self.form(), self.existing

        def call() -> int:
            if existing is None:
                return sq.create_queue(session, form).new_id
            sq.update_queue(session, existing.id, form, existing.version)
            return existing.id

        self.context.op(self, call).success(self._saved).failure(self._refused).run()

    def _saved(self, queue_id: int) -> None:
        self.saved.emit(queue_id)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        """Everything chosen stays; the reason shows above the buttons."""
        self.problem.setText(error_text(error, self.lang))
        self.problem.show()


class SavedQueuesPane(QWidget):
    """The sidebar's saved queues with their counts; ``chosen`` when the person picks one."""

    chosen = Signal(object)  # SavedQueueInfo
    saved = Signal(int)  # a queue was created or changed here: its id
    counted = Signal()
    failed = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedQueues")
        self.context = context
        self.queues: list[SavedQueueInfo] = []
        self.counts: dict[int, int] = {}
        self.current_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(2)
        head = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("savedQueuesHeading")
        head.addWidget(self.heading, 1)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("savedQueueNew")
        self.add_button.setText("+")
        self.add_button.setAutoRaise(True)
        self.add_button.clicked.connect(lambda: self.edit(None))
        head.addWidget(self.add_button)
        layout.addLayout(head)
        self.list = QListWidget(self)
        self.list.setObjectName("savedQueueList")
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu_at)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        layout.addWidget(self.list)
        self.retranslate()

    def retranslate(self) -> None:
        title = self.tr("Saved queues")
        self.heading.setText(f"<b>{title}</b>")
        self.add_button.setToolTip(self.tr("New saved queue…"))
        self._show()

    def refresh(self) -> None:
        session = self.context.session

        def fetch() -> tuple[list[SavedQueueInfo], dict[int, int]]:
            queues = sq.visible(session)
            return queues, sq.counts(session, queues)

        read(self, fetch, self._arrived, self.failed.emit)

    def _arrived(self, result: tuple[list[SavedQueueInfo], dict[int, int]]) -> None:
        self.queues, self.counts = result
        self._show()
        self.counted.emit()

    def _show(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for queue in self.queues:
            count = self.counts.get(queue.id)
            text = queue.name if count is None else f"{queue.name}  ({count})"
            item = QListWidgetItem(text, self.list)
            item.setData(INFO_ROLE, queue)
            owner = self.tr("Shared by %1").replace("%1", queue.owner) if queue.shared \
                else self.tr("Only you see this queue")
            item.setToolTip(owner)
            if queue.shared:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
            if queue.id == self.current_id:
                item.setSelected(True)
        self.list.blockSignals(False)
        self.list.setVisible(bool(self.queues))
        # as tall as its queues (up to eight), so that the standard queues keep the room
        rows = min(max(len(self.queues), 1), 8)
        row_height = self.list.sizeHintForRow(0) if self.queues else 20
        self.list.setFixedHeight(rows * max(row_height, 16) + 2 * self.list.frameWidth() + 4)

    def queue(self, queue_id: int) -> SavedQueueInfo | None:
        return next((q for q in self.queues if q.id == queue_id), None)

    def _clicked(self, item: QListWidgetItem) -> None:
        queue = item.data(INFO_ROLE)
        self.current_id = queue.id
        self.chosen.emit(queue)

    def clear_current(self) -> None:
        self.current_id = None
        self.list.clearSelection()

    def _menu_at(self, position: QPoint) -> None:
        menu = self.menu(self.list.itemAt(position))
        menu.exec(self.list.viewport().mapToGlobal(position))
        menu.deleteLater()

    def menu(self, item: QListWidgetItem | None) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("&New saved queue…"), lambda: self.edit(None))
        queue: SavedQueueInfo | None = item.data(INFO_ROLE) if item is not None else None
        change = menu.addAction(self.tr("&Change…"), lambda: self.edit(queue))
        remove = menu.addAction(self.tr("&Delete"), lambda: self.delete(queue))
        for action in (change, remove):
            action.setEnabled(queue is not None and queue.mine)
        menu.addAction(self.tr("Save a &copy as mine…"), lambda: self.copy(queue)
                       ).setEnabled(queue is not None)
        return menu

    def edit(self, queue: SavedQueueInfo | None) -> SavedQueueEditor:
        editor = SavedQueueEditor(self.context, queue, self.window())
        editor.saved.connect(lambda queue_id: self._saved(queue_id))
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def copy(self, queue: SavedQueueInfo | None) -> SavedQueueEditor | None:
        if queue is None:
            return None
        editor = SavedQueueEditor(self.context, replace(queue, id=-1), self.window())
        editor.existing = None
        editor.shared.setChecked(False)
        editor.name.setText(self.tr("%1 (copy)").replace("%1", queue.name))
        editor.saved.connect(lambda queue_id: self._saved(queue_id))
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def _saved(self, queue_id: int) -> None:
        self.current_id = queue_id
        self.refresh()
        self.saved.emit(queue_id)

    def delete(self, queue: SavedQueueInfo | None) -> None:
        if queue is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete saved queue"),
            self.tr("Delete the saved queue “%1”? The incidents in it are not touched.")
            .replace("%1", queue.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        session = self.context.session

        def call() -> None:
            sq.delete_queue(session, queue.id, queue.version)

        self.context.op(self, call).success(lambda _: self.refresh()).failure(
            lambda error: QMessageBox.warning(self, self.tr("Delete saved queue"),
                                              error_text(error, self.context.language))
        ).run()
