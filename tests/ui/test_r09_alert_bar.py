"""R09 on the workstation: a pop-up the operating system showed cannot be clicked back into
the program, so the latest one stays over the work area with its action — the sign-in
summary opens the escalation review, a single new escalation opens its incident — and goes
when its reason does."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desk_app.delivery.popups import Shown
from tests.conftest import Org
from tests.escalation_helpers import breach
from tests.ui.shell_fixtures import context_for
from ui.context import UiContext
from ui.escalations.timer import EscalationTimer
from ui.incident.view import IncidentView
from ui.main_window import MainWindow


def _window(qtbot: QtBot, org: Org) -> MainWindow:
    window = MainWindow(context_for(org, "manager"), watch=False)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_r09_the_sign_in_summary_stays_in_the_window_and_opens_the_review(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    for _ in range(3):
        breach(org)
    window = _window(qtbot, org)
    bar = window.escalations.alert_bar
    timer = EscalationTimer(window.context, show=lambda _t, _b: None)
    timer.timer.setInterval(3_600_000)
    timer.alert.connect(bar.show_alert)  # as the window's own round does
    with qtbot.waitSignal(timer.cycle_done, timeout=20_000):
        timer.run_now()
    assert bar.isVisibleTo(window) and "wait for your acknowledgement" in bar.label.text()
    assert bar.button.text() == "Review escalations"
    bar.button.click()
    review = window.escalations.widgets["review"]
    assert window.tabs.currentWidget() is review
    assert not bar.isVisibleTo(window)  # its reason is on the screen


def test_r09_a_new_escalation_opens_its_incident_and_the_review_ends_a_summary(
        qtbot: QtBot, org: Org) -> None:
    window = _window(qtbot, org)
    bar = window.escalations.alert_bar
    incident = org.log()
    bar.show_alert(Shown("new", "INC0000001 escalated", "Assign target breached", 1,
                         escalation_id=1, incident_id=incident))
    assert bar.button.text() == "Open the incident"
    bar.button.click()
    assert isinstance(window.tabs.currentWidget(), IncidentView)
    assert not bar.isVisibleTo(window)
    bar.show_alert(Shown("summary", "2 escalations wait", "Open the review", 2))
    window.escalations.show("review")  # opened from the sidebar or the menu
    assert not bar.isVisibleTo(window)
