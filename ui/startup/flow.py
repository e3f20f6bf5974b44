"""From start to the main window: which database, who signs in, which language.

``desk-app --demo`` opens the demo database (made on first use); ``desk-app`` opens the last
database, or runs the first-run wizard when there is none. Everyone signs in with their own
account; signing out returns to the sign-in dialog on the same database.

Opening the file (``desk_app.storage.opening.open_store``) runs on a worker thread; while
another workstation upgrades it, the waiting dialog says so. A damaged file is answered with
the offer to restore its latest good backup, then opened again (damage in the tables that
grow with the incidents is found just after the window shows, ``ui.storage.file_check``,
and answered the same way); a file this program cannot
use (a newer schema, WAL held by another program, the share unreachable) gets its message in
the user's language; a file that can only be read opens read-only, and the window says why.
"""

from __future__ import annotations

import getpass
import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desk_app.clock import Clock
from desk_app.errors import DatabaseCorrupt, DatabaseMoved, DeskError, SchemaTooNew
from desk_app.i18n import Language, text
from desk_app.services.alerts.own_language import own_language, set_own_language
from desk_app.services.session import Session, sign_in
from desk_app.storage.database import Store
from desk_app.storage.opening import open_store
from desk_app.storage.postgres import is_server
from desk_app.storage.postgres.reach import ServerPasswordNeeded
from desk_app.storage.presence import Visitor
from ui import settings
from ui.context import UiContext
from ui.errors import error_text
from ui.main_window import MainWindow
from ui.operations import ChangeHub
from ui.reading import finish_background_work
from ui.startup.busy import Note, wait_for
from ui.startup.demo import DEMO_INCIDENTS, ensure_demo
from ui.startup.sign_in import SignInDialog, demo_accounts
from ui.startup.wizard import FirstRunWizard
from ui.storage.restore_offer import RestoreOfferDialog
from ui.translations import system_language, translations

log = logging.getLogger(__name__)


def starting_visitor() -> Visitor:
    """Who opens the file before anyone has signed in (named in an upgrade's maintenance
    and in a restore from the offer): the computer's account, on this workstation."""
    try:
        username = getpass.getuser()
    except (KeyError, OSError):  # no account name to be had (a bare container)
        username = "desk-app"
    return Visitor(username=username)


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
        # ``--lang`` holds for the whole run; otherwise each person's own language applies
        self.forced_language = language
        self.language: Language = language or settings.language() or system_language()
        self.chosen_at_sign_in = False  # the person picked a language in the sign-in dialog
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
            if path is None or not (is_server(path) or path.exists()):
                chosen = self._wizard(missing=path)
                if chosen is None:
                    return False
                path, credentials = chosen
        store = self._open(path)
        if store is None:
            return False
        self.store = store
        if not self.demo:
            # a file whose data moved to a server: the server from now on
            settings.set_last_database(store.path if is_server(store.path) else path)
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
        visitor = starting_visitor()
        note = Note()
        waiting = text("storage.waiting_upgrade", self.language)
        while True:
            try:
                return wait_for(None, self.tr("Opening the database…"),
                                lambda where=path: open_store(where, visitor=visitor,
                                                              on_wait=lambda: note.say(
                                                                  waiting),
                                                              defer_checks=True), note)
            except DatabaseCorrupt as error:
                if self._offer_restore(path, error, visitor):
                    continue  # the latest good backup is back: open it
                return None
            except DatabaseMoved as error:  # desk-app move: say where, and go there
                QMessageBox.information(None, text("storage.moved_title", self.language),
                                        f"{path}\n\n{error_text(error, self.language)}")
                path = Path(error.target)
                continue
            except ServerPasswordNeeded as error:  # a server's password: asked, not failed
                if not self._ask_password(path, error):
                    return None
                continue
            except SchemaTooNew as error:  # trying again cannot help: a newer program can
                QMessageBox.critical(None, self.tr("Could not open the database"),
                                     f"{path}\n\n{error_text(error, self.language)}")
                return None
            except DeskError as error:
                answer = QMessageBox.critical(
                    None, self.tr("Could not open the database"),
                    f"{path}\n\n{error_text(error, self.language)}",
                    QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Retry)
                if answer != QMessageBox.StandardButton.Retry:
                    return None

    def _ask_password(self, path: Path, error: ServerPasswordNeeded) -> bool:
        """The server's password, asked for; True once it is taken."""
        from desk_app.storage.postgres.url import ServerAddress
        from ui.startup.server_password import ask_password

        return ask_password(ServerAddress.parse(str(path)), self.language,
                            refused=error.refused)

    def _offer_restore(self, path: Path, error: DatabaseCorrupt, visitor: Visitor) -> bool:
        """The damaged file's restore offer; True once the backup is back in place."""
        dialog = RestoreOfferDialog(path, error, self.language, visitor)
        try:
            return dialog.exec() == RestoreOfferDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def _session(self, credentials: tuple[str, str] | None) -> Session | None:
        assert self.store is not None
        self.chosen_at_sign_in = False
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

        # the language the workstation speaks now (the last person may have switched it),
        # not the one this program started in
        self.language = translations.language or self.language
        return SignInDialog(
            self.store, self.language, demo=demo_accounts() if self.demo else (),
            demo_password=DEMO_PASSWORD if self.demo else "", clock=self.clock,
            on_language=self._chosen_in_dialog)

    def _chosen_in_dialog(self, lang: Language) -> None:
        self.chosen_at_sign_in = True
        self.set_language(lang)

    def _show_window(self, session: Session) -> None:
        self._person_language(session)
        context = UiContext(session, ChangeHub(), self.language)
        self.window = MainWindow(context)
        self.window.signed_out.connect(self._signed_out)
        self.window.closed.connect(self.quit)
        self.window.store_reopened.connect(self._reopened)
        self.window.show()

    def _person_language(self, session: Session) -> None:
        """Switch to the language the person keeps (chosen at any workstation), unless the
        program was started with ``--lang``; the sign-in's choice is remembered with them."""
        if self.forced_language is not None:
            return
        try:
            kept = None if self.chosen_at_sign_in else own_language(session)
            if kept is None:
                set_own_language(session, self.language)
        except DeskError as error:  # a read-only or busy file: the workstation's language
            log.warning("the person's language could not be read or kept: %s", error)
            return
        if kept is not None and kept != self.language:
            self.language = kept
            settings.set_language(kept)
            translations.apply(kept)

    def _reopened(self, store: Store) -> None:
        """The window opened the file again after a restore (and closed the old store)."""
        self.store = store

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
        finish_background_work()
        if self.store is not None:
            self.store.close()

    def main_window(self) -> QWidget | None:
        return self.window
