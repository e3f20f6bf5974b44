"""The process owner's sign-in safety page: a locked person is shown, unlocked with one
click, a password reset forces a change at the next sign-in, and the idle lock's minutes are
saved for every workstation. Only the owner has the page (R04)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desk_app.errors import AuthenticationError
from desk_app.services.security.idle import idle_lock_minutes
from desk_app.services.security.signin import LOCK_AFTER
from desk_app.services.session import sign_in
from desk_app.storage.models import User
from tests.conftest import PASSWORD, Org
from ui.admin.window import AdminWindow
from ui.security.accounts_page import AccountsPage, ResetPasswordDialog


def _lock_out(org: Org, username: str) -> None:
    org.store.write(lambda: User.update(failed_signins=LOCK_AFTER, locked=True).where(
        User.username == username).execute())


def _page(qtbot: QtBot, make_context, org: Org) -> AccountsPage:
    page = AccountsPage(make_context("owner"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    return page


def test_r04_a_locked_person_is_shown_and_unlocked_by_the_owner(
        qtbot: QtBot, make_context, org: Org) -> None:
    _lock_out(org, "desk")
    with pytest.raises(AuthenticationError):
        sign_in(org.store, "desk", PASSWORD, org.clock)
    page = _page(qtbot, make_context, org)
    assert page.table.rowCount() == 1 and "desk" in page.table.item(0, 0).text()
    assert not page.unlock_button.isEnabled()  # nobody chosen yet: said up front
    page.table.selectRow(0)
    assert page.unlock_button.isEnabled()
    page.unlock_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10_000)
    assert page.empty.isVisible()
    assert sign_in(org.store, "desk", PASSWORD, org.clock).username == "desk"


def test_r04_a_reset_password_must_be_changed_at_the_next_sign_in(
        qtbot: QtBot, make_context, org: Org) -> None:
    page = _page(qtbot, make_context, org)
    index = next(i for i in range(page.people.count()) if "(desk)" in page.people.itemText(i))
    page.people.setCurrentIndex(index)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ResetPasswordDialog):
            QTimer.singleShot(20, fill)
            return
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        dialog.new.setText("short")
        assert not ok.isEnabled() and "at least" in dialog.problem.text()
        dialog.new.setText("temporary-42")
        dialog.again.setText("temporary-4")
        assert not ok.isEnabled() and "differ" in dialog.problem.text()
        dialog.again.setText("temporary-42")
        assert ok.isEnabled()
        dialog.done(QDialog.DialogCode.Accepted)

    QTimer.singleShot(0, fill)
    page.reset_button.click()
    qtbot.waitUntil(lambda: "Password reset" in page.bar.text(), timeout=15_000)
    session = sign_in(org.store, "desk", "temporary-42", org.clock)
    assert session.must_change_password


def test_the_idle_lock_minutes_are_saved_for_every_workstation(
        qtbot: QtBot, make_context, org: Org) -> None:
    page = _page(qtbot, make_context, org)
    page.minutes.setValue(7)
    page.save_minutes.click()
    qtbot.waitUntil(lambda: page.bar.text() == "Saved.", timeout=10_000)
    assert idle_lock_minutes(org.as_("desk")) == 7


def test_r04_only_the_owner_has_the_sign_in_safety_page(
        qtbot: QtBot, make_context, org: Org) -> None:
    for role, present in (("owner", True), ("manager", False), ("desk", False)):
        window = AdminWindow(make_context(role))
        qtbot.addWidget(window)
        assert ("accounts" in window.pages) is present, role
