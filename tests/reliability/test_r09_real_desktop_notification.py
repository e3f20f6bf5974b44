"""R09: a desktop alert really travels plyer → notify-send/D-Bus → a notification daemon.
Runs only inside ``/work/shared/tools/desktop-session`` (Xvfb, D-Bus, dunst), whose
``$DESKTOP_NOTIFY_LOG`` records every Notify call on the bus; skipped elsewhere:

    /work/shared/tools/desktop-session .venv/bin/python -m pytest \\
        tests/reliability/test_r09_real_desktop_notification.py
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from desk_app.delivery.cycle import deliver_desktop
from desk_app.delivery.desktop import plyer_notify
from desk_app.delivery.outbox import Outbox
from tests.conftest import Org
from tests.escalation_helpers import breach

LOG = os.environ.get("DESKTOP_NOTIFY_LOG")

pytestmark = pytest.mark.skipif(
    not LOG or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"),
    reason="needs the desktop session of /work/shared/tools/desktop-session")


def _logged(text: str, timeout: float = 10) -> bool:
    assert LOG is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if f'string "{text}"' in Path(LOG).read_text(encoding="utf-8", errors="replace"):
            return True
        time.sleep(0.2)
    return False


def test_r09_plyer_reaches_the_notification_daemon(org: Org) -> None:
    breach(org)
    (popup,) = deliver_desktop(Outbox(org.store, org.clock), org.ids["manager"], plyer_notify)
    assert popup.error is None, popup.error
    assert popup.title == "事件升级:INC0000001(P3)"
    assert _logged(popup.title), Path(LOG or "").read_text(errors="replace")[-2000:]
    assert _logged(popup.body)
    # it expires by itself (the spec's 0 would mean "never": pop-ups stayed until dismissed)
    assert "int32 15000" in Path(LOG or "").read_text(encoding="utf-8", errors="replace")
