"""Shift change without quitting: File › Switch user and the idle lock keep the window, its
timers and tray; the same person finds their tabs and typed text, another person is asked
before they are discarded; a person disabled meanwhile is brought to the sign-in screen."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desk_app.storage.models import User
from tests.conftest import PASSWORD, Org
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, context_for, english
from ui.main_window import MainWindow
from ui.security.lock import ChangePasswordDialog
from ui.startup.sign_in import SignInDialog

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


class Typed(QLineEdit):
    """A tab holding input not saved yet."""

    def has_unsaved_changes(self) -> bool:
        return bool(self.text())


def _window(qtbot: QtBot, org: Org) -> MainWindow:
    main = MainWindow(context_for(org, "net1"), watch=False)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _sign_in_when_shown(qtbot: QtBot, username: str, password: str,
                        then: Callable[[], None] | None = None) -> list[str]:
    """Fill the sign-in dialog once it is up (it runs modally), and sign in again while it
    stays up: on a loaded machine a try can be refused for a moment (the file busy), and the
    dialog then waits for the person, as it should."""
    seen: list[str] = []
    filled: list[SignInDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignInDialog):
            QTimer.singleShot(20, fill)
            return
        if dialog not in filled:
            filled.append(dialog)
            seen.append(dialog.windowTitle())
            if then is not None:
                QTimer.singleShot(50, then)
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog.try_sign_in()
        QTimer.singleShot(200, lambda: again(dialog))

    def again(dialog: SignInDialog) -> None:
        if shiboken6.isValid(dialog) and dialog.isVisible():
            if dialog._busy:  # the try is still under way
                QTimer.singleShot(200, lambda: again(dialog))
            else:
                fill()

    QTimer.singleShot(0, fill)
    return seen


def _answer_when_asked(button: QMessageBox.StandardButton, asked: list[str],
                       until: Callable[[], bool] | None = None) -> None:
    """Answer the next message box; with ``until``, every one until it holds (on a loaded
    machine another box may come first)."""
    def answer() -> None:
        if until is not None and until():
            return
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append(box.text())
        found = box.button(button)
        (found if found is not None else box.buttons()[0]).click()
        if until is not None:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)


def test_the_same_person_finds_tabs_and_typed_text_after_the_idle_lock(
        qtbot: QtBot, org: Org, app_settings: object, english: None) -> None:
    window = _window(qtbot, org)
    typed = Typed()
    typed.setText("half a note")
    window.tabs.open_widget(typed, "Draft")
    timer_before = window.escalations
    titles = _sign_in_when_shown(qtbot, "net1", PASSWORD)
    window.workstation_lock.lock(idle=True)
    assert titles == ["Workstation locked — desk-app"]
    assert window.context.session.username == "net1"
    assert window.tabs.count() == 2 and typed.text() == "half a note"
    assert window.escalations is timer_before and window.isVisible()
    typed.clear()  # so that closing the window at the end does not ask about it


def test_another_person_is_asked_then_the_tabs_are_discarded(
        qtbot: QtBot, org: Org, app_settings: object, english: None) -> None:
    window = _window(qtbot, org)
    typed = Typed()
    typed.setText("half a note")
    window.tabs.open_widget(typed, "Draft")
    asked: list[str] = []
    _sign_in_when_shown(qtbot, "desk", PASSWORD,
                        then=lambda: _answer_when_asked(QMessageBox.StandardButton.Discard,
                                                        asked))
    window.workstation_lock.switch_action.trigger()
    assert asked and "Draft" in asked[0] and "not saved" in asked[0]
    assert window.context.session.username == "desk"
    assert window.tabs.count() == 1
    assert window.isVisible()


def test_a_disabled_person_is_brought_to_the_sign_in_screen(
        qtbot: QtBot, org: Org, app_settings: object, english: None) -> None:
    window = _window(qtbot, org)
    org.store.write(lambda: User.update(active=False).where(User.username == "net1").execute())
    told: list[str] = []
    _answer_when_asked(QMessageBox.StandardButton.Ok, told,
                       until=lambda: window.context.session.username == "desk")
    _sign_in_when_shown(qtbot, "desk", PASSWORD)
    # the next read of the window is refused by the core
    QTimer.singleShot(0, window.refresh)
    qtbot.waitUntil(lambda: window.context.session.username == "desk", timeout=10_000)
    assert any("signed out" in text for text in told), told


def test_the_password_dialog_enables_ok_only_when_it_can_succeed(
        qtbot: QtBot, org: Org, english: None) -> None:
    dialog = ChangePasswordDialog(org.as_("desk"), forced=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.current.setText(PASSWORD)
    dialog.new.setText("short")
    assert not ok.isEnabled() and "at least" in dialog.problem.text()
    dialog.new.setText("battery staple")
    dialog.again.setText("battery staple")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        ok.click()


del QWidget


def test_a_late_refusal_for_the_previous_person_leaves_the_next_one_alone(
        qtbot: QtBot, org: Org, app_settings: object, english: None) -> None:
    """A read started for the person before the hand-over can come back refused after it
    (they were disabled meanwhile); the person now at the workstation is not signed out."""
    window = _window(qtbot, org)
    before = window.context.session.user_id
    window.workstation_lock.hand_over(org.as_("desk"))
    shown: list[str] = []

    def close_any(times: int) -> None:
        box = QApplication.activeModalWidget()
        if box is not None:
            shown.append(box.windowTitle())
            box.close()
        if times:
            QTimer.singleShot(100, lambda: close_any(times - 1))

    QTimer.singleShot(100, lambda: close_any(10))
    window.context.hub.signed_out.emit(before)
    qtbot.wait(1_300)
    assert shown == []
    assert window.context.session.username == "desk"
    assert not window.workstation_lock.locked


def test_a_refusal_for_a_signed_out_person_opens_no_second_box(
        qtbot: QtBot, monkeypatch: object) -> None:
    """The lock tells the person once; a screen's own refused read adds no box (one shown
    after the next person signed in waited for an answer nobody gave)."""
    from desk_app.errors import SignedOut
    from ui.errors import show_error

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",  # type: ignore[attr-defined]
                        lambda parent, title, text: shown.append(text))
    show_error(None, SignedOut(7), "en")
    assert shown == []
    show_error(None, ValueError("other"), "en")
    assert len(shown) == 1
