"""The status bar: where the database is, whether it is on a network share, who is signed
in; the state of the shared file (read-only and why, "busy, retrying…" while a write waits
for another workstation, maintenance by someone else: ``ui.storage.status``); and passing
messages (a read that failed, a refresh from another workstation).

Where the file is shows once, with its icon; what opening found about it (the lock
self-test, a daily backup that failed) is in that indicator's tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QWidget

from desk_app.domain.enums import Role
from desk_app.i18n import label
from desk_app.storage.database import Store
from desk_app.storage.filesystem import Location, describe
from ui import paths
from ui.context import UiContext
from ui.storage.status import StorageStatus

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


def _location(store: Store) -> Location:
    """What opening found (it looked already), or a fresh look for a store opened without
    ``open_store``."""
    return store.report.location if store.report is not None else describe(store.path)


class StatusBar(QStatusBar):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.context = context
        store = context.session.store
        self.location: Location = _location(store)
        self.storage = StorageStatus(store, context.language, self, show_location=False)
        self.storage.setObjectName("statusStorage")
        self.database = _IconLabel("database", self)
        self.database.setObjectName("statusDatabase")
        self.share = _IconLabel("network_share" if self.location.network else "local_disk", self)
        self.share.setObjectName("statusShare")
        self.user = _IconLabel("user", self)
        self.user.setObjectName("statusUser")
        for widget in (self.storage, self.database, self.share, self.user):
            self.addPermanentWidget(widget)
        self.retranslate()

    def set_store(self, store: Store) -> None:
        """The window reopened the file (after a restore)."""
        self.location = _location(store)
        self.share.set_icon("network_share" if self.location.network else "local_disk")
        self.storage.set_store(store)
        self.retranslate()

    def retranslate(self) -> None:
        session, lang = self.context.session, self.context.language
        on_server = getattr(self.context.session.store, "kind", "file") == "server"
        path = self.context.session.store.where if on_server else str(self.location.path)
        shown = path if len(path) <= 60 else "…" + path[-59:]
        self.database.text.setText(shown)
        self.database.setToolTip(
            self.tr("Database server: %1").replace("%1", path) if on_server
            else self.tr("Database file: %1").replace("%1", path))
        if on_server:
            self.share.text.setText(self.tr("Team's server (PostgreSQL)"))
            tip = self.tr(
                "The team's data is on a PostgreSQL server: other workstations use it at the "
                "same time. Changes they make appear here within a second.")
        elif self.location.network:
            self.share.text.setText(self.tr("Network share (%1)").replace(
                "%1", self.location.filesystem))
            tip = self.tr(
                "The file is on a network share: other workstations use it at the same time. "
                "Changes they make appear here within a few seconds.")
        else:
            self.share.text.setText(self.tr("Local disk (%1)").replace(
                "%1", self.location.filesystem))
            tip = self.tr("The file is on this computer's own disk.")
        if self.storage.language != lang:
            self.storage.set_language(lang)
        self.share.setToolTip("\n".join([tip, *self.storage.details()]))
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
