"""A language switch reaches every open screen at once.

Qt's LanguageChange retranslates the shell's own chrome; the incident screens and the
process settings window render their data labels (stages, codes, levels, history) and most
captions once, when they are built, so a switch builds them again in the new language, in
the same place. A screen holding input that is not saved yet is left as it is (its input
matters more than its language) and changes when it is next opened.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desk_app.errors import DeskError
from desk_app.services.alerts.own_language import set_own_language
from ui.shell.tabs import INCIDENT_KEY, unsaved

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def reopen_in_language(window: MainWindow) -> None:
    tabs = window.tabs
    current = tabs.currentIndex()
    for index in range(tabs.count()):
        widget = tabs.widget(index)
        incident_id = widget.property(INCIDENT_KEY)
        if incident_id is None or unsaved(widget):
            continue
        title = tabs.tabText(index)
        tabs.removeTab(index)
        widget.deleteLater()
        tabs.open_incident(int(incident_id), lambda i=int(incident_id): window.incident_screen(i),
                           title, index=index)
    tabs.setCurrentIndex(current)
    admin: QWidget | None = getattr(window, "_admin", None)
    if admin is None or unsaved(admin):
        return
    page = admin.tabs.currentWidget().objectName() if hasattr(admin, "tabs") else ""
    geometry, visible = admin.geometry(), admin.isVisible()
    admin.destroyed.disconnect()  # it would forget the new window when it goes
    window._admin = None
    admin.close()
    admin.deleteLater()
    if visible:
        fresh = window._show_admin()
        fresh.setGeometry(geometry)
        show_page = getattr(fresh, "show_page", None)
        if page and show_page is not None:
            show_page(page)


def keep_own_language(window: MainWindow, lang: str) -> None:
    """The choice goes with the person to any workstation
    (``desk_app.services.alerts.own_language``); a file that cannot take it (read-only)
    leaves it with this workstation only."""
    session = window.context.session
    try:
        set_own_language(session, lang)
    except DeskError as error:
        log.info("the language stays with this workstation: %s", error)
