"""Windows end with the test that made them.

A closed window is only hidden; unless a test deletes it, it lives on for the rest of the
run with its timers still polling its (closed) database, and every later language switch
sends it a change event. Over a whole run hundreds of them piled up and made later tests
many times slower than alone (a language-switch test took 30 s in the run, 0.4 s alone).
So every top-level widget a test leaves behind is deleted after the test's own fixtures
have ended. Those that existed before the test (made by wider fixtures) are left alone.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest


def _application() -> Any:
    """The application, if a test has made one (PySide6 is imported only by those that do)."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    return widgets.QApplication.instance() if widgets is not None else None


def _top_levels(app: Any) -> dict[int, Any]:
    from shiboken6 import Shiboken

    return {Shiboken.getCppPointer(w)[0]: w for w in app.topLevelWidgets()
            if Shiboken.isValid(w)}


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test() -> Iterator[None]:
    app = _application()
    before = set(_top_levels(app)) if app is not None else set()
    yield
    app = _application()
    if app is None:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    leftovers = [w for pointer, w in _top_levels(app).items() if pointer not in before]
    for widget in leftovers:
        widget.hide()  # not close(): a close may ask about unsaved input and wait for an answer
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
