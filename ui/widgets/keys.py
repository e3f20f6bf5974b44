"""Keyboard helpers: everything must be reachable without a mouse."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

#: Submitting a form from anywhere in it, also from inside a multi-line text box.
SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def tab_order(widgets: Sequence[QWidget]) -> None:
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def shortcut(parent: QWidget, keys: str | QKeySequence | Qt.Key, slot: Callable[[], None],
             ) -> QShortcut:
    """A shortcut active while the focus is anywhere inside ``parent``."""
    item = QShortcut(QKeySequence(keys), parent)
    item.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    item.activated.connect(slot)
    return item
