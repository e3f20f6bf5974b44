"""What a bulk action asks once for the whole selection, and the summary it ends with.

The input dialog's OK button is enabled only when what is required is there (a note for a
transfer, a wait code for pending, a close code and notes for closing…), so that a run is
never refused for input the person could have given; what is refused then is refused by
each incident's own rules, and the summary lists each with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.bulk.actions import BulkAction, BulkInput, BulkResult, Offer
from desk_app.services.incident import choices
from desk_app.services.incident.choices import CategoryChoice
from desk_app.services.incident.workflow import satisfaction_required
from desk_app.services.lists import queues
from ui.context import UiContext
from ui.widgets.combos import fill_rows, value

#: How many incidents of a bulk close can be given their caller's answer one by one.
ANSWERS = 200


class BulkInputDialog(QDialog):
    """The fields ``action`` needs; ``bulk_input()`` when accepted."""

    def __init__(self, context: UiContext, action: BulkAction, offer: Offer,
                 parent: QWidget | None = None, ids: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self.ids = list(ids)
        self.answers: QTableWidget | None = None  # closing: each caller's satisfaction
        self.setObjectName("bulkInputDialog")
        self.context = context
        self.action = action
        self.lang = context.language
        session = context.session
        self.categories: dict[int, CategoryChoice] = {}
        self.category: QComboBox | None = None
        self.tier: QComboBox | None = None
        self.member: QComboBox | None = None
        self.wait_code: QComboBox | None = None
        self.close_code: QComboBox | None = None
        self.satisfaction: QSpinBox | None = None
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(70)

        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("bulkIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        layout.addLayout(form)

        if action in (BulkAction.ASSIGN, BulkAction.TRANSFER):
            self.categories = {c.id: c for c in choices.categories(session)}
            self.category = QComboBox(self)
            self.category.setObjectName("bulkCategory")
            fill_rows(self.category, self.categories.values(), self.lang,
                      none_text=self.tr("(keep each incident's category)"))
            self.category.currentIndexChanged.connect(self._routing_changed)
            form.addRow(self.tr("Cate&gory"), self.category)
            if action == BulkAction.TRANSFER:
                self.tier = QComboBox(self)
                self.tier.setObjectName("bulkTier")
                self.tier.addItem(self.tr("(the level each incident is at)"), None)
                self.tier.addItem(self.tr("Level-1 support group"), 1)
                self.tier.addItem(self.tr("Level-2 support group"), 2)
                self.tier.currentIndexChanged.connect(self._routing_changed)
                form.addRow(self.tr("&Level"), self.tier)
            self.member = QComboBox(self)
            self.member.setObjectName("bulkMember")
            form.addRow(self.tr("&Person"), self.member)
            self._routing_changed()
        if action == BulkAction.PEND:
            self.wait_code = QComboBox(self)
            self.wait_code.setObjectName("bulkWaitCode")
            fill_rows(self.wait_code, choices.wait_codes(session), self.lang,
                      placeholder=self.tr("Choose what the incidents wait for"))
            self.wait_code.currentIndexChanged.connect(self._check)
            form.addRow(self.tr("&Wait code"), self.wait_code)
        if action == BulkAction.CLOSE:
            self.close_code = QComboBox(self)
            self.close_code.setObjectName("bulkCloseCode")
            fill_rows(self.close_code, choices.close_codes(session), self.lang,
                      placeholder=self.tr("Choose a close code"))
            self.close_code.currentIndexChanged.connect(self._check)
            form.addRow(self.tr("Close &code"), self.close_code)
            self.satisfaction = QSpinBox(self)
            self.satisfaction.setObjectName("bulkSatisfaction")
            self.satisfaction.setRange(0, 5)
            self.satisfaction.setSpecialValueText(self.tr("(not asked)"))
            self.satisfaction.valueChanged.connect(self._check)
            form.addRow(self.tr("Caller's &satisfaction (1–5)"), self.satisfaction)
            if self.ids:
                self.answers = self._answers_table()
                form.addRow(self.tr("Each caller's &answer"), self.answers)
        form.addRow(self._note_label(), self.note)
        self.note.textChanged.connect(self._check)

        self.hint = QLabel(self)
        self.hint.setObjectName("bulkHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setWindowTitle(action_title(action))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action_title(action))
        self.intro.setText(offer_text(offer))
        self.resize(480 if self.answers is None else 680, self.sizeHint().height())
        self._check()

    def _answers_table(self) -> QTableWidget:
        """One row per incident (the first ``ANSWERS`` of the selection) with its caller, so
        that each caller's own answer is recorded (R22); a row left at "(as for all)" takes
        the value above."""
        shown = self.ids[:ANSWERS]
        rows = {row.id: row for row in queues.rows(self.context.session, shown)}
        table = QTableWidget(len(shown), 4, self)
        table.setObjectName("bulkAnswers")
        table.setHorizontalHeaderLabels([self.tr("Incident"), self.tr("Caller"),
                                         self.tr("Title"), self.tr("Satisfaction")])
        table.verticalHeader().hide()
        for index, incident_id in enumerate(shown):
            row = rows.get(incident_id)
            for column, value_ in enumerate((row.number, row.caller, row.title) if row else
                                            (f"#{incident_id}", "", "")):
                item = QTableWidgetItem(value_)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(index, column, item)
            spin = QSpinBox(table)
            spin.setRange(0, 5)
            spin.setSpecialValueText(self.tr("(as for all)"))
            spin.valueChanged.connect(self._check)
            table.setCellWidget(index, 3, spin)
        header = table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setMinimumHeight(min(260, 40 + 30 * len(shown)))
        if len(self.ids) > ANSWERS:
            table.setToolTip(self.tr("The first %1 incidents can be answered one by one; the "
                                     "rest take the value above.").replace("%1", str(ANSWERS)))
        return table

    def answer_spin(self, row: int) -> QSpinBox:
        assert self.answers is not None
        spin = self.answers.cellWidget(row, 3)
        assert isinstance(spin, QSpinBox)
        return spin

    def per_caller(self) -> tuple[tuple[int, int], ...]:
        if self.answers is None:
            return ()
        pairs = ((incident_id, self.answer_spin(i).value())
                 for i, incident_id in enumerate(self.ids[:ANSWERS]))
        return tuple((incident_id, answer) for incident_id, answer in pairs if answer)

    def _note_label(self) -> str:
        if self.action == BulkAction.CLOSE:
            return self.tr("Close &notes")
        if self.action == BulkAction.ACKNOWLEDGE:
            return self.tr("&Comment")
        return self.tr("&Note")

    def note_required(self) -> bool:
        return self.action in (BulkAction.TRANSFER, BulkAction.NOTE, BulkAction.CLOSE)

    def satisfaction_needed(self) -> bool:
        return satisfaction_required(self.context.session)

    def _routing_changed(self, _index: int = -1) -> None:
        """People can be chosen once the group is known: a category is chosen (and, for a
        transfer, the level)."""
        assert self.member is not None
        category = self.categories.get(value(self.category)) if self.category else None
        level = value(self.tier) if self.tier is not None else 1
        group = None
        if category is not None:
            group = category.tier2_group if level == 2 else category.group
        people = choices.group_members(self.context.session, group.id) if group else []
        self.member.clear()
        self.member.addItem(self.tr("(anyone in the group)"), None)
        for person in people:
            self.member.addItem(person.full_name, person.id)
        self.member.setEnabled(group is not None)
        self._check()

    def missing(self) -> list[str]:
        """What must still be given before the action can run, in words."""
        missing = []
        if self.action == BulkAction.TRANSFER and value(self.category) is None and (
                self.tier is None or value(self.tier) is None):
            missing.append(self.tr("a category or a level to transfer to"))
        if self.wait_code is not None and value(self.wait_code) is None:
            missing.append(self.tr("a wait code"))
        if self.close_code is not None and value(self.close_code) is None:
            missing.append(self.tr("a close code"))
        if self.satisfaction is not None and self.satisfaction_needed() and \
                self.satisfaction.value() == 0 and (
                    not self.ids or len(self.per_caller()) < len(self.ids)):
            missing.append(self.tr("the caller's satisfaction"))
        if self.note_required() and not self.note.toPlainText().strip():
            caption = re.sub(r"\(&\w\)|&", "", self._note_label())  # "备注(&N)" → "备注"
            missing.append(caption.lower() if self.lang == "en" else caption)
        return missing

    def _check(self) -> None:
        if not hasattr(self, "buttons"):
            return  # still being built
        missing = self.missing()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
        self.hint.setText(self.tr("Still needed: %1").replace("%1", ", ".join(missing))
                          if missing else "")

    def bulk_input(self) -> BulkInput:
        satisfaction = self.satisfaction.value() if self.satisfaction is not None else 0
        return BulkInput(
            note=self.note.toPlainText(),
            assignee_id=value(self.member) if self.member is not None else None,
            category_id=value(self.category) if self.category is not None else None,
            tier=value(self.tier) if self.tier is not None else None,
            wait_code_id=value(self.wait_code) if self.wait_code is not None else None,
            close_code_id=value(self.close_code) if self.close_code is not None else None,
            satisfaction=satisfaction or None,
            satisfactions=self.per_caller(),
        )


def action_title(action: BulkAction) -> str:
    from PySide6.QtCore import QCoreApplication

    titles = {
        BulkAction.ASSIGN_TO_ME: QCoreApplication.translate("BulkAction", "Assign to me"),
        BulkAction.ASSIGN: QCoreApplication.translate("BulkAction", "Assign"),
        BulkAction.TRANSFER: QCoreApplication.translate("BulkAction", "Transfer"),
        BulkAction.PEND: QCoreApplication.translate("BulkAction", "Set pending"),
        BulkAction.RESUME: QCoreApplication.translate("BulkAction", "Resume"),
        BulkAction.NOTE: QCoreApplication.translate("BulkAction", "Add a note"),
        BulkAction.ACKNOWLEDGE: QCoreApplication.translate("BulkAction",
                                                           "Acknowledge escalations"),
        BulkAction.CLOSE: QCoreApplication.translate("BulkAction", "Close"),
    }
    return titles[action]


def offer_text(offer: Offer) -> str:
    """How many of the selection the action takes, said before the person types."""
    from PySide6.QtCore import QCoreApplication

    if not offer.checked:
        return QCoreApplication.translate(
            "BulkAction", "%1 incidents selected. Each is checked as the action reaches it; "
                          "those that refuse are listed at the end.").replace(
            "%1", str(offer.total))
    if offer.possible == offer.total:
        return QCoreApplication.translate("BulkAction", "%1 incident(s) selected.").replace(
            "%1", str(offer.total))
    return QCoreApplication.translate(
        "BulkAction", "%1 of the %2 selected incidents can take this now; the other %3 "
                      "will be listed with the reason at the end.").replace(
        "%1", str(offer.possible)).replace("%2", str(offer.total)).replace(
        "%3", str(offer.total - offer.possible))


class SummaryDialog(QDialog):
    """What a bulk action did: how many were done, refused (each with its reason, in the
    person's language) and, after a cancel, not reached."""

    def __init__(self, context: UiContext, result: BulkResult,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkSummary")
        self.result = result
        lang = context.language
        self.setWindowTitle(self.tr("%1: summary").replace("%1", action_title(result.action)))
        layout = QVBoxLayout(self)
        self.headline = QLabel(result.summary(lang), self)
        self.headline.setObjectName("bulkHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        reasons = result.reasons(lang)
        self.table = QTableWidget(len(reasons), 2, self)
        self.table.setObjectName("bulkRefusals")
        self.table.setHorizontalHeaderLabels([self.tr("Incident"), self.tr("Refused because")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (number, reason) in enumerate(reasons):
            self.table.setItem(row, 0, QTableWidgetItem(number))
            self.table.setItem(row, 1, QTableWidgetItem(reason))
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(reasons))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy the list"), self)
        self.copy_button.setEnabled(bool(reasons))
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(620, 360 if reasons else 140)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.lang = lang

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()  # wrapped at the column's width as shown

    def copy(self) -> None:
        lines = [self.result.summary(self.lang)]
        lines += [f"{number}\t{reason}" for number, reason in self.result.reasons(self.lang)]
        QGuiApplication.clipboard().setText("\r\n".join(lines) + "\r\n")
