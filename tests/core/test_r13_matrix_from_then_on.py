"""R13: a matrix change applies from then on. A re-prioritisation the process owner asks
for with the save re-matches the running targets counting from the change, so that time
that passed under the old matrix never escalates."""

from __future__ import annotations

from datetime import timedelta

from desk_app.domain.enums import Impact, Urgency
from desk_app.services.admin.process import current_matrix, save_matrix
from desk_app.services.alerts.escalation import scan
from desk_app.storage.models import Escalation, Incident, TargetClock
from tests.conftest import Org


def clock_of(incident_id: int, stage: str) -> TargetClock:
    return TargetClock.get((TargetClock.incident == incident_id) & (TargetClock.stage == stage)
                           & (TargetClock.state != "superseded"))


def escalations(incident_id: int) -> list[str]:
    return sorted(e.reason for e in Escalation.select().where(
        Escalation.incident == incident_id))


def tighten(org: Org, *, reprioritise: bool) -> None:
    """Moderate × Medium becomes Very high (P3's 1 h to assign becomes P1's 15 min)."""
    cells = {key: value for key, (value, _) in current_matrix(org.as_("owner")).items()}
    cells[(3, 3)] = 1
    save_matrix(org.as_("owner"), cells, reprioritise_open=reprioritise)


def test_r13_reprioritising_never_escalates_for_time_before_the_change(org: Org) -> None:
    incident_id = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)  # P3
    org.clock.advance(minutes=40)  # P3 allows 60 to assign; P1 allows 15
    tighten(org, reprioritise=True)
    changed_at = org.clock.now()
    assign = clock_of(incident_id, "assign")
    assert (assign.priority, assign.target_minutes) == (1, 15)
    assert assign.started_at == changed_at
    assert assign.elapsed_seconds == 0
    assert assign.due_at == changed_at + timedelta(minutes=15)
    assert Incident.get_by_id(incident_id).next_deadline == assign.due_at
    scan(org.store, org.clock)
    assert escalations(incident_id) == []
    org.clock.advance(minutes=14)
    scan(org.store, org.clock)
    assert escalations(incident_id) == []
    org.clock.advance(minutes=2)  # 16 minutes after the change: the new target ran out
    scan(org.store, org.clock)
    assert escalations(incident_id) == ["assign_target"]


def test_r13_the_new_target_counts_only_time_after_the_change(org: Org) -> None:
    incident_id = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)
    org.clock.advance(minutes=40)
    tighten(org, reprioritise=True)
    org.clock.advance(minutes=10)
    scan(org.store, org.clock)
    assert escalations(incident_id) == []
    assert clock_of(incident_id, "assign").breached_at is None
    # the superseded P3 clock kept the 40 minutes it measured
    old = TargetClock.get((TargetClock.incident == incident_id)
                          & (TargetClock.stage == "assign") & (TargetClock.state == "superseded"))
    assert old.priority == 3 and old.elapsed_seconds == 40 * 60


def test_r13_a_breached_stage_stays_breached_and_does_not_escalate_again(org: Org) -> None:
    incident_id = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)
    org.clock.advance(minutes=61)
    scan(org.store, org.clock)  # the assign target (1 h) breached and escalated
    before = escalations(incident_id)
    assert before
    breached = clock_of(incident_id, "assign").breached_at
    cells = {key: value for key, (value, _) in current_matrix(org.as_("owner")).items()}
    cells.update({(3, 2): 1, (3, 3): 1})  # whatever urgency the escalation left: P1
    save_matrix(org.as_("owner"), cells, reprioritise_open=True)
    assert Incident.get_by_id(incident_id).priority == 1
    assert clock_of(incident_id, "assign").breached_at == breached
    scan(org.store, org.clock)
    assert escalations(incident_id) == before


def test_r13_without_reprioritising_open_incidents_keep_their_targets(org: Org) -> None:
    incident_id = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)
    org.clock.advance(minutes=40)
    due = clock_of(incident_id, "assign").due_at
    tighten(org, reprioritise=False)
    assign = clock_of(incident_id, "assign")
    assert (assign.priority, assign.target_minutes, assign.due_at) == (3, 60, due)
    scan(org.store, org.clock)
    assert escalations(incident_id) == []
