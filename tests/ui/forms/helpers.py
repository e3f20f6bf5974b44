"""Driving the incident view in tests."""

from __future__ import annotations

from ui.incident.view import IncidentView


def open_view(qtbot, context, incident_id: int) -> IncidentView:
    view = IncidentView(context, incident_id)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitUntil(lambda: view.loaded, timeout=5000)
    return view


def wait_version_after(qtbot, view: IncidentView, before: int) -> None:
    qtbot.waitUntil(lambda: view.loaded and view.screen.version > before, timeout=5000)
