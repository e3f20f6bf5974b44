"""R08: escalations stay on the review screen until a supervisor acknowledges them; the
screen filters them, shows each notification's delivery state and counts them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desk_app.errors import PermissionDenied
from desk_app.services.alerts.calls import call_tasks, record_call
from desk_app.services.alerts.escalation_review import (
    ReviewFilter,
    list_escalations,
    notifications_of,
    summary,
)
from desk_app.services.alerts.inbox import acknowledge_notifications, inbox, unread_count
from desk_app.services.alerts.review import acknowledge_escalation
from tests.conftest import Org
from tests.escalation_helpers import breach, quiet


def test_r08_review_lists_open_escalations_until_acknowledged(org: Org) -> None:
    first = breach(org)
    quiet(org, first)
    org.clock.advance(days=7)
    second = breach(org, category_id=org.ids["cat_email"])
    manager = org.as_("manager")
    assert [r.id for r in list_escalations(manager)] == [second, first]
    row = list_escalations(manager, ReviewFilter(group_id=org.ids["apps"]))[0]
    assert (row.id, row.group_en, row.reason, row.old_priority, row.new_priority) == (
        second, "Applications", "accept_target", 4, 3)
    assert (row.incident_id, row.group_id, row.number) == (2, org.ids["apps"], "INC0000002")
    assert dict(row.deliveries) == {"desktop": "pending", "email": "pending",
                                    "phone": "pending"}
    acknowledge_escalation(manager, first, "已电话联系二线")
    assert [r.id for r in list_escalations(manager)] == [second]
    (done,) = list_escalations(manager, ReviewFilter(state="acknowledged"))
    assert (done.id, done.acknowledged_by, done.ack_comment) == (first, "Mia Manager",
                                                                  "已电话联系二线")
    assert len(list_escalations(manager, ReviewFilter(state="all"))) == 2
    assert list_escalations(manager, ReviewFilter(state="all", priority=1)) == []
    assert list_escalations(manager, ReviewFilter(state="all", reason="transfers")) == []
    week = list_escalations(manager, ReviewFilter(state="all", since=org.clock.now()
                                                  - timedelta(days=1)))
    assert [r.id for r in week] == [second]


def test_r08_review_is_for_supervisors(org: Org) -> None:
    breach(org)
    with pytest.raises(PermissionDenied):
        list_escalations(org.as_("desk"))
    assert len(list_escalations(org.as_("head"))) == 1  # department heads review too


def test_r09_review_shows_delivery_per_channel_and_calls(org: Org) -> None:
    escalation = breach(org)
    (task,) = call_tasks(org.as_("desk"))
    record_call(org.as_("desk"), task.notification_id, reached=False, note="忙线")
    views = {v.channel: v for v in notifications_of(org.as_("manager"), escalation)}
    assert set(views) == {"phone", "desktop", "email"}
    phone = views["phone"]
    assert (phone.state, phone.attempts, phone.last_error) == ("pending", 1, "not reached")
    assert [(c.called_by, c.reached, c.note) for c in phone.calls] == [
        ("王芳 Wang Fang", False, "忙线")]


def test_r08_summary_counts_per_group_and_week(org: Org) -> None:
    first = breach(org)  # week of Monday 2026-03-02
    quiet(org, first)
    org.clock.advance(days=14)
    breach(org, category_id=org.ids["cat_email"])  # week of 2026-03-16
    acknowledge_escalation(org.as_("manager"), first)
    result = summary(org.as_("manager"))
    assert [(en, open_, done) for _, en, _, open_, done in result.per_group] == [
        ("Applications", 1, 0), ("Network", 0, 1)]
    assert result.per_week == ((date(2026, 3, 2), 0, 1), (date(2026, 3, 9), 0, 0),
                               (date(2026, 3, 16), 1, 0))


def test_r09_inbox_badge_and_acknowledgement(org: Org) -> None:
    first = breach(org)
    quiet(org, first)
    org.clock.advance(days=1)
    second = breach(org)
    manager = org.as_("manager")
    assert unread_count(manager) == 2
    assert unread_count(org.as_("desk")) == 0
    assert [e.escalation_id for e in inbox(manager)] == [second, first]
    acknowledge_notifications(manager, first)
    assert unread_count(manager) == 1
    assert [e.escalation_id for e in inbox(manager, unread_only=True)] == [second]
    assert [e.escalation_id for e in inbox(manager)] == [second, first]  # unread first
    assert acknowledge_notifications(manager, first).empty  # twice: nothing changes
    # acknowledging in the inbox is the recipient's; the supervisor's review is separate
    assert len(list_escalations(manager)) == 2
