"""The escalation half placed in the main window: its menu and tabs, the inbox badge, and
the window's background round escalating an overdue incident (R07) on its own."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desk_app.domain.enums import Impact, Urgency
from desk_app.services.lists.queues import Queue
from tests.conftest import Org
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, context_for, english
from ui.main_window import MainWindow

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


def test_escalation_screens_open_as_tabs(qtbot: QtBot, org: Org, app_settings: object,
                                         english: None) -> None:
    window = MainWindow(context_for(org, "manager"), watch=False)
    qtbot.addWidget(window)
    window.show()
    screens = window.escalations
    assert [a.text() for a in screens.menu.actions()][:4] == [
        "Notifications", "Escalation review", "Call tasks", "Duty roster"]
    review = screens.show("review")
    assert window.tabs.currentWidget() is review
    assert window.tabs.tabText(window.tabs.indexOf(review)) == "Escalation review"
    assert screens.show("review") is review and window.tabs.count() == 2  # one of each
    window.close_tab_action.trigger()
    assert window.tabs.count() == 1
    assert screens.show("review") is review  # closing a kept screen hides it


def test_r07_the_window_escalates_an_overdue_incident_by_itself(
        qtbot: QtBot, org: Org, app_settings: object, english: None) -> None:
    incident = org.log(title="Core switch down", impact=Impact.EXTENSIVE,
                       urgency=Urgency.CRITICAL)  # P1: 15 minutes to assign
    org.clock.advance(minutes=20)
    window = MainWindow(context_for(org, "manager"))  # watching, with its background round
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.navigator.list_model.counts.get(Queue.ESCALATED) == 1,
                    timeout=15_000)
    window.show_queue(Queue.ESCALATED)
    qtbot.waitUntil(lambda: list(window.queue_view.model.ids) == [incident], timeout=5000)
    qtbot.waitUntil(lambda: window.escalations.counts.get("inbox", 0) >= 1, timeout=5000)
    assert window.escalations.actions["inbox"].text().startswith("Notifications (")
    window.close()
