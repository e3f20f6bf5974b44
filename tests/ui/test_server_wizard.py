"""The first-run wizard's "our team's server": the connection is tried before the wizard goes
on, what failed is said in the person's language with every field kept, a server database
holding no desk is offered to be made one, and the server is remembered like a file is —
its password in the credential store, never in the settings."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from desk_app.storage.opening import open_store
from desk_app.storage.postgres.url import KEYRING_SERVICE, ServerAddress
from tests.postgres import Server
from tests.server_users import SECRET, password_address
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, english
from tests.ui.test_startup import _stop_dialog_drivers, when_shown
from ui import settings
from ui.startup.flow import Startup
from ui.startup.wizard import MODE_PAGE, OWNER_PAGE, SERVER_PAGE, FirstRunWizard
from ui.translations import translations

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["_stop_dialog_drivers", "app_settings", "english"]

@pytest.fixture
def passworded(pg_server: Server) -> ServerAddress:
    return password_address(pg_server)


def _fill(wizard: FirstRunWizard, address: ServerAddress, password: str) -> None:
    fields = wizard.server_page.fields
    fields.host.setText(address.host)
    fields.port.setValue(address.port if password != "unreachable" else 1)
    fields.database.setText(address.database)
    fields.user.setText(address.user)
    fields.tls.setCurrentIndex(fields.tls.findData("disable"))
    fields.password.setText(password)


def _to_server_page(wizard: FirstRunWizard, *, create: bool) -> None:
    wizard.show()
    wizard.next()
    assert wizard.currentId() == MODE_PAGE
    (wizard.mode_page.create if create else wizard.mode_page.open).setChecked(True)
    wizard.mode_page.on_server.setChecked(True)
    wizard.next()
    assert wizard.currentId() == SERVER_PAGE


def test_wizard_says_what_failed_keeps_the_input_and_offers_to_make_a_desk_there(
        qtbot: QtBot, passworded: ServerAddress, english: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wizard = FirstRunWizard("en", lambda lang: translations.apply(lang))
    qtbot.addWidget(wizard)
    _to_server_page(wizard, create=False)
    page = wizard.server_page
    assert page.title() == "Our team's server"
    assert page.fields.port.value() == 5432  # PostgreSQL's own port, offered
    finish = wizard.button(QWizard.WizardButton.FinishButton)

    _fill(wizard, passworded, "unreachable")  # nobody listens on port 1
    finish.click()
    assert wizard.currentId() == SERVER_PAGE
    assert "cannot be reached" in page.fields.status.text()

    _fill(wizard, passworded, "wrong password")
    finish.click()
    assert wizard.currentId() == SERVER_PAGE
    assert "refused the password" in page.fields.status.text()
    assert page.fields.password.text() == "wrong password"  # nothing typed is lost
    assert page.fields.user.text() == passworded.user

    # the right password, for a database the server does not have yet: declining the offer
    # to make one there stays on the page; accepting it goes on to the process owner
    _fill(wizard, passworded, SECRET)
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def question(_parent: object, _title: str, text: str, *_: object) -> object:
            asked.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    finish.click()
    assert wizard.currentId() == SERVER_PAGE
    assert "no database of this name" in asked[-1]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    wizard.next()
    assert wizard.currentId() == OWNER_PAGE and wizard.mode_page.create.isChecked()
    owner = wizard.owner_page
    owner.username.setText("boss")
    owner.full_name.setText("陈静 Chen Jing")
    owner.password.setText("a long password")
    owner.repeat.setText("a long password")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible(), [e.text() for e in owner.errors.values()]
    outcome = wizard.outcome()
    assert outcome.created
    assert str(outcome.path) == str(Path(passworded.url()))  # the URL, no password
    assert SECRET not in str(outcome.path)
    # remembered in the credential store: a later open needs nothing typed
    assert keyring.get_password(KEYRING_SERVICE, passworded.password_key()) == SECRET
    store = open_store(passworded.url())
    try:
        roles = store.execute('SELECT role FROM user_role JOIN "user" ON "user".id = user_id '
                              "WHERE username = 'boss'")
        assert roles == [("process_owner",)]
    finally:
        store.close()


def test_wizard_in_chinese_says_the_password_was_refused(
        qtbot: QtBot, passworded: ServerAddress, english: None) -> None:
    wizard = FirstRunWizard("en", lambda lang: translations.apply(lang))
    qtbot.addWidget(wizard)
    wizard.language_page.chinese.setChecked(True)
    _to_server_page(wizard, create=True)
    assert wizard.server_page.title() == "我们团队的服务器"
    _fill(wizard, passworded, "wrong password")
    wizard.server_page.fields.test.click()
    assert "拒绝了该密码" in wizard.server_page.fields.status.text()


def test_first_start_on_the_team_server_remembers_it_but_not_its_password(
        qtbot: QtBot, passworded: ServerAddress, app_settings: Path, english: None) -> None:
    def walk_through(wizard: FirstRunWizard) -> None:
        wizard.next()  # English
        wizard.mode_page.create.setChecked(True)
        wizard.mode_page.on_server.setChecked(True)
        wizard.next()
        _fill(wizard, passworded, SECRET)
        wizard.next()
        owner = wizard.owner_page
        owner.username.setText("chen")
        owner.full_name.setText("陈静 Chen Jing")
        owner.password.setText("process owner")
        owner.repeat.setText("process owner")
        wizard.button(QWizard.WizardButton.FinishButton).click()

    when_shown(FirstRunWizard, walk_through)  # type: ignore[arg-type]
    startup = Startup(language="en")
    try:
        assert startup.start()
        window = startup.window
        assert window is not None and window.context.session.username == "chen"
        assert startup.store is not None and startup.store.kind == "server"
        window.close()
    finally:
        startup.shutdown()
    remembered = settings.last_database()
    assert remembered is not None
    assert ServerAddress.parse(str(remembered)) == passworded
    assert SECRET not in app_settings.read_text(encoding="utf-8")
