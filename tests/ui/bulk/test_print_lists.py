"""Printing a whole list with Qt's real ``QPrinter`` writing a PDF file, in both languages:
every incident is printed, page by page off the GUI thread (the page count in the file is
the one the printing reports, and grows with the list), headings in the person's language;
a cancelled print leaves no file; and opening many incidents says first how many tabs."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desk_app.services.lists.queues import Queue
from tests.conftest import Org
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, context_for, english
from ui.bulk import menu as bulk_menu
from ui.bulk import output, paper
from ui.main_window import MainWindow
from ui.translations import translations

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


#: Windows of the tests, kept until the module's end
KEPT: list[QWidget] = []


def pdf_pages(path: Path) -> int:
    """Pages of a PDF file, counted from its page objects (``/Type /Page``, not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    paper.landscape_a4(printer)
    return printer


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    translations.apply("zh")
    yield
    translations.apply("en")


def print_to(qtbot: QtBot, org: Org, lang: str, ids: list[int], path: Path,
             monkeypatch: pytest.MonkeyPatch) -> paper.Printed:
    context = context_for(org, "desk", lang)
    parent = QWidget()
    qtbot.addWidget(parent)
    KEPT.append(parent)  # the window printing outlives the print (qtbot keeps it weakly)
    monkeypatch.setattr(output, "list_printer", lambda _p, _t: pdf_printer(path))
    done: list[paper.Printed] = []
    read: list[int] = []

    def reader() -> list[int]:
        read.append(1)
        return list(ids)

    output.print_list(context, parent, reader, "全部事件" if lang == "zh" else "All incidents",
                      len(ids), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=120_000)
    assert read == [1]
    return done[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_row_of_a_list_is_printed_page_by_page(qtbot: QtBot, org: Org, lang: str,
                                                    app_settings: object, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    request: pytest.FixtureRequest) -> None:
    request.getfixturevalue("chinese" if lang == "zh" else "english")
    ids = [org.log(title=f"网络中断 {n}" if lang == "zh" else f"VPN drops {n}")
           for n in range(300)]
    small, large = tmp_path / "first.pdf", tmp_path / "all.pdf"
    few = print_to(qtbot, org, lang, ids[:30], small, monkeypatch)
    every = print_to(qtbot, org, lang, ids, large, monkeypatch)
    assert few.complete and few.rows == 30 and few.pages == pdf_pages(small) == 1
    assert every.complete and every.rows == 300
    # one line per incident: the pages hold the same number of rows, so ten times the
    # rows make about ten times the pages, and the file has every page the print made
    assert every.pages == pdf_pages(large) and 5 <= every.pages <= 12
    assert not list(tmp_path.glob("*.partial"))


def test_a_long_title_takes_more_lines_not_more_than_three(
        qtbot: QtBot, org: Org, app_settings: object, english: None, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    short = [org.log(title="Printer") for _ in range(60)]
    long = [org.log(title="The printer on the third floor " * 6) for _ in range(60)]
    a, b = tmp_path / "short.pdf", tmp_path / "long.pdf"
    assert print_to(qtbot, org, "en", short, a, monkeypatch).pages == pdf_pages(a)
    printed = print_to(qtbot, org, "en", long, b, monkeypatch)
    assert printed.rows == 60 and printed.pages == pdf_pages(b) > pdf_pages(a)


def test_a_cancelled_print_leaves_no_file(qtbot: QtBot, org: Org, app_settings: object,
                                          english: None, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [org.log(title=f"Mail {n}") for n in range(60)]
    path = tmp_path / "list.pdf"
    path.write_bytes(b"an older print")
    monkeypatch.setattr(output.tables, "CHUNK", 20)
    monkeypatch.setattr(output, "list_printer", lambda _p, _t: pdf_printer(path))
    second = threading.Event()
    real = output.tables.rows_of
    calls: list[int] = []

    def rows_of(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:  # the second chunk is read slowly: the person cancels first
            second.wait(30)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(output.tables, "rows_of", rows_of)
    parent = QWidget()
    qtbot.addWidget(parent)
    KEPT.append(parent)
    done: list[paper.Printed] = []
    job = output.print_list(context_for(org, "desk"), parent, lambda: list(ids), "All", 60,
                            done.append)
    assert job is not None
    qtbot.waitUntil(lambda: job.painter is not None and job.painter.rows == 20)
    job.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    second.set()
    qtbot.waitUntil(lambda: bool(done))
    assert done[0] == paper.Printed(1, 20, False)
    assert path.read_bytes() == b"an older print"  # the older file is left as it was
    assert not list(tmp_path.glob("*.partial"))


def test_printing_from_the_queue_prints_every_incident_of_it(
        qtbot: QtBot, org: Org, app_settings: object, english: None, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(45):
        org.log(title=f"Outage {n}")
    main = MainWindow(context_for(org, "desk"), watch=False)
    qtbot.addWidget(main)
    main.show_queue(Queue.ALL)
    path = tmp_path / "queue.pdf"
    monkeypatch.setattr(output, "list_printer", lambda _p, _t: pdf_printer(path))
    said: list[str] = []  # every status message: a later one (a refresh) may replace it
    main.status.messageChanged.connect(said.append)
    main.bulk.queue_actions.print_list()
    qtbot.waitUntil(lambda: any("45 incident(s) printed" in m for m in said), timeout=60_000)
    assert path.exists() and pdf_pages(path) >= 1


def test_opening_many_says_how_many_tabs_first(qtbot: QtBot, org: Org, app_settings: object,
                                               english: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [org.log(title=f"Disk {n}") for n in range(25)]
    main = MainWindow(context_for(org, "desk"), watch=False)
    qtbot.addWidget(main)
    main.resize(1200, 700)
    actions = main.bulk.queue_actions
    opened: list[int] = []
    actions.open_requested.connect(opened.append)
    asked: list[str] = []

    def answer(box: QMessageBox, yes: bool) -> None:
        asked.append(box.text())
        button = box.findChild(object, "openManyYes") if yes else box.button(
            QMessageBox.StandardButton.Cancel)
        button.click()  # type: ignore[union-attr]

    # a few open at once, without a question
    actions.open(ids[:10])
    qtbot.waitUntil(lambda: len(opened) == 10, timeout=60_000)
    assert asked == []
    # many: the question names the count; Cancel opens nothing
    opened.clear()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, False))
    actions.open(ids)
    assert asked == ["Open 25 incidents, each in its own tab? That makes 25 more tabs."]
    qtbot.wait(50)
    assert opened == []
    # yes: every one of them, in the list's order, none left out
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, True))
    actions.open(ids)
    qtbot.waitUntil(lambda: len(opened) == 25, timeout=60_000)
    assert opened == ids and len(asked) == 2
    assert sorted(main.tabs.incident_ids()) == sorted(ids)  # a tab each
    assert "&Open 25 incidents…" in [a.text() for a in _menu_for(main, ids).actions()]


def _menu_for(main: MainWindow, ids: list[int]) -> object:
    main.bulk.queue_actions.source = bulk_menu.ListSource(
        main.queue_view.table, lambda: list(ids), main.bulk._queue_reader,
        lambda: "All", lambda: len(ids))
    return main.bulk.queue_actions.menu()
