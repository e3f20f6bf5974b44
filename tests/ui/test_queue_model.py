"""The queue table's model: it passes Qt's model tests, reads only the rows it shows, sorts
and filters in SQL, and shows what a person needs (priority colour, pending, VIP, countdown)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desk_app.domain.enums import Impact, Urgency
from desk_app.services.incident import pending, workflow
from desk_app.services.lists.queues import Filters, Queue, SortColumn
from desk_app.storage.models import WaitCode
from tests.conftest import Org
from tests.ui.shell_fixtures import (
    FAIL_ON_QT_WARNINGS,
    app_settings,
    context_for,
    english,
    wait_loaded,
)
from ui.queue import countdown
from ui.queue.columns import COLUMNS, INDEX
from ui.queue.model import ID_ROLE, QueueModel
from ui.queue.nav import QueueListModel

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


def _text(model: QueueModel, row: int, key: str, role: int = Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, INDEX[key]), role)


@pytest.fixture
def incidents(org: Org) -> dict[str, int]:
    ids = {
        "p4": org.log(title="Printer jams", impact=Impact.MINOR),
        "vip": org.log(title="CEO laptop", caller_id=org.ids["vip"]),
        "p1": org.log(title="Core switch down", impact=Impact.EXTENSIVE,
                      urgency=Urgency.CRITICAL),
    }
    ids["waiting"] = org.log(title="Switch port dead")
    workflow.assign(org.as_("desk"), ids["waiting"])
    workflow.accept(org.as_("net1"), ids["waiting"])
    code = org.store.read(lambda: WaitCode.get(WaitCode.code == "awaiting_caller").id)
    pending.set_pending(org.as_("net1"), ids["waiting"], wait_code_id=code)
    return ids


def test_queue_model_passes_qt_model_tests(qtbot: QtBot, qtmodeltester, org: Org,
                                           incidents: dict[str, int], english: None) -> None:
    model = QueueModel(context_for(org))
    model.set_queue(Queue.ALL)
    wait_loaded(qtbot, model)
    qtmodeltester.check(model, force_py=True)
    # the tester stays connected: resets, row reads and countdown ticks must be consistent
    model.set_sort(SortColumn.CALLER, True)
    wait_loaded(qtbot, model)
    model.tick(0, model.rowCount() - 1)
    model.set_queue(Queue.MY_WORK)
    wait_loaded(qtbot, model)
    assert model.rowCount() == 1
    model.set_queue(Queue.ESCALATED)
    wait_loaded(qtbot, model)
    assert model.rowCount() == 0


def test_nav_model_passes_qt_model_tests(qtbot: QtBot, qtmodeltester, org: Org,
                                         incidents: dict[str, int], english: None) -> None:
    model = QueueListModel(context_for(org))
    with qtbot.waitSignal(model.counted):
        model.refresh()
    qtmodeltester.check(model, force_py=True)
    texts = [model.data(model.index(r)) for r in range(model.rowCount())]
    assert texts[0] == "My work  (1)" and texts[-1] == "All incidents  (4)"


def test_rows_show_what_a_person_needs(qtbot: QtBot, org: Org, incidents: dict[str, int],
                                       english: None) -> None:
    model = QueueModel(context_for(org))
    model.set_queue(Queue.ALL)
    wait_loaded(qtbot, model)
    order = [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]
    assert order[0] == incidents["p1"]  # priority 1 first
    assert _text(model, 0, "priority") == "1 - Very high"
    swatch = _text(model, 0, "priority", Qt.ItemDataRole.DecorationRole)  # the colour
    assert swatch.pixmap(8, 8).toImage().pixelColor(4, 4) == QColor(
        model.reference.priority_colors[1])
    vip = order.index(incidents["vip"])
    assert _text(model, vip, "caller") == "Victor VIP"
    assert _text(model, vip, "caller", Qt.ItemDataRole.FontRole).bold()
    assert not _text(model, vip, "caller", Qt.ItemDataRole.DecorationRole).isNull()  # the star
    assert "VIP" in _text(model, vip, "caller", Qt.ItemDataRole.ToolTipRole)
    waiting = order.index(incidents["waiting"])
    assert _text(model, waiting, "stage") == "In progress · Awaiting caller"
    assert _text(model, waiting, "stage", Qt.ItemDataRole.ToolTipRole).startswith(
        "Pending (Awaiting caller)")
    assert not _text(model, waiting, "stage", Qt.ItemDataRole.DecorationRole).isNull()
    assert _text(model, waiting, "time_left") == "Paused"
    assert _text(model, waiting, "assignee") == "李强 Li Qiang"
    # P1: 15 minutes to assign, round the clock
    assert _text(model, 0, "time_left") == "15:00"
    org.clock.advance(minutes=13)
    assert _text(model, 0, "time_left") == "2:00"
    assert _text(model, 0, "time_left", Qt.ItemDataRole.ForegroundRole) == countdown.FOREGROUND[
        countdown.Urgency.CRITICAL]
    org.clock.advance(minutes=3)
    assert _text(model, 0, "time_left") == "Overdue 1:00"
    assert _text(model, 0, "time_left", Qt.ItemDataRole.BackgroundRole) == countdown.BACKGROUND[
        countdown.Urgency.BREACHED]


def test_sorting_and_filtering_run_in_sql(qtbot: QtBot, org: Org, incidents: dict[str, int],
                                          english: None) -> None:
    model = QueueModel(context_for(org))
    model.set_queue(Queue.ALL)
    wait_loaded(qtbot, model)
    model.sort(INDEX["number"], Qt.SortOrder.DescendingOrder)
    wait_loaded(qtbot, model)
    assert list(model.ids) == sorted(incidents.values(), reverse=True)
    model.set_filters(Filters(pending=True))
    wait_loaded(qtbot, model)
    assert list(model.ids) == [incidents["waiting"]]
    model.set_filters(Filters(text="ceo"))
    wait_loaded(qtbot, model)
    assert list(model.ids) == [incidents["vip"]]


def test_only_the_first_chunk_and_the_rows_shown_are_read(qtbot: QtBot, org: Org,
                                                           english: None) -> None:
    for n in range(25):
        org.log(title=f"Incident {n}")
    model = QueueModel(context_for(org), chunk=5, cache_limit=5)
    model.set_queue(Queue.ALL)
    qtbot.waitUntil(lambda: model.rowCount() == 25 and not model.refreshing)
    assert model.is_loaded(0, 4)  # the first chunk came with the queue
    assert len(model._cache) == 5 and not model.is_loaded(5, 24)
    with qtbot.waitSignal(model.rows_loaded):
        model.data(model.index(12, 0))
    assert model.is_loaded(10, 14) and not model.is_loaded(5, 9)
    assert len(model._cache) == 10
    assert model.data(model.index(12, INDEX["title"])).startswith("Incident")


def test_a_new_view_shows_its_first_chunk_then_appends_the_rest(
        qtbot: QtBot, qtmodeltester, org: Org, english: None) -> None:
    """What a person waits for is the first chunk, ids and rows in one read; the rest of
    the ids follow and are appended (no reset: the current row stays where it is)."""
    for n in range(12):
        org.log(title=f"Incident {n}")
    model = QueueModel(context_for(org), chunk=5)
    qtmodeltester.check(model, force_py=True)
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.queue = Queue.ALL
    with qtbot.waitSignal(model.first_page_shown):
        model.set_sort(SortColumn.NUMBER, True)
    assert model.rowCount() == 5 and model.is_loaded(0, 4)
    first = model.ids[:]
    wait_loaded(qtbot, model)
    assert model.rowCount() == 12 and list(model.ids[:5]) == list(first)
    assert resets == [5] and inserted == [(5, 11)]
    # the same view again (a refresh after a change): the whole list at once, no first chunk
    with qtbot.assertNotEmitted(model.first_page_shown), qtbot.waitSignal(model.loaded):
        model.refresh()
    # a short queue is read whole in the first read
    resets.clear()
    inserted.clear()
    with qtbot.waitSignal(model.loaded):
        model.set_filters(Filters(text="Incident 1"))  # Incident 1, 10, 11
    assert model.rowCount() == 3 and not model.refreshing and inserted == []


def test_a_refresh_keeps_rows_until_fresh_ones_arrive(qtbot: QtBot, org: Org,
                                                      incidents: dict[str, int],
                                                      english: None) -> None:
    model = QueueModel(context_for(org))
    model.set_queue(Queue.ALL)
    wait_loaded(qtbot, model)
    workflow.assign(org.as_("desk"), incidents["p4"])
    row = model.row_of(incidents["p4"])
    assert row is not None
    with qtbot.waitSignal(model.loaded):
        model.refresh()
    assert _text(model, row, "stage") == "Logged"  # the old copy, while the new one is read
    wait_loaded(qtbot, model)
    assert _text(model, model.row_of(incidents["p4"]), "stage") == "Assigned"


def test_an_older_read_arriving_late_leaves_the_newer_rows(qtbot: QtBot, org: Org,
                                                           incidents: dict[str, int],
                                                           english: None) -> None:
    """A chunk asked for before a refresh, delivered after the refresh's fresher copy (two
    reads on the pool, finishing in either order), must not put the old copy back."""
    model = QueueModel(context_for(org))
    model.set_queue(Queue.ALL)
    wait_loaded(qtbot, model)
    stale = [model.cached(i) for i in model.ids]
    older = model._generation
    workflow.assign(org.as_("desk"), incidents["p4"])
    model.refresh()
    wait_loaded(qtbot, model)
    row = model.row_of(incidents["p4"])
    assert _text(model, row, "stage") == "Assigned"
    model._rows_arrived(older, model.ids, [r for r in stale if r is not None])
    assert _text(model, row, "stage") == "Assigned" and model.is_loaded()


def test_rows_of_a_view_being_replaced_are_not_read_again(qtbot: QtBot, org: Org,
                                                          incidents: dict[str, int],
                                                          english: None) -> None:
    """While a new queue's first page is on its way, the table still paints the old rows;
    those paints must not send reads of rows about to disappear ahead of the new page."""
    model = QueueModel(context_for(org))
    model.set_queue(Queue.ALL)
    wait_loaded(qtbot, model)
    model.set_queue(Queue.PENDING)
    shown = [model.data(model.index(r, INDEX["title"])) for r in range(model.rowCount())]
    assert all(shown) and model._inflight == {}  # the old rows show, nothing more is read
    wait_loaded(qtbot, model)
    assert model.rowCount() == 1


def test_headers_are_the_columns(org: Org, english: None) -> None:
    model = QueueModel(context_for(org))
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))][:3] \
        == ["Number", "Priority", "Stage"]


def test_search_results_model_passes_qt_model_tests(qtmodeltester, org: Org,
                                                    incidents: dict[str, int],
                                                    english: None) -> None:
    from desk_app.services.lists import search
    from ui.search.panel import SearchResultsModel

    context = context_for(org)
    model = SearchResultsModel(context)
    qtmodeltester.check(model, force_py=True)
    model.set_hits(search.search(context.session, "switch"))
    assert model.rowCount() == 2
    assert {model.data(model.index(r, 1)) for r in range(2)} == {"Core switch down",
                                                                  "Switch port dead"}
    waiting = next(r for r in range(2) if model.data(model.index(r, 1)) == "Switch port dead")
    assert model.data(model.index(waiting, 3)) == "In progress · pending"
    model.set_hits([])
    assert model.rowCount() == 0
