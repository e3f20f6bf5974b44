"""The log form (R01, R02, R05, R11–R14): keyboard first, inline problems in the user's
language, and a refused save that keeps everything typed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk_app.domain.enums import Stage, Urgency
from desk_app.services.admin.process import CategoryForm, current_matrix, save_category, save_matrix
from desk_app.services.incident.queries import incident_view
from ui.incident.log_form import LogIncidentForm
from ui.widgets.combos import select, value


def open_form(qtbot, context) -> LogIncidentForm:
    form = LogIncidentForm(context)
    qtbot.addWidget(form)
    form.resize(760, 900)
    form.show()
    qtbot.waitUntil(lambda: form.ready, timeout=5000)
    return form


def pick_caller(qtbot, form: LogIncidentForm, typed: str) -> None:
    form.caller.edit.setFocus()
    qtbot.keyClicks(form.caller.edit, typed)
    qtbot.waitUntil(lambda: form.caller.results.rowCount() >= 1, timeout=5000)
    popup = form.caller.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.caller.caller is not None


def fill_required(form: LogIncidentForm, org) -> None:
    select(form.type, "system_fault")
    select(form.category, org.ids["cat_network"])
    select(form.impact, 3)
    form.title.setText("Printer jams")


def test_r12_vip_caller_defaults_to_high_urgency_and_the_desk_may_change_it(
        qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    assert value(form.urgency) == Urgency.MEDIUM.value
    pick_caller(qtbot, form, "Victor")
    assert form.caller.caller.vip
    assert value(form.urgency) == Urgency.HIGH.value
    assert "VIP" in form.urgency_hint.text()
    assert "VIP caller" in form.caller.info.text()

    form.urgency.setCurrentIndex(form.urgency.findData(Urgency.LOW.value))
    form.urgency.activated.emit(form.urgency.currentIndex())  # as a person's choice does
    assert "changed by you" in form.urgency_hint.text()
    fill_required(form, org)
    with qtbot.waitSignal(form.logged, timeout=5000) as logged:
        form.submit()
    view = incident_view(org.as_("desk"), logged.args[0])
    assert view.incident.urgency == Urgency.LOW.value


def test_r13_priority_is_read_live_from_the_matrix_the_process_owner_saved(
        qtbot, make_context, org):
    owner = org.as_("owner")
    cells = {key: p for key, (p, _) in current_matrix(owner).items()}
    cells[(3, 3)] = 1  # Moderate × Medium made Very high
    save_matrix(owner, cells)
    form = open_form(qtbot, make_context("desk"))
    select(form.impact, 3)
    assert form.priority.text() == "1 - Very high"
    select(form.urgency, Urgency.LOW.value)
    assert form.priority.text() == "4 - Low"


def test_r14_category_preview_names_the_group_it_goes_to(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    select(form.category, org.ids["cat_email"])
    assert form.route.text() == "Goes to support group: Applications"


def test_inline_validation_shows_each_problem_at_its_field(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    qtbot.keyClick(form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    for field in ("caller", "type", "category", "impact", "title"):
        assert form.errors.message(field) == "This field is required.", field
    assert form.errors.message("channel") == ""
    assert "5 field" in form.bar.text()
    assert form.caller.edit.hasFocus()
    form.title.setText("x" * 201)
    form.title.editingFinished.emit()
    assert form.errors.message("title") == "Too long: at most 200 characters."
    select(form.type, "user_complaint")
    assert form.errors.message("type") == ""


def test_inline_validation_in_chinese(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk", "zh"))
    form.submit()
    assert form.errors.message("caller") == "此项为必填项。"
    assert form.save_button.text() == "记录事件(&L)"
    assert "请更正 5 个字段" in form.bar.text()


def test_the_core_is_the_authority_and_a_refused_save_keeps_the_form(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    pick_caller(qtbot, form, "Zhang")
    fill_required(form, org)
    form.description.setPlainText("Paper jam on floor 3")
    # the category is retired on another workstation after the form loaded its list
    owner = org.as_("owner")
    save_category(owner, CategoryForm("network", "Network", "网络", org.ids["network"],
                                      active=False), org.ids["cat_network"], None)
    form.submit()
    qtbot.waitUntil(lambda: form.errors.message("category") != "", timeout=5000)
    assert form.errors.message("category") == "Not a valid choice."
    assert form.title.text() == "Printer jams"
    assert form.description.toPlainText() == "Paper jam on floor 3"
    assert form.caller.caller is not None
    assert form.save_button.isEnabled()


def test_r04_a_refused_role_is_shown_and_nothing_typed_is_lost(qtbot, make_context, org):
    form = open_form(qtbot, make_context("net1"))  # Level-1 support: may not log (R02)
    pick_caller(qtbot, form, "Zhang")
    fill_required(form, org)
    form.submit()
    qtbot.waitUntil(lambda: form.bar.text() != "", timeout=5000)
    assert "“Log” is for Service desk" in form.bar.text()
    assert form.title.text() == "Printer jams"


def test_r05_first_contact_resolution_from_the_same_form(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    pick_caller(qtbot, form, "Zhang")
    fill_required(form, org)
    form.first_contact.setChecked(True)
    assert form.save_button.text() == "&Log and resolve"
    form.submit()
    assert form.errors.message("resolution") == "This field is required."
    form.resolution.setPlainText("Cleared the jam with the caller on the phone")
    form.knowledge.setChecked(True)
    with qtbot.waitSignal(form.logged, timeout=5000) as logged:
        form.submit()
    incident = incident_view(org.as_("desk"), logged.args[0]).incident
    assert incident.stage == Stage.RESOLVED.value
    assert incident.knowledge
    assert form.title.text() == ""  # ready for the next call


def test_r02_channel_defaults_to_phone_and_escape_cancels(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    assert value(form.channel) == "phone"
    form.title.setFocus()
    with qtbot.waitSignal(form.cancelled, timeout=2000):
        qtbot.keyClick(form.title, Qt.Key.Key_Escape)


def test_r12_a_new_caller_recorded_from_the_form(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    qtbot.keyClicks(form.caller.edit, "Nobody Known")
    qtbot.waitUntil(lambda: "No caller matches" in form.caller.info.text(), timeout=5000)
    form.caller.new_button.click()
    dialog = form.caller.dialog
    assert dialog.name.text() == "Nobody Known"
    dialog.name.clear()
    dialog.save()
    assert dialog.errors.message("name") == "This field is required."
    dialog.name.setText("Nadia New")
    dialog.vip.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: form.caller.caller is not None, timeout=5000)
    assert form.caller.caller.name == "Nadia New"
    assert value(form.urgency) == Urgency.HIGH.value


def test_r13_the_form_follows_a_matrix_changed_on_another_workstation(
        qtbot, make_context, org):
    context = make_context("desk")
    form = open_form(qtbot, context)
    select(form.impact, 3)
    form.title.setText("Typed before the change")
    assert form.priority.text() == "3 - Medium"
    owner = org.as_("owner")
    cells = {key: p for key, (p, _) in current_matrix(owner).items()}
    cells[(3, 3)] = 2
    save_matrix(owner, cells)
    context.hub.external.emit()
    qtbot.waitUntil(lambda: form.priority.text() == "2 - High", timeout=5000)
    assert form.title.text() == "Typed before the change"
    assert value(form.impact) == 3


def test_the_shell_is_told_when_closing_would_lose_input(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    assert not form.has_unsaved_changes()
    form.title.setText("Half typed")
    assert form.has_unsaved_changes()


def test_the_problem_count_goes_once_every_problem_is_fixed(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    pick_caller(qtbot, form, "Zhang")
    form.submit()
    assert "4 field" in form.bar.text()
    fill_required(form, org)
    assert form.errors.message("title") == ""
    assert form.bar.text() == ""
