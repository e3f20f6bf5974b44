"""R09 pop-ups for what is new, summaries for what waits: one summary at sign-in, bursts
gathered into one pop-up, at most one pop-up per ten minutes (6 an hour)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desk_app.delivery.cycle import Popup
from desk_app.delivery.popups import PopupGate

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _new(n: int) -> Popup:
    return Popup(n, 100 + n, 200 + n, f"Escalation: INC{n:07d} (P2)", "body", False, None)


def _digest(count: int) -> Popup:
    return Popup(0, 0, 0, f"Reminder: {count} escalation(s) wait for you", "b", True, None,
                 count)


def test_r09_sign_in_is_one_summary_never_a_popup_per_past_alert() -> None:
    gate = PopupGate("en")
    summary = gate.sign_in(12, T0, [_new(i) for i in range(1, 78)])
    assert summary is not None and summary.kind == "summary" and summary.count == 77
    assert summary.title == "77 escalation(s) wait for your acknowledgement"
    assert gate.offer([], T0 + timedelta(minutes=1)) == []
    assert PopupGate("zh").sign_in(0, T0) is None  # nothing waits: nothing pops up


def test_r09_a_burst_is_one_popup_with_its_count_and_at_most_six_an_hour() -> None:
    gate = PopupGate("en")
    (first,) = gate.offer([_new(1)], T0)
    assert (first.kind, first.count, first.escalation_id) == ("new", 1, 201)
    shown = []
    for minute in range(1, 60):  # a new escalation every minute for an hour
        shown += gate.offer([_new(minute + 1)], T0 + timedelta(minutes=minute))
    assert len(shown) + 1 <= 6
    assert all(s.kind == "burst" for s in shown) and sum(s.count for s in shown) >= 50
    assert shown[0].title == "10 new escalations"
    assert shown[0].body.count("\n") == 5 and "and 5 more" in shown[0].body


def test_r09_reminder_digest_only_when_nothing_else_pops_up() -> None:
    gate = PopupGate("zh")
    gate.offer([_new(1)], T0)
    assert gate.offer([_digest(3)], T0 + timedelta(minutes=5)) == []  # too soon
    (reminder,) = gate.offer([_digest(3)], T0 + timedelta(minutes=11))
    assert reminder.kind == "reminder" and reminder.count == 3
    (burst,) = gate.offer([_new(2), _new(3), _digest(3)], T0 + timedelta(minutes=30))
    assert burst.kind == "burst" and burst.title == "2 个新的升级"


def test_r09_a_workstation_cycle_shows_what_the_gate_lets_through_in_its_language(org) -> None:
    """The signed-in person reads English on this workstation though their record says
    Chinese: the pop-ups are English, and six escalations at once are one pop-up."""
    from desk_app.delivery.cycle import run_cycle
    from desk_app.delivery.outbox import Outbox
    from desk_app.domain.enums import Impact, Urgency
    from desk_app.storage.models import User

    org.store.write(lambda: User.update(language="zh").where(
        User.id == org.ids["manager"]).execute())
    for _ in range(6):
        org.log(impact=Impact.EXTENSIVE, urgency=Urgency.HIGH)  # P1
    org.clock.advance(minutes=30)
    screen: list[tuple[str, str]] = []
    gate = PopupGate("en")
    report = run_cycle(org.store, org.clock, Outbox(org.store, org.clock),
                       user_id=org.ids["manager"], show=lambda t, b: screen.append((t, b)),
                       channels=(), gate=gate)
    assert len(report.popups) >= 6 and len(report.shown) == 1 and len(screen) == 1
    shown, error = report.shown[0]
    assert error is None and shown.kind == "burst" and shown.count == len(report.popups)
    assert screen[0][0] == f"{shown.count} new escalations"
    assert all(p.title.startswith("Escalation: INC") for p in report.popups)
