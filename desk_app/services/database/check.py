"""``desk-app check``: SQLite's full integrity check, then the product's own invariants.

SQLite can only vouch for its pages and indexes. A file can pass ``integrity_check`` and
still be wrong for the process: an incident whose stage disagrees with its history, a clock
running on a closed incident, a deadline the escalation scan would never find. Those are
the invariants below; each one is something every service keeps true inside its write
transaction, so a finding means a bug or an edit made outside the program.

Each finding is a message key with parameters, shown in the reader's language.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from desk_app.domain.enums import ClockState, Stage, TargetStage
from desk_app.errors import DatabaseCorrupt
from desk_app.i18n import Language, Term, text
from desk_app.services.process.targets import reached, runs_now
from desk_app.services.security.backup_witness import backup_findings
from desk_app.services.security.head import check_head, remember_head
from desk_app.services.security.tamper import chain_findings
from desk_app.storage.database import Store
from desk_app.storage.fields import to_utc
from desk_app.storage.models import Incident

#: Fields whose every change the journal records, with their column on ``incident``.
JOURNALLED = {
    "stage": "stage", "priority": "priority", "urgency": "urgency", "impact": "impact",
    "category": "category_id", "group": "group_id", "assignee": "assignee_id",
    "wait_code": "wait_code_id",
}
#: Findings of one kind beyond this many are counted, not listed.
LIST_LIMIT = 50


@dataclass(frozen=True)
class Finding:
    key: str  # check.* message key
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: Language = "en") -> str:
        return text(self.key, lang, **self.params)


@dataclass
class CheckReport:
    integrity: list[str]
    findings: list[Finding]
    counts: dict[str, int]  # findings per key, including those not listed
    seconds: float
    quick: bool = False
    #: on a server: what its storage check said, and what a file has that it has not
    #: (``server_check``), said plainly before the findings
    notes: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.counts

    def lines(self, lang: Language = "en") -> list[str]:
        if self.notes:
            out = [n.message(lang) for n in self.notes]
        else:
            out = [text("check.integrity_ok" if self.integrity == ["ok"]
                        else "check.integrity_bad", lang,
                        detail="; ".join(self.integrity[:10]))]
        out += [f.message(lang) for f in self.findings]
        for key, count in sorted(self.counts.items()):
            listed = sum(1 for f in self.findings if f.key == key)
            if count > listed:
                out.append(text("check.more", lang, count=count - listed))
        out.append(text("check.ok" if self.ok else "check.problems", lang,
                        count=sum(self.counts.values()), seconds=f"{self.seconds:.1f}"))
        return out


Rows = Callable[[str], list[tuple]]


def _journal(rows: Rows, numbers: dict[int, str]) -> Iterator[Finding]:
    """History and incident agree: each incident starts with its logging, every recorded
    change starts from the value the previous one left, and the last one is what the
    incident holds now (R10)."""
    last: dict[int, dict[str, Any]] = {}
    first: dict[int, str] = {}
    for incident_id, action, changes in rows(
            "SELECT incident_id, action, changes FROM journal ORDER BY id"):
        first.setdefault(incident_id, action)
        try:
            recorded = json.loads(changes)
        except ValueError:
            yield Finding("check.journal_unreadable", {"number": numbers.get(incident_id)})
            continue
        values = last.setdefault(incident_id, {})
        for name, pair in recorded.items():
            if name not in JOURNALLED or not isinstance(pair, list) or len(pair) != 2:
                continue
            if name in values and values[name] != pair[0]:
                yield Finding("check.journal_chain", {
                    "number": numbers.get(incident_id), "field": name,
                    "expected": values[name], "found": pair[0]})
            values[name] = pair[1]
    columns = ", ".join(JOURNALLED.values())
    for row in rows(f"SELECT id, {columns} FROM incident"):
        number = numbers[row[0]]
        if first.get(row[0]) != "log":
            yield Finding("check.journal_no_log", {"number": number})
        values = last.get(row[0], {})
        for name, value in zip(JOURNALLED, row[1:], strict=True):
            if name in values and values[name] != value:
                yield Finding("check.journal_disagrees", {
                    "number": number, "field": name, "journal": values[name],
                    "incident": value})


def _counters(rows: Rows, numbers: dict[int, str]) -> Iterator[Finding]:
    """The counters R06 and R07 rely on match what they count."""
    for incident_id, stored, counted in rows(
            "SELECT i.id, i.reassignment_count, (SELECT count(*) FROM journal j "
            "WHERE j.incident_id = i.id AND j.action = 'transfer') FROM incident i "
            "WHERE i.reassignment_count != (SELECT count(*) FROM journal j "
            "WHERE j.incident_id = i.id AND j.action = 'transfer')"):
        yield Finding("check.transfers", {"number": numbers[incident_id], "stored": stored,
                                          "counted": counted})
    for incident_id, stored, counted in rows(
            "SELECT i.id, i.escalation_count, (SELECT count(*) FROM escalation e "
            "WHERE e.incident_id = i.id) FROM incident i WHERE i.escalation_count != "
            "(SELECT count(*) FROM escalation e WHERE e.incident_id = i.id)"):
        yield Finding("check.escalations", {"number": numbers[incident_id], "stored": stored,
                                            "counted": counted})


def _stage_fields(rows: Rows, numbers: dict[int, str]) -> Iterator[Finding]:
    """What each stage requires is there (R21, R23), and pending has its wait code (R17)."""
    queries = {
        "check.closed_fields": "SELECT id FROM incident WHERE stage = 'closed' AND "
                               "(closed_at IS NULL OR close_code_id IS NULL)",
        "check.resolved_fields": "SELECT id FROM incident WHERE stage IN ('resolved', "
                                 "'closed') AND resolved_at IS NULL",
        "check.pending_fields": "SELECT id FROM incident WHERE (wait_code_id IS NULL) != "
                                "(pending_since IS NULL)",
        "check.pending_closed": "SELECT id FROM incident WHERE wait_code_id IS NOT NULL "
                                "AND stage IN ('resolved', 'closed')",
    }
    for key, sql in queries.items():
        for (incident_id,) in rows(sql):
            yield Finding(key, {"number": numbers[incident_id]})


def _clocks(rows: Rows, numbers: dict[int, str]) -> Iterator[Finding]:
    """Target clocks follow the incident (R15, R16, R19): one current clock per stage,
    running exactly when the stage is not reached and the incident is not pending, with
    one open run while it runs; and ``next_deadline`` is the earliest unbreached due time
    of the running clocks, which is what the escalation scan looks at."""
    current: dict[tuple[int, str], list[tuple]] = {}
    for row in rows("SELECT incident_id, stage, state, running_since, due_at, breached_at "
                    "FROM target_clock WHERE state != 'superseded'"):
        current.setdefault((row[0], row[1]), []).append(row)
    open_runs: dict[tuple[int, str], int] = {}
    for incident_id, stage, count in rows(
            "SELECT incident_id, stage, count(*) FROM clock_run WHERE ended_at IS NULL "
            "GROUP BY incident_id, stage"):
        open_runs[(incident_id, stage)] = count
    # history brought in from another tool (schema 23): an incident already resolved or
    # closed there has no clocks here at all, by design (its targets were the other tool's)
    imported: set[int] = set()
    if rows("SELECT name FROM sqlite_master WHERE name = 'import_reference'"):
        imported = {incident_id for (incident_id,) in rows(
            "SELECT local_id FROM import_reference r WHERE kind = 'incident' AND NOT EXISTS "
            "(SELECT 1 FROM target_clock c WHERE c.incident_id = r.local_id)")}
    for incident in Incident.select():
        number = numbers[incident.id]
        if incident.id in imported and incident.stage in (Stage.RESOLVED, Stage.CLOSED):
            continue
        deadline = None
        for stage in TargetStage:
            clocks = current.get((incident.id, stage.value), [])
            if len(clocks) != 1:
                yield Finding("check.clock_count", {"number": number, "stage": stage,
                                                    "count": len(clocks)})
                continue
            _, _, state, running_since, due_at, breached_at = clocks[0]
            if reached(incident, stage):
                expected = ClockState.STOPPED
            elif runs_now(incident, stage):
                expected = ClockState.RUNNING
            else:
                expected = ClockState.PAUSED
            if state != expected.value:
                yield Finding("check.clock_state", {"number": number, "stage": stage,
                                                    "state": ClockState(state),
                                                    "expected": expected})
            running = state == ClockState.RUNNING.value
            if running != (running_since is not None and due_at is not None) or (
                    not running and due_at is not None):
                yield Finding("check.clock_times", {"number": number, "stage": stage})
            if open_runs.get((incident.id, stage.value), 0) != (1 if running else 0):
                yield Finding("check.clock_runs", {"number": number, "stage": stage})
            if running and breached_at is None and due_at is not None:
                deadline = due_at if deadline is None else min(deadline, due_at)
        stored = Incident.next_deadline.db_value(incident.next_deadline)
        if stored != deadline:
            yield Finding("check.next_deadline", {
                "number": number, "stored": _when(stored), "expected": _when(deadline)})


def _when(value: int | None) -> str:
    moment = to_utc(value)
    return moment.isoformat() if moment else "-"


def _references(rows: Rows, numbers: dict[int, str]) -> Iterator[Finding]:
    """Every notification belongs to an escalation of an existing incident and is addressed
    to an existing person (R09); every foreign key points at a row."""
    for (notification_id,) in rows(
            "SELECT n.id FROM notification n LEFT JOIN escalation e ON e.id = n.escalation_id "
            "WHERE e.id IS NULL"):
        yield Finding("check.notification_orphan", {"id": notification_id})
    for table, rowid, parent, _ in rows("PRAGMA foreign_key_check"):
        yield Finding("check.foreign_key", {"table": table, "id": rowid, "parent": parent})
    del numbers


def _chain(rows: Rows, numbers: dict[int, str]) -> Iterator[Finding]:
    """The hash chain is whole and everything is what its last witness says (schema 22)."""
    for key, params in chain_findings(rows, numbers):
        yield Finding(key, params)


def _report_summaries(rows: Rows, numbers: dict[int, str]) -> Iterator[Finding]:
    """The reports' summary tables equal a recount from the incidents (schema 27)."""
    from desk_app.services.reports.summary import findings

    for key, params in findings(rows):
        yield Finding(key, params)
    del numbers


def _search_terms(rows: Rows, numbers: dict[int, str]) -> Iterator[Finding]:
    """(A file.) Every term of the word index that a typed prefix can stand for is in
    ``search_term`` (schema 35): the suggestions search a prefix as those terms, so a term
    missing there hides its incidents from them without a word."""
    from desk_app.storage.search_terms import missing

    lost = missing(rows)
    if lost:
        yield Finding("check.search_terms_missing",
                      {"count": len(lost), "terms": ", ".join(lost[:10])})
    del numbers


def _server_objects(rows: Rows, numbers: dict[int, str]) -> Iterator[Finding]:
    """On a server: the triggers that write the history chain and the word index are all
    there and switched on, and the functions they call are this program's."""
    from desk_app.storage.postgres.check import function_findings, trigger_findings

    for key, params in (*trigger_findings(rows), *function_findings(rows)):
        yield Finding(key, params)
    del numbers


def _server_storage(store: Store, quick: bool) -> tuple[list[str], list[Finding]]:
    """A server's pages and indexes, checked with amcheck where it can be (the integrity
    lines), and what is said plainly of the check on a server (the notes)."""
    from desk_app.storage.postgres.check import storage_check

    result = storage_check(store.read, store.execute, quick)
    if not result.checked:
        integrity, first = ["ok"], Finding("check.server.storage_unchecked",
                                           {"why": Term(result.why)})
    elif result.problems:
        integrity = result.problems
        first = Finding("check.server.storage_bad", {"detail": "; ".join(result.problems[:10])})
    else:
        integrity, first = ["ok"], Finding("check.server.storage_ok")
    return integrity, [first, Finding("check.server.not_applicable")]


CHECKS: list[Callable[[Rows, dict[int, str]], Iterator[Finding]]] = [
    _journal, _counters, _stage_fields, _clocks, _references, _chain, _report_summaries,
]


def _witness_head(store: Store, findings: list[Finding], counts: dict[str, int]) -> None:
    """This workstation's memory of the chain's end (``security.head``): a rewritten history
    is reported; a whole chain becomes the new memory."""
    seen = check_head(store)
    if seen.rewritten:
        findings.append(Finding("check.history_rewritten", {"seq": seen.seq}))
        counts["check.history_rewritten"] = 1
    elif not counts:
        remember_head(store)


def _backup_witnesses(store: Store, findings: list[Finding], counts: dict[str, int]) -> None:
    """The backups of the file's current generation still agree with its history
    (``security.backup_witness``)."""
    for key, params in backup_findings(store):
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= LIST_LIMIT:
            findings.append(Finding(key, params))


def check_database(store: Store, *, quick: bool = False) -> CheckReport:
    """The full check (``quick``: SQLite's ``quick_check`` instead of ``integrity_check``,
    for the admin screen's fast button). Reads only. The invariants are judged in one read
    transaction, so all of them see the same state; they are skipped on a file SQLite
    already finds damaged, whose rows cannot be trusted."""
    started = time.monotonic()
    server = getattr(store, "kind", "file") == "server"
    checks = CHECKS
    notes: list[Finding] = []
    if server:
        integrity, notes = _server_storage(store, quick)
        checks = [*CHECKS, _server_objects]
    else:
        checks = [*CHECKS, _search_terms]
        pragma = "quick_check" if quick else "integrity_check"
        try:
            integrity = [str(r[0]) for r in store.execute(f"PRAGMA {pragma}")]
        except DatabaseCorrupt as error:  # too damaged even to list what is wrong
            integrity = [str(error.params.get("detail") or error.message())]
    findings: list[Finding] = []
    counts: dict[str, int] = {}

    def run() -> None:
        def rows(sql: str) -> list[tuple]:
            return list(store.db.execute_sql(sql).fetchall())

        numbers = dict(rows("SELECT id, number FROM incident"))
        for check in checks:
            for finding in check(rows, numbers):
                counts[finding.key] = counts.get(finding.key, 0) + 1
                if counts[finding.key] <= LIST_LIMIT:
                    findings.append(finding)

    if integrity == ["ok"]:
        store.read(run)
        if not server:  # a server's backups are not this program's files (server_check)
            _backup_witnesses(store, findings, counts)
        _witness_head(store, findings, counts)
    return CheckReport(integrity, findings, counts, time.monotonic() - started, quick, notes)
