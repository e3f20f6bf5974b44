"""Nothing cut off: the main screens and dialogs, at 1366×768 and 1920×1080, in Chinese and
English, are grabbed as pictures and checked for text a widget is too small to show (a
label or button narrower than its size hint, a wrapped label lower than its text, a tab
elided, a text past the window's edge). Each screen is saved under the test's folder, so a
failure can be looked at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import Impact
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident import pending, workflow
from desk_app.services.incident.choices import wait_codes
from desk_app.services.lists.queues import Queue
from tests.conftest import PASSWORD, Org
from tests.ui.clipping import clipped
from tests.ui.shell_fixtures import app_settings, context_for, wait_loaded
from ui.main_window import MainWindow
from ui.translations import translations

__all__ = ["app_settings"]

SIZES = [(1366, 768), (1920, 1080)]
LANGUAGES = ["en", "zh"]


@pytest.fixture(params=LANGUAGES)
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translations.apply(request.param)
    yield request.param
    translations.apply("en")


@pytest.fixture(params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param


def busy(org: Org) -> int:
    """A few incidents in every state a screen shows; returns one in progress."""
    org.log(title="会议室无线网络无法连接", impact=Impact.EXTENSIVE)
    org.log(title="打印机卡纸", caller_id=org.ids["vip"])
    incident = org.log(title="VPN keeps disconnecting every few minutes since the update")
    desk, net1 = org.as_("desk"), org.as_("net1")
    workflow.assign(desk, incident)
    workflow.accept(net1, incident)
    waiting = org.log(title="Laptop will not boot")
    workflow.assign(desk, waiting)
    workflow.accept(net1, waiting)
    pending.set_pending(net1, waiting, wait_code_id=wait_codes(net1)[0].id, note="")
    org.clock.advance(hours=3)
    scan(org.store, org.clock)
    return incident


class Shots:
    def __init__(self, qtbot: QtBot, folder: Path, lang: str, size: tuple[int, int]) -> None:
        self.qtbot, self.folder, self.lang, self.size = qtbot, folder, lang, size
        self.found: list[str] = []

    def check(self, name: str, widget: QWidget) -> None:
        self.qtbot.wait(50)  # layouts settle (a wrapped label's height follows its width)
        widget.grab().save(str(self.folder / f"{name}_{self.lang}_{self.size[0]}.png"))
        self.found += [f"{name}: {problem}" for problem in clipped(widget)]

    def window(self, org: Org, username: str) -> MainWindow:
        window = MainWindow(context_for(org, username, self.lang), watch=False)
        self.qtbot.addWidget(window)
        window.show()
        window.resize(*self.size)  # after the first show, which fits the window to the screen
        self.qtbot.waitUntil(lambda: window.navigator.list_model.counts != {}, timeout=5000)
        return window


def test_nothing_is_cut_off_on_the_main_screens(qtbot: QtBot, org: Org, app_settings: Path,
                                                lang: str, size: tuple[int, int],
                                                tmp_path: Path) -> None:
    incident = busy(org)
    shots = Shots(qtbot, tmp_path, lang, size)
    desk = shots.window(org, "desk")
    desk.show_queue(Queue.ALL)
    wait_loaded(qtbot, desk.queue_view.model)
    shots.check("queue", desk)
    view = desk.open_incident(incident)
    qtbot.waitUntil(lambda: bool(getattr(view, "loaded", True)), timeout=5000)
    shots.check("incident", desk)
    qtbot.waitUntil(lambda: desk.may_log, timeout=5000)
    desk.log_incident()
    form = desk.tabs.currentWidget()
    qtbot.waitUntil(lambda: bool(getattr(form, "ready", True)), timeout=5000)
    shots.check("log_form", desk)
    desk.search("VPN")
    qtbot.waitUntil(lambda: desk.tabs.currentWidget() is desk.search_panel, timeout=5000)
    shots.check("search", desk)
    desk.close()

    manager = shots.window(org, "manager")
    wait_loaded(qtbot, manager.queue_view.model)
    shots.check("escalated", manager)
    review = manager.escalations.show("review")
    qtbot.waitUntil(lambda: review.table.rowCount() > 0, timeout=5000)
    shots.check("review", manager)
    manager.close()

    owner = shots.window(org, "owner")
    qtbot.waitUntil(lambda: owner.reports.screen is not None, timeout=5000)
    screen = owner.reports.screen
    qtbot.waitUntil(lambda: bool(getattr(screen, "report", None)), timeout=20_000)
    shots.check("reports", owner)
    owner.close()
    assert shots.found == [], "\n".join(shots.found)


def test_nothing_is_cut_off_in_the_process_settings(qtbot: QtBot, org: Org, app_settings: Path,
                                                    lang: str, size: tuple[int, int],
                                                    tmp_path: Path) -> None:
    from ui.admin.window import AdminWindow

    shots = Shots(qtbot, tmp_path, lang, size)
    admin = AdminWindow(context_for(org, "owner", lang))
    qtbot.addWidget(admin)
    admin.show()
    admin.resize(min(size[0], 1280), min(size[1] - 60, 900))
    qtbot.waitUntil(lambda: admin.loaded, timeout=15_000)
    for name in admin.pages:
        admin.show_page(name)
        shots.check(f"admin_{name}", admin)
    assert shots.found == [], "\n".join(shots.found)


def test_nothing_is_cut_off_in_the_dialogs(qtbot: QtBot, org: Org, app_settings: Path,
                                           lang: str, size: tuple[int, int],
                                           tmp_path: Path) -> None:
    from tests.ui.forms.helpers import open_view
    from ui.incident.dialogs import DIALOGS
    from ui.shell.preferences import PreferencesDialog
    from ui.startup.sign_in import SignInDialog, demo_accounts
    from ui.startup.wizard import FirstRunWizard

    shots = Shots(qtbot, tmp_path, lang, size)
    incident = busy(org)
    view = open_view(qtbot, context_for(org, "net1", lang), incident)
    for action, dialog_type in DIALOGS.items():
        dialog: QDialog = dialog_type(context_for(org, "net1", lang), view.screen, view)
        dialog.show()
        routing = getattr(dialog, "category", None)  # its categories are read first
        if routing is not None:
            qtbot.waitUntil(lambda r=routing: r.count() > 0, timeout=5000)
        shots.check(f"dialog_{action}", dialog)
        dialog.reject()
        dialog.deleteLater()
    preferences = PreferencesDialog(lang)  # type: ignore[arg-type]
    qtbot.addWidget(preferences)
    preferences.show()
    shots.check("preferences", preferences)
    sign_in = SignInDialog(org.store, lang, demo=demo_accounts(),  # type: ignore[arg-type]
                           demo_password=PASSWORD)
    qtbot.addWidget(sign_in)
    sign_in.show()
    shots.check("sign_in", sign_in)
    wizard = FirstRunWizard(lang)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    for page in range(3):
        shots.check(f"wizard_{page}", wizard)
        wizard.next()
    assert shots.found == [], "\n".join(shots.found)


def test_the_check_finds_cut_text(qtbot: QtBot) -> None:
    """The check itself: a label, button, wrapped label and drop-down too small for their
    text are found; the same at their natural size are not."""
    from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    label = QLabel("A label with far more text than its width allows")
    button = QPushButton("A button with a long caption")
    wrapped = QLabel("A wrapped label whose lines need more height than it has " * 4)
    wrapped.setWordWrap(True)
    combo = QComboBox()
    combo.addItem("A choice with a long name that the drop-down cannot show")
    for widget in (label, button, wrapped, combo):
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)
    root.resize(root.sizeHint().expandedTo(root.minimumSizeHint()))
    qtbot.wait(50)
    assert clipped(root) == []
    for widget in (label, button, combo):
        widget.setFixedWidth(40)
    wrapped.setFixedSize(120, 20)
    qtbot.wait(50)
    found = "\n".join(clipped(root))
    for text in ("A label with", "A button with", "A wrapped label", "A choice with"):
        assert text in found
