"""The team server's password changed while a workstation runs: the next connection is
refused, and instead of an error the workstation asks for the password in the start-up's
dialog; once the server takes the new one, the refused call runs again and the workstation
goes on (the new password kept in the credential store)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.storage.postgres.url import KEYRING_SERVICE, ServerAddress
from tests.postgres import Server
from tests.server_users import SECRET
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, english
from tests.ui.test_server_password import _sign_in_as_boss, desk
from tests.ui.test_startup import _stop_dialog_drivers, when_shown
from ui.operations import Op
from ui.startup.flow import Startup
from ui.startup.server_password import ServerPasswordDialog
from ui.startup.sign_in import SignInDialog

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["_stop_dialog_drivers", "app_settings", "desk", "english"]

NEW = "the password of this quarter"


def _change_password_and_drop_connections(server: Server, address: ServerAddress) -> None:
    """What an administrator does: a new password, and (a restart, a network drop, or
    ``pg_terminate_backend``) the workstation's connections are gone."""
    server.admin(f"ALTER ROLE {address.user} PASSWORD '{NEW}'")
    server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                 f"WHERE usename = '{address.user}'")


@pytest.mark.parametrize("cancel", [False, True])
def test_a_password_changed_on_the_server_is_asked_for_and_the_work_goes_on(
        qtbot: QtBot, pg_server: Server, desk: ServerAddress, app_settings: Path,
        english: None, cancel: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    desk.keep_password(SECRET)
    when_shown(SignInDialog, _sign_in_as_boss)  # type: ignore[arg-type]
    startup = Startup(database=Path(desk.url()), language="en")
    seen: list[tuple[str, str]] = []

    def answer(dialog: ServerPasswordDialog) -> None:
        dialog.password.setText(SECRET)  # the old one: refused, said, kept
        dialog.try_password()
        seen.append((dialog.intro.text(), dialog.error.text()))
        if cancel:
            dialog.reject()
            return
        dialog.password.setText(NEW)
        dialog.try_password()

    boxes: list[str] = []  # refused calls' own error boxes, after "Cancel"
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *_a: boxes.append(text))
    try:
        assert startup.start()
        window = startup.window
        assert window is not None
        store = window.context.session.store
        _change_password_and_drop_connections(pg_server, desk)
        when_shown(ServerPasswordDialog, answer)  # type: ignore[arg-type]
        results: list[object] = []
        failures: list[BaseException] = []
        count = "SELECT count(*) FROM incident"
        Op(window, lambda: store.execute(count)).success(results.append).failure(
            failures.append).run()
        qtbot.waitUntil(lambda: bool(results or failures), timeout=30_000)
        intro, error = seen[0]
        assert "refused the password kept on this computer" in intro
        assert "refused this password" in error
        if cancel:  # refused after all: the call's own handler hears it
            assert failures and "refused the password" in failures[0].message("en")  # type: ignore[attr-defined]
            assert keyring.get_password(KEYRING_SERVICE, desk.password_key()) == SECRET
            assert len(seen) == 1  # not asked again at once for the other refused calls
        else:  # the refused call ran again, and the workstation goes on
            assert not failures and results == [store.execute(count)]
            assert keyring.get_password(KEYRING_SERVICE, desk.password_key()) == NEW
            later: list[object] = []
            Op(window, lambda: store.write(lambda: store.execute(count))).success(
                later.append).run()
            qtbot.waitUntil(lambda: bool(later), timeout=10_000)
            assert len(seen) == 1 and not boxes  # asked once, no error shown
        window.close()
    finally:
        startup.shutdown()
        # the server's password as it now is, and the calls still on their way answered
        # here (not in the next test, with a box nobody closes)
        desk.keep_password(NEW)
        QThreadPool.globalInstance().waitForDone(20_000)
        qtbot.wait(300)
