"""Another workstation writes to the shared file: within a couple of seconds this one's
queues and counts show it (PRAGMA data_version, polled off the GUI thread)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

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
from ui.main_window import MainWindow
from ui.operations import ChangeHub
from ui.watcher import DataVersionWatcher

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]

OTHER_WORKSTATION = textwrap.dedent("""
    import sys
    from desk_app.services.incident.log import NewIncident, log_incident
    from desk_app.services.session import session_for
    from desk_app.storage.opening import open_store
    store = open_store(sys.argv[1])
    desk = session_for(store, "desk")
    log_incident(desk, NewIncident(caller_id=int(sys.argv[2]), type="system_fault",
                                   category_id=int(sys.argv[3]), impact=3,
                                   title="来自另一台工作站 / from another workstation"))
    store.close()
""")


def _write_from_another_process(org: Org) -> None:
    subprocess.run([sys.executable, "-c", OTHER_WORKSTATION, str(org.path),
                    str(org.ids["caller"]), str(org.ids["cat_network"])], check=True,
                   timeout=60)


def test_watcher_hears_a_commit_from_another_process(qtbot: QtBot, org: Org) -> None:
    hub = ChangeHub()
    watcher = DataVersionWatcher(org.path, hub, interval_ms=200)
    watcher.start()
    try:
        qtbot.waitUntil(lambda: watcher._last is not None, timeout=3000)
        with qtbot.assertNotEmitted(hub.external, wait=600):
            pass  # nobody writes: nothing to hear
        with qtbot.waitSignal(hub.external, timeout=5000):
            _write_from_another_process(org)
    finally:
        watcher.stop()


def test_open_queue_and_counts_follow_another_workstation(qtbot: QtBot, org: Org,
                                                          app_settings: object,
                                                          english: None) -> None:
    window = MainWindow(context_for(org, "net1"))
    qtbot.addWidget(window)
    window.show()
    window.show_queue(Queue.UNASSIGNED)
    qtbot.waitUntil(lambda: window.queue_view.model.queue == Queue.UNASSIGNED)
    wait_loaded(qtbot, window.queue_view.model)
    qtbot.waitUntil(lambda: window.navigator.list_model.counts.get(Queue.UNASSIGNED) == 0)
    assert window.queue_view.model.rowCount() == 0
    _write_from_another_process(org)
    qtbot.waitUntil(lambda: window.queue_view.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.navigator.list_model.counts[Queue.UNASSIGNED] == 1,
                    timeout=5000)
    wait_loaded(qtbot, window.queue_view.model)
    row = window.queue_view.model.cached(window.queue_view.model.ids[0])
    assert row is not None and row.title.startswith("来自另一台工作站")
    window.close()
