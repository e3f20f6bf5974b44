"""Reads for the views, off the GUI thread.

Views read often (a chunk of rows as the user scrolls, counts after every change); they get a
pool of their own so that a slow read on a shared file never queues behind, or in front of,
a person's write. Callbacks check that their view still exists: a tab may close while its
read is on the way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from ui.operations import Op

T = TypeVar("T")
_pools: dict[str, QThreadPool] = {}


def pool(name: str, threads: int) -> QThreadPool:
    """The pool of its own for one kind of background work (made on first use), so that
    work of another kind never waits behind it."""
    if name not in _pools:
        _pools[name] = QThreadPool()
        _pools[name].setMaxThreadCount(threads)
    return _pools[name]


def read_pool() -> QThreadPool:
    return pool("read", 2)


#: How long quitting waits for each kind of background work (ms); a day's backup may be
#: under way on the file check's pool.
_PATIENCE = {"file check": 30_000}


def finish_background_work() -> None:
    """Before the file is closed and the program ends: let running reads, saves and file
    checks finish, so that none answers to objects already gone."""
    for name, running in _pools.items():
        running.waitForDone(_PATIENCE.get(name, 5_000))
    QThreadPool.globalInstance().waitForDone(10_000)


def read(owner: QObject, fn: Callable[[], T], done: Callable[[T], Any],
         failed: Callable[[BaseException], Any] | None = None) -> None:
    """Run ``fn`` on the read pool; ``done``/``failed`` run on the GUI thread if ``owner``
    is still alive."""

    def on_done(result: T) -> None:
        if shiboken6.isValid(owner):
            done(result)

    def on_failed(error: BaseException) -> None:
        if shiboken6.isValid(owner) and failed is not None:
            failed(error)

    Op(owner, fn).success(on_done).failure(on_failed).run(pool=read_pool())
