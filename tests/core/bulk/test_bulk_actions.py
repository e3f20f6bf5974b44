"""Bulk actions: each incident through its own service and transaction (R04, R05, R06, R08,
R17, R20–R22 hold for each), refusals with their reasons in both languages, progress and
cancel, and nothing half-done on one incident."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.domain.enums import Stage
from desk_app.errors import DeskError, PermissionDenied, RuleViolation, ValidationError
from desk_app.services.bulk.actions import (
    BulkAction,
    BulkInput,
    offers,
    run_bulk,
)
from desk_app.services.incident import workflow
from desk_app.storage.models import CloseCode, Escalation, Incident, Journal, WaitCode
from tests.conftest import Org
from tests.helpers import snapshot


def assigned(org: Org, n: int = 1) -> list[int]:
    ids = [org.log() for _ in range(n)]
    for i in ids:
        workflow.assign(org.as_("desk"), i)
    return ids


def stage(incident_id: int) -> str:
    return str(Incident.get_by_id(incident_id).stage)


def wait_code() -> int:
    return WaitCode.get(WaitCode.code == "awaiting_vendor").id


def resolved(org: Org, confirm: bool = True) -> int:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    workflow.resolve(org.as_("net1"), incident_id, resolution="Replaced the switch port")
    if confirm:
        workflow.confirm_resolution(org.as_("desk"), incident_id)
    return incident_id


def test_r04_assign_to_me_takes_logged_and_accepts_assigned(org: Org) -> None:
    logged = org.log()
    waiting = assigned(org)[0]
    result = run_bulk(org.as_("desk"), BulkAction.ASSIGN_TO_ME, [logged, waiting])
    assert result.done == [logged, waiting] and not result.refused
    a, b = Incident.get_by_id(logged), Incident.get_by_id(waiting)
    assert (a.stage, a.assignee_id) == (Stage.ASSIGNED.value, org.ids["desk"])
    assert (b.stage, b.assignee_id) == (Stage.IN_PROGRESS.value, org.ids["desk"])


def test_r04_assign_to_me_refuses_outside_my_groups_with_reasons(org: Org) -> None:
    mine, other = assigned(org, 2)
    workflow.accept(org.as_("net1"), other)
    email = org.log(category_id=org.ids["cat_email"])
    workflow.assign(org.as_("desk"), email)
    result = run_bulk(org.as_("net2"), BulkAction.ASSIGN_TO_ME, [mine, other, email])
    assert result.done == [mine]
    reasons = dict(result.reasons("en"))
    numbers = {i: Incident.get_by_id(i).number for i in (other, email)}
    assert "transfer it instead" in reasons[numbers[other]]
    assert isinstance(result.refused[1].error, PermissionDenied)
    assert dict(result.reasons("zh"))[numbers[other]] == "该事件已由他人受理,请改用转派。"
    assert result.summary("en") == "1 of 3 incident(s) done; 2 refused."


def test_r05_bulk_assign_refuses_what_is_not_logged(org: Org) -> None:
    logged = org.log()
    already = assigned(org)[0]
    result = run_bulk(org.as_("desk"), BulkAction.ASSIGN, [logged, already],
                      BulkInput(assignee_id=org.ids["net2"]))
    assert result.done == [logged]
    assert Incident.get_by_id(logged).assignee_id == org.ids["net2"]
    assert isinstance(result.refused[0].error, RuleViolation)


def test_r06_bulk_transfer_counts_each_and_r07_escalates_the_third(org: Org) -> None:
    ids = assigned(org, 3)
    desk = org.as_("desk")
    for _ in range(2):
        workflow.transfer(desk, ids[0], note="first", category_id=org.ids["cat_email"])
        workflow.transfer(desk, ids[0], note="back", category_id=org.ids["cat_network"])
    # ids[0] has been transferred four times; the others not at all
    result = run_bulk(desk, BulkAction.TRANSFER, ids,
                      BulkInput(note="To applications", category_id=org.ids["cat_email"]))
    assert result.done == ids
    assert [Incident.get_by_id(i).reassignment_count for i in ids] == [5, 1, 1]
    assert all(Incident.get_by_id(i).group_id == org.ids["apps"] for i in ids)


def test_r06_bulk_transfer_without_note_refuses_each_and_changes_nothing(org: Org) -> None:
    ids = assigned(org, 3)
    before = snapshot(org.store)
    result = run_bulk(org.as_("desk"), BulkAction.TRANSFER, ids,
                      BulkInput(category_id=org.ids["cat_email"]))
    assert result.done == [] and len(result.refused) == 3
    assert all(isinstance(r.error, ValidationError) for r in result.refused)
    assert result.reasons("zh")[0][1]
    assert snapshot(org.store) == before


def test_r17_bulk_pending_and_resume(org: Org) -> None:
    ids = assigned(org, 2)
    run_bulk(org.as_("desk"), BulkAction.PEND, [ids[0]], BulkInput(wait_code_id=wait_code()))
    result = run_bulk(org.as_("net1"), BulkAction.PEND, ids,
                      BulkInput(wait_code_id=wait_code(), note="vendor"))
    assert result.done == [ids[1]]
    assert result.refused[0].error.key == "rule.already_pending"
    result = run_bulk(org.as_("net1"), BulkAction.RESUME, ids)
    assert result.done == ids
    assert all(Incident.get_by_id(i).wait_code_id is None for i in ids)
    again = run_bulk(org.as_("net1"), BulkAction.RESUME, ids)
    assert [r.error.key for r in again.refused] == ["rule.not_pending"] * 2


def test_r17_bulk_pending_needs_a_wait_code(org: Org) -> None:
    ids = assigned(org, 2)
    result = run_bulk(org.as_("net1"), BulkAction.PEND, ids, BulkInput())
    assert not result.done and all("wait_code" in r.error.fields  # type: ignore[attr-defined]
                                   for r in result.refused)


def test_bulk_note_refuses_closed_incidents(org: Org) -> None:
    from tests.helpers import close_incident

    open_one, closed = org.log(), org.log()
    close_incident(org, closed)
    result = run_bulk(org.as_("net1"), BulkAction.NOTE, [open_one, closed],
                      BulkInput(note="Called the vendor"))
    assert result.done == [open_one]
    assert result.refused[0].error.key == "rule.closed_final"
    notes = Journal.select().where((Journal.incident == open_one) & (Journal.action == "note"))
    assert [j.note for j in notes] == ["Called the vendor"]


def test_r08_bulk_acknowledge_takes_every_open_escalation_of_each_incident(org: Org) -> None:
    escalated, quiet = assigned(org, 2)
    desk = org.as_("desk")
    for n in range(3):
        workflow.transfer(desk, escalated, note=f"t{n}",
                          category_id=org.ids["cat_email" if n % 2 == 0 else "cat_network"])
    assert Escalation.select().where(Escalation.incident == escalated).count() == 1
    refused = run_bulk(org.as_("net1"), BulkAction.ACKNOWLEDGE, [escalated])
    assert isinstance(refused.refused[0].error, PermissionDenied)
    result = run_bulk(org.as_("manager"), BulkAction.ACKNOWLEDGE, [escalated, quiet],
                      BulkInput(note="seen"))
    assert result.done == [escalated]
    assert result.refused[0].error.key == "bulk.nothing_to_acknowledge"
    assert all(e.acknowledged_at is not None and e.ack_comment == "seen"
               for e in Escalation.select().where(Escalation.incident == escalated))


def test_r20_r22_bulk_close_only_what_the_person_may_close(org: Org) -> None:
    mine, unconfirmed = resolved(org), resolved(org, confirm=False)
    code = CloseCode.get(CloseCode.code == "solved").id
    others = run_bulk(org.as_("net1"), BulkAction.CLOSE, [mine],
                      BulkInput(note="done", close_code_id=code, satisfaction=5))
    assert isinstance(others.refused[0].error, PermissionDenied)
    no_satisfaction = run_bulk(org.as_("desk"), BulkAction.CLOSE, [mine],
                               BulkInput(note="done", close_code_id=code))
    assert "satisfaction" in no_satisfaction.refused[0].error.fields  # type: ignore[attr-defined]
    result = run_bulk(org.as_("desk"), BulkAction.CLOSE, [mine, unconfirmed],
                      BulkInput(note="Called back", close_code_id=code, satisfaction=4))
    assert result.done == [mine] and stage(mine) == Stage.CLOSED.value
    assert stage(unconfirmed) == Stage.RESOLVED.value
    assert "confirmed" in result.refused[0].error.fields  # type: ignore[attr-defined]


def test_r22_bulk_close_records_each_caller_s_own_satisfaction(org: Org) -> None:
    """R22 asks the caller of each incident: the answers given per incident are recorded per
    incident, and one left out takes the value given for all (or is refused when none)."""
    first, second, third = resolved(org), resolved(org), resolved(org)
    code = CloseCode.get(CloseCode.code == "solved").id
    result = run_bulk(org.as_("desk"), BulkAction.CLOSE, [first, second, third],
                      BulkInput(note="Called back", close_code_id=code,
                                satisfactions=((first, 5), (second, 2))))
    assert result.done == [first, second]
    assert "satisfaction" in result.refused[0].error.fields  # type: ignore[attr-defined]
    assert [Incident.get_by_id(i).satisfaction for i in (first, second)] == [5, 2]
    assert stage(third) == Stage.RESOLVED.value
    rest = run_bulk(org.as_("desk"), BulkAction.CLOSE, [third],
                    BulkInput(note="Called back", close_code_id=code, satisfaction=4,
                              satisfactions=((first, 1),)))
    assert rest.done == [third] and Incident.get_by_id(third).satisfaction == 4
    assert Incident.get_by_id(first).satisfaction == 5  # closed before: unchanged


@pytest.mark.parametrize("pairs", [((1,),), [(1, 2)], ((1, "5"),), ((True, 5),),
                                   ((2 ** 70, 5),), "15"])
def test_bad_per_caller_satisfactions_are_refused_whole(org: Org, pairs: object) -> None:
    incident = resolved(org)
    with pytest.raises(ValidationError):
        run_bulk(org.as_("desk"), BulkAction.CLOSE, [incident],
                 BulkInput(note="x", satisfactions=pairs))  # type: ignore[arg-type]
    assert stage(incident) == Stage.RESOLVED.value


def test_progress_and_cancel_leave_the_rest_unchanged(org: Org) -> None:
    ids = assigned(org, 5)
    seen: list[tuple[int, int]] = []
    result = run_bulk(org.as_("net1"), BulkAction.NOTE, ids, BulkInput(note="checked"),
                      progress=lambda done, total: seen.append((done, total)),
                      cancelled=lambda: len(seen) >= 2)
    assert seen == [(1, 5), (2, 5)]
    assert result.done == ids[:2] and result.not_reached == ids[2:]
    assert "3 incident(s) were not reached" in result.summary("en")
    for i in ids[2:]:
        assert not Journal.select().where((Journal.incident == i)
                                          & (Journal.action == "note")).exists()


def test_a_failure_inside_one_incident_leaves_it_whole(org: Org,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing half-done: a failure after the acknowledgement of the first of two
    escalations of one incident rolls back both."""
    from desk_app.services.bulk import actions

    incident_id = assigned(org)[0]
    desk = org.as_("desk")
    for n in range(3):
        workflow.transfer(desk, incident_id, note=f"t{n}",
                          category_id=org.ids["cat_email" if n % 2 == 0 else "cat_network"])
    first = Escalation.get(Escalation.incident == incident_id)
    org.store.db.execute_sql(
        "INSERT INTO escalation (incident_id, reason, at, old_urgency, new_urgency, "
        "old_priority, new_priority, ack_comment, version) "
        "SELECT incident_id, 'resolve_target', at, old_urgency, new_urgency, old_priority, "
        "new_priority, '', 1 FROM escalation WHERE id = ?", [first.id])
    calls = []
    real = actions.acknowledge_escalation

    def second_fails(session, escalation_id, comment=""):  # type: ignore[no-untyped-def]
        calls.append(escalation_id)
        if len(calls) == 2:
            raise RuleViolation("rule.escalation_acknowledged")
        return real(session, escalation_id, comment)

    monkeypatch.setattr(actions, "acknowledge_escalation", second_fails)
    before = snapshot(org.store)
    result = run_bulk(org.as_("manager"), BulkAction.ACKNOWLEDGE, [incident_id])
    assert len(calls) == 2 and result.refused and not result.done
    assert snapshot(org.store) == before


def test_offers_say_how_many_each_action_can_take(org: Org) -> None:
    logged = org.log()
    waiting = assigned(org)[0]
    got = offers(org.as_("desk"), [logged, waiting])
    assert (got[BulkAction.ASSIGN].possible, got[BulkAction.ASSIGN].total) == (1, 2)
    assert got[BulkAction.NOTE].possible == 2
    assert not got[BulkAction.RESUME].enabled and got[BulkAction.RESUME].reason is not None
    assert not got[BulkAction.ACKNOWLEDGE].enabled
    assert offers(org.as_("manager"), [])[BulkAction.NOTE].total == 0


def test_unknown_action_is_refused_with_a_message(org: Org) -> None:
    with pytest.raises(ValidationError):
        run_bulk(org.as_("desk"), "explode", [1])


HOSTILE = [None, -1, 0, 2**63, 2**64, 1.5, float("nan"), True, "", "\x00", "\ud800",
           "x" * 100_000, [], {}, b"bytes", "'; DROP TABLE incident; --"]


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(action=st.sampled_from(list(BulkAction)), who=st.sampled_from(["desk", "net1",
                                                                        "manager", "head"]),
       ids=st.lists(st.one_of(st.integers(min_value=-(2**70), max_value=2**70),
                              st.sampled_from(HOSTILE)), max_size=3),
       note=st.one_of(st.text(max_size=20), st.sampled_from(HOSTILE)),
       number=st.one_of(st.integers(min_value=-(2**70), max_value=2**70),
                        st.sampled_from(HOSTILE)))
def test_fuzz_bulk_actions_refuse_with_messages(org: Org, action: BulkAction, who: str,
                                                ids: list[object], note: object,
                                                number: object) -> None:
    """Hostile ids and input: each refusal is a typed error with a message in both
    languages, never an untyped failure; a refused incident is unchanged."""
    real = org.log()
    given_input = BulkInput(note=note, assignee_id=number, category_id=number,  # type: ignore[arg-type]
                            wait_code_id=number, close_code_id=number,  # type: ignore[arg-type]
                            satisfaction=number)  # type: ignore[arg-type]
    try:
        result = run_bulk(org.as_(who), action, [*ids, real], given_input)  # type: ignore[list-item]
    except DeskError as error:  # the ids themselves refused before anything ran
        assert error.message("zh") and error.message("en")
        return
    for refusal in result.refused:
        assert refusal.message("zh") and refusal.message("en")


def test_large_selections_are_offered_from_a_sample(org: Org,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from desk_app.services.bulk import actions

    monkeypatch.setattr(actions, "PREFLIGHT_LIMIT", 2)
    ids = [org.log() for _ in range(3)]
    got = offers(org.as_("desk"), ids)
    assert got[BulkAction.ASSIGN] == actions.Offer(BulkAction.ASSIGN, 3, 3, checked=False)
    assert not got[BulkAction.RESUME].enabled and got[BulkAction.RESUME].reason is not None
