"""One language at a time, everywhere a person looks: a switch in Preferences reaches the
queue, the open incident (its header, fields, timeline and targets), the process settings
window already open, and the next sign-in; no data label of the other language is left."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import Impact
from desk_app.services.alerts.own_language import own_language
from desk_app.services.incident import pending, workflow
from desk_app.services.incident.choices import close_codes, wait_codes
from desk_app.services.lists.queues import Queue
from tests.conftest import Org
from tests.ui.language_walk import data_labels, foreign
from tests.ui.shell_fixtures import (
    FAIL_ON_QT_WARNINGS,
    app_settings,
    context_for,
    english,
    wait_loaded,
)
from ui import settings
from ui.main_window import MainWindow
from ui.startup.flow import Startup
from ui.translations import translations

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


def history(org: Org) -> int:
    """An incident with a journal of every kind of data label: stages, levels, a wait
    code, a transfer between support levels, a resolution."""
    org.log(title="打印机卡纸")
    incident = org.log(title="VPN keeps disconnecting", impact=Impact.EXTENSIVE)
    desk, net1 = org.as_("desk"), org.as_("net1")
    workflow.assign(desk, incident)
    workflow.accept(net1, incident)
    code = wait_codes(net1)[0].id
    pending.set_pending(net1, incident, wait_code_id=code, note="")
    org.clock.advance(minutes=30)
    pending.resume(net1, incident, note="")
    workflow.transfer(net1, incident, note="needs the core switch", tier=2)
    workflow.accept(org.as_("l2"), incident)
    workflow.resolve(org.as_("l2"), incident, resolution="replaced the switch port")
    assert close_codes(desk)
    return incident


def open_everything(qtbot: QtBot, org: Org, username: str = "manager") -> MainWindow:
    window = MainWindow(context_for(org, username), watch=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_queue(Queue.ALL)
    wait_loaded(qtbot, window.queue_view.model)
    return window


def loaded_views(window: MainWindow) -> list[QWidget]:
    return [window.tabs.widget(i) for i in range(window.tabs.count())]


def wait_all_loaded(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: all(bool(getattr(w, "loaded", True)) for w in loaded_views(window)),
                    timeout=5000)
    admin = window._admin
    if admin is not None:
        qtbot.waitUntil(lambda: bool(getattr(admin, "loaded", True)), timeout=10_000)
    wait_loaded(qtbot, window.queue_view.model)


def roots(window: MainWindow) -> list[QWidget]:
    return [window, *([window._admin] if window._admin is not None else [])]


def test_every_screen_switches_to_chinese_and_back_with_no_data_label_left(
        qtbot: QtBot, org: Org, app_settings: Path, english: None) -> None:
    incident = history(org)
    labels = data_labels(org.store)
    window = open_everything(qtbot, org)
    window.open_incident(incident)
    window._show_admin()
    wait_all_loaded(qtbot, window)
    assert_none(foreign(roots(window), labels["zh"]))

    window.set_language("zh")
    wait_all_loaded(qtbot, window)
    assert window.tabs.incident_tab(incident) is not None
    assert_none(foreign(roots(window), labels["en"]))

    window.set_language("en")
    wait_all_loaded(qtbot, window)
    assert_none(foreign(roots(window), labels["zh"]))
    window.close()


def test_chinese_from_the_start_shows_no_english_data_label(
        qtbot: QtBot, org: Org, app_settings: Path, english: None) -> None:
    incident = history(org)
    labels = data_labels(org.store)
    translations.apply("zh")
    window = MainWindow(context_for(org, "manager", "zh"), watch=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_queue(Queue.ALL)
    window.open_incident(incident)
    window._show_admin()
    wait_all_loaded(qtbot, window)
    assert_none(foreign(roots(window), labels["en"]))
    window.close()


def test_the_language_goes_with_the_person_and_to_the_next_sign_in(
        qtbot: QtBot, org: Org, app_settings: Path, english: None) -> None:
    """Switching in Preferences then signing out: the sign-in dialog's picker and texts say
    the new language (not the one the program started in), and the person keeps it."""
    startup = Startup(database=org.path, language="en")
    startup.store = org.store
    window = MainWindow(context_for(org, "desk"), watch=False)
    qtbot.addWidget(window)
    window.set_language("zh")
    assert own_language(org.as_("desk")) == "zh"
    assert settings.language() == "zh"
    dialog = startup.sign_in_dialog()
    qtbot.addWidget(dialog)
    assert dialog.language == "zh"
    assert dialog.language_choice.currentData() == "zh"
    assert dialog.windowTitle() != "Sign in — desk-app"
    window.close()


def assert_none(found: list[tuple[str, str, str]]) -> None:
    assert found == [], "\n".join(f"{where}: {text!r} holds {piece!r}"
                                  for where, text, piece in found)
