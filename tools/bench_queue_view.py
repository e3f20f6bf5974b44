"""Benchmark of the queue table in Qt on a large database (prints figures; asserts nothing).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/bench_queue_view.py [--file /tmp/bench.sqlite]

Uses the file tools/bench_queues.py builds (100,000 incidents). Times what a person feels:
switching queues (ids read and the visible rows painted), and scrolling a page, to the
middle and to the end (the rows that come into view read and painted), with the GUI
thread's longest stall measured by a 10 ms heartbeat timer.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from desk_app.services.queues import Queue
from desk_app.services.session import session_for
from desk_app.storage.opening import open_store
from ui import settings
from ui.context import UiContext
from ui.operations import ChangeHub
from ui.queue.view import QueueView


class Heartbeat:
    """The longest gap between 10 ms ticks: how long the GUI thread was busy at once."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.clock = QElapsedTimer()
        self.longest = 0
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest = 0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())


def wait(until, timeout: float = 20.0) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        QCoreApplication.processEvents()
        if until():
            break
        time.sleep(0.001)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=Path(tempfile.gettempdir()) / "bench.sqlite")
    args = parser.parse_args()
    app = QApplication([])
    settings.use_file(Path(tempfile.mkdtemp()) / "settings.ini")
    store = open_store(args.file)
    session = session_for(store, "liqiang")
    view = QueueView(UiContext(session, ChangeHub(), "zh"))
    view.resize(1400, 800)
    view.show()
    model, table = view.model, view.table
    beat = Heartbeat()

    def shown() -> bool:
        first = max(0, table.rowAt(0))
        last = table.rowAt(table.viewport().height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        app.processEvents()
        return not model.refreshing and model.is_loaded(first, last)

    print(f"{model.__class__.__name__} on {args.file}")
    for queue in [Queue.ALL, Queue.MY_GROUPS, Queue.ESCALATED, Queue.ALL]:
        beat.start()
        view.show_queue(queue)
        ms = wait(shown)
        print(f"  switch to {queue:<24} {model.rowCount():>7} rows  {ms:7.1f} ms to painted "
              f"rows; longest GUI stall {beat.longest} ms")
    bar = table.verticalScrollBar()
    times = []
    beat.start()
    for _ in range(20):
        bar.setValue(bar.value() + bar.pageStep())
        times.append(wait(shown))
    print(f"  page down ×20: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms "
          f"to painted rows; longest GUI stall {beat.longest} ms")
    for label, value in [("to the middle", bar.maximum() // 2), ("to the end", bar.maximum())]:
        beat.start()
        bar.setValue(value)
        ms = wait(shown)
        print(f"  jump {label:<14} {ms:7.1f} ms to painted rows; longest GUI stall "
              f"{beat.longest} ms")
    print(f"  rows cached: {len(model._cache)} of {model.rowCount()}")
    view.close()
    store.close()


if __name__ == "__main__":
    main()
