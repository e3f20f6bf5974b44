"""From start to the main window: which database, who signs in, which language.

``desk-app --demo`` opens the demo database (made on first use); ``desk-app`` opens the last
database, or runs the first-run wizard when there is none. Everyone signs in with their own
account; signing out returns to the sign-in dialog on the same database.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desk_app.clock import Clock
from desk_app.errors import DeskError
from desk_app.i18n import Language
from desk_app.services.session import Session, sign_in
from desk_app.storage.database import Store
from desk_app.storage.opening import open_store
from ui import settings
from ui.context import UiContext
from ui.errors import error_text
from ui.main_window import MainWindow
from ui.operations import ChangeHub
from ui.reading import read_pool
from ui.startup.busy import wait_for
from ui.startup.demo import DEMO_INCIDENTS, ensure_demo
from ui.startup.sign_in import SignInDialog, demo_accounts
from ui.startup.wizard import FirstRunWizard
from ui.translations import system_language, translations

log = logging.getLogger(__name__)


class Startup(QObject):
    def __init__(self, *, demo: bool = False, database: Path | None = None,
                 language: Language | None = None, demo_path: Path | None = None,
                 demo_incidents: int = DEMO_INCIDENTS, clock: Clock | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.demo = demo
        self.database = database
        self.demo_path = demo_path
        self.demo_incidents = demo_incidents
        self.clock = clock
        self.language: Language = language or settings.language() or system_language()
        self.store: Store | None = None
        self.window: MainWindow | None = None

    # -- the steps --------------------------------------------------------------------
    def start(self) -> bool:
        """Up to the main window; False if the person gave up on the way."""
        translations.apply(self.language)
        credentials: tuple[str, str] | None = None
        if self.demo:
            try:
                path = ensure_demo(path=self.demo_path, incidents=self.demo_incidents)
            except Exception as error:
                self._fail(self.tr("The demo database could not be made."), error)
                return False
        else:
            path = self.database or settings.last_database()
            if path is None or not path.exists():
                chosen = self._wizard(missing=path)
                if chosen is None:
                    return False
                path, credentials = chosen
        store = self._open(path)
        if store is None:
            return False
        self.store = store
        if not self.demo:
            settings.set_last_database(path)
        session = self._session(credentials)
        if session is None:
            return False
        self._show_window(session)
        return True

    def set_language(self, lang: Language) -> None:
        """Chosen in the wizard or the sign-in dialog: applies at once, and is remembered."""
        self.language = lang
        settings.set_language(lang)
        translations.apply(lang)

    def _wizard(self, missing: Path | None) -> tuple[Path, tuple[str, str] | None] | None:
        if missing is not None:
            QMessageBox.warning(None, self.tr("Database not found"), self.tr(
                "The database used last time is not there any more:\n%1\nCreate a new one "
                "or open another.").replace("%1", str(missing)))
        wizard = FirstRunWizard(self.language, self.set_language)
        if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
            return None
        outcome = wizard.outcome()
        self.set_language(outcome.language)
        credentials = (outcome.username, outcome.password) if outcome.created else None
        return outcome.path, credentials

    def _open(self, path: Path) -> Store | None:
        while True:
            try:
                return wait_for(None, self.tr("Opening the database…"),
                                lambda: open_store(path))
            except DeskError as error:
                answer = QMessageBox.critical(
                    None, self.tr("Could not open the database"),
                    f"{path}\n\n{error_text(error, self.language)}",
                    QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Retry)
                if answer != QMessageBox.StandardButton.Retry:
                    return None

    def _session(self, credentials: tuple[str, str] | None) -> Session | None:
        assert self.store is not None
        if credentials is not None:
            store, clock = self.store, self.clock
            try:
                return wait_for(None, self.tr("Signing in…"),
                                lambda: sign_in(store, credentials[0], credentials[1], clock))
            except DeskError as error:
                log.warning("signing the new owner in failed: %s", error)
        dialog = self.sign_in_dialog()
        if dialog.exec() != SignInDialog.DialogCode.Accepted:
            return None
        return dialog.session

    def sign_in_dialog(self) -> SignInDialog:
        assert self.store is not None
        from desk_app.demo import DEMO_PASSWORD

        return SignInDialog(
            self.store, self.language, demo=demo_accounts() if self.demo else (),
            demo_password=DEMO_PASSWORD if self.demo else "", clock=self.clock,
            on_language=self.set_language)

    def _show_window(self, session: Session) -> None:
        context = UiContext(session, ChangeHub(), self.language)
        self.window = MainWindow(context)
        self.window.signed_out.connect(self._signed_out)
        self.window.closed.connect(self.quit)
        self.window.show()

    def _signed_out(self) -> None:
        old = self.window
        self.window = None
        if old is not None:
            old.deleteLater()
        session = self._session(None)
        if session is None:
            self.quit()
            return
        self._show_window(session)

    def _fail(self, text: str, error: BaseException) -> None:
        log.error("%s", text, exc_info=error)
        QMessageBox.critical(None, "desk-app", f"{text}\n\n{error_text(error, self.language)}")

    # -- the end ----------------------------------------------------------------------
    def quit(self) -> None:
        QApplication.quit()

    def shutdown(self) -> None:
        """Let running reads and writes finish, then close the file."""
        read_pool().waitForDone(5000)
        QThreadPool.globalInstance().waitForDone(10000)
        if self.store is not None:
            self.store.close()

    def main_window(self) -> QWidget | None:
        return self.window
