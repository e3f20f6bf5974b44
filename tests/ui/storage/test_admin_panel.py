"""The process owner's backup/restore/check panel, driven through its buttons against a
real file; the core refuses it to anyone else, and the panel shows the refusal."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.services.incident.log import add_note
from desk_app.storage.backup import list_backups
from desk_app.storage.models import Setting
from tests.conftest import Org
from ui.context import UiContext
from ui.storage.admin_panel import StorageAdminPanel


def panel_for(qtbot: QtBot, context: UiContext) -> StorageAdminPanel:
    panel = StorageAdminPanel(context)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.keep_version is not None or panel.keep_days.value() > 1)
    return panel


def test_back_up_now_lists_the_new_backup(org: Org, qtbot: QtBot,
                                          context: Callable[..., UiContext]) -> None:
    panel = panel_for(qtbot, context())
    assert panel.table.rowCount() == 0
    panel.backup_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    assert panel.table.item(0, 1).text() == "manual"
    assert "Backed up to" in panel.output.toPlainText()
    assert len(list_backups(org.path)) == 1


def test_check_shows_the_report(org: Org, qtbot: QtBot,
                                context: Callable[..., UiContext]) -> None:
    org.log()
    panel = panel_for(qtbot, context(language="zh"))
    panel.check_button.click()
    qtbot.waitUntil(lambda: "未发现问题" in panel.output.toPlainText(), timeout=10000)
    assert "SQLite 完整性检查:正常。" in panel.output.toPlainText()


def test_restore_selected_backup(org: Org, qtbot: QtBot, context: Callable[..., UiContext],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    incident = org.log()
    panel = panel_for(qtbot, context())
    panel.backup_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    add_note(org.as_("desk"), incident, "after the backup")
    assert not panel.restore_button.isEnabled()
    panel.table.selectRow(0)
    assert panel.restore_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(panel.restored, timeout=20000) as restored:
        panel.restore_button.click()
    assert restored.args[0].in_place
    assert "Reopen the database on every workstation." in panel.output.toPlainText()
    notes = org.store.execute("SELECT count(*) FROM journal WHERE action = 'note'")
    assert notes[0][0] == 0


def test_retention_is_saved_with_compare_and_set(org: Org, qtbot: QtBot,
                                                 context: Callable[..., UiContext]) -> None:
    panel = panel_for(qtbot, context())
    assert panel.keep_days.value() == 14
    panel.keep_days.setValue(30)
    panel.keep_save.click()
    qtbot.waitUntil(lambda: panel.output.toPlainText() == "Saved.", timeout=10000)
    assert Setting.get_by_id("backup_keep_days").value == "30"
    stale = panel_for(qtbot, context())
    stale.keep_version = 1  # the version it read before the first panel saved
    stale.keep_days.setValue(7)
    stale.keep_save.click()
    qtbot.waitUntil(lambda: "changed by someone else" in stale.output.toPlainText(),
                    timeout=10000)
    assert Setting.get_by_id("backup_keep_days").value == "30"


def test_someone_who_is_not_the_process_owner_is_refused(
        org: Org, qtbot: QtBot, context: Callable[..., UiContext]) -> None:
    panel = StorageAdminPanel(context("desk"))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: "Process administration" in panel.output.toPlainText(),
                    timeout=10000)
    panel.backup_button.click()
    qtbot.waitUntil(lambda: panel.backup_button.isEnabled(), timeout=10000)
    assert list_backups(org.path) == []


def test_restore_says_what_it_will_put_back_before_it_asks(
        org: Org, qtbot: QtBot, context: Callable[..., UiContext],
        monkeypatch: pytest.MonkeyPatch) -> None:
    org.log()
    org.log()
    panel = panel_for(qtbot, context(language="zh"))
    panel.backup_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    panel.table.selectRow(0)
    asked: list[str] = []

    def question(parent: object, title: str, body: str, *rest: object) -> object:
        asked.append(body)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    panel.restore_button.click()
    assert asked and "共 2 个事件" in asked[0] and "INC0000002" in asked[0]
