"""Administration > Export or import everything…, driven as a process owner would: export
the desk to a folder, then rebuild a new, empty database from it. The import is enabled only
when it can succeed, and says up front what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.clock import FakeClock
from desk_app.services.admin.people import UserForm
from desk_app.services.database.setup import create_database
from desk_app.services.session import session_for
from desk_app.storage.models import Incident
from tests.conftest import PASSWORD, Org
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS
from ui.context import UiContext
from ui.importing.bundle import BundleDialog
from ui.operations import ChangeHub

pytestmark = FAIL_ON_QT_WARNINGS


def _dialog(qtbot: QtBot, session: object, lang: str = "en") -> BundleDialog:
    dialog = BundleDialog(UiContext(session, ChangeHub(), lang), None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.incidents is not None, timeout=5000)
    return dialog


def test_export_then_import_into_a_new_database_through_the_dialog(
        qtbot: QtBot, org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    numbers = sorted(Incident.get_by_id(org.log(title=f"Printer {n}")).number
                     for n in range(3))
    dialog = _dialog(qtbot, org.as_("owner"))
    assert not dialog.import_button.isEnabled()  # this database has incidents
    assert "already has 3 incident" in dialog.hint.text()
    assert not dialog.export_button.isEnabled()  # no folder yet
    folder = tmp_path / "export"
    dialog.out_path.setText(str(folder))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "Exported" in dialog.result.text(), timeout=20_000)
    assert (folder / "manifest.json").is_file() and "3 incidents" in dialog.result.text()

    clock = FakeClock(org.clock.now())
    fresh = create_database(tmp_path / "new.sqlite",
                            UserForm("owner", "Olivia Owner", [], password=PASSWORD), clock)
    try:
        target = _dialog(qtbot, session_for(fresh, "owner", clock))
        assert target.hint.text() == "Choose the folder of an export."
        target.in_path.setText(str(tmp_path))
        assert not target.import_button.isEnabled()
        assert "no manifest.json" in target.hint.text()
        target.in_path.setText(str(folder))
        assert target.import_button.isEnabled() and target.hint.text() == ""
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, **k: QMessageBox.StandardButton.Yes)
        target.import_button.click()
        qtbot.waitUntil(lambda: "Rebuilt" in target.result.text(), timeout=30_000)
        assert sorted(n for (n,) in fresh.execute("SELECT number FROM incident")) == numbers
        assert not target.import_button.isEnabled()  # it holds incidents now
    finally:
        fresh.close()


def test_the_dialog_speaks_chinese(qtbot: QtBot, org: Org, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.translations import catalogue

    translator = catalogue("importing", "zh")
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    try:
        org.log()
        dialog = _dialog(qtbot, org.as_("owner"), "zh")
        assert dialog.windowTitle() == "导出或导入全部数据"
        assert "已有 1 个事件" in dialog.hint.text()
        dialog.out_path.setText(str(tmp_path / "out"))
        dialog.export_button.click()
        qtbot.waitUntil(lambda: "已导出" in dialog.result.text(), timeout=20_000)
    finally:
        QCoreApplication.removeTranslator(translator)
