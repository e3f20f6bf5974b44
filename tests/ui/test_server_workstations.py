"""Two workstations on one server: a change made by the other appears here at once, told by
the server (LISTEN/NOTIFY) rather than found by polling."""

from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot

from desk_app.services.lists.queues import Queue
from tests.conftest import Org
from tests.ui.shell_fixtures import (
    FAIL_ON_QT_WARNINGS,
    app_settings,
    context_for,
    english,
    wait_loaded,
)
from tests.ui.test_other_workstations import _write_from_another_process
from ui.main_window import MainWindow
from ui.operations import ChangeHub
from ui.server_watcher import NotifyWatcher, watcher_for

pytestmark = FAIL_ON_QT_WARNINGS
ON_A_SERVER = pytest.mark.parametrize("database_kind", ["server"], indirect=True)
__all__ = ["app_settings", "english"]


@ON_A_SERVER
def test_the_server_tells_the_watcher_of_another_workstations_commit(
        qtbot: QtBot, org: Org) -> None:
    hub = ChangeHub()
    watcher = watcher_for(org.store, hub)
    assert isinstance(watcher, NotifyWatcher)
    watcher.start()
    try:
        with qtbot.assertNotEmitted(hub.external, wait=600):
            pass  # nobody writes: nothing to hear
        with qtbot.waitSignal(hub.external, timeout=5000):
            _write_from_another_process(org)
    finally:
        watcher.stop()


@ON_A_SERVER
def test_open_queue_follows_another_workstation_on_the_server(
        qtbot: QtBot, org: Org, app_settings: object, english: None) -> None:
    window = MainWindow(context_for(org, "net1"))
    qtbot.addWidget(window)
    window.show()
    assert isinstance(window.watcher, NotifyWatcher)
    window.show_queue(Queue.UNASSIGNED)
    qtbot.waitUntil(lambda: window.queue_view.model.queue == Queue.UNASSIGNED)
    wait_loaded(qtbot, window.queue_view.model)
    assert window.queue_view.model.rowCount() == 0
    _write_from_another_process(org)
    written = time.monotonic()
    qtbot.waitUntil(lambda: window.queue_view.model.rowCount() == 1, timeout=5000)
    # how long the change took to show (reported, not asserted: shared machines vary)
    print(f"shown {time.monotonic() - written:.2f} s after the other workstation's commit")
    qtbot.waitUntil(lambda: window.navigator.list_model.counts[Queue.UNASSIGNED] == 1,
                    timeout=5000)
    wait_loaded(qtbot, window.queue_view.model)
    row = window.queue_view.model.cached(window.queue_view.model.ids[0])
    assert row is not None and row.title.startswith("来自另一台工作站")
    window.close()


@pytest.mark.parametrize("database_kind", ["file"], indirect=True)
def test_a_moved_file_says_where_the_data_lives_and_the_workstation_goes_there(
        qtbot: QtBot, org: Org, server_url: str, app_settings: object, english: None) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desk_app.storage.postgres.move import move
    from tests.ui.test_storage_startup import Person, sign_in_as_desk
    from ui import settings
    from ui.startup.flow import Startup
    from ui.startup.sign_in import SignInDialog

    org.log(title="before the move")
    org.store.close()
    move(org.path, server_url)
    person = Person()
    told: list[str] = []

    def acknowledge(box: object) -> bool:
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        box.accept()
        return True

    person.on(QMessageBox, acknowledge)
    person.on(SignInDialog, sign_in_as_desk)
    startup = Startup(database=org.path, language="en")
    try:
        assert startup.start()
        assert told and "moved to the server" in told[0]
        store = startup.store
        assert store is not None and getattr(store, "kind", "") == "server"
        assert store.execute("SELECT title FROM incident") == [("before the move",)]
        last = settings.last_database()
        assert last is not None and str(last).startswith("postgresql:")
        assert startup.window is not None
        startup.window.close()
    finally:
        person.stop()
        startup.shutdown()
