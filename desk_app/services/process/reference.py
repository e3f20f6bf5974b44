"""Reference data read once and reused while the file has not changed.

Logging an incident, syncing its clocks and escalating it all consult the same small
tables: working calendars, service targets, the priority matrix, who the incident managers
are, the escalation rules. Reading them costs more than the rest of a short service call
(a peewee query costs a few hundred microseconds to build on a modest PC), and they change
rarely: only when the process owner edits them.

So they are read once per store and kept as long as both hold:

* the file's reference generation is the one they were read at: triggers on every table
  read here (schema 15) bump it in the same transaction as any change to them, whoever
  makes it, on this workstation or another; it is read at the start of every use, inside
  the caller's transaction, so the check and the use see the same file. (``PRAGMA
  data_version`` changes at every commit by another connection, so on a desk where several
  workstations write all day it threw the cache away before almost every call: logging
  an incident took 14 ms instead of 4.) A file older than schema 15 falls back to it.
* this program has not changed reference data itself: every service that does returns
  ``Changes(reference=True)``, and ``Session.write`` then forgets the cache.

A table added to ``read_reference`` needs the same triggers (a test checks every table it
reads has them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

import peewee

from desk_app.domain.calendar import CalendarSpec
from desk_app.domain.enums import NotificationChannel, RecipientKind, Role, TargetStage
from desk_app.domain.priority import Matrix
from desk_app.services.process.matrix import load_matrix
from desk_app.services.process.settings import get_setting
from desk_app.storage.bulk import tuples
from desk_app.storage.database import Store
from desk_app.storage.models import (
    CalendarDay,
    CalendarHours,
    Department,
    EscalationRule,
    ServiceTarget,
    SupportGroup,
    User,
    UserRole,
    WorkingCalendar,
    database,
)


@dataclass(frozen=True)
class Target:
    minutes: int
    calendar_id: int


@dataclass(frozen=True)
class Rule:
    """An escalation rule (R09): when, besides the incident managers, someone else is told."""

    recipient: RecipientKind
    user_id: int | None
    max_priority: int | None
    min_escalations: int | None
    reason: str | None
    category_id: int | None
    channels: tuple[str, ...]


def channels(value: str) -> tuple[str, ...]:
    """Checked ``NotificationChannel`` values, as the plain strings stored."""
    return tuple(NotificationChannel(c.strip()).value for c in value.split(",") if c.strip())


@dataclass(frozen=True)
class Reference:
    calendars: dict[int, CalendarSpec]
    targets: dict[tuple[int, TargetStage], Target]
    matrix: Matrix
    managers: tuple[int, ...]
    manager_channels: tuple[str, ...]
    rules: tuple[Rule, ...]
    active_users: frozenset[int]
    #: users with working hours (R09: alerts of priority 2-4 wait for them)
    user_calendars: dict[int, int]
    department_heads: dict[int, int | None]
    group_departments: dict[int, int | None]


def load_calendars() -> dict[int, CalendarSpec]:
    """Every working calendar (R15): weekly hours, holidays and make-up working days."""
    weekly: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for calendar_id, weekday, start, end in tuples(CalendarHours.select(
            CalendarHours.calendar, CalendarHours.weekday, CalendarHours.start_minute,
            CalendarHours.end_minute).order_by(CalendarHours.start_minute)):
        weekly.setdefault(calendar_id, {}).setdefault(weekday, []).append((start, end))
    holidays: dict[int, set[date]] = {}
    workdays: dict[int, set[date]] = {}
    for calendar_id, day, working in tuples(CalendarDay.select(
            CalendarDay.calendar, CalendarDay.day, CalendarDay.working)):
        bucket = workdays if working else holidays
        bucket.setdefault(calendar_id, set()).add(date.fromisoformat(day))
    return {
        cal_id: CalendarSpec(
            always=bool(always),
            timezone=timezone,
            weekly={d: tuple(v) for d, v in weekly.get(cal_id, {}).items()},
            holidays=frozenset(holidays.get(cal_id, ())),
            workdays=frozenset(workdays.get(cal_id, ())),
            makeup_weekday=makeup_weekday,
        )
        for cal_id, always, timezone, makeup_weekday in tuples(WorkingCalendar.select(
            WorkingCalendar.id, WorkingCalendar.always, WorkingCalendar.timezone,
            WorkingCalendar.makeup_weekday))
    }


def load_targets() -> dict[tuple[int, TargetStage], Target]:
    """The service targets (R15): minutes and calendar per priority and stage."""
    return {
        (priority, TargetStage(stage)): Target(minutes, calendar_id)
        for priority, stage, minutes, calendar_id in tuples(ServiceTarget.select(
            ServiceTarget.priority, ServiceTarget.stage, ServiceTarget.minutes,
            ServiceTarget.calendar))
    }


def read_reference() -> Reference:
    """Read every reference table the services consult (inside a transaction)."""
    rules = tuple(
        Rule(RecipientKind(kind), user, max_p, min_e, reason, category, channels(chans))
        for kind, user, max_p, min_e, reason, category, chans in tuples(EscalationRule.select(
            EscalationRule.recipient, EscalationRule.user, EscalationRule.max_priority,
            EscalationRule.min_escalations, EscalationRule.reason, EscalationRule.category,
            EscalationRule.channels,
        ).where(EscalationRule.active).order_by(EscalationRule.id))
    )
    return Reference(
        calendars=load_calendars(),
        targets=load_targets(),
        matrix=load_matrix(),
        managers=tuple(u for (u,) in tuples(User.select(User.id).join(UserRole).where(
            (UserRole.role == Role.INCIDENT_MANAGER.value) & User.active))),
        manager_channels=channels(get_setting("incident_manager_channels")),
        rules=rules,
        active_users=frozenset(u for (u,) in tuples(User.select(User.id).where(User.active))),
        user_calendars=dict(tuples(User.select(User.id, User.calendar).where(
            User.calendar.is_null(False)))),
        department_heads=dict(tuples(Department.select(Department.id, Department.head))),
        group_departments=dict(
            tuples(SupportGroup.select(SupportGroup.id, SupportGroup.department))),
    )


class _Cached:
    """What was read, keyed by the file's reference generation (shared by every thread's
    connection), or, on a file without one, per connection by its ``data_version``."""

    LIMIT = 8  # keys remembered; more than a workstation's threads

    def __init__(self) -> None:
        self.entries: dict[tuple[Any, ...], tuple[Any, Reference]] = {}


_CACHE: WeakKeyDictionary[Store, _Cached] = WeakKeyDictionary()


def _generation() -> int | None:
    try:
        row = database.execute_sql(
            "SELECT generation FROM reference_generation WHERE id = 1").fetchone()
    except peewee.OperationalError:  # a file older than schema 15, while it is upgraded
        return None
    return None if row is None else int(row[0])


def reference(store: Store | None) -> Reference:
    """The reference data, from the cache if it has not changed since it was read.
    Call inside a transaction. Without a store (a caller that has none), read it."""
    if store is None:
        return read_reference()
    cached = _CACHE.setdefault(store, _Cached())
    connection = database.connection()
    generation = _generation()
    if generation is not None:
        key: tuple[Any, ...] = ("generation", generation)
        owner: Any = None
    else:
        version = int(database.execute_sql("PRAGMA data_version").fetchone()[0])
        key, owner = ("connection", id(connection), version), connection
    entry = cached.entries.get(key)
    if entry is not None and entry[0] is owner:
        return entry[1]
    value = read_reference()
    if len(cached.entries) >= cached.LIMIT:
        cached.entries.clear()
    cached.entries[key] = (owner, value)
    return value


def forget(store: Store) -> None:
    """This program changed reference data: read it again next time, on every connection."""
    cached = _CACHE.get(store)
    if cached is not None:
        cached.entries.clear()
