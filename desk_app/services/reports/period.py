"""Report periods: dates in the desk's time zone, from inclusive, to exclusive.

An incident belongs to a period by the moment of the event counted (logged by logging time,
resolved by resolution time), so a period is turned into two UTC instants once and every
query compares stored moments (whole seconds, UTC) with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desk_app.storage.models import Setting

#: The setting that names the desk's time zone; without it, the zone the escalation review
#: counts weeks in (the desk's default).
ZONE_SETTING = "report_timezone"
DEFAULT_ZONE = "Asia/Shanghai"


def desk_zone() -> ZoneInfo:
    """The database's time zone (read in the caller's transaction)."""
    row = Setting.get_or_none(Setting.key == ZONE_SETTING)
    try:
        return ZoneInfo(row.value if row is not None else DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


class Preset(StrEnum):
    THIS_WEEK = "this_week"
    LAST_WEEK = "last_week"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    CUSTOM = "custom"


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def preset_dates(preset: Preset, today: date) -> tuple[date, date]:
    """[from, to) of a preset around ``today`` (weeks start on Monday)."""
    monday = today - timedelta(days=today.weekday())
    if preset == Preset.THIS_WEEK:
        return monday, monday + timedelta(days=7)
    if preset == Preset.LAST_WEEK:
        return monday - timedelta(days=7), monday
    if preset == Preset.LAST_MONTH:
        this = _month_start(today)
        return _month_start(this - timedelta(days=1)), this
    if preset == Preset.THIS_QUARTER:
        first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        end = first
        for _ in range(3):
            end = _next_month(end)
        return first, end
    return _month_start(today), _next_month(today)  # this month (and custom's default)


@dataclass(frozen=True)
class Period:
    start: date  # inclusive
    end: date  # exclusive

    def bounds(self, zone: ZoneInfo) -> tuple[int, int]:
        """The period as UTC seconds [from, to)."""
        return instant(self.start, zone), instant(self.end, zone)

    def buckets(self, granularity: Granularity) -> list[date]:
        """The first day of every bucket that overlaps the period, and the period's end."""
        if granularity == Granularity.DAY:
            first, step = self.start, lambda d: d + timedelta(days=1)
        elif granularity == Granularity.WEEK:
            first = self.start - timedelta(days=self.start.weekday())
            step = lambda d: d + timedelta(days=7)  # noqa: E731
        else:
            first, step = _month_start(self.start), _next_month
        days = [first]
        while days[-1] < self.end:
            days.append(step(days[-1]))
        return days

    def default_granularity(self) -> Granularity:
        length = (self.end - self.start).days
        return Granularity.DAY if length <= 45 else (
            Granularity.WEEK if length <= 200 else Granularity.MONTH)


def instant(day: date, zone: ZoneInfo) -> int:
    return int(datetime.combine(day, time(0), zone).astimezone(UTC).timestamp())


#: the years a report may cover: stored moments are seconds since 1970
FIRST_YEAR, LAST_YEAR = 1970, 9998


def check_period(period: Period) -> None:
    """A period that is not empty and lies within the years moments can be stored for."""
    from desk_app.errors import ValidationError

    if period.end <= period.start:
        raise ValidationError.single("period", "report.cli.empty_period")
    if period.start.year < FIRST_YEAR or period.end.year > LAST_YEAR:
        raise ValidationError.single("period", "report.period_range", first=FIRST_YEAR,
                                     last=LAST_YEAR)
