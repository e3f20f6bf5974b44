"""The callers tab (R02, R04, R12): the service desk keeps the callers it logs for, the VIP
flag decides the default urgency, a caller who left is retired, two editors conflict."""

from __future__ import annotations

from desk_app.domain.enums import Urgency
from desk_app.services.admin.people import CallerForm, save_caller
from desk_app.services.incident import choices
from tests.ui.forms.test_log_form import open_form, pick_caller
from ui.admin.callers_tab import CallersTab
from ui.admin.window import AdminWindow
from ui.widgets.combos import select, value


def open_tab(qtbot, context) -> CallersTab:
    tab = CallersTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=5000)
    return tab


def names(tab: CallersTab) -> list[str]:
    return [tab.model.row_at(r).name for r in range(tab.model.rowCount())]


def type_into(widget, text: str) -> None:
    widget.setText(text)
    widget.textEdited.emit(text)


def test_r12_the_desk_records_a_vip_caller_whose_incidents_default_to_high(
        qtbot, make_context, org):
    context = make_context("desk")
    tab = open_tab(qtbot, context)
    assert names(tab) == ["Victor VIP", "张伟 Zhang Wei"]
    assert tab.count_label.text() == "Callers: 2"
    assert tab.vip_hint.text() == ("New incidents of a VIP caller default to urgency High; "
                                   "others to Medium (R12).")
    tab.new()
    assert tab.name.hasFocus() and tab.form_box.title() == "New record"
    tab.save()
    assert tab.errors.message("name") == "This field is required."
    type_into(tab.name, "Chen Min")
    type_into(tab.phone, "1" * 41)  # the core's limit, shown at the field
    select(tab.department, org.ids["dept_it"])
    tab.vip.setChecked(True)
    tab.save()
    qtbot.waitUntil(lambda: tab.errors.message("phone") != "", timeout=5000)
    assert "40" in tab.errors.message("phone")
    assert tab.name.text() == "Chen Min"  # nothing typed is lost
    type_into(tab.phone, "13700000000")
    tab.save()
    qtbot.waitUntil(lambda: "Chen Min" in names(tab), timeout=5000)
    qtbot.waitUntil(lambda: tab.current is not None and getattr(tab.current, "name", "")
                    == "Chen Min", timeout=5000)
    assert tab.current.vip and tab.current.department_id == org.ids["dept_it"]
    assert "Saved" in tab.bar.text()

    form = open_form(qtbot, context)  # the same workstation logs for the new caller
    pick_caller(qtbot, form, "Chen")
    assert form.caller.caller.vip
    assert value(form.urgency) == Urgency.HIGH.value


def test_callers_are_searched_and_a_retired_caller_is_no_longer_offered(
        qtbot, make_context, org):
    tab = open_tab(qtbot, make_context("desk"))
    tab.search.setText("1390000")
    qtbot.waitUntil(lambda: names(tab) == ["张伟 Zhang Wei"], timeout=5000)
    assert tab.count_label.text() == "Found: 1"
    assert tab.form_box.title() == "张伟 Zhang Wei"
    tab.active.setChecked(False)  # retire
    tab.save()
    qtbot.waitUntil(lambda: tab.current is not None and not tab.current.active, timeout=5000)
    assert tab.form_box.title() == "张伟 Zhang Wei (retired)"
    assert tab.model.index(0, 4).data() == "no"
    assert choices.find_callers(org.as_("desk"), "Zhang") == []  # the lookup skips them
    tab.search.setText("Zhang")
    qtbot.waitUntil(lambda: tab.count_label.text() == "Found: 1", timeout=5000)
    assert names(tab) == ["张伟 Zhang Wei"]  # retired callers can still be found here
    type_into(tab.location, "Building 2")
    tab.search.setText("nobody at all")
    qtbot.waitUntil(lambda: tab.count_label.text() == "Found: 0", timeout=5000)
    assert names(tab) == ["张伟 Zhang Wei"]  # the caller being edited stays with the edit
    assert tab.location.text() == "Building 2"


def test_two_people_editing_the_same_caller_conflict(qtbot, make_context, org):
    first = open_tab(qtbot, make_context("desk"))
    second = open_tab(qtbot, make_context("manager"))
    for tab in (first, second):
        tab.table.selectRow(names(tab).index("Victor VIP"))
    type_into(first.phone, "13811112222")
    type_into(second.location, "Room 301")
    first.save()
    qtbot.waitUntil(lambda: "Saved" in first.bar.text(), timeout=5000)
    second.save()
    qtbot.waitUntil(lambda: second.bar.kind == "error", timeout=5000)
    assert "changed by someone else" in second.bar.text()
    assert "Revert" in second.bar.text()
    assert second.location.text() == "Room 301"  # kept, not lost, not saved
    assert second.revert_button.isEnabled()
    second.revert()
    qtbot.waitUntil(lambda: second.phone.text() == "13811112222", timeout=5000)
    assert second.location.text() == ""


def test_r04_callers_are_read_only_for_support_staff(qtbot, make_context, org):
    tab = open_tab(qtbot, make_context("net1"))
    assert names(tab) == ["Victor VIP", "张伟 Zhang Wei"]
    assert not tab.new_button.isEnabled() and not tab.save_button.isEnabled()
    assert not tab.name.isEnabled() and not tab.vip.isEnabled()
    assert "Manage callers" in tab.save_button.toolTip()
    assert tab.search.isEnabled()  # looking is allowed


def test_the_desk_reaches_callers_in_the_admin_window(qtbot, make_context, org):
    window = AdminWindow(make_context("desk"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded, timeout=10000)
    assert window.tabs.currentWidget() is window.pages["callers"]
    assert window.pages["callers"].new_button.isEnabled()
    assert "users" not in window.pages  # the staff list is not theirs to read (R04)
    assert not window.pages["groups"].new_button.isEnabled()
    assert window.note is not None
    assert window.note.text().startswith("You can add and change callers here.")


def test_callers_list_follows_changes_from_elsewhere(qtbot, make_context, org):
    context = make_context("desk")
    tab = open_tab(qtbot, context)
    context.hub.publish(save_caller(org.as_("manager"), CallerForm("Bo Another")))
    qtbot.waitUntil(lambda: "Bo Another" in names(tab), timeout=5000)
    save_caller(org.as_("manager"), CallerForm("Cy Elsewhere"))  # another workstation
    context.hub.external.emit()
    qtbot.waitUntil(lambda: "Cy Elsewhere" in names(tab), timeout=5000)


def test_choosing_another_caller_keeps_the_edits(qtbot, make_context, org):
    tab = open_tab(qtbot, make_context("desk"))
    tab.table.selectRow(names(tab).index("Victor VIP"))
    type_into(tab.location, "Room 301")
    tab.table.selectRow(names(tab).index("张伟 Zhang Wei"))
    qtbot.waitUntil(lambda: tab.table.currentIndex().row() == names(tab).index("Victor VIP"),
                    timeout=2000)
    assert tab.location.text() == "Room 301" and tab.current.name == "Victor VIP"
    assert tab.bar.text() == "Save or revert your edits before choosing another record."
    tab.revert()
    qtbot.waitUntil(lambda: tab.location.text() == "", timeout=5000)
    tab.table.selectRow(names(tab).index("张伟 Zhang Wei"))
    assert tab.current.name == "张伟 Zhang Wei"
