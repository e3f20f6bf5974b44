"""The reports' working time of many spans (``reports.working``) is the clocks' own
``working_seconds``, on calendars with holidays, make-up days and breaks."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.domain.calendar import ALWAYS, CalendarSpec, office_hours, working_seconds
from desk_app.services.reports.working import Timeline, Timelines

_T0 = int(datetime(2026, 2, 20, tzinfo=UTC).timestamp())
OFFICE = office_hours()
HOLIDAYS = CalendarSpec(always=False, timezone="Asia/Shanghai",
                        weekly=dict(OFFICE.weekly), holidays=frozenset({date(2026, 3, 4)}),
                        workdays=frozenset({date(2026, 3, 7)}), makeup_weekday=0)
NIGHTS = CalendarSpec(always=False, timezone="Europe/Berlin",
                      weekly={d: ((0, 120), (1320, 1440)) for d in range(7)})


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@settings(max_examples=200, deadline=None)
@given(spec=st.sampled_from([ALWAYS, OFFICE, HOLIDAYS, NIGHTS]),
       start=st.integers(0, 40 * 86400), length=st.integers(0, 20 * 86400))
def test_a_span_inside_the_timeline_counts_as_the_clock_does(spec: CalendarSpec, start: int,
                                                            length: int) -> None:
    a, b = _T0 + start, _T0 + start + length
    timeline = Timeline(spec, _T0, _T0 + 60 * 86400)
    assert timeline.seconds(a, b) == working_seconds(spec, _at(a), _at(b))


@settings(max_examples=50, deadline=None)
@given(start=st.integers(-30 * 86400, 30 * 86400), length=st.integers(0, 40 * 86400))
def test_a_span_outside_the_timeline_asks_the_calendar(start: int, length: int) -> None:
    a, b = _T0 + start, _T0 + start + length
    timeline = Timeline(HOLIDAYS, _T0, _T0 + 86400)
    assert timeline.seconds(a, b) == working_seconds(HOLIDAYS, _at(a), _at(b))


def test_an_unknown_calendar_counts_calendar_time() -> None:
    timelines = Timelines({1: OFFICE}, _T0, _T0 + 86400)
    assert timelines.seconds(None, _T0, _T0 + 600) == 600
    assert timelines.seconds(7, _T0, _T0 + 600) == 600
    # Fri 20 Feb 2026 in Shanghai: 09:00–12:00 and 13:30–18:00 local = 7.5 h
    assert timelines.seconds(1, _T0, _T0 + 86400) == 450 * 60
