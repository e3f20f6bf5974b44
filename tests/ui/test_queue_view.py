"""The queue table keeps the person's place across a refresh that reorders the queue: the
same incidents stay selected, and the current one stays current, wherever they moved."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import Impact, Urgency
from desk_app.services.lists.queues import Queue
from tests.conftest import Org
from tests.ui.shell_fixtures import (
    FAIL_ON_QT_WARNINGS,
    app_settings,
    context_for,
    english,
    wait_loaded,
)
from ui.queue.columns import INDEX
from ui.queue.view import QueueView, _runs

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


def test_selection_and_current_row_follow_their_incidents_across_a_reset(
        qtbot: QtBot, org: Org, app_settings: object, english: None) -> None:
    for n in range(12):
        org.log(title=f"incident {n}")
    view = QueueView(context_for(org, "desk"))
    qtbot.addWidget(view)
    view.model.set_queue(Queue.ALL)
    wait_loaded(qtbot, view.model)
    table = view.table
    for row in (2, 3, 4, 9):
        table.selectionModel().select(
            view.model.index(row, 0),
            table.selectionModel().SelectionFlag.Select
            | table.selectionModel().SelectionFlag.Rows)
    table.selectionModel().setCurrentIndex(
        view.model.index(3, 0), table.selectionModel().SelectionFlag.NoUpdate)
    chosen, current = sorted(view.selected_ids()), view.current_id()
    # a priority 1 incident comes first: every row moves down by one
    org.log(title="core switch", impact=Impact.EXTENSIVE, urgency=Urgency.CRITICAL)
    with qtbot.waitSignal(view.model.modelReset, timeout=5000):
        view.model.refresh()
    wait_loaded(qtbot, view.model)
    assert sorted(view.selected_ids()) == chosen and view.current_id() == current
    assert view.model.row_of(current) == 4


def test_runs_of_adjacent_rows() -> None:
    assert _runs([]) == []
    assert _runs([1, 2, 3, 7, 9, 10]) == [(1, 3), (7, 7), (9, 10)]


def test_the_title_keeps_a_readable_width_in_a_narrow_window(
        qtbot: QtBot, org: Org, app_settings: object, english: None) -> None:
    """It takes the room the other columns leave; where that is too little, it keeps its
    minimum and the table scrolls sideways; widened again, it stretches again."""
    org.log(title="A title long enough to need some room on the screen")
    view = QueueView(context_for(org, "desk"))
    qtbot.addWidget(view)
    view.model.set_queue(Queue.ALL)
    wait_loaded(qtbot, view.model)
    header = view.table.horizontalHeader()
    title = INDEX["title"]
    view.resize(2400, 500)
    view.show()
    qtbot.waitUntil(lambda: header.sectionSize(title) > view.title_min)
    assert header.sectionResizeMode(title) == QHeaderView.ResizeMode.Stretch
    view.resize(700, 500)
    qtbot.waitUntil(lambda: header.sectionResizeMode(title)
                    == QHeaderView.ResizeMode.Interactive)
    assert header.sectionSize(title) == view.title_min
    assert view.table.horizontalScrollBar().maximum() > 0  # the rest is a scroll away
    view.resize(2400, 500)
    qtbot.waitUntil(lambda: header.sectionResizeMode(title) == QHeaderView.ResizeMode.Stretch)
    assert header.sectionSize(title) > view.title_min
