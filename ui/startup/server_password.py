"""Asking for the team server's password, when this workstation has none kept for it or the
server refused the one it had: instead of failing to open, the person types it (once per
computer with "Remember", which files it in the credential store, never in the settings).

The password is tried on the server before the dialog closes; a refused one is said so in
the dialog, which keeps what was typed (selected, to be corrected or typed over).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.delivery.secrets import store_available
from desk_app.i18n import Language
from desk_app.storage.postgres.reach import PASSWORD_MISSING, PASSWORD_REFUSED, reach
from desk_app.storage.postgres.url import PasswordStoreMissing, ServerAddress
from ui import paths
from ui.errors import error_text
from ui.startup.busy import wait_for


class ServerPasswordDialog(QDialog):
    def __init__(self, address: ServerAddress, language: Language, *, refused: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverPassword")
        self.setWindowIcon(paths.icon("app"))
        self.address = replace(address, password=None)
        self.language: Language = language
        self.refused = refused
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.where = QLabel(self.address.display(), self)
        self.where.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPasswordField")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = QLabel(self)
        self.password_label.setBuddy(self.password)
        self.can_remember = store_available()
        self.remember = QCheckBox(self)
        self.remember.setObjectName("rememberServerPassword")
        self.remember.setChecked(self.can_remember)
        self.remember.setEnabled(self.can_remember)
        self.error = QLabel(self)
        self.error.setObjectName("serverPasswordError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_password)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.password_label, self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    def try_password(self) -> None:
        """Try the typed password on the server; close only once it is taken."""
        typed = self.password.text()
        address = replace(self.address, password=typed)
        found = wait_for(self, self.tr("Connecting to the server…"), lambda: reach(address))
        if found.outcome in (PASSWORD_MISSING, PASSWORD_REFUSED):
            self._show(self.tr("The server refused this password. Check it (and the Caps "
                               "Lock key) and try again."))
            return
        if found.error is not None:  # unreachable now, or TLS: said, the input kept
            self._show(error_text(found.error, self.language))
            return
        try:
            self.address.use_password(typed, remember=self.remember.isChecked())
        except PasswordStoreMissing as error:
            QMessageBox.information(self, self.tr("Password not remembered"),
                                    error_text(error, self.language))
        self.accept()

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("The server's password"))
        intro = (self.tr("The server refused the password kept on this computer (it may "
                         "have been changed). Type the password of the user %1:")
                 if self.refused else
                 self.tr("The team's server asks for the password of the user %1:"))
        self.intro.setText(intro.replace("%1", self.address.user))
        self.password_label.setText(self.tr("&Password:"))
        self.remember.setText(self.tr("&Remember the password on this computer")
                              if self.can_remember else
                              self.tr("This computer has no credential store: the password "
                                      "is asked for at each start"))


def ask_password(address: ServerAddress, language: Language, *, refused: bool,
                 parent: QWidget | None = None) -> bool:
    """Ask for the server's password (at the start, or when the server refused it while
    the workstation ran); True once the server has taken it."""
    dialog = ServerPasswordDialog(address, language, refused=refused, parent=parent)
    try:
        return dialog.exec() == ServerPasswordDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
