"""Users and their roles, support groups and their members, departments (R03, R04)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desk_app.domain.enums import Role
from desk_app.errors import PermissionDenied
from desk_app.i18n import label
from desk_app.services.admin import lists
from desk_app.services.admin.lists import CalendarRow, DepartmentRow, GroupRow, UserRow
from desk_app.services.admin.people import (
    GroupForm,
    UserForm,
    save_department,
    save_group,
    save_user,
)
from desk_app.services.session import Changes, Session
from ui.admin.editor import EditorTab
from ui.widgets.combos import fill_rows, select, value
from ui.widgets.rows_model import Column


def visible_users(session: Session) -> list[UserRow]:
    """The staff list where this person may see it (process owner, incident manager); an
    empty one on the read-only tabs everyone else sees (R04: reads of people have roles)."""
    try:
        return lists.users(session)
    except PermissionDenied:
        return []

def _phone_gaps(session: Session) -> dict[int, str]:
    """People who may be phoned about escalations but have no number, where this person
    may see the staff list (else none)."""
    from desk_app.services.alerts.phones import people_without_phone

    try:
        return {gap.user_id: gap.why for gap in people_without_phone(session)}
    except PermissionDenied:
        return {}


class _PersonChoice:
    """A user as a combo entry."""

    def __init__(self, user: UserRow) -> None:
        self.id = user.id
        self.full_name = user.full_name

    def name(self, _lang: str) -> str:
        return self.full_name


def _checked_ids(widget: QListWidget) -> list[int]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def _fill_checks(widget: QListWidget, entries: list[tuple[int, str]], checked: set[int]
                 ) -> None:
    widget.blockSignals(True)
    widget.clear()
    for key, caption in entries:
        item = QListWidgetItem(caption, widget)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
    widget.blockSignals(False)


class UsersTab(EditorTab):
    def columns(self) -> list[Column]:
        lang = self.lang
        return [
            Column(self.tr("User name"), lambda u: u.username),
            Column(self.tr("Full name"), lambda u: u.full_name),
            Column(self.tr("Roles"), lambda u: ", ".join(label(r, lang) for r in u.roles)),
            Column(self.tr("Active"), lambda u: self.yes_no(u.active)),
        ]

    def build_form(self) -> None:
        self.username = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.email = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("English", "en")
        self.language.addItem("中文", "zh")
        self.calendar = QComboBox(self)
        self.roles_box = QWidget(self)
        grid = QGridLayout(self.roles_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.role_checks: dict[Role, QCheckBox] = {}
        for index, role in enumerate(Role):
            check = QCheckBox(label(role, self.lang), self.roles_box)
            self.role_checks[role] = check
            grid.addWidget(check, index // 2, index % 2)
            self.watch(check)
        self.active = QCheckBox(self.tr("Active (may sign in)"), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_hint = QLabel(self)
        self.password_hint.setStyleSheet("color:palette(mid);")
        self.add("username", self.tr("&User name"), self.username)
        self.add("full_name", self.tr("&Full name"), self.full_name)
        self.add("roles", self.tr("&Roles"), self.roles_box)
        self.add("email", self.tr("&E-mail"), self.email)
        self.phone_hint = QLabel(self)  # R09: a call task cannot reach them by phone
        self.phone_hint.setWordWrap(True)
        self.phone_hint.setStyleSheet("color:#b26a00;")
        self.phone_gaps: dict[int, str] = {}
        self.shown_id: int | None = None
        self.phone.textChanged.connect(lambda _t: self._phone_hint())
        self.add("phone", self.tr("&Phone"), self.phone, self.phone_hint)
        self.add("language", self.tr("&Language"), self.language)
        self.add("calendar", self.tr("Working &hours"), self.calendar)
        self.add("active", "", self.active)
        self.add("password", self.tr("Pass&word"), self.password, self.password_hint)

    def fetch(self, session: Session) -> tuple[list[Any], Any]:
        return visible_users(session), (lists.calendars(session), _phone_gaps(session))

    def use_extra(self, extra: tuple[list[CalendarRow], dict[int, str]]) -> None:
        calendars, self.phone_gaps = extra
        fill_rows(self.calendar, calendars, self.lang, none_text=self.tr("(none)"))

    def _phone_hint(self) -> None:
        """Flag a person who may be phoned about escalations but has no number (R09): their
        call tasks go to the next channel instead, saying why."""
        gap = self.shown_id is not None and self.shown_id in self.phone_gaps \
            and not self.phone.text().strip()
        self.phone_hint.setText(self.tr(
            "No phone number: escalation calls to this person go by the next channel "
            "instead.") if gap else "")
        self.phone_hint.setVisible(gap)

    def title_of(self, row: UserRow) -> str:
        return row.full_name

    def fill(self, row: UserRow | None) -> None:
        self.username.setText(row.username if row else "")
        self.full_name.setText(row.full_name if row else "")
        self.email.setText(row.email if row else "")
        self.shown_id = row.id if row else None
        self.phone.setText(row.phone if row else "")
        self._phone_hint()
        select(self.language, row.language if row else "")
        select(self.calendar, row.calendar_id if row else None)
        if self.calendar.currentIndex() < 0:
            self.calendar.setCurrentIndex(0)
        for role, check in self.role_checks.items():
            check.setChecked(bool(row) and role in row.roles)
        self.active.setChecked(row.active if row else True)
        self.password.clear()
        self.password_hint.setText(
            self.tr("Leave empty to keep the current password.") if row else
            self.tr("At least 8 characters."))

    def problems(self) -> dict[str, str]:
        found = {}
        for name, widget in (("username", self.username), ("full_name", self.full_name)):
            if not widget.text().strip():
                found[name] = self.required()
        if self.current is None and not self.password.text():
            found["password"] = self.required()
        return found

    def save_call(self, session: Session, row: UserRow | None) -> Callable[[], Changes]:
        form = UserForm(
            self.username.text(), self.full_name.text(),
            [role for role, check in self.role_checks.items() if check.isChecked()],
            email=self.email.text(), phone=self.phone.text(), language=value(self.language),
            calendar_id=value(self.calendar), active=self.active.isChecked(),
            password=self.password.text() or None)
        row_id, version = (row.id, row.version) if row else (None, None)
        return lambda: save_user(session, form, row_id, version)


class GroupsTab(EditorTab):
    def columns(self) -> list[Column]:
        lang = self.lang
        return [
            Column(self.tr("Code"), lambda g: g.code),
            Column(self.tr("Name"), lambda g: g.name(lang)),
            Column(self.tr("Level"), lambda g: self._tier(g.tier)),
            Column(self.tr("Members"), lambda g: str(len(g.members)), align_right=True),
            Column(self.tr("Active"), lambda g: self.yes_no(g.active)),
        ]

    def _tier(self, tier: int) -> str:
        return self.tr("Level 2") if tier == 2 else self.tr("Level 1")

    def build_form(self) -> None:
        self.users: list[UserRow] = []
        self.code = QLineEdit(self)
        self.name_en = QLineEdit(self)
        self.name_zh = QLineEdit(self)
        self.tier = QComboBox(self)
        self.tier.addItem(self._tier(1), 1)
        self.tier.addItem(self._tier(2), 2)
        self.department = QComboBox(self)
        self.email = QLineEdit(self)
        self.active = QCheckBox(self.tr("Active (receives incidents)"), self)
        self.members = QListWidget(self)
        self.members.setMinimumHeight(160)
        self.add("code", self.tr("&Code"), self.code)
        self.add("name_en", self.tr("Name (&English)"), self.name_en)
        self.add("name_zh", self.tr("Name (C&hinese)"), self.name_zh)
        self.add("tier", self.tr("&Level"), self.tier)
        self.add("department", self.tr("&Department"), self.department)
        self.add("email", self.tr("E-ma&il"), self.email)
        self.add("active", "", self.active)
        self.add("members", self.tr("&Members"), self.members)

    def fetch(self, session: Session) -> tuple[list[Any], Any]:
        return lists.groups(session), (lists.departments(session), visible_users(session))

    def use_extra(self, extra: tuple[list[DepartmentRow], list[UserRow]]) -> None:
        departments, self.users = extra
        fill_rows(self.department, departments, self.lang, none_text=self.tr("(none)"))

    def fill(self, row: GroupRow | None) -> None:
        self.code.setText(row.code if row else "")
        self.name_en.setText(row.name_en if row else "")
        self.name_zh.setText(row.name_zh if row else "")
        select(self.tier, row.tier if row else 1)
        select(self.department, row.department_id if row else None)
        if self.department.currentIndex() < 0:
            self.department.setCurrentIndex(0)
        self.email.setText(row.email if row else "")
        self.active.setChecked(row.active if row else True)
        _fill_checks(self.members, [(u.id, f"{u.full_name} ({u.username})") for u in self.users
                                    if u.active or (row and u.id in row.members)],
                     set(row.members) if row else set())

    def problems(self) -> dict[str, str]:
        return {name: self.required() for name, widget in (
            ("code", self.code), ("name_en", self.name_en), ("name_zh", self.name_zh))
            if not widget.text().strip()}

    def save_call(self, session: Session, row: GroupRow | None) -> Callable[[], Changes]:
        form = GroupForm(self.code.text(), self.name_en.text(), self.name_zh.text(),
                         value(self.tier) or 1, value(self.department), self.email.text(),
                         self.active.isChecked(), _checked_ids(self.members))
        row_id, version = (row.id, row.version) if row else (None, None)
        return lambda: save_group(session, form, row_id, version)


class DepartmentsTab(EditorTab):
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Name (English)"), lambda d: d.name_en),
            Column(self.tr("Name (Chinese)"), lambda d: d.name_zh),
            Column(self.tr("Head"), lambda d: self.heads.get(d.head_id, "")),
        ]

    def build_form(self) -> None:
        self.heads: dict[int, str] = {}
        self.name_en = QLineEdit(self)
        self.name_zh = QLineEdit(self)
        self.head = QComboBox(self)
        hint = QLabel(self.tr("Escalation rules can notify the department head (R09)."), self)
        hint.setStyleSheet("color:palette(mid);")
        self.add("name_en", self.tr("Name (&English)"), self.name_en)
        self.add("name_zh", self.tr("Name (C&hinese)"), self.name_zh)
        self.add("head", self.tr("He&ad"), self.head, hint)

    def fetch(self, session: Session) -> tuple[list[Any], Any]:
        return lists.departments(session), visible_users(session)

    def use_extra(self, extra: list[UserRow]) -> None:
        self.heads = {u.id: u.full_name for u in extra}
        fill_rows(self.head, [_PersonChoice(u) for u in extra], self.lang,
                  none_text=self.tr("(none)"))

    def title_of(self, row: DepartmentRow) -> str:
        return row.name(self.lang)

    def fill(self, row: DepartmentRow | None) -> None:
        self.name_en.setText(row.name_en if row else "")
        self.name_zh.setText(row.name_zh if row else "")
        select(self.head, row.head_id if row else None)
        if self.head.currentIndex() < 0:
            self.head.setCurrentIndex(0)

    def problems(self) -> dict[str, str]:
        return {name: self.required() for name, widget in (
            ("name_en", self.name_en), ("name_zh", self.name_zh)) if not widget.text().strip()}

    def save_call(self, session: Session, row: DepartmentRow | None) -> Callable[[], Changes]:
        name_en, name_zh, head = self.name_en.text(), self.name_zh.text(), value(self.head)
        row_id, version = (row.id, row.version) if row else (None, None)
        return lambda: save_department(session, name_en, name_zh, head, row_id, version)
