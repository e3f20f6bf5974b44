"""The process owner's screens (R04, R13): the matrix editor's preview, saves refused for
everyone else, lists that refresh, conflicts between two administrators."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk_app.domain.enums import Impact, Urgency
from desk_app.services.admin import lists
from desk_app.services.admin.process import CodeForm, preview_matrix, save_wait_code
from desk_app.services.incident.queries import incident_view
from ui.admin.calendars_tab import parse_hours
from ui.admin.matrix_editor import MatrixEditor
from ui.admin.process_tabs import CategoriesTab, CodesTab
from ui.admin.window import AdminWindow


def open_matrix(qtbot, context) -> MatrixEditor:
    editor = MatrixEditor(context)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    return editor


def _tighten_moderate_medium(qtbot, editor):
    cell = editor.model.index(Impact.MODERATE - 1, Urgency.MEDIUM - 1)
    assert cell.data() == "3 - Medium"
    editor.table.setCurrentIndex(cell)
    editor.table.setFocus()
    with qtbot.waitSignal(editor.preview_ready, timeout=5000) as preview:
        qtbot.keyClick(editor.table, Qt.Key.Key_1)
    assert cell.data() == "1 - Very high"
    return preview.args[0]


def test_r13_matrix_preview_counts_the_open_incidents_in_changed_cells(
        qtbot, make_context, org):
    moderate_medium = [org.log() for _ in range(3)]  # P3 each
    org.log(impact=Impact.MINOR)  # Minor × Medium: P4, not in the edited cell
    editor = open_matrix(qtbot, make_context("owner"))
    assert editor.reprioritise.isHidden()
    assert _tighten_moderate_medium(qtbot, editor) == 3
    cells = dict(editor.model.cells)
    assert preview_matrix(org.as_("owner"), cells) == 3
    assert "3 open incident" in editor.preview_label.text()
    assert "from now on" in editor.preview_label.text()
    assert editor.save_button.isEnabled()
    # offered with the preview, never the default
    assert not editor.reprioritise.isHidden()
    assert not editor.reprioritise.isChecked()
    assert "3 open incident" in editor.reprioritise.text()

    editor.save()
    qtbot.waitUntil(lambda: "Matrix saved" in editor.bar.text(), timeout=5000)
    assert "from now on" in editor.bar.text()
    for incident_id in moderate_medium:
        assert incident_view(org.as_("owner"), incident_id).incident.priority == 3
    # the offer goes with the preview, which is read again after the save
    qtbot.waitUntil(lambda: not editor.dirty and editor.reprioritise.isHidden(), timeout=5000)


def test_r13_matrix_editor_reprioritises_open_incidents_when_asked(qtbot, make_context, org):
    moderate_medium = [org.log() for _ in range(2)]
    org.clock.advance(minutes=40)
    editor = open_matrix(qtbot, make_context("owner"))
    assert _tighten_moderate_medium(qtbot, editor) == 2
    editor.reprioritise.setChecked(True)
    editor.save()
    qtbot.waitUntil(lambda: "Matrix saved" in editor.bar.text(), timeout=5000)
    assert "2 open incident" in editor.bar.text()
    for incident_id in moderate_medium:
        view = incident_view(org.as_("owner"), incident_id)
        assert view.incident.priority == 1
        [assign] = [c for c in view.clocks if c.stage == "assign"]
        assert assign.started_at == org.clock.now()  # counted from the change
    qtbot.waitUntil(lambda: not editor.dirty, timeout=5000)


def test_r04_matrix_is_read_only_for_anyone_but_the_process_owner(qtbot, make_context, org):
    editor = open_matrix(qtbot, make_context("manager"))
    cell = editor.model.index(0, 0)
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable
    assert not editor.save_button.isEnabled()
    assert "“Process administration” is for Process owner" in editor.save_button.toolTip()
    assert "Read-only" in editor.bar.text()
    editor.table.setCurrentIndex(cell)
    qtbot.keyClick(editor.table, Qt.Key.Key_4)
    assert cell.data() == "1 - Very high"
    # even if the UI let them, the core refuses
    editor.model.editable = True
    editor.model.setData(cell, 4)
    editor.save()
    qtbot.waitUntil(lambda: "is for Process owner" in editor.bar.text() and
                    editor.bar.kind == "error", timeout=5000)
    owner_view = open_matrix(qtbot, make_context("owner"))
    assert owner_view.model.index(0, 0).data() == "1 - Very high"


def test_admin_window_loads_every_tab_for_the_owner(qtbot, make_context, org):
    window = AdminWindow(make_context("owner"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded, timeout=10000)
    users = window.pages["users"]
    assert users.model.rowCount() == len(lists.users(org.as_("owner")))
    targets = window.pages["targets"]
    assert targets.model.rowCount() == 12
    assert window.pages["settings"].days.value() == 5


def test_r04_admin_tabs_are_read_only_for_others(qtbot, make_context, org):
    window = AdminWindow(make_context("desk"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded, timeout=10000)
    tab = window.pages["wait_codes"]
    assert not tab.save_button.isEnabled()
    assert not tab.new_button.isEnabled()
    assert not tab.name_en.isEnabled()
    assert "Process administration" in tab.save_button.toolTip()


def test_wait_code_saved_from_its_tab_and_system_codes_protected(qtbot, make_context, org):
    tab = CodesTab(make_context("owner"), "wait")
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=5000)
    system_row = tab.model.row_of(lambda r: r.system)
    tab.table.selectRow(system_row)
    assert not tab.code.isEnabled() and not tab.active.isEnabled()
    assert "System codes" in tab.system_note.text()
    tab.new()
    tab.code.setText("awaiting_approval")
    tab.name_en.setText("Awaiting approval")
    tab.save()
    assert tab.errors.message("name_zh") == "This field is required."
    tab.name_zh.setText("等待审批")
    tab.save()
    qtbot.waitUntil(lambda: tab.model.row_of(lambda r: r.code == "awaiting_approval") >= 0,
                    timeout=5000)
    assert tab.current.code == "awaiting_approval"
    assert "Saved" in tab.bar.text()


def test_two_administrators_editing_the_same_category_conflict(qtbot, make_context, org):
    first = CategoriesTab(make_context("owner"))
    second = CategoriesTab(make_context("owner"))
    for tab in (first, second):
        qtbot.addWidget(tab)
        tab.show()
        qtbot.waitUntil(lambda t=tab: t.loaded, timeout=5000)
        row = tab.model.row_of(lambda r: r.code == "network")
        tab.table.selectRow(row)
    first.name_en.setText("Network and Wi-Fi")
    first.name_en.textEdited.emit(first.name_en.text())
    second.name_en.setText("LAN")
    second.name_en.textEdited.emit(second.name_en.text())
    first.save()
    qtbot.waitUntil(lambda: "Saved" in first.bar.text(), timeout=5000)
    second.save()
    qtbot.waitUntil(lambda: second.bar.kind == "error", timeout=5000)
    assert "changed by someone else" in second.bar.text()
    assert second.name_en.text() == "LAN"  # kept, not overwritten, not lost
    assert second.revert_button.isEnabled()
    second.revert()
    qtbot.waitUntil(lambda: second.name_en.text() == "Network and Wi-Fi", timeout=5000)


def test_lists_refresh_when_reference_data_changes(qtbot, make_context, org):
    context = make_context("owner")
    tab = CodesTab(context, "wait")
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=5000)
    rows = tab.model.rowCount()
    changes = save_wait_code(org.as_("owner"), CodeForm("on_site", "On-site visit", "上门"))
    context.hub.publish(changes)
    qtbot.waitUntil(lambda: tab.model.rowCount() == rows + 1, timeout=5000)


def test_calendar_hours_are_read_and_bad_hours_shown_inline(qtbot, make_context, org):
    assert parse_hours("09:00-12:00, 13:30-18:00") == [(540, 720), (810, 1080)]
    assert parse_hours("") == []
    window = AdminWindow(make_context("owner"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded, timeout=10000)
    tab = window.pages["calendars"]
    tab.table.selectRow(tab.model.row_of(lambda r: r.code == "office"))
    assert tab.day_edits[0].text() == "09:00-12:00, 13:30-18:00"
    assert "Mon–Fri" in tab.model.index(tab.model.row_of(lambda r: r.code == "office"),
                                        3).data()
    tab.day_edits[5].setText("9 to 5")
    tab.day_edits[5].textEdited.emit("9 to 5")
    tab.save()
    assert "9 to 5" in tab.errors.message("weekly")
    tab.day_edits[5].setText("09:00-12:00")
    tab.holidays.setPlainText("2026-10-01 National Day\n2026-13-01 typo")
    tab.save()
    qtbot.waitUntil(lambda: tab.errors.message("holidays") != "", timeout=5000)
    assert tab.errors.message("holidays") == "Enter a date as YYYY-MM-DD."


def test_r09_a_person_who_may_be_phoned_without_a_number_is_flagged(qtbot, make_context, org):
    from desk_app.storage.models import User

    org.store.write(lambda: User.update(phone="").where(User.username == "manager").execute())
    window = AdminWindow(make_context("owner"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded, timeout=10000)
    users = window.pages["users"]
    users.table.selectRow(users.model.row_of(lambda r: r.username == "manager"))
    assert users.phone_hint.isVisible()
    assert "No phone number" in users.phone_hint.text()
    users.phone.setText("13800000001")  # typing a number clears the flag at once
    assert not users.phone_hint.isVisible()
    users.phone.clear()
    users.table.selectRow(users.model.row_of(lambda r: r.username == "owner"))
    assert not users.phone_hint.isVisible()  # the owner is not phoned about escalations
