"""What an impact or urgency level means (R11, R12), beside the choice: each level's
description as its drop-down item's tooltip, and a line under the field for the level chosen.
The descriptions are the process owner's (``desk_app.services.admin.levels``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desk_app.i18n import Language
from desk_app.services.admin.levels import Levels


def meaning(levels: Levels, kind: str, level: int | None, lang: Language) -> str:
    found = levels.get(kind, {}).get(level) if level is not None else None
    return found.description(lang) if found is not None else ""


def describe_items(combo: QComboBox, levels: Levels, kind: str, lang: Language) -> None:
    """Each item's tooltip says what its level means."""
    for index in range(combo.count()):
        combo.setItemData(index, meaning(levels, kind, combo.itemData(index), lang),
                          Qt.ItemDataRole.ToolTipRole)


class MeaningLabel(QLabel):
    """The chosen level's meaning, in small grey text under the field."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"{kind}_meaning")
        self.setWordWrap(True)
        self.setStyleSheet("color:palette(mid);")

    def show_level(self, levels: Levels, level: int | None, lang: Language) -> None:
        self.setText(meaning(levels, self.kind, level, lang))
        self.setVisible(bool(self.text()))
