"""Waiting for a core call at start-up without freezing the window.

Opening a file on a share, migrating it, or hashing a new password can take a moment; the
call runs on a worker thread while a local event loop keeps the screen painted, and a busy
dialog appears if it takes longer than a blink.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.operations import Op

T = TypeVar("T")
SHOW_AFTER_MS = 400


def wait_for(parent: QWidget | None, text: str, fn: Callable[[], T]) -> T:
    """``fn()`` on a worker thread; its result, or its exception raised here."""
    outcome: dict[str, object] = {}
    loop = QEventLoop()
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)

    def done(result: object) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        loop.quit()

    Op(None, fn).success(done).failure(failed).run()
    if not outcome:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
