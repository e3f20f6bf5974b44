"""Small statistics the KPIs share, defined once (docs/kpis.md, "Statistics")."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import eq, truediv
from typing import Any


def pct(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole`` (2 decimals); None when there is no whole."""
    return round(100.0 * part / whole, 2) if whole else None


def ratio(total: int, count: int) -> float | None:
    """A mean from its sum and count (2 decimals); None without values."""
    return round(total / count, 2) if count else None


def median(values: Sequence[float]) -> float | None:
    """The middle value (the mean of the two middle ones for an even count)."""
    return round(float(statistics.median(values)), 2) if values else None


def mean(values: Sequence[float]) -> float | None:
    return round(float(statistics.fmean(values)), 2) if values else None


def p90(values: Sequence[float]) -> float | None:
    """The 90th percentile by nearest rank: the smallest value that at least 90 % of the
    values do not exceed."""
    if not values:
        return None
    ordered = sorted(values)
    return round(float(ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]), 2)


def spread(values: Sequence[float]) -> tuple[float | None, float | None, float | None]:
    """``median``, ``mean`` and ``p90`` of ``values`` with one sort (the same figures)."""
    if not values:
        return None, None, None
    ordered = sorted(values)
    n = len(ordered)
    middle = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    return (round(float(middle), 2), mean(ordered),
            round(float(ordered[max(0, math.ceil(0.9 * n) - 1)]), 2))


def minutes(seconds: Sequence[int]) -> list[float]:
    return [s / 60.0 for s in seconds]


def spread_minutes(seconds: Sequence[int]) -> tuple[float | None, float | None, float | None]:
    """``spread`` of ``[s / 60.0 for s in seconds]``, from the whole seconds sorted as they
    are (dividing by 60 keeps their order), with the same float operations on the values
    it picks: the same figures without a list of minutes per report figure."""
    return spread_sorted(Listed(sorted(seconds)))


class Listed(list):
    """Whole seconds in order, with ``minutes_sum``: what ``spread_sorted`` takes (as
    ``values.Ranked`` does, whose items are read on demand)."""

    def minutes_sum(self) -> float:
        return math.fsum(map(truediv, self, repeat(60.0)))  # statistics.fmean's sum


def spread_sorted(ordered: Sequence[int]) -> tuple[float | None, float | None, float | None]:
    """``spread_minutes`` of whole seconds already in order that know the float sum of
    their minutes (``minutes_sum``): only the values at the ranks picked are read."""
    n = len(ordered)
    if not n:
        return None, None, None
    mean = ordered.minutes_sum() / n  # type: ignore[attr-defined]
    return (_middle_minutes(ordered), round(float(mean), 2),
            round(float(ordered[max(0, math.ceil(0.9 * n) - 1)] / 60.0), 2))


def median_sorted(ordered: Sequence[int]) -> float | None:
    """``median_minutes`` of whole seconds already in order."""
    return _middle_minutes(ordered) if len(ordered) else None


def median_minutes(seconds: Sequence[int]) -> float | None:
    """``median`` of ``[s / 60.0 for s in seconds]`` (see ``spread_minutes``)."""
    return _middle_minutes(sorted(seconds)) if seconds else None


def _middle_minutes(ordered: Sequence[int]) -> float:
    """The median of sorted whole seconds in minutes, as ``statistics.median`` takes it
    from the minutes (the mean of the two middle ones for an even count)."""
    n = len(ordered)
    middle = ordered[n // 2] / 60.0 if n % 2 else \
        (ordered[n // 2 - 1] / 60.0 + ordered[n // 2] / 60.0) / 2
    return round(float(middle), 2)


def grouped(keys: Iterable[Any], values: Iterable[Any]) -> dict[Any, list[Any]]:
    """``values`` listed per key, from a column of keys and one of values."""
    keys, values = list(keys), list(values)
    distinct = set(keys)
    per: dict[Any, list[Any]] = defaultdict(list)
    if len(distinct) <= 8:  # a few keys (priorities): one pass in C per key
        for key in distinct:
            per[key] = list(compress(values, map(eq, keys, repeat(key))))
        return per
    for key, value in zip(keys, values, strict=True):
        per[key].append(value)
    return per
