"""Screens closed while the workstation keeps running: the change hub outlives them, and
announcing a change must not reach a deleted screen."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from desk_app.services.session import Changes
from ui.admin.window import AdminWindow
from ui.incident.log_form import LogIncidentForm
from ui.incident.view import IncidentView


def test_closed_screens_ignore_later_changes(qtbot, make_context, org):
    context = make_context("owner")
    incident_id = org.log()
    screens = [LogIncidentForm(context), IncidentView(context, incident_id),
               AdminWindow(context)]
    for screen in screens:
        screen.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(shiboken6.isValid(screen) for screen in screens)
    context.hub.publish(Changes(incidents=frozenset({incident_id}), reference=True))
    context.hub.external.emit()
    qtbot.wait(300)  # any call already on the worker pool comes back to a deleted screen
