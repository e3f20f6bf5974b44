"""Working seconds between many pairs of moments on a few calendars, for the reports.

``domain.calendar.working_seconds`` walks a calendar's windows day by day for every span:
right for one clock, slow for the thousands of pending spans of a year's report. A
``Timeline`` lists a calendar's working windows once for a range of moments, as UTC
seconds, with the working seconds before each window added up; the working time of a span
inside the range is then two binary searches. Outside the range (or for a calendar with
overlapping windows, which the prefix sums cannot serve) it asks ``working_seconds``, so
the figures are those of the clocks themselves.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import UTC, datetime

from desk_app.domain.calendar import CalendarSpec, _windows, working_seconds

#: a range is widened by this much each side so that spans at its edges stay inside
_MARGIN = 2 * 86400


def _moment(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


class Timeline:
    """One calendar's working windows over ``[first, last]`` (UTC seconds)."""

    def __init__(self, spec: CalendarSpec, first: int, last: int) -> None:
        self.spec = spec
        self.first, self.last = first, last
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.before: list[int] = []  # working seconds of the windows before each one
        if spec.always:
            return
        total, previous_end = 0, None
        limit = last + _MARGIN
        for begin, finish in _windows(spec, _moment(first - _MARGIN)):
            a, b = int(begin.timestamp()), int(finish.timestamp())
            if a > limit:
                break
            if b <= a:
                continue
            if previous_end is not None and a < previous_end:
                self.first, self.last = 1, 0  # overlapping windows: ask the calendar
                return
            self.starts.append(a)
            self.ends.append(b)
            self.before.append(total)
            total += b - a
            previous_end = b
        self.starts.append(limit + 1)  # a sentinel: everything before it is listed
        self.ends.append(limit + 1)
        self.before.append(total)

    def _at(self, t: int) -> int:
        """Working seconds from the first window to ``t``."""
        n = bisect_right(self.starts, t) - 1
        if n < 0:
            return 0
        return self.before[n] + min(t, self.ends[n]) - self.starts[n]

    def seconds(self, start: int, end: int) -> int:
        """Working seconds in ``[start, end)``, as ``working_seconds`` counts them."""
        if end <= start:
            return 0
        if self.spec.always:
            return end - start
        if start < self.first or end > self.last:
            return working_seconds(self.spec, _moment(start), _moment(end))
        return self._at(end) - self._at(start)


class Timelines:
    """A ``Timeline`` per calendar, made on first use for the range given."""

    def __init__(self, calendars: dict[int, CalendarSpec], first: int, last: int) -> None:
        self.calendars = calendars
        self.first, self.last = first, last
        self._made: dict[int, Timeline] = {}

    def seconds(self, calendar_id: int | None, start: int, end: int) -> int:
        """Working seconds of ``[start, end)`` on the calendar (calendar seconds when the
        calendar is unknown: none is a 24×7 one)."""
        spec = self.calendars.get(calendar_id) if calendar_id is not None else None
        if spec is None:
            return max(0, end - start)
        timeline = self._made.get(calendar_id)  # type: ignore[arg-type]
        if timeline is None:
            timeline = self._made[calendar_id] = Timeline(  # type: ignore[index]
                spec, self.first, self.last)
        return timeline.seconds(start, end)

