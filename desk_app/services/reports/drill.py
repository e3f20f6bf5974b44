"""The incidents behind one figure of a report (drill-down), for a list the person can open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk_app.errors import ValidationError
from desk_app.services.arguments import INT_MAX, checked
from desk_app.services.session import Session
from desk_app.storage.models import Incident, SupportGroup

from .access import scope_filter
from .period import check_period, desk_zone
from .query import DIMENSIONS, MEASURES, Drill, Reader, ReportFilter

#: more than a person reads in a list; the tab says when it was cut
LIMIT = 5000


@dataclass(frozen=True)
class DrillRow:
    id: int
    number: str
    title: str
    priority: int
    stage: str
    group_en: str
    group_zh: str
    created_at: datetime
    resolved_at: datetime | None


def _check_drill(drill: Drill) -> None:
    """A drill-down the reports could have made: a known measure and dimension, and a value
    a stored column can hold (``@checked`` has checked the kinds of the rest)."""
    if drill.measure not in MEASURES:
        raise ValidationError.single("measure", "validation.invalid_choice")
    if drill.dimension is not None and drill.dimension not in DIMENSIONS:
        raise ValidationError.single("dimension", "validation.invalid_choice")
    value = drill.value
    if value is None or (isinstance(value, int) and not isinstance(value, bool)
                         and -INT_MAX <= value <= INT_MAX):
        return
    if isinstance(value, str) and "\x00" not in value and not any(
            "\ud800" <= ch <= "\udfff" for ch in value):
        return
    raise ValidationError.single("value", "validation.invalid_choice")


@checked
def drill_incidents(session: Session, f: ReportFilter, drill: Drill) -> list[DrillRow]:
    """The incidents counted in ``drill`` under ``f`` as this person may see it."""
    check_period(f.period)
    _check_drill(drill)

    def run() -> list[DrillRow]:
        scoped = scope_filter(session, f)
        start, end = scoped.period.bounds(desk_zone())
        ids = Reader(scoped, start, end, int(session.clock.now().timestamp())).ids(
            drill, LIMIT)
        rows = _rows(ids)
        rows.sort(key=lambda r: r.id)
        return rows

    return session.read(run)


def _rows(ids: list[int]) -> list[DrillRow]:
    """The rows of ``ids`` (those that exist), in no particular order."""
    rows: list[DrillRow] = []
    for chunk in range(0, len(ids), 500):
        query = (Incident.select(Incident.id, Incident.number, Incident.title,
                                 Incident.priority, Incident.stage, Incident.created_at,
                                 Incident.resolved_at, SupportGroup.name_en,
                                 SupportGroup.name_zh)
                 .join(SupportGroup, on=(Incident.group == SupportGroup.id))
                 .where(Incident.id.in_(ids[chunk:chunk + 500])))
        rows += [DrillRow(i.id, i.number, i.title, i.priority, i.stage,
                          i.group.name_en, i.group.name_zh, i.created_at, i.resolved_at)
                 for i in query]
    return rows


@checked
def listed_incidents(session: Session, incident_ids: list[int]) -> list[DrillRow]:
    """The incidents a person selected in a list, in the order given, as a drill-down's
    rows (a list opened as one tab: ``ui.bulk.list_tab``); the first ``LIMIT`` of them, and
    none twice. Incidents deleted meanwhile are left out."""
    wanted = list(dict.fromkeys(incident_ids))[:LIMIT]

    def run() -> list[DrillRow]:
        by_id = {row.id: row for row in _rows(wanted)}
        return [by_id[i] for i in wanted if i in by_id]

    return session.read(run)
