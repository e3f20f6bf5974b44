"""A workstation opening the team's server without its password (or with one the server
now refuses) is asked for it instead of failing: a wrong one is said so and the dialog keeps
what was typed; the right one, with "Remember", goes to the credential store and never to
the settings."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from pytestqt.qtbot import QtBot

from desk_app.storage.postgres.url import KEYRING_SERVICE, ServerAddress
from tests.postgres import Server
from tests.server_users import OWNER_PASSWORD, SECRET, make_desk, password_address
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, english
from tests.ui.test_startup import _stop_dialog_drivers, when_shown
from ui.startup.flow import Startup
from ui.startup.server_password import ServerPasswordDialog
from ui.startup.sign_in import SignInDialog

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["_stop_dialog_drivers", "app_settings", "english"]


@pytest.fixture
def desk(pg_server: Server) -> ServerAddress:
    address = password_address(pg_server)
    make_desk(address)
    return address


def _sign_in_as_boss(dialog: SignInDialog) -> None:
    dialog.username.setText("boss")
    dialog.password.setText(OWNER_PASSWORD)
    dialog.try_sign_in()


def test_the_server_password_is_asked_for_a_wrong_one_said_and_the_right_one_kept(
        qtbot: QtBot, desk: ServerAddress, app_settings: Path, english: None) -> None:
    seen: list[tuple[str, str, bool, str]] = []

    def answer(dialog: ServerPasswordDialog) -> None:
        dialog.password.setText("not the password")
        dialog.try_password()  # refused: the dialog stays, with what was typed
        seen.append((dialog.intro.text(), dialog.error.text(), dialog.isVisible(),
                     dialog.password.text()))
        dialog.password.setText(SECRET)
        assert dialog.remember.isChecked()
        dialog.try_password()

    when_shown(ServerPasswordDialog, answer)  # type: ignore[arg-type]
    when_shown(SignInDialog, _sign_in_as_boss)  # type: ignore[arg-type]
    startup = Startup(database=Path(desk.url()), language="en")
    try:
        assert startup.start()
        assert startup.window is not None
        assert startup.window.context.session.username == "boss"
        startup.window.close()
    finally:
        startup.shutdown()
    intro, error, visible, kept = seen[0]
    assert "asks for the password of the user " + desk.user in intro
    assert "refused this password" in error and visible and kept == "not the password"
    assert keyring.get_password(KEYRING_SERVICE, desk.password_key()) == SECRET
    assert SECRET not in app_settings.read_text(encoding="utf-8")


def test_a_kept_password_the_server_refuses_is_asked_for_again(
        qtbot: QtBot, desk: ServerAddress, app_settings: Path, english: None) -> None:
    desk.keep_password("last year's password")
    intros: list[str] = []

    def give_up(dialog: ServerPasswordDialog) -> None:
        intros.append(dialog.intro.text())
        dialog.reject()

    when_shown(ServerPasswordDialog, give_up)  # type: ignore[arg-type]
    startup = Startup(database=Path(desk.url()), language="en")
    try:
        assert not startup.start()  # the person cancelled: no window, nothing broken
    finally:
        startup.shutdown()
    assert "refused the password kept on this computer" in intros[0]
    desk.forget_password()


def test_the_dialog_speaks_chinese(qtbot: QtBot, desk: ServerAddress) -> None:
    from ui.translations import translations

    translations.apply("zh")
    try:
        dialog = ServerPasswordDialog(desk, "zh")
        qtbot.addWidget(dialog)
        dialog.password.setText("wrong")
        dialog.try_password()
        assert dialog.windowTitle() == "服务器密码"
        assert "服务器拒绝了此密码" in dialog.error.text()
    finally:
        translations.apply("en")
