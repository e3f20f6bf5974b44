"""The log form's template choice: a common incident's category, impact, title and
description skeleton, kept by the process owner (``desk_app.services.knowledge.templates``).
Templates in the person's language come first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desk_app.services.knowledge.templates import TemplateRow, list_templates
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.reading import read


class TemplatePicker(QComboBox):
    chosen = Signal(object)  # a TemplateRow

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[TemplateRow] = []
        self.setPlaceholderText(self.tr("No template"))
        self.setToolTip(self.tr("Start from a template for a common incident"))
        self.activated.connect(self._activated)
        context.hub.changed.connect(self._changed)
        self.load()

    def _changed(self, changes: Changes) -> None:
        if changes.reference:
            self.load()

    def load(self) -> None:
        session = self.context.session
        read(self, lambda: list_templates(session), self._loaded)

    def _loaded(self, rows: list[TemplateRow]) -> None:
        lang = self.context.language
        self.rows = sorted(rows, key=lambda r: (r.language != lang, r.name.casefold()))
        self.blockSignals(True)
        self.clear()
        for row in self.rows:
            self.addItem(row.name, row.id)
        self.setCurrentIndex(-1)
        self.blockSignals(False)
        self.setEnabled(bool(self.rows))

    def _activated(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self.chosen.emit(self.rows[index])

    def reset(self) -> None:
        self.setCurrentIndex(-1)
