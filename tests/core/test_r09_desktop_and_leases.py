"""R09: desktop alerts come back until acknowledged in the inbox; leases keep two
workstations from delivering the same row; working hours hold priority 2–4 alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desk_app.delivery.config import set_config_values
from desk_app.delivery.cycle import _send, deliver_desktop
from desk_app.delivery.messages import Alert
from desk_app.delivery.outbox import Outbox
from desk_app.domain.enums import Impact, NotificationChannel, Urgency
from desk_app.services.admin.people import UserForm, save_user
from desk_app.services.alerts.escalation import scan
from desk_app.services.alerts.inbox import acknowledge_notifications, inbox, unread_count
from desk_app.services.incident import workflow
from desk_app.storage.models import User, WorkingCalendar
from tests.conftest import Org
from tests.escalation_helpers import breach, rows


class Screen:
    """A thin fake of the OS notification centre: what plyer would have shown."""

    def __init__(self, fail: bool = False) -> None:
        self.shown: list[tuple[str, str]] = []
        self.fail = fail

    def __call__(self, title: str, body: str) -> str | None:
        self.shown.append((title, body))
        return "NotImplementedError: no backend" if self.fail else None


def test_r09_desktop_alert_repeats_until_acknowledged(org: Org) -> None:
    escalation = breach(org)
    set_config_values(org.as_("owner"), desktop_realert_minutes=10)
    manager = org.ids["manager"]
    screen = Screen()
    outbox = Outbox(org.store, org.clock)
    (popup,) = deliver_desktop(outbox, manager, screen)
    assert not popup.reminder and popup.error is None
    assert popup.title == "事件升级:INC0000001(P3)"
    assert deliver_desktop(outbox, manager, screen) == []  # not again at once
    assert unread_count(org.as_("manager")) == 1
    org.clock.advance(minutes=10)
    (again,) = deliver_desktop(outbox, manager, screen)
    assert again.reminder and again.title.startswith("尚未确认")
    acknowledge_notifications(org.as_("manager"), escalation)
    assert unread_count(org.as_("manager")) == 0
    org.clock.advance(hours=3)
    assert deliver_desktop(outbox, manager, screen) == []
    assert len(screen.shown) == 2
    (row,) = rows(org, channel="desktop")
    assert row.state == "acknowledged"
    (entry,) = inbox(org.as_("manager"))
    assert entry.acknowledged_at == org.clock.now() - timedelta(hours=3)
    assert ("desktop", "acknowledged") in entry.channels


def test_r09_desktop_alert_only_for_its_recipient(org: Org) -> None:
    breach(org)
    assert deliver_desktop(Outbox(org.store, org.clock), org.ids["desk"], Screen()) == []


def test_r09_no_backend_is_reported_for_the_tray_fallback(org: Org) -> None:
    breach(org)
    (popup,) = deliver_desktop(Outbox(org.store, org.clock), org.ids["manager"],
                               Screen(fail=True))
    assert popup.error and "no backend" in popup.error
    assert rows(org, channel="desktop")[0].state == "sent"  # the inbox has it either way


def test_r09_two_workstations_never_claim_the_same_row(org: Org) -> None:
    breach(org)
    first, second = Outbox(org.store, org.clock), Outbox(org.store, org.clock)
    claims = first.claim([NotificationChannel.DESKTOP], recipient_id=org.ids["manager"])
    assert len(claims) == 1
    assert second.claim([NotificationChannel.DESKTOP], recipient_id=org.ids["manager"]) == []
    first.sent(claims[0])
    assert second.claim([NotificationChannel.DESKTOP], recipient_id=org.ids["manager"]) == []


def test_r09_lease_of_a_dead_workstation_expires(org: Org) -> None:
    breach(org)
    set_config_values(org.as_("owner"), lease_seconds=60)
    dead, alive = Outbox(org.store, org.clock), Outbox(org.store, org.clock)
    (claim,) = dead.claim([NotificationChannel.EMAIL])  # and then it dies
    org.clock.advance(seconds=59)
    assert alive.claim([NotificationChannel.EMAIL]) == []
    org.clock.advance(seconds=2)
    (taken,) = alive.claim([NotificationChannel.EMAIL])
    assert taken.took_over and taken.attempts == 2
    assert dead.sent(claim).result == "lost"  # a late outcome from the old holder is refused
    assert alive.sent(taken).result == "sent"


def test_r09_a_claim_whose_lease_ran_out_is_not_sent_twice(org: Org) -> None:
    """A workstation claims a batch and sends it row by row; when the later rows' leases
    run out meanwhile (a slow server, a loaded PC) and another workstation takes them over,
    the first must not send them as well: each message goes out once."""
    breach(org)
    set_config_values(org.as_("owner"), lease_seconds=60)
    slow, other = Outbox(org.store, org.clock), Outbox(org.store, org.clock)
    (claim,) = slow.claim([NotificationChannel.EMAIL])
    org.clock.advance(seconds=61)  # still busy with the rows before this one
    (taken,) = other.claim([NotificationChannel.EMAIL])
    sent: list[int] = []

    def sender(config: object, alert: Alert) -> None:
        sent.append(alert.notification_id)

    assert _send(slow, claim, sender).result == "lost"
    assert _send(other, taken, sender).result == "sent"
    assert sent == [taken.alert.notification_id]


def test_r09_sending_renews_the_lease(org: Org) -> None:
    breach(org)
    set_config_values(org.as_("owner"), lease_seconds=60)
    first, other = Outbox(org.store, org.clock), Outbox(org.store, org.clock)
    (claim,) = first.claim([NotificationChannel.EMAIL])
    org.clock.advance(seconds=50)
    assert first.renew(claim)
    org.clock.advance(seconds=50)  # 100 s after the claim, 50 after the renewal
    assert other.claim([NotificationChannel.EMAIL]) == []
    assert first.sent(claim).result == "sent"


def _office_hours_for(org: Org, username: str) -> None:
    owner = org.as_("owner")
    office = org.store.read(lambda: WorkingCalendar.get(WorkingCalendar.code == "office").id)
    user = org.store.read(lambda: User.get(User.username == username))
    roles = {"manager": ["incident_manager"]}[username]
    save_user(owner, UserForm(user.username, user.full_name, roles, email=user.email,
                              phone=user.phone, calendar_id=office), user.id, user.version)


def test_r09_priority_2_alert_waits_for_the_next_shift(org: Org) -> None:
    _office_hours_for(org, "manager")
    # logged Monday 09:00 Shanghai; scanned at 19:00, after the manager's working day: the
    # accept target (P3) and then the P2 restore target (8 h round the clock) have run out
    workflow.assign(org.as_("desk"), org.log())
    org.clock.advance(hours=10)
    assert len(scan(org.store, org.clock).escalations) == 2
    assert rows(org, recipient=org.ids["manager"])
    for row in rows(org, recipient=org.ids["manager"]):
        assert row.next_attempt_at == datetime(2026, 3, 3, 1, 0, tzinfo=UTC)  # Tue 09:00
    assert deliver_desktop(Outbox(org.store, org.clock), org.ids["manager"], Screen()) == []
    assert unread_count(org.as_("manager")) == 2  # the inbox shows them meanwhile
    org.clock.set(datetime(2026, 3, 3, 1, 0, tzinfo=UTC))
    assert len(deliver_desktop(Outbox(org.store, org.clock), org.ids["manager"],
                               Screen())) == 2


def test_r09_priority_1_alert_goes_out_at_once(org: Org) -> None:
    _office_hours_for(org, "manager")
    org.clock.set(datetime(2026, 3, 2, 12, 0, tzinfo=UTC))  # Monday 20:00 Shanghai
    breach(org, hours=1, impact=Impact.EXTENSIVE, urgency=Urgency.HIGH)  # P1
    manager_rows = rows(org, recipient=org.ids["manager"])
    assert manager_rows and all(r.next_attempt_at == org.clock.now() for r in manager_rows)
