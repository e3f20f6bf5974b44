"""What the UI's benchmarks share: a Qt application (offscreen), a session for a busy
support engineer, and waiting for a queue table's first page as a person waits for it.

Imported only by benchmarks registered with ``needs_ui=True`` (the suite skips those where
PySide6 cannot start), so the core's benchmarks run without Qt.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from desk_app.clock import FakeClock
from desk_app.services.session import Session, session_for
from desk_app.storage.database import Store

#: Rows of a first page: what a person sees and scrolls through at once.
FIRST_PAGE = 100


def application() -> QApplication:
    """The process's QApplication, offscreen unless a platform was chosen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(["bench"])
    return app


def busy_engineer(store: Store) -> str:
    """The support engineer with the most open incidents assigned (My work and My groups
    are measured for them: a desk user's own queue is nearly empty)."""
    rows = store.execute(
        "SELECT u.username FROM incident i JOIN user u ON u.id = i.assignee_id"
        " WHERE i.stage IN ('assigned', 'in_progress') AND EXISTS"
        " (SELECT 1 FROM group_member m WHERE m.user_id = u.id)"
        " GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1")
    return str(rows[0][0]) if rows else "owner"


def session(store: Store, username: str, now: str) -> Session:
    return session_for(store, username, FakeClock(now))


def first_page_ready(model: object, expected: int, rows: int = FIRST_PAGE) -> bool:
    """Whether the queue model has the data of its first ``rows`` rows (of ``expected``)
    at its current generation, asking for them as a table on screen would."""
    wanted = min(rows, expected)
    if model.rowCount() < wanted:  # type: ignore[attr-defined]
        return False
    for row in range(wanted):  # a view asks for the rows it shows
        model.data(model.index(row, 0))  # type: ignore[attr-defined]
    return bool(model.is_loaded(0, wanted - 1)) if wanted else not model.refreshing  # type: ignore[attr-defined]


def wait_first_page(model: object, expected: int, rows: int = FIRST_PAGE,
                    timeout: float = 60.0) -> None:
    """Run the event loop until ``first_page_ready``; checked at every signal the model
    gives (reset, rows inserted, ids or rows arrived), never by polling."""
    loop = QEventLoop()
    deadline = time.monotonic() + timeout

    def check(*_: object) -> None:
        if first_page_ready(model, expected, rows):
            loop.quit()

    signals = [model.modelReset, model.rowsInserted, model.dataChanged,  # type: ignore[attr-defined]
               model.loaded, model.rows_loaded]  # type: ignore[attr-defined]
    for signal in signals:
        signal.connect(check)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(int(timeout * 1000))
    try:
        # a reply already queued behind the one that made the page ready is delivered
        # before the loop returns; the loop runs again if it changed the page
        while not first_page_ready(model, expected, rows) and time.monotonic() < deadline:
            loop.exec()
    finally:
        guard.stop()
        for signal in signals:
            signal.disconnect(check)
    if time.monotonic() > deadline or not first_page_ready(model, expected, rows):
        raise TimeoutError(f"the first page did not arrive in {timeout} s")


def rss_bytes() -> int:
    """Resident set size of this process now (Linux ``/proc``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise OSError("no VmRSS in /proc/self/status")


def settle(model: object) -> None:
    """Until the model has read everything it asked for (its whole id list included), so
    that no read of one measurement runs into the next."""
    from ui.reading import read_pool

    while model.refreshing or read_pool().activeThreadCount():  # type: ignore[attr-defined]
        read_pool().waitForDone(50)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    QCoreApplication.processEvents()
