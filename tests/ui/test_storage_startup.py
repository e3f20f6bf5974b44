"""Starting the program on a file that is not simply fine: a damaged file offers its latest
good backup and the program opens once it is back; a file from a newer program says which
version to install and opens nothing; a file another workstation is upgrading says so while
it waits, then opens. Real files and, for the upgrade, a real second process."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from desk_app.storage.backup import take_backup
from desk_app.storage.chain import register_sqlite
from desk_app.storage.migrations import LATEST
from tests.conftest import PASSWORD, Org
from tests.core.storage.test_deferred_checks import pages_of
from tests.core.storage.test_write_errors import damage
from tests.helpers import old_schema
from tests.stations.processes import HOLD_WRITE_LOCK, expect_line, finish, spawn_python
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, english
from ui.startup.flow import Startup
from ui.startup.sign_in import SignInDialog
from ui.storage.restore_offer import RestoreOfferDialog

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


class Person:
    """Answers the modal dialogs of the start as they come up: ``on(kind, act)`` runs
    ``act`` on a visible modal dialog of ``kind`` once ``act`` returns True (it may wait
    for the dialog to be ready by returning False)."""

    def __init__(self) -> None:
        self.acts: list[tuple[type, Callable[[QWidget], bool]]] = []
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(50)

    def on(self, kind: type, act: Callable[[QWidget], bool]) -> None:
        self.acts.append((kind, act))

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        for entry in list(self.acts):
            kind, act = entry
            if isinstance(widget, kind) and widget.isVisible() and act(widget):
                self.acts.remove(entry)
                return

    def stop(self) -> None:
        self.timer.stop()


def sign_in_as_desk(dialog: QWidget) -> bool:
    assert isinstance(dialog, SignInDialog)
    dialog.username.setText("desk")
    dialog.password.setText(PASSWORD)
    dialog.try_sign_in()
    return True


def damage_table(org: Org, table: str, *, backup: bool) -> None:
    """Ten incidents (with the day's backup, if asked), then one page of ``table`` damaged."""
    for n in range(10):
        org.log(title=f"incident {n}", description="x" * 2000)
    if backup:
        take_backup(org.store, "daily")
    org.store.close()
    page = pages_of(org.path, table)[-1]
    damage(org.path, range(page, page + 1))


@pytest.mark.parametrize("table", ["user", "journal"])
def test_a_damaged_file_offers_its_latest_good_backup_and_opens_after_restoring(
        qtbot: QtBot, org: Org, app_settings: Path, english: None, table: str) -> None:
    """Damage to a table everyone needs (users) is found before sign-in; damage to one that
    grows with the incidents (the journal) just after the window shows, by its background
    check: either way the offer comes, and the restored file is what the window works on."""
    damage_table(org, table, backup=True)
    person = Person()
    offered: list[str] = []

    def restore(dialog: QWidget) -> bool:
        assert isinstance(dialog, RestoreOfferDialog)
        if not dialog.restore_button.isEnabled():
            return False  # still looking for the latest good backup
        offered.append(dialog.offer_label.text())
        dialog.restore_button.click()
        return True

    person.on(RestoreOfferDialog, restore)
    person.on(SignInDialog, sign_in_as_desk)
    startup = Startup(database=org.path, language="en")
    try:
        assert startup.start()
        window = startup.window
        assert window is not None and window.isVisible()
        if table == "journal":  # offered over the window, which then opens the file again
            with qtbot.waitSignal(window.store_reopened, timeout=20_000):
                pass
        assert offered and offered[0].startswith("Latest good backup: ")
        assert startup.store is not None and startup.store is window.context.session.store
        count = startup.store.execute("SELECT count(*) FROM incident")
        assert count == [(10,)]
        kept = list((org.path.parent / "desk-backups").glob("desk-damaged-*.sqlite"))
        assert len(kept) == 1  # the damaged bytes, for whoever investigates
        window.close()
    finally:
        person.stop()
        startup.shutdown()


def test_a_damaged_file_kept_by_choice_says_so_over_the_window(
        qtbot: QtBot, org: Org, app_settings: Path, english: None) -> None:
    damage_table(org, "journal", backup=False)
    person = Person()

    def decline(dialog: QWidget) -> bool:
        assert isinstance(dialog, RestoreOfferDialog)
        dialog.cancel_button.click()
        return True

    person.on(RestoreOfferDialog, decline)
    person.on(SignInDialog, sign_in_as_desk)
    startup = Startup(database=org.path, language="en")
    try:
        assert startup.start()
        window = startup.window
        assert window is not None
        with qtbot.waitSignal(window.file_check.finished, timeout=20_000):
            pass
        assert window.notice.kind == "error"
        assert window.notice.text().startswith("This database file is damaged: ")
        window.close()
    finally:
        person.stop()
        startup.shutdown()


def test_a_file_from_a_newer_program_says_so_and_opens_nothing(
        qtbot: QtBot, org: Org, app_settings: Path, english: None) -> None:
    org.store.close()
    conn = sqlite3.connect(org.path)
    register_sqlite(conn)  # the hash chain's triggers fire on the setting below
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.execute("INSERT INTO setting (key, version, value) VALUES "
                 "('upgraded_by_program', 1, '9.0.0') ON CONFLICT (key) DO UPDATE "
                 "SET value = '9.0.0'")
    conn.commit()
    conn.close()
    person = Person()
    said: list[tuple[str, int]] = []

    def read_and_close(box: QWidget) -> bool:
        assert isinstance(box, QMessageBox)
        said.append((box.text(), len(box.buttons())))
        box.button(QMessageBox.StandardButton.Ok).click()
        return True

    person.on(QMessageBox, read_and_close)
    startup = Startup(database=org.path, language="zh")
    try:
        assert not startup.start()
    finally:
        person.stop()
        startup.shutdown()
    assert len(said) == 1
    message, buttons = said[0]
    assert f"结构版本 {LATEST + 1}" in message and "请安装 desk-app 9.0.0 或更新版本" in message
    assert buttons == 1  # no "Retry": only a newer program can open it


def test_waiting_for_another_workstations_upgrade_says_so_then_opens(
        qtbot: QtBot, org: Org, app_settings: Path, english: None) -> None:
    org.store.close()
    old_schema(org.path, 3)
    holder = spawn_python(HOLD_WRITE_LOCK, org.path)  # as an upgrading workstation does
    expect_line(holder, "held")
    person = Person()
    labels: list[str] = []

    def watch_then_release(dialog: QWidget) -> bool:
        assert isinstance(dialog, QProgressDialog)
        if "upgrading" not in dialog.labelText():
            return False
        labels.append(dialog.labelText())
        finish(holder)  # the upgrade is over: the lock comes free
        return True

    person.on(QProgressDialog, watch_then_release)
    person.on(SignInDialog, sign_in_as_desk)
    startup = Startup(database=org.path, language="en")
    try:
        assert startup.start()
        assert labels == ["Another workstation is upgrading the database; waiting…"]
        assert startup.store is not None and startup.store.user_version() == LATEST
        assert startup.window is not None
        startup.window.close()
    finally:
        person.stop()
        if holder.poll() is None:
            finish(holder)
        startup.shutdown()
