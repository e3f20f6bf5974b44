"""R06 transfer, R07 escalation triggers, R08 escalation effect, R09 notification rows."""

from __future__ import annotations

from desk_app.domain.enums import (
    EscalationReason,
    Impact,
    NotificationChannel,
    Stage,
    Urgency,
)
from desk_app.errors import RuleViolation, ValidationError
from desk_app.services.admin.process import RuleForm, save_escalation_rule
from desk_app.services.alerts.escalation import scan
from desk_app.services.alerts.review import acknowledge_escalation
from desk_app.services.incident import workflow
from desk_app.storage.models import Escalation, Incident, Journal, Notification
from tests.conftest import Org
from tests.helpers import refused


def assigned(org: Org, **log: object) -> int:
    incident_id = org.log(**log)
    workflow.assign(org.as_("desk"), incident_id)
    return incident_id


def escalations(incident_id: int) -> list[Escalation]:
    return list(Escalation.select().where(Escalation.incident == incident_id))


def test_r06_transfer_to_level2_counts(org: Org) -> None:
    incident_id = assigned(org)
    workflow.accept(org.as_("net1"), incident_id)
    workflow.transfer(org.as_("net1"), incident_id, tier=2, note="Needs L2")
    incident = Incident.get_by_id(incident_id)
    assert (incident.group_id, incident.stage) == (org.ids["l2net"], Stage.ASSIGNED.value)
    assert incident.reassignment_count == 1
    assert incident.assignee_id is None


def test_r06_transfer_to_a_person_in_the_same_group_counts(org: Org) -> None:
    incident_id = assigned(org)
    workflow.transfer(org.as_("desk"), incident_id, assignee_id=org.ids["net2"], note="Nina")
    incident = Incident.get_by_id(incident_id)
    assert incident.assignee_id == org.ids["net2"] and incident.reassignment_count == 1


def test_r06_first_assignment_is_not_a_transfer(org: Org) -> None:
    assert Incident.get_by_id(assigned(org)).reassignment_count == 0


def test_r06_transfer_needs_a_new_target_and_a_note(org: Org) -> None:
    incident_id = assigned(org)
    with refused(org.store, RuleViolation, "rule.transfer_needs_target"):
        workflow.transfer(org.as_("desk"), incident_id, note="same place")
    with refused(org.store, ValidationError, "note"):
        workflow.transfer(org.as_("desk"), incident_id, tier=2, note="  ")


def test_r06_transfer_to_a_non_member_is_refused(org: Org) -> None:
    incident_id = assigned(org)
    with refused(org.store, ValidationError, "assignee"):
        workflow.transfer(org.as_("desk"), incident_id, assignee_id=org.ids["app1"], note="x")


def transfer_three_times(org: Org, incident_id: int) -> None:
    workflow.transfer(org.as_("desk"), incident_id, tier=2, note="to L2")
    workflow.transfer(org.as_("desk"), incident_id, tier=1, note="back to L1")
    workflow.transfer(org.as_("desk"), incident_id, tier=2, note="to L2 again")


def test_r07_third_transfer_escalates(org: Org) -> None:
    incident_id = assigned(org)
    workflow.transfer(org.as_("desk"), incident_id, tier=2, note="1")
    workflow.transfer(org.as_("desk"), incident_id, tier=1, note="2")
    assert escalations(incident_id) == []
    workflow.transfer(org.as_("desk"), incident_id, tier=2, note="3")
    [escalation] = escalations(incident_id)
    assert escalation.reason == EscalationReason.TRANSFERS.value
    assert escalation.actor_id == org.ids["desk"]


def test_r07_a_fourth_transfer_does_not_escalate_again(org: Org) -> None:
    incident_id = assigned(org)
    transfer_three_times(org, incident_id)
    workflow.transfer(org.as_("desk"), incident_id, tier=1, note="4")
    assert len(escalations(incident_id)) == 1
    assert Incident.get_by_id(incident_id).reassignment_count == 4


def test_r07_exceeding_a_target_time_escalates_once(org: Org) -> None:
    incident_id = org.log()  # P3: 60 office minutes to assign
    org.clock.advance(minutes=59)
    scan(org.store, org.clock)
    assert escalations(incident_id) == []
    org.clock.advance(minutes=2)
    scan(org.store, org.clock)
    [escalation] = escalations(incident_id)
    assert escalation.reason == EscalationReason.ASSIGN_TARGET.value
    assert escalation.actor_id is None  # the system
    for _ in range(3):  # the same breach, scanned again, never escalates again
        scan(org.store, org.clock)
    assert len(escalations(incident_id)) == 1


def test_r07_each_stage_target_escalates_once(org: Org) -> None:
    incident_id = org.log(impact=Impact.MINOR, urgency=Urgency.LOW)  # P4, office hours
    for _ in range(40):
        org.clock.advance(hours=6)
        scan(org.store, org.clock)
    reasons = sorted(e.reason for e in escalations(incident_id))
    assert reasons == sorted(r.value for r in (EscalationReason.ASSIGN_TARGET,
                                                EscalationReason.ACCEPT_TARGET,
                                                EscalationReason.RESOLVE_TARGET))


def test_r08_escalation_raises_urgency_to_high_and_recomputes_priority(org: Org) -> None:
    incident_id = assigned(org, impact=Impact.MODERATE, urgency=Urgency.LOW)  # P4
    assert Incident.get_by_id(incident_id).priority == 4
    transfer_three_times(org, incident_id)
    incident = Incident.get_by_id(incident_id)
    assert (incident.urgency, incident.priority) == (Urgency.HIGH, 2)
    [escalation] = escalations(incident_id)
    assert (escalation.old_urgency, escalation.new_urgency) == (Urgency.LOW, Urgency.HIGH)
    assert (escalation.old_priority, escalation.new_priority) == (4, 2)
    entry = Journal.get((Journal.incident == incident_id) & (Journal.action == "escalate"))
    assert "priority" in entry.changes and "urgency" in entry.changes


def test_r08_critical_urgency_is_never_lowered(org: Org) -> None:
    incident_id = assigned(org, urgency=Urgency.CRITICAL)
    transfer_three_times(org, incident_id)
    assert Incident.get_by_id(incident_id).urgency == Urgency.CRITICAL


def test_r08_escalation_stays_open_until_a_supervisor_acknowledges(org: Org) -> None:
    incident_id = assigned(org)
    transfer_three_times(org, incident_id)
    [escalation] = escalations(incident_id)
    assert escalation.acknowledged_at is None
    with refused(org.store):
        acknowledge_escalation(org.as_("desk"), escalation.id, "seen")
    acknowledge_escalation(org.as_("manager"), escalation.id, "Called the group lead")
    escalation = Escalation.get_by_id(escalation.id)
    assert escalation.acknowledged_by_id == org.ids["manager"]
    assert escalation.ack_comment == "Called the group lead"
    with refused(org.store, RuleViolation):
        acknowledge_escalation(org.as_("manager"), escalation.id, "again")


def notified(escalation_id: int) -> set[tuple[int, str]]:
    return {(n.recipient_id, n.channel) for n in
            Notification.select().where(Notification.escalation == escalation_id)}


def test_r09_every_escalation_notifies_the_incident_manager_phone_first(org: Org) -> None:
    incident_id = assigned(org)
    transfer_three_times(org, incident_id)
    [escalation] = escalations(incident_id)
    channels = {c for user, c in notified(escalation.id) if user == org.ids["manager"]}
    assert NotificationChannel.PHONE.value in channels
    assert channels == {"phone", "desktop", "email"}
    assert all(n.state == "pending" for n in Notification.select())


def test_r09_priority_one_also_notifies_the_callers_department_head(org: Org) -> None:
    incident_id = org.log(impact=Impact.EXTENSIVE, urgency=Urgency.CRITICAL)  # P1
    org.clock.advance(minutes=16)
    scan(org.store, org.clock)
    [escalation] = escalations(incident_id)
    people = {user for user, _ in notified(escalation.id)}
    assert people == {org.ids["manager"], org.ids["head"]}


def test_r09_a_second_escalation_notifies_the_groups_department_head(org: Org) -> None:
    incident_id = assigned(org)
    transfer_three_times(org, incident_id)  # first escalation: P2 now
    org.clock.advance(hours=3)  # P2 allows two hours to accept
    scan(org.store, org.clock)  # second escalation
    first, second = sorted(escalations(incident_id), key=lambda e: e.id)
    assert (first.reason, second.reason) == ("transfers", "accept_target")
    assert org.ids["head_it"] not in {u for u, _ in notified(first.id)}
    assert org.ids["head_it"] in {u for u, _ in notified(second.id)}


def test_r09_rules_edited_by_the_process_owner_add_recipients(org: Org) -> None:
    save_escalation_rule(org.as_("owner"), RuleForm(
        "Network: tell He Jing", "网络类:通知何静", "user", ["sms"], user_id=org.ids["head"],
        category_id=org.ids["cat_network"]))
    incident_id = assigned(org)
    transfer_three_times(org, incident_id)
    [escalation] = escalations(incident_id)
    assert (org.ids["head"], "sms") in notified(escalation.id)


def test_r09_notification_rows_are_unique_per_recipient_and_channel(org: Org) -> None:
    incident_id = assigned(org)
    transfer_three_times(org, incident_id)
    rows = [(n.escalation_id, n.recipient_id, n.channel) for n in Notification.select()]
    assert len(rows) == len(set(rows)) > 0


def test_r07_breach_while_nobody_scans_escalates_at_the_next_scan(org: Org) -> None:
    incident_id = org.log()
    org.clock.advance(days=10)
    changes = scan(org.store, org.clock)
    assert incident_id in changes.incidents
    assert {e.reason for e in escalations(incident_id)} == {
        "assign_target", "accept_target", "resolve_target"}
