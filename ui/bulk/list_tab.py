"""Selected incidents opened as one list tab: the report drill-down's tab (``DrillTab``)
holding exactly the incidents a person selected, in the list's order, named after the list
they came from. Its own context menu works as every list's does (open, bulk actions, copy,
export, print, and opening a selection of it as a list tab again)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from desk_app.services.reports.drill import LIMIT, listed_incidents
from ui.bulk.menu import ListActions
from ui.errors import show_error
from ui.reading import read
from ui.reports.drill import DrillTab

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# a tab's name is cut here (the caption above its table says it in full)
TITLE_MAX = 60


def list_title(source_title: str) -> str:
    """What the tab is: the selection from a named list."""
    return QCoreApplication.translate("BulkMenu", "Selected from “%1”").replace(
        "%1", source_title)


class ListTabs(QObject):
    """Opens the list tabs that ``ListActions.list_requested`` asks for in a main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last: DrillTab | None = None

    def attach(self, actions: ListActions) -> None:
        actions.list_requested.connect(self.open)

    def open(self, source_title: str, ids: list[int]) -> None:
        """Read the rows off the GUI thread, then open the tab beside the others."""
        context = self.window.context
        session, title = context.session, list_title(source_title)

        def opened(rows: list[Any]) -> None:
            tab = DrillTab(context, title, rows, cut=len(ids) > LIMIT)
            tab.setObjectName("selectionList")
            tab.open_incident.connect(self.window.open_incident)
            # a selection of this tab is still a selection from the list it came from
            tab.actions.list_requested.connect(
                lambda _title, chosen: self.open(source_title, chosen))
            self.window.tabs.open_widget(tab, title if len(title) <= TITLE_MAX
                                         else title[:TITLE_MAX - 1] + "…")
            self.window.tabs.setTabToolTip(self.window.tabs.indexOf(tab), title)
            self.last = tab

        read(self.window, lambda: listed_incidents(session, list(ids)), opened,
             lambda error: show_error(self.window, error, context.language))
