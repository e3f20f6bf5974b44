"""Never refuse after input: an action dialog says up front what is missing and offers it
(closing an unconfirmed incident offers the caller's confirmation), a transfer starts on a
target it can take, focus starts in the first field to fill, Enter in a note makes a new
line, Esc asks before typed text is lost, and a refused save keeps every typed character
(close, transfer, pending, resume; the log form's own tests cover logging)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desk_app.domain.enums import Stage
from desk_app.services.incident import pending, workflow
from desk_app.services.incident.actions import Action
from desk_app.services.incident.choices import wait_codes
from desk_app.services.incident.log import IncidentFields, update_incident
from desk_app.storage.models import Incident
from tests.ui.forms.helpers import open_view, wait_version_after
from ui.incident.dialogs import (
    CloseDialog,
    PendDialog,
    ResumeDialog,
    TransferDialog,
)
from ui.widgets.combos import select, value


def in_progress(org) -> int:
    incident = org.log()
    workflow.assign(org.as_("desk"), incident)
    workflow.accept(org.as_("net1"), incident)
    return incident


def resolved_unconfirmed(org) -> int:
    incident = in_progress(org)
    workflow.resolve(org.as_("net1"), incident, resolution="Replaced the switch port")
    return incident


def someone_else_edits(org, incident: int) -> None:
    """Another workstation changes the incident: the open dialog's save is refused."""
    update_incident(org.as_("desk2"), incident, IncidentFields(description="seen by desk2"))


def refused_then(qtbot, dialog) -> None:
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.bar.text() != "", timeout=5000)
    assert dialog.isVisible()


def close_conflict_dialog(view) -> None:
    conflict = view.conflict_dialog
    if conflict is not None:
        conflict.close()


def test_r21_close_offers_the_callers_confirmation_up_front_and_records_both(
        qtbot, make_context, org):
    incident = resolved_unconfirmed(org)
    view = open_view(qtbot, make_context("desk"), incident)
    assert view.buttons[Action.CLOSE].isEnabled()
    dialog = view.open_action(Action.CLOSE)
    assert isinstance(dialog, CloseDialog) and dialog.confirmed is not None
    qtbot.waitUntil(lambda: dialog.close_code.count() > 0, timeout=5000)
    assert QApplication.focusWidget() is dialog.confirmed or dialog.first_field() is \
        dialog.confirmed
    dialog.close_code.setCurrentIndex(0)
    dialog.notes.setPlainText("Called back, all good")
    select(dialog.satisfaction, 5)
    dialog.submit()  # not ticked: said beside the box, nothing is sent, nothing lost
    assert dialog.errors.labels["confirmed"].text() != ""
    assert dialog.notes.toPlainText() == "Called back, all good"
    assert Incident.get_by_id(incident).stage == Stage.RESOLVED.value
    dialog.confirmed.setChecked(True)
    before = view.screen.version
    dialog.submit()
    wait_version_after(qtbot, view, before)
    row = Incident.get_by_id(incident)
    assert row.stage == Stage.CLOSED.value and row.confirmed_by_id == org.ids["desk"]


def test_a_refused_close_keeps_every_typed_character(qtbot, make_context, org):
    incident = resolved_unconfirmed(org)
    workflow.confirm_resolution(org.as_("desk"), incident)
    view = open_view(qtbot, make_context("desk"), incident)
    dialog = view.open_action(Action.CLOSE)
    assert dialog.confirmed is None  # confirmed already: nothing to offer
    qtbot.waitUntil(lambda: dialog.close_code.count() > 0, timeout=5000)
    dialog.close_code.setCurrentIndex(1)
    dialog.notes.setPlainText("Line one\nline two — 已回访")
    select(dialog.satisfaction, 4)
    typed = (value(dialog.close_code), dialog.notes.toPlainText(), value(dialog.satisfaction))
    someone_else_edits(org, incident)
    refused_then(qtbot, dialog)
    close_conflict_dialog(view)
    assert (value(dialog.close_code), dialog.notes.toPlainText(),
            value(dialog.satisfaction)) == typed


def test_r06_transfer_starts_on_the_other_level_never_the_current_group(
        qtbot, make_context, org):
    incident = in_progress(org)
    view = open_view(qtbot, make_context("net1"), incident)
    dialog = view.open_action(Action.TRANSFER)
    assert isinstance(dialog, TransferDialog)
    qtbot.waitUntil(lambda: dialog.category.count() > 0, timeout=5000)
    assert dialog.target_group() is not None
    assert dialog.target_group().id == org.ids["l2net"]
    assert not dialog.same_target()
    # choosing the current group is said at once, before anything is sent
    select(dialog.tier, 1)
    qtbot.waitUntil(lambda: dialog.errors.labels["tier"].text() != "", timeout=5000)
    assert "already with this support group" in dialog.errors.labels["tier"].text()


def test_r06_transfer_without_another_level_says_what_to_choose_up_front(
        qtbot, make_context, org):
    incident = org.log(category_id=org.ids["cat_email"])
    workflow.assign(org.as_("desk"), incident)
    view = open_view(qtbot, make_context("desk"), incident)
    dialog = view.open_action(Action.TRANSFER)
    qtbot.waitUntil(lambda: dialog.category.count() > 0, timeout=5000)
    # no other level: the dialog says what to choose instead of refusing after input
    qtbot.waitUntil(lambda: dialog.errors.labels["tier"].text() != "", timeout=5000)
    dialog.note.setPlainText("Network, not mail")
    dialog.submit()
    assert dialog.isVisible() and Incident.get_by_id(incident).reassignment_count == 0
    select(dialog.category, org.ids["cat_network"])
    qtbot.waitUntil(lambda: dialog.errors.labels["tier"].text() == "", timeout=5000)


def test_a_refused_transfer_keeps_every_typed_character(qtbot, make_context, org):
    incident = in_progress(org)
    view = open_view(qtbot, make_context("net1"), incident)
    dialog = view.open_action(Action.TRANSFER)
    qtbot.waitUntil(lambda: dialog.category.count() > 0, timeout=5000)
    dialog.note.setPlainText("Needs the core switch\n交换机")
    typed = (value(dialog.category), value(dialog.tier), dialog.note.toPlainText())
    someone_else_edits(org, incident)
    refused_then(qtbot, dialog)
    close_conflict_dialog(view)
    assert (value(dialog.category), value(dialog.tier), dialog.note.toPlainText()) == typed


def test_a_refused_pending_keeps_every_typed_character(qtbot, make_context, org):
    incident = in_progress(org)
    view = open_view(qtbot, make_context("net1"), incident)
    dialog = view.open_action(Action.PEND)
    assert isinstance(dialog, PendDialog)
    qtbot.waitUntil(lambda: dialog.wait_code.count() > 0, timeout=5000)
    dialog.wait_code.setCurrentIndex(0)
    dialog.note.setPlainText("Waiting for the vendor's part")
    typed = (value(dialog.wait_code), dialog.note.toPlainText())
    someone_else_edits(org, incident)
    refused_then(qtbot, dialog)
    close_conflict_dialog(view)
    assert (value(dialog.wait_code), dialog.note.toPlainText()) == typed


def test_resume_starts_in_the_note_enter_makes_a_new_line_and_refusal_keeps_it(
        qtbot, make_context, org):
    incident = in_progress(org)
    net1 = org.as_("net1")
    pending.set_pending(net1, incident, wait_code_id=wait_codes(net1)[0].id)
    view = open_view(qtbot, make_context("net1"), incident)
    dialog = view.open_action(Action.RESUME)
    assert isinstance(dialog, ResumeDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.note.hasFocus(), timeout=5000)
    qtbot.keyClicks(dialog.note, "The part arrived")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.note, "fitted at 10:00")
    assert dialog.isVisible()  # Enter did not submit
    assert dialog.note.toPlainText() == "The part arrived\nfitted at 10:00"
    assert Incident.get_by_id(incident).wait_code_id is not None
    someone_else_edits(org, incident)
    refused_then(qtbot, dialog)
    close_conflict_dialog(view)
    assert dialog.note.toPlainText() == "The part arrived\nfitted at 10:00"


def test_esc_asks_before_typed_text_is_lost(qtbot, make_context, org, monkeypatch):
    incident = in_progress(org)
    view = open_view(qtbot, make_context("net1"), incident)
    dialog = view.open_action(Action.PEND)
    dialog.note.setPlainText("half a thought")
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog.reject()
    assert dialog.isVisible() and dialog.note.toPlainText() == "half a thought"
    answers.append(QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible()
    empty = view.open_action(Action.PEND)
    empty.reject()  # nothing typed: no question
    assert not empty.isVisible()


def test_r20_the_view_says_up_front_who_can_close_and_why_not(qtbot, make_context, org):
    incident = resolved_unconfirmed(org)
    view = open_view(qtbot, make_context("net1"), incident)
    assert not view.buttons[Action.CLOSE].isEnabled()
    assert view.why_line.isVisibleTo(view)
    shown = view.why_line.text()
    assert "“Close” is for 王芳 Wang Fang, who logged it." in shown
    assert "Assign" not in shown  # a move the stage does not allow is no one's next step

