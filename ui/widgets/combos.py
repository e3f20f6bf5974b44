"""Filling combo boxes with glossary labels and reference rows, and reading them back."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any, Protocol

from PySide6.QtWidgets import QComboBox

from desk_app.i18n import Language, label


class HasName(Protocol):
    id: int

    def name(self, lang: Language) -> str: ...


def fill_enum(combo: QComboBox, enum: type[Enum], lang: Language,
              placeholder: str | None = None) -> None:
    """The members of ``enum`` by their glossary labels; with ``placeholder``, nothing is
    chosen at first, so that a required choice is a conscious one (R01, R11)."""
    combo.clear()
    for member in enum:
        combo.addItem(label(member, lang), member.value)
    if placeholder is not None:
        combo.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1)


def fill_rows(combo: QComboBox, rows: Iterable[HasName], lang: Language,
              none_text: str | None = None, placeholder: str | None = None) -> None:
    """Reference rows by name; ``none_text`` adds a first entry meaning "none"."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for row in rows:
        combo.addItem(row.name(lang), row.id)
    if placeholder is not None:
        combo.setPlaceholderText(placeholder)
    combo.setCurrentIndex(-1 if placeholder is not None else 0)
    if current is not None:
        select(combo, current)
    combo.blockSignals(False)


def select(combo: QComboBox, value: Any) -> bool:
    """Choose the entry whose data is ``value``; False (and nothing chosen) if none is."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return True
    if value is None:
        combo.setCurrentIndex(-1)
    return False


def value(combo: QComboBox) -> Any:
    """The chosen entry's data, or None when nothing is chosen."""
    return combo.currentData() if combo.currentIndex() >= 0 else None
