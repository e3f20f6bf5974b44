"""Escalation rules (R09) for the process owner: besides the incident managers, who always
are, whom an escalation notifies and how: e.g. the caller's department head for priority 1,
the support group's department head from the second escalation, or a named person for one
category.

An administration tab like the others (``ui.admin.editor.EditorTab``): the core says who may
save (``administer_refusal``), problems show at their fields, a rule someone else changed
meanwhile is a conflict shown over the form, and the list follows changes made here and on
other workstations.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desk_app.domain.enums import EscalationReason, NotificationChannel, RecipientKind
from desk_app.services.admin.process import (
    RuleChoices,
    RuleForm,
    RuleView,
    escalation_rule_choices,
    escalation_rules,
    save_escalation_rule,
)
from desk_app.services.session import Changes, Session
from ui.admin.editor import EditorTab
from ui.escalations.common import named, term
from ui.widgets.combos import select
from ui.widgets.rows_model import Column


class EscalationRulesEditor(EditorTab):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Rule"), lambda r: named(self.context, r.form.name_en,
                                                    r.form.name_zh)),
            Column(self.tr("Notify"), self._who),
            Column(self.tr("Active"), lambda r: self.yes_no(r.form.active)),
            Column(self.tr("Channels"), lambda r: ", ".join(
                term(self.context, NotificationChannel, c) for c in r.form.channels)),
        ]

    def _who(self, rule: RuleView) -> str:
        who = term(self.context, RecipientKind, rule.form.recipient)
        if rule.form.user_id is not None:
            who += f": {self.people.get(rule.form.user_id, '—')}"
        return who

    def list_header(self) -> QWidget:
        note = QLabel(self.tr("The incident managers are always notified of every escalation; "
                              "these rules add others."), self)
        note.setWordWrap(True)
        return note

    def build_form(self) -> None:
        self.table.horizontalHeader().setMaximumSectionSize(240)  # long names are elided
        self.people: dict[int, str] = {}
        ctx = self.context
        self.name_en = QLineEdit(self)
        self.name_zh = QLineEdit(self)
        self.recipient = QComboBox(self)
        for kind in RecipientKind:
            self.recipient.addItem(term(ctx, RecipientKind, kind.value), kind.value)
        self.user = QComboBox(self)
        self.max_priority = QComboBox(self)
        self.max_priority.addItem(self.tr("Any priority"), None)
        for p in range(1, 5):
            self.max_priority.addItem(self.tr("P%1 or higher").replace("%1", str(p)), p)
        self.min_escalations = QSpinBox(self)
        self.min_escalations.setRange(0, 9)
        self.min_escalations.setSpecialValueText(self.tr("Any"))
        self.reason = QComboBox(self)
        self.reason.addItem(self.tr("Any reason"), None)
        for reason in EscalationReason:
            self.reason.addItem(term(ctx, EscalationReason, reason.value), reason.value)
        self.category = QComboBox(self)
        self.channels: dict[str, QCheckBox] = {}
        self.channel_box = QWidget(self)
        grid = QGridLayout(self.channel_box)  # three a row, so the form leaves the list room
        grid.setContentsMargins(0, 0, 0, 0)
        for index, channel in enumerate(NotificationChannel):
            box = QCheckBox(term(ctx, NotificationChannel, channel.value), self.channel_box)
            self.channels[channel.value] = box
            grid.addWidget(box, index // 3, index % 3)
        grid.setColumnStretch(3, 1)
        self.active = QCheckBox(self.tr("A&ctive"), self)
        self.add("name_en", self.tr("Name (&English)"), self.name_en)
        self.add("name_zh", self.tr("Name (C&hinese)"), self.name_zh)
        self.add("recipient", self.tr("N&otify"), self.recipient)
        self.add("user", self.tr("Named &person"), self.user)
        self.add("max_priority", self.tr("When the p&riority is"), self.max_priority)
        self.add("min_escalations", self.tr("From escalation n&umber"),
                 self.min_escalations)
        self.add("reason", self.tr("When the reason &is"), self.reason)
        self.add("category", self.tr("When the ca&tegory is"), self.category)
        self.add("channels", self.tr("Channe&ls"), self.channel_box)
        self.add("active", "", self.active)
        for box in self.channels.values():
            self.watch(box)
        self.recipient.currentIndexChanged.connect(lambda _i: self._recipient_changed())

    def _recipient_changed(self) -> None:
        """A person is named only for "a named person"; the other kinds find their own."""
        self.user.setEnabled(self.user_wanted())

    def user_wanted(self) -> bool:
        return self.refusal is None and \
            self.recipient.currentData() == RecipientKind.USER.value

    def field_enabled(self, widget: QWidget, row: Any) -> bool:
        return widget is not self.user or self.user_wanted()

    # -- reading -------------------------------------------------------------------------
    def fetch(self, session: Session) -> tuple[list[Any], Any]:
        return escalation_rules(session), escalation_rule_choices(session)

    def use_extra(self, extra: RuleChoices) -> None:
        self.people = dict(extra.users)
        categories = [(i, named(self.context, en, zh)) for i, en, zh in extra.categories]
        for combo, entries in (
                (self.user, [(None, self.tr("Choose a person…")), *extra.users]),
                (self.category, [(None, self.tr("Any category")), *categories])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for key, caption in entries:
                combo.addItem(caption, key)
            select(combo, chosen)
            if combo.currentIndex() < 0:
                combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def title_of(self, row: RuleView) -> str:
        return named(self.context, row.form.name_en, row.form.name_zh)

    def fill(self, row: RuleView | None) -> None:
        form = row.form if row is not None else RuleForm(
            "", "", RecipientKind.CALLER_DEPARTMENT_HEAD.value, [])
        self.name_en.setText(form.name_en)
        self.name_zh.setText(form.name_zh)
        select(self.recipient, str(RecipientKind(form.recipient).value))
        self._choose(self.user, form.user_id)
        self._choose(self.max_priority, form.max_priority)
        self.min_escalations.setValue(form.min_escalations or 0)
        self._choose(self.reason, form.reason)
        self._choose(self.category, form.category_id)
        for channel, box in self.channels.items():
            box.setChecked(channel in form.channels)
        self.active.setChecked(form.active)

    @staticmethod
    def _choose(combo: QComboBox, key: object) -> None:
        if not select(combo, key):
            combo.setCurrentIndex(0)

    # -- saving ----------------------------------------------------------------------------
    def form_value(self) -> RuleForm:
        kind = self.recipient.currentData()
        return RuleForm(
            self.name_en.text(), self.name_zh.text(), kind,
            [c for c, box in self.channels.items() if box.isChecked()],
            user_id=self.user.currentData() if kind == RecipientKind.USER.value else None,
            max_priority=self.max_priority.currentData(),
            min_escalations=self.min_escalations.value() or None,
            reason=self.reason.currentData(), category_id=self.category.currentData(),
            active=self.active.isChecked())

    def save_call(self, session: Session, row: RuleView | None) -> Callable[[], Changes]:
        form = self.form_value()
        row_id, version = (row.id, row.version) if row else (None, None)
        return lambda: save_escalation_rule(session, form, row_id, version)
