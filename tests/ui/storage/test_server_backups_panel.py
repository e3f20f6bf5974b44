"""The process owner's Database panel on a team's server: "Back up now" dumps the server
(``pg_dump``), the dumps are listed, and a restore says what it will put back and puts it
back (``pg_restore``, one transaction)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.services.incident.log import add_note
from tests.conftest import Org
from tests.ui.storage.test_admin_panel import panel_for
from ui.context import UiContext

ON_A_SERVER = pytest.mark.parametrize("database_kind", ["server"], indirect=True)


@ON_A_SERVER
def test_the_panel_backs_up_and_restores_a_server(
        org: Org, qtbot: QtBot, context: Callable[..., UiContext], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_APP_SERVER_BACKUPS", str(tmp_path / "backups"))
    incident = org.log()
    org.log()
    panel = panel_for(qtbot, context(language="zh"))
    assert panel.table.rowCount() == 0
    panel.backup_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=30000)
    assert panel.table.item(0, 1).text() == "手动"
    assert ".dump" in panel.output.toPlainText()
    add_note(org.as_("desk"), incident, "after the backup")
    panel.table.selectRow(0)
    asked: list[str] = []

    def question(parent: object, title: str, body: str, *rest: object) -> object:
        asked.append(body)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    with qtbot.waitSignal(panel.restored, timeout=60000) as restored:
        panel.restore_button.click()
    assert asked and "共 2 个事件" in asked[0] and "INC0000002" in asked[0]
    assert restored.args[0].in_place
    from desk_app.storage.opening import open_store

    store = open_store(str(org.path))
    try:
        notes = store.execute("SELECT count(*) FROM journal WHERE action = 'note'")
    finally:
        store.close()
    assert notes[0][0] == 0
