"""Walking every text a window shows, to find words of the other language among them.

A data label (a stage, a level, a wait or close code, a support level, a role, a journal
action, a field name in the history) is matched as a whole piece of a text: pieces are cut at
line breaks, "·", "→", ":", commas and brackets, so that "Stage: Logged → Assigned" yields
"Stage", "Logged" and "Assigned". User data (names, typed titles) is never a whole piece equal
to a label unless someone typed exactly that, which the tests here do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from desk_app.i18n import MESSAGES
from desk_app.i18n.labels import LABELS
from desk_app.storage.database import Store

#: Enumerations a person sees as data; their glossary labels in each language.
DATA_ENUMS = ("IncidentType", "ContactChannel", "Stage", "Impact", "Urgency", "Priority",
              "Role", "TargetStage", "ResolutionType", "JournalAction", "EscalationReason",
              "ClockState")

_CUT = re.compile(r"[\n·→:：,，、;；()（）\[\]|/]+")


def data_labels(store: Store) -> dict[str, set[str]]:
    """Every data label in English and in Chinese: enum labels, field names of the history,
    wait and close codes, support groups and categories."""
    from desk_app.storage.models import Category, CloseCode, SupportGroup, WaitCode

    found: dict[str, set[str]] = {"en": set(), "zh": set()}
    for key, (en, zh) in LABELS.items():
        if key.split(".")[0] in DATA_ENUMS:
            found["en"].add(en)
            found["zh"].add(zh)
    for key, texts in MESSAGES.items():
        if key.startswith("field."):
            found["en"].add(texts["en"])
            found["zh"].add(texts["zh"])

    def names() -> list[tuple[str, str]]:
        return [(row.name_en, row.name_zh) for model in (WaitCode, CloseCode, SupportGroup,
                                                          Category) for row in model.select()]

    for en, zh in store.read(names):
        found["en"].add(en)
        found["zh"].add(zh)
    # a word both languages write the same way (ERP) says nothing about the language
    same = found["en"] & found["zh"]
    return {lang: labels - same for lang, labels in found.items()}


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("&", "")


def _count(method: object) -> int:
    try:
        return int(method())  # type: ignore[operator]
    except TypeError:  # a Python model that wants its parent
        pass
    try:
        return int(method(QModelIndex()))  # type: ignore[operator]
    except TypeError:  # a list model's columnCount is private: one column
        return 1


def _model_texts(view: QAbstractItemView) -> Iterable[str]:
    model = view.model()
    if model is None:
        return
    columns = _count(model.columnCount)
    for orientation in (Qt.Orientation.Horizontal,):
        for section in range(columns):
            value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value
    rows = min(_count(model.rowCount), 200)
    for row in range(rows):
        for column in range(columns):
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value


def texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text ``root`` and its children show."""
    found: list[tuple[str, str]] = [(type(root).__name__, root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((where, _plain(widget.text())))
        elif isinstance(widget, QComboBox):
            found += [(where, widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):  # what is typed is the person's (both names
            # of a code are typed in the settings); what the program shows read-only is not
            found.append((where, widget.placeholderText()))
            if widget.isReadOnly():
                found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, QTabWidget):
            found += [(where, _plain(widget.tabText(i))) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView):
            found += [(where, text) for text in _model_texts(widget)]
    return found


def pieces(text: str) -> list[str]:
    return [p.strip() for p in _CUT.split(text) if p.strip()]


def foreign(roots: Iterable[QWidget], labels: set[str]) -> list[tuple[str, str, str]]:
    """(where, text, label) for each text that holds a label of the other language."""
    wrong = []
    for root in roots:
        for where, text in texts(root):
            for piece in pieces(text):
                if piece in labels:
                    wrong.append((where, text, piece))
    return wrong
