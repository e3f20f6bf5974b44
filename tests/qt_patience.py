"""Waits that are hang guards, not stopwatches.

A test's ``qtbot.waitUntil(..., timeout=5000)`` means "this happens, and if it never does,
fail rather than hang"; it is not a speed target (speed is measured by the benchmarks, which
print figures against a baseline). On a shared two-core machine, or with the suite's two
workers each starting its own PostgreSQL, five seconds ran out while the work was merely
waiting for a core. So every wait that must succeed gets ``DESK_TEST_PATIENCE`` times its
timeout (4 unless set). A wait meant to run out (``raising=False``, or under a second, which
these tests use to show that something does *not* happen) keeps its own, so passing tests
take no longer.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

PATIENCE = float(os.environ.get("DESK_TEST_PATIENCE", "4"))


def _patient(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def wait(self: QtBot, *args: Any, timeout: int = 5000, **kwargs: Any) -> Any:
        if kwargs.get("raising") is not False and timeout >= 1000:
            timeout = int(timeout * PATIENCE)
        return method(self, *args, timeout=timeout, **kwargs)

    return wait


for _name in ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive",
              "waitCallback"):
    setattr(QtBot, _name, _patient(getattr(QtBot, _name)))
