"""The first-run wizard's "our team's server" page: where the team's PostgreSQL server is,
who connects, with which TLS mode (and the CA certificate that vouches for the server) and
password.

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
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
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
from ui.startup.pages import OWNER_PAGE

if TYPE_CHECKING:
    from ui.startup.wizard import FirstRunWizard

ERROR_STYLE = "color: #c62828;"
GOOD_STYLE = "color: #2e7d32;"
#: libpq's TLS modes, most used first.
TLS_MODES = ("prefer", "require", "verify-full", "verify-ca", "disable")


# The TLS files the page asks for, by libpq's name.
CERTIFICATE_OPTIONS = ("sslrootcert", "sslcert", "sslkey")


class CertificateField(QWidget):
    """A TLS file's path, typed or chosen."""

    def __init__(self, option: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.path = QLineEdit(self)
        self.path.setObjectName(f"server_{option}")
        self.browse = QPushButton(self)
        self.browse.setObjectName(f"server_{option}_browse")
        self.browse.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.path, 1)
        layout.addWidget(self.browse)

    def choose(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.browse.toolTip(), self.path.text(),
            self.tr("Certificates and keys (*.crt *.pem *.cer *.key);;All files (*)"))
        if chosen:
            self.path.setText(chosen)


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
        self.tls.currentIndexChanged.connect(self._tls_changed)
        #: TLS files: the certificate authority that signed the server's certificate
        #: (``sslrootcert``), and this computer's own certificate and key where the server
        #: asks for one (``sslcert``, ``sslkey``)
        self.certificates = {option: CertificateField(option, self)
                             for option in CERTIFICATE_OPTIONS}
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
                       ("host", "port", "database", "user", "tls", "password",
                        *CERTIFICATE_OPTIONS)}
        form = QFormLayout()
        for name, field in (("host", self.host), ("port", self.port),
                            ("database", self.database), ("user", self.user),
                            ("tls", self.tls), *self.certificates.items(),
                            ("password", self.password)):
            self.labels[name].setBuddy(getattr(field, "path", field))
            form.addRow(self.labels[name], field)
        form.addRow(self.remember)  # the whole row: its longer text is not cut
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.test)
        layout.addWidget(self.status)
        layout.addStretch(1)
        for edit in (self.host, self.database, self.user, self.password,
                     *(c.path for c in self.certificates.values())):
            edit.textChanged.connect(self.status.hide)
        self.retranslate()
        self._tls_changed()

    def _tls_changed(self) -> None:
        """The TLS files matter only when TLS may be used."""
        used = self.tls.currentData() != "disable"
        for certificate in self.certificates.values():
            certificate.setEnabled(used)

    def filled(self) -> bool:
        return all(f.text().strip() for f in (self.host, self.database, self.user))

    def address(self) -> ServerAddress:
        """The server as typed (with the password, which stays in memory)."""
        mode = str(self.tls.currentData())
        options = [("sslmode", mode)]
        if mode != "disable":
            options += [(option, field.path.text().strip())
                        for option, field in self.certificates.items()
                        if field.path.text().strip()]
        return ServerAddress(self.host.text().strip(), self.port.value(),
                             self.database.text().strip(), self.user.text().strip(),
                             options=tuple(options),
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
        self.labels["sslrootcert"].setText(self.tr("&CA certificate:"))
        self.labels["sslcert"].setText(self.tr("C&lient certificate:"))
        self.labels["sslkey"].setText(self.tr("Client &key:"))
        self.certificates["sslrootcert"].path.setPlaceholderText(
            self.tr("the file of the authority that signed the server's certificate"))
        for option in ("sslcert", "sslkey"):
            self.certificates[option].path.setPlaceholderText(
                self.tr("only if the server asks for this computer's certificate"))
        for certificate in self.certificates.values():
            certificate.browse.setText(self.tr("Choose…"))
            certificate.browse.setToolTip(self.tr("Choose the file"))
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
