"""Context where it is needed: what each impact and urgency level means beside the choice
(log form, incident view) and edited by the process owner; a VIP badge in the caller search,
the queue row and the incident header; the caller's open incidents in the log form with one
click to add a note to one instead of logging a duplicate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desk_app.domain.enums import Impact, Urgency
from desk_app.services.admin.levels import levels, save_level_description
from desk_app.services.lists.queues import Queue
from desk_app.storage.models import Incident, Journal
from tests.helpers import close_incident
from tests.ui.forms.helpers import open_view
from tests.ui.forms.test_log_form import open_form, pick_caller
from ui.admin.levels_tab import LevelsTab
from ui.widgets.badges import VIP_COLOR
from ui.widgets.combos import select


# -- impact and urgency levels (R11, R12) -------------------------------------------------------
def test_r11_the_log_form_says_what_the_chosen_impact_and_urgency_mean(
        qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    assert form.impact_meaning.isHidden()  # nothing chosen yet
    select(form.impact, Impact.EXTENSIVE.value)
    assert "whole organisation" in form.impact_meaning.text()
    assert not form.impact_meaning.isHidden()
    assert "within a day" in form.urgency_meaning.text()  # the default, Medium
    select(form.urgency, Urgency.CRITICAL.value)
    assert "at once" in form.urgency_meaning.text()
    index = form.impact.findData(Impact.MINOR.value)
    assert "One person" in form.impact.itemData(index, Qt.ItemDataRole.ToolTipRole)


def test_r11_the_log_form_shows_the_meanings_in_chinese(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk", "zh"))
    select(form.impact, Impact.MINOR.value)
    assert form.impact_meaning.text().startswith("一个人")


def test_r11_the_incident_view_says_what_its_levels_mean(qtbot, make_context, org):
    incident = org.log(impact=Impact.SIGNIFICANT, urgency=Urgency.LOW)
    view = open_view(qtbot, make_context("desk"), incident)
    details = view.details
    assert "department" in details.meanings["impact"].text()
    assert "can wait" in details.meanings["urgency"].text()


def test_r11_the_process_owner_edits_the_meanings(qtbot, make_context, org):
    tab = LevelsTab(make_context("owner"))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=5000)
    assert not tab.save_button.isEnabled()
    english, chinese = tab.edits[("impact", 2)]
    english.setText("A whole department cannot work")
    english.textEdited.emit(english.text())
    chinese.setText("整个部门无法工作")
    assert tab.save_button.isEnabled()
    with qtbot.waitSignal(tab.saved_signal, timeout=5000):
        tab.save()
    level = levels(org.as_("desk"))["impact"][2]
    assert (level.description_en, level.description_zh) == (
        "A whole department cannot work", "整个部门无法工作")
    assert not tab.dirty
    # the log form reads what the owner wrote
    form = open_form(qtbot, make_context("desk"))
    select(form.impact, 2)
    assert form.impact_meaning.text() == "A whole department cannot work"


def test_r04_r11_others_see_the_meanings_read_only(qtbot, make_context, org):
    tab = LevelsTab(make_context("desk"))
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded, timeout=5000)
    english, _ = tab.edits[("urgency", 1)]
    assert english.isReadOnly() and not tab.save_button.isEnabled()
    assert "Read-only" in tab.bar.text()


def test_r11_a_refused_save_keeps_what_was_typed(qtbot, make_context, org):
    tab = LevelsTab(make_context("owner"))
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded, timeout=5000)
    save_level_description(org.as_("owner"), "urgency", 3, "Changed elsewhere", "别处修改")
    english, _ = tab.edits[("urgency", 3)]
    english.setText("Mine")
    english.textEdited.emit("Mine")
    tab.save()
    qtbot.waitUntil(lambda: not tab.pending and tab.bar.text() != "", timeout=5000)
    assert english.text() == "Mine"  # a conflict: nothing typed is lost


# -- VIP badges ----------------------------------------------------------------------------------
def test_the_vip_badge_shows_in_the_caller_search_and_beside_the_chosen_caller(
        qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    form.caller.edit.setFocus()
    qtbot.keyClicks(form.caller.edit, "Victor")
    qtbot.waitUntil(lambda: form.caller.results.rowCount() >= 1, timeout=5000)
    item = form.caller.results.item(0)
    assert item.background().color() == QColor(VIP_COLOR)
    assert item.font().bold() and not item.icon().isNull()
    assert form.caller.vip_badge.isHidden()  # nothing chosen yet


def test_the_vip_badge_beside_the_chosen_caller(qtbot, make_context, org):
    form = open_form(qtbot, make_context("desk"))
    pick_caller(qtbot, form, "Victor")
    assert form.caller.caller.vip
    assert not form.caller.vip_badge.isHidden() and form.caller.vip_badge.text() == "VIP"
    form.caller.set_caller(None)
    assert form.caller.vip_badge.isHidden()


def test_the_vip_badge_in_the_queue_row_and_the_incident_header(qtbot, make_context, org):
    from ui.queue.columns import INDEX
    from ui.queue.model import QueueModel

    incident = org.log(caller_id=org.ids["vip"])
    org.log()  # an ordinary caller's
    model = QueueModel(make_context("desk"))
    model.set_queue(Queue.ALL)
    qtbot.waitUntil(lambda: not model.refreshing and model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: all(model.data(model.index(r, 0)) for r in range(2)),
                    timeout=5000)
    column = INDEX["caller"]
    backgrounds = {model.data(model.index(r, column)):
                   model.data(model.index(r, column), Qt.ItemDataRole.BackgroundRole)
                   for r in range(2)}
    assert backgrounds["Victor VIP"] == QColor(VIP_COLOR)
    assert backgrounds["张伟 Zhang Wei"] is None
    view = open_view(qtbot, make_context("desk"), incident)
    assert not view.vip_badge.isHidden() and view.vip_badge.text() == "VIP"


# -- the caller's open incidents ---------------------------------------------------------------
def test_one_click_adds_a_note_to_the_callers_open_incident_instead_of_a_duplicate(
        qtbot, make_context, org):
    mine = org.log(title="Laptop will not boot")
    before = org.store.read(lambda: Incident.select().count())
    form = open_form(qtbot, make_context("desk"))
    pick_caller(qtbot, form, "Zhang")
    qtbot.waitUntil(lambda: form.suggestions.card("open", mine) is not None, timeout=5000)
    button = form.suggestions.card("open", mine).buttons["note"]
    assert not button.isEnabled()  # nothing typed yet: said up front
    assert "Type what the caller reports" in button.toolTip()
    form.title.setText("Still will not boot")
    form.description.setPlainText("Tried the power cycle; black screen")
    assert button.isEnabled()
    with qtbot.waitSignal(form.logged, timeout=5000) as noted:
        button.click()
    assert noted.args == [mine]
    assert org.store.read(lambda: Incident.select().count()) == before  # no duplicate
    notes = org.store.read(lambda: [j.note for j in Journal.select().where(
        (Journal.incident == mine) & (Journal.action == "note"))])
    assert notes == ["Still will not boot\n\nTried the power cycle; black screen"]
    assert not form.has_unsaved_changes()


def test_a_refused_note_keeps_every_typed_character(qtbot, make_context, org):
    mine = org.log(title="Laptop will not boot")
    form = open_form(qtbot, make_context("desk"))
    pick_caller(qtbot, form, "Zhang")
    qtbot.waitUntil(lambda: form.suggestions.card("open", mine) is not None, timeout=5000)
    form.title.setText("Again")
    form.description.setPlainText("Typed words")
    close_incident(org, mine)  # closed meanwhile: a note is refused (R24)
    form.suggestions.card("open", mine).buttons["note"].click()
    qtbot.waitUntil(lambda: form.bar.text() != "", timeout=5000)
    assert form.title.text() == "Again" and form.description.toPlainText() == "Typed words"
    assert form.caller.caller is not None  # the caller is still chosen
