"""The Knowledge menu of the main window: the Knowledge screen (everyone reads, Level-2
staff and the process owner review) and the template editor (the process owner)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desk_app.domain.enums import Role

if TYPE_CHECKING:
    from ui.knowledge.screen import KnowledgeScreen
    from ui.main_window import MainWindow


def _title() -> str:
    return QCoreApplication.translate("KnowledgeEntry", "Knowledge")


class KnowledgeEntry(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.screen: KnowledgeScreen | None = None
        self.articles = QAction("", window)
        self.articles.setObjectName("knowledge")
        self.articles.setShortcut("Ctrl+K")
        self.articles.triggered.connect(self.show)
        self.templates = QAction("", window)
        self.templates.setObjectName("templates")
        self.templates.triggered.connect(self.edit_templates)
        self.templates.setVisible(window.context.session.has(Role.PROCESS_OWNER))
        self.menu = QMenu(window)
        self.menu.addAction(self.articles)
        self.menu.addAction(self.templates)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        window.installEventFilter(self)
        self.retranslate()

    def show(self) -> KnowledgeScreen:
        if self.screen is None:
            from ui.knowledge.screen import KnowledgeScreen

            self.screen = KnowledgeScreen(self.window.context)
            self.screen.open_incident.connect(self.window.open_incident)
        tabs = self.window.tabs
        tabs.show_kept(self.screen, _title(), index=tabs.count())
        return self.screen

    def edit_templates(self) -> None:
        from ui.knowledge.template_editor import TemplateEditor

        TemplateEditor(self.window.context, self.window).exec()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.screen is not None and self.window.tabs.indexOf(self.screen) < 0:
                self.screen.deleteLater()
                self.screen = None
        return False

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("KnowledgeEntry", "&Knowledge"))
        self.articles.setText(QCoreApplication.translate("KnowledgeEntry",
                                                         "Knowledge &articles"))
        self.templates.setText(QCoreApplication.translate("KnowledgeEntry",
                                                          "Incident &templates…"))
        if self.screen is not None and self.window.tabs.indexOf(self.screen) >= 0:
            self.window.tabs.setTabText(self.window.tabs.indexOf(self.screen), _title())
