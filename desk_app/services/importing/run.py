"""An import from start to end: read, map, plan every incident, then (unless it is a dry
run) write them in short transactions with progress, each incident whole or not at all."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfoNotFoundError

from desk_app.domain.enums import JournalAction, Stage
from desk_app.errors import ValidationError
from desk_app.services.admin.common import require_owner
from desk_app.services.arguments import check_form
from desk_app.services.importing import mapping as mappings
from desk_app.services.importing.fields import CREATE, REFUSE, REQUIRED
from desk_app.services.importing.history import Plan, Ref, Refusal, plan_incident
from desk_app.services.importing.mapping import Mapping
from desk_app.services.importing.resolve import Resolver, Unresolved
from desk_app.services.importing.rows import Row, read_rows
from desk_app.services.importing.source import Table
from desk_app.services.incident.editing import IncidentEdit
from desk_app.services.process.reference import reference
from desk_app.services.process.targets import ClockLedger, ClockSync
from desk_app.services.session import Session
from desk_app.storage.bulk import insert_instance, insert_rows, next_id, tuples, update_rows
from desk_app.storage.models import (
    ClockRun,
    ImportReference,
    Incident,
    Journal,
    TargetClock,
)

#: Incidents written per transaction: short enough that other workstations are not kept
#: waiting (ARCHITECTURE.md), long enough that an import is not all commits.
BATCH = 100

Progress = Callable[[int, int], bool]  # (done, total) -> go on


@dataclass
class ImportReport:
    dry_run: bool
    rows: int = 0
    incidents: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: list[Refusal] = field(default_factory=list)
    created: dict[str, list[str]] = field(default_factory=dict)
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0


def _check_inputs(table: object, mapping: object) -> None:
    """What the services below take for granted: a table of text cells by line number (any
    number of rows), and a mapping whose parts are of their kinds and whose time zone
    exists; anything else is refused before a row is read."""
    from desk_app.errors import BadInput

    if not isinstance(table, Table) or not isinstance(table.columns, list) or any(
            not isinstance(c, str) for c in table.columns) or not isinstance(table.rows, list):
        raise ValidationError.single("table", "validation.invalid_choice")
    for row in table.rows:
        if not (isinstance(row, tuple) and len(row) == 2 and isinstance(row[0], int)
                and isinstance(row[1], dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in row[1].items())):
            raise ValidationError.single("table", "validation.invalid_choice")
    check_form("mapping", Mapping, mapping)
    assert isinstance(mapping, Mapping)
    try:
        mapping.zone()
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise BadInput("import.bad_timezone", zone=mapping.timezone[:80]) from None
    if any(v not in (CREATE, REFUSE) for v in mapping.unknown.values()):
        raise ValidationError.single("unknown", "validation.invalid_choice")


@dataclass
class _Existing:
    local_id: int
    fingerprint: str
    imported_version: int | None
    version: int


def import_table(session: Session, table: Table, source: str, mapping: Mapping, *,
                 dry_run: bool = False, progress: Progress | None = None) -> ImportReport:
    """Import ``table`` from ``source`` (a name for the tool the rows come from: their keys
    are unique within it). A dry run changes nothing and reports what the import would do,
    with every row it would refuse and why."""
    _check_inputs(table, mapping)
    started = time.perf_counter()
    report = ImportReport(dry_run, rows=len(table.rows))
    missing = [name for name in REQUIRED if name not in mapping.columns]
    if missing:
        from desk_app.errors import BadInput

        raise BadInput("import.unmapped_fields", fields=", ".join(missing))
    if not isinstance(source, str) or not source.strip() or len(source.strip()) > 100 or any(
            ch == "\x00" or "\ud800" <= ch <= "\udfff" for ch in source):
        from desk_app.errors import BadInput

        raise BadInput("import.bad_source")
    source = source.strip()
    by_number, bad = read_rows(table, mapping)
    refused_numbers = {number for _, number, _, _ in bad}
    for line, number, key, params in bad:
        report.refused.append(Refusal(number, line, key, params))
    report.incidents = len(by_number)
    now = session.clock.now()
    resolver = Resolver(source, mapping)
    mapped = json.dumps(mapping.to_json(), sort_keys=True)

    def load() -> tuple[dict[tuple[int, int], int], dict[str, _Existing]]:
        require_owner(session)  # R04: bringing history in is process administration
        resolver.load()
        matrix = {(int(i), int(u)): int(p) for (i, u), p in
                  reference(session.store).matrix.items()}
        return matrix, _existing(source)

    # read quickly, then plan outside the read: a long read would keep every other
    # workstation's writes waiting (a rollback journal lets no commit past a reader)
    matrix, existing = session.read(load)

    def prepare() -> tuple[list[Plan], dict[str, Ref]]:
        plans: list[Plan] = []
        category_groups: dict[str, Ref] = {}
        for number, rows in by_number.items():
            if number in refused_numbers:
                report.refused.append(Refusal(number, rows[0].line, "import.refuse.bad_row"))
                continue
            planned = plan_incident(rows, matrix, now, source)
            if isinstance(planned, Refusal):
                report.refused.append(planned)
                continue
            # the same rows read through another mapping make another incident
            planned.fingerprint = hashlib.sha256(
                (planned.fingerprint + mapped).encode()).hexdigest()
            refs = _refs(planned)
            unresolved = resolver.check(refs)
            if isinstance(unresolved, Unresolved):
                report.refused.append(Refusal(number, rows[0].line, unresolved.key,
                                              unresolved.params))
                continue
            old = existing.get(number)
            if old is not None and old.fingerprint == planned.fingerprint:
                report.unchanged += 1
                continue
            if old is not None and old.version != old.imported_version:
                report.refused.append(Refusal(number, rows[0].line,
                                              "import.refuse.changed_here"))
                continue
            category = planned.fields["category"]
            category_groups.setdefault(category.value, planned.fields["group"])
            plans.append(planned)
        return plans, category_groups

    plans, category_groups = prepare()
    report.created = {kind: sorted(values) for kind, values in resolver.created.items()
                      if values}
    report.refused.sort(key=lambda r: (r.line, r.number))
    if dry_run:
        report.added = sum(1 for p in plans if p.number not in existing)
        report.updated = len(plans) - report.added
        report.seconds = time.perf_counter() - started
        return report

    def setup() -> None:
        require_owner(session)
        resolver.load()
        resolver.create_all(now, category_groups)
        mappings.remember(source, mapping)

    session.write(setup)
    total = len(plans)
    if progress is not None and not progress(0, total):
        report.cancelled = True
    for start in range(0, total if not report.cancelled else 0, BATCH):
        batch = plans[start:start + BATCH]

        def write(batch: list[Plan] = batch) -> tuple[int, int]:
            require_owner(session)
            current = _existing(source, [plan.number for plan in batch])
            added = updated = 0
            rows = _Rows()
            for plan in batch:
                old = current.get(plan.number)
                _write(session, resolver, plan, old, source, now, rows)
                added += old is None
                updated += old is not None
            rows.flush()
            return added, updated

        added, updated = session.write(write)
        report.added += added
        report.updated += updated
        if progress is not None and not progress(start + len(batch), total):
            report.cancelled = start + len(batch) < total
            break
    report.seconds = time.perf_counter() - started
    return report


def _existing(source: str, numbers: list[str] | None = None) -> dict[str, _Existing]:
    """The incidents imported from ``source`` before (those of ``numbers``, if given)."""
    condition = (ImportReference.source == source) & (ImportReference.kind == "incident")
    if numbers is not None:
        condition &= ImportReference.external_key.in_(numbers)
    rows = tuples(ImportReference.select(ImportReference.external_key, ImportReference.local_id,
                                   ImportReference.fingerprint,
                                   ImportReference.incident_version, Incident.version)
            .join(Incident, on=(Incident.id == ImportReference.local_id))
            .where(condition))
    return {key: _Existing(local, fp, imported, version)
            for key, local, fp, imported, version in rows}


def _refs(plan: Plan) -> list[Ref]:
    found: dict[Ref, None] = {}
    for value in plan.fields.values():
        if isinstance(value, Ref):
            found[value] = None
    for step in plan.steps:
        if step.actor is not None:
            found[step.actor] = None
        for old, new in step.changes.values():
            for value in (old, new):
                if isinstance(value, Ref):
                    found[value] = None
    # groups first: a category created by this import takes its first incident's group
    return sorted(found, key=lambda r: r.kind != "group")


def _plain(resolver: Resolver, value: Any) -> Any:
    if isinstance(value, Ref):
        return resolver.id_of(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    return value


_INCIDENT_FIELDS = ("type", "channel", "impact", "urgency", "priority", "stage", "title",
                    "description", "resolution", "resolution_type", "close_notes",
                    "confirmed_at", "created_at", "assigned_at", "accepted_at", "resolved_at",
                    "closed_at", "reassignment_count", "pending_since")
_REF_FIELDS = ("caller", "category", "group", "assignee", "wait_code", "close_code",
               "resolved_by", "closed_by", "created_by")


def _write(session: Session, resolver: Resolver, plan: Plan, old: _Existing | None,
           source: str, now: datetime, rows: _Rows) -> None:
    """One incident: its row, its journal, its clocks from now on if it is still open, and
    its external reference. No escalation, notification or call task: the past happened."""
    values: dict[str, Any] = {name: plan.fields[name] for name in _INCIDENT_FIELDS}
    for name in _REF_FIELDS:
        values[name] = resolver.id_of(plan.fields[name])
    if values["created_by"] is None:
        values["created_by"] = session.user_id
    if values["group"] is None:
        from desk_app.storage.models import Category

        values["group"] = Category.get_by_id(values["category"]).group_id
    if values["stage"] == Stage.CLOSED.value and values["closed_by"] is None:
        values["closed_by"] = None  # closed by their system: ours records it the same way
    values["knowledge"] = False
    last = plan.steps[-1].at if plan.steps else values["created_at"]
    values["updated_at"] = last
    if old is None:
        incident_id = next_id(Incident)
        incident = Incident(id=incident_id, number=f"INC{incident_id:07d}", version=1,
                            **values)
    else:
        incident_id = old.local_id
        Journal.delete().where(Journal.incident == incident_id).execute()
        TargetClock.delete().where(TargetClock.incident == incident_id).execute()
        ClockRun.delete().where(ClockRun.incident == incident_id).execute()
        incident = Incident.get_by_id(incident_id)
        for name, value in values.items():
            setattr(incident, name if name in _INCIDENT_FIELDS or name in (
                "knowledge", "updated_at") else f"{name}_id", value)
        incident.version = old.version + 1
    ledger: ClockLedger | None = None
    incident.next_deadline = None
    if values["stage"] not in (Stage.RESOLVED.value, Stage.CLOSED.value):
        # R15/R19 from the import on: the targets count from now, never for the past
        ledger = ClockLedger()
        ledger.start([incident_id])
        ClockSync.cached(session)(IncidentEdit(session, incident, JournalAction.UPDATE), now,
                                  ledger)
    if old is None:
        insert_instance(incident)
    else:
        incident.save()
    if ledger is not None:
        ledger.flush()
    journal = [(incident_id, step.at, resolver.id_of(step.actor), step.action.value,
                json.dumps({k: [_plain(resolver, o), _plain(resolver, n)]
                            for k, (o, n) in step.changes.items()}, ensure_ascii=False)
                if step.changes else "{}", step.note) for step in plan.steps]
    rows.journal += journal
    if old is None:
        rows.new_references.append((source, "incident", plan.number, incident_id,
                                    plan.fingerprint, incident.version, now))
    else:
        rows.references.append((plan.fingerprint, incident.version, now, source, "incident",
                                plan.number))


@dataclass
class _Rows:
    """The journal and reference rows of one batch, written in one statement each."""

    journal: list[tuple[Any, ...]] = field(default_factory=list)
    new_references: list[tuple[Any, ...]] = field(default_factory=list)
    references: list[tuple[Any, ...]] = field(default_factory=list)

    def flush(self) -> None:
        insert_rows(Journal, ("incident", "at", "actor", "action", "changes", "note"),
                    self.journal)
        insert_rows(ImportReference, ("source", "kind", "external_key", "local_id",
                                      "fingerprint", "incident_version", "imported_at"),
                    self.new_references)
        update_rows(ImportReference, ("fingerprint", "incident_version", "imported_at"),
                    ("source", "kind", "external_key"), self.references)


__all__ = ["ImportReport", "Row", "import_table"]
