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
_pool: QThreadPool | None = None


def read_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


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
