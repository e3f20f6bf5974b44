"""The programs the start and memory benchmarks time, each in a process of its own:

    python bench/ui_child.py empty                       an empty QMainWindow, shown
    python bench/ui_child.py start FILE USER NOW ROWS SETTINGS
    python bench/ui_child.py scroll FILE USER NOW ROWS SETTINGS

(run as a file, not as ``-m bench.ui_child``: the empty window must not pay for importing
the ``bench`` package, which imports the program's storage).

``start`` is the program's own start (``ui.startup.flow.Startup``: translations, opening the
file on a worker thread, the main window, its queue), with the sign-in dialog answered by a
session for USER as ``ui/smoke.py`` does, and the clock at NOW (the generated file's "now",
so that the background escalation round finds what a desk would). It says ``ready`` once the
window is shown and its queue's first ROWS rows are read, then closes the window and waits
for what the program runs in the background after its start (the file's check and daily
backup), as quitting the program does. ``scroll`` then scrolls the queue from top to
bottom, one screen at a time, each screen's rows read before the next, and says how much
memory the process holds. ``empty`` says ``ready`` once its window is shown.

Every line on stdout is ``what value``: ``ready`` and the milestones carry
``time.monotonic_ns()`` (the same clock in every process), ``rss`` bytes.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

STARTED = time.monotonic_ns()


def say(what: str, value: int) -> None:
    print(f"{what} {value}", flush=True)


def rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _exposed(window: object) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    handle = window.windowHandle()  # type: ignore[attr-defined]
    deadline = time.monotonic() + 10
    while (handle is None or not handle.isExposed()) and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        handle = window.windowHandle()  # type: ignore[attr-defined]
    QCoreApplication.processEvents()  # its first paint


def empty() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(["desk-app"])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    _exposed(window)
    say("ready", time.monotonic_ns())
    say("rss", rss())
    window.close()
    app.quit()
    return 0


def start(path: str, username: str, now: str, rows: int, settings_file: str,
          scroll: bool = False) -> int:
    say("python", STARTED)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from desk_app.clock import FakeClock
    from desk_app.services.session import Session, session_for
    from ui import settings
    from ui.app import application
    from ui.startup.flow import Startup

    say("imports", time.monotonic_ns())

    class Started(Startup):
        """The program's start, signed in as ``username`` (no sign-in dialog)."""

        def _session(self, credentials: tuple[str, str] | None) -> Session | None:
            assert self.store is not None
            say("opened", time.monotonic_ns())
            return session_for(self.store, username, self.clock)

    settings.use_file(Path(settings_file))
    app = application()
    startup = Started(database=Path(path), language="en", clock=FakeClock(now))
    try:
        if not startup.start():
            return 1
        window = startup.window
        assert window is not None
        # the process owner starts on Reports (ui/shell/start.py): these figures are the queue's
        window.tabs.setCurrentWidget(window.queue_view)
        _exposed(window)
        say("shown", time.monotonic_ns())
        from bench.qt import wait_first_page

        wait_first_page(window.queue_view.model, rows)
        app.processEvents()  # the table paints the rows
        say("ready", time.monotonic_ns())
        if scroll:
            say("rss_shown", rss())
            _scroll_to_the_end(window)
            say("scrolled", time.monotonic_ns())
            say("rss_scrolled", rss())
            _idle(app)
            say("rss", rss())
        window.close()
        app.processEvents()
    finally:
        startup.shutdown()
    say("done", time.monotonic_ns())
    return 0


def _idle(app: object) -> None:
    """The program left alone after scrolling, as a person reads what they scrolled to: its
    timers run (among them the one that gives freed memory back, ``ui/memory.py``)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.memory import QUIET_MS

    loop = QEventLoop()
    QTimer.singleShot(QUIET_MS + 1000, loop.quit)
    loop.exec()


def _scroll_to_the_end(window: object) -> None:
    """One screen at a time, each screen's rows read before the next, as a person holding
    Page Down does, from the first row to the last."""
    from PySide6.QtCore import QEventLoop, QTimer

    from bench.qt import settle

    view = window.queue_view  # type: ignore[attr-defined]
    model, table = view.model, view.table
    settle(model)  # the whole id list is there
    bar = table.verticalScrollBar()
    viewport = table.viewport()
    loop = QEventLoop()

    def visible() -> tuple[int, int]:
        first = table.rowAt(0)
        last = table.rowAt(viewport.height() - 1)
        return first, (last if last >= 0 else model.rowCount() - 1)

    def shown() -> bool:
        first, last = visible()
        return first < 0 or model.is_loaded(first, last)

    def check(*_: object) -> None:
        if shown():
            loop.quit()

    model.rows_loaded.connect(check)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    value = 0
    while True:
        bar.setValue(value)
        viewport.repaint()  # the table asks for the rows it shows
        if not shown():
            guard.start(10_000)
            loop.exec()
            guard.stop()
        if value >= bar.maximum():
            break
        value = min(bar.maximum(), value + max(1, bar.pageStep()))
    model.rows_loaded.disconnect(check)


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if argv[0] == "empty":
        return empty()
    path, username, now, rows, settings_file = argv[1:6]
    return start(path, username, now, int(rows), settings_file, scroll=argv[0] == "scroll")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
