"""The Qt binding itself: PySide6 6.12.0 drops a reference to ``True`` on every
``Signal.emit()``, and the interpreter aborts once the count reaches zero (the queue table's
countdown emits every second, so the program would die within hours). pyproject.toml excludes
that release; this test catches any other release with the same fault."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Source(QObject):
    ping = Signal()
    carry = Signal(object)


def test_emitting_signals_keeps_reference_counts(qapp: object) -> None:
    source = _Source()
    source.ping.connect(lambda: None)
    source.carry.connect(lambda value: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(500):
        source.ping.emit()
        source.carry.emit(1)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after == before
