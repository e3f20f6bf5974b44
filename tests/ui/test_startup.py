"""Starting the program: signing in (in both languages), the first-run wizard creating or
opening a database, the demo database made on first use, the last database remembered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot

from desk_app.storage.opening import open_store
from tests.conftest import PASSWORD, Org
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, english
from ui import settings
from ui.startup.flow import Startup
from ui.startup.sign_in import SignInDialog, demo_accounts
from ui.startup.wizard import DATABASE_PAGE, MODE_PAGE, OWNER_PAGE, FirstRunWizard
from ui.translations import translations

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


def when_shown(kind: type, act: Callable[[object], None]) -> None:
    """Act on the next modal dialog of ``kind`` once it is on screen (a person's part)."""
    timer = QTimer()

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            timer.stop()
            act(widget)

    timer.timeout.connect(poll)
    timer.start(50)
    when_shown.timers.append(timer)  # type: ignore[attr-defined]


when_shown.timers = []  # type: ignore[attr-defined]


def test_sign_in_refuses_in_chinese_then_signs_in(qtbot: QtBot, org: Org,
                                                  english: None) -> None:
    dialog = SignInDialog(org.store, "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("net1")
    dialog.password.setText("wrong password")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.error.text() == "用户名或密码错误,或账户已停用。")
    assert dialog.username.text() == "net1" and dialog.isVisible()
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.session is not None and dialog.session.username == "net1"


def test_sign_in_lists_the_demo_accounts(qtbot: QtBot, org: Org, english: None) -> None:
    dialog = SignInDialog(org.store, "en", demo=demo_accounts(), demo_password="desk-demo")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demo_list.count() == len(demo_accounts())
    assert "desk-demo" in dialog.demo_label.text()
    wang = next(i for i in range(dialog.demo_list.count())
                if "wangfang" in dialog.demo_list.item(i).text())
    assert "Service desk, Level-1 support" in dialog.demo_list.item(wang).text()
    dialog.demo_list.setCurrentRow(wang)
    assert (dialog.username.text(), dialog.password.text()) == ("wangfang", "desk-demo")


def test_sign_in_switches_language_live(qtbot: QtBot, org: Org, english: None) -> None:
    chosen: list[str] = []

    def apply(lang: str) -> None:
        chosen.append(lang)
        translations.apply(lang)  # type: ignore[arg-type]

    dialog = SignInDialog(org.store, "en", on_language=apply)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.heading.text() == "Sign in"
    dialog.language_choice.setCurrentIndex(dialog.language_choice.findData("zh"))
    assert chosen == ["zh"]
    assert dialog.heading.text() == "登录"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_wizard_creates_a_database_and_its_process_owner(qtbot: QtBot, tmp_path: Path,
                                                         english: None) -> None:
    wizard = FirstRunWizard("en", lambda lang: translations.apply(lang))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.language_page.chinese.setChecked(True)  # the rest of the wizard speaks Chinese
    assert wizard.language == "zh"
    assert wizard.buttonText(QWizard.WizardButton.NextButton).startswith("下一步")
    wizard.next()
    assert wizard.currentId() == MODE_PAGE
    assert wizard.mode_page.create.isChecked()
    wizard.next()
    assert wizard.currentId() == DATABASE_PAGE
    page = wizard.database_page
    assert page.title() == "新建数据库" and "本机磁盘" in page.where.text()
    target = tmp_path / "team" / "desk.sqlite"
    page.path.setText(str(target))
    wizard.next()
    assert wizard.currentId() == OWNER_PAGE
    owner = wizard.owner_page
    owner.username.setText("boss")
    owner.full_name.setText("陈静 Chen Jing")
    owner.password.setText("short")
    owner.repeat.setText("short")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert owner.errors["password"].text() == "密码至少需要 8 个字符。"  # the core's rule
    assert wizard.isVisible() and not target.exists()
    owner.password.setText("a long password")
    owner.repeat.setText("a different one")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert owner.errors["repeat"].isVisible() and wizard.isVisible()
    owner.repeat.setText("a long password")
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    outcome = wizard.outcome()
    assert outcome.created and outcome.path == target and outcome.language == "zh"
    assert (outcome.username, outcome.password) == ("boss", "a long password")
    store = open_store(target)
    try:
        roles = store.execute("SELECT role FROM user_role JOIN user ON user.id = user_id "
                              "WHERE username = 'boss'")
        assert roles == [("process_owner",)]
    finally:
        store.close()


def test_wizard_opens_an_existing_database(qtbot: QtBot, org: Org, tmp_path: Path,
                                           english: None) -> None:
    wizard = FirstRunWizard("en")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.mode_page.open.setChecked(True)
    wizard.next()
    page = wizard.database_page
    assert wizard.currentId() == DATABASE_PAGE and page.title() == "Existing database"
    not_a_database = tmp_path / "notes.sqlite"
    not_a_database.write_text("shopping list: milk, eggs, bread, " * 200)
    page.path.setText(str(not_a_database))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert page.error.isVisible() and wizard.isVisible()
    page.path.setText(str(org.path))
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.outcome().created and wizard.outcome().path == org.path


def test_demo_start_makes_the_demo_and_signs_in_a_demo_account(
        qtbot: QtBot, tmp_path: Path, app_settings: Path, english: None) -> None:
    demo = tmp_path / "data" / "demo.sqlite"

    def choose_wang_fang(dialog: SignInDialog) -> None:
        for row in range(dialog.demo_list.count()):
            if "wangfang" in dialog.demo_list.item(row).text():
                dialog.demo_list.setCurrentRow(row)
        dialog.try_sign_in()

    when_shown(SignInDialog, choose_wang_fang)  # type: ignore[arg-type]
    startup = Startup(demo=True, demo_path=demo, demo_incidents=12, language="en")
    try:
        assert startup.start()
        assert demo.exists() and not demo.with_name("demo.sqlite.partial").exists()
        window = startup.window
        assert window is not None and window.isVisible()
        assert window.context.session.username == "wangfang"
        assert settings.last_database() is None  # the demo is not "the last database"
        qtbot.waitUntil(lambda: window.may_log)
        window.close()
    finally:
        startup.shutdown()


def test_the_last_database_is_opened_next_time(qtbot: QtBot, org: Org, app_settings: Path,
                                               english: None) -> None:
    seen: list[Path] = []

    def sign_in_as_desk(dialog: SignInDialog) -> None:
        seen.append(dialog.store.path)
        dialog.username.setText("desk")
        dialog.password.setText(PASSWORD)
        dialog.try_sign_in()

    when_shown(SignInDialog, sign_in_as_desk)  # type: ignore[arg-type]
    first = Startup(database=org.path, language="en")
    assert first.start()
    assert settings.last_database() == org.path
    assert first.window is not None
    first.window.close()
    first.shutdown()
    when_shown(SignInDialog, sign_in_as_desk)  # type: ignore[arg-type]
    second = Startup(language="en")  # no database given: the last one
    assert second.start()
    assert seen == [org.path, org.path]
    assert second.window is not None
    second.window.close()
    second.shutdown()


@pytest.fixture(autouse=True)
def _stop_dialog_drivers() -> object:
    yield
    for timer in when_shown.timers:  # type: ignore[attr-defined]
        timer.stop()
    when_shown.timers.clear()  # type: ignore[attr-defined]


def test_first_start_runs_the_wizard_and_signs_in_the_new_owner(
        qtbot: QtBot, tmp_path: Path, app_settings: Path, english: None) -> None:
    target = tmp_path / "shared" / "desk.sqlite"

    def walk_through(wizard: FirstRunWizard) -> None:
        wizard.next()  # language: English
        wizard.next()  # create a new database
        wizard.database_page.path.setText(str(target))
        wizard.next()
        owner = wizard.owner_page
        owner.username.setText("chen")
        owner.full_name.setText("陈静 Chen Jing")
        owner.password.setText("process owner")
        owner.repeat.setText("process owner")
        wizard.button(QWizard.WizardButton.FinishButton).click()

    when_shown(FirstRunWizard, walk_through)  # type: ignore[arg-type]
    startup = Startup(language="en")  # nothing remembered: a first start
    try:
        assert startup.start()
        window = startup.window
        assert window is not None and window.context.session.username == "chen"
        assert settings.last_database() == target
        qtbot.waitUntil(lambda: window.may_administer)  # the process owner (R04)
        assert window.admin_action.isVisible()
        window.close()
    finally:
        startup.shutdown()
