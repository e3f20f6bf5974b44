"""After "Cancel" in the server-password dialog, the refusal is said once, where it stays:
a notice over the work area with the way to enter the password. The program's own calls
(refreshes, the heartbeat) then fail quietly, with no box each; a person's save opens the
dialog again and, cancelled, keeps every typed character; the password entered from the
notice, the notice goes and the same save goes through. On a real server whose password an
administrator changes (``ALTER ROLE … PASSWORD``), in English and Chinese."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.clock import FakeClock
from desk_app.storage.postgres.reach import create_database as create_server_database
from desk_app.storage.postgres.url import ServerAddress
from tests.conftest import PASSWORD, START, build_org
from tests.postgres import Server
from tests.server_users import SECRET, password_address
from tests.ui.forms.test_log_form import fill_required, pick_caller
from tests.ui.forms.test_storage_errors import typed
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, english
from tests.ui.test_server_password_changed import NEW, _change_password_and_drop_connections
from tests.ui.test_startup import _stop_dialog_drivers, when_shown
from ui.incident.log_form import LogIncidentForm
from ui.startup.flow import Startup
from ui.startup.server_password import ServerPasswordDialog
from ui.startup.sign_in import SignInDialog

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["_stop_dialog_drivers", "app_settings", "english"]

NOTICE = {"en": "refused this computer's password", "zh": "拒绝了本机保存的密码"}
REFUSED_ON_FORM = {"en": "refused the password", "zh": "拒绝了"}


@pytest.fixture
def team(pg_server: Server) -> tuple[ServerAddress, dict[str, int]]:
    """The tests' organisation on the server, in a database of a user who must give a
    password (``SECRET``); no password kept afterwards."""
    address = password_address(pg_server)
    address.use_password(SECRET, remember=False)
    create_server_database(address)
    built = build_org(Path(address.url()), FakeClock(START))
    built.store.close()
    address.forget_password()
    return address, built.ids


def _sign_in_as_desk(dialog: SignInDialog) -> None:
    dialog.username.setText("desk")
    dialog.password.setText(PASSWORD)
    dialog.try_sign_in()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_after_cancel_one_notice_no_boxes_and_the_password_entered_from_it(
        qtbot: QtBot, pg_server: Server, team: tuple[ServerAddress, dict[str, int]],
        app_settings: Path, english: None, language: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    address, ids = team
    address.keep_password(SECRET)
    when_shown(SignInDialog, _sign_in_as_desk)  # type: ignore[arg-type]
    startup = Startup(database=Path(address.url()), language=language)
    boxes: list[str] = []
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda _parent, _title, text, *_a, **_k: boxes.append(text))
    asked: list[str] = []

    def cancel(dialog: ServerPasswordDialog) -> None:
        asked.append("cancel")
        dialog.reject()

    def give_new(dialog: ServerPasswordDialog) -> None:
        asked.append("new")
        dialog.password.setText(NEW)
        dialog.try_password()

    class Org:  # what fill_required needs
        pass

    org = Org()
    org.ids = ids  # type: ignore[attr-defined]
    try:
        assert startup.start()
        window = startup.window
        assert window is not None and window.keeper is not None
        notice = window.password_again.notice
        qtbot.waitUntil(lambda: window.may_log, timeout=10_000)
        window.log_incident()
        form = window.tabs.currentWidget()
        assert isinstance(form, LogIncidentForm)
        qtbot.waitUntil(lambda: form.ready, timeout=10_000)
        pick_caller(qtbot, form, "Zhang")
        fill_required(form, org)
        form.description.setPlainText("打印机卡纸 Paper stuck in tray 2, since this morning")
        before = typed(form)
        qtbot.wait(200)  # the typing handled: what follows is the program's own

        _change_password_and_drop_connections(pg_server, address)
        when_shown(ServerPasswordDialog, cancel)  # type: ignore[arg-type]
        window.refresh()  # a refresh tick: refused, the dialog once, cancelled
        qtbot.waitUntil(lambda: bool(asked), timeout=30_000)
        qtbot.waitUntil(notice.isVisible, timeout=10_000)
        qtbot.wait(500)
        # a call whose connection the administrator ended in the middle of its transaction
        # was cut off (not refused): it may say so, once; that is not the refusal's noise
        assert all("password" not in box for box in boxes), boxes
        boxes.clear()
        for _tick in range(4):  # refreshes, another workstation's change, the heartbeat
            window.refresh()
            window.hub.external.emit()
            window.keeper.beat()
            qtbot.wait(400)
        QThreadPool.globalInstance().waitForDone(20_000)
        qtbot.wait(300)
        assert boxes == [] and asked == ["cancel"]  # one dialog, then quiet
        assert notice.isVisible() and NOTICE[language] in notice.text()
        assert address.user in notice.text()
        if os.environ.get("DESK_APP_SHOTS"):  # for a person to look at
            window.resize(1100, 700)
            qtbot.wait(200)
            window.grab().save(str(Path(os.environ["DESK_APP_SHOTS"])
                                   / f"server-password-notice-{language}.png"))

        # a person's save: the dialog again (cancelled): nothing typed is lost, no box
        when_shown(ServerPasswordDialog, cancel)  # type: ignore[arg-type]
        qtbot.mouseClick(form.save_button, qtbot_left())
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=30_000)
        qtbot.waitUntil(lambda: form.bar.text() != "" and form.save_button.isEnabled(),
                        timeout=10_000)
        assert REFUSED_ON_FORM[language] in form.bar.text()
        assert typed(form) == before and boxes == [] and notice.isVisible()

        # the password entered from the notice: it goes, and the same save goes through
        when_shown(ServerPasswordDialog, give_new)  # type: ignore[arg-type]
        qtbot.mouseClick(notice.button, qtbot_left())
        qtbot.waitUntil(lambda: len(asked) == 3, timeout=30_000)
        qtbot.waitUntil(lambda: not notice.isVisible(), timeout=10_000)
        with qtbot.waitSignal(form.logged, timeout=30_000):
            qtbot.mouseClick(form.save_button, qtbot_left())
        store = window.context.session.store
        assert store.execute("SELECT count(*) FROM incident WHERE description = ?",
                             (before[-1],))[0][0] == 1
        assert boxes == [] and asked == ["cancel", "cancel", "new"]
        # the logged incident's screen is reading: its answer comes before the window goes
        assert QThreadPool.globalInstance().waitForDone(30_000)
        qtbot.wait(300)
    finally:
        if startup.window is not None:
            startup.window.close()  # no dialog for the calls still on their way
        startup.shutdown()
        address.keep_password(NEW)
        QThreadPool.globalInstance().waitForDone(20_000)
        qtbot.wait(300)
        if startup.window is not None:
            # the window goes with what it owns (the caller box's completer popup, a
            # top-level widget that would otherwise be deleted twice as a leftover)
            startup.window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def qtbot_left() -> object:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
