"""The latest pop-up, kept over the work area with the one action it calls for.

A desktop notification sent through the operating system cannot be clicked back into the
program here (plyer shows text only), so what it said stays in the window until the person
acts or closes it: the sign-in summary and a burst open the escalation review, a single new
escalation opens its incident, a reminder digest opens the review too. Only the latest is
kept; it goes when its reason does (the review is opened, the incident is opened).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desk_app.delivery.popups import Shown

#: What the bar's button does for each kind of pop-up: "review" or "incident".
TARGETS = {"summary": "review", "burst": "review", "reminder": "review", "new": "incident"}


class AlertBar(QWidget):
    def __init__(self, open_review: Callable[[], None], open_incident: Callable[[int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBar")
        self.shown: Shown | None = None
        self._open_review, self._open_incident = open_review, open_incident
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("alertAction")
        self.button.clicked.connect(self.act)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#alertBar { background:#fff4e5; border:1px solid #f0b96b; "
                           "border-radius:4px; }")
        self.hide()

    def show_alert(self, shown: Shown) -> None:
        """Keep ``shown`` (the latest pop-up) with its action."""
        self.shown = shown
        self.label.setText(f"<b>{escape(shown.title)}</b> {escape(shown.body)}")
        self.retranslate()
        self.close_button.setAccessibleName(self.tr("Close message"))
        self.show()

    def retranslate(self) -> None:
        if self.shown is None:
            return
        if self.target() == "incident":
            self.button.setText(self.tr("Open the incident"))
        else:
            self.button.setText(self.tr("Review escalations"))

    def target(self) -> str:
        if self.shown is None:
            return ""
        if self.shown.kind == "new" and not self.shown.incident_id:
            return "review"
        return TARGETS.get(self.shown.kind, "review")

    def act(self) -> None:
        """The pop-up's action; the bar goes, since its reason is dealt with."""
        shown, target = self.shown, self.target()
        self.clear()
        if shown is None:
            return
        if target == "incident":
            self._open_incident(shown.incident_id)
        else:
            self._open_review()

    def clear(self) -> None:
        self.shown = None
        self.hide()

