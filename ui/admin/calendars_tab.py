"""Working calendars (R15): 24 × 7, or weekly hours in a time zone with holidays and
make-up working days (调休). Hours are typed as ``09:00-12:00, 13:30-18:00``; days as one
``YYYY-MM-DD note`` per line. The core checks the hours and dates again."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desk_app.services.admin import lists
from desk_app.services.admin.calendars import CalendarForm, save_calendar
from desk_app.services.admin.lists import CalendarRow
from desk_app.services.session import Changes, Session
from ui.admin.editor import EditorTab
from ui.widgets.combos import select, value
from ui.widgets.rows_model import Column

_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–~]\s*(\d{1,2}):(\d{2})\s*$")


def day_names(lang: str) -> list[str]:
    """Monday … Sunday in the reader's language (weekday 0 is Monday, as in the core)."""
    locale = QLocale(QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English)
    return [locale.dayName(day, QLocale.FormatType.LongFormat) for day in range(1, 8)]


def format_hours(intervals: list[tuple[int, int]]) -> str:
    return ", ".join(f"{s // 60:02d}:{s % 60:02d}-{e // 60:02d}:{e % 60:02d}"
                     for s, e in intervals)


def parse_hours(text: str) -> list[tuple[int, int]]:
    """``09:00-12:00, 13:30-18:00`` → minutes from midnight; ValueError if unreadable."""
    result = []
    for part in filter(None, (p.strip() for p in text.replace("，", ",").split(","))):
        match = _TIME.match(part)
        if match is None:
            raise ValueError(part)
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if m1 > 59 or m2 > 59:
            raise ValueError(part)
        result.append((h1 * 60 + m1, h2 * 60 + m2))
    return result


def format_days(days: dict[str, str]) -> str:
    return "\n".join(f"{day} {note}".rstrip() for day, note in sorted(days.items()))


def parse_days(text: str) -> dict[str, str]:
    """One ``YYYY-MM-DD note`` per line; the core checks that each is a real date."""
    days: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip():
            day, _, note = line.strip().partition(" ")
            days[day] = note.strip()
    return days


def _runs(weekly: dict[int, list[tuple[int, int]]]) -> list[tuple[int, int, str]]:
    """Consecutive weekdays with the same hours, for a one-line summary (Mon–Fri 09:00-…)."""
    runs: list[tuple[int, int, str]] = []
    for day in sorted(weekly):
        hours = format_hours(weekly[day])
        if runs and runs[-1][1] == day - 1 and runs[-1][2] == hours:
            runs[-1] = (runs[-1][0], day, hours)
        else:
            runs.append((day, day, hours))
    return runs


class CalendarsTab(EditorTab):
    def columns(self) -> list[Column]:
        lang = self.lang
        return [
            Column(self.tr("Code"), lambda c: c.code),
            Column(self.tr("Name"), lambda c: c.name(lang)),
            Column(self.tr("Time zone"), lambda c: c.timezone),
            Column(self.tr("Hours"), self._summary),
        ]

    def _summary(self, row: CalendarRow) -> str:
        if row.always:
            return self.tr("24 × 7")
        names = day_names(self.lang)
        short = [n if self.lang == "zh" else n[:3] for n in names]
        days = []
        for first, last, hours in _runs(row.weekly):
            span = short[first] if first == last else f"{short[first]}–{short[last]}"
            days.append(f"{span} {hours}")
        extra = []
        if row.holidays:
            extra.append(self.tr("%1 holidays").replace("%1", str(len(row.holidays))))
        if row.workdays:
            extra.append(self.tr("%1 make-up days").replace("%1", str(len(row.workdays))))
        return "; ".join(days + extra)

    def build_form(self) -> None:
        self.code = QLineEdit(self)
        self.name_en = QLineEdit(self)
        self.name_zh = QLineEdit(self)
        self.timezone = QComboBox(self)
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(available_timezones()))
        self.timezone.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.always = QCheckBox(self.tr("24 × 7: every minute counts"), self)
        self.always.toggled.connect(self._always_toggled)
        self.weekly_box = QWidget(self)
        weekly = QFormLayout(self.weekly_box)
        weekly.setContentsMargins(0, 0, 0, 0)
        self.day_edits: list[QLineEdit] = []
        for name in day_names(self.lang):
            edit = QLineEdit(self.weekly_box)
            edit.setPlaceholderText(self.tr("no working hours"))
            weekly.addRow(name, edit)
            self.day_edits.append(edit)
            self.watch(edit)
        self.holidays = QPlainTextEdit(self)
        self.holidays.setPlaceholderText(self.tr("2026-10-01 National Day"))
        self.holidays.setTabChangesFocus(True)
        self.holidays.setMaximumHeight(90)
        self.workdays = QPlainTextEdit(self)
        self.workdays.setPlaceholderText(self.tr("2026-10-11 make-up working day"))
        self.workdays.setTabChangesFocus(True)
        self.workdays.setMaximumHeight(70)
        self.makeup_weekday = QComboBox(self)
        for index, name in enumerate(day_names(self.lang)):
            self.makeup_weekday.addItem(name, index)
        self.add("code", self.tr("&Code"), self.code)
        self.add("name_en", self.tr("Name (&English)"), self.name_en)
        self.add("name_zh", self.tr("Name (C&hinese)"), self.name_zh)
        self.add("timezone", self.tr("&Time zone"), self.timezone)
        self.add("always", "", self.always)
        self.add("weekly", self.tr("&Weekly hours"), self.weekly_box)
        self.add("holidays", self.tr("Hol&idays"), self.holidays)
        self.add("workdays", self.tr("&Make-up working days"), self.workdays)
        self.add("makeup_weekday", self.tr("Make-up days wor&k as"), self.makeup_weekday)

    def _always_toggled(self, on: bool) -> None:
        if self.refusal is None:
            for widget in (*self.day_edits, self.holidays, self.workdays, self.makeup_weekday):
                widget.setEnabled(not on)

    def fetch(self, session: Session) -> tuple[list[Any], Any]:
        return lists.calendars(session), None

    def title_of(self, row: CalendarRow) -> str:
        return row.name(self.lang)

    def fill(self, row: CalendarRow | None) -> None:
        self.code.setText(row.code if row else "")
        self.name_en.setText(row.name_en if row else "")
        self.name_zh.setText(row.name_zh if row else "")
        self.timezone.setCurrentText(row.timezone if row else "Asia/Shanghai")
        self.always.setChecked(row.always if row else False)
        for day, edit in enumerate(self.day_edits):
            edit.setText(format_hours(row.weekly.get(day, [])) if row else "")
        self.holidays.setPlainText(format_days(row.holidays) if row else "")
        self.workdays.setPlainText(format_days(row.workdays) if row else "")
        select(self.makeup_weekday, row.makeup_weekday if row else 0)

    def field_enabled(self, widget: QWidget, row: Any) -> bool:
        if widget in (*self.day_edits, self.holidays, self.workdays, self.makeup_weekday):
            return not self.always.isChecked()
        return True

    def weekly(self) -> dict[int, list[tuple[int, int]]]:
        names = day_names(self.lang)
        result = {}
        for day, edit in enumerate(self.day_edits):
            try:
                hours = parse_hours(edit.text())
            except ValueError as error:
                raise ValueError(f"{names[day]}: {error}") from None
            if hours:
                result[day] = hours
        return result

    def problems(self) -> dict[str, str]:
        found = {name: self.required() for name, widget in (
            ("code", self.code), ("name_en", self.name_en), ("name_zh", self.name_zh))
            if not widget.text().strip()}
        if not self.always.isChecked():
            try:
                self.weekly()
            except ValueError as error:
                found["weekly"] = self.tr("Cannot read “%1”: write hours as 09:00-12:00, "
                                          "13:30-18:00").replace("%1", str(error))
        return found

    def save_call(self, session: Session, row: CalendarRow | None) -> Callable[[], Changes]:
        always = self.always.isChecked()
        form = CalendarForm(
            self.code.text(), self.name_en.text(), self.name_zh.text(),
            self.timezone.currentText().strip(), always,
            {} if always else self.weekly(),
            {} if always else parse_days(self.holidays.toPlainText()),
            {} if always else parse_days(self.workdays.toPlainText()),
            value(self.makeup_weekday) or 0)
        row_id, version = (row.id, row.version) if row else (None, None)
        return lambda: save_calendar(session, form, row_id, version)
