"""Working time (R15, R16): how long a target clock has run, and when it will run out.

A calendar is either 24×7 or weekly working hours in a time zone, with holidays (no work)
and make-up working days (调休: a weekend day worked, with the hours of ``makeup_weekday``).
Times in and out are aware UTC datetimes at whole seconds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

Interval = tuple[int, int]  # minutes from local midnight, start < end <= 1440

#: Longest span searched for working time before a calendar is judged to have none.
_SEARCH_DAYS = 3700


@dataclass(frozen=True)
class CalendarSpec:
    always: bool = True
    timezone: str = "UTC"
    weekly: Mapping[int, tuple[Interval, ...]] = field(default_factory=dict)
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    makeup_weekday: int = 0

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def hours_on(self, day: date) -> tuple[Interval, ...]:
        if day in self.holidays:
            return ()
        if day in self.workdays:
            return self.weekly.get(self.makeup_weekday, ())
        return self.weekly.get(day.weekday(), ())

    def has_working_time(self) -> bool:
        return self.always or any(self.weekly.get(d) for d in range(7)) or bool(self.workdays)


ALWAYS = CalendarSpec()


def office_hours(
    timezone: str = "Asia/Shanghai",
    hours: tuple[Interval, ...] = ((9 * 60, 12 * 60), (13 * 60 + 30, 18 * 60)),
    weekdays: range = range(5),
) -> CalendarSpec:
    return CalendarSpec(always=False, timezone=timezone, weekly={d: hours for d in weekdays})


def _windows(spec: CalendarSpec, start: datetime) -> Iterator[tuple[datetime, datetime]]:
    """Working windows in UTC, in order, from the local day that contains ``start``."""
    zone = spec.zone
    day = start.astimezone(zone).date() - timedelta(days=1)
    for offset in range(_SEARCH_DAYS):
        current = day + timedelta(days=offset)
        for begin, end in spec.hours_on(current):
            yield _at(current, begin, zone), _at(current, end, zone)


@lru_cache(maxsize=4096)
def _at(day: date, minute: int, zone: ZoneInfo) -> datetime:
    """A window's edge in UTC. Remembered: every clock started, moved or read walks the
    same few weeks of windows (three clocks per logged incident, one per clock on a form),
    and turning a local time into UTC through the zone's rules was most of that walk."""
    if minute >= 1440:
        local = datetime.combine(day + timedelta(days=1), time(0), zone)
    else:
        local = datetime.combine(day, time(minute // 60, minute % 60), zone)
    return local.astimezone(UTC)


def working_seconds(spec: CalendarSpec, start: datetime, end: datetime) -> int:
    """Working seconds in [start, end) on ``spec``; 0 when end is not after start."""
    if end <= start:
        return 0
    if spec.always:
        return int((end - start).total_seconds())
    total = 0
    for begin, finish in _windows(spec, start):
        if begin >= end:
            break
        lo, hi = max(begin, start), min(finish, end)
        if hi > lo:
            total += int((hi - lo).total_seconds())
    return total


def add_working_seconds(spec: CalendarSpec, start: datetime, seconds: int) -> datetime:
    """The earliest moment at which ``seconds`` of working time have passed since ``start``."""
    if seconds <= 0:
        return start
    if spec.always:
        return start + timedelta(seconds=seconds)
    left = seconds
    for begin, finish in _windows(spec, start):
        if finish <= start:
            continue
        lo = max(begin, start)
        available = int((finish - lo).total_seconds())
        if available >= left:
            return lo + timedelta(seconds=left)
        left -= available
    raise ValueError("calendar has no working time")


def next_working_moment(spec: CalendarSpec, at: datetime) -> datetime:
    """``at`` if it falls in working time on ``spec``, otherwise the start of the next working
    window (an alert to someone off shift waits for their next shift, R09)."""
    if spec.always:
        return at
    for begin, finish in _windows(spec, at):
        if finish <= at:
            continue
        return max(begin, at)
    raise ValueError("calendar has no working time")
