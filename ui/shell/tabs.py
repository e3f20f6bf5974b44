"""The work area: the queue in the first tab (always there), then search results, new
incidents and open incidents, several at once.

A tab's widget may say it holds unsaved input (``has_unsaved_changes`` attribute or method);
closing it then asks first, so that no edit is lost by a stray Ctrl+W.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QTabBar, QTabWidget, QWidget

INCIDENT_KEY = "desk_incident_id"
KEEP_KEY = "desk_keep"


def unsaved(widget: QWidget) -> bool:
    flag = getattr(widget, "has_unsaved_changes", False)
    return bool(flag() if callable(flag) else flag)


def _title(widget: QWidget, fallback: str) -> str:
    """The incident view's ``title`` property (its contract); anything else called
    ``title`` (the log form's title field, say) is not a tab text."""
    title = getattr(widget, "title", None)
    if callable(title) and not isinstance(title, QWidget):
        title = title()
    return title if isinstance(title, str) and title else fallback


class WorkTabs(QTabWidget):
    def __init__(self, home: QWidget, home_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workTabs")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setUsesScrollButtons(True)
        self.home = home
        self.addTab(home, home_title)
        self._unclosable(home)
        self.tabCloseRequested.connect(self.close_tab)

    def _unclosable(self, widget: QWidget) -> None:
        index = self.indexOf(widget)
        for side in (QTabBar.ButtonPosition.RightSide, QTabBar.ButtonPosition.LeftSide):
            self.tabBar().setTabButton(index, side, None)  # type: ignore[arg-type]

    def show_kept(self, widget: QWidget, title: str, index: int = 1) -> None:
        """A tab the window keeps (search results): closing hides it, showing it again
        brings back the same widget."""
        widget.setProperty(KEEP_KEY, True)
        if self.indexOf(widget) < 0:
            self.insertTab(min(index, self.count()), widget, title)
        else:
            self.setTabText(self.indexOf(widget), title)
        self.setCurrentWidget(widget)

    def incident_tab(self, incident_id: int) -> QWidget | None:
        for i in range(self.count()):
            if self.widget(i).property(INCIDENT_KEY) == incident_id:
                return self.widget(i)
        return None

    def open_incident(self, incident_id: int, make: Callable[[], QWidget],
                      fallback_title: str, index: int = -1) -> QWidget:
        widget = self.incident_tab(incident_id)
        if widget is None:
            widget = make()
            widget.setProperty(INCIDENT_KEY, incident_id)
            self.insertTab(index, widget, _title(widget, fallback_title))
            self.setTabToolTip(self.indexOf(widget), fallback_title)
        self.setCurrentWidget(widget)
        return widget

    def open_widget(self, widget: QWidget, title: str) -> None:
        self.addTab(widget, title)
        self.setCurrentWidget(widget)

    def retitle(self) -> None:
        for i in range(self.count()):
            widget = self.widget(i)
            if widget.property(INCIDENT_KEY) is not None:
                self.setTabText(i, _title(widget, self.tabText(i)))

    def incident_ids(self) -> list[int]:
        return [int(self.widget(i).property(INCIDENT_KEY)) for i in range(self.count())
                if self.widget(i).property(INCIDENT_KEY) is not None]

    def close_tab(self, index: int) -> bool:
        widget = self.widget(index)
        if widget is None or widget is self.home:
            return False
        if unsaved(widget):
            answer = QMessageBox.question(
                self, self.tr("Close this tab?"),
                self.tr("“%1” has input that is not saved yet. Close it anyway and lose "
                        "that input?").replace("%1", self.tabText(index)),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return False
        self.removeTab(index)
        if not widget.property(KEEP_KEY):
            widget.deleteLater()
        return True

    def unsaved_titles(self) -> list[str]:
        return [self.tabText(i) for i in range(self.count()) if unsaved(self.widget(i))]

    def close_current(self) -> None:
        self.close_tab(self.currentIndex())

    def step(self, delta: int) -> None:
        if self.count():
            self.setCurrentIndex((self.currentIndex() + delta) % self.count())
