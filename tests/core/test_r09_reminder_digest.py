"""R09 reminders of unacknowledged escalations: one digest per person per interval, not one
pop-up per escalation (77 unread escalations made 77 reminders every 15 minutes)."""

from __future__ import annotations

from desk_app.delivery.config import set_config_values
from desk_app.delivery.cycle import deliver_desktop
from desk_app.delivery.outbox import Outbox
from desk_app.domain.enums import Impact, Urgency
from desk_app.services.alerts.escalation import scan
from desk_app.services.alerts.reading import mark_all_read
from tests.conftest import Org


class Screen:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, title: str, body: str) -> str | None:
        self.shown.append((title, body))
        return None


def _many_escalations(org: Org, count: int) -> int:
    for _ in range(count):
        org.log(impact=Impact.EXTENSIVE, urgency=Urgency.HIGH)  # P1: never held
    escalated: set[int] = set()
    for _ in range(20):
        org.clock.advance(minutes=15)
        escalated |= scan(org.store, org.clock).escalations
    return len(escalated)


def test_r09_reminders_are_one_digest_per_person_per_interval(org: Org) -> None:
    set_config_values(org.as_("owner"), desktop_realert_minutes=15)
    manager = org.ids["manager"]
    screen = Screen()
    first, second = Outbox(org.store, org.clock), Outbox(org.store, org.clock)  # two PCs
    deliver_desktop(first, manager, screen)  # starts the interval
    escalations = _many_escalations(org, 6)
    assert escalations >= 6
    new = deliver_desktop(first, manager, screen)
    assert len([p for p in new if p.count == 1 and p.notification_id]) == escalations
    reminders = []
    for _ in range(8):  # two hours: eight intervals
        org.clock.advance(minutes=15)
        for outbox in (first, second):
            reminders += [p for p in deliver_desktop(outbox, manager, screen) if p.reminder]
    assert len(reminders) == 8  # one per interval, whichever workstation, not 8 x escalations
    assert {p.count for p in reminders} == {escalations}
    assert reminders[0].title == f"提醒:{escalations} 个升级等待您处理"
    mark_all_read(org.as_("manager"))
    org.clock.advance(minutes=15)
    assert deliver_desktop(first, manager, screen) == []  # nothing waits: no reminder


def test_r09_digest_is_in_the_persons_language_and_not_before_the_interval(org: Org) -> None:
    from desk_app.services.alerts.language import remember_screen_language

    remember_screen_language(org.as_("manager"), "en")
    set_config_values(org.as_("owner"), desktop_realert_minutes=30)
    manager = org.ids["manager"]
    outbox = Outbox(org.store, org.clock)
    deliver_desktop(outbox, manager, Screen())
    _many_escalations(org, 2)
    deliver_desktop(outbox, manager, Screen())
    org.clock.advance(minutes=10)
    assert [p for p in deliver_desktop(outbox, manager, Screen()) if p.reminder] == []
    org.clock.advance(minutes=20)
    (digest,) = deliver_desktop(outbox, manager, Screen())
    assert digest.reminder and digest.title.startswith("Reminder: ")
    assert digest.body.startswith(f"{digest.count} escalation(s) you were notified of")
