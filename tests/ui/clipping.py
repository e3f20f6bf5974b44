"""Finding text a screen cuts off: a label, button or tab narrower (or, wrapped, lower) than
its text needs, or shown elided.

A widget counts only while it is visible and inside its window (a scroll area's content may
be partly out of view: that is scrolled, not cut). Size hints are Qt's own measure of what
the text needs in the font and style in use."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)

#: how much narrower than its size hint a widget may be before its text is cut (pixels):
#: styles pad buttons and labels a little beyond what the text needs
SLACK = 2


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is not None and (
                parent.viewport().isAncestorOf(widget)):
            return True
        parent = parent.parentWidget()
    return False


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return ""


def _needs(widget: QWidget) -> tuple[int, int]:
    hint = widget.sizeHint()
    if isinstance(widget, QLabel) and widget.wordWrap():
        # a wrapped label needs no more width than its longest word, but the height its
        # text takes at the width it has
        return widget.minimumSizeHint().width(), widget.heightForWidth(widget.width())
    return hint.width(), hint.height()


def clipped(root: QWidget) -> list[str]:
    """Every text under ``root`` that is cut off, as 'Class "text" (has w×h, needs w×h)'."""
    found: list[str] = []
    window = root.window()
    window_rect = QRect(0, 0, window.width(), window.height())
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) or not widget.isVisible():
            continue
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if not widget.isTabVisible(i):
                    continue
                have, need = widget.tabRect(i).width(), widget.tabSizeHint(i).width()
                if have + SLACK < need and not widget.usesScrollButtons():
                    found.append(f'tab "{widget.tabText(i)}" (has {have}, needs {need})')
            continue
        if isinstance(widget, QComboBox):
            found += _combo(widget)
            continue
        if isinstance(widget, QGroupBox) and widget.title():
            need = widget.fontMetrics().horizontalAdvance(widget.title().replace("&", ""))
            if widget.width() + SLACK < need:
                found.append(f'QGroupBox "{widget.title()}" (has {widget.width()}, '
                             f'needs {need})')
            continue
        if not isinstance(widget, QLabel | QPushButton | QCheckBox | QRadioButton | QToolButton):
            continue
        text = _text(widget).strip()
        if not text or (text.startswith("<") and not widget.property("checks_rich_text")):
            continue  # rich text lays itself out (and may hold images)
        if isinstance(widget, QLabel) and widget.pixmap() is not None and not \
                widget.pixmap().isNull():
            continue
        need_w, need_h = _needs(widget)
        has_w, has_h = widget.width(), widget.height()
        width_cut = has_w + SLACK < need_w
        height_cut = isinstance(widget, QLabel) and widget.wordWrap() and has_h + SLACK < need_h
        if width_cut or height_cut:
            found.append(f'{type(widget).__name__} "{text[:60]}" (has {has_w}×{has_h}, '
                         f'needs {need_w}×{need_h})')
            continue
        if _in_scroll_area(widget):
            continue
        place = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if not window_rect.contains(place) and window_rect.intersects(place):
            found.append(f'{type(widget).__name__} "{text[:60]}" runs past the window edge')
    return found


def _combo(combo: QComboBox) -> list[str]:
    """A closed drop-down whose chosen text does not fit in it (Qt elides it)."""
    text = combo.currentText() if combo.currentIndex() >= 0 else combo.placeholderText()
    if not text or combo.isEditable():
        return []
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(
        max(combo.currentIndex(), 0)).isNull() else 0
    need = combo.fontMetrics().horizontalAdvance(text) + icon
    if field.width() + SLACK < need:
        return [f'QComboBox "{text[:60]}" (has {field.width()}, needs {need})']
    return []
