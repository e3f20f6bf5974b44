"""The process owner's screens (R04), one tab each. Everyone else may open them to look:
the core refuses their saves, and every tab shows itself read-only with the core's reason.
The callers tab is also the service desk's and the incident manager's (the core's
``caller_refusal``): for them the window opens on it. Escalation rules and notification
delivery are the escalation area's editors (``ui.escalations``), hosted here with the other
process settings. The process owner also finds the database file here (``ui.storage``):
backups, restore, the database check, and who has the file open."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desk_app.services.admin import lists
from desk_app.services.admin.common import administer_refusal
from desk_app.services.admin.people import caller_refusal
from ui.admin.calendars_tab import CalendarsTab
from ui.admin.callers_tab import CallersTab
from ui.admin.levels_tab import LevelsTab
from ui.admin.matrix_editor import MatrixEditor
from ui.admin.people_tabs import DepartmentsTab, GroupsTab, UsersTab
from ui.admin.process_tabs import CategoriesTab, CodesTab, SettingsTab, TargetsTab
from ui.context import UiContext
from ui.escalations.rules import EscalationRulesEditor
from ui.escalations.settings import DeliverySettingsWidget
from ui.security.accounts_page import AccountsPage
from ui.storage.admin_panel import StorageAdminPanel
from ui.storage.presence_list import PresenceList


class DatabasePage(QSplitter):
    """The database file: its backups, restore and check over who has it open (a restore
    asks them to let go, so the two belong on one page)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.panel = StorageAdminPanel(context, self)
        self.presence = PresenceList(context, self)
        self.addWidget(self.panel)
        self.addWidget(self.presence)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setChildrenCollapsible(False)
        context.hub.external.connect(self.reload)
        self.panel.waiting.connect(lambda _holdouts: self.presence.reload())

    def reload(self) -> None:
        self.panel.reload_backups()
        self.presence.reload()


class AdminWindow(QWidget):
    #: The process owner restored a backup from the database page (a ``RestoreResult``):
    #: the main window opens the file again.
    database_restored = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Process administration"))
        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(True)
        refusal = administer_refusal(context.session)
        self.pages: dict[str, QWidget] = {}
        if lists.staff_refusal(context.session) is None:  # the staff list has roles (R04)
            self.pages["users"] = UsersTab(context, self)
        self.pages |= {
            "groups": GroupsTab(context, self),
            "departments": DepartmentsTab(context, self),
            "callers": CallersTab(context, self),
            "categories": CategoriesTab(context, self),
            "matrix": MatrixEditor(context, self),
            "levels": LevelsTab(context, self),
            "targets": TargetsTab(context, self),
            "calendars": CalendarsTab(context, self),
            "wait_codes": CodesTab(context, "wait", self),
            "close_codes": CodesTab(context, "close", self),
            "rules": EscalationRulesEditor(context, self),
            "settings": SettingsTab(context, self),
        }
        if refusal is None:  # delivery settings, sign-in safety, backups: the owner's
            self.pages["delivery"] = DeliverySettingsWidget(context, self)
            self.pages["accounts"] = accounts = AccountsPage(context, self)
            database = DatabasePage(context, self)
            database.panel.restored.connect(self.database_restored)
            self.pages["database"] = database
        captions = {
            "users": self.tr("Users and roles"), "groups": self.tr("Support groups"),
            "departments": self.tr("Departments"), "callers": self.tr("Callers"),
            "categories": self.tr("Categories"),
            "matrix": self.tr("Priority matrix"), "targets": self.tr("Service targets"),
            "levels": self.tr("Impact and urgency"),
            "calendars": self.tr("Working calendars"), "wait_codes": self.tr("Wait codes"),
            "close_codes": self.tr("Close codes"), "rules": self.tr("Escalation rules"),
            "delivery": self.tr("Notification delivery"),
            "settings": self.tr("Automatic closure"),
            "database": self.tr("Database file"),
        }
        if "accounts" in self.pages:
            captions["accounts"] = accounts.caption
        self._arrived: set[str] = set()
        for name, page in self.pages.items():
            page.setObjectName(name)
            self.tabs.addTab(page, captions[name])
            signal = getattr(page, "loaded", None)
            if isinstance(signal, SignalInstance):  # the escalation editors say so by signal
                signal.connect(lambda n=name: self._arrived.add(n))
        layout = QVBoxLayout(self)
        self.note: QLabel | None = None
        if refusal is not None:
            if caller_refusal(context.session) is None:
                shown = self.tr("You can add and change callers here. The other settings are "
                                "shown read-only: only the process owner can change them.")
                self.tabs.setCurrentWidget(self.pages["callers"])
            else:
                shown = self.tr("You can look at these settings; only the process owner can "
                                "change them.")
            self.note = note = QLabel(shown, self)
            note.setWordWrap(True)
            note.setStyleSheet("background:#e8f1fb; color:#0f3d6e; padding:6px; "
                               "border-radius:4px;")
            layout.addWidget(note)
        layout.addWidget(self.tabs)

    def show_page(self, name: str) -> None:
        """Bring one tab to the front (the shell's "Callers…" opens the callers tab)."""
        page = self.pages.get(name)
        if page is not None:
            self.tabs.setCurrentWidget(page)
            page.setFocus()

    @property
    def loaded(self) -> bool:
        """Every tab has shown its data once."""
        return all(name in self._arrived if isinstance(getattr(page, "loaded", None),
                                                        SignalInstance)
                   else bool(getattr(page, "loaded", True))
                   for name, page in self.pages.items())

    def has_unsaved_changes(self) -> bool:
        return any(bool(getattr(page, "dirty", False)) for page in self.pages.values())
