"""R09, done when: the demo's incident manager signing in for the first time gets at most
two desktop notifications, counted on the D-Bus of a real desktop session (Xvfb, dunst)
where the workstation's escalation round runs as it does on a desk. Before, ``liuyang`` got
one pop-up per past escalation (77) that never closed. Runs only inside
``/work/shared/tools/desktop-session``:

    /work/shared/tools/desktop-session .venv/bin/python -m pytest \\
        tests/reliability/test_r09_first_sign_in_pop_ups.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk_app.demo import DEMO_PASSWORD, build_demo
from desk_app.services.alerts.reading import awaiting_acknowledgement
from desk_app.services.session import sign_in
from desk_app.storage.opening import open_store
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.operations import ChangeHub

LOG = os.environ.get("DESKTOP_NOTIFY_LOG")

pytestmark = pytest.mark.skipif(
    not LOG or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"),
    reason="needs the desktop session of /work/shared/tools/desktop-session")


def _notifications(since: int) -> list[str]:
    """The titles of the Notify calls logged after byte ``since`` of the log."""
    assert LOG is not None
    text = Path(LOG).read_bytes()[since:].decode("utf-8", errors="replace")
    titles = []
    for call in text.split("member=Notify")[1:]:
        strings = [line.strip()[len('string "'):-1] for line in call.splitlines()
                   if line.strip().startswith('string "')]
        titles.append(strings[2] if len(strings) > 2 else "?")
    return titles


def test_r09_the_incident_manager_first_sign_in_gets_at_most_two_pop_ups(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    build_demo(path)
    store = open_store(path, daily_backup=False)
    session = sign_in(store, "liuyang", DEMO_PASSWORD)
    waiting = awaiting_acknowledgement(session)
    assert LOG is not None
    since = Path(LOG).stat().st_size
    window = MainWindow(UiContext(session, ChangeHub(), "en"), watch=True)
    qtbot.addWidget(window)
    window.show()
    timer = window.escalations.timer
    assert timer is not None
    qtbot.waitUntil(lambda: timer.rounds >= 1, timeout=60_000)  # the first round
    timer.run_now()  # and the next, as 30 seconds later
    qtbot.waitUntil(lambda: timer.rounds >= 2, timeout=60_000)
    qtbot.wait(1000)  # notify-send runs in its own process
    shown = _notifications(since)
    print(f"\n{waiting} escalations wait for liuyang; desktop notifications: {shown}")
    assert len(shown) <= 2, shown
    if waiting:
        assert any("wait for your acknowledgement" in title for title in shown), shown
        # the summary also stays in the window, with the action the notification cannot give
        bar = window.escalations.alert_bar
        assert bar.isVisible() and "wait for your acknowledgement" in bar.label.text()
        if os.environ.get("DESK_APP_SHOTS"):
            window.grab().save(str(Path(os.environ["DESK_APP_SHOTS"]) / "sign-in-summary.png"))
        bar.button.click()
        assert window.tabs.currentWidget() is window.escalations.widgets["review"]
    window.quit_program()
    store.close()
