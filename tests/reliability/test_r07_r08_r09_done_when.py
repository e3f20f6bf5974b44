"""Issue 4's "done when", as a script (R07, R08, R09, R03): the demo database, three
workstation processes with their clocks pushed past a target; the incident manager's
workstation shows the pop-up and the inbox entry, an e-mail reaches the test SMTP server, the
service desk on duty sees a call task, and the supervisor acknowledges on the review screen.
Each happens exactly once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from desk_app.clock import OffsetClock, SystemClock
from desk_app.delivery.config import set_config_values
from desk_app.demo import build_demo
from desk_app.domain.enums import Impact, IncidentType, Urgency
from desk_app.services.alerts.calls import call_tasks
from desk_app.services.alerts.roster import ShiftForm, save_shift
from desk_app.services.incident.log import NewIncident, log_incident
from desk_app.services.session import session_for
from desk_app.storage.database import Store
from desk_app.storage.models import Caller, Category, Escalation, Notification, User
from desk_app.storage.opening import open_store
from tests.reliability.procs import Workstation, popups, wait_for
from tests.servers import smtp_server
from ui.context import UiContext
from ui.escalations.inbox import InboxWidget
from ui.escalations.review import EscalationReviewWidget
from ui.operations import ChangeHub

pytestmark = pytest.mark.slow

#: The workstations act 20 minutes later than now: past the 15-minute time to assign of P1.
OFFSET = 20 * 60


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Path, Store]]:
    path = tmp_path / "demo.sqlite"
    build_demo(path, incidents=15, days=2)
    store = open_store(path)
    yield path, store
    QThreadPool.globalInstance().waitForDone(10_000)
    store.close()


def test_r07_r08_r09_escalation_reaches_everyone_once_with_three_workstations(
        qtbot: QtBot, demo: tuple[Path, Store], tmp_path: Path) -> None:
    path, store = demo
    now = SystemClock()
    later = OffsetClock(OFFSET)
    with smtp_server() as (mail, port):
        set_config_values(session_for(store, "chenjing", now), smtp_host="127.0.0.1",
                          smtp_port=port, smtp_security="none",
                          smtp_sender="desk@demo.example", desktop_realert_minutes=600)
        start = now.now() - timedelta(hours=1)
        wangfang = store.read(lambda: User.get(User.username == "wangfang").id)
        save_shift(session_for(store, "liuyang", now),
                   ShiftForm(start, start + timedelta(hours=9), [wangfang], "早班"))
        caller, category = store.read(lambda: (
            Caller.get(Caller.vip).id, Category.get(Category.code == "erp").id))
        incident = log_incident(session_for(store, "wangfang", now), NewIncident(
            caller, IncidentType.BUSINESS_PROBLEM, category, Impact.EXTENSIVE,
            "ERP 月结报表无法生成", urgency=Urgency.HIGH)).created  # P1
        number = f"INC{incident:07d}"

        notify_log = tmp_path / "notify.jsonl"
        args = ("--interval", "0.5", "--quiet", "--clock-offset", str(OFFSET))
        manager_pc = Workstation(path, tmp_path, "liuyang-pc", *args, "--user", "liuyang",
                                 notify_log=notify_log)
        desk_pc = Workstation(path, tmp_path, "wangfang-pc", *args, "--user", "wangfang",
                              notify_log=notify_log)
        always_on = Workstation(path, tmp_path, "always-on", *args, notify_log=notify_log)
        stations = [manager_pc, desk_pc, always_on]

        def escalation() -> Escalation | None:
            return store.read(lambda: Escalation.get_or_none(
                (Escalation.incident == incident) & (Escalation.reason == "assign_target")))

        def manager_rows() -> dict[str, Notification]:
            def run() -> dict[str, Notification]:
                found = escalation()
                liuyang = User.get(User.username == "liuyang").id
                return {n.channel: n for n in Notification.select().where(
                    (Notification.escalation == (found.id if found else 0))
                    & (Notification.recipient == liuyang))}
            return store.read(run)

        def emails() -> list[str]:
            return [str(m["Subject"]) for m in mail.messages
                    if number in str(m["Subject"]) and "liuyang" in str(m["To"])]

        def shown() -> list[dict[str, object]]:
            return [p for p in popups(notify_log) if number in str(p["title"])]

        try:
            for station in stations:
                station.start()
            wait_for(lambda: escalation() is not None, 60, "the escalation")
            wait_for(lambda: manager_rows().get("desktop") is not None
                     and manager_rows()["desktop"].state == "sent"
                     and manager_rows()["email"].state == "sent", 60,
                     "the pop-up and the e-mail")
            wait_for(lambda: len(emails()) == 1 and len(shown()) >= 1, 30,
                     "the server and the screen to have them")
            time.sleep(3)  # a few more rounds of every workstation: nothing is repeated
        finally:
            for station in stations:
                station.stop()

    found = escalation()
    assert found is not None and (found.old_priority, found.new_priority) == (1, 1)
    # the e-mail, once, in Chinese (liuyang reads Chinese)
    (subject,) = emails()
    assert subject.startswith(f"【事件升级】{number} P1 超过指派时限")
    # the pop-up, once, on the incident manager's workstation only
    (popup,) = shown()
    assert manager_pc.proc is not None and popup["pid"] == manager_pc.proc.pid
    assert popup["title"] == f"事件升级:{number}(P1)"

    # the on-duty desk sees the call task to the incident manager, once
    tasks = [t for t in call_tasks(session_for(store, "wangfang", later))
             if t.escalation_id == found.id and t.recipient == "刘洋 Liu Yang"]
    assert [t.channel for t in tasks] == ["phone"]
    assert call_tasks(session_for(store, "emily", later)) == []  # not on duty

    # the incident manager's inbox has the entry
    inbox = InboxWidget(UiContext(session_for(store, "liuyang", later), ChangeHub(), "zh"))
    qtbot.addWidget(inbox)
    qtbot.waitUntil(lambda: any(e.escalation_id == found.id for e in inbox.entries))
    assert [e.unread for e in inbox.entries if e.escalation_id == found.id] == [True]

    # the supervisor acknowledges it on the review screen
    review = EscalationReviewWidget(UiContext(session_for(store, "liuyang", later),
                                              ChangeHub(), "zh"))
    qtbot.addWidget(review)
    qtbot.waitUntil(lambda: review.select_incident(number), timeout=10_000)
    qtbot.waitUntil(lambda: review.acknowledge_button.isEnabled())
    review.comment.insert("已电话通知应用组,正在处理")
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        review.acknowledge_button.click()
    assert not review.select_incident(number)  # gone from the open list
    done = escalation()
    assert done is not None and done.ack_comment == "已电话通知应用组,正在处理"
    assert store.read(lambda: User.get_by_id(done.acknowledged_by_id).username) == "liuyang"
    rows = manager_rows()
    # acknowledging settles it: read for everyone, no more pop-ups, the call no longer needed
    assert {c: (n.state, n.attempts) for c, n in rows.items()} == {
        "desktop": ("acknowledged", 1), "email": ("sent", 1), "phone": ("not_needed", 0)}
    assert rows["phone"].state_reason == "acknowledged"
    assert all(n.acknowledged_at is not None for n in rows.values())
