"""The first run: choose the language, create a database (on this computer or in a shared
folder) or open an existing one, and for a new one create its first administrator, the
process owner (R04). The core does the work (``create_database``, ``open_store``); the
wizard shows its refusals beside the fields, in the chosen language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desk_app.errors import DeskError, ValidationError
from desk_app.i18n import Language
from desk_app.services.admin.people import UserForm
from desk_app.services.database.setup import create_database
from desk_app.storage.database import Store
from desk_app.storage.filesystem import describe
from desk_app.storage.opening import open_store
from desk_app.storage.postgres.url import is_server
from ui import paths
from ui.errors import error_text
from ui.startup.busy import wait_for
from ui.startup.pages import DATABASE_PAGE, LANGUAGE_PAGE, MODE_PAGE, OWNER_PAGE, SERVER_PAGE
from ui.startup.server_page import ServerPage

__all__ = ["DATABASE_PAGE", "LANGUAGE_PAGE", "MODE_PAGE", "OWNER_PAGE", "SERVER_PAGE",
           "FirstRunWizard", "Outcome"]
ERROR_STYLE = "color: #c62828;"


@dataclass(frozen=True)
class Outcome:
    path: Path
    created: bool
    language: Language
    username: str = ""
    password: str = ""


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class _Page(QWizardPage):
    def wizard_(self) -> FirstRunWizard:
        return self.wizard()  # type: ignore[return-value]

    def retranslate(self) -> None:  # pragma: no cover - every page has its own
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LanguagePage(_Page):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.english = QRadioButton("English", self)
        self.english.setObjectName("languageEnglish")
        self.chinese = QRadioButton("简体中文", self)
        self.chinese.setObjectName("languageChinese")
        (self.chinese if language == "zh" else self.english).setChecked(True)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.english)
        layout.addWidget(self.chinese)
        layout.addStretch(1)
        self.english.toggled.connect(self._chosen)
        self.retranslate()

    def language(self) -> Language:
        return "zh" if self.chinese.isChecked() else "en"

    def _chosen(self) -> None:
        self.wizard_().language_chosen(self.language())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to desk-app"))
        self.setSubTitle(self.tr("Incident management for your IT service desk."))
        self.intro.setText(self.tr(
            "Choose the language of the program. You can change it later under File → "
            "Preferences."))


class ModePage(_Page):
    """Create a new database, or open the one the team already uses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.create = QRadioButton(self)
        self.create.setObjectName("createDatabase")
        self.open = QRadioButton(self)
        self.open.setObjectName("openDatabase")
        self.create.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.create)
        group.addButton(self.open)
        self.create_note = QLabel(self)
        self.create_note.setWordWrap(True)
        self.create_note.setIndent(24)
        self.open_note = QLabel(self)
        self.open_note.setWordWrap(True)
        self.open_note.setIndent(24)
        # where the database lives: a file, or the team's PostgreSQL server
        self.where = QLabel(self)
        self.in_file = QRadioButton(self)
        self.in_file.setObjectName("kindFile")
        self.on_server = QRadioButton(self)
        self.on_server.setObjectName("kindServer")
        self.in_file.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.in_file)
        kinds.addButton(self.on_server)
        layout = QVBoxLayout(self)
        layout.addWidget(self.create)
        layout.addWidget(self.create_note)
        layout.addSpacing(8)
        layout.addWidget(self.open)
        layout.addWidget(self.open_note)
        layout.addSpacing(16)
        layout.addWidget(self.where)
        layout.addWidget(self.in_file)
        layout.addWidget(self.on_server)
        layout.addStretch(1)
        self.retranslate()

    def nextId(self) -> int:
        return SERVER_PAGE if self.on_server.isChecked() else DATABASE_PAGE

    def retranslate(self) -> None:
        self.setTitle(self.tr("Database"))
        self.setSubTitle(self.tr("All incidents live in one database: a shared file, or "
                                 "your team's PostgreSQL server."))
        self.create.setText(self.tr("&Create a new database"))
        self.create_note.setText(self.tr(
            "For a team starting with desk-app. You become its process owner."))
        self.open.setText(self.tr("&Open an existing database"))
        self.open_note.setText(self.tr(
            "For a workstation joining a team that already has its database."))
        self.where.setText(self.tr("Where the database lives:"))
        self.in_file.setText(self.tr("In a &file (on this computer or in a shared folder)"))
        self.on_server.setText(self.tr("On our team's &server (PostgreSQL)"))


class DatabasePage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = QLineEdit(self)
        self.path.setObjectName("databasePath")
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        self.path.setText(str(Path(documents) / "desk-app" / "desk.sqlite"))
        self.browse = QPushButton(self)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.error = _error_label(self)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        self.path_label = QLabel(self)
        self.path_label.setBuddy(self.path)
        layout.addWidget(self.path_label)
        layout.addLayout(row)
        layout.addWidget(self.where)
        layout.addSpacing(8)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.browse.clicked.connect(self._browse)
        self.path.textChanged.connect(self._describe)
        self.retranslate()
        self._describe()

    def initializePage(self) -> None:
        self.error.hide()
        self.retranslate()

    def creating(self) -> bool:
        wizard = self.wizard()
        return not isinstance(wizard, FirstRunWizard) or wizard.mode_page.create.isChecked()

    def chosen_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _browse(self) -> None:
        start = str(self.chosen_path())
        filters = self.tr("desk-app database (*.sqlite *.db);;All files (*)")
        if self.creating():
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("New database"), start,
                                                    filters)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open a database"), start,
                                                    filters)
        if chosen:
            self.path.setText(chosen)

    def _describe(self) -> None:
        text = self.path.text().strip()
        self.error.hide()
        if not text:
            self.where.clear()
        else:
            location = describe(self.chosen_path())
            if location.network:
                self.where.setText(self.tr("This folder is on a network share (%1): every "
                                           "workstation that can reach it can share the file.")
                                   .replace("%1", location.filesystem))
            else:
                self.where.setText(self.tr("This folder is on this computer's disk (%1): only "
                                           "this computer uses the file.")
                                   .replace("%1", location.filesystem))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        path = self.chosen_path()
        self.error.hide()
        if self.creating():
            if path.exists() and path.stat().st_size > 0:
                self._show(self.tr("A file with this name already exists. Choose “Open an "
                                   "existing database”, or another name."))
                return False
            return True
        if not path.is_file():
            self._show(self.tr("There is no file at this place."))
            return False
        try:
            store = wait_for(self, self.tr("Opening the database…"), lambda: open_store(path))
        except DeskError as error:
            self._show(error_text(error, self.wizard_().language))
            return False
        store.close()
        return True

    def nextId(self) -> int:
        return OWNER_PAGE if self.creating() else -1

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def retranslate(self) -> None:
        if self.creating():
            self.setTitle(self.tr("New database"))
            self.setSubTitle(self.tr("Where the new database file goes."))
        else:
            self.setTitle(self.tr("Existing database"))
            self.setSubTitle(self.tr("The database file your team already uses."))
        self.path_label.setText(self.tr("&File:"))
        self.browse.setText(self.tr("&Browse…"))
        self.hint.setText(self.tr(
            "To share it, put the file in a shared folder (for example \\\\server\\desk\\"
            "desk.sqlite) and open the same file on every workstation.") if self.creating()
            else self.tr("Choose the file your team already uses."))
        self._describe()


class OwnerPage(_Page):
    """The first administrator of a new database: the process owner (R04)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username = QLineEdit(self)
        self.username.setObjectName("ownerUsername")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("ownerFullName")
        self.password = QLineEdit(self)
        self.password.setObjectName("ownerPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("ownerRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {name: _error_label(self) for name in
                       ("username", "full_name", "password", "repeat", "other")}
        self.labels = {name: QLabel(self) for name in
                       ("username", "full_name", "password", "repeat")}
        form = QFormLayout(self)
        for name, field in (("username", self.username), ("full_name", self.full_name),
                            ("password", self.password), ("repeat", self.repeat)):
            self.labels[name].setBuddy(field)
            form.addRow(self.labels[name], field)
            form.addRow("", self.errors[name])
        form.addRow("", self.errors["other"])
        for field in (self.username, self.full_name, self.password, self.repeat):
            field.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.retranslate()

    def isComplete(self) -> bool:
        return all(f.text().strip() for f in (self.username, self.full_name, self.password,
                                              self.repeat))

    def validatePage(self) -> bool:
        for label in self.errors.values():
            label.hide()
        if self.password.text() != self.repeat.text():
            self._show("repeat", self.tr("The two passwords differ."))
            return False
        wizard = self.wizard_()
        path = wizard.target()
        form = UserForm(self.username.text().strip(), self.full_name.text().strip(), [],
                        language=wizard.language, password=self.password.text())
        try:
            store = wait_for(self, self.tr("Creating the database…"),
                             lambda: self._create(path, form))
        except ValidationError as error:
            for field, message in error.field_messages(wizard.language).items():
                self._show(field if field in self.errors else "other", message)
            return False
        except DeskError as error:
            self._show("other", error_text(error, wizard.language))
            return False
        except OSError as error:
            self._show("other", self.tr("The file could not be created: %1").replace(
                "%1", str(error)))
            return False
        store.close()
        wizard.created = True
        return True

    def nextId(self) -> int:
        return -1  # the last page, whichever way it was reached

    def _create(self, path: Path, form: UserForm) -> Store:
        if is_server(path):
            self.wizard_().server_page.make_database()
        return create_database(path, form)

    def _show(self, field: str, text: str) -> None:
        self.errors[field].setText(text)
        self.errors[field].show()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Process owner"))
        self.setSubTitle(self.tr(
            "The first account is the process owner: the person who looks after the process "
            "settings (priority matrix, service targets, codes, people). Others get their "
            "accounts from the process owner."))
        self.labels["username"].setText(self.tr("&User name:"))
        self.labels["full_name"].setText(self.tr("&Full name:"))
        self.labels["password"].setText(self.tr("&Password:"))
        self.labels["repeat"].setText(self.tr("&Repeat password:"))


class FirstRunWizard(QWizard):
    def __init__(self, language: Language,
                 on_language: Callable[[Language], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.setWindowIcon(paths.icon("app"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.language: Language = language
        self.on_language = on_language
        self.created = False
        self.language_page = LanguagePage(language, self)
        self.mode_page = ModePage(self)
        self.database_page = DatabasePage(self)
        self.owner_page = OwnerPage(self)
        self.server_page = ServerPage(self)
        self.setPage(SERVER_PAGE, self.server_page)
        self.setPage(LANGUAGE_PAGE, self.language_page)
        self.setPage(MODE_PAGE, self.mode_page)
        self.setPage(DATABASE_PAGE, self.database_page)
        self.setPage(OWNER_PAGE, self.owner_page)
        self.setStartId(LANGUAGE_PAGE)
        self.setMinimumSize(620, 460)
        self.retranslate()

    def language_chosen(self, lang: Language) -> None:
        self.language = lang
        if self.on_language is not None:
            self.on_language(lang)

    def on_server(self) -> bool:
        return self.mode_page.on_server.isChecked()

    def target(self) -> Path:
        """The chosen file, or the chosen server's URL (without its password) as a path,
        as the rest of the start-up takes a database."""
        if self.on_server():
            return Path(self.server_page.fields.address().url())
        return self.database_page.chosen_path()

    def outcome(self) -> Outcome:
        owner = self.owner_page
        return Outcome(self.target(), self.created, self.language,
                       owner.username.text().strip() if self.created else "",
                       owner.password.text() if self.created else "")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("desk-app — first start"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
