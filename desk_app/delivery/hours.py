"""Working hours of the people alerted (R09): an alert of priority 2–4 to someone outside
their working hours (their user calendar) waits for their next shift; priority 1 goes out at
once. People without a calendar are always reachable."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from desk_app.domain.calendar import CalendarSpec, next_working_moment
from desk_app.services.process.reference import load_calendars
from desk_app.storage.models import User

#: Priorities that never wait for working hours.
IMMEDIATE_PRIORITIES = frozenset({1})


def calendars_of(user_ids: Iterable[int]) -> dict[int, CalendarSpec | None]:
    """Each user's working calendar (None: always reachable); call inside a transaction."""
    ids = set(user_ids)
    if not ids:
        return {}
    users = list(User.select(User.id, User.calendar).where(User.id.in_(ids)))
    specs = load_calendars() if any(u.calendar_id for u in users) else {}
    return {u.id: specs.get(u.calendar_id) if u.calendar_id else None for u in users}


def due_time(spec: CalendarSpec | None, priority: int, at: datetime) -> datetime:
    """When an alert wanted at ``at`` may go to a person with calendar ``spec``."""
    if spec is None or priority in IMMEDIATE_PRIORITIES:
        return at
    try:
        return next_working_moment(spec, at)
    except ValueError:  # a calendar with no working time at all: do not hold the alert
        return at
