"""Opening many selected incidents as one list tab instead of a tab each, in both
languages: from the question that names the count, and from the context menu. The tab is
the report drill-down's list holding exactly the selected incidents, in the list's order,
named after the list they came from; its own menu works like every list's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desk_app.services.lists.queues import Queue
from desk_app.services.reports.drill import LIMIT, listed_incidents
from tests.conftest import Org
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, context_for, english
from ui.bulk import menu as bulk_menu
from ui.main_window import MainWindow
from ui.reports.drill import DrillTab
from ui.translations import translations

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    translations.apply("zh")
    yield
    translations.apply("en")


def _window(qtbot: QtBot, org: Org, lang: str) -> MainWindow:
    main = MainWindow(context_for(org, "desk", lang), watch=False)
    qtbot.addWidget(main)
    main.resize(1200, 700)
    main.show_queue(Queue.ALL)
    return main


def _list_tab(main: MainWindow) -> DrillTab:
    tab = main.tabs.currentWidget()
    assert isinstance(tab, DrillTab) and tab.objectName() == "selectionList"
    return tab


def _shown_numbers(tab: DrillTab) -> list[str]:
    return [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]


def _numbers(org: Org, ids: list[int]) -> list[str]:
    found = dict(org.store.execute("SELECT id, number FROM incident"))
    return [found[i] for i in ids]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_question_offers_one_list_tab_with_exactly_the_selection(
        qtbot: QtBot, org: Org, app_settings: object, english: None, lang: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    translations.apply(lang)  # type: ignore[arg-type]
    try:
        ids = [org.log(title=f"Printer {n}") for n in range(30)]
        chosen = ids[3:28][::-1]  # 25, in an order that is not the numbers'
        main = _window(qtbot, org, lang)
        actions = main.bulk.queue_actions
        opened: list[int] = []
        actions.open_requested.connect(opened.append)
        asked: list[tuple[str, str, list[str]]] = []

        def answer(box: QMessageBox) -> None:
            asked.append((box.text(), box.informativeText(),
                          sorted(b.text() for b in box.buttons())))
            box.findChild(QPushButton, "openManyList").click()  # type: ignore[union-attr]

        monkeypatch.setattr(QMessageBox, "exec", answer)
        tabs_before = main.tabs.count()
        actions.open(chosen)
        qtbot.waitUntil(lambda: main.tabs.count() == tabs_before + 1, timeout=60_000)
        tab = _list_tab(main)
        assert opened == []  # no tab of its own for any of them
        assert _shown_numbers(tab) == _numbers(org, chosen)  # exactly these, in this order
        title = main.tabs.tabText(main.tabs.currentIndex())
        caption = tab.findChild(QLabel).text()  # type: ignore[union-attr]
        if lang == "en":
            assert asked == [("Open 25 incidents, each in its own tab? That makes 25 more "
                              "tabs.", "Or open them as one list tab, which lists exactly "
                              "these 25 incidents.",
                              ["Cancel", "Open 25 tabs", "Open as one list tab"])]
            assert title == "Selected from “All incidents”"
            assert caption == "Selected from “All incidents” — 25 incidents"
            assert tab.table.horizontalHeaderItem(1).text() == "Title"
        else:
            text, info, buttons = asked[0]
            assert text == "打开 25 个事件,每个事件一个标签页?将新增 25 个标签页。"
            assert info == "也可以作为一个列表标签页打开,其中正好列出这 25 个事件。"
            assert {"打开 25 个标签页", "作为一个列表标签页打开"} <= set(buttons)
            assert title.startswith("选自“") and title.endswith("”")
            assert "25" in caption and caption.startswith(title)
            assert tab.table.horizontalHeaderItem(1).text() == "标题"
        # the list's own Open opens an incident of it in its tab
        tab.table.selectRow(0)
        tab.actions.open(tab.selected_ids())
        qtbot.waitUntil(lambda: chosen[0] in main.tabs.incident_ids(), timeout=60_000)
    finally:
        translations.apply("en")


def test_the_context_menu_opens_a_selection_as_one_list_tab(
        qtbot: QtBot, org: Org, app_settings: object, english: None) -> None:
    ids = [org.log(title=f"VPN {n}") for n in range(6)]
    main = _window(qtbot, org, "en")
    actions = main.bulk.queue_actions
    # one incident: nothing to list
    actions.source = bulk_menu.ListSource(main.queue_view.table, lambda: ids[:1],
                                          main.bulk._queue_reader, lambda: "All", lambda: 6)
    assert "bulk_open_list" not in [a.objectName() for a in actions.menu().actions()]
    chosen = [ids[4], ids[1], ids[2]]
    actions.source = bulk_menu.ListSource(main.queue_view.table, lambda: list(chosen),
                                          main.bulk._queue_reader, lambda: "Network team",
                                          lambda: 6)
    menu = actions.menu()
    entry = next(a for a in menu.actions() if a.objectName() == "bulk_open_list")
    assert entry.text() == "Open as one &list tab" and entry.isEnabled()
    entry.trigger()  # a few: no question
    qtbot.waitUntil(lambda: isinstance(main.tabs.currentWidget(), DrillTab), timeout=60_000)
    tab = _list_tab(main)
    assert _shown_numbers(tab) == _numbers(org, chosen)
    assert main.tabs.tabText(main.tabs.currentIndex()) == "Selected from “Network team”"
    # its own menu opens a selection of it as a list tab again
    tab.table.selectAll()
    inner = next(a for a in tab.actions.menu().actions()
                 if a.objectName() == "bulk_open_list")
    inner.trigger()
    qtbot.waitUntil(lambda: main.tabs.currentWidget() is not tab
                    and isinstance(main.tabs.currentWidget(), DrillTab), timeout=60_000)
    again = _list_tab(main)
    assert _shown_numbers(again) == _numbers(org, chosen)
    assert main.tabs.tabText(main.tabs.currentIndex()) == "Selected from “Network team”"
    # a long name is cut in the tab, whole in its tooltip and caption
    long_name = "Network and telephony, escalated, of the last seven days, VIP callers only"
    main.bulk.list_tabs.open(long_name, [ids[0], ids[5]])
    qtbot.waitUntil(lambda: _list_tab(main) is not again, timeout=60_000)
    index = main.tabs.currentIndex()
    assert main.tabs.tabText(index) == f"Selected from “{long_name}”"[:59] + "…"
    assert main.tabs.tabToolTip(index) == f"Selected from “{long_name}”"


def test_the_context_menu_in_chinese(qtbot: QtBot, org: Org, app_settings: object,
                                     chinese: None) -> None:
    ids = [org.log(title=f"邮件 {n}") for n in range(3)]
    main = _window(qtbot, org, "zh")
    actions = main.bulk.queue_actions
    actions.source = bulk_menu.ListSource(main.queue_view.table, lambda: list(ids),
                                          main.bulk._queue_reader, lambda: "全部事件",
                                          lambda: 3)
    entry = next(a for a in actions.menu().actions() if a.objectName() == "bulk_open_list")
    assert entry.text() == "作为一个列表标签页打开(&L)"
    entry.trigger()
    qtbot.waitUntil(lambda: isinstance(main.tabs.currentWidget(), DrillTab), timeout=60_000)
    assert main.tabs.tabText(main.tabs.currentIndex()) == "选自“全部事件”"
    assert _shown_numbers(_list_tab(main)) == _numbers(org, ids)


def test_listed_incidents_keep_the_order_given_once_each(org: Org) -> None:
    ids = [org.log(title=f"Disk {n}") for n in range(4)]
    session = org.as_("desk")
    rows = listed_incidents(session, [ids[2], ids[0], ids[2], 10**9, ids[3]])
    assert [r.id for r in rows] == [ids[2], ids[0], ids[3]]  # unknown left out, none twice
    assert rows[0].title == "Disk 2"
    assert LIMIT == 5000  # the tab says "(only the first 5000)" beyond it
