"""The report tables of migration 0033 defined once: what each should hold, counted from
the clocks, escalations, incidents and pending spans themselves (the migration's fill,
``summary.rebuild`` for another zone, and ``desk-app check``'s recount), and the check's
comparison. ``values`` reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from .pending_work import working
from .values import HALF

STAGES = ("assign", "accept", "resolve")
SERIES = (*(f"{s}.{k}" for s in STAGES for k in ("working", "calendar")), "resolve.person",
          "ack")
#: the value buckets' lower bounds: every whole second below 10, then about 15 % apart
EDGES: tuple[int, ...] = (-(2 ** 62), 0, *sorted(
    {x for x in (round(60 * 1.15 ** k) for k in range(-30, 160)) if 0 < x <= 2 ** 40}))
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
