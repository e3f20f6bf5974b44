"""R09 on the workstation: pop-ups for what is new, a summary for what waits. At sign-in a
person gets at most one pop-up however many past escalations wait; a new escalation after
that pops up; several arriving together make one pop-up with their count; a paused tray
shows none; and the inbox is read again once per round, not once per alert."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desk_app.delivery.popups import MIN_GAP
from tests.conftest import Org
from tests.escalation_helpers import breach
from ui.context import UiContext
from ui.escalations.timer import EscalationTimer


def _timer(qtbot: QtBot, ctx: UiContext, shown: list[tuple[str, str]]) -> EscalationTimer:
    def show(title: str, body: str) -> str | None:
        shown.append((title, body))
        return None

    timer = EscalationTimer(ctx, show=show)
    timer.timer.setInterval(3_600_000)  # rounds only when the test runs them
    return timer


def _round(qtbot: QtBot, timer: EscalationTimer) -> None:
    with qtbot.waitSignal(timer.cycle_done, timeout=20_000):
        timer.run_now()


def test_r09_sign_in_after_many_escalations_pops_up_one_summary(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    for _ in range(6):
        breach(org)
    shown: list[tuple[str, str]] = []
    arrived: list[int] = []
    timer = _timer(qtbot, context("manager"), shown)
    timer.arrived.connect(arrived.append)
    _round(qtbot, timer)
    assert len(shown) == 1, shown  # not one per past escalation
    assert "wait for your acknowledgement" in shown[0][0]
    # all of them reached the inbox, read again once (it was once per alert: the CPU spin)
    assert len(arrived) == 1 and arrived[0] >= 6
    _round(qtbot, timer)
    assert len(shown) == 1  # nothing new: nothing pops up again


def test_r09_new_escalations_pop_up_and_a_burst_is_one_pop_up(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    shown: list[tuple[str, str]] = []
    timer = _timer(qtbot, context("manager"), shown)
    _round(qtbot, timer)  # signed in with nothing waiting
    assert shown == []
    breach(org)
    _round(qtbot, timer)
    assert len(shown) == 1 and "INC" in shown[0][0]  # one new escalation: itself
    org.clock.advance(minutes=MIN_GAP.total_seconds() / 60 + 1)
    for _ in range(3):
        breach(org)
    _round(qtbot, timer)
    assert len(shown) == 2, shown  # three new ones: one pop-up with the count
    assert "new escalations" in shown[1][0]


def test_r09_paused_pop_ups_show_nothing_and_the_inbox_still_gets_everything(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    shown: list[tuple[str, str]] = []
    arrived: list[int] = []
    timer = _timer(qtbot, context("manager"), shown)
    timer.arrived.connect(arrived.append)
    _round(qtbot, timer)
    timer.pause(7 * 24 * 60)  # longer than the breach takes on the clock
    breach(org)
    _round(qtbot, timer)
    assert shown == [] and arrived


def test_r09_notifications_follow_the_screen_of_a_person_who_chose_no_language(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    from desk_app.services.alerts.language import language_of
    from desk_app.storage.models import User

    org.store.write(lambda: User.update(language="").where(User.username == "manager")
                    .execute())
    shown: list[tuple[str, str]] = []
    timer = _timer(qtbot, context("manager", "en"), shown)
    _round(qtbot, timer)
    assert language_of(org.as_("manager")) == "en"  # e-mail, SMS and inbox in English too
