"""The Administration's import wizard (issue 15), driven as a person would: choose the file
and format, see the columns with a preview, map values, read the dry run's refusals, then
import with progress — against a real database file, in English and in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWizard
from pytestqt.qtbot import QtBot

from desk_app.storage.models import ImportReference, Incident
from tests.conftest import Org
from tests.core.importing.fixtures import servicenow_log
from tests.helpers import snapshot
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS
from ui.context import UiContext
from ui.importing.wizard import ImportWizard
from ui.operations import ChangeHub
from ui.translations import catalogue

pytestmark = FAIL_ON_QT_WARNINGS

def _wizard(qtbot: QtBot, org: Org, lang: str = "en") -> ImportWizard:
    wizard = ImportWizard(UiContext(org.as_("owner"), ChangeHub(), lang), None)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _through_dry_run(qtbot: QtBot, wizard: ImportWizard, log: Path) -> None:
    page = wizard.source_page
    assert not page.isComplete()  # no file yet: Next is off
    page.path.setText(str(log))
    assert page.isComplete()
    page.format.setCurrentIndex(page.format.findData("servicenow"))
    wizard.next()
    columns = wizard.columns_page
    assert wizard.currentPage() is columns
    assert columns.combos["number"].currentData() == "number"
    assert columns.preview.rowCount() == 20 and columns.isComplete()
    wizard.next()
    values = wizard.values_page
    states = {value: combo for kind, value, combo in values.rows if kind == "state"}
    assert states["Awaiting User Info"].currentData() == "pending:awaiting_caller"
    wizard.next()
    dry = wizard.dry_run_page
    qtbot.waitUntil(dry.isComplete, timeout=20_000)


def test_the_wizard_imports_after_a_dry_run(qtbot: QtBot, org: Org, tmp_path: Path) -> None:
    log = servicenow_log(tmp_path / "log.csv")
    wizard = _wizard(qtbot, org)
    before = snapshot(org.store)
    _through_dry_run(qtbot, wizard, log)
    dry = wizard.dry_run_page
    assert snapshot(org.store) == before  # the dry run changed nothing
    assert dry.refusals.count() == 2
    assert "line 21, INC4: Closed without a close code (R23)." in [
        dry.refusals.item(i).text() for i in range(dry.refusals.count())]
    assert "Dry run, nothing changed" in dry.summary.text()
    wizard.grab().save(str(tmp_path / "import_dry_run_en.png"))
    wizard.next()
    page = wizard.import_page
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    assert "4 added" in page.summary.text()
    assert page.bar.value() == page.bar.maximum()
    assert ImportReference.select().where(ImportReference.kind == "incident").count() == 4
    assert Incident.select().count() >= 4
    wizard.grab().save(str(tmp_path / "import_done_en.png"))


def test_a_value_mapped_in_the_wizard_is_used(qtbot: QtBot, org: Org, tmp_path: Path) -> None:
    log = servicenow_log(tmp_path / "log.csv")
    wizard = _wizard(qtbot, org)
    page = wizard.source_page
    page.path.setText(str(log))
    wizard.next()
    wizard.next()
    combo: QComboBox = next(c for kind, value, c in wizard.values_page.rows
                            if kind == "category" and value == "Category 2")
    combo.setCurrentIndex(combo.findData("email"))
    wizard.next()
    qtbot.waitUntil(wizard.dry_run_page.isComplete, timeout=20_000)
    assert wizard.mapping is not None
    assert wizard.mapping.values["category"]["Category 2"] == "email"


def test_a_file_that_is_not_a_table_stays_on_the_first_page(qtbot: QtBot, org: Org,
                                                             tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"a,a\n1,2\n")
    wizard = _wizard(qtbot, org)
    wizard.source_page.path.setText(str(bad))
    wizard.next()
    assert wizard.currentPage() is wizard.source_page
    assert "same name" in wizard.source_page.problem.text()


def test_the_wizard_speaks_chinese(qtbot: QtBot, org: Org, tmp_path: Path,
                                   qapp: QCoreApplication) -> None:
    translator = catalogue("importing", "zh")
    qapp.installTranslator(translator)
    try:
        log = servicenow_log(tmp_path / "log.csv")
        wizard = _wizard(qtbot, org, "zh")
        assert wizard.windowTitle() == "导入事件"
        assert wizard.source_page.title() == "选择导出文件"
        _through_dry_run(qtbot, wizard, log)
        texts = [wizard.dry_run_page.refusals.item(i).text()
                 for i in range(wizard.dry_run_page.refusals.count())]
        assert "第 21 行,INC4:关闭时没有关闭代码(R23)。" in texts
        assert "试运行" in wizard.dry_run_page.summary.text()
        wizard.grab().save(str(tmp_path / "import_dry_run_zh.png"))
        wizard.back()
        wizard.back()
        wizard.grab().save(str(tmp_path / "import_columns_zh.png"))
        wizard.setOption(QWizard.WizardOption.NoCancelButton, False)
    finally:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _workers_done() -> object:
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)


def test_a_preset_value_that_creates_a_wait_code_is_kept(qtbot: QtBot, org: Org,
                                                         tmp_path: Path) -> None:
    """ServiceNow's "Awaiting Problem" maps to a wait code this desk does not have yet: the
    values page shows it as a new wait code and the import creates it, refusing nothing."""
    from desk_app.storage.models import WaitCode
    from tests.core.importing.fixtures import SN_HEADER, sn_row, write_csv

    log = write_csv(tmp_path / "p.csv", [
        sn_row("INC1", "New", 0, "01-03-2016 09:00"),
        sn_row("INC1", "Awaiting Problem", 1, "01-03-2016 10:00"),
        sn_row("INC1", "Active", 2, "01-03-2016 11:00")], SN_HEADER)
    wizard = _wizard(qtbot, org)
    wizard.source_page.path.setText(str(log))
    wizard.next()
    wizard.next()
    combo = next(c for kind, value, c in wizard.values_page.rows
                 if kind == "state" and value == "Awaiting Problem")
    assert combo.currentData() == "pending:awaiting_problem"
    assert "new wait code" in combo.currentText()
    wizard.next()
    qtbot.waitUntil(wizard.dry_run_page.isComplete, timeout=20_000)
    assert wizard.dry_run_page.refusals.count() == 0
    wizard.next()
    qtbot.waitUntil(wizard.import_page.isComplete, timeout=20_000)
    assert wizard.import_page.refusals.count() == 0
    assert WaitCode.select().where(WaitCode.code == "awaiting_problem").exists()


def test_people_from_a_directory_export_through_the_wizard(qtbot: QtBot, org: Org,
                                                           tmp_path: Path) -> None:
    from desk_app.storage.models import Caller

    people = tmp_path / "people.csv"
    people.write_text("name,login,vip\nAnn Caller,ann,yes\n,nobody,\n", encoding="utf-8")
    wizard = _wizard(qtbot, org)
    page = wizard.source_page
    page.path.setText(str(people))
    page.format.setCurrentIndex(page.format.findData("people"))
    wizard.next()
    assert wizard.currentPage() is wizard.dry_run_page  # nothing to map
    qtbot.waitUntil(wizard.dry_run_page.isComplete, timeout=20_000)
    assert "1 people would be added" in wizard.dry_run_page.summary.text()
    assert wizard.dry_run_page.refusals.count() == 1
    assert not Caller.select().where(Caller.name == "Ann Caller").exists()
    wizard.next()
    qtbot.waitUntil(wizard.import_page.isComplete, timeout=20_000)
    assert Caller.get(Caller.name == "Ann Caller").vip
