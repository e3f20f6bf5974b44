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
from desk_app.services.session import Session
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


def write_journal(session: Session, incident_id: int, action: JournalAction,
                  changes: dict[str, tuple[Any, Any]] | None = None, note: str = "",
                  at: datetime | None = None) -> None:
    Journal.insert(
        incident=incident_id,
        at=at or session.clock.now(),
        actor=session.user_id,
        action=action.value,
        changes=json.dumps({k: [_plain(o), _plain(n)] for k, (o, n) in (changes or {}).items()},
                           ensure_ascii=False),
        note=note,
    ).execute()


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
        now = self.session.clock.now()
        incident = self.incident
        values: dict[Any, Any] = dict(self.values)
        values[Incident.updated_at] = now
        values[Incident.version] = incident.version + 1
        updated = (
            Incident.update(values)
            .where((Incident.id == incident.id) & (Incident.version == incident.version))
            .execute()
        )
        if updated != 1:
            raise ConflictError(number=incident.number)
        incident.version += 1
        incident.updated_at = now
        if self.changes or self.note or self.action != JournalAction.UPDATE:
            write_journal(self.session, incident.id, self.action, self.changes, self.note, now)
        self.values.clear()
        self.changes.clear()
        return incident
