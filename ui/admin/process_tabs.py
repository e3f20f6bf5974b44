"""The process owner's process settings: categories and their groups (R14), service targets
(R15, R19), wait and close codes (R17, R23), auto-close days (R23). Escalation rules (R09)
have their own editor in ``ui.escalations.rules``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.enums import (
    Priority,
    TargetStage,
)
from desk_app.errors import DeskError
from desk_app.formatting import format_working_time
from desk_app.i18n import label, text
from desk_app.services.admin import lists
from desk_app.services.admin.common import administer_refusal
from desk_app.services.admin.lists import (
    CalendarRow,
    CategoryRow,
    CodeRow,
    GroupRow,
    TargetRow,
)
from desk_app.services.admin.process import (
    CategoryForm,
    CodeForm,
    save_auto_close_days,
    save_category,
    save_close_code,
    save_target,
    save_wait_code,
)
from desk_app.services.session import Changes, Session
from ui.admin.editor import EditorTab
from ui.context import UiContext
from ui.widgets.calls import call
from ui.widgets.combos import fill_rows, select, value
from ui.widgets.feedback import ErrorLabel, FieldErrors, MessageBar, field_box, show_failure
from ui.widgets.rows_model import Column


class _NamedTab(EditorTab):
    """Rows with a code and a name in each language."""

    def build_names(self) -> None:
        self.code = QLineEdit(self)
        self.name_en = QLineEdit(self)
        self.name_zh = QLineEdit(self)
        self.add("code", self.tr("&Code"), self.code)
        self.add("name_en", self.tr("Name (&English)"), self.name_en)
        self.add("name_zh", self.tr("Name (C&hinese)"), self.name_zh)

    def fill_names(self, row: Any) -> None:
        self.code.setText(row.code if row else "")
        self.name_en.setText(row.name_en if row else "")
        self.name_zh.setText(row.name_zh if row else "")

    def problems(self) -> dict[str, str]:
        return {name: self.required() for name, widget in (
            ("code", self.code), ("name_en", self.name_en), ("name_zh", self.name_zh))
            if not widget.text().strip()}


class CategoriesTab(_NamedTab):
    def columns(self) -> list[Column]:
        lang = self.lang
        return [
            Column(self.tr("Code"), lambda c: c.code),
            Column(self.tr("Name"), lambda c: c.name(lang)),
            Column(self.tr("Level-1 group"), lambda c: self.group_names.get(c.group_id, "")),
            Column(self.tr("Level-2 group"),
                   lambda c: self.group_names.get(c.tier2_group_id, "—")),
            Column(self.tr("Active"), lambda c: self.yes_no(c.active)),
        ]

    def build_form(self) -> None:
        self.group_names: dict[int | None, str] = {}
        self.build_names()
        self.group = QComboBox(self)
        self.tier2_group = QComboBox(self)
        self.active = QCheckBox(self.tr("Active (can be chosen when logging)"), self)
        hint = QLabel(self.tr("New incidents of this category go to this group (R14)."), self)
        hint.setStyleSheet("color:palette(mid);")
        self.add("group", self.tr("Level-&1 group"), self.group, hint)
        self.add("tier2_group", self.tr("Level-&2 group"), self.tier2_group)
        self.add("active", "", self.active)

    def fetch(self, session: Session) -> tuple[list[Any], Any]:
        return lists.categories(session), lists.groups(session)

    def use_extra(self, extra: list[GroupRow]) -> None:
        self.group_names = {g.id: g.name(self.lang) for g in extra}
        fill_rows(self.group, extra, self.lang, placeholder=self.tr("Choose a group…"))
        fill_rows(self.tier2_group, extra, self.lang, none_text=self.tr("(none)"))

    def fill(self, row: CategoryRow | None) -> None:
        self.fill_names(row)
        select(self.group, row.group_id if row else None)
        select(self.tier2_group, row.tier2_group_id if row else None)
        if self.tier2_group.currentIndex() < 0:
            self.tier2_group.setCurrentIndex(0)
        self.active.setChecked(row.active if row else True)

    def problems(self) -> dict[str, str]:
        found = super().problems()
        if value(self.group) is None:
            found["group"] = self.required()
        return found

    def save_call(self, session: Session, row: CategoryRow | None) -> Callable[[], Changes]:
        form = CategoryForm(self.code.text(), self.name_en.text(), self.name_zh.text(),
                            value(self.group), value(self.tier2_group), self.active.isChecked())
        row_id, version = (row.id, row.version) if row else (None, None)
        return lambda: save_category(session, form, row_id, version)


class CodesTab(_NamedTab):
    """Wait codes (R17) or close codes (R23); system codes are the core's own (R18, R23)."""

    def __init__(self, context: UiContext, kind: str, parent: QWidget | None = None) -> None:
        self.kind = kind
        super().__init__(context, parent)

    def columns(self) -> list[Column]:
        lang = self.lang
        return [
            Column(self.tr("Code"), lambda c: c.code),
            Column(self.tr("Name"), lambda c: c.name(lang)),
            Column(self.tr("System"), lambda c: self.yes_no(c.system)),
            Column(self.tr("Active"), lambda c: self.yes_no(c.active)),
        ]

    def build_form(self) -> None:
        self.build_names()
        self.active = QCheckBox(self.tr("Active (can be chosen)"), self)
        self.system_note = QLabel(self)
        self.system_note.setWordWrap(True)
        self.system_note.setStyleSheet("color:palette(mid);")
        self.add("active", "", self.active, self.system_note)

    def fetch(self, session: Session) -> tuple[list[Any], Any]:
        rows = lists.wait_codes(session) if self.kind == "wait" else lists.close_codes(session)
        return rows, None

    def fill(self, row: CodeRow | None) -> None:
        self.fill_names(row)
        self.active.setChecked(row.active if row else True)
        self.system_note.setText(text("validation.system_code", self.lang)
                                 if row is not None and row.system else "")

    def field_enabled(self, widget: QWidget, row: CodeRow | None) -> bool:
        return not (row is not None and row.system and widget in (self.code, self.active))

    def save_call(self, session: Session, row: CodeRow | None) -> Callable[[], Changes]:
        form = CodeForm(self.code.text(), self.name_en.text(), self.name_zh.text(),
                        self.active.isChecked())
        row_id, version = (row.id, row.version) if row else (None, None)
        save = save_wait_code if self.kind == "wait" else save_close_code
        return lambda: save(session, form, row_id, version)


class TargetsTab(EditorTab):
    """R15/R19: a time per priority and stage, counted on a working calendar."""

    can_create = False

    def columns(self) -> list[Column]:
        lang = self.lang
        return [
            Column(self.tr("Priority"), lambda t: label(Priority(t.priority), lang)),
            Column(self.tr("Stage"), lambda t: label(TargetStage(t.stage), lang)),
            Column(self.tr("Time"), lambda t: format_working_time(t.minutes * 60, lang),
                   align_right=True),
            Column(self.tr("Calendar"), lambda t: self.calendar_names.get(t.calendar_id, "")),
        ]

    def build_form(self) -> None:
        self.calendar_names: dict[int, str] = {}
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 60 * 24 * 90)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccelerated(True)
        self.minutes_hint = QLabel(self)
        self.minutes_hint.setStyleSheet("color:palette(mid);")
        self.minutes.valueChanged.connect(self._describe)
        self.calendar = QComboBox(self)
        note = QLabel(self.tr("Running clocks keep the target they were matched to; incidents "
                              "take the new one from their next re-match."), self)
        note.setWordWrap(True)
        note.setStyleSheet("color:palette(mid);")
        self.add("minutes", self.tr("&Time allowed"), self.minutes, self.minutes_hint)
        self.add("calendar", self.tr("&Counted on"), self.calendar, note)

    def _describe(self, minutes: int) -> None:
        self.minutes_hint.setText(format_working_time(minutes * 60, self.lang))

    def fetch(self, session: Session) -> tuple[list[Any], Any]:
        return lists.service_targets(session), lists.calendars(session)

    def use_extra(self, extra: list[CalendarRow]) -> None:
        self.calendar_names = {c.id: c.name(self.lang) for c in extra}
        fill_rows(self.calendar, extra, self.lang)

    def title_of(self, row: TargetRow) -> str:
        return (f"{label(Priority(row.priority), self.lang)} · "
                f"{label(TargetStage(row.stage), self.lang)}")

    def fill(self, row: TargetRow | None) -> None:
        self.minutes.setValue(row.minutes if row else 60)
        self._describe(self.minutes.value())
        select(self.calendar, row.calendar_id if row else None)

    def save_call(self, session: Session, row: TargetRow | None) -> Callable[[], Changes]:
        if row is None:
            raise ValueError("no target chosen")
        minutes, calendar = self.minutes.value(), value(self.calendar)
        return lambda: save_target(session, row.priority, row.stage, minutes, calendar,
                                   row.version)


class SettingsTab(QWidget):
    """R23: how long a resolved incident waits for confirmation before it closes itself."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.loaded = False
        self.refusal: DeskError | None = administer_refusal(context.session)
        self.bar = MessageBar(self)
        self.errors = FieldErrors(self.bar)
        self.days = QSpinBox(self)
        self.days.setRange(1, 365)
        self.days.setSuffix(self.tr(" days"))
        error = ErrorLabel(self)
        self.errors.add("auto_close_days", self.days, error)
        hint = QLabel(self.tr("A resolved incident that is not closed within this many days is "
                              "closed by the system with the system close code."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color:palette(mid);")
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("&Automatic closure after"), field_box(self.days, error, hint))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addStretch(1)
        if self.refusal is not None:
            self.days.setEnabled(False)
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(self.refusal.message(self.lang))
        context.hub.changed.connect(self._hub_changed)
        context.hub.external.connect(self.reload)
        self.reload()

    def _hub_changed(self, changes: Changes) -> None:
        if changes.reference:
            self.reload()

    def reload(self) -> None:
        session = self.context.session
        call(self, self.context, lambda: lists.auto_close_days(session), self._loaded,
             lambda error: show_failure(self.errors, error, self.lang))

    def _loaded(self, days: int) -> None:
        self.days.setValue(days)
        self.loaded = True

    def save(self) -> None:
        if self.refusal is not None:
            return
        session, days = self.context.session, self.days.value()
        call(self, self.context, lambda: save_auto_close_days(session, days),
             lambda _c: self.bar.show_info(self.tr("Saved.")),
             lambda error: show_failure(self.errors, error, self.lang))
