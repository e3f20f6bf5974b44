"""The status bar: where the database is, whether it is on a network share, who is signed
in; and passing messages (a read that failed, a refresh from another workstation)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QWidget

from desk_app.domain.enums import Role
from desk_app.i18n import label
from desk_app.storage.filesystem import Location, describe
from ui import paths
from ui.context import UiContext

ICON_SIZE = 16


class _IconLabel(QWidget):
    def __init__(self, icon: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.set_icon(icon)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)

    def set_icon(self, name: str) -> None:
        self.icon.setPixmap(paths.icon(name).pixmap(ICON_SIZE, ICON_SIZE))


class StatusBar(QStatusBar):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.context = context
        self.location: Location = describe(context.session.store.path)
        self.database = _IconLabel("database", self)
        self.database.setObjectName("statusDatabase")
        self.share = _IconLabel("network_share" if self.location.network else "local_disk", self)
        self.share.setObjectName("statusShare")
        self.user = _IconLabel("user", self)
        self.user.setObjectName("statusUser")
        for widget in (self.database, self.share, self.user):
            self.addPermanentWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        session, lang = self.context.session, self.context.language
        path = str(self.location.path)
        shown = path if len(path) <= 60 else "…" + path[-59:]
        self.database.text.setText(shown)
        self.database.setToolTip(self.tr("Database file: %1").replace("%1", path))
        if self.location.network:
            self.share.text.setText(self.tr("Network share (%1)").replace(
                "%1", self.location.filesystem))
            self.share.setToolTip(self.tr(
                "The file is on a network share: other workstations use it at the same time. "
                "Changes they make appear here within a few seconds."))
        else:
            self.share.text.setText(self.tr("Local disk (%1)").replace(
                "%1", self.location.filesystem))
            self.share.setToolTip(self.tr("The file is on this computer's own disk."))
        roles = sorted(session.roles, key=list(Role).index)
        self.user.text.setText(session.full_name)
        self.user.setToolTip(self.tr("Signed in as %1 (%2): %3").replace(
            "%1", session.full_name).replace("%2", session.username).replace(
            "%3", "、".join(label(r, lang) for r in roles) if lang == "zh"
            else ", ".join(label(r, lang) for r in roles)))
        self.user.text.setAlignment(Qt.AlignmentFlag.AlignVCenter)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
