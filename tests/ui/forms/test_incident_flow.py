"""End to end through the widgets: an incident from logging to closure (R05), with the
buttons, messages and timeline rows a person sees, and a refused action on the way."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk_app.domain.enums import Stage
from desk_app.services.incident.actions import Action
from tests.ui.forms.helpers import open_view, wait_version_after
from ui.incident.dialogs import (
    AcceptDialog,
    AssignDialog,
    CloseDialog,
    ConfirmDialog,
    PendDialog,
    ResolveDialog,
    ResumeDialog,
)
from ui.incident.log_form import LogIncidentForm
from ui.incident.view import IncidentView
from ui.widgets.combos import select


def stage_of(view: IncidentView) -> str:
    assert view.screen is not None
    return view.screen.view.incident.stage


def act(qtbot, view: IncidentView, action: Action, dialog_type: type, fill=None):
    """Press the action's button, fill its dialog, press OK; return the dialog."""
    assert view.buttons[action].isEnabled(), view.buttons[action].toolTip()
    qtbot.mouseClick(view.buttons[action], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, dialog_type)
    if fill is not None:
        fill(dialog)
    before = view.screen.version
    dialog.ok_button.click()
    return dialog, before


def timeline_actions(view: IncidentView) -> list[str]:
    model = view.timeline.model
    return [model.index(row, 2).data() for row in range(model.rowCount())]


def test_r05_incident_from_log_to_close_through_the_widgets(qtbot, make_context, org):
    desk = make_context("desk")
    form = LogIncidentForm(desk)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.ready, timeout=5000)

    # the caller, found by typing and picked with the keyboard
    form.caller.edit.setFocus()
    qtbot.keyClicks(form.caller.edit, "Zhang")
    qtbot.waitUntil(lambda: form.caller.results.rowCount() == 1, timeout=5000)
    qtbot.keyClick(form.caller.edit, Qt.Key.Key_Return)
    assert form.caller.caller is not None and form.caller.caller.id == org.ids["caller"]
    select(form.type, "system_fault")
    select(form.category, org.ids["cat_network"])
    assert "Network" in form.route.text()
    select(form.impact, 3)
    assert form.priority.text() == "3 - Medium"
    qtbot.keyClicks(form.title, "VPN drops every few minutes")
    with qtbot.waitSignal(form.logged, timeout=5000) as logged:
        qtbot.keyClick(form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    incident_id = logged.args[0]

    view = open_view(qtbot, desk, incident_id)
    assert stage_of(view) == Stage.LOGGED.value
    assert view.buttons[Action.ASSIGN].isEnabled()
    assert not view.buttons[Action.ACCEPT].isEnabled()
    assert "Logged" in view.buttons[Action.ACCEPT].toolTip()
    assert view.stage_badge.text() == "Logged"

    # assign to a member of the category's group
    def to_li_qiang(dialog: AssignDialog) -> None:
        qtbot.waitUntil(lambda: dialog.member.count() > 1, timeout=5000)
        assert select(dialog.member, org.ids["net1"])

    _, before = act(qtbot, view, Action.ASSIGN, AssignDialog, to_li_qiang)
    wait_version_after(qtbot, view, before)
    assert stage_of(view) == Stage.ASSIGNED.value
    assert view.details.fact_labels["assignee"].text() == "李强 Li Qiang"

    # Li Qiang, on his own workstation, accepts, waits for the caller, resumes, resolves
    net = make_context("net1")
    work = open_view(qtbot, net, incident_id)
    _, before = act(qtbot, work, Action.ACCEPT, AcceptDialog)
    wait_version_after(qtbot, work, before)
    assert stage_of(work) == Stage.IN_PROGRESS.value

    def awaiting_caller(dialog: PendDialog) -> None:
        qtbot.waitUntil(lambda: dialog.wait_code.count() > 0, timeout=5000)
        dialog.wait_code.setCurrentIndex(0)

    _, before = act(qtbot, work, Action.PEND, PendDialog, awaiting_caller)
    wait_version_after(qtbot, work, before)
    assert work.pending_badge.isVisibleTo(work)
    assert "Awaiting caller" in work.pending_badge.text()
    assert work.buttons[Action.RESUME].isEnabled()
    assert not work.buttons[Action.RESOLVE].isEnabled()
    assert "pending" in work.buttons[Action.RESOLVE].toolTip()
    assert work.targets.pauses.rowCount() == 1

    org.clock.advance(minutes=30)
    _, before = act(qtbot, work, Action.RESUME, ResumeDialog)
    wait_version_after(qtbot, work, before)
    assert not work.pending_badge.isVisibleTo(work)

    def resolution(dialog: ResolveDialog) -> None:
        dialog.resolution.setPlainText("Replaced the VPN client profile")

    _, before = act(qtbot, work, Action.RESOLVE, ResolveDialog, resolution)
    wait_version_after(qtbot, work, before)
    assert stage_of(work) == Stage.RESOLVED.value

    # a refused action: Li Qiang did not log it, so he may not close it (R20)
    assert not work.buttons[Action.CLOSE].isEnabled()
    assert "“Close” is for" in work.buttons[Action.CLOSE].toolTip()
    work.explain()
    assert "“Close” is for" in work.bar.text()

    # the desk's window learns of the other workstation's changes
    version = view.screen.version
    desk.hub.external.emit()
    qtbot.waitUntil(lambda: view.loaded and view.screen.version > version, timeout=5000)
    assert stage_of(view) == Stage.RESOLVED.value

    # closing before the caller confirmed: the dialog asks for the confirmation up front and
    # says so beside it, before anything is sent; the input stays
    def close_fields(dialog: CloseDialog) -> None:
        qtbot.waitUntil(lambda: dialog.close_code.count() > 0, timeout=5000)
        dialog.close_code.setCurrentIndex(0)
        dialog.notes.setPlainText("Called the caller back")
        dialog.satisfaction.setCurrentIndex(0)

    dialog, _ = act(qtbot, view, Action.CLOSE, CloseDialog, close_fields)
    assert "not confirmed" in dialog.errors.labels["confirmed"].text()
    assert dialog.isVisible()
    assert dialog.notes.toPlainText() == "Called the caller back"
    dialog.notes.clear()  # nothing typed left: Cancel closes without asking
    dialog.reject()

    _, before = act(qtbot, view, Action.CONFIRM, ConfirmDialog)
    wait_version_after(qtbot, view, before)
    _, before = act(qtbot, view, Action.CLOSE, CloseDialog, close_fields)
    wait_version_after(qtbot, view, before)
    assert stage_of(view) == Stage.CLOSED.value
    assert not any(button.isEnabled() for button in view.buttons.values())
    assert not view.timeline.add_button.isEnabled()
    assert "closed" in view.buttons[Action.ASSIGN].toolTip()

    assert [a for a in timeline_actions(view) if a != "Service targets matched"] == [
        "Logged", "Assigned", "Accepted", "Set pending", "Resumed", "Resolved",
        "Resolution confirmed", "Closed"]
    changes = view.timeline.model.index(1, 3).data()
    assert "Assignee: — → 李强 Li Qiang" in changes
    assert "Stage: Logged → Assigned" in changes
