"""Save and Revert that follow whether a settings form has unsaved edits: the admin
editors and the delivery settings work alike, so they share this."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton

from ui.widgets.feedback import MessageBar


class EditState:
    """Mixed into a form widget (before ``QWidget``). The form sets ``_filling`` while it
    puts values in its fields (which is not editing) and ``_dirty`` back to False once
    saved or reverted; ``refusal`` is why the person may not edit at all (or None)."""

    _dirty: bool
    _filling: bool
    refusal: Any
    save_button: QPushButton
    revert_button: QPushButton
    bar: MessageBar

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _edited(self, *_args: object) -> None:
        if not self._filling:
            self._dirty = True
            self._set_buttons()

    def _set_buttons(self) -> None:
        if self.refusal is not None:
            return
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty or self.bar.kind == "error")
