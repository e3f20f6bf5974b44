"""The incident view: conflicts between workstations, edits kept across refreshes, field
permissions from the core, live target clocks, work notes, changes (R16, R18)."""

from __future__ import annotations

from desk_app.domain.enums import Stage
from desk_app.services.incident import pending, workflow
from desk_app.services.incident.actions import Action
from desk_app.services.incident.log import IncidentFields, update_incident
from desk_app.services.incident.queries import incident_view
from tests.ui.forms.helpers import open_view, wait_version_after
from ui.incident.conflict import ConflictDialog
from ui.incident.dialogs import AssignDialog, CloseChangeDialog, RaiseChangeDialog
from ui.widgets.combos import select


def test_conflict_between_two_sessions_shows_both_versions_and_reapplies(
        qtbot, make_context, org):
    incident_id = org.log()
    mine = open_view(qtbot, make_context("desk"), incident_id)
    theirs = open_view(qtbot, make_context("manager"), incident_id)  # another workstation

    mine.details.title.setText("VPN drops for the whole finance floor")
    mine.details.title.textEdited.emit(mine.details.title.text())
    theirs.details.title.setText("VPN drops every 5 minutes")
    theirs.details.title.textEdited.emit(theirs.details.title.text())
    before = theirs.screen.version
    theirs.details.save()
    wait_version_after(qtbot, theirs, before)

    assert mine.details.save_button.isEnabled()
    mine.details.save()
    qtbot.waitUntil(lambda: isinstance(mine.conflict_dialog, ConflictDialog), timeout=5000)
    dialog = mine.conflict_dialog
    assert dialog.isVisible()
    rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(),
                                             dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    assert rows["Title"] == ("VPN drops every few minutes", "VPN drops every 5 minutes")
    assert dialog.differences == ["title"]
    assert "Title: VPN drops for the whole finance floor" in dialog.your_change.text()
    # nothing was overwritten, and the person's edit is still in the form
    assert incident_view(org.as_("desk"), incident_id).incident.title == \
        "VPN drops every 5 minutes"
    assert mine.details.title.text() == "VPN drops for the whole finance floor"

    dialog.reapply_button.click()
    qtbot.waitUntil(lambda: incident_view(org.as_("desk"), incident_id).incident.title
                    == "VPN drops for the whole finance floor", timeout=5000)
    qtbot.waitUntil(lambda: not mine.details.dirty(), timeout=5000)


def test_conflict_reload_drops_the_stale_action(qtbot, make_context, org):
    incident_id = org.log()
    view = open_view(qtbot, make_context("desk"), incident_id)
    view.open_action(Action.ASSIGN)
    dialog = view.dialog
    assert isinstance(dialog, AssignDialog)
    # meanwhile another desk person assigns it to the group
    workflow.assign(org.as_("desk2"), incident_id)
    dialog.submit()
    qtbot.waitUntil(lambda: isinstance(view.conflict_dialog, ConflictDialog), timeout=5000)
    conflict = view.conflict_dialog
    rows = {conflict.table.item(r, 0).text(): conflict.table.item(r, 2).text()
            for r in range(conflict.table.rowCount())}
    assert rows["Stage"] == "Assigned"
    assert "stage" in conflict.differences
    conflict.reload_button.click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: view.loaded and view.screen.view.incident.stage
                    == Stage.ASSIGNED.value, timeout=5000)
    assert not view.buttons[Action.ASSIGN].isEnabled()


def test_edits_are_kept_when_the_incident_changes_underneath(qtbot, make_context, org):
    incident_id = org.log()
    context = make_context("desk")
    view = open_view(qtbot, context, incident_id)
    view.details.description.setPlainText("More detail typed by the desk")
    assert view.details.dirty()
    update_incident(org.as_("manager"), incident_id, IncidentFields(title="Renamed"))
    before = view.screen.version
    context.hub.external.emit()  # what the shell's poller says when the file changed
    wait_version_after(qtbot, view, before)
    assert view.heading.text().endswith("Renamed")
    assert view.details.description.toPlainText() == "More detail typed by the desk"
    assert "Your edits are kept" in view.details.bar.text()


def test_r12_r14_fields_the_core_does_not_let_this_person_change_are_disabled(
        qtbot, make_context, org):
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    view = open_view(qtbot, make_context("net1"), incident_id)
    assert view.details.title.isEnabled()
    assert not view.details.urgency.isEnabled()
    assert "Change urgency" in view.details.urgency.toolTip()
    assert not view.details.category.isEnabled()
    assert "transferring" in view.details.category.toolTip()
    outsider = open_view(qtbot, make_context("outsider"), incident_id)
    assert not outsider.details.title.isEnabled()
    assert "“Edit” is for" in outsider.details.title.toolTip()


def test_r15_target_clocks_count_down_live(qtbot, make_context, org):
    incident_id = org.log()
    view = open_view(qtbot, make_context("desk"), incident_id)
    view.tabs.setCurrentWidget(view.targets)
    model = view.targets.clocks
    assert model.rowCount() == 3
    assign_row = next(r for r in range(3) if model.row_at(r).stage == "assign")
    left = model.index(assign_row, model.LEFT)
    assert left.data() == "1 h"  # P3: an hour to assign, on office hours
    org.clock.advance(minutes=50)
    model.tick()
    assert left.data() == "10 min"
    assert left.data(8) is not None  # amber: less than a quarter left
    org.clock.advance(minutes=20)
    model.tick()
    assert left.data() == "10 min over"


def test_work_note_is_added_to_the_timeline(qtbot, make_context, org):
    incident_id = org.log()
    view = open_view(qtbot, make_context("net1"), incident_id)
    view.timeline.add()
    assert view.timeline.errors.message("note") == "This field is required."
    view.timeline.note.setPlainText("Checked the VPN concentrator logs")
    rows = view.timeline.model.rowCount()
    view.timeline.add()
    qtbot.waitUntil(lambda: view.timeline.model.rowCount() == rows + 1, timeout=5000)
    last = view.timeline.model.rowCount() - 1
    assert view.timeline.model.index(last, 2).data() == "Work note"
    assert view.timeline.model.index(last, 4).data() == "Checked the VPN concentrator logs"
    assert view.timeline.note.toPlainText() == ""


def test_r18_raising_and_closing_a_change_pends_and_resumes(qtbot, make_context, org):
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    view = open_view(qtbot, make_context("net1"), incident_id)
    dialog = view.open_action(Action.RAISE_CHANGE)
    assert isinstance(dialog, RaiseChangeDialog)
    dialog.title.setText("Replace the VPN concentrator")
    before = view.screen.version
    dialog.submit()
    wait_version_after(qtbot, view, before)
    assert "Awaiting change" in view.pending_badge.text()
    assert not view.buttons[Action.RESUME].isEnabled()
    assert "resumes when the change is closed" in view.buttons[Action.RESUME].toolTip()
    view.tabs.setCurrentWidget(view.changes)
    assert view.changes.model.rowCount() == 1
    assert view.changes.close_button.isEnabled()
    view.changes.close_button.click()
    closing = view.dialog
    assert isinstance(closing, CloseChangeDialog)
    closing.submit()
    assert closing.errors.message("outcome") == "This field is required."
    closing.outcome.setPlainText("Concentrator replaced")
    before = view.screen.version
    closing.submit()
    wait_version_after(qtbot, view, before)
    assert view.pending_badge.isHidden()
    assert view.targets.pauses.rowCount() == 1


def test_r06_transfer_dialog_routes_by_category_and_level(qtbot, make_context, org):
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    view = open_view(qtbot, make_context("net1"), incident_id)
    dialog = view.open_action(Action.TRANSFER)
    qtbot.waitUntil(lambda: dialog.category.count() > 0, timeout=5000)
    select(dialog.tier, 2)
    assert dialog.route.text() == "Support group: Network L2"
    # another category dispatches to its own first-line group (R14): the dialog goes there
    select(dialog.category, org.ids["cat_email"])
    assert dialog.tier.currentData() == 1
    assert dialog.route.text() == "Support group: Applications"
    select(dialog.tier, 2)
    assert dialog.route.text() == "This category has no Level-2 support group."
    select(dialog.tier, 1)
    dialog.submit()
    assert dialog.errors.message("note") == "This field is required."
    dialog.note.setPlainText("Mail problem, not network")
    before = view.screen.version
    dialog.submit()
    wait_version_after(qtbot, view, before)
    incident = view.screen.view.incident
    assert incident.group_id == org.ids["apps"]
    assert incident.reassignment_count == 1
    # Li Qiang is no longer in the incident's group: the core now refuses him most actions
    assert not view.buttons[Action.ACCEPT].isEnabled()


def test_r17_pending_is_refused_inline_without_a_wait_code(qtbot, make_context, org):
    incident_id = org.log()
    view = open_view(qtbot, make_context("desk"), incident_id)
    dialog = view.open_action(Action.PEND)
    dialog.submit()
    assert dialog.errors.message("wait_code") == "This field is required."
    assert dialog.isVisible()
    pending.set_pending(org.as_("desk"), incident_id, wait_code_id=1)


def test_r19_rematched_targets_and_r07_escalations_are_shown(qtbot, make_context, org):
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("net1"), incident_id, impact=1)  # Extensive: P3 → P2 (R19)
    workflow.transfer(org.as_("net1"), incident_id, tier=2, note="needs Level-2")
    workflow.accept(org.as_("l2"), incident_id)
    workflow.transfer(org.as_("l2"), incident_id, tier=1, note="back to Level-1")
    workflow.accept(org.as_("net1"), incident_id)
    workflow.transfer(org.as_("net1"), incident_id, tier=2, note="third transfer")  # R07
    view = open_view(qtbot, make_context("manager"), incident_id)
    targets = view.targets
    rematched = {targets.history.index(r, 1).data() for r in range(targets.history.rowCount())}
    assert "P3" in rematched  # the targets matched at logging are kept as history
    assert targets.escalations.rowCount() == 1
    escalation = targets.escalations
    assert escalation.index(0, 1).data() == "Transferred three times"
    assert "Mia Manager" in escalation.index(0, 5).data()
    assert escalation.index(0, 4).data() == "not yet"
    assert view.escalated_badge.isVisibleTo(view)


def test_keyboard_alone_opens_an_action_and_submits_it(qtbot, make_context, org):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    incident_id = org.log()
    view = open_view(qtbot, make_context("desk"), incident_id)
    view.activateWindow()
    view.buttons[Action.ASSIGN].setFocus()
    qtbot.keyClick(view.buttons[Action.ASSIGN], Qt.Key.Key_Space)
    dialog = view.dialog
    assert isinstance(dialog, AssignDialog)
    qtbot.waitUntil(lambda: dialog.category.count() > 0, timeout=5000)
    before = view.screen.version
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_version_after(qtbot, view, before)
    assert view.screen.view.incident.stage == Stage.ASSIGNED.value
    view.activateWindow()  # the window manager's job when a dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view, timeout=2000)
    view.reload_button.setFocus()
    qtbot.keyClick(view.reload_button, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert view.tabs.currentWidget() is view.targets


def test_the_shell_is_told_when_closing_would_lose_input(qtbot, make_context, org):
    from ui.admin.window import AdminWindow

    view = open_view(qtbot, make_context("desk"), org.log())
    assert not view.has_unsaved_changes()
    view.timeline.note.setPlainText("half a note")
    assert view.has_unsaved_changes()
    view.timeline.note.clear()
    view.open_action(Action.ASSIGN)
    assert view.has_unsaved_changes()
    view.dialog.reject()
    assert not view.has_unsaved_changes()
    admin = AdminWindow(make_context("owner"))
    qtbot.addWidget(admin)
    qtbot.waitUntil(lambda: admin.loaded, timeout=10000)
    assert not admin.has_unsaved_changes()
    admin.pages["matrix"].model.setData(admin.pages["matrix"].model.index(0, 0), 4)
    assert admin.has_unsaved_changes()
