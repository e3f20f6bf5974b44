"""The work queues: which incidents each holds, their counts, order, filters and row data, and
that each queue's query is answered from an index rather than by reading every incident."""

from __future__ import annotations

from itertools import pairwise

import pytest

from desk_app.domain.enums import Impact, Stage, Urgency
from desk_app.services.alerts.escalation import scan
from desk_app.services.alerts.review import acknowledge_escalation
from desk_app.services.incident import pending, workflow
from desk_app.services.lists import queues
from desk_app.services.lists.queues import Filters, Queue, SortColumn
from desk_app.storage.models import CloseCode, WaitCode
from tests.conftest import Org


def _wait_code(org: Org) -> int:
    return org.store.read(lambda: WaitCode.get(WaitCode.code == "awaiting_caller").id)


@pytest.fixture
def desk(org: Org) -> dict[str, int]:
    """One incident in each situation a queue is about."""
    ids: dict[str, int] = {}
    ids["logged"] = org.log(title="Printer jams", impact=Impact.MINOR)  # P4
    ids["assigned"] = org.log(title="Wi-Fi down on 3F", impact=Impact.EXTENSIVE)  # P2
    workflow.assign(org.as_("desk"), ids["assigned"])
    ids["mine"] = org.log(title="VPN drops", urgency=Urgency.HIGH)  # P2
    workflow.assign(org.as_("desk"), ids["mine"])
    workflow.accept(org.as_("net1"), ids["mine"])
    ids["pending"] = org.log(title="Switch port dead")
    workflow.assign(org.as_("desk"), ids["pending"])
    workflow.accept(org.as_("net1"), ids["pending"])
    pending.set_pending(org.as_("net1"), ids["pending"], wait_code_id=_wait_code(org))
    ids["resolved"] = org.log(title="Password reset", category_id=org.ids["cat_email"])
    workflow.assign(org.as_("desk"), ids["resolved"])
    workflow.accept(org.as_("app1"), ids["resolved"])
    workflow.resolve(org.as_("app1"), ids["resolved"], resolution="Reset it")
    ids["closed"] = org.log(title="Mouse broken", category_id=org.ids["cat_email"])
    workflow.resolve(org.as_("desk"), ids["closed"], resolution="New mouse")
    workflow.confirm_resolution(org.as_("desk"), ids["closed"])
    code = org.store.read(lambda: CloseCode.get(CloseCode.code == "solved").id)
    workflow.close(org.as_("desk"), ids["closed"], close_code_id=code, notes="ok",
                   satisfaction=5)
    return ids


def test_each_queue_holds_what_its_name_says(org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    held = {q: set(queues.ids(net1, q)) for q in Queue}
    assert held[Queue.MY_WORK] == {desk["mine"], desk["pending"]}
    assert held[Queue.MY_GROUPS] == {desk["logged"], desk["assigned"], desk["mine"],
                                     desk["pending"]}
    assert held[Queue.UNASSIGNED] == {desk["logged"]}
    assert held[Queue.PENDING] == {desk["pending"]}
    assert held[Queue.AWAITING_CONFIRMATION] == {desk["resolved"]}
    assert held[Queue.ESCALATED] == set()
    assert held[Queue.ALL] == set(desk.values())
    # another person's My work is theirs
    assert set(queues.ids(org.as_("app1"), Queue.MY_WORK)) == set()
    assert set(queues.ids(org.as_("app1"), Queue.MY_GROUPS)) == set()


def test_counts_match_the_queues(org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    counts = queues.counts(net1)
    assert counts == {q: len(queues.ids(net1, q)) for q in Queue}
    assert counts[Queue.ALL] == 6
    assert queues.count(net1, Queue.ALL, Filters(priority=2)) == 2


def test_breaching_soon_and_escalated_follow_the_clock(org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    due = queues.rows(net1, [desk["assigned"]])[0].due_at  # P2: accept, round the clock
    assert due is not None
    if due - org.clock.now() > queues.BREACHING_WINDOW:
        assert desk["assigned"] not in queues.ids(net1, Queue.BREACHING_SOON)
    org.clock.set(due - queues.BREACHING_WINDOW / 2)
    soon = queues.ids(net1, Queue.BREACHING_SOON)
    assert desk["assigned"] in soon
    assert desk["logged"] not in soon  # P4: four office hours to assign
    assert desk["pending"] not in soon  # R16: no clock runs while pending
    org.clock.advance(hours=2)
    scan(org.store, org.clock)
    escalated = queues.ids(net1, Queue.ESCALATED)
    assert desk["assigned"] in escalated and desk["pending"] not in escalated
    row = queues.rows(net1, [desk["assigned"]])[0]
    assert row.breached and row.unacknowledged >= 1 and row.escalation_count >= 1
    assert row.seconds_left(org.clock.now()) < 0
    for escalation_id in org.store.execute(
            "SELECT id FROM escalation WHERE incident_id = ?", [desk["assigned"]]):
        acknowledge_escalation(org.as_("manager"), escalation_id[0])
    assert desk["assigned"] not in queues.ids(net1, Queue.ESCALATED)


def test_default_order_is_priority_then_next_deadline(org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    rows = queues.rows(net1, queues.ids(net1, Queue.ALL))
    done = [r.stage in (Stage.RESOLVED, Stage.CLOSED) for r in rows]
    assert done == sorted(done)  # open work first
    open_rows = [r for r in rows if r.stage not in (Stage.RESOLVED, Stage.CLOSED)]
    assert [r.priority for r in open_rows] == sorted(r.priority for r in open_rows)
    p2 = [r for r in rows if r.priority == 2]
    running = [r.due_at for r in p2 if r.due_at is not None]
    assert running == sorted(running)


def test_every_column_sorts_both_ways_in_sql(org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    for sort in SortColumn:
        for lang in ("en", "zh"):
            up = queues.ids(net1, Queue.ALL, sort, False, lang=lang)
            down = queues.ids(net1, Queue.ALL, sort, True, lang=lang)
            assert sorted(up) == sorted(down) == sorted(desk.values())
    up = queues.ids(net1, Queue.ALL, SortColumn.NUMBER)
    assert up == sorted(up)
    assert queues.ids(net1, Queue.ALL, SortColumn.NUMBER, True) == sorted(up, reverse=True)
    by_group = queues.rows(net1, queues.ids(net1, Queue.ALL, SortColumn.GROUP, lang="en"))
    names = [r.group("en") for r in by_group]
    assert names == sorted(names)


def test_sort_by_number_and_update(org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    org.clock.advance(minutes=5)
    workflow.assign(org.as_("desk"), desk["logged"])
    latest = queues.ids(net1, Queue.ALL, SortColumn.UPDATED, True)
    assert latest[0] == desk["logged"]


def test_filters_narrow_a_queue(org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    assert set(queues.ids(net1, Queue.ALL, filters=Filters(stage=Stage.CLOSED))) == {
        desk["closed"]}
    assert set(queues.ids(net1, Queue.ALL, filters=Filters(pending=True))) == {desk["pending"]}
    assert set(queues.ids(net1, Queue.ALL, filters=Filters(group_id=org.ids["apps"]))) == {
        desk["resolved"], desk["closed"]}
    assert set(queues.ids(net1, Queue.ALL, filters=Filters(text="vpn"))) == {desk["mine"]}
    assert set(queues.ids(net1, Queue.ALL, filters=Filters(text="Zhang"))) == set(
        desk.values())  # every incident here has the same caller
    number = queues.rows(net1, [desk["pending"]])[0].number
    assert queues.ids(net1, Queue.ALL, filters=Filters(text=number)) == [desk["pending"]]
    # LIKE's wildcards are literal text
    assert queues.ids(net1, Queue.ALL, filters=Filters(text="%_")) == []


def test_page_reads_one_page_in_order(org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    every = queues.ids(net1, Queue.ALL, SortColumn.NUMBER)
    page = queues.page(net1, Queue.ALL, SortColumn.NUMBER, False, None, offset=2, limit=3)
    assert [r.id for r in page] == every[2:5]


def test_rows_carry_what_the_table_shows(org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    vip = org.log(title="CEO laptop", caller_id=org.ids["vip"])
    by_id = {r.id: r for r in queues.rows(net1, [desk["pending"], desk["mine"], vip])}
    assert list(by_id) == [desk["pending"], desk["mine"], vip]
    waiting = by_id[desk["pending"]]
    assert waiting.pending is not None and waiting.pending("zh") == "等待用户反馈"
    assert waiting.due_at is None  # R16: no clock runs while pending
    mine = by_id[desk["mine"]]
    assert mine.assignee == "李强 Li Qiang" and mine.stage == Stage.IN_PROGRESS
    assert mine.group("zh") == "网络组" and mine.category("en") == "Network"
    assert mine.due_at is not None and mine.target_minutes is not None
    assert by_id[vip].caller_vip and by_id[vip].priority == 2  # R12: VIP → High urgency


@pytest.mark.file_only  # SQLite's query plans
def test_each_queue_is_read_through_an_index(org: Org, desk: dict[str, int]) -> None:
    """EXPLAIN QUERY PLAN: no queue but All reads the whole incident table."""
    net1 = org.as_("net1")
    for queue in Queue:
        sql, params = queues.ids_query(net1, queue)
        steps = queues.plan(net1, sql, params)
        if queue == Queue.ALL:
            continue
        assert not any(s.startswith("SCAN i") for s in steps), (queue, steps)
    sql = queues._ROW_SQL.format(marks="?")
    steps = queues.plan(net1, sql, [1, 1])
    # only the chunk's own materialised deadlines are scanned, never a table
    assert not any(s.startswith("SCAN") and s != "SCAN due LEFT-JOIN" for s in steps), steps


@pytest.mark.file_only  # SQLite's query plans
def test_every_sort_reads_its_first_page_in_index_order(org: Org,
                                                        desk: dict[str, int]) -> None:
    """EXPLAIN QUERY PLAN: no sort of All sorts every incident to show a page (the file's
    statistics are the typical desk's, so these are the plans of a desk of any size); at
    most the incidents that tie on the first key are sorted among themselves."""
    net1 = org.as_("net1")
    for sort in SortColumn:
        for descending in (False, True):
            for lang in ("en", "zh"):
                for sql, params in queues.ids_queries(net1, Queue.ALL, sort, descending,
                                                      lang=lang):
                    steps = queues.plan(net1, f"{sql} LIMIT 100", params)
                    assert "USE TEMP B-TREE FOR ORDER BY" not in steps, (sort, descending,
                                                                        steps)
    # a filter on Closed walks the order index (the stage index would have every closed
    # incident sorted); the other stages are few, and found through the stage index
    closed = queues.ids_query(net1, Queue.ALL, filters=Filters(stage=Stage.CLOSED))
    assert queues.plan(net1, *closed) == ["SCAN i USING INDEX incident_queue_order"]
    logged = queues.ids_query(net1, Queue.ALL, filters=Filters(stage=Stage.LOGGED))
    assert "incident_stage" in queues.plan(net1, *logged)[0]


def test_ties_follow_the_queue_order_and_nobody_assigned_comes_last(
        org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    default = queues.ids(net1, Queue.ALL)
    rank = {incident_id: n for n, incident_id in enumerate(default)}
    by_caller = queues.ids(net1, Queue.ALL, SortColumn.CALLER)  # one caller: all tie
    assert by_caller == default
    by_type = queues.rows(net1, queues.ids(net1, Queue.ALL, SortColumn.TYPE, True))
    for a, b in pairwise(by_type):
        if a.type == b.type:
            assert rank[a.id] < rank[b.id]
    for descending in (False, True):
        rows = queues.rows(net1, queues.ids(net1, Queue.ALL, SortColumn.ASSIGNEE, descending))
        names = [r.assignee for r in rows]
        assert names[-1] is None and None not in names[:names.index(None)]
        given = [n for n in names if n is not None]
        assert given == sorted(given, reverse=descending)
    page = queues.page(net1, Queue.ALL, SortColumn.ASSIGNEE, False, None, offset=3, limit=10)
    assert [r.id for r in page] == queues.ids(net1, Queue.ALL, SortColumn.ASSIGNEE)[3:]


def test_counts_move_with_the_work(org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    before = queues.counts(net1)
    workflow.assign(org.as_("desk"), desk["logged"])
    after = queues.counts(net1)
    assert after[Queue.UNASSIGNED] == before[Queue.UNASSIGNED] - 1
    workflow.accept(org.as_("net1"), desk["logged"])
    assert queues.counts(net1)[Queue.MY_WORK] == before[Queue.MY_WORK] + 1


def test_reference_for_the_queue_view(org: Org) -> None:
    ref = queues.reference(org.as_("net1"))
    assert set(ref.priority_colors) == {1, 2, 3, 4}
    assert [name("zh") for _, name in ref.groups][:2] == ["应用组", "网络组"]


def test_capabilities_follow_the_services_checks(org: Org) -> None:
    from desk_app.services.incident.capabilities import can_administer, can_log

    assert can_log(org.as_("desk")) and not can_log(org.as_("net1"))
    assert can_administer(org.as_("owner")) and not can_administer(org.as_("desk"))
