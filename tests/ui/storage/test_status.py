"""The status-bar indicator: where the file is, read-only and why, busy while a write waits
for another workstation (reported from the worker thread), maintenance by someone else."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from desk_app.storage.events import BusyEvent
from desk_app.storage.file_opening import OpenReport
from desk_app.storage.filesystem import Location
from desk_app.storage.opening import open_store
from desk_app.storage.presence import Visitor, begin_maintenance, maintenance_state
from tests.conftest import Org
from ui.storage.status import StorageStatus


def test_shows_where_the_file_is(org: Org, qtbot: QtBot) -> None:
    status = StorageStatus(org.store, "en")
    qtbot.addWidget(status)
    assert status.location_label.text().startswith("Local disk (")
    assert str(org.path) in status.location_label.toolTip()
    assert status.read_only_label.isHidden() and status.busy_label.isHidden()


def test_a_network_share_opened_read_only_says_why(org: Org, qtbot: QtBot,
                                                   chinese: None) -> None:
    store = open_store(org.path, read_only=True)
    store.report = OpenReport(Location(Path(org.path), True, "cifs"),
                              read_only_reason="storage.readonly.locks")
    store.read_only_reason = "storage.readonly.locks"
    status = StorageStatus(store, "zh")
    qtbot.addWidget(status)
    assert status.location_label.text() == "网络共享(cifs)"
    assert status.read_only_label.text() == "只读"
    assert "文件锁不起作用" in status.read_only_label.toolTip()
    store.close()


def test_busy_message_while_a_worker_thread_waits(org: Org, qtbot: QtBot) -> None:
    status = StorageStatus(org.store, "zh")
    qtbot.addWidget(status)
    event = BusyEvent(org.path, 2, 8, 1.5, "retrying")
    with qtbot.waitSignal(status.bridge.busy):
        threading.Thread(target=org.store.events.emit, args=(event,)).start()
    assert status.busy_label.text() == "数据库正忙,正在重试……(2/8)"
    assert not status.busy_label.isHidden()
    with qtbot.waitSignal(status.bridge.busy):
        threading.Thread(target=org.store.events.emit,
                         args=(BusyEvent(org.path, 3, 8, 2.0, "cleared"),)).start()
    assert status.busy_label.isHidden()


def test_maintenance_by_someone_else(org: Org, qtbot: QtBot) -> None:
    other = open_store(org.path, daily_backup=False)
    begin_maintenance(other, "restore", Visitor(username="owner", workstation="ws-admin"))
    org.store.bind()
    status = StorageStatus(org.store, "en")
    qtbot.addWidget(status)
    status.show_maintenance(maintenance_state(org.store))
    assert status.maintenance_label.text() == (
        "owner on ws-admin is restoring the database from a backup; saving waits until it ends")
    assert "Nothing was saved" in status.maintenance_label.toolTip()
    status.show_maintenance(None)
    assert status.maintenance_label.isHidden()
    other.close()
    org.store.bind()
