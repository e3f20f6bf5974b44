"""The workstation opens, backs up and restores a file whose folder has an awkward name —
``#``, ``%20``, ``?``, spaces, Chinese — through its own screens: the start-up with the
sign-in, then Administration → Database (back up now, restore the selected backup), and the
data survives each step. A ``#`` once cut the SQLite URI short and a restore left the file
with no tables; ``%20`` made good backups look damaged (``docs/reliability.md``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.services.incident.log import add_note
from desk_app.storage.backup import list_backups
from desk_app.storage.uri import sqlite_uri
from tests.conftest import PASSWORD, Org
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, english
from tests.ui.test_startup import _stop_dialog_drivers, when_shown
from ui.admin.window import AdminWindow
from ui.startup.flow import Startup
from ui.startup.sign_in import SignInDialog

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["_stop_dialog_drivers", "app_settings", "english"]

FOLDERS = ["IT#Desk", "desk%20share", "why?not", "IT desk files", "服务台 数据"]


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("folder", FOLDERS)
def test_open_back_up_and_restore_in_an_awkward_folder_keep_the_data(
        qtbot: QtBot, org: Org, tmp_path: Path, app_settings: Path, english: None,
        monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    incident = org.log(title="Printer on floor 3")
    org.store.close()
    place = tmp_path / "share" / folder
    place.mkdir(parents=True)
    path = place / "desk.sqlite"
    path.write_bytes(org.path.read_bytes())

    def sign_in_as_owner(dialog: SignInDialog) -> None:
        dialog.username.setText("owner")
        dialog.password.setText(PASSWORD)
        dialog.try_sign_in()

    when_shown(SignInDialog, sign_in_as_owner)  # type: ignore[arg-type]
    startup = Startup(database=path, language="en")
    try:
        assert startup.start()  # opened through the start-up and the sign-in
        window = startup.window
        assert window is not None
        assert window.context.session.store.path == path
        qtbot.waitUntil(lambda: window.may_administer, timeout=10000)
        window.admin_action.trigger()
        admin = window._admin
        assert isinstance(admin, AdminWindow)
        panel = admin.pages["database"].panel  # type: ignore[attr-defined]
        qtbot.waitUntil(panel.backup_button.isEnabled, timeout=30000)
        panel.backup_button.click()  # Administration → Database → back up now

        def manual_row() -> int | None:
            """The row of the manual backup (the day's, taken after the open by the deferred
            checks, may be listed before or after it)."""
            return next((r for r in range(panel.table.rowCount())
                         if panel.table.item(r, 1).text() == "manual"), None)

        def kinds() -> set[str]:
            return {panel.table.item(r, 1).text() for r in range(panel.table.rowCount())}

        # both listed: the list is not read again under the selection below
        qtbot.waitUntil(lambda: kinds() == {"daily", "manual"}, timeout=30000)
        row = manual_row()
        (backup,) = [b for b in list_backups(path) if b.kind == "manual"]
        assert backup.path.parent.parent == place  # beside the file, in its own folder
        assert all(_rows(b.path, "PRAGMA quick_check") == [("ok",)]
                   for b in list_backups(path))

        add_note(window.context.session, incident, "saved after the backup")
        assert row is not None
        panel.table.selectRow(row)
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
        with qtbot.waitSignal(window.store_reopened, timeout=30000) as reopened:
            panel.restore_button.click()  # restore the selected backup
        store = reopened.args[0]
        assert store.path == path
        assert store.execute("SELECT title FROM incident WHERE id = ?", (incident,)) == [
            ("Printer on floor 3",)]
        assert store.execute("SELECT count(*) FROM journal WHERE action = 'note'") == [(0,)]
        assert store.execute("SELECT count(*) FROM user")[0][0] > 0
        assert _rows(path, "PRAGMA integrity_check") == [("ok",)]
        # nothing was opened or made anywhere else (a cut-off URI names another file)
        assert sorted(p.name for p in (tmp_path / "share").iterdir()) == [folder]
    finally:
        if startup.window is not None:
            startup.window.close()
        startup.shutdown()
