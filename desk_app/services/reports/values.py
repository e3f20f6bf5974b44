"""Order statistics from counts (migration 0033): the stopped clocks' values bucketed and
counted per desk month, so that a report's medians, means and 90th percentiles read the
counts of its months and, per statistic, only the values of the one bucket holding its rank
— the same figures as sorting every value, without reading every value.

``report_value`` holds one row per stopped clock and series (``SERIES``), keyed
``(series, part, bucket, at, item_id)``; ``report_value_month`` counts them per month,
series, part and bucket with their sum and the exact sum of their minutes as floats: the
whole minutes, and the rest of each ``seconds / 60.0`` (a float whose last bit is worth at
least 2**-58 for any whole number of seconds from 1 on) times 2**58, split into two halves
that a year's sum cannot overflow. ``math.fsum`` of the minutes is that exact sum correctly
rounded, which is ``float(Fraction(...))``: the mean is the same float as the one from every
value. Triggers keep both tables (0033_report_values.sql); ``value_tables`` defines, fills
and recounts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from desk_app.storage.models import database

#: the series of values (the part is the clock's priority, or the resolver for ``person``)
#: 2**58 and 2**29: the rest of a value's minutes as a whole number, in two halves
SCALE, HALF = 2 ** 58, 2 ** 29


# -- the exact sums ------------------------------------------------------------------------
def _trunc_div(a: int, b: int) -> int:
    """Integer division toward zero, as SQLite's."""
    q = abs(a) // b
    return q if a >= 0 else -q


def parts(seconds: int) -> tuple[int, int, int]:
    """A value's whole minutes and the two halves of the rest of ``seconds / 60.0`` times
    2**58, computed as the triggers compute them (for the tests)."""
    whole = _trunc_div(seconds, 60)
    rest = int((seconds / 60.0 - whole) * float(SCALE))
    high = _trunc_div(rest, HALF)
    return whole, high, rest - high * HALF


def minutes_sum(whole: int, high: int, low: int) -> float:
    """``math.fsum`` of the values' ``seconds / 60.0`` from their parts' sums: the exact
    sum, correctly rounded."""
    return float(Fraction(whole) + Fraction(high * HALF + low, SCALE))


# -- reading -------------------------------------------------------------------------------
class Ranked(Sequence[int]):
    """The values of one series and some of its parts in a period, in order, as a sequence
    whose items are read on demand: the counts give the bucket of a rank, and that bucket's
    values are read once (through the primary key) and sorted."""

    def __init__(self, counted: Counted, series: str, per_part: dict[Any, list[tuple]]
                 ) -> None:
        self._counted, self._series = counted, series
        per_bucket: dict[int, int] = {}
        self._parts = sorted(per_part)
        sums = [0, 0, 0, 0]
        for rows in per_part.values():
            for bucket, n, total, whole, high, low in rows:
                per_bucket[bucket] = per_bucket.get(bucket, 0) + n
                sums[0] += total
                sums[1] += whole
                sums[2] += high
                sums[3] += low
        self._buckets = sorted(per_bucket.items())
        self._n = sum(per_bucket.values())
        self.total, self._whole, self._high, self._low = sums
        self._read: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return self._n

    def minutes_sum(self) -> float:
        return minutes_sum(self._whole, self._high, self._low)

    def __getitem__(self, rank: Any) -> Any:
        if isinstance(rank, slice):
            return [self[i] for i in range(*rank.indices(self._n))]
        if rank < 0:
            rank += self._n
        if not 0 <= rank < self._n:
            raise IndexError(rank)
        before = 0
        for bucket, n in self._buckets:
            if rank < before + n:
                return self._values(bucket)[rank - before]
            before += n
        raise IndexError(rank)  # the counts disagree with themselves: not reached

    def _values(self, bucket: int) -> list[int]:
        if bucket not in self._read:
            marks = ", ".join("?" * len(self._parts))
            self._read[bucket] = sorted(row[0] for row in database.execute_sql(
                f"SELECT seconds FROM report_value WHERE series = ? AND part IN ({marks}) "
                "AND bucket = ? AND at >= ? AND at < ?",
                (self._series, *self._parts, bucket, self._counted.start,
                 self._counted.end)).fetchall())
        return self._read[bucket]


class Counted:
    """A period's month counts of every series, read once (a period of whole months)."""

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end
        self._ranked: dict[str, Ranked] = {}
        self._parts: dict[str, dict[Any, Ranked]] = {}
        #: per series and part: (bucket, n, total, whole, high, low) of each bucket
        self.rows: dict[str, dict[Any, list[tuple]]] = {}
        for row in database.execute_sql(
                "SELECT series, part, bucket, sum(n), sum(total), sum(whole), sum(high), "
                "sum(low) FROM report_value_month WHERE month >= ? AND month < ? "
                "GROUP BY 1, 2, 3 HAVING sum(n) != 0", (start, end)).fetchall():
            self.rows.setdefault(row[0], {}).setdefault(row[1], []).append(
                tuple(int(v) for v in row[2:]))

    def escalations(self) -> list[tuple]:
        """The period's escalations and acknowledged ones per reason and the incident's
        stage, group and priority (one read of the month counts)."""
        if not hasattr(self, "_escalations"):
            self._escalations = [tuple(r) for r in database.execute_sql(
                "SELECT reason, stage, group_id, priority, sum(escalated), sum(acknowledged) "
                "FROM report_escalation_month WHERE month >= ? AND month < ? "
                "GROUP BY 1, 2, 3, 4", (self.start, self.end)).fetchall()]
        return self._escalations

    def people(self) -> list[tuple[Any, Any, int, int]]:
        """The incidents resolved in the period per assignee and resolver (None: none):
        how many, and their calendar seconds from logging to resolution."""
        return [(a or None, r or None, int(n), int(t)) for a, r, n, t in database.execute_sql(
            "SELECT assignee_id, resolved_by_id, sum(resolved), sum(seconds) FROM "
            "report_person_month WHERE month >= ? AND month < ? GROUP BY 1, 2 "
            "HAVING sum(resolved) != 0", (self.start, self.end)).fetchall()]

    def pending(self) -> list[tuple[Any, int, int, int, int]]:
        """The spans of the incidents resolved in the period per wait code: how many,
        their calendar and working seconds, and how many lack their working seconds."""
        return [(code, int(n), int(c), int(w), int(u)) for code, n, c, w, u in
                database.execute_sql(
            "SELECT wait_code_id, sum(spans), sum(calendar), sum(working), sum(unknown) FROM "
            "report_pending_month WHERE month >= ? AND month < ? GROUP BY 1",
            (self.start, self.end)).fetchall()]

    @staticmethod
    def whole_months(start: int, end: int) -> bool:
        """Whether the period starts and ends on month starts of the table's calendar."""
        (found,) = database.execute_sql(
            "SELECT count(*) FROM report_month WHERE start IN (?, ?)", (start, end)
        ).fetchone()
        return int(found) == len({start, end})

    def ranked(self, series: str) -> Ranked:
        """The series' values in order, of every part (one per report: the buckets it
        reads serve every figure asking for the series)."""
        if series not in self._ranked:
            self._ranked[series] = Ranked(self, series, self.rows.get(series, {}))
        return self._ranked[series]

    def by_part(self, series: str) -> dict[Any, Ranked]:
        """The series' values in order, per part."""
        if series not in self._parts:
            self._parts[series] = {part: Ranked(self, series, {part: rows})
                                   for part, rows in self.rows.get(series, {}).items()}
        return self._parts[series]


def resolver(part: int) -> Any:
    """The resolver of a ``resolve.person`` part (0: none)."""
    return part or None
