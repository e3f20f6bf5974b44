"""Escalation rules (R09) for the process owner: besides the incident managers, who always
are, whom an escalation notifies and how: e.g. the caller's department head for priority 1,
the support group's department head from the second escalation, or a named person for one
category."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import EscalationReason, NotificationChannel, RecipientKind, Role
from desk_app.errors import ValidationError
from desk_app.services.admin.process import (
    RuleChoices,
    RuleForm,
    RuleView,
    escalation_rule_choices,
    escalation_rules,
    save_escalation_rule,
)
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.escalations.common import named, run, term


class EscalationRulesEditor(QWidget):
    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rules: list[RuleView] = []
        self.editing: RuleView | None = None
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Notify"),
                                              self.tr("Channels"), self.tr("Active")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        note = QLabel(self.tr("The incident managers are always notified of every escalation; "
                              "these rules add others."))
        note.setWordWrap(True)

        self.box = QGroupBox(self.tr("New rule"))
        self.name_en = QLineEdit()
        self.name_zh = QLineEdit()
        self.recipient = QComboBox()
        for kind in RecipientKind:
            self.recipient.addItem(term(ctx, RecipientKind, kind.value), kind.value)
        self.user = QComboBox()
        self.max_priority = QComboBox()
        self.max_priority.addItem(self.tr("Any priority"), None)
        for p in range(1, 5):
            self.max_priority.addItem(self.tr("P%1 or higher").replace("%1", str(p)), p)
        self.min_escalations = QSpinBox()
        self.min_escalations.setRange(0, 9)
        self.min_escalations.setSpecialValueText(self.tr("Any"))
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Any reason"), None)
        for reason in EscalationReason:
            self.reason.addItem(term(ctx, EscalationReason, reason.value), reason.value)
        self.category = QComboBox()
        self.category.addItem(self.tr("Any category"), None)
        self.channels: dict[str, QCheckBox] = {}
        channel_row = QHBoxLayout()
        for channel in NotificationChannel:
            box = QCheckBox(term(ctx, NotificationChannel, channel.value))
            self.channels[channel.value] = box
            channel_row.addWidget(box)
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout(self.box)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.tr("Name (Chinese)"), self.name_zh)
        form.addRow(self.tr("Notify"), self.recipient)
        form.addRow(self.tr("Named person"), self.user)
        form.addRow(self.tr("When the priority is"), self.max_priority)
        form.addRow(self.tr("From escalation number"), self.min_escalations)
        form.addRow(self.tr("When the reason is"), self.reason)
        form.addRow(self.tr("When the category is"), self.category)
        form.addRow(self.tr("Channels"), channel_row)
        form.addRow(self.active)
        form.addRow(self.error)
        self.new_button = QPushButton(self.tr("New"))
        self.save_button = QPushButton(self.tr("Save rule"))
        self.save_button.setEnabled(ctx.session.has(Role.PROCESS_OWNER))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(self.box)
        layout.addLayout(buttons)

        self.recipient.currentIndexChanged.connect(lambda _: self._recipient_changed())
        self.table.itemSelectionChanged.connect(self._edit_selected)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self.save)
        ctx.hub.changed.connect(self._on_changed)
        self._recipient_changed()
        session = ctx.session
        run(ctx, self, lambda: escalation_rule_choices(session), self._choices_loaded)

    def _choices_loaded(self, choices: RuleChoices) -> None:
        for user_id, name in choices.users:
            self.user.addItem(name, user_id)
        for category_id, en, zh in choices.categories:
            self.category.addItem(named(self.ctx, en, zh), category_id)
        self.refresh()

    def refresh(self) -> None:
        session = self.ctx.session
        run(self.ctx, self, lambda: escalation_rules(session), self._show)

    def _on_changed(self, changes: Changes) -> None:
        if changes.reference:
            self.refresh()

    def _show(self, rules: list[RuleView]) -> None:
        self.rules = rules
        self.table.setRowCount(len(rules))
        for i, rule in enumerate(rules):
            f = rule.form
            who = term(self.ctx, RecipientKind, f.recipient)
            if f.user_id is not None:
                who += f": {self.user.itemText(max(0, self.user.findData(f.user_id)))}"
            channels = ", ".join(term(self.ctx, NotificationChannel, c) for c in f.channels)
            values = [named(self.ctx, f.name_en, f.name_zh), who, channels,
                      self.tr("yes") if f.active else self.tr("no")]
            for column, value in enumerate(values):
                self.table.setItem(i, column, QTableWidgetItem(value))
        self.loaded.emit()

    def _recipient_changed(self) -> None:
        self.user.setEnabled(self.recipient.currentData() == RecipientKind.USER.value)

    def _new(self) -> None:
        self.editing = None
        self.box.setTitle(self.tr("New rule"))
        self.table.clearSelection()
        self.error.clear()

    def _edit_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rules):
            return
        rule = self.rules[rows[0].row()]
        self.editing, f = rule, rule.form
        self.name_en.setText(f.name_en)
        self.name_zh.setText(f.name_zh)
        self.recipient.setCurrentIndex(max(0, self.recipient.findData(str(f.recipient))))
        self.user.setCurrentIndex(max(0, self.user.findData(f.user_id)))
        self.max_priority.setCurrentIndex(max(0, self.max_priority.findData(f.max_priority)))
        self.min_escalations.setValue(f.min_escalations or 0)
        self.reason.setCurrentIndex(max(0, self.reason.findData(f.reason)))
        self.category.setCurrentIndex(max(0, self.category.findData(f.category_id)))
        for channel, box in self.channels.items():
            box.setChecked(channel in f.channels)
        self.active.setChecked(f.active)
        self.box.setTitle(self.tr("Change rule"))
        self.error.clear()

    def form(self) -> RuleForm:
        kind = self.recipient.currentData()
        return RuleForm(
            self.name_en.text(), self.name_zh.text(), kind,
            [c for c, box in self.channels.items() if box.isChecked()],
            user_id=self.user.currentData() if kind == RecipientKind.USER.value else None,
            max_priority=self.max_priority.currentData(),
            min_escalations=self.min_escalations.value() or None,
            reason=self.reason.currentData(), category_id=self.category.currentData(),
            active=self.active.isChecked())

    def save(self) -> None:
        session, form, editing = self.ctx.session, self.form(), self.editing
        self.error.clear()
        if editing is None:
            call = lambda: save_escalation_rule(session, form)  # noqa: E731
        else:
            call = lambda: save_escalation_rule(  # noqa: E731
                session, form, editing.id, editing.version)
        run(self.ctx, self, call, self._saved, self._failed)

    def _saved(self, _: object) -> None:
        self._new()
        self.saved.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):  # beside the form, which keeps what was typed
            self.error.setText("\n".join(error.field_messages(self.ctx.language).values()))
            return
        from ui.errors import show_error

        show_error(self, error, self.ctx.language)
