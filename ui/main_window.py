"""The main window: queues on the left, the work area in tabs, search, menus and shortcuts.

Everything it shows is read through the core on worker threads; changes made here
(``ChangeHub.changed``) and by other workstations (``ChangeHub.external``, from the
``PRAGMA data_version`` watcher) refresh the queue, the counts and the open tabs, coalesced
into one refresh.

The shared file: the status bar shows where it is, read-only and why, "busy, retrying…" and
maintenance by another workstation (heard by this workstation's heartbeat, which also keeps
its presence row); a file opened read-only says so over the work area. When the file was
restored (from this window's administration or elsewhere), the window opens it again and
signs the same person in again, keeping every open tab and what was typed in it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desk_app.errors import (
    DatabaseReadOnly,
    DatabaseReplaced,
    MaintenanceActive,
    SignedOut,
    StorageError,
)
from desk_app.i18n import Language
from desk_app.services.database.care import visitor_of
from desk_app.services.incident.capabilities import can_administer, can_log, can_manage_callers
from desk_app.services.lists.queues import Queue
from desk_app.services.session import Session
from desk_app.storage.database import Store
from ui import errors, paths, settings
from ui.bulk.window import BulkWork
from ui.context import UiContext
from ui.errors import error_text, show_error
from ui.knowledge.entry import KnowledgeEntry
from ui.operations import Op
from ui.person_acting import watch_person
from ui.queue import nav
from ui.queue.nav import QueueNavigator
from ui.queue.view import QueueView
from ui.reading import read
from ui.reports.entry import ReportsEntry
from ui.search.panel import SearchPanel
from ui.security.lock import install as install_lock
from ui.server_watcher import NotifyWatcher, watcher_for
from ui.shell import screens
from ui.shell.escalation_screens import EscalationScreens
from ui.shell.language import keep_own_language, reopen_in_language
from ui.shell.preferences import PreferencesDialog
from ui.shell.reopen import reopen_session
from ui.shell.start import start_where_the_role_works, window_title
from ui.shell.status import StatusBar
from ui.shell.tabs import WorkTabs
from ui.startup.password_again import PasswordAgain
from ui.storage.file_check import FileCheck
from ui.storage.heartbeat import PresenceKeeper
from ui.translations import system_language, translations
from ui.watcher import DataVersionWatcher
from ui.widgets.feedback import MessageBar

#: The file's deferred checks start once the first queue is read, or after this at the latest.
FILE_CHECK_LATEST_MS = 5000
#: Counts and "Breaching soon" move with the clock even when nobody writes.
PERIODIC_REFRESH_MS = 60_000
#: changed + external (and bursts of either) within this window make one refresh.
COALESCE_MS = 150


class MainWindow(QMainWindow):
    signed_out = Signal()  # the person signed out; the program asks who is next
    closed = Signal()  # the window was closed: the program ends
    store_reopened = Signal(object)  # the file was opened again (a Store): the old is closed

    def __init__(self, context: UiContext, parent: QWidget | None = None, *,
                 watch: bool = True) -> None:
        """``watch``: poll the file for other workstations' changes, keep this workstation's
        presence (heartbeat, maintenance) and run the background escalation round (tests of
        other things turn them off)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.hub = context.hub
        self.may_log = False
        self.may_administer = False
        self.may_manage_callers = False
        self._admin: QWidget | None = None
        self._restored = False
        self._signing_out = False
        self._reopening = False
        self._reopen_refused = False  # the last reopen failed: say so again only quietly
        self._closed = False
        self.setWindowIcon(paths.icon("app"))
        Op.default_failure = lambda parent, error: show_error(
            parent if isinstance(parent, QWidget) else self, error, self.context.language)
        # a server that refuses the password meanwhile: asked again, then the call goes on
        self.password_again = PasswordAgain(
            self, lambda: getattr(self.context.session.store, "address", None),
            lambda: self.context.language, given=self.hub.external.emit)
        Op.mend = self.password_again
        # while the server refuses it: one notice, no box per background call
        errors.already_shown = self.password_again.is_shown
        watch_person()

        self.navigator = QueueNavigator(context, self)
        self.queue_view = QueueView(context, self)
        self.search_panel = SearchPanel(context, self)
        self.search_panel.hide()  # shown in a tab after a search, never over the window
        self.tabs = WorkTabs(self.queue_view, "", self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([210, 1000])
        self.splitter.setChildrenCollapsible(False)
        self.notice = MessageBar(self)  # the file is read-only: why, over the work area
        self.notice.setObjectName("storageNotice")
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        column.addWidget(self.password_again.notice)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(context, self)
        self.setStatusBar(self.status)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(280)
        self.search_box.addAction(paths.icon("search"), QLineEdit.ActionPosition.LeadingPosition)

        self._build_actions()
        self._build_menus()
        self.workstation_lock = install_lock(self)  # switch user, idle lock, own password
        # a file opened read-only cannot take the round's writes (escalations, deliveries):
        # a workstation that may write does them
        self.escalations = EscalationScreens(self, background=watch and not self.read_only)
        self.reports = ReportsEntry(self)  # the Reports menu and sidebar entry (ui.reports)
        self.bulk = BulkWork(self)  # context menus, copy/export/print, saved queues (ui.bulk)
        self.knowledge = KnowledgeEntry(self)  # the Knowledge menu (ui.knowledge)
        self._build_toolbar()

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(COALESCE_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._periodic = QTimer(self)
        self._periodic.setInterval(PERIODIC_REFRESH_MS)
        self._periodic.timeout.connect(self.refresh)
        self._periodic.start()
        self.hub.changed.connect(self._on_changed)
        self.hub.external.connect(self._on_external)
        self.navigator.queue_selected.connect(self._queue_selected)
        self.navigator.list_model.counted.connect(self._update_home_title)
        self.navigator.list_model.failed.connect(self._read_failed)
        self.queue_view.open_requested.connect(self.open_incident)
        self.queue_view.failed.connect(self._read_failed)
        self.queue_view.model.loaded.connect(self._queue_loaded)
        self.search_panel.open_requested.connect(self.open_incident)
        self.search_panel.searched.connect(self._searched)
        self.search_panel.failed.connect(self._read_failed)
        self.search_box.returnPressed.connect(self.search)
        self.tabs.currentChanged.connect(lambda _: self._update_actions())
        self.hub.storage_error.connect(self._storage_refused)

        self.watch = watch
        self.watcher: DataVersionWatcher | NotifyWatcher | None = None
        self.keeper: PresenceKeeper | None = None
        if watch:
            self.watcher = watcher_for(context.session.store, self.hub, parent=self)
            self.watcher.start()
            self._keep_presence()

        # the file's checks that need not hold up the window (ui/storage/file_check.py): once
        # the first queue has been read, so that they do not slow it down, or after a while
        self.file_check = FileCheck(self)
        if watch:
            self.queue_view.model.loaded.connect(self.file_check.start)
            QTimer.singleShot(FILE_CHECK_LATEST_MS, self.file_check.start)

        self.retranslate()
        self._load_capabilities()
        start_where_the_role_works(self)  # ui/shell/start.py
        self.navigator.list_model.refresh()

    # -- actions ----------------------------------------------------------------------
    def _action(self, icon: str | None, shortcut: QKeySequence | str | None,
                slot: object, name: str) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if icon:
            action.setIcon(paths.icon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.log_action = self._action("new", "Ctrl+N", self.log_incident, "logIncident")
        self.find_action = self._action("search", QKeySequence(K.Find), self.focus_search, "find")
        self.refresh_action = self._action("refresh", QKeySequence(K.Refresh), self.refresh,
                                           "refresh")
        self.open_action = self._action("open", None, self.queue_view.open_current, "open")
        # Enter opens the current incident of the queue table (its own shortcut, so that
        # Enter still works as usual everywhere else)
        self.open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.queue_view.table.addAction(self.open_action)
        self.close_tab_action = self._action("close", QKeySequence(K.Close),
                                             self.tabs.close_current, "closeTab")
        self.next_tab_action = self._action(None, "Ctrl+PgDown", lambda: self.tabs.step(1),
                                            "nextTab")
        self.previous_tab_action = self._action(None, "Ctrl+PgUp", lambda: self.tabs.step(-1),
                                                "previousTab")
        self.queue_actions: list[QAction] = []
        for n, queue in enumerate(nav.ORDER, start=1):
            action = self._action(queue.value, f"Ctrl+{n}",
                                  lambda _=False, q=queue: self.show_queue(q), f"queue_{queue}")
            self.queue_actions.append(action)
        self.columns_action = self._action("columns", None, self._columns_menu, "columns")
        self.preferences_action = self._action("settings", QKeySequence(K.Preferences),
                                               self.preferences, "preferences")
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.admin_action = self._action("admin", None, self.open_admin, "administration")
        self.callers_action = self._action("user", None, self.open_callers, "callers")
        self.import_action = self._action(None, None, self.open_import, "importWizard")
        self.bundle_action = self._action(None, None, self.open_bundle, "bundle")
        self.sign_out_action = self._action("sign_out", None, self.sign_out, "signOut")
        self.quit_action = self._action(None, QKeySequence(K.Quit), self.quit_program, "quit")
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.about_action = self._action(None, None, self.about, "about")
        self.escape_action = QAction(self)
        self.escape_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.escape_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.escape_action.triggered.connect(self._leave_search)
        self.search_box.addAction(self.escape_action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.log_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.preferences_action)
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.incident_menu = bar.addMenu("")
        self.incident_menu.addAction(self.open_action)
        self.incident_menu.addAction(self.find_action)
        self.incident_menu.addAction(self.close_tab_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addActions(self.queue_actions)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addAction(self.columns_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.next_tab_action)
        self.view_menu.addAction(self.previous_tab_action)
        self.admin_menu = bar.addMenu("")
        self.admin_menu.addAction(self.admin_action)
        self.admin_menu.addAction(self.callers_action)
        self.admin_menu.addAction(self.import_action)
        self.admin_menu.addAction(self.bundle_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addAction(self.log_action)
        self.toolbar.addAction(self.refresh_action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.search_box)
        self.toolbar.addSeparator()
        inbox = self.escalations.actions.get("inbox")
        if inbox is not None:
            self.toolbar.addAction(inbox)
        self.toolbar.addAction(self.admin_action)
        self.addToolBar(self.toolbar)

    def _load_capabilities(self) -> None:
        """Menu entries the core would refuse are hidden (R04): ask the core once."""
        session = self.context.session

        def fetch() -> tuple[bool, bool, bool]:
            return can_log(session), can_administer(session), can_manage_callers(session)

        def arrived(result: tuple[bool, bool, bool]) -> None:
            self.may_log, self.may_administer, self.may_manage_callers = result
            self._update_actions()

        self._update_actions()
        read(self, fetch, arrived, self._read_failed)

    @property
    def read_only(self) -> bool:
        return self.context.session.store.read_only

    def _update_actions(self) -> None:
        self.log_action.setEnabled(self.may_log and not self.read_only)
        self.log_action.setVisible(self.may_log)
        self.admin_action.setVisible(self.may_administer)
        self.callers_action.setVisible(self.may_manage_callers)
        self.import_action.setVisible(self.may_administer)
        self.import_action.setEnabled(self.may_administer and not self.read_only)
        self.bundle_action.setVisible(self.may_administer)
        self.admin_menu.menuAction().setVisible(self.may_administer or self.may_manage_callers)
        self.escalations.update_visibility(self.may_administer)
        self.close_tab_action.setEnabled(self.tabs.currentIndex() > 0)

    # -- texts ------------------------------------------------------------------------
    def retranslate(self) -> None:
        session = self.context.session
        self.setWindowTitle(window_title(session.full_name, session.roles,
                                         self.context.language))
        self.file_menu.setTitle(self.tr("&File"))
        self.incident_menu.setTitle(self.tr("&Incident"))
        self.view_menu.setTitle(self.tr("&View"))
        self.admin_menu.setTitle(self.tr("&Administration"))
        self.help_menu.setTitle(self.tr("&Help"))
        texts = {
            self.log_action: (self.tr("&Log incident…"), self.tr("Log a new incident (Ctrl+N)")),
            self.find_action: (self.tr("&Find…"), self.tr("Find an incident by number, caller "
                                                          "or words (Ctrl+F)")),
            self.refresh_action: (self.tr("&Refresh"), self.tr("Read the queues again (F5)")),
            self.open_action: (self.tr("&Open incident"), self.tr("Open the selected incident "
                                                                  "(Enter)")),
            self.close_tab_action: (self.tr("&Close tab"), self.tr("Close the current tab")),
            self.next_tab_action: (self.tr("&Next tab"), ""),
            self.previous_tab_action: (self.tr("&Previous tab"), ""),
            self.columns_action: (self.tr("C&olumns…"), self.tr("Choose and order the columns "
                                                                "of the queue")),
            self.preferences_action: (self.tr("&Preferences…"), self.tr("Language and other "
                                                                        "settings")),
            self.admin_action: (self.tr("Process &settings…"), self.tr(
                "Users, support groups, categories, priority matrix, service targets, "
                "calendars, codes and escalation rules")),
            self.callers_action: (self.tr("&Callers…"), self.tr(
                "Add, correct and retire callers; VIP callers' incidents default to high "
                "urgency")),
            self.import_action: (self.tr("&Import…"), self.tr(
                "Bring incidents in from ServiceNow, GLPI or another tool's CSV export")),
            self.bundle_action: (self.tr("&Export or import everything…"), self.tr(
                "The whole database to a folder of CSV files, or such a folder into a new "
                "database")),
            self.sign_out_action: (self.tr("Sign &out"), self.tr("Sign out, so that someone "
                                                                 "else can sign in")),
            self.quit_action: (self.tr("&Quit"), ""),
            self.about_action: (self.tr("&About desk-app"), ""),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip or text.replace("&", ""))
            action.setStatusTip(tip)
        if self.read_only:
            tip = self.tr("The database is open read-only: nothing can be saved here.")
            self.log_action.setToolTip(tip)
            self.log_action.setStatusTip(tip)
        for action, queue in zip(self.queue_actions, nav.ORDER, strict=True):
            action.setText(nav.title(queue))
        self.search_box.setPlaceholderText(self.tr("Number, caller or words…  (Ctrl+F)"))
        self.search_box.setToolTip(self.tr(
            "Find incidents by number (INC0000042 or 42), by the caller's name or phone, or "
            "by words in the title, description, work notes and resolution"))
        self._update_home_title()
        self.escalations.retranslate()
        self._show_read_only()
        if self.search_panel.query:
            index = self.tabs.indexOf(self.search_panel)
            if index >= 0:
                self.tabs.setTabText(index, self.search_panel.tab_title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, choice: Language | None) -> None:
        """Switch now: settings, the context the views read, Qt's translators."""
        settings.set_language(choice)
        lang = choice or system_language()
        self.context.language = lang
        translations.apply(lang)
        self.queue_view.language_changed()
        self.escalations.language_changed()
        self.navigator.list_model.retranslate()
        self.status.retranslate()
        self.retranslate()
        reopen_in_language(self)
        keep_own_language(self, "" if choice is None else lang)

    # -- queues -----------------------------------------------------------------------
    def show_queue(self, queue: Queue) -> None:
        self.navigator.select(queue)
        self.tabs.setCurrentWidget(self.queue_view)
        self.queue_view.table.setFocus()

    def _queue_selected(self, queue: Queue) -> None:
        settings.set_user_value(self.context.session.username, "window/queue", queue.value)
        self.queue_view.show_queue(queue)
        self.tabs.setCurrentWidget(self.queue_view)
        self._update_home_title()

    def _update_home_title(self) -> None:
        queue = self.navigator.current_queue()
        if queue is None:
            return
        count = self.navigator.list_model.counts.get(queue)
        title = nav.title(queue)
        self.tabs.setTabText(0, title if count is None else f"{title} ({count})")
        self.tabs.setTabIcon(0, paths.icon(queue.value))

    def _queue_loaded(self) -> None:
        self.status.clearMessage()

    def refresh(self) -> None:
        self._refresh_timer.stop()
        self.queue_view.refresh()
        self.navigator.list_model.refresh()
        self.tabs.retitle()
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            reload = getattr(widget, "refresh", None)
            if widget not in (self.queue_view, self.search_panel) and callable(reload):
                reload()

    def _on_changed(self, _changes: object) -> None:
        self._refresh_timer.start()

    def _on_external(self) -> None:
        self._refresh_timer.start()

    def _read_failed(self, error: BaseException) -> None:
        """A background read could not be done (e.g. the share is busy): say so in the
        status bar and keep showing what was read before; the next refresh tries again."""
        if isinstance(error, SignedOut):  # disabled or locked meanwhile: the sign-in screen
            self.context.hub.signed_out.emit(error.user_id)
            return
        message = error_text(error, self.context.language)
        if not isinstance(error, StorageError):
            show_error(self, error, self.context.language)
        self.status.showMessage(message, 15_000)

    def _columns_menu(self) -> None:
        self.tabs.setCurrentWidget(self.queue_view)
        header = self.queue_view.table.horizontalHeader()
        self.queue_view.column_menu().exec(header.mapToGlobal(header.rect().bottomLeft()))

    # -- incidents --------------------------------------------------------------------
    def open_incident(self, incident_id: int) -> QWidget:
        row = self.queue_view.model.cached(incident_id)
        fallback = row.number if row is not None else f"INC{incident_id:07d}"

        return self.tabs.open_incident(incident_id, lambda: self.incident_screen(incident_id),
                                       fallback)

    def incident_screen(self, incident_id: int) -> QWidget:
        row = self.queue_view.model.cached(incident_id)
        fallback = row.number if row is not None else f"INC{incident_id:07d}"
        view = screens.incident_view(self.context, incident_id, fallback, self.tabs)
        linked = getattr(view, "open_incident", None)  # a related incident clicked (R24)
        if linked is not None:
            linked.connect(self.open_incident)
        return view

    def log_incident(self) -> None:
        if not self.may_log:
            return
        form = screens.log_form(self.context, self.tabs)
        title = self.tr("New incident")
        self.tabs.open_widget(form, title)
        logged = getattr(form, "logged", None)
        if logged is not None:
            logged.connect(lambda incident_id, f=form: self._logged(f, incident_id))
        cancelled = getattr(form, "cancelled", None)
        if cancelled is not None:
            cancelled.connect(lambda f=form: self._close_widget(f))
        suggested = getattr(form, "open_incident", None)  # a suggestion opened (ui.knowledge)
        if suggested is not None:
            suggested.connect(self.open_incident)
        form.setFocus()

    def _logged(self, form: QWidget, incident_id: int) -> None:
        self._close_widget(form, force=True)
        self.open_incident(incident_id)
        self.refresh()

    def _close_widget(self, widget: QWidget, force: bool = False) -> None:
        index = self.tabs.indexOf(widget)
        if index < 0:
            return
        if force:
            self.tabs.removeTab(index)
            widget.deleteLater()
        else:
            self.tabs.close_tab(index)

    # -- search -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search(self, text: str | None = None) -> None:
        query = (self.search_box.text() if text is None else text).strip()
        if not query:
            return
        self.search_panel.run(query)
        self.tabs.show_kept(self.search_panel, self.search_panel.tab_title())
        self.tabs.setTabIcon(self.tabs.indexOf(self.search_panel), paths.icon("search"))

    def _searched(self, hits: list) -> None:
        from desk_app.services.lists.search import Match

        if len(hits) == 1 and hits[0].match == Match.NUMBER:
            self.open_incident(hits[0].id)  # a number typed in full: open it at once
        elif hits:
            self.search_panel.table.setFocus()

    def _leave_search(self) -> None:
        self.search_box.clear()
        current = self.tabs.currentWidget()
        if current is self.queue_view:
            self.queue_view.table.setFocus()
        elif current is not None:
            current.setFocus()

    # -- the shared file --------------------------------------------------------------
    def _keep_presence(self) -> None:
        """This workstation's presence row and heartbeat, for the session signed in now."""
        session = self.context.session
        self.keeper = PresenceKeeper(session.store, visitor_of(session), self)
        self.keeper.maintenance_changed.connect(self._maintenance_changed)
        self.keeper.replaced.connect(self.reopen_database)
        self.keeper.start()

    def _maintenance_changed(self, state: object) -> None:
        self.status.storage.show_maintenance(state)  # type: ignore[arg-type]
        if state is None:
            self.refresh()  # what the maintainer did (an upgrade, a restore) shows now

    def _show_read_only(self) -> None:
        if not self.read_only:
            if self.notice.kind == "warning":  # the file was reopened, and may be written
                self.notice.clear()
            return
        self.notice.show_warning(self.tr(
            "This database is open read-only: %1. You can look at everything, but nothing "
            "can be saved here.").replace("%1", self.status.storage.read_only_reason()))

    def _storage_refused(self, error: StorageError) -> None:
        """A call was refused by the file (the form that made it shows why, and keeps what
        was typed); what the window itself must do about it."""
        if isinstance(error, DatabaseReplaced):
            self.reopen_database()
        elif isinstance(error, DatabaseReadOnly):  # made read-only while open
            self.status.storage.refresh()
            self.log_action.setEnabled(False)
            self._show_read_only()
        elif isinstance(error, MaintenanceActive) and self.keeper is not None:
            self.keeper.beat()  # the status bar shows who holds the file, at once

    def reopen_database(self) -> None:
        """Open the file again after a restore and sign the same person in again, on a
        worker thread; every open tab stays, with what was typed in it."""
        if self._reopening or self._closed:
            return
        self._reopening = True
        self.status.showMessage(self.tr("The database was restored from a backup; opening "
                                        "it again…"))
        session = self.context.session
        Op(self, lambda: reopen_session(session)).success(self._reopened).failure(
            self._reopen_failed).run()

    def _reopened(self, session: Session) -> None:
        self._reopening = False
        self._reopen_refused = False
        if self._closed:
            session.store.close()
            return
        old: Store = self.context.session.store
        if self.keeper is not None:
            self.keeper.stop(leave_file=False)  # the restored file has no row of the old open
            self.keeper.deleteLater()
            self.keeper = None
        self.context.session = session
        self.status.set_store(session.store)
        if self.watch:
            if self.watcher is not None:
                self.watcher.stop()
                self.watcher.deleteLater()
            self.watcher = watcher_for(session.store, self.hub, parent=self)
            self.watcher.start()
            self._keep_presence()
        self.store_reopened.emit(session.store)
        old.close()
        self._load_capabilities()
        self.retranslate()
        self.status.clearMessage()
        if not self.read_only:  # (a read-only file keeps its warning, which matters more)
            self.notice.show_info(self.tr("The database was opened again after a restore. "
                                          "Check what you were editing and save it again."))
        self.hub.external.emit()  # everything shown is read again from the restored file

    def _reopen_failed(self, error: BaseException) -> None:
        """Said once in a dialog; the next heartbeat or save tries again (the share may be
        back), and says it only in the status bar, not in a dialog every 30 seconds."""
        self._reopening = False
        if self._closed:
            return
        if not self._reopen_refused:
            show_error(self, error, self.context.language)
        self._reopen_refused = True
        self.status.showMessage(error_text(error, self.context.language), 30_000)

    # -- other screens ----------------------------------------------------------------
    def open_admin(self) -> None:
        if self.may_administer:
            self._show_admin()

    def open_callers(self) -> None:
        """The callers tab of the admin window: the desk's, too (the rest is read-only)."""
        if self.may_manage_callers:
            admin = self._show_admin()
            show_page = getattr(admin, "show_page", None)
            if show_page is not None:
                show_page("callers")

    def open_import(self) -> None:
        """Administration > Import…: the import wizard (issue 15)."""
        if self.may_administer and not self.read_only:
            from ui.importing.wizard import ImportWizard

            wizard = ImportWizard(self.context, self)
            wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            wizard.show()

    def open_bundle(self) -> None:
        """Administration > Export or import everything… (issue 15)."""
        if self.may_administer:
            from ui.importing.bundle import BundleDialog

            dialog = BundleDialog(self.context, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            dialog.show()

    def _show_admin(self) -> QWidget:
        if self._admin is None:
            self._admin = screens.admin_window(self.context, self)
            self._admin.setWindowFlag(Qt.WindowType.Window, True)
            self._admin.setWindowTitle(self.tr("Process settings — desk-app"))
            self._admin.resize(1000, 700)
            self._admin.destroyed.connect(lambda: setattr(self, "_admin", None))
            restored = getattr(self._admin, "database_restored", None)
            if restored is not None:  # the process owner restored a backup from there
                restored.connect(lambda _result: self.reopen_database())
        self._admin.show()
        self._admin.raise_()
        self._admin.activateWindow()
        return self._admin

    def preferences(self) -> None:
        dialog = PreferencesDialog(settings.language(), self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.set_language(dialog.choice())

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About desk-app"), self.tr(
            "desk-app: incident management for IT service desks.\n"
            "Several workstations share one database file, on this computer or in a shared "
            "folder."))

    def sign_out(self) -> None:
        self._signing_out = True
        if self.close():
            self.signed_out.emit()
        self._signing_out = False

    # -- window -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if not self._restored:
            self._restored = True
            username = self.context.session.username
            geometry = settings.user_value(username, "window/geometry")
            if isinstance(geometry, QByteArray | bytes) and geometry:
                self.restoreGeometry(QByteArray(geometry))
            else:
                self._first_geometry()
            state = settings.user_value(username, "window/state")
            if isinstance(state, QByteArray | bytes) and state:
                self.restoreState(QByteArray(state))
            splitter = settings.user_value(username, "window/splitter")
            if isinstance(splitter, QByteArray | bytes) and splitter:
                self.splitter.restoreState(QByteArray(splitter))
            self.queue_view.table.setFocus()
        super().showEvent(event)

    def _first_geometry(self) -> None:
        """A first start fills most of the screen, centred: the queue table needs width."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width = min(area.width(), max(1100, int(area.width() * 0.85)))
        height = min(area.height(), max(700, int(area.height() * 0.85)))
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def save_window(self) -> None:
        username = self.context.session.username
        settings.set_user_value(username, "window/geometry", self.saveGeometry())
        settings.set_user_value(username, "window/state", self.saveState())
        settings.set_user_value(username, "window/splitter", self.splitter.saveState())
        self.queue_view.save_layout()

    def quit_program(self) -> None:
        """File › Quit and the tray's Quit: close for good, not into the tray."""
        self._quitting = True
        try:
            self.close()
        finally:
            self._quitting = False

    def closeEvent(self, event: QCloseEvent) -> None:
        tray = self.escalations.tray_keeper
        if not getattr(self, "_quitting", False) and not self._signing_out and \
                tray is not None and tray.hide_window_instead_of_closing():
            event.ignore()  # R09: the round goes on; the tray brings the window back
            return
        unsaved = self.tabs.unsaved_titles()
        if unsaved and QMessageBox.question(
                self, self.tr("Close desk-app?"),
                self.tr("These tabs have input that is not saved yet: %1. Close anyway and "
                        "lose that input?").replace("%1", ", ".join(unsaved)),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Discard:
            event.ignore()
            return
        self.save_window()
        self._closed = True
        if self._admin is not None:
            self._admin.close()
        self.escalations.stop()
        if self.watcher is not None:
            self.watcher.stop()
        if self.keeper is not None:
            self.keeper.stop()
        self._periodic.stop()
        super().closeEvent(event)
        if not self._signing_out:
            self.closed.emit()
