"""Bulk work in the workstation, against a real file: the context menu of a queue and of
search results (enabled as the core would accept), a bulk transfer of 500 incidents with
its progress dialog and summary, cancel, Ctrl+C, export of the whole queue, printing to
Qt's PDF writer, and saved queues in the sidebar with their counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from desk_app.services.bulk.actions import BulkAction, BulkInput, offers, run_bulk
from desk_app.services.bulk.saved_queues import Conditions, SavedQueueForm, create_queue
from desk_app.services.incident import workflow
from desk_app.services.lists.queues import Queue
from desk_app.storage.models import Incident
from tests.conftest import Org
from tests.ui.bulk.test_print_lists import pdf_printer
from tests.ui.shell_fixtures import (
    FAIL_ON_QT_WARNINGS,
    app_settings,
    context_for,
    english,
    wait_loaded,
)
from ui.bulk import output
from ui.bulk.dialogs import BulkInputDialog, SummaryDialog
from ui.main_window import MainWindow

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


def open_window(qtbot: QtBot, org: Org, who: str = "desk") -> MainWindow:
    main = MainWindow(context_for(org, who), watch=False)
    qtbot.addWidget(main)
    main.resize(1200, 700)
    main.show()
    qtbot.waitExposed(main)
    main.show_queue(Queue.ALL)
    wait_loaded(qtbot, main.queue_view.model)
    return main


def select_all(main: MainWindow) -> None:
    main.queue_view.table.selectAll()


def entries(menu: object) -> dict[str, object]:
    return {a.objectName(): a for a in menu.actions() if a.objectName()}  # type: ignore[attr-defined]


def summary_of(main: MainWindow) -> SummaryDialog:
    summary = main.bulk.queue_actions.last_summary
    assert summary is not None
    return summary


def test_the_menu_enables_what_the_core_would_accept(qtbot: QtBot, org: Org,
                                                     app_settings: object,
                                                     english: None) -> None:
    logged = org.log(title="Printer")
    assigned = org.log(title="VPN")
    workflow.assign(org.as_("desk"), assigned)
    main = open_window(qtbot, org)
    select_all(main)
    menu = main.bulk.queue_actions.menu()
    found = entries(menu)
    assert found["bulk_assign"].isEnabled()  # type: ignore[attr-defined]
    assert found["bulk_assign"].text() == "Assign… (1 of 2)"  # type: ignore[attr-defined]
    assert found["bulk_note"].text() == "Add a note…"  # type: ignore[attr-defined]
    resume = found["bulk_resume"]
    assert not resume.isEnabled()  # type: ignore[attr-defined]
    assert resume.toolTip() == "The incident is not pending."  # type: ignore[attr-defined]
    assert not found["bulk_acknowledge"].isEnabled()  # type: ignore[attr-defined]
    assert not found["bulk_print_incident"].isEnabled()  # type: ignore[attr-defined]
    assert logged in main.queue_view.selected_ids()
    menu.deleteLater()


def test_the_input_dialog_asks_before_and_never_refuses_after(qtbot: QtBot, org: Org,
                                                              app_settings: object,
                                                              english: None) -> None:
    ids = [org.log() for _ in range(2)]
    for i in ids:
        workflow.assign(org.as_("desk"), i)
    main = open_window(qtbot, org)
    offer = offers(org.as_("desk"), ids)[BulkAction.TRANSFER]
    dialog = BulkInputDialog(main.context, BulkAction.TRANSFER, offer, main)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "a category or a level" in dialog.hint.text() and "note" in dialog.hint.text()
    dialog.category.setCurrentIndex(2)  # type: ignore[union-attr]
    assert not ok.isEnabled()
    dialog.note.setPlainText("To applications")
    assert ok.isEnabled() and dialog.hint.text() == ""
    given = dialog.bulk_input()
    assert given.note == "To applications" and given.category_id is not None


def test_r06_a_bulk_transfer_of_500_shows_progress_and_its_summary(
        qtbot: QtBot, org: Org, app_settings: object, english: None) -> None:
    ids = [org.log(title=f"Outage {n}") for n in range(500)]
    run_bulk(org.as_("desk"), BulkAction.ASSIGN, ids)
    workflow.accept(org.as_("net1"), ids[0])
    workflow.resolve(org.as_("net1"), ids[0], resolution="fixed")  # cannot be transferred
    main = open_window(qtbot, org)
    select_all(main)
    chosen = main.queue_view.selected_ids()
    assert len(chosen) == 500
    actions = main.bulk.queue_actions
    actions.run(BulkAction.TRANSFER, chosen,
                BulkInput(note="Mail outage", category_id=org.ids["cat_email"]))
    qtbot.waitUntil(lambda: main.findChild(QProgressDialog, "bulkProgress") is not None
                    or actions.last_summary is not None, timeout=5000)
    qtbot.waitUntil(lambda: actions.last_summary is not None, timeout=120_000)
    summary = summary_of(main)
    assert summary.headline.text() == "499 of 500 incident(s) done; 1 refused."
    assert summary.table.rowCount() == 1
    assert summary.table.item(0, 0).text() == Incident.get_by_id(ids[0]).number
    assert "Transfer" in summary.table.item(0, 1).text()
    assert Incident.select().where(Incident.group == org.ids["apps"]).count() == 499
    summary.copy()
    assert QApplication.clipboard().text().startswith("499 of 500")
    # the queue and counts refresh after the run
    qtbot.waitUntil(lambda: main.navigator.list_model.counts.get(Queue.ALL) == 500)


def test_cancel_stops_between_incidents(qtbot: QtBot, org: Org, app_settings: object,
                                        english: None) -> None:
    ids = [org.log() for _ in range(200)]
    main = open_window(qtbot, org)
    actions = main.bulk.queue_actions
    actions.run(BulkAction.NOTE, ids, BulkInput(note="checked"))
    progress = main.findChild(QProgressDialog, "bulkProgress")
    assert progress is not None  # 200 incidents: the dialog with its Cancel button
    progress.findChild(QPushButton).click()  # Cancel
    qtbot.waitUntil(lambda: actions.last_summary is not None, timeout=60_000)
    result = actions.last_summary.result  # type: ignore[union-attr]
    assert result.cancelled and len(result.done) + len(result.not_reached) == 200
    assert "were not reached" in summary_of(main).headline.text()


def test_ctrl_c_copies_rows_with_a_header(qtbot: QtBot, org: Org, app_settings: object,
                                          english: None) -> None:
    org.log(title="网络中断")
    org.log(title="Printer jam")
    main = open_window(qtbot, org)
    QApplication.clipboard().clear()
    table = main.queue_view.table
    table.setFocus()
    select_all(main)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.clipboard().text() != "", timeout=5000)
    lines = QApplication.clipboard().text().split("\r\n")
    assert lines[0].startswith("Number\tPriority\tStage") and len(lines) == 4
    assert {"网络中断", "Printer jam"} <= {line.split("\t")[4] for line in lines[1:3]}


def test_export_writes_the_whole_queue_not_only_what_is_loaded(
        qtbot: QtBot, org: Org, app_settings: object, english: None, tmp_path: Path) -> None:
    run_bulk(org.as_("desk"), BulkAction.NOTE, [org.log(title=f"n{n}") for n in range(250)],
             BulkInput(note="x"))
    main = open_window(qtbot, org)
    main.queue_view.model.chunk = 100
    done: list[object] = []
    path = tmp_path / "all.csv"
    output.export_list(main.context, main, main.bulk._queue_reader(), path, "csv", "All",
                       250, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    lines = path.read_bytes().decode("utf-8-sig").splitlines()
    assert len(lines) == 251 and lines[0].startswith("Number,")


def test_print_a_queue_and_an_incident_to_pdf(qtbot: QtBot, org: Org, app_settings: object,
                                             english: None, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    incident = org.log(title="VPN")
    workflow.assign(org.as_("desk"), incident)
    main = open_window(qtbot, org)
    pages: list[Path] = []

    def to_pdf(_parent: object, html: str, _title: str) -> None:
        path = tmp_path / f"page{len(pages)}.pdf"
        output.write_pdf(html, path)
        pages.append(path)

    monkeypatch.setattr(output, "printer", to_pdf)
    listed = tmp_path / "list.pdf"
    monkeypatch.setattr(output, "list_printer", lambda _p, _t: pdf_printer(listed))
    main.bulk.queue_actions.print_list()
    qtbot.waitUntil(lambda: listed.exists(), timeout=10_000)
    pages.append(listed)
    main.bulk.queue_actions.print_incident(incident)
    qtbot.waitUntil(lambda: len(pages) == 2, timeout=10_000)
    for page in pages:
        data = page.read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 1000


def test_saved_queues_show_in_the_sidebar_with_counts(qtbot: QtBot, org: Org,
                                                      app_settings: object,
                                                      english: None) -> None:
    org.log(title="VIP printer", caller_id=org.ids["vip"])
    org.log(title="Plain")
    create_queue(org.as_("manager"), SavedQueueForm("Team VIP", Conditions(vip=True),
                                                    shared=True))
    main = open_window(qtbot, org)
    pane = main.bulk.pane
    qtbot.waitUntil(lambda: pane.list.count() == 1, timeout=5000)
    assert pane.list.item(0).text() == "Team VIP  (1)"
    pane._clicked(pane.list.item(0))
    qtbot.waitUntil(lambda: main.queue_view.model.rowCount() == 1, timeout=5000)
    assert main.tabs.tabText(0) == "Team VIP (1)"
    assert main.navigator.current_queue() is None
    # the editor builds one; its count follows the conditions
    editor = pane.edit(None)
    qtbot.addWidget(editor)
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    editor.name.setText("Plain ones")
    editor.words.setText("Plain")
    qtbot.waitUntil(lambda: editor.count.text() == "1 incident(s) match now.", timeout=5000)
    with qtbot.waitSignal(pane.saved, timeout=5000):
        save.click()
    qtbot.waitUntil(lambda: pane.list.count() == 2, timeout=5000)
    assert [pane.list.item(i).text() for i in range(2)] == ["Plain ones  (1)",
                                                           "Team VIP  (1)"]
    # a standard queue again
    main.show_queue(Queue.ALL)
    qtbot.waitUntil(lambda: main.queue_view.model.rowCount() == 2, timeout=5000)


def test_a_refused_save_keeps_everything_chosen(qtbot: QtBot, org: Org,
                                                app_settings: object, english: None) -> None:
    create_queue(org.as_("desk"), SavedQueueForm("Mine", Conditions()))
    main = open_window(qtbot, org)
    editor = main.bulk.pane.edit(None)
    qtbot.addWidget(editor)
    editor.name.setText("Mine")
    editor.words.setText("printer")
    editor.save()
    qtbot.waitUntil(lambda: editor.problem.isVisible(), timeout=5000)
    assert "already have a queue with this name" in editor.problem.text()
    assert editor.isVisible() and editor.words.text() == "printer"


def test_search_results_have_the_menu_too(qtbot: QtBot, org: Org, app_settings: object,
                                          english: None) -> None:
    org.log(title="网络中断 one")
    org.log(title="网络中断 two")
    main = open_window(qtbot, org)
    with qtbot.waitSignal(main.search_panel.searched, timeout=5000):
        main.search("网络")
    main.search_panel.table.selectAll()
    menu = main.bulk.search_actions.menu()
    assert entries(menu)["bulk_note"].isEnabled()  # type: ignore[attr-defined]
    assert len(main.bulk._search_selected()) == 2
    assert sorted(main.bulk._search_reader()()) == sorted(h.id for h in
                                                          main.search_panel.model.hits)
    menu.deleteLater()


def test_r22_a_bulk_close_asks_each_caller_s_answer(qtbot: QtBot, org: Org,
                                                    app_settings: object,
                                                    english: None) -> None:
    """Closing several incidents at once, each caller's satisfaction is given in its row;
    OK is enabled once every incident has an answer (its own, or the one for all)."""
    from desk_app.storage.models import CloseCode
    from tests.core.bulk.test_bulk_actions import resolved
    from ui.widgets.combos import select

    first, second = resolved(org), resolved(org)
    main = open_window(qtbot, org)
    offer = offers(org.as_("desk"), [first, second])[BulkAction.CLOSE]
    dialog = BulkInputDialog(main.context, BulkAction.CLOSE, offer, main, [first, second])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.answers is not None and dialog.answers.rowCount() == 2
    assert dialog.answers.item(0, 0).text() == Incident.get_by_id(first).number
    select(dialog.close_code, CloseCode.get(CloseCode.code == "solved").id)  # type: ignore[arg-type]
    dialog.note.setPlainText("Called back")
    dialog.answer_spin(0).setValue(5)
    assert not ok.isEnabled() and "satisfaction" in dialog.hint.text()
    dialog.answer_spin(1).setValue(2)
    assert ok.isEnabled()
    given = dialog.bulk_input()
    assert given.satisfactions == ((first, 5), (second, 2))
    result = run_bulk(org.as_("desk"), BulkAction.CLOSE, [first, second], given)
    assert result.done == [first, second]
    assert [Incident.get_by_id(i).satisfaction for i in (first, second)] == [5, 2]
    dialog.answer_spin(1).setValue(0)  # back to "(as for all)": the value for all counts
    assert not ok.isEnabled()
    dialog.satisfaction.setValue(4)  # type: ignore[union-attr]
    assert ok.isEnabled() and dialog.bulk_input().satisfaction_of(second) == 4
