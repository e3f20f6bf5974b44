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
value. Triggers keep both tables (0033_report_values.sql); ``desk-app check`` recounts them
(``differences``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from desk_app.storage.models import database

from . import figures as fig
from .pending_work import working

#: the series of values (the part is the clock's priority, or the resolver for ``person``)
STAGES = ("assign", "accept", "resolve")
SERIES = (*(f"{s}.{k}" for s in STAGES for k in ("working", "calendar")), "resolve.person",
          "ack")
#: the value buckets' lower bounds: every whole second below 10, then about 15 % apart
EDGES: tuple[int, ...] = (-(2 ** 62), 0, *sorted(
    {x for x in (round(60 * 1.15 ** k) for k in range(-30, 160)) if 0 < x <= 2 ** 40}))
#: 2**58 and 2**29: the rest of a value's minutes as a whole number, in two halves
SCALE, HALF = 2 ** 58, 2 ** 29
#: the months the tables count, as for the desk days of ``summary``
FIRST_YEAR, END_YEAR = 1970, 2201

_BUCKET = "(SELECT max(e.lower) FROM report_value_edge e WHERE e.lower <= v.seconds)"
_MONTH = "coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= v.at), -1)"
_REST = "CAST((v.seconds / 60.0 - v.seconds / 60) * 288230376151711744.0 AS INTEGER)"
_STOPPED = "k.state = 'stopped' AND k.stopped_at IS NOT NULL"

#: what ``report_value`` should hold, from the clocks and incidents themselves (the fill of
#: the migration and ``desk-app check``'s recount; the triggers make the same rows)
VALUE_ROWS = (
    f"SELECT v.series, v.part, {_BUCKET} AS bucket, v.at, v.item_id, v.seconds FROM ("
    "SELECT k.stage || '.working' AS series, k.priority AS part, k.elapsed_seconds AS "
    f"seconds, k.stopped_at AS at, k.id AS item_id FROM target_clock k WHERE {_STOPPED} "
    "UNION ALL SELECT k.stage || '.calendar', k.priority, k.stopped_at - k.started_at, "
    f"k.stopped_at, k.id FROM target_clock k WHERE {_STOPPED} "
    "UNION ALL SELECT 'resolve.person', coalesce(i.resolved_by_id, 0), k.elapsed_seconds, "
    "k.stopped_at, k.id FROM target_clock k JOIN incident i ON i.id = k.incident_id "
    f"WHERE k.stage = 'resolve' AND {_STOPPED} "
    "UNION ALL SELECT 'ack', e.reason, e.acknowledged_at - e.at, e.at, e.id FROM escalation e "
    "WHERE e.acknowledged_at IS NOT NULL) v")
#: what ``report_person_month`` should hold, from the incidents
PERSON_KEY = ("month", "assignee_id", "resolved_by_id")
PERSON_FIGURES = ("resolved", "seconds")
PERSON_ROWS = (
    "SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= i.resolved_at), "
    "-1), coalesce(i.assignee_id, 0), coalesce(i.resolved_by_id, 0), count(*), "
    "sum(i.resolved_at - i.created_at) FROM incident i WHERE i.resolved_at IS NOT NULL "
    "GROUP BY 1, 2, 3")
#: what ``report_pending_month`` should hold, from the spans and their incidents
PENDING_KEY = ("month", "wait_code_id")
PENDING_FIGURES = ("spans", "calendar", "working", "unknown")
_UNTIL = "max(s.started_at, min(coalesce(s.ended_at, i.resolved_at), i.resolved_at))"
PENDING_ROWS = (
    "SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= i.resolved_at), "
    f"-1) AS month, s.wait_code_id AS wait_code_id, count(*) AS spans, sum({_UNTIL} - "
    "s.started_at) AS calendar, total(s.working) AS working, count(*) - count(s.working) AS "
    "unknown FROM report_pending_span s JOIN incident i ON i.id = "
    f"s.incident_id WHERE i.resolved_at IS NOT NULL AND {_UNTIL} > s.started_at GROUP BY 1, 2")
#: what ``report_escalation_month`` should hold, from the escalations and their incidents
ESCALATION_KEY = ("month", "reason", "stage", "group_id", "priority")
ESCALATION_FIGURES = ("escalated", "acknowledged")
ESCALATION_ROWS = (
    "SELECT coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= e.at), -1), "
    "e.reason, i.stage, i.group_id, i.priority, count(*), count(e.acknowledged_at) "
    "FROM escalation e JOIN incident i ON i.id = e.incident_id GROUP BY 1, 2, 3, 4, 5")
#: the month counts of the rows of ``source`` (a table or a parenthesised select)
MONTH_FIGURES = ("n", "total", "whole", "high", "low")


def month_rows(source: str) -> str:
    return (f"SELECT {_MONTH} AS month, v.series, v.part, v.bucket, count(*), sum(v.seconds), "
            f"sum(v.seconds / 60), sum(v.rest / {HALF}), sum(v.rest % {HALF}) FROM "
            f"(SELECT v.*, {_REST} AS rest FROM {source} v) v GROUP BY 1, 2, 3, 4")


Execute = Callable[..., Any]

#: the day summaries of schema 27 and their months: (day table, month table, key, figures)
_DAY_MONTHS = (
    ("report_incident_day", "report_incident_month",
     ("priority", "group_id", "category_id", "channel"),
     ("logged", "first_contact", "linked", "resolved", "transfers_3", "moves_0", "moves_1",
      "moves_2", "moves_3", "moves_4", "moves_5", "closed", "auto_closed", "rated",
      "rating_sum", "rated_1", "rated_2", "rated_3", "rated_4", "rated_5")),
    ("report_clock_day", "report_clock_month",
     ("stage", "clock_priority", "priority", "group_id", "category_id", "channel"),
     ("stopped", "met")),
)


def month_starts(zone: ZoneInfo) -> Iterator[int]:
    """Every desk month's first midnight in ``zone``, UTC seconds."""
    from .period import instant

    for year in range(FIRST_YEAR, END_YEAR):
        for month in range(1, 13):
            yield instant(date(year, month, 1), zone)


def fill(execute: Execute, executemany: Execute, zone: ZoneInfo) -> None:
    """Make the buckets, the months for ``zone`` and both tables again (inside the
    caller's write transaction): the values from the clocks, then their month counts in
    one grouped statement (the triggers would take one statement per value)."""
    execute("DELETE FROM report_value_edge")
    executemany("INSERT INTO report_value_edge (lower) VALUES (?)", [(e,) for e in EDGES])
    fill_months(execute, executemany, zone, values=False)
    execute("DELETE FROM report_value")
    execute("INSERT INTO report_value (series, part, bucket, at, item_id, seconds) "
            f"{VALUE_ROWS}")
    execute("DELETE FROM report_value_month")
    execute(f"INSERT INTO report_value_month (month, series, part, bucket, "
            f"{', '.join(MONTH_FIGURES)}) {month_rows('report_value')}")


def fill_months(execute: Execute, executemany: Execute, zone: ZoneInfo,
                values: bool = True) -> None:
    """The months for ``zone`` and (``values``) the month counts again: what a change of
    the report zone changes (the values and their buckets do not depend on it)."""
    execute("DELETE FROM report_month")
    executemany("INSERT INTO report_month (start) VALUES (?)",
                [(m,) for m in month_starts(zone)])
    if values:
        execute("DELETE FROM report_value_month")
        execute(f"INSERT INTO report_value_month (month, series, part, bucket, "
                f"{', '.join(MONTH_FIGURES)}) {month_rows('report_value')}")
    for day_table, month_table, key, figures in _DAY_MONTHS:
        execute(f"DELETE FROM {month_table}")
        execute(f"INSERT INTO {month_table} (month, {', '.join(key + figures)}) SELECT "
                "coalesce((SELECT max(m.start) FROM report_month m WHERE m.start <= d.day), "
                f"-1), {', '.join(key)}, {', '.join(f'sum({f})' for f in figures)} "
                f"FROM {day_table} d GROUP BY {', '.join(str(n) for n in range(1, len(key) + 2))}")
    execute("DELETE FROM report_pending_month")
    execute(f"INSERT INTO report_pending_month ({', '.join(PENDING_KEY + PENDING_FIGURES)}) "
            f"{PENDING_ROWS}")
    execute("DELETE FROM report_person_month")
    execute(f"INSERT INTO report_person_month ({', '.join(PERSON_KEY + PERSON_FIGURES)}) "
            f"{PERSON_ROWS}")
    execute("DELETE FROM report_escalation_month")
    execute(f"INSERT INTO report_escalation_month ({', '.join(ESCALATION_KEY)}, "
            f"{', '.join(ESCALATION_FIGURES)}) {ESCALATION_ROWS}")


def kept(execute: Execute) -> bool:
    """Whether the file has the tables (schema 33 on)."""
    return execute("SELECT 1 FROM sqlite_master WHERE name = 'report_value_month'"
                   ).fetchone() is not None


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


def spread(ranked: Sequence[int]) -> tuple[float | None, float | None, float | None]:
    return fig.spread_sorted(ranked)


# -- desk-app check ------------------------------------------------------------------------
def pending_differences(rows: Callable[[str], list[tuple]]
                        ) -> Iterator[tuple[str, tuple, str, Any, Any]]:
    """The pending spans whose kept working seconds disagree with a count on their
    calendar (incidents marked for counting again are left to the program)."""
    found = rows(
        "SELECT s.incident_id, s.journal_id, s.calendar_id, s.started_at, s.ended_at, "
        "i.resolved_at, s.working FROM report_pending_span s JOIN incident i "
        "ON i.id = s.incident_id WHERE s.incident_id NOT IN "
        "(SELECT incident_id FROM report_pending_dirty) ORDER BY 1, 2")
    counted = working([tuple(r[:6]) for r in found])
    for row, (incident_id, journal_id, seconds) in zip(found, counted, strict=True):
        if row[6] != seconds:
            yield "report_pending_span", (incident_id, journal_id), "working", row[6], seconds


def differences(rows: Callable[[str], list[tuple]]
                ) -> Iterator[tuple[str, tuple, str, Any, Any]]:
    """Every (table, key, figure, stored, counted) on which ``report_value`` or
    ``report_value_month`` disagree with a recount from the clocks; compared by SQLite
    (``EXCEPT`` both ways), so only the rows that differ reach Python."""
    tables = (
        ("report_value", ("series", "part", "bucket", "at", "item_id"), ("seconds",),
         "SELECT series, part, bucket, at, item_id, seconds FROM report_value",
         VALUE_ROWS),
        ("report_value_month", ("month", "series", "part", "bucket"), MONTH_FIGURES,
         f"SELECT month, series, part, bucket, {', '.join(MONTH_FIGURES)} FROM "
         f"report_value_month WHERE {' OR '.join(f'{f} != 0' for f in MONTH_FIGURES)}",
         f"SELECT * FROM ({month_rows('(' + VALUE_ROWS + ')')}) WHERE 1"),
        ("report_escalation_month", ESCALATION_KEY, ESCALATION_FIGURES,
         f"SELECT {', '.join(ESCALATION_KEY + ESCALATION_FIGURES)} FROM report_escalation_month "
         "WHERE escalated != 0 OR acknowledged != 0", ESCALATION_ROWS),
        ("report_pending_month", PENDING_KEY, PENDING_FIGURES,
         f"SELECT {', '.join(PENDING_KEY + PENDING_FIGURES)} FROM report_pending_month "
         f"WHERE {' OR '.join(f'{f} != 0' for f in PENDING_FIGURES)}",
         f"SELECT month, wait_code_id, spans, calendar, CAST(working AS INTEGER), unknown "
         f"FROM ({PENDING_ROWS})"),
        ("report_person_month", PERSON_KEY, PERSON_FIGURES,
         f"SELECT {', '.join(PERSON_KEY + PERSON_FIGURES)} FROM report_person_month "
         "WHERE resolved != 0 OR seconds != 0", PERSON_ROWS),
    )
    for table, key, figures, have_sql, want_sql in tables:
        width = len(key)
        have = {tuple(r[:width]): tuple(r[width:]) for r in rows(
            f"SELECT * FROM ({have_sql} EXCEPT SELECT * FROM ({want_sql}))")}
        want = {tuple(r[:width]): tuple(r[width:]) for r in rows(
            f"SELECT * FROM ({want_sql} EXCEPT SELECT * FROM ({have_sql}))")}
        zero = (None,) if table == "report_value" else (0,) * len(figures)
        for k in sorted(set(have) | set(want), key=repr):
            a, b = have.get(k, zero), want.get(k, zero)
            for figure, x, y in zip(figures, a, b, strict=True):
                if x != y:
                    yield table, k, figure, x, y
