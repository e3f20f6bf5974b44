"""The status-bar indicator of the database file: where it is (local disk or network share,
and whether the lock self-test passed), read-only and why, "busy, retrying…" while a write
waits for another workstation, and maintenance by someone else."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desk_app.i18n import Language, Term, text
from desk_app.storage.database import Store
from desk_app.storage.events import BusyEvent
from desk_app.storage.presence import MaintenanceState
from ui.storage.busy import BusyBridge


class StorageStatus(QWidget):
    """Add to the status bar with ``statusBar().addPermanentWidget(StorageStatus(...))``.

    ``show_location`` false: the host shows where the file is itself (the main window's
    status bar has its own icon for it) and takes ``details()`` for its tooltip, so that
    the window has one location indicator, not two."""

    def __init__(self, store: Store, language: Language = "en",
                 parent: QWidget | None = None, *, show_location: bool = True) -> None:
        super().__init__(parent)
        self.store = store
        self.language = language
        self.show_location = show_location
        self.maintenance: MaintenanceState | None = None
        self.busy_event: BusyEvent | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.busy_label = QLabel(self)
        self.busy_label.setObjectName("storageBusy")
        self.busy_label.setStyleSheet("color: #b26a00;")
        self.busy_label.hide()
        self.maintenance_label = QLabel(self)
        self.maintenance_label.setObjectName("storageMaintenance")
        self.maintenance_label.setStyleSheet("color: #b00020;")
        self.maintenance_label.setWordWrap(False)
        self.maintenance_label.hide()
        self.read_only_label = QLabel(self)
        self.read_only_label.setObjectName("storageReadOnly")
        self.read_only_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.location_label = QLabel(self)
        self.location_label.setObjectName("storageLocation")
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.busy_label, self.maintenance_label, self.read_only_label,
                      self.location_label):
            layout.addWidget(label)
        self.location_label.setVisible(show_location)
        self.bridge = BusyBridge(store, self)
        self.bridge.busy.connect(self.on_busy)
        self.refresh()

    def set_store(self, store: Store) -> None:
        """The window reopened the file: listen to the new store, show what opening found."""
        self.bridge.detach()
        self.bridge.deleteLater()
        self.store = store
        self.bridge = BusyBridge(store, self)
        self.bridge.busy.connect(self.on_busy)
        self.busy_event = None
        self.busy_label.hide()
        self.refresh()

    def set_language(self, language: Language) -> None:
        self.language = language
        self.refresh()
        if self.busy_event is not None:
            self.on_busy(self.busy_event)
        self.show_maintenance(self.maintenance)

    def details(self) -> list[str]:
        """What opening found besides where the file is: the lock self-test, a WAL file
        switched back, a daily backup that failed."""
        report, lang = self.store.report, self.language
        if report is None:
            return []
        lines = []
        if report.lock_test is not None:
            lines.append(self.tr("Lock self-test: {0}").format(text(report.lock_test.reason,
                                                                 lang)))
        if report.switched_from_wal:
            lines.append(text("storage.wal_switched", lang))
        if report.backup_problem:
            lines.append(self.tr("Daily backup failed: {0}").format(report.backup_problem))
        return lines

    def refresh(self) -> None:
        """Show what opening found (``store.report``)."""
        report = self.store.report
        lang = self.language
        if report is None:
            self.location_label.setText(self.store.where)
        else:
            where = report.location
            key = "storage.location.network" if where.network else "storage.location.local"
            self.location_label.setText(text(key, lang, fs=where.filesystem))
            self.location_label.setToolTip("\n".join([self.store.where, *self.details()]))
        if self.store.read_only:
            self.read_only_label.setText(self.tr("Read-only"))
            self.read_only_label.setToolTip(text("error.storage.readonly", lang,
                                                 reason=Term(self.store.read_only_reason)))
            self.read_only_label.show()
        else:
            self.read_only_label.hide()

    def read_only_reason(self) -> str:
        """Why the file is read-only, in the user's language (a ``storage.readonly.*``
        phrase, for a sentence of the host's)."""
        return text(self.store.read_only_reason, self.language)

    @Slot(object)
    def on_busy(self, event: BusyEvent) -> None:
        self.busy_event = event if event.state == "retrying" else None
        if event.state == "retrying":
            self.busy_label.setText(text("storage.busy", self.language, attempt=event.attempt,
                                         attempts=event.attempts))
            self.busy_label.show()
        else:
            self.busy_label.hide()

    def show_maintenance(self, state: MaintenanceState | None) -> None:
        """Connect ``PresenceKeeper.maintenance_changed`` here."""
        self.maintenance = state
        if state is None:
            self.maintenance_label.hide()
            return
        self.maintenance_label.setText(text(
            "storage.maintenance.status", self.language, username=state.username,
            workstation=state.workstation, reason=Term(f"storage.maintenance.{state.reason}")))
        self.maintenance_label.setToolTip(state.error().message(self.language))
        self.maintenance_label.show()
