"""What the escalation widgets share: loading off the GUI thread, and showing core values
(moments, glossary labels, names) in the user's language."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desk_app.formatting import format_moment
from desk_app.i18n import label
from ui.context import UiContext
from ui.errors import show_error

log = logging.getLogger(__name__)

T = TypeVar("T")


def moment(ctx: UiContext, value: datetime | None) -> str:
    return format_moment(value, ctx.language) if value else ""


def term(ctx: UiContext, enum: type[Enum], value: Any) -> str:
    """Glossary label of a stored enumeration value, e.g. ``"phone"`` → 电话通知."""
    try:
        return label(enum(value), ctx.language)
    except ValueError:
        return str(value)


def named(ctx: UiContext, en: str, zh: str) -> str:
    return zh if ctx.language == "zh" else en


def run(ctx: UiContext, parent: QWidget, fn: Callable[[], T],
        done: Callable[[T], None], failed: Callable[[BaseException], None] | None = None
        ) -> None:
    """A core call on the worker pool; its result (or refusal, shown in the user's language)
    comes back on the GUI thread. Nothing happens if ``parent`` is gone by then."""
    alive = [True]
    parent.destroyed.connect(lambda *_: alive.__setitem__(0, False))

    def ok(result: T) -> None:
        if alive[0]:
            done(result)

    def bad(error: BaseException) -> None:
        if not alive[0]:
            return
        if failed is not None:
            failed(error)
        elif parent.window().isVisible():
            show_error(parent, error, ctx.language)
        else:  # closed meanwhile (quitting, or to the tray): no box over nothing
            log.info("a call of a closed screen was refused: %s", error)

    ctx.op(parent, fn).success(ok).failure(bad).run(ctx.hub)


def is_alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True
