"""The real ServiceNow event log in ../shared/data (read from there, never copied): a dry run
first, then the import; every incident agrees with the log's last row for it (issue 15's
"Done when"). Skipped where the file is absent; ``test_servicenow_import`` covers the same
cases with rows written by the test."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import pytest

from desk_app.domain.enums import JournalAction
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident.workflow import auto_close
from desk_app.storage.models import (
    CallAttempt,
    CloseCode,
    Escalation,
    ImportReference,
    Incident,
    Journal,
    Notification,
)
from tests.conftest import Org
from tests.core.importing.helpers import refusals, run_import
from tests.helpers import snapshot

SAMPLE = Path(__file__).resolve().parents[4] / "shared" / "data" / \
    "servicenow_incident_event_log_sample.csv"
if not SAMPLE.exists():
    SAMPLE = Path("/work/shared/data/servicenow_incident_event_log_sample.csv")

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="the ServiceNow sample is absent")

#: Incidents of the log that the process cannot take, each with its reason.
REFUSED = {
    "INC0000358": "import.refuse.required",  # no category (R14)
    "INC0000359": "import.refuse.required",
    "INC0000361": "import.refuse.required",
    "INC0000687": "import.refuse.required",
    "INC0000828": "import.refuse.required",
    "INC0000519": "import.refuse.no_close_code",  # closed without a close code (R23)
}


def _log() -> dict[str, list[dict[str, str]]]:
    """The log's rows per incident, in the order of their updates."""
    by_number: dict[str, list[dict[str, str]]] = defaultdict(list)
    with SAMPLE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_number[row["number"]].append(row)

    def moment(row: dict[str, str]) -> tuple[datetime, int]:
        return (datetime.strptime(row["sys_updated_at"], "%d-%m-%Y %H:%M"),
                int(row["sys_mod_count"]))

    return {n: sorted(rows, key=moment) for n, rows in by_number.items()}


def _pending_periods(rows: list[dict[str, str]]) -> int:
    """How many times the incident went into an "Awaiting …" state (or from one into
    another): each is a pending period with its wait code. A transfer made while awaiting
    ends the period and starts another: R05 lets a pending incident make no move until it
    is resumed, so the transfer comes between a resume and a new pend."""
    periods, previous, count = 0, "", "0"
    for row in rows:
        state = row["incident_state"]
        if state.startswith("Awaiting") and (
                state != previous or row["reassignment_count"] != count):
            periods += 1
        previous, count = state, row["reassignment_count"]
    return periods


def test_the_servicenow_sample_imports_as_the_log_says(org: Org) -> None:
    owner = org.as_("owner")
    before = snapshot(org.store)
    dry = run_import(owner, SAMPLE, "servicenow", dry_run=True)
    assert snapshot(org.store) == before  # a dry run changes nothing
    assert (dry.rows, dry.incidents, dry.added, len(dry.refused)) == (2989, 445, 439, 6)
    assert refusals(dry) == REFUSED

    report = run_import(owner, SAMPLE, "servicenow")
    assert (report.added, report.updated, report.unchanged) == (439, 0, 0)
    assert refusals(report) == REFUSED

    log = _log()
    refs = {r.external_key: r.local_id for r in ImportReference.select().where(
        ImportReference.kind == "incident")}
    assert len(refs) == 439
    incidents = {i.id: i for i in Incident.select().where(Incident.id.in_(list(refs.values())))}
    codes = {c.id: c.name_en for c in CloseCode.select()}
    pends: dict[int, int] = defaultdict(int)
    for incident_id, in Journal.select(Journal.incident).where(
            Journal.action == JournalAction.PEND.value).tuples():
        pends[incident_id] += 1
    states = {"Closed": "closed"}
    agree = {"stage": 0, "transfers": 0, "pending": 0, "close_code": 0}
    for number, local in refs.items():
        last = log[number][-1]
        incident = incidents[local]
        agree["stage"] += incident.stage == states[last["incident_state"]]
        agree["transfers"] += incident.reassignment_count == int(last["reassignment_count"])
        agree["pending"] += pends[local] == _pending_periods(log[number])
        agree["close_code"] += codes[incident.close_code_id] == last["closed_code"]
    assert agree == {"stage": 439, "transfers": 439, "pending": 439, "close_code": 439}
    assert sum(pends.values()) == 204
    # the past stays past: nothing escalates, notifies, calls or closes itself
    assert Escalation.select().count() == 0
    assert Notification.select().count() == 0 and CallAttempt.select().count() == 0
    assert not scan(org.store, org.clock).escalations
    assert not auto_close(org.store, org.clock).incidents

    after = snapshot(org.store)
    again = run_import(owner, SAMPLE, "servicenow")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 439)
    assert snapshot(org.store) == after  # importing again changes nothing
