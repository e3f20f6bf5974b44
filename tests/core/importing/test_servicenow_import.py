"""ServiceNow's event log becomes each incident's history (issue 15), by the process' own
moves, with nothing of the past firing again."""

from __future__ import annotations

import json
from contextlib import nullcontext
from datetime import timedelta
from pathlib import Path

import pytest

from desk_app.domain.enums import JournalAction, Stage
from desk_app.errors import PermissionDenied
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident.log import IncidentFields, update_incident
from desk_app.services.incident.workflow import auto_close
from desk_app.storage.models import (
    Category,
    CloseCode,
    Escalation,
    ImportReference,
    Incident,
    Journal,
    Notification,
    TargetClock,
    WaitCode,
)
from tests.conftest import Org
from tests.core.importing.fixtures import SN_HEADER, servicenow_log, sn_row, write_csv
from tests.core.importing.helpers import refusals, run_import
from tests.helpers import snapshot


def _incident(org: Org, number: str, source: str = "servicenow") -> Incident:
    ref = ImportReference.get((ImportReference.source == source)
                              & (ImportReference.kind == "incident")
                              & (ImportReference.external_key == number))
    return Incident.get_by_id(ref.local_id)


def _journal(incident: Incident) -> list[Journal]:
    return list(Journal.select().where(Journal.incident == incident.id).order_by(Journal.id))


def test_dry_run_lists_each_refused_row_with_its_reason_and_changes_nothing(
        org: Org, tmp_path: Path) -> None:
    log = servicenow_log(tmp_path / "log.csv")
    before = snapshot(org.store)
    report = run_import(org.as_("owner"), log, "servicenow", dry_run=True)
    assert snapshot(org.store) == before
    assert (report.rows, report.incidents, report.added) == (26, 6, 4)
    assert refusals(report) == {"INC4": "import.refuse.no_close_code",  # R23
                                "INC5": "rule.closed_final"}  # R24
    lines = {r.number: r.line for r in report.refused}
    assert lines == {"INC4": 21, "INC5": 25}  # the row that breaks the rule
    assert report.created["group"] == ["Group 1", "Group 2", "Group 3"]


def test_r05_r06_r16_history_is_rebuilt_from_the_log(org: Org, tmp_path: Path) -> None:
    report = run_import(org.as_("owner"), servicenow_log(tmp_path / "log.csv"), "servicenow")
    assert (report.added, report.updated, report.unchanged) == (4, 0, 0)
    with nullcontext():  # the models read the store bound last
        two = _incident(org, "INC2")
        assert two.stage == Stage.CLOSED.value
        assert two.reassignment_count == 3  # R06, as the log's last row says
        assert two.priority == 2 and two.urgency == 2  # "1 - High" urgency is our High
        assert CloseCode.get_by_id(two.close_code_id).name_en == "code 2"
        actions = [j.action for j in _journal(two)]
        assert actions.count(JournalAction.TRANSFER.value) == 3
        assert actions.count(JournalAction.PEND.value) == 2
        assert actions.count(JournalAction.RESUME.value) == 2
        assert actions.count(JournalAction.REJECT.value) == 1  # ServiceNow's reopen (R05)
        waits = [json.loads(j.changes)["wait_code"][1] for j in _journal(two)
                 if j.action == JournalAction.PEND.value]
        assert [WaitCode.get_by_id(w).code for w in waits] == ["awaiting_caller",
                                                                  "awaiting_vendor"]
        # R07: the third transfer escalated in the past, not here
        assert Escalation.select().count() == 0 and Notification.select().count() == 0

        three = _incident(org, "INC3")
        steps = [(j.action, j.note) for j in _journal(three)]
        assert (JournalAction.ACCEPT.value, "import.implied") in steps  # R05: no shortcut
        assert steps[-1][0] == JournalAction.CLOSE.value
        assert three.closed_at is not None and three.confirmed_at == three.closed_at
        assert Category.get_by_id(three.category_id).name_en == "Category 2"


def test_an_open_incident_counts_its_targets_from_the_import_not_from_the_past(
        org: Org, tmp_path: Path) -> None:
    run_import(org.as_("owner"), servicenow_log(tmp_path / "log.csv"), "servicenow")
    with nullcontext():  # the models read the store bound last
        six = _incident(org, "INC6")
        assert six.stage == Stage.IN_PROGRESS.value
        running = TargetClock.get((TargetClock.incident == six.id)
                                  & (TargetClock.stage == "resolve"))
        assert running.started_at == org.clock.now()
        assert six.next_deadline is not None and six.next_deadline > org.clock.now()
    escalated = scan(org.store, org.clock)  # the 2016 deadlines are long gone: nothing
    assert not escalated.escalations
    org.clock.advance(days=30)
    assert scan(org.store, org.clock).escalations  # from the import on, the rules apply


def test_importing_again_changes_nothing_and_a_later_export_adds_and_updates(
        org: Org, tmp_path: Path) -> None:
    log = servicenow_log(tmp_path / "log.csv")
    owner = org.as_("owner")
    run_import(owner, log, "servicenow")
    before = snapshot(org.store)
    again = run_import(owner, log, "servicenow")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert snapshot(org.store) == before

    later = tmp_path / "later.csv"
    rows = [dict(r) for r in __import__("csv").DictReader(log.open())]
    rows.append(sn_row("INC6", "Resolved", 2, "05-03-2016 10:00", assignee="Resolver 2"))
    rows.append(sn_row("INC7", "New", 0, "06-03-2016 09:00"))
    write_csv(later, rows, SN_HEADER)
    report = run_import(owner, later, "servicenow")
    assert (report.added, report.updated, report.unchanged) == (1, 1, 3)
    with nullcontext():  # the models read the store bound last
        six = _incident(org, "INC6")
        assert six.stage == Stage.RESOLVED.value
        assert not TargetClock.select().where(TargetClock.incident == six.id).exists()
        assert Incident.select().count() == 5 + _org_incidents(before)


def _org_incidents(before: dict[str, list[tuple]]) -> int:
    return len(before["incident"]) - 4


def test_an_incident_changed_here_since_its_import_is_not_overwritten(
        org: Org, tmp_path: Path) -> None:
    log = servicenow_log(tmp_path / "log.csv")
    owner = org.as_("owner")
    run_import(owner, log, "servicenow")
    with nullcontext():  # the models read the store bound last
        six = _incident(org, "INC6")
    update_incident(org.as_("desk"), six.id, IncidentFields(title="Printer on 3rd floor"))
    rows = [dict(r) for r in __import__("csv").DictReader(log.open())]
    rows.append(sn_row("INC6", "Resolved", 2, "05-03-2016 10:00", assignee="Resolver 2"))
    later = write_csv(tmp_path / "later.csv", rows, SN_HEADER)
    report = run_import(owner, later, "servicenow")
    assert refusals(report)["INC6"] == "import.refuse.changed_here"
    with nullcontext():  # the models read the store bound last
        assert _incident(org, "INC6").title == "Printer on 3rd floor"


def test_value_mapping_is_remembered_for_the_next_import(org: Org, tmp_path: Path) -> None:
    owner = org.as_("owner")
    first = write_csv(tmp_path / "a.csv", [sn_row("INC1", "New", 0, "01-03-2016 09:00",
                                                  category="Netz")], SN_HEADER)
    run_import(owner, first, "servicenow",
               given={"values": {"category": {"Netz": "network"}}})
    second = write_csv(tmp_path / "b.csv", [sn_row("INC2", "New", 0, "01-03-2016 09:00",
                                                   category="Netz")], SN_HEADER)
    run_import(owner, second, "servicenow")
    with nullcontext():  # the models read the store bound last
        assert _incident(org, "INC2").category_id == org.ids["cat_network"]
        assert not Category.select().where(Category.name_en == "Netz").exists()


def test_unknown_values_are_refused_when_the_person_says_so(org: Org, tmp_path: Path) -> None:
    log = servicenow_log(tmp_path / "log.csv")
    report = run_import(org.as_("owner"), log, "servicenow", dry_run=True,
                        given={"unknown": {"category": "+refuse"}})
    assert set(refusals(report).values()) >= {"import.refuse.unknown_value"}
    assert report.added == 0


def test_r23_an_imported_resolved_incident_is_not_closed_for_the_past(
        org: Org, tmp_path: Path) -> None:
    log = write_csv(tmp_path / "r.csv", [
        sn_row("INC9", "New", 0, "01-03-2016 09:00"),
        sn_row("INC9", "Resolved", 1, "01-03-2016 10:00")], SN_HEADER)
    run_import(org.as_("owner"), log, "servicenow")
    assert not auto_close(org.store, org.clock).incidents
    org.clock.advance(days=6)
    assert len(auto_close(org.store, org.clock).incidents) == 1  # counted from the import


def test_r04_only_the_process_owner_imports(org: Org, tmp_path: Path) -> None:
    log = servicenow_log(tmp_path / "log.csv")
    before = snapshot(org.store)
    with pytest.raises(PermissionDenied):
        run_import(org.as_("desk"), log, "servicenow")
    assert snapshot(org.store) == before


def test_imported_history_reads_in_both_languages(org: Org, tmp_path: Path) -> None:
    from desk_app.services.incident.history import note_text
    from desk_app.services.incident.queries import incident_view

    run_import(org.as_("owner"), servicenow_log(tmp_path / "log.csv"), "servicenow")
    with nullcontext():  # the models read the store bound last
        three = _incident(org, "INC3")
    view = incident_view(org.as_("owner"), three.id)
    notes = {lang: [note_text(e, lang) for e in view.journal] for lang in ("en", "zh")}
    assert "Implied by the imported history" in notes["en"]
    assert "由导入的历史推断" in notes["zh"]
    assert timedelta(0) <= three.updated_at - three.created_at
