"""R08/R09 reading settled: "mark all read", the inbox grouped by incident, the sign-in
summary's count of escalations waiting for acknowledgement."""

from __future__ import annotations

from desk_app.services.alerts.escalation import scan
from desk_app.services.alerts.inbox import inbox, unread_count
from desk_app.services.alerts.reading import (
    awaiting_acknowledgement,
    inbox_by_incident,
    mark_all_read,
)
from desk_app.services.alerts.review import acknowledge_escalation
from desk_app.storage.models import Escalation
from tests.conftest import Org
from tests.escalation_helpers import breach, quiet, rows


def _two_incidents_three_escalations(org: Org) -> tuple[int, int, int]:
    first = breach(org)
    quiet(org, first)
    second = breach(org)
    incident = org.store.read(lambda: Escalation.get_by_id(second).incident_id)
    third = 0
    for _ in range(100):  # the second incident's next target runs out too
        org.clock.advance(hours=1)
        found = scan(org.store, org.clock).escalations
        if found:
            (third,) = found
            break
    assert org.store.read(lambda: Escalation.get_by_id(third).incident_id) == incident
    return first, second, third


def test_r09_mark_all_read_reads_everything_of_mine_only(org: Org) -> None:
    _two_incidents_three_escalations(org)
    manager = org.as_("manager")
    assert unread_count(manager) == 3
    changes = mark_all_read(manager)
    assert changes.notifications and len(changes.escalations) == 3
    assert unread_count(manager) == 0 and inbox(manager, unread_only=True) == []
    assert len(inbox(manager)) == 3  # the inbox keeps everything
    desktop = rows(org, recipient=org.ids["manager"], channel="desktop")
    assert {r.state for r in desktop} == {"acknowledged"}  # no pop-ups, no reminders
    # reading is not acknowledging (R08): the escalations still wait for a supervisor
    assert awaiting_acknowledgement(manager) == 3
    assert mark_all_read(manager).notifications is False  # twice changes nothing


def test_r09_inbox_grouped_by_incident(org: Org) -> None:
    _, second, third = _two_incidents_three_escalations(org)
    manager = org.as_("manager")
    groups = inbox_by_incident(manager)
    assert [len(g.entries) for g in groups] == [2, 1]  # the newest incident first
    assert {e.escalation_id for e in groups[0].entries} == {second, third}
    assert groups[0].unread == 2 and groups[0].number == "INC0000002"
    acknowledge_escalation(manager, second, "")
    acknowledge_escalation(manager, third, "")
    groups = inbox_by_incident(manager)
    assert [g.number for g in groups] == ["INC0000001", "INC0000002"]  # unread first
    assert [g.unread for g in groups] == [1, 0]
    assert [g.number for g in inbox_by_incident(manager, unread_only=True)] == ["INC0000001"]


def test_r08_sign_in_summary_counts_escalations_waiting_for_acknowledgement(org: Org) -> None:
    first, _, _ = _two_incidents_three_escalations(org)
    assert awaiting_acknowledgement(org.as_("manager")) == 3
    assert awaiting_acknowledgement(org.as_("desk")) == 0  # never notified
    acknowledge_escalation(org.as_("manager"), first, "")
    assert awaiting_acknowledgement(org.as_("manager")) == 2
    assert unread_count(org.as_("manager")) == 2  # acknowledged: read for everyone
