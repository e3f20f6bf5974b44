"""The one notice a workstation shows while the team's server refuses its password: over
the work area, until the password is given again, with the button that asks for it.

It replaces the error box every background call (refreshes, the heartbeat) would otherwise
show: the person is told once, where it stays visible, and can act on it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

_STYLE = ("PasswordNotice {background:#fff4e0; color:#7a4b00; border:1px solid #f3d29b;"
          " border-radius:4px;}")


class PasswordNotice(QWidget):
    """Hidden until ``show_refused``; ``enter`` is the person's "Enter the password…"."""

    enter = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverPasswordNotice")
        self.where = ""
        self.label = QLabel(self)
        self.label.setObjectName("serverPasswordNoticeText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.button = QPushButton(self)
        self.button.setObjectName("serverPasswordNoticeEnter")
        self.button.clicked.connect(self.enter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.retranslate()
        self.hide()

    def show_refused(self, where: str) -> None:
        """``where``: the server as the person knows it (user@host:port/database)."""
        self.where = where
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        text = self.tr("The server %1 refused this computer's password (it was changed on "
                       "the server). What is shown may be out of date, and nothing can be "
                       "saved until the password is entered again.").replace("%1", self.where)
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.button.setText(self.tr("&Enter the password…"))

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
