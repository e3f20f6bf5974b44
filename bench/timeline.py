"""Working time in whole epoch seconds, fast enough to time a million incidents.

The core's ``desk_app.domain.calendar`` walks a calendar's working windows day by day, which
is right for one incident and too slow for a million. A ``Timeline`` lays the same windows
out once over the generated period, with a running total of working seconds, so that
``working_seconds`` and ``add_working_seconds`` become a subtraction and a binary search.
It is built from the core's own ``CalendarSpec`` (what ``load_calendars`` reads from the
file), and the tests check it against the core's functions on random intervals.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desk_app.domain.calendar import CalendarSpec


def _moment(day: date, minute: int, zone: ZoneInfo) -> int:
    """Seconds since the epoch of ``minute`` past local midnight (as the core's ``_at``)."""
    if minute >= 1440:
        local = datetime.combine(day + timedelta(days=1), time(0), zone)
    else:
        local = datetime.combine(day, time(minute // 60, minute % 60), zone)
    return int(local.astimezone(UTC).timestamp())


class Timeline:
    """``spec``'s working windows between ``first`` and ``last`` (epoch seconds)."""

    def __init__(self, spec: CalendarSpec, first: int, last: int) -> None:
        self.always = spec.always
        self.first, self.last = first, last
        self.starts: list[int] = []
        self.before: list[int] = []  # working seconds before each window
        self.ends_total: list[int] = []  # working seconds at the end of each window
        if self.always:
            return
        zone = spec.zone
        day = datetime.fromtimestamp(first, zone).date() - timedelta(days=2)
        end_day = datetime.fromtimestamp(last, zone).date() + timedelta(days=2)
        total = 0
        while day <= end_day:
            for begin, finish in spec.hours_on(day):
                start, stop = _moment(day, begin, zone), _moment(day, finish, zone)
                self.starts.append(start)
                self.before.append(total)
                total += stop - start
                self.ends_total.append(total)
            day += timedelta(days=1)
        if not self.starts:
            raise ValueError("calendar has no working time in the generated period")

    def _check(self, moment: int) -> None:
        if not self.first <= moment <= self.last:
            raise ValueError(f"{moment} is outside the timeline {self.first}..{self.last}")

    def worked(self, moment: int) -> int:
        """Working seconds from the timeline's origin up to ``moment``."""
        i = bisect_right(self.starts, moment) - 1
        if i < 0:
            return 0
        return min(self.before[i] + moment - self.starts[i], self.ends_total[i])

    def working_seconds(self, start: int, end: int) -> int:
        if end <= start:
            return 0
        if self.always:
            return end - start
        self._check(start)
        self._check(end)
        return self.worked(end) - self.worked(start)

    def add_working_seconds(self, start: int, seconds: int) -> int:
        if seconds <= 0:
            return start
        if self.always:
            return start + seconds
        self._check(start)
        wanted = self.worked(start) + seconds
        i = bisect_left(self.ends_total, wanted)
        if i >= len(self.starts):
            raise ValueError("the timeline is too short for this target")
        result = self.starts[i] + wanted - self.before[i]
        self._check(result)
        return result

    def next_working_moment(self, moment: int) -> int:
        """``moment`` if it is working time, else the start of the next working window (as
        the core's ``next_working_moment``)."""
        if self.always:
            return moment
        self._check(moment)
        i = bisect_right(self.starts, moment) - 1
        if i >= 0 and moment < self.starts[i] + self.ends_total[i] - self.before[i]:
            return moment
        if i + 1 >= len(self.starts):
            raise ValueError("the timeline is too short")
        return self.starts[i + 1]
