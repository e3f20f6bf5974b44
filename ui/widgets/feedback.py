"""Telling a person what went wrong, next to what they typed: a message bar over a form and
an error line under each field. Nothing here clears what the person entered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import ValidationError
from desk_app.i18n import Language, text
from ui.errors import error_text

_STYLES = {
    "error": "background:#fdecea; color:#8a1c12; border:1px solid #f5c2bd;",
    "warning": "background:#fff4e0; color:#7a4b00; border:1px solid #f3d29b;",
    "info": "background:#e8f1fb; color:#0f3d6e; border:1px solid #b9d3ee;",
}


class MessageBar(QWidget):
    """One message over a form, until the person closes it or tries again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(self.tr("Close message"))
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.kind = kind
        self.label.setText(text)
        self.setStyleSheet(f"MessageBar {{{_STYLES[kind]} border-radius:4px;}}")
        self.label.setAccessibleName(text)
        self.show()

    def show_error(self, text: str) -> None:
        self.show_message(text, "error")

    def show_warning(self, text: str) -> None:
        self.show_message(text, "warning")

    def show_info(self, text: str) -> None:
        self.show_message(text, "info")

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        self.hide()


class ErrorLabel(QLabel):
    """The problem with one field, under it; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color:#b3261e;")
        self.hide()

    def set_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldErrors:
    """Field name → error line; the core's ``field_messages`` go straight in. A field the
    form does not show goes to the message bar, so no message is ever lost."""

    def __init__(self, bar: MessageBar) -> None:
        self.bar = bar
        self.labels: dict[str, ErrorLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self.summary = False  # the bar shows only a count of the field problems

    def add(self, name: str, widget: QWidget, label: ErrorLabel) -> None:
        self.labels[name] = label
        self.widgets[name] = widget
        label.setBuddy(widget)

    def set(self, name: str, message: str) -> None:
        if name in self.labels:
            self.labels[name].set_error(message)
            widget = self.widgets[name]
            widget.setProperty("invalid", bool(message))
            widget.setAccessibleDescription(message)
            if not message and self.summary and not any(
                    not label.isHidden() for label in self.labels.values()):
                self.bar.clear()  # every problem the summary counted is fixed
                self.summary = False
        elif message:
            self.bar.show_error(message)

    def show(self, messages: dict[str, str], summary: str = "") -> None:
        """Show each message at its field; the first bad field gets the focus."""
        self.clear()
        loose = [message for name, message in messages.items() if name not in self.labels]
        for name, message in messages.items():
            if name in self.labels:
                self.set(name, message)
        lines = ([summary] if summary else []) + loose
        if lines:
            self.bar.show_error("\n".join(lines))
        self.summary = bool(summary) and not loose
        for name in self.labels:
            if name in messages:
                self.widgets[name].setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def message(self, name: str) -> str:
        label = self.labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear(self, bar: bool = True) -> None:
        for name in self.labels:
            self.set(name, "")
        if bar:
            self.bar.clear()
            self.summary = False


def field_box(widget: QWidget, error: ErrorLabel, *extra: QWidget) -> QWidget:
    """A field with its error line (and hints) under it, for one row of a form layout."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    for item in extra:
        layout.addWidget(item)
    layout.addWidget(error)
    box.setFocusProxy(widget)  # the row's label mnemonic (Alt+letter) focuses the field
    return box


def show_failure(errors: FieldErrors, error: BaseException, lang: Language) -> None:
    """A refused core call, shown where it belongs: per field for a ``ValidationError``,
    in the message bar for anything else. The form keeps what the person typed."""
    if isinstance(error, ValidationError):
        messages = error.field_messages(lang)
        errors.show(messages, text("error.validation", lang, count=len(messages)))
    else:
        errors.clear()
        errors.bar.show_error(error_text(error, lang))


def show_read_only(bar: MessageBar, shown: str, reason: str, *buttons: QWidget) -> None:
    """An editor the person may look at but not change (R04): ``shown`` over it says so
    (with the core's ``reason``), and each button is off with the reason as its tooltip."""
    bar.show_info(shown.replace("%1", reason))
    for button in buttons:
        button.setEnabled(False)
        button.setToolTip(reason)
