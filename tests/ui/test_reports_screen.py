"""The Reports screen in the main window: who sees it, the month's figures and charts in
English and Chinese, drill-down into the breached incidents as a tab, export and PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from desk_app.services.reports.build import build_report
from desk_app.services.reports.period import Period
from desk_app.services.reports.query import ReportFilter
from desk_app.storage.models import Incident
from tests.conftest import KINDS, Org
from tests.core.reports.history import build
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, context_for, english
from ui.main_window import MainWindow
from ui.reports.drill import DrillTab
from ui.reports.screen import ReportsScreen
from ui.translations import translations

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


def _open(qtbot: QtBot, org: Org, username: str, language: str = "en"
          ) -> tuple[MainWindow, ReportsScreen]:
    window = MainWindow(context_for(org, username, language), watch=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.reports.action.isVisible(), timeout=5000)
    screen = window.reports.show()
    qtbot.waitUntil(lambda: screen.report is not None, timeout=10_000)
    return window, screen


def _figures(screen: ReportsScreen, key: str) -> dict[str, list[str]]:
    grid = next(s for s in screen.sections if s.table_data.key == key).grid
    return {grid.item(r, 0).text(): [grid.item(r, c).text() for c in range(1, grid.columnCount())]
            for r in range(grid.rowCount())}


def test_reports_only_for_those_allowed(qtbot: QtBot, org: Org, app_settings: object,
                                        english: None) -> None:
    for username, allowed in (("net1", False), ("desk", False)):
        window = MainWindow(context_for(org, username), watch=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.wait(300)
        assert window.reports.action.isVisible() is allowed
        assert window.reports.sidebar_button.isVisible() is allowed
        assert window.reports.rule.isVisible() is allowed  # set apart from the saved queues
        window.close()


@pytest.mark.parametrize("database_kind", KINDS, indirect=True)  # the same on a server
def test_the_process_owner_sees_the_months_figures_and_drills_into_breaches(
        qtbot: QtBot, org: Org, app_settings: object, english: None, tmp_path: Path) -> None:
    ids = build(org)
    window, screen = _open(qtbot, org, "owner")
    assert window.tabs.currentWidget() is screen
    assert screen.report is not None and screen.report.filter.period == Period(
        org.clock.now().date().replace(day=1), org.clock.now().date().replace(month=4, day=1))
    figures = _figures(screen, "summary")
    assert figures["Logged"] == ["6", "0", "2", "4", "0"]
    assert figures["Restore target met %"][0] == "83.33"
    assert all(s.chart_view is not None for s in screen.sections if s.table_data.chart != "none")
    # the screen's numbers are the core's (and so the command line's)
    core = build_report(org.as_("owner"), screen.report.filter)
    assert core.summary == screen.report.summary

    # drill into the breached P2 assign target: a tab with incident C
    rows = screen.report.table("targets_by_priority").rows
    with qtbot.waitSignal(screen.drill_opened, timeout=5000):
        screen.drill("targets_by_priority", [r.key for r in rows].index(2), 1)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, DrillTab) and [r.id for r in tab.rows] == [ids["C"]]
    with qtbot.waitSignal(tab.open_incident) as opened:
        tab.table.cellDoubleClicked.emit(0, 0)
    assert opened.args == [ids["C"]]
    # the queue's context menu works on a drill-down's rows too: bulk actions, copy
    tab.table.selectRow(0)
    assert tab.selected_ids() == [ids["C"]]
    menu = tab.actions.menu()
    found = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert {"bulk_note", "bulk_copy", "bulk_print_incident"} <= set(found)
    assert found["bulk_print_incident"].isEnabled()
    menu.deleteLater()
    from PySide6.QtGui import QGuiApplication
    tab.actions.copy()
    number = Incident.get_by_id(ids["C"]).number
    qtbot.waitUntil(lambda: number in QGuiApplication.clipboard().text(), timeout=5000)

    # a click on a bar of a chart asks for the same kind of drill-down
    section = next(s for s in screen.sections if s.table_data.key == "volume_by_group")
    with qtbot.waitSignal(section.drill) as picked:
        section.picks.picked.emit(0, 0)
    assert picked.args == ["volume_by_group", 0, 0]

    # exports carry the same figures
    screen.export_to(tmp_path / "r.xlsx", "xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    assert [c.value for c in sheet[5]] == ["Logged", 6, 0, 2, 4, 0]
    screen.export_to(tmp_path / "r.pdf", "pdf")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    window.close()


def test_filters_narrow_the_report(qtbot: QtBot, org: Org, app_settings: object,
                                   english: None) -> None:
    build(org)
    window, screen = _open(qtbot, org, "manager")
    screen.priority.setCurrentIndex(screen.priority.findData(2))
    screen.refresh()
    qtbot.waitUntil(lambda: screen.report is not None and screen.report.filter.priority == 2,
                    timeout=10_000)
    assert _figures(screen, "summary")["Logged"][0] == "2"
    window.close()


def test_the_screen_speaks_chinese(qtbot: QtBot, org: Org, app_settings: object,
                                   english: None) -> None:
    build(org)
    translations.apply("zh")
    try:
        window, screen = _open(qtbot, org, "owner", "zh")
        assert window.reports.action.text() == "报表"
        assert _figures(screen, "summary")["记录数"] == ["6", "0", "2", "4", "0"]
        assert "网络组" in _figures(screen, "volume_by_group")
        window.close()
    finally:
        translations.apply("en")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_pdf_renders_chinese(org: Org, tmp_path: Path, qapp: object) -> None:
    from ui.reports.pdf import write_pdf

    build(org)
    report = build_report(org.as_("owner"), ReportFilter(Period(
        org.clock.now().date().replace(day=1), org.clock.now().date().replace(month=4, day=1))),
        "zh")
    write_pdf(report, tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    # (pdftotext maps a few glyphs to their radical look-alikes, so only some words are read)
    assert "服务台报表" in text and "记录数" in text and "李强" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(tmp_path / "r.pdf"),
                    str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-01.png").stat().st_size > 5000
