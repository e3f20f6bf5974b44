"""R08/R09: the escalation review screen filters escalations, shows each notification's
delivery state per channel, opens the incident, acknowledges with a comment, and counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.delivery.cycle import deliver
from desk_app.delivery.outbox import Outbox
from desk_app.domain.enums import NotificationChannel
from desk_app.services.alerts.escalation_review import ReviewFilter, list_escalations
from tests.conftest import Org
from tests.escalation_helpers import breach, configure_smtp, quiet, rows
from ui.context import UiContext
from ui.escalations.review import EscalationReviewWidget


def _two_escalations(org: Org) -> tuple[int, int]:
    first = breach(org)  # Network
    quiet(org, first)
    org.clock.advance(days=7)
    second = breach(org, category_id=org.ids["cat_email"])  # Applications
    quiet(org, second)
    return first, second


def _widget(qtbot: QtBot, ctx: UiContext) -> EscalationReviewWidget:
    widget = EscalationReviewWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitSignal(widget.loaded, timeout=5000):
        pass
    return widget


def test_r08_review_filters(qtbot: QtBot, org: Org, context: Callable[..., UiContext]
                            ) -> None:
    _two_escalations(org)
    widget = _widget(qtbot, context("manager"))
    qtbot.waitUntil(lambda: widget.table.rowCount() == 2 and widget.group.count() == 5)
    assert widget.count_label.text() == "2 escalation(s) on 2 incident(s)"
    assert [widget.table.item(r, 0).text() for r in range(2)] == ["INC0000002", "INC0000001"]
    assert widget.table.item(0, 2).text() == "Applications"
    assert widget.table.item(0, 4).text() == "P4 → P3"

    with qtbot.waitSignal(widget.loaded):
        widget.group.setCurrentIndex(widget.group.findData(org.ids["network"]))
    assert widget.table.rowCount() == 1 and widget.table.item(0, 0).text() == "INC0000001"
    with qtbot.waitSignal(widget.loaded):
        widget.group.setCurrentIndex(0)
    with qtbot.waitSignal(widget.loaded):
        widget.reason.setCurrentIndex(widget.reason.findData("transfers"))
    assert widget.table.rowCount() == 0
    with qtbot.waitSignal(widget.loaded):
        widget.reason.setCurrentIndex(0)
    with qtbot.waitSignal(widget.loaded):
        widget.priority.setCurrentIndex(widget.priority.findData(3))
    assert widget.table.rowCount() == 2
    with qtbot.waitSignal(widget.loaded):
        widget.state.setCurrentIndex(widget.state.findData("acknowledged"))
    assert widget.table.rowCount() == 0


def test_r08_acknowledge_with_a_comment_and_open_the_incident(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    first, _ = _two_escalations(org)
    widget = _widget(qtbot, context("manager"))
    qtbot.waitUntil(lambda: widget.table.rowCount() == 2)
    with qtbot.waitSignal(widget.details_loaded):
        widget.table.selectRow(1)
    assert widget.detail_title.text().startswith("INC0000001")
    channels = {widget.deliveries.item(r, 1).text(): widget.deliveries.item(r, 2).text()
                for r in range(widget.deliveries.rowCount())}
    assert channels == {"Phone": "Waiting to send", "Desktop pop-up": "Waiting to send",
                        "E-mail": "Waiting to send"}
    with qtbot.waitSignal(widget.open_incident) as opened:
        widget.open_button.click()
    assert opened.args == [1]

    widget.comment.insert("已联系网络组组长")  # (QTest cannot type CJK characters)
    with qtbot.waitSignal(widget.loaded):
        widget.acknowledge_button.click()
    assert widget.table.rowCount() == 1  # the open list no longer has it
    (done,) = list_escalations(org.as_("manager"), ReviewFilter(state="acknowledged"))
    assert (done.id, done.ack_comment, done.acknowledged_by) == (first, "已联系网络组组长",
                                                                  "Mia Manager")
    assert widget.comment.text() == ""
    summary_rows = {widget.summary_view.table.item(r, 0).text():
                    (widget.summary_view.table.item(r, 1).text(),
                     widget.summary_view.table.item(r, 2).text())
                    for r in range(widget.summary_view.table.rowCount())}
    assert summary_rows["Network"] == ("0", "1")
    assert summary_rows["Applications"] == ("1", "0")
    assert summary_rows["Week of 2026-03-02"] == ("0", "1")
    assert widget.summary_view.group_chart.chart().series()[0].count() == 2


def test_r09_failed_notification_shown_and_sent_again(qtbot: QtBot, org: Org,
                                                      context: Callable[..., UiContext]
                                                      ) -> None:
    breach(org)
    configure_smtp(org, 9, max_attempts=1)  # nobody listens: fails at once
    deliver(Outbox(org.store, org.clock), [NotificationChannel.EMAIL])
    widget = _widget(qtbot, context("manager"))
    qtbot.waitUntil(lambda: widget.table.rowCount() == 1)
    assert "E-mail: Failed" in widget.table.item(0, 6).text()
    with qtbot.waitSignal(widget.details_loaded):
        widget.table.selectRow(0)
    email_row = next(r for r in range(widget.deliveries.rowCount())
                     if widget.deliveries.item(r, 1).text() == "E-mail")
    assert widget.deliveries.item(email_row, 2).text() == "Failed"
    assert widget.deliveries.item(email_row, 6).text()  # the error is shown
    assert not widget.retry_button.isEnabled()
    widget.deliveries.selectRow(email_row)
    assert widget.retry_button.isEnabled()
    with qtbot.waitSignal(widget.loaded):
        widget.retry_button.click()
    assert rows(org, channel="email")[0].state == "pending"


def test_r08_refusal_is_shown_and_changes_nothing(qtbot: QtBot, org: Org,
                                                  context: Callable[..., UiContext],
                                                  monkeypatch) -> None:  # type: ignore[no-untyped-def]
    breach(org)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    widget = EscalationReviewWidget(context("desk"))  # not a supervisor
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: bool(shown))
    assert "Review escalations" in shown[0]
    assert widget.table.rowCount() == 0


def test_r08_review_screen_in_chinese(qtbot: QtBot, org: Org,
                                      context: Callable[..., UiContext]) -> None:
    breach(org)
    widget = _widget(qtbot, context("manager", "zh"))
    qtbot.waitUntil(lambda: widget.table.rowCount() == 1)
    assert widget.tabs.tabText(0) == "升级记录" and widget.tabs.tabText(1) == "统计"
    assert widget.acknowledge_button.text() == "确认升级"
    assert widget.table.item(0, 3).text() == "超过受理时限"
    assert widget.state.itemText(0) == "未确认"
    assert widget.count_label.text() == "共 1 条升级，涉及 1 个事件"
