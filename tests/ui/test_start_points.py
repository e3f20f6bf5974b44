"""Starting points per role: the incident manager starts on Escalated, the process owner on
Reports, the desk on its own work; the title bar names the person's roles; the sidebar's
"Escalated" count and the escalation review's count say what they count and agree."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desk_app.domain.enums import Impact, Urgency
from desk_app.services.alerts.escalation import scan
from desk_app.services.lists.queues import Queue
from desk_app.storage.models import Escalation
from tests.conftest import Org
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, context_for, english
from ui.main_window import MainWindow
from ui.translations import translations

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


def _window(qtbot: QtBot, org: Org, username: str, lang: str = "en") -> MainWindow:
    window = MainWindow(context_for(org, username, lang), watch=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.navigator.list_model.counts != {}, timeout=5000)
    return window


def test_the_incident_manager_starts_on_escalated(qtbot: QtBot, org: Org, app_settings: object,
                                                  english: None) -> None:
    window = _window(qtbot, org, "manager")
    assert window.navigator.current_queue() == Queue.ESCALATED
    assert window.queue_view.model.queue == Queue.ESCALATED
    assert window.tabs.tabText(0).startswith("Escalated")


def test_the_process_owner_starts_on_reports(qtbot: QtBot, org: Org, app_settings: object,
                                             english: None) -> None:
    window = _window(qtbot, org, "owner")
    qtbot.waitUntil(lambda: window.reports.screen is not None
                    and window.tabs.currentWidget() is window.reports.screen, timeout=5000)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Reports"


def test_the_desk_starts_on_its_own_work(qtbot: QtBot, org: Org, app_settings: object,
                                         english: None) -> None:
    window = _window(qtbot, org, "desk")
    assert window.navigator.current_queue() == Queue.MY_WORK
    assert window.tabs.currentWidget() is window.queue_view


def test_the_title_bar_names_the_persons_roles(qtbot: QtBot, org: Org, app_settings: object,
                                               english: None) -> None:
    desk = _window(qtbot, org, "desk")
    assert desk.windowTitle() == "desk-app — 王芳 Wang Fang — Service desk, Level-1 support"
    manager = _window(qtbot, org, "manager")
    assert manager.windowTitle() == "desk-app — Mia Manager — Incident manager"
    assert "Service desk" not in manager.windowTitle()
    owner = _window(qtbot, org, "owner")
    assert owner.windowTitle() == "desk-app — Olivia Owner — Process owner"


def test_the_title_bar_names_the_roles_in_chinese(qtbot: QtBot, org: Org, app_settings: object,
                                                  english: None) -> None:
    translations.apply("zh")
    window = _window(qtbot, org, "desk", "zh")
    assert window.windowTitle().endswith("王芳 Wang Fang — 服务台、一线支持人员")
    window.set_language("en")
    assert window.windowTitle().endswith("Service desk, Level-1 support")


def test_escalated_counts_say_what_they_count_and_agree(qtbot: QtBot, org: Org,
                                                        app_settings: object,
                                                        english: None) -> None:
    incident = org.log(impact=Impact.EXTENSIVE, urgency=Urgency.CRITICAL)  # P1
    for _ in range(40):
        org.clock.advance(hours=1)
        scan(org.store, org.clock)
        count = org.store.read(lambda: Escalation.select().where(
            Escalation.incident == incident).count())
        if count >= 2:
            break
    assert count >= 2  # one incident, several escalations
    window = _window(qtbot, org, "manager")
    assert window.navigator.list_model.counts[Queue.ESCALATED] == 1
    tip = window.navigator.list_model.data(
        window.navigator.list_model.index(list(Queue).index(Queue.ESCALATED)),
        3)  # Qt.ToolTipRole
    assert "count is of incidents" in tip
    review = window.escalations.show("review")
    qtbot.waitUntil(lambda: review.table.rowCount() == count, timeout=5000)
    assert review.count_label.text() == f"{count} escalation(s) on 1 incident(s)"


def test_the_queue_used_last_is_kept(qtbot: QtBot, org: Org, app_settings: object,
                                     english: None) -> None:
    first = _window(qtbot, org, "manager")
    assert first.navigator.current_queue() == Queue.ESCALATED
    first.show_queue(Queue.UNASSIGNED)
    first.close()
    again = _window(qtbot, org, "manager")
    assert again.navigator.current_queue() == Queue.UNASSIGNED
