"""The shared file as a person at the main window meets it: where it is and "busy,
retrying…" in the status bar while another process holds the write lock; maintenance by
another workstation shown and its refusal in the form; a file that can only be read opens
read-only and says why; backups and the check from the administration window; a restore
there reopens the file and keeps what was typed in the open tabs. Real files, real
processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.services.incident.log import add_note
from tests.conftest import PASSWORD, Org
from tests.stations.processes import HOLD_WRITE_LOCK, Workstation, expect_line, finish, spawn_python
from tests.stations.readonly import read_only
from tests.ui.forms.test_log_form import fill_required, pick_caller
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, context_for, english
from tests.ui.test_startup import _stop_dialog_drivers, when_shown
from ui.admin.window import AdminWindow
from ui.incident.log_form import LogIncidentForm
from ui.incident.view import IncidentView
from ui.main_window import MainWindow
from ui.startup.flow import Startup
from ui.startup.sign_in import SignInDialog

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["_stop_dialog_drivers", "app_settings", "english"]


def open_window(qtbot: QtBot, org: Org, username: str, *, watch: bool = False) -> MainWindow:
    window = MainWindow(context_for(org, username), watch=watch)
    qtbot.addWidget(window)
    window.resize(1300, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def windows(qtbot: QtBot, app_settings: Path, english: None) -> Iterator[list[MainWindow]]:
    """Windows a test opened, closed at its end (their heartbeat and watcher stop)."""
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        if window.isVisible():
            window.close()


def log_form(qtbot: QtBot, window: MainWindow, org: Org) -> LogIncidentForm:
    qtbot.waitUntil(lambda: window.may_log, timeout=5000)
    window.log_incident()
    form = window.tabs.currentWidget()
    assert isinstance(form, LogIncidentForm)
    qtbot.waitUntil(lambda: form.ready, timeout=5000)
    pick_caller(qtbot, form, "Zhang")
    fill_required(form, org)
    form.description.setPlainText("Paper stuck in tray 2")
    return form


def typed(form: LogIncidentForm) -> tuple[str, str, str]:
    return form.caller.edit.text(), form.title.text(), form.description.toPlainText()


def incident_count(org: Org) -> int:
    return org.store.execute("SELECT count(*) FROM incident")[0][0]


def test_status_bar_shows_the_disk_once_and_busy_while_another_process_holds_the_lock(
        qtbot: QtBot, org: Org, windows: list[MainWindow]) -> None:
    window = open_window(qtbot, org, "desk")
    windows.append(window)
    status = window.status
    assert status.share.text.text().startswith("Local disk (")
    assert status.storage.location_label.isHidden()  # one location indicator, not two
    assert status.storage.busy_label.isHidden() and status.storage.read_only_label.isHidden()
    form = log_form(qtbot, window, org)
    before = typed(form)
    holder = spawn_python(HOLD_WRITE_LOCK, org.path)
    expect_line(holder, "held")
    try:
        form.submit()
        qtbot.waitUntil(lambda: status.storage.busy_label.isVisible(), timeout=15000)
        assert status.storage.busy_label.text().startswith(
            "The database is busy, retrying… (")
        assert typed(form) == before and not form.save_button.isEnabled()
        assert incident_count(org) == 0
    finally:
        finish(holder)
    qtbot.waitUntil(lambda: incident_count(org) == 1, timeout=20000)
    qtbot.waitUntil(lambda: status.storage.busy_label.isHidden(), timeout=5000)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), IncidentView),
                    timeout=5000)


def test_a_file_on_a_network_share_says_so_with_the_lock_self_test(
        qtbot: QtBot, org: Org, windows: list[MainWindow]) -> None:
    """No share can be mounted here: the lock self-test runs for real on the folder (as on
    a share), and the location is the one opening would find on an SMB mount."""
    from dataclasses import replace

    from desk_app.storage.opening import open_store

    org.store.close()
    org.store = open_store(org.path, lock_test="always", daily_backup=False)
    report = org.store.report
    assert report is not None and report.lock_test is not None
    report.location = replace(report.location, network=True, filesystem="cifs")
    window = open_window(qtbot, org, "desk")
    windows.append(window)
    share = window.status.share
    assert share.text.text() == "Network share (cifs)"
    assert share.toolTip().splitlines() == [
        "The file is on a network share: other workstations use it at the same time. "
        "Changes they make appear here within a few seconds.",
        "Lock self-test: file locks work on this folder"]
    window.set_language("zh")
    assert share.text.text() == "网络共享（cifs）"
    assert share.toolTip().splitlines()[1] == "文件锁自检:该文件夹上的文件锁工作正常"
    window.set_language("en")


def test_maintenance_by_another_workstation_is_shown_and_refuses_saving(
        qtbot: QtBot, org: Org, windows: list[MainWindow]) -> None:
    org.log()
    window = open_window(qtbot, org, "desk", watch=True)
    windows.append(window)
    maintenance = window.status.storage.maintenance_label
    form = log_form(qtbot, window, org)
    before = typed(form)
    other = Workstation(org.path, "desk2")
    try:
        assert other.ask("maintain restore") == "ok"
        form.submit()
        qtbot.waitUntil(lambda: "restoring the database" in form.bar.text(), timeout=10000)
        assert form.bar.text().startswith("desk2 on ws-desk2 is restoring the database from "
                                          "a backup. Nothing was saved; your work is kept.")
        assert typed(form) == before and form.save_button.isEnabled()
        # the refusal made the window ask at once (its heartbeat would, within 30 s)
        qtbot.waitUntil(maintenance.isVisible, timeout=10000)
        assert maintenance.text() == ("desk2 on ws-desk2 is restoring the database from a "
                                      "backup; saving waits until it ends")
        rows = org.store.execute("SELECT state FROM presence WHERE username = 'desk'")
        assert rows == [("released",)]  # this workstation has let go
        assert other.ask("end") == "ok"
        assert window.keeper is not None
        window.keeper.beat()
        qtbot.waitUntil(lambda: maintenance.isHidden(), timeout=10000)
    finally:
        other.close()
    with qtbot.waitSignal(form.logged, timeout=10000):
        form.submit()  # saved again once the maintenance is over
    assert incident_count(org) == 2


def test_a_file_that_can_only_be_read_opens_read_only_and_says_why(
        qtbot: QtBot, org: Org, app_settings: Path, english: None) -> None:
    org.store.close()

    def sign_in_as_desk(dialog: SignInDialog) -> None:
        dialog.username.setText("desk")
        dialog.password.setText(PASSWORD)
        dialog.try_sign_in()

    with read_only(org.path):
        when_shown(SignInDialog, sign_in_as_desk)  # type: ignore[arg-type]
        startup = Startup(database=org.path, language="en")
        try:
            assert startup.start()
            window = startup.window
            assert window is not None and window.read_only
            assert window.notice.text() == (
                "This database is open read-only: the file is read-only for your account. "
                "You can look at everything, but nothing can be saved here.")
            storage = window.status.storage
            assert storage.read_only_label.isVisible()
            assert storage.read_only_label.text() == "Read-only"
            assert "read-only for your account" in storage.read_only_label.toolTip()
            qtbot.waitUntil(lambda: window.may_log, timeout=5000)
            assert window.log_action.isVisible() and not window.log_action.isEnabled()
            assert "nothing can be saved" in window.log_action.toolTip()
            assert window.escalations.timer is None  # the round writes: not from here
            window.close()
        finally:
            startup.shutdown()


def test_backup_and_check_from_the_administration_window(
        qtbot: QtBot, org: Org, windows: list[MainWindow]) -> None:
    org.log()
    window = open_window(qtbot, org, "owner")
    windows.append(window)
    qtbot.waitUntil(lambda: window.may_administer, timeout=5000)
    window.admin_action.trigger()
    admin = window._admin
    assert isinstance(admin, AdminWindow)
    admin.show_page("database")
    page = admin.pages["database"]
    assert admin.tabs.tabText(admin.tabs.currentIndex()) == "Database file"
    panel = page.panel  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: panel.keep_version is not None, timeout=5000)
    panel.backup_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    assert panel.table.item(0, 1).text() == "manual"
    assert "Backed up to" in panel.output.toPlainText()
    panel.check_button.click()
    qtbot.waitUntil(lambda: "No problems found" in panel.output.toPlainText(), timeout=10000)
    assert "SQLite integrity check: ok." in panel.output.toPlainText()


def test_the_database_page_is_the_process_owners(qtbot: QtBot, org: Org,
                                                  windows: list[MainWindow]) -> None:
    window = open_window(qtbot, org, "desk")
    windows.append(window)
    qtbot.waitUntil(lambda: window.may_manage_callers, timeout=5000)
    window.callers_action.trigger()
    assert isinstance(window._admin, AdminWindow)
    assert "database" not in window._admin.pages


def test_a_restore_from_the_window_reopens_the_file_and_keeps_open_tabs(
        qtbot: QtBot, org: Org, windows: list[MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    incident = org.log()
    window = open_window(qtbot, org, "owner", watch=True)
    windows.append(window)
    qtbot.waitUntil(lambda: org.store.execute(
        "SELECT count(*) FROM presence WHERE username = 'owner'")[0][0] == 1, timeout=10000)
    view = window.open_incident(incident)
    assert isinstance(view, IncidentView)
    qtbot.waitUntil(lambda: view.loaded, timeout=20000)
    view.timeline.note.setPlainText("typed before the restore")

    qtbot.waitUntil(lambda: window.may_administer, timeout=5000)
    window.admin_action.trigger()
    admin = window._admin
    assert isinstance(admin, AdminWindow)
    panel = admin.pages["database"].panel  # type: ignore[attr-defined]
    panel.backup_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    add_note(org.as_("desk"), incident, "saved after the backup")
    panel.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    old_store = window.context.session.store
    # the window's own heartbeat is not waited for: the restore is done in seconds, not
    # after the 75 s a workstation that does not let go is given
    with qtbot.waitSignal(window.store_reopened, timeout=20000) as reopened:
        panel.restore_button.click()
    new_store = reopened.args[0]
    assert new_store is window.context.session.store and new_store is not old_store
    assert window.context.session.username == "owner"
    assert window.notice.text() == ("The database was opened again after a restore. Check "
                                    "what you were editing and save it again.")
    assert window.tabs.indexOf(view) > 0
    assert view.timeline.note.toPlainText() == "typed before the restore"
    notes = new_store.execute("SELECT note FROM journal WHERE action = 'note'")
    assert notes == []  # the note saved after the backup went with the restore
    # the view reads the incident again from the reopened file; a person can add the note
    # once its button is enabled again (a click before that does nothing)
    def notes_shown() -> list[str]:
        return [e.note for e in view.timeline.model.rows if e.action == "note"]

    # (the view may or may not have shown the note saved after the backup before the restore;
    # it is gone once the view has read the restored file)
    qtbot.waitUntil(lambda: notes_shown() == [] and view.timeline.add_button.isEnabled(),
                    timeout=10000)
    view.timeline.add()
    qtbot.waitUntil(lambda: notes_shown() == ["typed before the restore"], timeout=10000)
    notes = new_store.execute("SELECT note FROM journal WHERE action = 'note'")
    assert notes == [("typed before the restore",)]
    presence = new_store.execute("SELECT token FROM presence WHERE username = 'owner'")
    assert (new_store.token,) in presence  # this workstation announced itself again


def test_a_restore_by_another_workstation_is_heard_and_the_next_save_works(
        qtbot: QtBot, org: Org, windows: list[MainWindow]) -> None:
    """Another workstation restored the file: this window's next save is refused with the
    reason, the window opens the file again, and saving again works, input kept."""
    from desk_app.storage.backup import take_backup
    from desk_app.storage.restore import restore_backup

    org.log()
    backup = take_backup(org.store, "manual").path
    window = open_window(qtbot, org, "desk")
    windows.append(window)
    form = log_form(qtbot, window, org)
    before = typed(form)
    restore_backup(org.path, backup, release_timeout=1, poll=0.1)
    window.context.session.store.bind()
    with qtbot.waitSignal(window.store_reopened, timeout=20000):
        form.submit()
    assert "restored from a backup after this program opened it" in form.bar.text()
    assert typed(form) == before
    with qtbot.waitSignal(form.logged, timeout=10000):
        form.submit()
    count = window.context.session.store.execute("SELECT count(*) FROM incident")
    assert count == [(2,)]


def test_a_window_that_only_reads_hears_of_a_restore_by_its_heartbeat(
        qtbot: QtBot, org: Org, windows: list[MainWindow]) -> None:
    from desk_app.storage.backup import take_backup
    from desk_app.storage.restore import restore_backup

    backup = take_backup(org.store, "manual").path
    org.log(title="logged after the backup")
    window = open_window(qtbot, org, "net1", watch=True)
    windows.append(window)
    assert window.keeper is not None
    qtbot.waitUntil(lambda: org.store.execute(
        "SELECT count(*) FROM presence WHERE username = 'net1'")[0][0] == 1, timeout=10000)
    # another workstation restores, not waiting for this one (which writes nothing)
    restore_backup(org.path, backup, release_timeout=0.3, poll=0.1, force=True)
    with qtbot.waitSignal(window.store_reopened, timeout=20000) as reopened:
        window.keeper.beat()  # what the timer does every 30 s
    assert reopened.args[0].execute("SELECT count(*) FROM incident") == [(0,)]
    assert window.keeper.store is reopened.args[0]
