"""A save the shared file refuses keeps everything typed, says why in the user's language,
and goes through when saved again once the cause is gone: the log form with a folder made
read-only under it and with the write lock held by another process until the retries give
up; an action dialog while another workstation holds maintenance; an admin editor with a
read-only folder; the log form when its file vanishes and when its share drops (a real
filesystem taken away). Real files, real processes."""

from __future__ import annotations

import os
import shutil

import pytest
from PySide6.QtCore import QThreadPool

from desk_app.services.incident import workflow
from desk_app.services.incident.actions import Action
from desk_app.services.session import session_for
from desk_app.storage.opening import open_store
from tests import loopfs
from tests.stations.processes import HOLD_WRITE_LOCK, Workstation, expect_line, finish, spawn_python
from tests.stations.readonly import read_only
from tests.ui.forms.helpers import open_view, wait_version_after
from tests.ui.forms.test_log_form import fill_required, open_form, pick_caller
from ui.admin.process_tabs import CodesTab
from ui.context import UiContext
from ui.operations import ChangeHub
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


def test_log_form_keeps_its_input_when_the_file_vanishes_and_saves_once_it_is_back(
        qtbot, make_context, org):
    """The file is moved away under the open form (a share's folder renamed, the file
    taken away): "cannot be reached", not "restored from a backup"; every typed character
    stays, and the same input saves once the file is back."""
    form = filled_form(qtbot, make_context("desk", "zh"), org)
    before = typed(form)
    away = org.path.with_name("away.sqlite")
    org.path.rename(away)
    try:
        form.submit()
        qtbot.waitUntil(lambda: form.bar.text() != "", timeout=10000)
        assert form.bar.text().startswith("无法访问共享文件夹"), form.bar.text()
        assert typed(form) == before and form.isVisible() and form.save_button.isEnabled()
        assert not org.path.exists()  # nothing made an empty file in its place
    finally:
        away.rename(org.path)
    with qtbot.waitSignal(form.logged, timeout=10000):
        form.submit()  # the file is back: the same input saves
    assert incidents(org) == 1


def test_log_form_keeps_its_input_when_the_share_drops_and_saves_once_it_is_back(
        qtbot, org, tmp_path):
    """A real filesystem taken away under the open form (every read and write fails with an
    I/O error, as on a share whose server went away): "cannot be reached", the text stays,
    and once the share is back the same input saves without reopening anything."""
    reason = loopfs.unavailable()
    if reason is not None:
        pytest.skip(reason)
    image, mountpoint = tmp_path / "share.img", tmp_path / "share"
    with loopfs.loop_mount(image, mountpoint):
        path = mountpoint / "desk.sqlite"
        shutil.copyfile(org.path, path)
        os.sync()
        store = open_store(path, daily_backup=False, lock_test="never")
        try:
            context = UiContext(session_for(store, "desk"), ChangeHub(), "en")
            form = filled_form(qtbot, context, org)
            before = typed(form)
            loopfs.shut_down(mountpoint)  # the share drops
            form.submit()
            qtbot.waitUntil(lambda: form.bar.text() != "", timeout=10000)
            assert form.bar.text().startswith("The shared folder cannot be reached"), \
                form.bar.text()
            assert "damaged" not in form.bar.text()
            assert typed(form) == before and form.save_button.isEnabled()
            with loopfs.comes_back(image, mountpoint):
                with qtbot.waitSignal(form.logged, timeout=10000):
                    form.submit()  # the same input, on the share that came back
                titles = [r[0] for r in store.execute("SELECT title FROM incident")]
                assert titles == [before[5]]
                QThreadPool.globalInstance().waitForDone(10_000)
                store.close()
        finally:
            store.close()
