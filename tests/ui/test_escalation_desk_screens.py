"""R03/R09 screens: call tasks for the desk on duty, the duty roster editor, the delivery
settings, and the background timer that scans and delivers off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

from pytestqt.qtbot import QtBot

from desk_app.delivery.config import read_config, set_config_values
from desk_app.services.admin.process import RuleForm, escalation_rules, save_escalation_rule
from desk_app.services.alerts.roster import ShiftForm, save_shift, shifts_between
from tests.conftest import Org
from tests.escalation_helpers import breach, rows
from ui.context import UiContext
from ui.escalations.calls import CallTasksWidget
from ui.escalations.roster import RosterEditor
from ui.escalations.rules import EscalationRulesEditor
from ui.escalations.settings import DeliverySettingsWidget
from ui.escalations.timer import EscalationTimer


def type_into(widget: object, text: str) -> None:
    """As a person types: the editors count only edits made by hand."""
    widget.setText(text)  # type: ignore[attr-defined]
    widget.textEdited.emit(text)  # type: ignore[attr-defined]


def test_r09_call_tasks_recorded_from_the_desk_screen(qtbot: QtBot, org: Org,
                                                      context: Callable[..., UiContext]
                                                      ) -> None:
    now = org.clock.now()
    save_shift(org.as_("manager"), ShiftForm(now, now + timedelta(hours=24), [org.ids["desk"]]))
    breach(org)
    widget = CallTasksWidget(context("desk"))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.table.rowCount() == 1)
    assert widget.status.text() == "You are on service desk duty: 1 call(s) to make."
    assert widget.table.item(0, 2).text() == "Mia Manager"
    assert widget.table.item(0, 3).text() == "13800000000"
    widget.table.selectRow(0)
    widget.note.insert("voicemail")
    with qtbot.waitSignal(widget.loaded):
        widget.not_reached_button.click()
    assert widget.table.rowCount() == 0  # comes back later
    assert rows(org, channel="phone")[0].next_attempt_at == org.clock.now() + timedelta(
        minutes=15)
    org.clock.advance(minutes=15)
    with qtbot.waitSignal(widget.loaded):
        widget.refresh()
    assert "not reached" in widget.table.item(0, 7).text()
    widget.table.selectRow(0)
    with qtbot.waitSignal(widget.loaded):
        widget.reached_button.click()
    assert widget.table.rowCount() == 0
    assert rows(org, channel="phone")[0].state == "sent"

    other = CallTasksWidget(context("net1"))  # Level-1, not rostered now
    qtbot.addWidget(other)
    qtbot.waitSignal(other.loaded).wait()
    assert other.status.text().startswith("You are not on service desk duty now")


def test_r03_roster_editor_adds_and_refuses_shifts(qtbot: QtBot, org: Org,
                                                   context: Callable[..., UiContext]) -> None:
    editor = RosterEditor(context("manager"))
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.staff.count() > 0)
    names = [editor.staff.item(i).text() for i in range(editor.staff.count())]
    assert "李强 Li Qiang (net1)" in names and not any("(l2)" in n for n in names)
    editor.save_button.click()  # nobody ticked
    qtbot.waitUntil(lambda: editor.error.text() == "This field is required.")
    editor.staff.item(names.index("李强 Li Qiang (net1)")).setCheckState(
        editor.staff.item(0).checkState().Checked)
    editor.note.setText("early")
    editor.save_button.click()
    # (a refresh started before the save may report first: wait for the saved shift itself)
    qtbot.waitUntil(lambda: editor.day_shifts.rowCount() == 1, timeout=10_000)
    assert editor.error.text() == ""
    assert editor.day_shifts.item(0, 0).text() == "08:30–17:30"
    assert editor.day_shifts.item(0, 1).text() == "李强 Li Qiang"
    day = editor.selected_day()
    (shift,) = shifts_between(org.as_("manager"), editor.form().starts_at - timedelta(days=1),
                              editor.form().starts_at + timedelta(days=1))
    assert shift.starts_at.astimezone().date() == day
    editor.day_shifts.selectRow(0)
    assert editor.delete_button.isEnabled()
    editor.delete_button.click()
    qtbot.waitUntil(lambda: editor.day_shifts.rowCount() == 0, timeout=10_000)


def test_r03_roster_refused_for_the_desk(qtbot: QtBot, org: Org,
                                         context: Callable[..., UiContext]) -> None:
    editor = RosterEditor(context("desk"))
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.staff.count() > 0)
    editor.staff.item(0).setCheckState(editor.staff.item(0).checkState().Checked)
    shown: list[BaseException] = []
    editor._failed = shown.append  # type: ignore[method-assign]
    editor.save_button.click()
    qtbot.waitUntil(lambda: bool(shown))
    assert "Edit the duty roster" in str(shown[0])


def test_r09_delivery_settings_saved_and_checked(qtbot: QtBot, org: Org,
                                                 context: Callable[..., UiContext]) -> None:
    widget = DeliverySettingsWidget(context("owner"))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.loaded)
    assert not widget.save_button.isEnabled()  # nothing edited yet
    type_into(widget.inputs["smtp_host"], "mail.example.test")
    type_into(widget.inputs["smtp_sender"], "no-at-sign")
    type_into(widget.inputs["smtp_password"], "pw")
    widget.save_button.click()
    qtbot.waitUntil(lambda: widget.errors.message("smtp_sender") != "")
    assert widget.errors.message("smtp_sender").startswith("Enter the sender's e-mail")
    assert widget.bar.kind == "error"  # inline, over the form: no message box
    assert read_config(org.as_("owner")).smtp_host == ""  # nothing saved
    type_into(widget.inputs["smtp_sender"], "desk@example.test")
    with qtbot.waitSignal(widget.saved):
        widget.save_button.click()
    config = read_config(org.as_("owner"))
    assert (config.smtp_host, config.smtp_sender, config.smtp_password) == (
        "mail.example.test", "desk@example.test", "pw")
    assert widget.bar.text() == "Saved."
    desk = DeliverySettingsWidget(context("desk"))
    qtbot.addWidget(desk)
    assert not desk.save_button.isEnabled()
    assert not desk.inputs["smtp_host"].isEnabled()
    assert "Process administration" in desk.save_button.toolTip()  # the core's reason


def test_r09_delivery_settings_saved_over_newer_ones_conflict_inline(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    first = DeliverySettingsWidget(context("owner"))
    second = DeliverySettingsWidget(context("owner"))  # another workstation
    for widget in (first, second):
        qtbot.addWidget(widget)
        qtbot.waitUntil(lambda w=widget: w.loaded)
    first.inputs["max_attempts"].setValue(3)  # type: ignore[attr-defined]
    with qtbot.waitSignal(first.saved):
        first.save_button.click()
    second.inputs["call_retry_minutes"].setValue(30)  # type: ignore[attr-defined]
    second.save_button.click()
    qtbot.waitUntil(lambda: second.bar.kind == "error")
    assert "changed by someone else" in second.bar.text()
    assert second.inputs["call_retry_minutes"].value() == 30  # type: ignore[attr-defined]
    assert read_config(org.as_("owner")).call_retry_minutes == 15  # not overwritten
    assert second.revert_button.isEnabled()
    second.revert_button.click()
    qtbot.waitUntil(lambda: second.inputs["max_attempts"].value() == 3)  # type: ignore[attr-defined]
    assert second.inputs["call_retry_minutes"].value() == 15  # type: ignore[attr-defined]


def test_r09_delivery_settings_follow_other_workstations_but_keep_edits(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    ctx = context("owner")
    widget = DeliverySettingsWidget(ctx)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.loaded)
    set_config_values(org.as_("owner"), smtp_host="relay.example.test",
                      smtp_sender="a@example.test")
    ctx.hub.external.emit()
    qtbot.waitUntil(lambda: widget.inputs["smtp_host"].text() == "relay.example.test")  # type: ignore[attr-defined]
    type_into(widget.inputs["sms_url"], "https://sms.example.test/send")
    set_config_values(org.as_("owner"), max_attempts=2)
    ctx.hub.external.emit()
    qtbot.waitUntil(lambda: widget.bar.kind == "warning")
    assert widget.inputs["sms_url"].text() == "https://sms.example.test/send"  # type: ignore[attr-defined]


def test_r09_timer_scans_and_alerts_off_the_gui_thread(qtbot: QtBot, org: Org,
                                                       context: Callable[..., UiContext]
                                                       ) -> None:
    breach(org)
    threads: list[threading.Thread] = []

    def no_backend(title: str, body: str) -> str | None:
        threads.append(threading.current_thread())
        return "NotImplementedError: no notification backend"

    timer = EscalationTimer(context("manager"), show=no_backend)
    with qtbot.waitSignal(timer.alert, timeout=10_000) as alert:
        timer.start()
    shown = alert.args[0]  # the first round after sign-in: what waits, as one summary
    assert shown.kind == "summary" and shown.count == 1
    assert shown.title == "1 escalation(s) wait for your acknowledgement"
    assert threads and threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: not timer.busy)
    assert timer.timer.interval() == 30_000  # the setting's default
    timer.stop()


def rule_cell(editor: EscalationRulesEditor, row: int, column: int) -> str:
    return str(editor.model.index(row, column).data())


def open_rules(qtbot: QtBot, ctx: UiContext) -> EscalationRulesEditor:
    editor = EscalationRulesEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded)
    return editor


def test_r09_process_owner_edits_escalation_rules(qtbot: QtBot, org: Org,
                                                  context: Callable[..., UiContext]) -> None:
    editor = open_rules(qtbot, context("owner"))
    assert editor.model.rowCount() == 2  # the two rules a new database starts with
    assert rule_cell(editor, 0, 1) == "Head of the caller's department"
    editor.new()
    assert editor.name_en.text() == "" and not editor.user.isEnabled()
    type_into(editor.name_en, "Network: tell Li Qiang")
    type_into(editor.name_zh, "网络:通知李强")
    editor.recipient.setCurrentIndex(editor.recipient.findData("user"))
    assert editor.user.isEnabled()
    editor.category.setCurrentIndex(editor.category.findData(org.ids["cat_network"]))
    editor.save_button.click()  # no person chosen, no channel ticked
    qtbot.waitUntil(lambda: editor.errors.message("channels") == "This field is required.")
    assert editor.errors.message("user") == "This field is required."
    assert editor.bar.kind == "error"  # inline, no message box
    assert editor.name_en.text() == "Network: tell Li Qiang"  # kept
    editor.user.setCurrentIndex(editor.user.findData(org.ids["net1"]))
    editor.channels["sms"].setChecked(True)
    with qtbot.waitSignal(editor.loaded_signal):
        editor.save_button.click()
    qtbot.waitUntil(lambda: editor.model.rowCount() == 3)
    assert rule_cell(editor, 2, 1) == "A named person: 李强 Li Qiang"
    assert editor.form_box.title() == "Network: tell Li Qiang"  # the saved rule stays chosen
    rules = {r.form.name_en: r.form for r in escalation_rules(org.as_("owner"))}
    rule = rules["Network: tell Li Qiang"]
    assert (rule.recipient, rule.user_id, rule.category_id, rule.channels) == (
        "user", org.ids["net1"], org.ids["cat_network"], ["sms"])
    # and it works: an escalation of a network incident now texts Li Qiang
    breach(org)
    assert [r.channel for r in rows(org, recipient=org.ids["net1"])] == ["sms"]
    editor.table.selectRow(2)
    editor.active.setChecked(False)
    with qtbot.waitSignal(editor.loaded_signal):
        editor.save_button.click()
    qtbot.waitUntil(lambda: rule_cell(editor, 2, 2) == "no")


def test_r04_escalation_rules_are_read_only_by_the_cores_answer(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    other = open_rules(qtbot, context("manager"))
    assert not other.save_button.isEnabled() and not other.new_button.isEnabled()
    assert not other.name_en.isEnabled() and not other.channels["sms"].isEnabled()
    assert "Process administration" in other.save_button.toolTip()  # the core's reason


def test_r09_two_owners_editing_a_rule_conflict_inline(
        qtbot: QtBot, org: Org, context: Callable[..., UiContext]) -> None:
    first = open_rules(qtbot, context("owner"))
    second = open_rules(qtbot, context("owner"))  # another workstation
    type_into(first.name_en, "P1: the caller's head")
    first.save_button.click()
    qtbot.waitUntil(lambda: first.bar.text() == "Saved.")
    second.channels["sms"].setChecked(True)
    second.save_button.click()
    qtbot.waitUntil(lambda: second.bar.kind == "error")
    assert "changed by someone else" in second.bar.text()
    assert second.channels["sms"].isChecked()  # the edit is kept until they revert
    second.revert_button.click()
    qtbot.waitUntil(lambda: second.name_en.text() == "P1: the caller's head")
    assert not second.channels["sms"].isChecked()


def test_r09_rules_follow_another_workstation(qtbot: QtBot, org: Org,
                                              context: Callable[..., UiContext]) -> None:
    ctx = context("owner")
    editor = open_rules(qtbot, ctx)
    save_escalation_rule(org.as_("owner"), RuleForm("Everyone", "全部", "all_department_heads",
                                                    ["email"]))
    ctx.hub.external.emit()
    qtbot.waitUntil(lambda: editor.model.rowCount() == 3)
