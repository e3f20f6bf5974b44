"""The screens the forms half of the workstation builds, constructed by their contract:

* ``ui.incident.log_form.LogIncidentForm(context, parent=None)``: signals ``logged(int)``
  and ``cancelled()``;
* ``ui.incident.view.IncidentView(context, incident_id, parent=None)``: property ``title``;
* ``ui.admin.window.AdminWindow(context, parent=None)``.

A build without one of them shows a placeholder that says which screen is missing, instead
of failing; an error inside a screen that is there is not hidden.
"""

from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import UiContext

LOG_FORM = ("ui.incident.log_form", "LogIncidentForm")
INCIDENT_VIEW = ("ui.incident.view", "IncidentView")
ADMIN_WINDOW = ("ui.admin.window", "AdminWindow")



def screen_class(module: str, name: str) -> type[QWidget] | None:
    """The class, or None if its module is not part of this build."""
    try:
        found = import_module(module)
    except ModuleNotFoundError as error:
        parts = module.split(".")
        missing = {".".join(parts[:i]) for i in range(2, len(parts) + 1)}
        if error.name in missing:
            return None
        raise
    return getattr(found, name, None)


class MissingScreen(QWidget):
    """Stands in for a screen this build does not have yet."""

    def __init__(self, module: str, name: str, title: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.title = title
        self.setObjectName("missingScreen")
        missing = QCoreApplication.translate("Screens", "This screen is not part of this build "
                                                        "yet.")
        text = QLabel(f"{missing}\n{module}.{name}", self)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        self.message = text


def log_form(context: UiContext, parent: QWidget | None = None) -> QWidget:
    cls = screen_class(*LOG_FORM)
    if cls is None:
        title = QCoreApplication.translate("Screens", "New incident")
        return MissingScreen(*LOG_FORM, title, parent)
    return cls(context, parent)  # type: ignore[call-arg]


def incident_view(context: UiContext, incident_id: int, fallback_title: str,
                  parent: QWidget | None = None) -> QWidget:
    cls = screen_class(*INCIDENT_VIEW)
    if cls is None:
        return MissingScreen(*INCIDENT_VIEW, fallback_title, parent)
    return cls(context, incident_id, parent)  # type: ignore[call-arg]


def admin_window(context: UiContext, parent: QWidget | None = None) -> QWidget:
    cls = screen_class(*ADMIN_WINDOW)
    if cls is None:
        title = QCoreApplication.translate("Screens", "Administration")
        return MissingScreen(*ADMIN_WINDOW, title, parent)
    return cls(context, parent)  # type: ignore[call-arg]
