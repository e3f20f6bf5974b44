"""Running a core call for a widget that may be gone by the time the answer arrives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtWidgets import QWidget

from ui.context import UiContext

T = TypeVar("T")


def call(widget: QWidget, context: UiContext, fn: Callable[[], T],
         ok: Callable[[T], None], fail: Callable[[BaseException], None] | None = None) -> None:
    """``fn`` on the worker pool; ``ok``/``fail`` on the GUI thread, only if ``widget`` still
    exists (a tab closed while its incident was loading must not crash the program)."""

    def alive(callback: Callable[[Any], None] | None) -> Callable[[Any], None]:
        def run(value: Any) -> None:
            if callback is not None and shiboken6.isValid(widget):
                callback(value)
        return run

    op = context.op(widget, fn).success(alive(ok))
    if fail is not None:
        op = op.failure(alive(fail))
    op.run(context.hub)
