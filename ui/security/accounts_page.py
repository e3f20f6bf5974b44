"""The process owner's sign-in safety page: who failed to sign in and who is locked, with
Unlock and Reset password, and the idle lock's minutes for every workstation.

The core keeps the counts, the lock and the forced change (``services.security``); this page
only shows them and asks for the owner's decision. Reset gives a temporary password that the
person must change at their next sign-in, so the owner never learns the one they choose."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.formatting import format_moment
from desk_app.services.admin import lists
from desk_app.services.security.accounts import (
    PASSWORD_MIN,
    FailedSignIns,
    failed_sign_ins,
    reset_password,
    unlock,
)
from desk_app.services.security.idle import MAX_MINUTES, idle_lock_minutes, save_idle_lock_minutes
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.widgets.calls import call
from ui.widgets.feedback import MessageBar


class ResetPasswordDialog(QDialog):
    """A temporary password, typed twice; OK only when it can be accepted."""

    def __init__(self, full_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resetPassword")
        self.setWindowTitle(self.tr("Reset password"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A temporary password for %1. They must choose their own at "
                               "their next sign-in; a lock is lifted too.").replace(
                                   "%1", full_name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.new = QLineEdit(self)
        self.again = QLineEdit(self)
        for edit in (self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update)
        form.addRow(self.tr("Temporary password"), self.new)
        form.addRow(self.tr("Again"), self.again)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        problem = ""
        if self.new.text() and len(self.new.text()) < PASSWORD_MIN:
            problem = self.tr("The password needs at least %1 characters.").replace(
                "%1", str(PASSWORD_MIN))
        elif self.again.text() and self.again.text() != self.new.text():
            problem = self.tr("The two passwords differ.")
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.new.text()) and not problem and self.again.text() == self.new.text())


class AccountsPage(QWidget):
    """Failed sign-ins, locks, password resets and the idle lock (process owner only)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.lang = context.language
        self.loaded = False
        self.caption = self.tr("Sign-in safety")  # the tab's name in the administration
        self.rows: list[FailedSignIns] = []
        self.bar = MessageBar(self)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setSpecialValueText(self.tr("never"))
        self.save_minutes = QPushButton(self.tr("&Save"), self)
        self.save_minutes.clicked.connect(self._save_minutes)
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.minutes)
        minutes_row.addWidget(self.save_minutes)
        minutes_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Lock an idle workstation after"), minutes_row)
        hint = QLabel(self.tr("Without keyboard or mouse for this long, a workstation returns "
                              "to the sign-in screen; the same person finds their tabs and "
                              "typed text again."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color:palette(mid);")
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Person"), self.tr("Failed sign-ins"), self.tr("Last failure"),
            self.tr("Locked")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(self.tr("Nobody has failed to sign in since their last good "
                                    "sign-in."), self)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.clicked.connect(self._unlock)
        self.people = QComboBox(self)
        self.people.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reset_button = QPushButton(self.tr("&Reset password…"), self)
        self.reset_button.clicked.connect(self._reset)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Reset the password of"), self))
        buttons.addWidget(self.people)
        buttons.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(QLabel(self.tr("<b>Failed sign-ins and locks</b>"), self))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        context.hub.changed.connect(self._hub_changed)
        context.hub.external.connect(self.reload)
        self._update_buttons()
        self.reload()

    def _hub_changed(self, changes: Changes) -> None:
        if changes.reference:
            self.reload()

    def reload(self) -> None:
        session = self.context.session

        def fetch() -> tuple[int, list[FailedSignIns], list[lists.UserRow]]:
            return idle_lock_minutes(session), failed_sign_ins(session), lists.users(session)

        call(self, self.context, fetch, self._loaded, self._failed)

    def _loaded(self, fetched: tuple[int, list[FailedSignIns], list[lists.UserRow]]) -> None:
        minutes, self.rows, users = fetched
        self.minutes.setValue(minutes)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            cells = [f"{row.full_name} ({row.username})", str(row.failures),
                     format_moment(row.last_failed_at, self.lang) if row.last_failed_at
                     else "", self.tr("locked") if row.locked else ""]
            for j, cell in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(cell))
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.rows)
        chosen = self.people.currentData()
        self.people.clear()
        for user in users:
            self.people.addItem(f"{user.full_name} ({user.username})", (user.id, user.full_name))
        index = self.people.findData(chosen)
        self.people.setCurrentIndex(max(index, 0))
        self.loaded = True
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        from ui.errors import error_text

        self.bar.show_error(error_text(error, self.lang))

    def _selected(self) -> FailedSignIns | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.rows[rows.pop()] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        """Unlock only a locked person; say up front why it is not available."""
        row = self._selected()
        self.unlock_button.setEnabled(row is not None and row.locked)
        self.unlock_button.setToolTip("" if row is not None and row.locked else self.tr(
            "Choose a locked person in the list."))
        self.reset_button.setEnabled(self.people.count() > 0)

    def _unlock(self) -> None:
        row = self._selected()
        if row is None:
            return
        session = self.context.session
        call(self, self.context, lambda: unlock(session, row.user_id),
             lambda _c: self.bar.show_info(self.tr("%1 may sign in again.").replace(
                 "%1", row.full_name)), self._failed)

    def _reset(self) -> None:
        data = self.people.currentData()
        if data is None:
            return
        user_id, full_name = data
        dialog = ResetPasswordDialog(full_name, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        session, temporary = self.context.session, dialog.new.text()
        call(self, self.context, lambda: reset_password(session, user_id, temporary),
             lambda _c: self.bar.show_info(self.tr(
                 "Password reset: %1 chooses a new one at the next sign-in.").replace(
                     "%1", full_name)), self._failed)

    def _save_minutes(self) -> None:
        session, minutes = self.context.session, self.minutes.value()
        call(self, self.context, lambda: save_idle_lock_minutes(session, minutes),
             lambda _c: self.bar.show_info(self.tr("Saved.")), self._failed)
