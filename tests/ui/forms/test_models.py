"""Every Qt model of the forms passes Qt's model tester, empty and with rows."""

from __future__ import annotations

from desk_app.services.incident import pending, workflow
from tests.ui.forms.helpers import open_view
from ui.admin.matrix_editor import MatrixEditor, MatrixModel
from ui.admin.process_tabs import CategoriesTab
from ui.incident.targets import ClocksModel
from ui.incident.timeline import TimelineModel
from ui.widgets.rows_model import Column, RowsModel


def test_rows_model(qtmodeltester):
    model = RowsModel([Column("A", lambda r: r[0]), Column("B", lambda r: r[1],
                                                           align_right=True)])
    qtmodeltester.check(model)
    model.set_rows([("a", "1"), ("b", "2"), ("c", "3")])
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_incident_view_models(qtbot, qtmodeltester, make_context, org):
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    pending.set_pending(org.as_("net1"), incident_id, wait_code_id=1)
    context = make_context("desk")
    qtmodeltester.check(TimelineModel(context))
    qtmodeltester.check(ClocksModel(context))
    view = open_view(qtbot, context, incident_id)
    assert view.timeline.model.rowCount() >= 4
    for model in (view.timeline.model, view.targets.clocks, view.targets.history,
                  view.targets.pauses, view.targets.escalations, view.changes.model):
        qtmodeltester.check(model)


def test_matrix_model(qtbot, qtmodeltester, make_context, org):
    qtmodeltester.check(MatrixModel("en"))
    editor = MatrixEditor(make_context("owner"))
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    qtmodeltester.check(editor.model)
    editor.model.setData(editor.model.index(1, 1), 4)
    qtmodeltester.check(editor.model)


def test_admin_list_model(qtbot, qtmodeltester, make_context, org):
    tab = CategoriesTab(make_context("owner"))
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.loaded, timeout=5000)
    assert tab.model.rowCount() == 2
    qtmodeltester.check(tab.model)
