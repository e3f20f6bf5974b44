"""R09 call tasks a desk can work: one open task per incident and person (later breaches add
reasons), ending by itself when its escalation is acknowledged or its incident resolved or
closed, falling back to the next channel for a person without a phone number; R08/R09
acknowledging an escalation marks its notifications read for every recipient."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from desk_app.domain.enums import EscalationReason, Impact, Urgency
from desk_app.errors import RuleViolation
from desk_app.services.admin.process import RuleForm, save_escalation_rule
from desk_app.services.alerts.calls import CallTask, call_tasks, record_call
from desk_app.services.alerts.escalation import scan
from desk_app.services.alerts.review import acknowledge_escalation
from desk_app.services.alerts.tasks import settle
from desk_app.services.incident import workflow
from desk_app.storage.models import Escalation, Incident, Notification, User
from desk_app.storage.opening import open_store
from tests.conftest import Org
from tests.escalation_helpers import breach, rows
from tests.helpers import old_schema


def _three_breaches(org: Org) -> int:
    """A P4 incident left alone: its assign, accept and resolve targets all run out."""
    incident_id = org.log(impact=Impact.MINOR, urgency=Urgency.LOW)
    for _ in range(40):
        org.clock.advance(hours=6)
        scan(org.store, org.clock)
    return incident_id


def _escalations(org: Org, incident_id: int) -> list[Escalation]:
    return org.store.read(lambda: list(Escalation.select().where(
        Escalation.incident == incident_id).order_by(Escalation.id)))


def _calls(org: Org, person: str = "manager") -> list[Notification]:
    return [r for r in rows(org, recipient=org.ids[person]) if r.channel in ("phone", "verbal")]


def _manager_tasks(org: Org, by: str = "manager") -> list[CallTask]:
    return [t for t in call_tasks(org.as_(by)) if t.recipient == "Mia Manager"]


def test_r09_call_task_joins_open_one(org: Org) -> None:
    incident_id = _three_breaches(org)
    escalations = _escalations(org, incident_id)
    assert len(escalations) == 3
    (task,) = _manager_tasks(org)
    assert task.incident_id == incident_id
    assert set(task.reasons) == {r.value for r in (EscalationReason.ASSIGN_TARGET,
                                                   EscalationReason.ACCEPT_TARGET,
                                                   EscalationReason.RESOLVE_TARGET)}
    assert task.reason == task.reasons[0] and len(task.escalation_ids) == 3
    calls = _calls(org)
    assert [c.state for c in calls] == ["pending", "joined", "joined"]
    assert {c.joined_to_id for c in calls[1:]} == {calls[0].id}
    # every escalation keeps its own row per recipient and channel (R09)
    assert {c.escalation_id for c in calls} == {e.id for e in escalations}


def test_r09_reaching_the_person_settles_every_reason_of_the_task(org: Org) -> None:
    _three_breaches(org)
    (task,) = _manager_tasks(org)
    record_call(org.as_("manager"), task.notification_id, reached=True, note="told")
    assert _manager_tasks(org) == []
    assert {c.state for c in _calls(org)} == {"sent"}
    with pytest.raises(RuleViolation):  # a joined row is not a task of its own
        record_call(org.as_("manager"), _calls(org)[1].id, reached=True)


def test_r09_call_task_ends_when_the_escalation_is_acknowledged(org: Org) -> None:
    escalation = breach(org)
    assert len(call_tasks(org.as_("manager"))) == 1
    acknowledge_escalation(org.as_("manager"), escalation, "on it")
    assert call_tasks(org.as_("manager")) == []
    (call,) = _calls(org)
    assert (call.state, call.state_reason) == ("not_needed", "acknowledged")


def test_r08_r09_acknowledging_marks_the_notifications_read_for_everyone(org: Org) -> None:
    save_escalation_rule(org.as_("owner"), RuleForm(
        "Tell He Jing", "通知何静", "user", ["desktop", "email"], user_id=org.ids["head"]))
    escalation = breach(org)
    assert {r.recipient_id for r in rows(org)} == {org.ids["manager"], org.ids["head"]}
    acknowledge_escalation(org.as_("head"), escalation, "")
    for row in rows(org):
        assert row.acknowledged_at == org.clock.now(), row.channel
        if row.channel == "desktop":
            assert row.state == "acknowledged"  # no pop-up for what is settled


def test_r09_a_task_stays_while_another_reason_waits(org: Org) -> None:
    incident_id = _three_breaches(org)
    first, second, third = _escalations(org, incident_id)
    acknowledge_escalation(org.as_("manager"), first.id, "")
    (task,) = _manager_tasks(org)
    assert first.reason not in task.reasons and len(task.reasons) == 2
    acknowledge_escalation(org.as_("manager"), second.id, "")
    acknowledge_escalation(org.as_("manager"), third.id, "")
    assert call_tasks(org.as_("manager")) == []
    for person in ("manager", "head_it"):
        assert {(c.state, c.state_reason) for c in _calls(org, person)} == {
            ("not_needed", "acknowledged")}


@pytest.mark.parametrize("stage", ["resolved", "closed"])
def test_r09_call_task_ends_when_the_incident_is_resolved_or_closed(org: Org, stage: str
                                                                     ) -> None:
    escalation = breach(org)
    incident_id = org.store.read(lambda: Escalation.get_by_id(escalation).incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    workflow.resolve(org.as_("net1"), incident_id, resolution="重启路由器",
                     resolution_type="resolution")
    if stage == "closed":
        org.store.write(lambda: Notification.update(state="pending", state_reason="").where(
            Notification.channel == "phone").execute())  # as if still open
        workflow.confirm_resolution(org.as_("desk"), incident_id)
        workflow.close(org.as_("desk"), incident_id, close_code_id=1, notes="done",
                       satisfaction=5)
    assert call_tasks(org.as_("manager")) == []
    (call,) = _calls(org)
    assert (call.state, call.state_reason) == ("not_needed", stage)


def test_r09_no_phone_number_falls_back_to_the_next_channel(org: Org) -> None:
    org.store.write(lambda: User.update(phone="").where(User.id == org.ids["head"]).execute())
    save_escalation_rule(org.as_("owner"), RuleForm(
        "Call He Jing", "电话通知何静", "user", ["phone"], user_id=org.ids["head"]))
    escalation = breach(org)
    head = {r.channel: r for r in rows(org, recipient=org.ids["head"])}
    assert set(head) == {"phone", "email"}
    assert (head["phone"].state, head["phone"].state_reason) == ("no_address", "no_phone")
    assert (head["email"].state, head["email"].state_reason) == ("pending", "fallback_no_phone")
    assert head["email"].escalation_id == escalation
    assert [t.recipient for t in call_tasks(org.as_("manager"))] == ["Mia Manager"]


def test_r09_call_tasks_most_urgent_first_and_own_follow_ups_first(org: Org) -> None:
    breach(org)  # P3
    org.log(impact=Impact.EXTENSIVE, urgency=Urgency.HIGH)  # P1, escalates within the hour
    for _ in range(8):
        org.clock.advance(minutes=15)
        scan(org.store, org.clock)
    tasks = call_tasks(org.as_("desk"))
    assert [t.priority for t in tasks] == sorted(t.priority for t in tasks)
    assert len(tasks) >= 2 and tasks[0].priority < tasks[-1].priority
    last = tasks[-1]
    record_call(org.as_("desk"), last.notification_id, reached=False)
    org.clock.advance(hours=1)
    mine = call_tasks(org.as_("desk"))
    assert mine[0].notification_id == last.notification_id and mine[0].own
    others = call_tasks(org.as_("desk2"))
    assert others[0].notification_id != last.notification_id and not others[0].own


def test_r09_call_task_text_is_in_the_called_persons_language(org: Org) -> None:
    org.store.write(lambda: User.update(language="en").where(
        User.id == org.ids["manager"]).execute())
    breach(org)
    (task,) = call_tasks(org.as_("desk"))
    assert task.script.startswith("Incident INC0000001 (P3) has escalated")
    org.store.write(lambda: User.update(language="zh").where(
        User.id == org.ids["manager"]).execute())
    (task,) = call_tasks(org.as_("desk"))
    assert task.script.startswith("事件 INC0000001(P3)已升级")


def test_r09_settle_is_idempotent(org: Org) -> None:
    escalation = breach(org)
    acknowledge_escalation(org.as_("manager"), escalation, "")
    assert org.store.write(lambda: settle([1], org.clock.now())) == 0


@pytest.mark.file_only
def test_r09_upgrade_to_schema_24_merges_duplicate_open_call_tasks(org: Org) -> None:
    """A file of schema 15 held one open call task per escalation: the upgrade keeps every
    row, joins the later open ones of an incident and person to the first, and ends those
    of acknowledged escalations and closed incidents."""
    incident_id = _three_breaches(org)
    closed_escalation = breach(org)
    first, second, third = _escalations(org, incident_id)
    acknowledge_escalation(org.as_("manager"), third.id, "")
    org.store.write(lambda: Notification.update(
        state="pending", joined_to=None, state_reason="", acknowledged_at=None).where(
        Notification.channel == "phone").execute())  # as schema 15 left them
    closed_incident = org.store.read(
        lambda: Escalation.get_by_id(closed_escalation).incident_id)
    org.store.write(lambda: Incident.update(stage="closed").where(
        Incident.id == closed_incident).execute())
    org.store.close()
    old_schema(org.path, 23)
    before = sqlite3.connect(org.path).execute("SELECT COUNT(*) FROM notification").fetchone()
    store = open_store(org.path)
    try:
        calls = store.read(lambda: {n.escalation_id: n for n in Notification.select().where(
            (Notification.channel == "phone")
            & (Notification.recipient == org.ids["manager"]))})
        after = store.read(lambda: Notification.select().count())
        attempts = store.read(lambda: Notification.select().where(
            Notification.acknowledged_at.is_null(False)).count())
    finally:
        store.close()
    assert before[0] == after
    assert (calls[first.id].state, calls[first.id].joined_to_id) == ("pending", None)
    assert (calls[second.id].state, calls[second.id].joined_to_id) == (
        "joined", calls[first.id].id)
    assert (calls[third.id].state, calls[third.id].state_reason) == ("not_needed",
                                                                     "acknowledged")
    assert (calls[closed_escalation].state, calls[closed_escalation].state_reason) == (
        "not_needed", "closed")
    assert attempts > 0  # the acknowledged escalation's rows are read


def test_r09_late_call_task_due_sooner_when_a_joined_reason_is_urgent(org: Org) -> None:
    incident_id = _three_breaches(org)
    (task,) = _manager_tasks(org)
    assert task.due_since <= org.clock.now() - timedelta(hours=1)
    assert incident_id == task.incident_id


def test_r09_people_who_may_be_phoned_without_a_number_are_flagged(org: Org) -> None:
    from desk_app.services.alerts.phones import has_phone_gap, people_without_phone

    assert people_without_phone(org.as_("owner")) == []
    org.store.write(lambda: User.update(phone="").where(
        User.id.in_([org.ids["manager"], org.ids["net1"]])).execute())
    gaps = people_without_phone(org.as_("owner"))
    assert [(g.full_name, g.why) for g in gaps] == [("Mia Manager", "incident_manager")]
    assert has_phone_gap(org.as_("owner"), org.ids["manager"])
    assert not has_phone_gap(org.as_("owner"), org.ids["net1"])  # never phoned


def test_r09_the_review_screen_says_why_a_call_is_no_longer_needed(org: Org) -> None:
    from desk_app.services.alerts import why_text
    from desk_app.services.alerts.escalation_review import notifications_of

    escalation = breach(org)
    acknowledge_escalation(org.as_("manager"), escalation, "")
    phone = next(v for v in notifications_of(org.as_("manager"), escalation)
                 if v.channel == "phone")
    assert (phone.state, phone.state_reason) == ("not_needed", "acknowledged")
    assert why_text(phone.state_reason, "en") == (
        "No longer needed: the escalation was acknowledged")
    assert why_text(phone.state_reason, "zh") == "已无需处理:该升级已被确认"
    assert why_text("", "en") == "" and why_text("unknown", "zh") == ""



@pytest.mark.file_only
def test_r09_open_call_tasks_are_found_without_the_joined_to_index(org: Org) -> None:
    """The scan reads the open call tasks of every incident it escalates. Through the index
    on ``joined_to`` (NULL for nearly every notification of a file) that read took 1.1 s at
    100,000 incidents, on every scan; it must start from the call rows or the escalations.
    Checked on the plan SQLite chooses for the statement ``open_leads`` runs, with the
    program's own planner statistics in place (a file's plans follow them, not its size)."""
    from desk_app.services.alerts.tasks import open_leads
    from desk_app.storage import statistics

    statistics.ensure(org.store)
    seen: list[str] = []

    def read() -> None:
        connection = org.store.db.connection()
        connection.set_trace_callback(seen.append)
        try:
            open_leads([1, 2, 3])
        finally:
            connection.set_trace_callback(None)

    org.store.read(read)
    statement = next(sql for sql in seen if '"notification"' in sql)
    plan = " ".join(str(row[-1]) for row in org.store.execute(f"EXPLAIN QUERY PLAN {statement}"))
    assert "joined_to" not in plan, plan
