"""The Reports screen placed in the main window: a "Reports" menu and an entry under the
queues in the sidebar, shown to those the core lets see reports (the incident manager, the
process owner, department heads); drill-down tabs open beside the queue like search results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QMenu, QToolButton, QVBoxLayout, QWidget

from desk_app.services.reports.access import may_see_reports
from ui import paths
from ui.reading import read

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.reports.screen import ReportsScreen


def _title() -> str:
    return QCoreApplication.translate("ReportsEntry", "Reports")


class ReportsEntry(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.screen: ReportsScreen | None = None
        self.action = QAction(paths.icon("reports"), "", window)
        self.action.setObjectName("reports")
        self.action.triggered.connect(self.show)
        self.menu = QMenu(window)
        self.menu.addAction(self.action)
        self.menu_action = window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        # the sidebar: the queue list with the Reports entry under it
        self.sidebar_button = QToolButton()
        self.sidebar_button.setObjectName("reportsSidebar")
        self.sidebar_button.setDefaultAction(self.action)
        self.sidebar_button.setAutoRaise(True)
        self.sidebar_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        splitter = window.splitter
        sizes = splitter.sizes()
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(2)
        splitter.insertWidget(0, side)
        column.addWidget(window.navigator, 1)
        column.addWidget(self.sidebar_button)
        # a rule under the entry: the saved queues' section follows it (ui.bulk), and without
        # the rule "Reports" reads as one of them or as their heading
        self.rule = QFrame()
        self.rule.setFrameShape(QFrame.Shape.HLine)
        self.rule.setFrameShadow(QFrame.Shadow.Sunken)
        column.addWidget(self.rule)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([max(sizes[0], 210), max(sizes[-1], 1000)])
        self._visible(False)
        window.installEventFilter(self)
        self.retranslate()
        session = window.context.session
        read(window, lambda: session.read(lambda: may_see_reports(session)), self._visible)

    def _visible(self, allowed: bool) -> None:
        self.action.setVisible(allowed)
        self.menu_action.setVisible(allowed)
        self.sidebar_button.setVisible(allowed)
        self.rule.setVisible(allowed)

    def show(self) -> ReportsScreen:
        if self.screen is None:
            from ui.reports.screen import ReportsScreen

            self.screen = ReportsScreen(self.window.context)
            self.screen.open_incident.connect(self.window.open_incident)
            self.screen.drill_opened.connect(self._drill_opened)
        tabs = self.window.tabs
        tabs.show_kept(self.screen, _title(), index=tabs.count())
        tabs.setTabIcon(tabs.indexOf(self.screen), paths.icon("reports"))
        return self.screen

    def _drill_opened(self, tab: QWidget) -> None:
        tab.open_incident.connect(self.window.open_incident)  # type: ignore[attr-defined]
        self.window.bulk.list_tabs.attach(tab.actions)  # type: ignore[attr-defined]
        self.window.tabs.open_widget(tab, tab.title[:60])  # type: ignore[attr-defined]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # a screen not shown is made again in the new language when next opened
            if self.screen is not None and self.window.tabs.indexOf(self.screen) < 0:
                self.screen.deleteLater()
                self.screen = None
        return False

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("ReportsEntry", "&Reports"))
        self.action.setText(_title())
        if self.screen is not None and self.window.tabs.indexOf(self.screen) >= 0:
            self.window.tabs.setTabText(self.window.tabs.indexOf(self.screen), _title())
