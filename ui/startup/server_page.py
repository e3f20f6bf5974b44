"""The first-run wizard's "our team's server" page: where the team's PostgreSQL server is,
who connects, with which TLS mode and password.

The connection is tried (``postgres.reach``) before the wizard goes on, on a worker thread,
and what failed is said in the person's language beside the fields, which keep what was
typed: the server cannot be reached, the password was refused, TLS cannot be had, the
database holds no desk (then, if this user may, the wizard offers to make one there). The
password goes to the computer's credential store when "Remember" is ticked, and is never
written into the program's settings; the server's address is remembered like a file's path.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desk_app.delivery.secrets import store_available
from desk_app.i18n import Language
from desk_app.storage.postgres.reach import Reach, create_database, reach
from desk_app.storage.postgres.url import PasswordStoreMissing, ServerAddress
from ui.errors import error_text
from ui.startup.busy import wait_for

if TYPE_CHECKING:
    from ui.startup.wizard import FirstRunWizard

ERROR_STYLE = "color: #c62828;"
GOOD_STYLE = "color: #2e7d32;"
#: libpq's TLS modes, most used first.
TLS_MODES = ("prefer", "require", "verify-full", "verify-ca", "disable")


class ServerFields(QWidget):
    """The server's fields, with a "Test the connection" button and what it found."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = QLineEdit(self)
        self.host.setObjectName("serverHost")
        self.port = QSpinBox(self)
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("desk", self)
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(self)
        self.user.setObjectName("serverUser")
        self.tls = QComboBox(self)
        self.tls.setObjectName("serverTls")
        for mode in TLS_MODES:
            self.tls.addItem(mode, mode)
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self)
        self.remember.setObjectName("rememberPassword")
        self.can_remember = store_available()
        self.remember.setChecked(self.can_remember)
        self.remember.setEnabled(self.can_remember)
        self.test = QPushButton(self)
        self.test.setObjectName("testConnection")
        self.status = QLabel(self)
        self.status.setObjectName("serverStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.labels = {name: QLabel(self) for name in
                       ("host", "port", "database", "user", "tls", "password")}
        form = QFormLayout()
        for name, field in (("host", self.host), ("port", self.port),
                            ("database", self.database), ("user", self.user),
                            ("tls", self.tls), ("password", self.password)):
            self.labels[name].setBuddy(field)
            form.addRow(self.labels[name], field)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.test)
        layout.addWidget(self.status)
        layout.addStretch(1)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textChanged.connect(self.status.hide)
        self.retranslate()

    def filled(self) -> bool:
        return all(f.text().strip() for f in (self.host, self.database, self.user))

    def address(self) -> ServerAddress:
        """The server as typed (with the password, which stays in memory)."""
        mode = str(self.tls.currentData())
        return ServerAddress(self.host.text().strip(), self.port.value(),
                             self.database.text().strip(), self.user.text().strip(),
                             options=(("sslmode", mode),),
                             password=self.password.text() or None)

    def show_status(self, text: str, good: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(GOOD_STYLE if good else ERROR_STYLE)
        self.status.show()

    def retranslate(self) -> None:
        self.labels["host"].setText(self.tr("&Server:"))
        self.labels["port"].setText(self.tr("P&ort:"))
        self.labels["database"].setText(self.tr("&Database:"))
        self.labels["user"].setText(self.tr("&User:"))
        self.labels["tls"].setText(self.tr("&TLS:"))
        self.labels["password"].setText(self.tr("Pass&word:"))
        names = {"prefer": self.tr("prefer (encrypted when the server offers it)"),
                 "require": self.tr("require (always encrypted)"),
                 "verify-full": self.tr("verify-full (encrypted, server's certificate and "
                                        "name checked)"),
                 "verify-ca": self.tr("verify-ca (encrypted, server's certificate checked)"),
                 "disable": self.tr("disable (never encrypted)")}
        for index, mode in enumerate(TLS_MODES):
            self.tls.setItemText(index, names[mode])
        self.remember.setText(self.tr("&Remember the password on this computer")
                              if self.can_remember else
                              self.tr("This computer has no credential store: the password "
                                      "is asked for at each start"))
        self.test.setText(self.tr("T&est the connection"))
        self.host.setPlaceholderText(self.tr("for example db.example.com"))

    def reach_text(self, found: Reach, creating: bool, lang: Language) -> str:
        """What ``found`` means for a person choosing this server (empty: good to go)."""
        if found.error is not None:
            return error_text(found.error, lang)
        if found.outcome == "newer":
            return self.tr("This database was made by a newer version of desk-app (schema "
                           "%1): install the newer version on this computer.").replace(
                               "%1", str(found.schema_version))
        if found.outcome == "desk":
            return self.tr("This database already holds a desk-app database.") \
                if creating else ""
        if found.outcome == "empty":
            if found.may_create:
                return "" if creating else self.tr(
                    "This database holds no desk-app database yet.")
            return self.tr("This database holds no desk-app database, and this user may not "
                           "make one there: ask the server's administrator to make the user "
                           "the database's owner.")
        if found.outcome == "no_database":
            if found.may_create:
                return "" if creating else self.tr(
                    "The server has no database of this name yet.")
            return self.tr("The server has no database of this name, and this user may not "
                           "make one: ask the server's administrator to make it.")
        return self.tr("The server could not be used: %1").replace("%1", found.detail)


class ServerPage(QWizardPage):
    """The team's server: tried before the wizard goes on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found: Reach | None = None
        self.fields = ServerFields(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        self.fields.test.clicked.connect(self.test_connection)
        for edit in (self.fields.host, self.fields.database, self.fields.user):
            edit.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.retranslate()

    def wizard_(self) -> FirstRunWizard:
        return self.wizard()  # type: ignore[return-value]

    def initializePage(self) -> None:
        self.fields.status.hide()
        self.retranslate()

    def isComplete(self) -> bool:
        return self.fields.filled()

    def validatePage(self) -> bool:
        return self.validate()

    def nextId(self) -> int:
        from ui.startup.wizard import OWNER_PAGE

        return OWNER_PAGE if self.creating() else -1

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.fields.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        wizard = self.wizard()
        creating = wizard is not None and self.creating()
        self.setTitle(self.tr("Our team's server"))
        self.setSubTitle(self.tr("The PostgreSQL server where the new database goes.")
                         if creating else
                         self.tr("The PostgreSQL server that holds your team's database."))

    def creating(self) -> bool:
        return self.wizard_().mode_page.create.isChecked()

    def _try(self) -> Reach:
        address = self.fields.address()
        return wait_for(self, self.tr("Connecting to the server…"),
                        lambda: reach(address))

    def test_connection(self) -> None:
        found = self._try()
        self.found = found
        problem = self.fields.reach_text(found, self.creating(), self.wizard_().language)
        if problem:
            self.fields.show_status(problem)
        else:
            self.fields.show_status(self.tr("The server answered: all is well."),
                                    good=True)

    def validate(self) -> bool:
        found = self._try()
        self.found = found
        lang = self.wizard_().language
        creating = self.creating()
        if found.error is None and not creating and found.may_create \
                and found.outcome in ("empty", "no_database"):
            # not a desk-app database yet, and this user may make one: offer it
            answer = QMessageBox.question(
                self, self.tr("No desk-app database there"),
                self.fields.reach_text(found, False, lang) + "\n\n" + self.tr(
                    "Make a new desk-app database there? You become its process owner."))
            if answer != QMessageBox.StandardButton.Yes:
                self.fields.show_status(self.fields.reach_text(found, False, lang))
                return False
            self.wizard_().mode_page.create.setChecked(True)
            creating = True
        elif found.outcome == "desk" and creating:
            answer = QMessageBox.question(
                self, self.tr("A desk-app database is there"),
                self.tr("This database already holds a desk-app database. Open it "
                        "instead?"))
            if answer != QMessageBox.StandardButton.Yes:
                self.fields.show_status(self.fields.reach_text(found, True, lang))
                return False
            self.wizard_().mode_page.open.setChecked(True)
            creating = False
        problem = self.fields.reach_text(found, creating, lang)
        if problem:
            self.fields.show_status(problem)
            return False
        return self.keep_password()

    def keep_password(self) -> bool:
        """The password typed is used from now on; remembered if the person asked."""
        address = self.fields.address()
        password = address.password
        if not password:
            return True
        kept = replace(address, password=None)
        try:
            kept.use_password(password, remember=self.fields.remember.isChecked())
        except PasswordStoreMissing as error:
            QMessageBox.information(self, self.tr("Password not remembered"),
                                    error_text(error, self.wizard_().language))
        return True

    def make_database(self) -> None:
        """Called by the owner page before making the desk: the database itself, if the
        server has none of that name yet."""
        if self.found is not None and self.found.outcome == "no_database":
            create_database(self.fields.address())
            self.found = replace(self.found, outcome="empty")
