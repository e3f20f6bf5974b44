"""The statistics from whole seconds (``figures.spread_minutes``, ``median_minutes``) are the
figures of docs/kpis.md ("Statistics") computed on the minutes themselves: the median (the
mean of the two middle ones for an even count), the mean and the 90th percentile by nearest
rank, with ties, even and odd counts, one value and none; and the grouping the report uses
to list values per priority or person keeps every value under its own key."""

from __future__ import annotations

import math
import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.services.reports import figures as fig
from desk_app.services.reports.build import _grouped

#: small ranges make ties and equal neighbours common; large ones exercise the rounding
SECONDS = st.one_of(st.lists(st.integers(0, 3), max_size=40),
                    st.lists(st.integers(0, 600), max_size=200),
                    st.lists(st.integers(0, 10**9), max_size=200))


def _by_definition(minutes: list[float]) -> tuple[float | None, float | None, float | None]:
    """docs/kpis.md's definitions on the minutes, written out independently."""
    if not minutes:
        return None, None, None
    ordered = sorted(minutes)
    p90 = ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]
    return (round(float(statistics.median(minutes)), 2),
            round(float(statistics.fmean(minutes)), 2), round(float(p90), 2))


@settings(max_examples=400, deadline=None)
@given(seconds=SECONDS)
def test_statistics_from_whole_seconds_are_those_of_the_minutes(seconds: list[int]) -> None:
    minutes = [s / 60.0 for s in seconds]
    expected = _by_definition(minutes)
    assert fig.spread_minutes(seconds) == expected
    assert fig.spread(minutes) == expected
    assert fig.median_minutes(seconds) == expected[0] == fig.median(minutes)
    assert (fig.mean(minutes), fig.p90(minutes)) == expected[1:]


def test_even_counts_and_ties_by_hand() -> None:
    # 1, 2, 2, 7 minutes: the median is the mean of the middle two, p90 the 4th value
    assert fig.spread_minutes([120, 60, 420, 120]) == (2.0, 3.0, 7.0)
    # 30 s and 45 s: median 0.625 min rounds to 0.62 (half to even), mean the same
    assert fig.spread_minutes([45, 30]) == (0.62, 0.62, 0.75)
    assert fig.spread_minutes([90]) == (1.5, 1.5, 1.5)
    assert fig.spread_minutes([]) == (None, None, None)
    assert fig.median_minutes([]) is None


@settings(max_examples=200, deadline=None)
@given(pairs=st.lists(st.tuples(st.one_of(st.none(), st.integers(1, 4), st.integers(1, 30)),
                                st.integers(0, 10**6)), max_size=120))
def test_values_grouped_per_key_keep_every_value(pairs: list[tuple[int | None, int]]) -> None:
    keys = [k for k, _ in pairs]
    values = [v for _, v in pairs]
    grouped = _grouped(keys, values)
    expected: dict[int | None, list[int]] = {}
    for k, v in pairs:
        expected.setdefault(k, []).append(v)
    assert dict(grouped) == expected
