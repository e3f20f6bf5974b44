"""R09: the inbox shows what the signed-in person was notified of, with an unread badge, and
acknowledging an entry stops its alert."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desk_app.services.alerts.inbox import unread_count
from tests.conftest import Org
from tests.escalation_helpers import breach, quiet
from ui.context import UiContext
from ui.escalations.inbox import InboxWidget


def test_r09_inbox_badge_list_and_acknowledge(qtbot: QtBot, org: Org,
                                              context: Callable[..., UiContext]) -> None:
    first = breach(org)
    quiet(org, first)
    org.clock.advance(days=1)
    breach(org)
    ctx = context("manager")
    badge: list[int] = []
    widget = InboxWidget(ctx)
    qtbot.addWidget(widget)
    widget.unread_changed.connect(badge.append)
    qtbot.waitUntil(lambda: widget.table.rowCount() == 2)
    assert widget.unread == 2 and widget.heading.text() == "Inbox: 2 unread"
    assert widget.table.item(0, 0).text() == "INC0000002"
    assert widget.table.item(0, 2).text() == "Time to accept exceeded"
    assert not widget.acknowledge_button.isEnabled()  # nothing selected yet

    widget.table.selectRow(1)
    assert widget.acknowledge_button.isEnabled()
    with qtbot.waitSignal(widget.open_incident) as opened:
        widget.open_button.click()
    assert opened.args == [1]
    widget.acknowledge_button.click()
    qtbot.waitUntil(lambda: widget.unread == 1)
    assert badge[-1] == 1
    assert unread_count(org.as_("manager")) == 1
    assert widget.heading.text() == "Inbox: 1 unread"
    assert not widget.table.item(1, 0).font().bold()  # read entries stay, not bold
    assert widget.table.item(0, 0).font().bold()

    widget.unread_only.setChecked(True)
    qtbot.waitUntil(lambda: widget.table.rowCount() == 1)


def test_r09_inbox_in_chinese(qtbot: QtBot, org: Org,
                              context: Callable[..., UiContext]) -> None:
    breach(org)
    widget = InboxWidget(context("manager", "zh"))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.table.rowCount() == 1)
    assert widget.heading.text() == "收件箱:1 条未读"
    assert widget.acknowledge_button.text() == "确认"
    assert widget.table.item(0, 2).text() == "超过受理时限"
    assert widget.table.horizontalHeaderItem(0).text() == "事件单"


def test_r09_inbox_mark_all_read_and_one_incident_together(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    first = breach(org)
    quiet(org, first)
    org.clock.advance(days=1)
    breach(org)
    widget = InboxWidget(context("manager"))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.unread == 2)
    numbers = [widget.table.item(r, 0).text() for r in range(widget.table.rowCount())]
    assert numbers == ["INC0000002", "INC0000001"]  # each incident once, newest first
    assert widget.all_read_button.isEnabled()
    widget.all_read_button.click()
    qtbot.waitUntil(lambda: widget.unread == 0)
    assert unread_count(org.as_("manager")) == 0
    assert not widget.all_read_button.isEnabled()  # nothing left to mark
    assert widget.table.rowCount() == 2  # the inbox keeps everything
