"""The closed incident a new one follows up (R24: a closed incident is never reopened; the
new one is linked to it). The desk types its number; the core finds it, or says why it
cannot be linked (unknown, not closed, not a number), and the form shows that at the field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desk_app.errors import ValidationError
from desk_app.formatting import format_moment
from desk_app.services.incident import choices
from desk_app.services.incident.queries import LinkedIncident
from ui.context import UiContext
from ui.errors import error_text
from ui.widgets.calls import call

# Milliseconds of quiet typing before the number is looked up.
TYPING_PAUSE = 400


class ClosedIncidentField(QWidget):
    """``incident`` is the closed incident found for the typed number, or None."""

    found = Signal(object)  # LinkedIncident | None
    refused = Signal(str)  # why the typed number cannot be linked, in the user's language

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.incident: LinkedIncident | None = None
        self.refusal = ""
        self._looked_up = ""  # the text the last answer was for
        self._then: list[Callable[[], None]] = []
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Optional: INC0000042 if it happened before"))
        self.edit.setAccessibleName(self.tr("Related closed incident"))
        self.edit.setClearButtonEnabled(True)
        self.info = QLabel(self)
        self.info.setStyleSheet("color:palette(mid);")
        self.info.setWordWrap(True)
        self.info.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.info)
        self.setFocusProxy(self.edit)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE)
        self.timer.timeout.connect(self.lookup)
        self.edit.textChanged.connect(self._typed)
        self.edit.editingFinished.connect(self.lookup)

    @property
    def typed(self) -> str:
        return self.edit.text().strip()

    @property
    def settled(self) -> bool:
        """The answer shown is for what is typed now (nothing typed is settled too)."""
        return not self.typed or self._looked_up == self.typed

    def _typed(self, _text: str) -> None:
        if self.incident is not None or self.refusal:
            self.incident, self.refusal = None, ""
            self._show("")
            self.found.emit(None)
        self._looked_up = ""
        if self.typed:
            self.timer.start()
        else:
            self.timer.stop()
            self.refused.emit("")

    def lookup(self, then: Callable[[], None] | None = None) -> None:
        """Ask the core about the typed number; ``then`` runs once it has answered."""
        if then is not None:
            self._then.append(then)
        self.timer.stop()
        typed = self.typed
        if self.settled:
            self._finish()
            return
        session = self.context.session
        call(self, self.context, lambda: choices.linkable_incident(session, typed),
             lambda incident: self._answered(typed, incident, ""), lambda error: self._answered(
                 typed, None, self._message(error), final=isinstance(error, ValidationError)))

    def _message(self, error: BaseException) -> str:
        lang = self.context.language
        if isinstance(error, ValidationError):
            return error.field_messages(lang).get("linked_incident", error.message(lang))
        return error_text(error, lang)

    def _answered(self, typed: str, incident: LinkedIncident | None, refusal: str,
                  final: bool = True) -> None:
        """``final`` is False when the file could not be read (busy, network): the next
        lookup asks again instead of keeping that answer."""
        if typed != self.typed:
            return  # the person typed on; the newer text has its own lookup
        self._looked_up = typed if final else ""
        self.incident, self.refusal = incident, refusal
        if incident is not None:
            closed = format_moment(incident.closed_at, self.context.language) \
                if incident.closed_at else ""
            self._show(self.tr("%1 · %2 · closed %3").replace("%1", incident.number)
                       .replace("%2", incident.title).replace("%3", closed))
            self.refused.emit("")
            self.found.emit(incident)
        else:
            self._show("")
            self.refused.emit(refusal)
        self._finish()

    def _finish(self) -> None:
        waiting, self._then = self._then, []
        for then in waiting:
            then()

    def _show(self, text: str) -> None:
        self.info.setText(text)
        self.info.setVisible(bool(text))

    def clear(self) -> None:
        self.edit.clear()
