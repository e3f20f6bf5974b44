"""R09: the tray keeps watch — the unread count on its icon and tooltip, a menu that opens
the window and the notifications, pauses pop-ups and quits, and closing the window hides it
into the tray (explained once) unless the person chose that Close quits."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.shell_fixtures import app_settings
from ui.shell import tray as tray_module
from ui.shell.tray import Tray, badge, keep_running

__all__ = ["app_settings"]


def _plain_icon() -> QIcon:
    pixmap = QPixmap(64, 64)
    pixmap.fill(QColor("white"))
    return QIcon(pixmap)


def test_r09_the_count_is_drawn_on_the_icon(qapp: object) -> None:
    plain = _plain_icon()
    drawn = badge(plain, 12).pixmap(64, 64).toImage()
    assert QColor(drawn.pixel(48, 8)).red() > 150 and QColor(drawn.pixel(48, 8)).green() < 100
    assert QColor(drawn.pixel(8, 56)) == QColor("white")  # the rest of the icon as it was
    assert badge(plain, 0) is plain


def test_r09_the_tray_menu_opens_pauses_and_quits(qtbot: QtBot, app_settings: object) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    tray = Tray(window, open_inbox=lambda: calls.append("inbox"),
                pause=lambda minutes: calls.append(f"pause {minutes}"),
                resume=lambda: calls.append("resume"), quit_program=lambda: calls.append("quit"))
    tray.set_count(3)
    assert "3 unread" in tray.icon.toolTip()
    texts = [a.text() for a in tray.menu.actions() if a.text()]
    assert texts == ["&Open desk-app", "&Notifications", "&Pause pop-ups for an hour",
                     "&Keep running in the tray when the window closes", "&Quit"]
    tray.inbox_action.trigger()
    assert window.isVisible() and calls == ["inbox"]
    tray.pause_action.trigger()
    tray.pause_action.trigger()
    tray.quit_action.trigger()
    assert calls == ["inbox", "pause 60", "resume", "quit"]


def test_r09_closing_the_window_keeps_watch_in_the_tray(
        qtbot: QtBot, app_settings: object, monkeypatch) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    tray = Tray(window, lambda: None, lambda _m: None, lambda: None, lambda: None)
    told: list[str] = []
    monkeypatch.setattr(tray.icon, "isVisible", lambda: True)
    monkeypatch.setattr(tray.icon, "showMessage", lambda title, *_a: told.append(title))
    assert keep_running()
    assert tray.hide_window_instead_of_closing() and not window.isVisible()
    tray.bring_back()
    assert window.isVisible()
    assert tray.hide_window_instead_of_closing()
    assert told == ["desk-app keeps watching"]  # explained once
    tray.keep_action.trigger()  # the preference: Close quits
    assert not keep_running()
    assert not tray.hide_window_instead_of_closing()
    assert tray_module.KEEP_KEY == "tray/keep_running"
