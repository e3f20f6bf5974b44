"""Saved queues: conditions as SQL (each condition narrows as it says), personal and shared
queues, who may change them, counts, and hostile input refused with nothing changed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.errors import DeskError, PermissionDenied, ValidationError
from desk_app.services.bulk.saved_queues import (
    Conditions,
    SavedQueueForm,
    counts,
    create_queue,
    delete_queue,
    update_queue,
    visible,
)
from desk_app.services.incident import workflow
from desk_app.services.incident.log import add_note
from desk_app.services.incident.pending import set_pending
from desk_app.services.lists import queues
from desk_app.services.lists.queues import Filters, Queue
from desk_app.storage.models import WaitCode
from tests.conftest import Org
from tests.helpers import refused


def matching(org: Org, conditions: Conditions, who: str = "net1") -> list[int]:
    return sorted(queues.ids(org.as_(who), Queue.ALL, filters=Filters(conditions=conditions)))


@pytest.fixture
def desk(org: Org) -> dict[str, int]:
    """A few incidents that differ in one thing each."""
    made = {
        "logged": org.log(title="Printer jams on floor 3"),
        "vip": org.log(caller_id=org.ids["vip"], title="VPN 断开 again"),
        "email": org.log(category_id=org.ids["cat_email"], title="Mailbox full"),
        "mine": org.log(title="Switch port dead"),
        "waiting": org.log(title="Laptop battery"),
    }
    desk_session = org.as_("desk")
    for key in ("email", "mine", "waiting"):
        workflow.assign(desk_session, made[key])
    workflow.accept(org.as_("net1"), made["mine"])
    vendor = WaitCode.get(WaitCode.code == "awaiting_vendor").id
    set_pending(org.as_("net1"), made["waiting"], wait_code_id=vendor)
    add_note(org.as_("net1"), made["mine"], "replaced the 网络 switch module")
    return made


def test_each_condition_narrows_as_it_says(org: Org, desk: dict[str, int]) -> None:
    vendor = WaitCode.get(WaitCode.code == "awaiting_vendor").id
    assert matching(org, Conditions(stages=("logged",))) == sorted([desk["logged"],
                                                                    desk["vip"]])
    assert matching(org, Conditions(category_ids=(org.ids["cat_email"],))) == [desk["email"]]
    assert matching(org, Conditions(group_ids=(org.ids["apps"],))) == [desk["email"]]
    assert matching(org, Conditions(assignee="me")) == [desk["mine"]]
    assert matching(org, Conditions(assignee="me"), who="net2") == []
    assert desk["mine"] not in matching(org, Conditions(assignee="nobody"))
    assert matching(org, Conditions(assignee="people", assignee_ids=(org.ids["net1"],))) == [
        desk["mine"]]
    assert matching(org, Conditions(vip=True)) == [desk["vip"]]
    assert desk["vip"] not in matching(org, Conditions(vip=False))
    assert matching(org, Conditions(caller_ids=(org.ids["vip"],))) == [desk["vip"]]
    assert matching(org, Conditions(pending=True)) == [desk["waiting"]]
    assert matching(org, Conditions(wait_code_ids=(vendor,))) == [desk["waiting"]]
    assert matching(org, Conditions(words="printer")) == [desk["logged"]]
    assert matching(org, Conditions(words="网络")) == [desk["mine"]]  # a work note's word
    assert matching(org, Conditions(escalated="ever")) == []
    assert len(matching(org, Conditions(escalated="never"))) == 5
    assert matching(org, Conditions(priorities=(1,))) == []
    today = org.clock.now().date()
    assert len(matching(org, Conditions(date_from=today.isoformat(),
                                        date_to=today.isoformat()))) == 5
    assert matching(org, Conditions(date_to=(today - timedelta(days=1)).isoformat())) == []
    assert len(matching(org, Conditions(last_days=1))) == 5
    both = Conditions(stages=("logged",), vip=True, words="VPN")
    assert matching(org, both) == [desk["vip"]]


def test_a_saved_queue_pages_sorts_and_counts_through_the_queue_reads(
        org: Org, desk: dict[str, int]) -> None:
    net1 = org.as_("net1")
    conditions = Conditions(open_only=True, category_ids=(org.ids["cat_network"],))
    filters = Filters(conditions=conditions)
    rows = queues.page(net1, Queue.ALL, "number", True, filters, 0, 2)
    assert [r.id for r in rows] == sorted([desk["logged"], desk["vip"], desk["mine"],
                                           desk["waiting"]], reverse=True)[:2]
    assert queues.count(net1, Queue.ALL, filters) == 4
    # and a filter bar's narrowing on top of it
    assert queues.count(net1, Queue.ALL, Filters(stage="logged", conditions=conditions)) == 2


def test_personal_and_shared_queues(org: Org, desk: dict[str, int]) -> None:
    net1, net2 = org.as_("net1"), org.as_("net2")
    mine = create_queue(net1, SavedQueueForm("My VPN work", Conditions(words="VPN"))).new_id
    team = create_queue(net1, SavedQueueForm("Team: waiting", Conditions(pending=True),
                                             shared=True)).new_id
    assert [q.name for q in visible(net1)] == ["My VPN work", "Team: waiting"]
    seen = visible(net2)
    assert [(q.name, q.mine, q.owner) for q in seen] == [("Team: waiting", False,
                                                           "李强 Li Qiang")]
    assert counts(net2, seen) == {team: 1}
    assert counts(net1, visible(net1)) == {mine: 1, team: 1}
    with refused(org.store, PermissionDenied):
        delete_queue(net2, team)
    # the incident manager keeps the team's shared queues in order
    update_queue(org.as_("manager"), team, SavedQueueForm("Team: pending", Conditions(
        pending=True), shared=True))
    assert visible(net2)[0].name == "Team: pending"
    with refused(org.store, PermissionDenied):
        delete_queue(org.as_("manager"), mine)
    delete_queue(net1, mine)
    assert [q.name for q in visible(net1)] == ["Team: pending"]


def test_names_are_required_and_unique_per_person(org: Org) -> None:
    net1 = org.as_("net1")
    create_queue(net1, SavedQueueForm("Mine", Conditions()))
    with refused(org.store, ValidationError, "name"):
        create_queue(net1, SavedQueueForm("Mine", Conditions(vip=True)))
    with refused(org.store, ValidationError, "name"):
        create_queue(net1, SavedQueueForm("   ", Conditions()))
    create_queue(org.as_("net2"), SavedQueueForm("Mine", Conditions()))  # another person's


def test_bad_conditions_are_refused_field_by_field(org: Org) -> None:
    net1 = org.as_("net1")
    bad = Conditions(stages=("sleeping",), priorities=(9,), date_from="2026-05-01",
                     date_to="2026-04-01", last_days=0, assignee="people")
    with refused(org.store, ValidationError) as info:
        create_queue(net1, SavedQueueForm("Bad", bad))
    fields = info.value.fields  # type: ignore[attr-defined]
    assert {"stages", "priorities", "date_to", "last_days", "assignee_ids"} <= set(fields)
    assert info.value.message("zh")


def test_conditions_survive_the_round_trip_and_a_broken_row_reads_as_none() -> None:
    conditions = Conditions(stages=("logged", "assigned"), vip=True, words="网络 VPN",
                            last_days=7, assignee="me")
    assert Conditions.from_json(conditions.to_json()) == conditions
    assert Conditions.from_json("{not json") == Conditions()
    assert Conditions.from_json('{"priorities": [99]}') == Conditions()
    assert Conditions.from_json('{"future_condition": 1, "vip": false}') == Conditions(
        vip=False)


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.one_of(st.text(max_size=40), st.sampled_from(["\x00", "\ud800", "x" * 5000])),
       words=st.one_of(st.text(max_size=40), st.sampled_from(['"', "*", "NEAR(", "\ud800"])),
       stages=st.lists(st.text(max_size=12), max_size=3),
       ids=st.lists(st.integers(min_value=-(2**70), max_value=2**70), max_size=3),
       days=st.one_of(st.none(), st.integers(min_value=-5, max_value=10**6)),
       day=st.text(max_size=12))
def test_fuzz_saved_queues_never_fail_untyped(org: Org, name: str, words: str,
                                               stages: list[str], ids: list[int],
                                               days: int | None, day: str) -> None:
    conditions = Conditions(stages=tuple(stages), group_ids=tuple(ids), words=words,
                            last_days=days, date_from=day)
    try:
        create_queue(org.as_("net1"), SavedQueueForm(name, conditions))
    except DeskError as error:
        assert error.message("zh")
    else:
        # whatever was accepted reads back and runs
        for queue in visible(org.as_("net1")):
            counts(org.as_("net1"), [queue])
        delete_queue(org.as_("net1"), visible(org.as_("net1"))[0].id)


def test_kept_answers_never_let_a_bad_condition_through(org: Org,
                                                         desk: dict[str, int]) -> None:
    """The live count keeps each clause and each "can be saved" it worked out; ``True``
    equals ``1`` in Python, but a priority of ``True`` is still refused after one of 1."""
    from desk_app.services.bulk.saved_queues import count_of

    me = org.as_("net1")
    assert count_of(me, Conditions(priorities=(1,))) == len(
        matching(org, Conditions(priorities=(1,))))
    with pytest.raises(ValidationError):
        count_of(me, Conditions(priorities=(True,)))  # type: ignore[arg-type]
    assert count_of(me, Conditions(last_days=30)) == len(matching(org, Conditions(
        last_days=30)))
    with pytest.raises(ValidationError):
        count_of(me, Conditions(last_days=True))  # type: ignore[arg-type]
    # "me" is the person asking, whoever asked the same conditions first
    mine = Conditions(assignee="me")
    assert count_of(org.as_("net1"), mine) == len(matching(org, mine, "net1"))
    assert count_of(org.as_("desk"), mine) == len(matching(org, mine, "desk"))


def test_the_last_days_move_with_the_clock(org: Org) -> None:
    from desk_app.services.bulk.saved_queues import count_of

    org.log(title="Old one")
    week = Conditions(last_days=7)
    assert count_of(org.as_("desk"), week) == 1
    org.clock.advance(days=8)
    assert count_of(org.as_("desk"), week) == 0
    org.log(title="New one")
    assert count_of(org.as_("desk"), week) == 1
