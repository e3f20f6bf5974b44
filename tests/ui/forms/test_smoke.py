from ui.incident.log_form import LogIncidentForm


def test_smoke(qtbot, make_context, org):
    form = LogIncidentForm(make_context("desk"))
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.ready)
    qtbot.keyClicks(form.caller.edit, "Zhang")
    qtbot.waitUntil(lambda: form.caller.results.rowCount() == 1)
    form.caller.completer.popup()
