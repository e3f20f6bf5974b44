"""A save the shared file refuses keeps everything typed, says why in the user's language,
and goes through when saved again once the cause is gone: the log form with a folder made
read-only under it and with the write lock held by another process until the retries give
up; an action dialog while another workstation holds maintenance; an admin editor with a
read-only folder. Real files, real processes."""

from __future__ import annotations

from desk_app.services import workflow
from desk_app.services.actions import Action
from tests.stations.processes import HOLD_WRITE_LOCK, Workstation, expect_line, finish, spawn_python
from tests.stations.readonly import read_only
from tests.ui.forms.helpers import open_view, wait_version_after
from tests.ui.forms.test_log_form import fill_required, open_form, pick_caller
from ui.admin.process_tabs import CodesTab
from ui.widgets.combos import select


def filled_form(qtbot, context, org):
    form = open_form(qtbot, context)
    pick_caller(qtbot, form, "Zhang")
    fill_required(form, org)
    form.description.setPlainText("Paper stuck in tray 2, since this morning")
    return form


def typed(form) -> tuple:
    return (form.caller.edit.text(), form.caller.caller.id, form.type.currentData(),
            form.category.currentData(), form.impact.currentData(), form.title.text(),
            form.description.toPlainText())


def incidents(org) -> int:
    return org.store.execute("SELECT count(*) FROM incident")[0][0]


def test_log_form_keeps_its_input_when_the_folder_becomes_read_only(qtbot, make_context, org):
    form = filled_form(qtbot, make_context("desk", "zh"), org)
    before = typed(form)
    with read_only(org.path.parent):
        form.submit()
        qtbot.waitUntil(lambda: form.bar.text() != "", timeout=10000)
    assert form.bar.text().startswith("此处只能读取数据库(该文件所在的文件夹对您的账户只读")
    assert typed(form) == before and form.isVisible() and form.save_button.isEnabled()
    assert incidents(org) == 0
    with qtbot.waitSignal(form.logged, timeout=10000):
        form.submit()  # the folder is writable again: the same input saves
    assert incidents(org) == 1


def test_log_form_keeps_its_input_when_another_process_holds_the_lock(qtbot, make_context,
                                                                       org):
    form = filled_form(qtbot, make_context("desk"), org)
    before = typed(form)
    org.store.busy_timeout = 0.1  # give up after seconds, not the program's ~20 s
    holder = spawn_python(HOLD_WRITE_LOCK, org.path)
    expect_line(holder, "held")
    try:
        form.submit()
        qtbot.waitUntil(lambda: form.bar.text() != "", timeout=30000)
    finally:
        finish(holder)
    assert form.bar.text() == ("The database is busy: another workstation is writing to it. "
                               "Your work is kept; try again in a moment.")
    assert typed(form) == before and form.save_button.isEnabled()
    assert incidents(org) == 0
    with qtbot.waitSignal(form.logged, timeout=10000):
        form.submit()
    assert incidents(org) == 1


def test_action_dialog_keeps_its_input_during_maintenance(qtbot, make_context, org):
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    view = open_view(qtbot, make_context("net1"), incident_id)
    dialog = view.open_action(Action.TRANSFER)
    qtbot.waitUntil(lambda: dialog.category.count() > 0, timeout=5000)
    select(dialog.category, org.ids["cat_email"])
    dialog.note.setPlainText("Mail problem, not network")
    other = Workstation(org.path, "desk2")
    try:
        assert other.ask("maintain restore") == "ok"
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.bar.text() != "", timeout=10000)
        assert "desk2 on ws-desk2 is restoring the database" in dialog.bar.text()
        assert dialog.isVisible() and dialog.note.toPlainText() == "Mail problem, not network"
        assert dialog.category.currentData() == org.ids["cat_email"]
        assert other.ask("end") == "ok"
    finally:
        other.close()
    before = view.screen.version
    dialog.submit()
    wait_version_after(qtbot, view, before)
    assert view.screen.view.incident.group_id == org.ids["apps"]


def test_admin_editor_keeps_its_input_when_the_folder_becomes_read_only(qtbot, make_context,
                                                                         org):
    tab = CodesTab(make_context("owner"), "wait")
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=5000)
    tab.new()
    tab.code.setText("awaiting_approval")
    tab.name_en.setText("Awaiting approval")
    tab.name_zh.setText("等待审批")
    with read_only(org.path.parent):
        tab.save()
        qtbot.waitUntil(lambda: tab.bar.kind == "error", timeout=10000)
    assert "folder that holds it is read-only" in tab.bar.text()
    assert (tab.code.text(), tab.name_en.text(), tab.name_zh.text()) == (
        "awaiting_approval", "Awaiting approval", "等待审批")
    tab.save()
    qtbot.waitUntil(lambda: tab.model.row_of(lambda r: r.code == "awaiting_approval") >= 0,
                    timeout=5000)
