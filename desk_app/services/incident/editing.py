"""Changing one incident: compare-and-set on its version, with its journal row (R10).

Every service that changes an incident goes through ``IncidentEdit``, so that no change can
skip the history or overwrite someone else's newer edit.
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import Enum
from typing import Any

from peewee import ForeignKeyField

from desk_app.domain.enums import JournalAction
from desk_app.errors import ConflictError, NotFound
from desk_app.services.alerts import tasks
from desk_app.services.session import Session
from desk_app.storage.bulk import insert_rows, update_rows
from desk_app.storage.models import Incident, Journal


def load_incident(incident_id: int, version: int | None = None) -> Incident:
    """The incident as it is now; a stale ``version`` is a conflict before any check runs."""
    incident = Incident.get_or_none(Incident.id == incident_id)
    if incident is None:
        raise NotFound("error.incident_not_found", id=incident_id)
    if version is not None and incident.version != version:
        raise ConflictError(number=incident.number, current_version=incident.version)
    return incident


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    return value


_JOURNAL_COLUMNS = ("incident", "at", "actor", "action", "changes", "note")


class JournalRows:
    """Journal rows of one transaction, kept in order and written by ``flush`` in one
    statement (a scan that escalates a hundred incidents writes hundreds of them)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: list[tuple[Any, ...]] = []

    def add(self, incident_id: int, action: JournalAction,
            changes: dict[str, tuple[Any, Any]] | None = None, note: str = "",
            at: datetime | None = None) -> None:
        text = json.dumps({k: [_plain(o), _plain(n)] for k, (o, n) in changes.items()},
                          ensure_ascii=False) if changes else "{}"
        self.rows.append((incident_id, at or self.session.clock.now(), self.session.user_id,
                          action.value, text, note))

    def flush(self) -> None:
        insert_rows(Journal, _JOURNAL_COLUMNS, self.rows)
        self.rows.clear()


def write_journal(session: Session, incident_id: int, action: JournalAction,
                  changes: dict[str, tuple[Any, Any]] | None = None, note: str = "",
                  at: datetime | None = None) -> None:
    rows = JournalRows(session)
    rows.add(incident_id, action, changes, note, at)
    rows.flush()


class IncidentEdit:
    """Collects field changes to one incident, then writes them in one compare-and-set."""

    def __init__(self, session: Session, incident: Incident, action: JournalAction,
                 note: str = "") -> None:
        self.session = session
        self.incident = incident
        self.action = action
        self.note = note
        self.values: dict[Any, Any] = {}  # peewee Field -> new value
        self.changes: dict[str, tuple[Any, Any]] = {}

    def set(self, name: str, value: Any, *, journal: bool = True) -> None:
        field = Incident._meta.fields[name]
        attr = field.column_name if isinstance(field, ForeignKeyField) else name
        old = getattr(self.incident, attr)
        new = value.value if isinstance(value, Enum) else value
        if old == new:
            return
        self.values[field] = new
        setattr(self.incident, attr, new)
        if journal:
            self.changes[name] = (old, new)

    def save(self) -> Incident:
        """Write the collected changes; zero rows matched means someone else got there first."""
        journal = JournalRows(self.session)
        save_all([self], journal)
        journal.flush()
        return self.incident

    def _update(self, now: datetime) -> tuple[tuple[str, ...], tuple[Any, ...]]:
        """The compare-and-set update this edit needs: its columns, and their values followed
        by the incident's id and the version it was read at."""
        incident = self.incident
        names = (*(f.name for f in self.values), "updated_at", "version")
        return names, (*self.values.values(), now, incident.version + 1, incident.id,
                       incident.version)

    def _saved(self, now: datetime, journal: JournalRows) -> None:
        incident = self.incident
        incident.version += 1
        incident.updated_at = now
        if self.changes or self.note or self.action != JournalAction.UPDATE:
            journal.add(incident.id, self.action, self.changes, self.note, now)
        self.values.clear()
        self.changes = {}


def save_all(edits: list[IncidentEdit], journal: JournalRows) -> None:
    """Save many edits with one statement per set of changed columns; their journal rows go
    to ``journal``, in order. If any incident changed since it was read, nothing is saved
    and the call fails with a conflict (the transaction is rolled back)."""
    if not edits:
        return
    now = edits[0].session.clock.now()
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    # R09: a resolved or closed incident needs no more calls
    ending = [edit.incident.id for edit in edits
              if edit.values.get(Incident.stage) in tasks.ENDING_STAGES]
    for edit in edits:
        names, values = edit._update(now)
        groups.setdefault(names, []).append(values)
    for names, rows in groups.items():
        if update_rows(Incident, names, ("id", "version"), rows) != len(rows):
            numbers = ", ".join(edit.incident.number for edit in edits)
            raise ConflictError(number=numbers)
    for edit in edits:
        edit._saved(now, journal)
    if ending:
        tasks.settle(ending, now)
