"""Callers (R02, R12): the people who report incidents, kept by the service desk, the
incident manager and the process owner (the core's ``caller_refusal`` says who).

An organisation may know thousands of callers, so the list shows what a search finds (the
first ``CALLER_LIST_LIMIT`` of them) rather than everyone. A caller who has left is retired,
not deleted: their incidents keep them, and the lookup while logging stops offering them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.priority import default_urgency
from desk_app.errors import DeskError
from desk_app.i18n import label
from desk_app.services.admin import lists
from desk_app.services.admin.lists import CallerPage, CallerRow, DepartmentRow
from desk_app.services.admin.people import CallerForm, caller_refusal, save_caller
from desk_app.services.session import Changes, Session
from ui.admin.editor import EditorTab
from ui.widgets.combos import fill_rows, select, value
from ui.widgets.keys import shortcut
from ui.widgets.rows_model import Column

# Milliseconds of quiet typing before the list is searched again.
SEARCH_PAUSE = 250


class CallersTab(EditorTab):
    def refusal_of(self, session: Session) -> DeskError | None:
        return caller_refusal(session)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Name"), lambda c: c.name),
            Column(self.tr("Phone"), lambda c: c.phone),
            Column(self.tr("Department"), lambda c: self.department_names.get(
                c.department_id, "")),
            Column(self.tr("VIP"), lambda c: self.yes_no(c.vip)),
            Column(self.tr("Active"), lambda c: self.yes_no(c.active)),
            Column(self.tr("E-mail"), lambda c: c.email),
        ]

    def list_header(self) -> QWidget:
        self.department_names: dict[int | None, str] = {}
        self._search = ""
        self._keep: int | None = None
        self._hold = False  # keep the caller just saved in the list until the next search
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.search = QLineEdit(box)
        self.search.setPlaceholderText(self.tr("Search by name, phone, e-mail or location"))
        self.search.setAccessibleName(self.tr("Search callers"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(box)
        self.count_label.setStyleSheet("color:palette(mid);")
        layout.addWidget(self.search)
        layout.addWidget(self.count_label)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_PAUSE)
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_changed)
        # keyboard first: the tab starts in the search box, Ctrl+F comes back to it
        QWidget.setTabOrder(self.search, self.table)
        self.setFocusProxy(self.search)
        shortcut(self, "Ctrl+F", lambda: (self.search.setFocus(), self.search.selectAll()))
        return box

    def build_form(self) -> None:
        self.name = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        self.department = QComboBox(self)
        self.location = QLineEdit(self)
        self.vip = QCheckBox(self.tr("VIP caller"), self)
        vip_hint = QLabel(self.tr("New incidents of a VIP caller default to urgency %1; "
                                  "others to %2 (R12).")
                          .replace("%1", label(default_urgency(True), self.lang))
                          .replace("%2", label(default_urgency(False), self.lang)), self)
        self.vip_hint = vip_hint
        vip_hint.setWordWrap(True)
        vip_hint.setStyleSheet("color:palette(mid);")
        self.active = QCheckBox(self.tr("Active (can be chosen when logging)"), self)
        retire_hint = QLabel(self.tr("Untick to retire a caller who has left: their incidents "
                                     "keep them."), self)
        retire_hint.setWordWrap(True)
        retire_hint.setStyleSheet("color:palette(mid);")
        self.add("name", self.tr("&Name"), self.name)
        self.add("phone", self.tr("&Phone"), self.phone)
        self.add("email", self.tr("&E-mail"), self.email)
        self.add("department", self.tr("&Department"), self.department)
        self.add("location", self.tr("&Location"), self.location)
        self.add("vip", "", self.vip, vip_hint)
        self.add("active", "", self.active, retire_hint)

    # -- reading -------------------------------------------------------------------------
    def _search_changed(self, _text: str) -> None:
        self._hold = False
        self.search_timer.start()

    def reload(self) -> None:
        # what to read is taken here, on the GUI thread; ``fetch`` runs on a worker. The
        # caller being edited, or just saved, stays listed even if the search misses it.
        self._search = self.search.text()
        keep = self.dirty or self._hold
        self._keep = getattr(self.current, "id", None) if keep else None
        super().reload()

    def _saved(self, changes: Changes) -> None:
        self._hold = True
        super()._saved(changes)

    def fetch(self, session: Session) -> tuple[list[Any], Any]:
        page = lists.callers(session, self._search, keep_id=self._keep)
        return page.rows, (page, lists.departments(session))

    def use_extra(self, extra: tuple[CallerPage, list[DepartmentRow]]) -> None:
        page, departments = extra
        self.department_names = {d.id: d.name(self.lang) for d in departments}
        fill_rows(self.department, departments, self.lang, none_text=self.tr("(none)"))
        shown = min(len(page.rows), page.total)
        if page.total > shown:
            self.count_label.setText(self.tr("Showing %1 of %2 callers; type to narrow the "
                                             "list.").replace("%1", str(shown))
                                     .replace("%2", str(page.total)))
        elif self._search.strip():
            self.count_label.setText(self.tr("Found: %1").replace("%1", str(page.total)))
        else:
            self.count_label.setText(self.tr("Callers: %1").replace("%1", str(page.total)))

    # -- the form --------------------------------------------------------------------------
    def title_of(self, row: CallerRow) -> str:
        return row.name if row.active else self.tr("%1 (retired)").replace("%1", row.name)

    def fill(self, row: CallerRow | None) -> None:
        self.name.setText(row.name if row else "")
        self.phone.setText(row.phone if row else "")
        self.email.setText(row.email if row else "")
        select(self.department, row.department_id if row else None)
        if self.department.currentIndex() < 0:
            self.department.setCurrentIndex(0)
        self.location.setText(row.location if row else "")
        self.vip.setChecked(row.vip if row else False)
        self.active.setChecked(row.active if row else True)

    def problems(self) -> dict[str, str]:
        return {"name": self.required()} if not self.name.text().strip() else {}

    def save_call(self, session: Session, row: CallerRow | None) -> Callable[[], Changes]:
        form = CallerForm(self.name.text(), self.phone.text(), self.email.text(),
                          value(self.department), self.location.text(), self.vip.isChecked(),
                          self.active.isChecked())
        row_id, version = (row.id, row.version) if row else (None, None)
        return lambda: save_caller(session, form, row_id, version)
