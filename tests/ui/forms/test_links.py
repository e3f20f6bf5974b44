"""R24: a closed incident is never reopened; the desk logs a new incident linked to it. The
log form finds the closed incident by number (and refuses others at the field), and both
incident views show the link, clickable."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk_app.services.incident.queries import incident_view
from tests.helpers import close_incident
from tests.ui.forms.helpers import open_view
from tests.ui.forms.test_log_form import fill_required, open_form, pick_caller


def test_r24_the_desk_logs_a_follow_up_of_a_closed_incident(qtbot, make_context, org):
    closed_id = org.log(title="Printer on fire")
    close_incident(org, closed_id)
    still_open = org.log(title="Still open")
    form = open_form(qtbot, make_context("desk"))
    pick_caller(qtbot, form, "Zhang")
    fill_required(form, org)

    field = form.linked
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "INC0099999")
    qtbot.waitUntil(lambda: form.errors.message("linked_incident") != "", timeout=5000)
    assert form.errors.message("linked_incident") == "There is no incident INC0099999."
    form.submit()  # refused at the field; nothing is logged, nothing typed is lost
    assert form.errors.message("linked_incident") == "There is no incident INC0099999."
    assert form.title.text() == "Printer jams"

    field.edit.clear()
    qtbot.keyClicks(field.edit, str(still_open))
    qtbot.waitUntil(lambda: "is not closed" in form.errors.message("linked_incident"),
                    timeout=5000)
    field.edit.clear()
    assert form.errors.message("linked_incident") == ""

    qtbot.keyClicks(field.edit, f"inc{closed_id:07d}")
    qtbot.waitUntil(lambda: field.incident is not None, timeout=5000)
    assert field.info.text().startswith(f"INC{closed_id:07d} · Printer on fire · closed ")
    assert form.errors.message("linked_incident") == ""
    with qtbot.waitSignal(form.logged, timeout=5000) as logged:
        qtbot.keyClick(form.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    view = incident_view(org.as_("desk"), logged.args[0])
    assert view.incident.linked_incident_id == closed_id
    assert form.linked.typed == ""  # the form is empty for the next call


def test_r24_ctrl_enter_right_after_typing_the_number_looks_it_up_first(
        qtbot, make_context, org):
    closed_id = org.log(title="Printer on fire")
    close_incident(org, closed_id)
    form = open_form(qtbot, make_context("desk"))
    pick_caller(qtbot, form, "Zhang")
    fill_required(form, org)
    form.linked.edit.setText(str(closed_id))  # no pause for the typing timer
    with qtbot.waitSignal(form.logged, timeout=5000) as logged:
        form.submit()
    assert incident_view(org.as_("desk"), logged.args[0]).incident.linked_incident_id \
        == closed_id


def test_r24_both_incident_views_show_the_link_and_open_the_other(qtbot, make_context, org):
    closed_id = org.log(title="Printer <on> fire")
    close_incident(org, closed_id)
    follow_up = org.log(linked_incident_id=closed_id, title="Fire again")
    context = make_context("desk")

    view = open_view(qtbot, context, follow_up)
    assert not view.links.isHidden()
    assert view.links.text() == (f'Follows up closed incident <a href="{closed_id}">'
                                 f'INC{closed_id:07d}</a> Printer &lt;on&gt; fire')
    with qtbot.waitSignal(view.open_incident, timeout=2000) as opened:
        view.links.linkActivated.emit(str(closed_id))
    assert opened.args == [closed_id]

    original = open_view(qtbot, context, closed_id)
    assert original.links.text() == (f'Followed up by <a href="{follow_up}">'
                                     f'INC{follow_up:07d}</a> Fire again')
    with qtbot.waitSignal(original.open_incident, timeout=2000) as opened:
        original.links.linkActivated.emit(str(follow_up))
    assert opened.args == [follow_up]
    assert open_view(qtbot, context, org.log()).links.isHidden()  # no link, no line
