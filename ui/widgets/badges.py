"""Coloured labels for priority and stage, so that urgency reads at a glance."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from desk_app.domain.enums import Priority
from desk_app.i18n import Language, label
from desk_app.storage.reference import PRIORITY_COLORS

# The VIP badge's colour, wherever a VIP caller is shown (search, queue, incident header).
VIP_COLOR = "#ffd54f"


def priority_color(priority: int) -> QColor:
    return QColor(PRIORITY_COLORS.get(priority, "#757575"))


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    return QColor("#000000") if background.lightnessF() > 0.55 else QColor("#ffffff")


class Badge(QLabel):
    """A rounded, coloured word: a priority, a stage, "VIP", "Escalated"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide()

    def set_badge(self, text: str, background: str | QColor, tooltip: str = "") -> None:
        color = QColor(background)
        fg = text_color_on(color).name()
        self.setStyleSheet(f"QLabel {{ background:{color.name()}; color:{fg}; "
                           "border-radius:8px; padding:1px 8px; font-weight:600; }")
        self.setText(text)
        self.setToolTip(tooltip)
        self.setAccessibleName(f"{tooltip} {text}".strip())
        self.setVisible(bool(text))


class PriorityBadge(Badge):
    def set_priority(self, priority: int | None, lang: Language, tooltip: str = "") -> None:
        if priority is None:
            self.set_badge("—", "#bdbdbd", tooltip)
        else:
            self.set_badge(label(Priority(priority), lang), priority_color(priority), tooltip)
