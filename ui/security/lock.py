"""Shift change and the idle lock, without quitting: the program, its tray and the escalation
timer keep running while the window waits at the sign-in screen.

* **File › Switch user** and the **idle lock** (minutes set by the process owner,
  ``desk_app.services.security.idle``) show the sign-in dialog over the window. The same person
  signing in again finds their tabs and typed text as they left them; another person is asked
  to confirm that the open tabs (naming those with unsaved input) are discarded, and the window
  is handed to them.
* A call the core refuses with ``SignedOut`` (the person was disabled or locked meanwhile)
  brings the sign-in screen at once.
* A person whose password was reset chooses a new one before anything else
  (``ChangePasswordDialog``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.security.accounts import change_own_password
from desk_app.services.security.idle import idle_lock_minutes
from desk_app.services.session import Changes, Session
from ui.errors import error_text
from ui.operations import Op
from ui.security.password_fields import NewPasswordFields
from ui.shell.tabs import KEEP_KEY

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Input that counts as someone at the workstation.
ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
            QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class ChangePasswordDialog(QDialog):
    """One's own password: the current one, the new one twice."""

    def __init__(self, session: Session, parent: QWidget | None = None, *,
                 forced: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("changePassword")
        self.session = session
        self.setWindowTitle(self.tr("Change password"))
        layout = QVBoxLayout(self)
        self.reason = QLabel(self.tr("Your password was reset by the process owner: choose "
                                     "your own before you continue.") if forced else "", self)
        self.reason.setWordWrap(True)
        self.reason.setVisible(forced)
        layout.addWidget(self.reason)
        form = QFormLayout()
        self.current = QLineEdit(self)
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.textChanged.connect(self._update)
        self.fields = NewPasswordFields(self)
        self.fields.changed.connect(self._update)
        self.new, self.again = self.fields.new, self.fields.again
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        """Say up front what is missing, and enable OK only when it can succeed."""
        self.problem.setText(self.fields.problem())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.current.text()) and self.fields.complete())

    def save(self) -> None:
        session, current, new = self.session, self.current.text(), self.new.text()
        self.buttons.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            lang = "zh" if QApplication.instance() and _is_zh() else "en"
            self.problem.setText(error_text(error, lang))  # the typed text stays

        Op(self, lambda: change_own_password(session, current, new)).success(
            lambda _changes: self.accept()).failure(failed).run()


def _is_zh() -> bool:
    from ui.translations import translations

    return translations.language == "zh"


class WorkstationLock(QObject):
    """Installed on the main window (``install``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self._telling = False  # the "signed out" message is on screen
        self.minutes = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.lock(idle=True))
        self.switch_action = QAction(window)
        self.switch_action.setObjectName("switchUser")
        self.switch_action.triggered.connect(lambda: self.lock(idle=False))
        self.password_action = QAction(window)
        self.password_action.setObjectName("changePassword")
        self.password_action.triggered.connect(self.change_password)
        window.file_menu.insertAction(window.sign_out_action, self.switch_action)
        window.file_menu.insertAction(window.sign_out_action, self.password_action)
        window.context.hub.signed_out.connect(self.signed_out)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.retranslate()
        self.load_minutes()

    def retranslate(self) -> None:
        self.switch_action.setText(self.tr("Switch &user…"))
        self.switch_action.setToolTip(self.tr("Hand the workstation to the next person; the "
                                              "program and its alerts keep running"))
        self.password_action.setText(self.tr("Change &password…"))

    # -- idle ---------------------------------------------------------------------------
    def load_minutes(self) -> None:
        session = self.window.context.session

        def arrived(minutes: int) -> None:
            self.minutes = minutes
            self.restart()

        Op(self, lambda: idle_lock_minutes(session)).success(arrived).failure(
            lambda _error: None).run()

    def restart(self) -> None:
        if self.minutes > 0 and not self.locked:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() in ACTIVITY and not self.locked and self.timer.isActive():
            self.timer.start()  # the same interval, counted again from now
        return False

    # -- locking ------------------------------------------------------------------------
    def signed_out(self, user_id: int | None = None) -> None:
        """Tell the person once, then lock. Several reads refused at once each report
        ``SignedOut``; only the first may show the message (the others would stack boxes).
        A refusal for someone else is a late answer to a read started before the
        workstation changed hands: the person now signed in is not concerned."""
        if user_id is not None and user_id != self.window.context.session.user_id:
            return
        if self.locked or self._telling:
            return
        self._telling = True
        try:
            QMessageBox.information(self.window, self.tr("Signed out"), self.tr(
                "Your account was disabled or locked; you have been signed out."))
        finally:
            self._telling = False
        self.lock(idle=False, discard=True)

    def lock(self, *, idle: bool, discard: bool = False) -> None:
        """Show the sign-in screen over the window until someone signs in."""
        if self.locked:
            return
        from ui.startup.sign_in import SignInDialog

        self.locked = True
        self.timer.stop()
        current = self.window.context.session
        try:
            while True:
                dialog = SignInDialog(current.store, self.window.context.language,
                                      username=current.username if idle else "",
                                      clock=current.clock, parent=self.window)
                dialog.setWindowTitle(self.tr("Workstation locked — desk-app") if idle
                                      else self.tr("Switch user — desk-app"))
                accepted = dialog.exec() == QDialog.DialogCode.Accepted
                session = dialog.session
                dialog.deleteLater()
                if not accepted or session is None:
                    if idle or discard:
                        continue  # a locked workstation stays locked
                    return  # switching was cancelled: carry on as before
                if session.must_change_password and not self._forced_change(session):
                    continue
                if session.user_id == current.user_id and not discard:
                    current.roles = session.roles
                    return  # the same person: tabs and typed text as they were
                if self._confirm_discard(session):
                    self.hand_over(session)
                    return
        finally:
            self.locked = False
            self.restart()

    def _forced_change(self, session: Session) -> bool:
        dialog = ChangePasswordDialog(session, self.window, forced=True)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def _confirm_discard(self, session: Session) -> bool:
        tabs = self.window.tabs
        open_tabs = [tabs.tabText(i) for i in range(1, tabs.count())]
        if not open_tabs:
            return True
        unsaved = tabs.unsaved_titles()
        text = self.tr("%1 signs in. The open tabs of %2 are closed: %3.").replace(
            "%1", session.full_name).replace(
            "%2", self.window.context.session.full_name).replace("%3", ", ".join(open_tabs))
        if unsaved:
            text += "\n" + self.tr("Input not saved yet is lost: %1.").replace(
                "%1", ", ".join(unsaved))
        answer = QMessageBox.question(
            self.window, self.tr("Switch user"), text,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def hand_over(self, session: Session) -> None:
        """The window, its tray and timers now work for ``session``."""
        window = self.window
        window.save_window()
        tabs = window.tabs
        for index in range(tabs.count() - 1, 0, -1):
            widget = tabs.widget(index)
            tabs.removeTab(index)
            if widget is not None and not widget.property(KEEP_KEY):
                widget.deleteLater()
        window.context.session = session
        window.retranslate()
        window._load_capabilities()
        window.refresh()
        window.context.hub.publish(Changes(reference=True, notifications=True))
        self.load_minutes()

    # -- own password ----------------------------------------------------------------
    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.window.context.session, self.window)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                QMessageBox.information(self.window, self.tr("Change password"),
                                        self.tr("Your password was changed."))
        finally:
            dialog.deleteLater()


def install(window: MainWindow) -> WorkstationLock:
    return WorkstationLock(window)


