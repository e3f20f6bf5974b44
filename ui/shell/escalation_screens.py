"""The escalation half of the workstation (``ui.escalations``) placed in the main window: an
"Escalations" menu opening its screens as tabs, the inbox's unread count on the toolbar,
and the background escalation round (scan, automatic closure, delivery; R07, R09, R23).

The screens are constructed by name, like the forms half's (``ui.shell.screens``): a build
without them keeps the rest of the window working.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QVBoxLayout, QWidget

from ui import paths
from ui.escalations.alert_bar import AlertBar
from ui.shell.screens import screen_class

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.shell.tray import Tray

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Screen:
    key: str
    module: str
    name: str
    icon: str
    title: str  # English source, translated in the "EscalationScreens" context
    owner_only: bool = False  # the process owner's settings (R04): hidden from others


SCREENS = [
    Screen("inbox", "ui.escalations.inbox", "InboxWidget", "notifications",
           QT_TRANSLATE_NOOP("EscalationScreens", "Notifications")),
    Screen("review", "ui.escalations.review", "EscalationReviewWidget", "escalated",
           QT_TRANSLATE_NOOP("EscalationScreens", "Escalation review")),
    Screen("calls", "ui.escalations.calls", "CallTasksWidget", "phone",
           QT_TRANSLATE_NOOP("EscalationScreens", "Call tasks")),
    Screen("roster", "ui.escalations.roster", "RosterEditor", "roster",
           QT_TRANSLATE_NOOP("EscalationScreens", "Duty roster")),
]
# The escalation rules and delivery settings are process settings: the process owner finds
# them in the administration window (ui.admin.window), not here.


def _tr(text: str) -> str:
    return QCoreApplication.translate("EscalationScreens", text)


class EscalationScreens(QObject):
    def __init__(self, window: MainWindow, background: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.widgets: dict[str, QWidget] = {}
        self.actions: dict[str, QAction] = {}
        self.counts: dict[str, int] = {}
        self.available = [s for s in SCREENS if screen_class(s.module, s.name) is not None]
        self.menu = QMenu(window)
        for screen in self.available:
            action = QAction(paths.icon(screen.icon), "", window)
            action.setObjectName(f"escalations_{screen.key}")
            action.triggered.connect(lambda _=False, s=screen: self.show(s.key))
            self.menu.addAction(action)
            self.actions[screen.key] = action
        self.menu_action = window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        self.menu_action.setVisible(bool(self.available))
        self._make_counters()
        # the latest pop-up stays over the work area with its action (ui.escalations.alert_bar)
        self.alert_bar = AlertBar(lambda: self.show("review"), window.open_incident, window)
        central = window.centralWidget()
        column = central.layout() if central is not None else None
        if isinstance(column, QVBoxLayout):
            column.insertWidget(1, self.alert_bar)
        self.tray: QSystemTrayIcon | None = None
        self.tray_keeper: Tray | None = None  # the icon, its count and menu (ui.shell.tray)
        self.timer: QObject | None = None
        if background:
            self._start_round()
        self.retranslate()

    # -- screens ----------------------------------------------------------------------
    def screen(self, key: str) -> Screen | None:
        return next((s for s in self.available if s.key == key), None)

    def widget(self, key: str) -> QWidget | None:
        """The screen's one widget, made on first use."""
        if key not in self.widgets:
            screen = self.screen(key)
            if screen is None:
                return None
            cls = screen_class(screen.module, screen.name)
            assert cls is not None
            widget = cls(self.window.context)  # type: ignore[call-arg]
            opener = getattr(widget, "open_incident", None)
            if opener is not None:
                opener.connect(self.window.open_incident)
            self.widgets[key] = widget
        return self.widgets[key]

    def show(self, key: str) -> QWidget | None:
        widget, screen = self.widget(key), self.screen(key)
        if widget is None or screen is None:
            return None
        if key == "review" and self.alert_bar.target() == "review":
            self.alert_bar.clear()  # what it pointed to is on the screen now
        self.window.tabs.show_kept(widget, self._title(screen), index=self.window.tabs.count())
        self.window.tabs.setTabIcon(self.window.tabs.indexOf(widget), paths.icon(screen.icon))
        return widget

    def _make_counters(self) -> None:
        """The inbox and the call tasks count from the start, for their badges."""
        for key, signal in (("inbox", "unread_changed"), ("calls", "tasks_changed")):
            widget = self.widget(key)
            if widget is not None:
                getattr(widget, signal).connect(lambda n, k=key: self._count(k, n))

    def language_changed(self) -> None:
        """Screens not open in a tab are made again, in the new language, when next shown;
        the kept pop-up goes (it was written in the old language; the review still has it)."""
        self.alert_bar.clear()
        for key, widget in list(self.widgets.items()):
            if self.window.tabs.indexOf(widget) < 0:
                del self.widgets[key]
                widget.deleteLater()
        if "inbox" not in self.widgets or "calls" not in self.widgets:
            self._make_counters()
        self.retranslate()

    def update_visibility(self, may_administer: bool) -> None:
        for screen in self.available:
            if screen.owner_only:
                self.actions[screen.key].setVisible(may_administer)

    def _count(self, key: str, count: int) -> None:
        self.counts[key] = count
        if key == "inbox" and self.tray_keeper is not None:
            self.tray_keeper.set_count(count)
        self.retranslate()

    def _title(self, screen: Screen) -> str:
        count = self.counts.get(screen.key)
        title = _tr(screen.title)
        return f"{title} ({count})" if count else title

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("EscalationScreens", "&Escalations"))
        for screen in self.available:
            self.actions[screen.key].setText(self._title(screen))
            widget = self.widgets.get(screen.key)
            index = self.window.tabs.indexOf(widget) if widget is not None else -1
            if index >= 0:
                self.window.tabs.setTabText(index, self._title(screen))

    # -- the background round ---------------------------------------------------------
    def _start_round(self) -> None:
        try:
            timer_class = import_module("ui.escalations.timer").EscalationTimer
        except ModuleNotFoundError as error:
            if error.name not in ("ui.escalations", "ui.escalations.timer"):
                raise
            return
        if QSystemTrayIcon.isSystemTrayAvailable():
            from ui.shell.tray import Tray

            self.tray_keeper = Tray(
                self.window, open_inbox=lambda: self.show("inbox"),
                pause=lambda minutes: self.timer.pause(minutes),  # type: ignore[union-attr]
                resume=lambda: self.timer.resume(),  # type: ignore[union-attr]
                quit_program=self.window.quit_program, parent=self)
            self.tray = self.tray_keeper.icon
            self.tray_keeper.set_count(self.counts.get("inbox", 0))
            self.tray_keeper.show()
        self.timer = timer_class(self.window.context, tray=self.tray, parent=self)
        self.timer.arrived.connect(self._alerts_arrived)  # type: ignore[attr-defined]
        self.timer.alert.connect(self.alert_bar.show_alert)  # type: ignore[attr-defined]
        if self.tray is not None:  # the tray's own balloon, when the OS could not show it
            self.tray.messageClicked.connect(self._tray_message_clicked)
        self.timer.start(first_after_ms=2000)  # type: ignore[attr-defined]

    def _tray_message_clicked(self) -> None:
        if self.tray_keeper is not None:
            self.tray_keeper.bring_back()
        self.alert_bar.act()

    def _alerts_arrived(self, _count: int) -> None:
        """Once per round that brought alerts: the inbox of the moment reads them again
        (connected once, so a language change or a new inbox widget adds no connection)."""
        inbox = self.widgets.get("inbox")
        if inbox is not None:
            inbox.refresh()  # type: ignore[attr-defined]

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()  # type: ignore[attr-defined]
        if self.tray is not None:
            self.tray.hide()
        self.tray_keeper = None
