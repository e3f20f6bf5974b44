"""The reports' summary tables (migration 0027): counts per desk day × priority × group ×
category × channel, kept by triggers in the same transaction as every write of an incident
or a target clock (and the pending spans of migration 0031, kept with the journal), so
that a month's or a year's counts are read from a few thousand summary rows instead of
every incident of the period.

A desk day is a local midnight of the report time zone (``period.desk_zone``), as a UTC
moment; ``report_calendar`` lists them for the years a summary covers, and the triggers
place a moment in the latest midnight not after it. The tables are (re)built here for a
zone: by the migration, by the benchmark generator (which writes with the triggers
dropped), and whenever the zone they were built for is not the desk's. ``desk-app check``
recounts them from the incidents and names every disagreement (``check``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

import peewee

from desk_app.storage.models import database

from . import value_tables

#: the setting that records the zone the summary tables were built for
ZONE_KEY = "report.summary_zone"
#: the desk days the calendar lists: a period outside them is counted from its rows
FIRST_DAY, END_DAY = date(1970, 1, 1), date(2201, 1, 1)

INCIDENT_KEY = ("day", "priority", "group_id", "category_id", "channel")
INCIDENT_FIGURES = ("logged", "first_contact", "linked", "resolved", "transfers_3",
                    "moves_0", "moves_1", "moves_2", "moves_3", "moves_4", "moves_5",
                    "closed", "auto_closed", "rated", "rating_sum",
                    "rated_1", "rated_2", "rated_3", "rated_4", "rated_5")
CLOCK_KEY = ("day", "stage", "clock_priority", "priority", "group_id", "category_id",
             "channel")
CLOCK_FIGURES = ("stopped", "met")

#: the counts from the incidents and clocks themselves, as the triggers would have made them
#: (generated with the triggers of 0027_report_summaries.sql from one definition)
FILL = [
    ('INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, '
     'logged, first_contact, linked) SELECT coalesce((SELECT max(start) FROM report_calendar'
     ' WHERE start <= i.created_at), -1) AS d, i.priority, i.group_id, i.category_id, '
     'i.channel, sum(1), sum((i.resolved_at IS NOT NULL AND i.assigned_at IS NULL AND '
     'i.accepted_at IS NULL)), sum((i.linked_incident_id IS NOT NULL)) FROM incident i WHERE'
     ' 1 GROUP BY 1, 2, 3, 4, 5 ON CONFLICT (day, priority, group_id, category_id, channel) '
     'DO UPDATE SET logged = logged + excluded.logged, first_contact = first_contact + '
     'excluded.first_contact, linked = linked + excluded.linked'),
    ('INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, '
     'resolved, transfers_3, moves_0, moves_1, moves_2, moves_3, moves_4, moves_5) SELECT '
     'coalesce((SELECT max(start) FROM report_calendar WHERE start <= i.resolved_at), -1) AS'
     ' d, i.priority, i.group_id, i.category_id, i.channel, sum(1), '
     'sum((i.reassignment_count >= 3)), sum((min(i.reassignment_count, 5) = 0)), '
     'sum((min(i.reassignment_count, 5) = 1)), sum((min(i.reassignment_count, 5) = 2)), '
     'sum((min(i.reassignment_count, 5) = 3)), sum((min(i.reassignment_count, 5) = 4)), '
     'sum((min(i.reassignment_count, 5) = 5)) FROM incident i WHERE i.resolved_at IS NOT '
     'NULL GROUP BY 1, 2, 3, 4, 5 ON CONFLICT (day, priority, group_id, category_id, '
     'channel) DO UPDATE SET resolved = resolved + excluded.resolved, transfers_3 = '
     'transfers_3 + excluded.transfers_3, moves_0 = moves_0 + excluded.moves_0, moves_1 = '
     'moves_1 + excluded.moves_1, moves_2 = moves_2 + excluded.moves_2, moves_3 = moves_3 + '
     'excluded.moves_3, moves_4 = moves_4 + excluded.moves_4, moves_5 = moves_5 + '
     'excluded.moves_5'),
    ('INSERT INTO report_incident_day (day, priority, group_id, category_id, channel, '
     'closed, auto_closed, rated, rating_sum, rated_1, rated_2, rated_3, rated_4, rated_5) '
     'SELECT coalesce((SELECT max(start) FROM report_calendar WHERE start <= i.closed_at), '
     '-1) AS d, i.priority, i.group_id, i.category_id, i.channel, sum(1), '
     'sum((i.closed_by_id IS NULL)), sum((i.satisfaction IS NOT NULL)), '
     'sum(coalesce(i.satisfaction, 0)), sum((i.satisfaction IS 1)), sum((i.satisfaction IS '
     '2)), sum((i.satisfaction IS 3)), sum((i.satisfaction IS 4)), sum((i.satisfaction IS '
     '5)) FROM incident i WHERE i.closed_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ON CONFLICT '
     '(day, priority, group_id, category_id, channel) DO UPDATE SET closed = closed + '
     'excluded.closed, auto_closed = auto_closed + excluded.auto_closed, rated = rated + '
     'excluded.rated, rating_sum = rating_sum + excluded.rating_sum, rated_1 = rated_1 + '
     'excluded.rated_1, rated_2 = rated_2 + excluded.rated_2, rated_3 = rated_3 + '
     'excluded.rated_3, rated_4 = rated_4 + excluded.rated_4, rated_5 = rated_5 + '
     'excluded.rated_5'),
    "INSERT INTO report_clock_day (day, stage, clock_priority, priority, group_id, "
    "category_id, channel, stopped, met) SELECT coalesce((SELECT max(start) FROM "
    "report_calendar WHERE start <= k.stopped_at), -1), k.stage, k.priority, i.priority, "
    "i.group_id, i.category_id, i.channel, count(*), "
    "sum(k.elapsed_seconds <= k.target_minutes * 60) FROM target_clock k JOIN incident i "
    "ON i.id = k.incident_id WHERE k.state = 'stopped' "
    "GROUP BY 1, 2, 3, 4, 5, 6, 7 ON CONFLICT (day, stage, clock_priority, priority, "
    "group_id, category_id, channel) DO UPDATE SET stopped = stopped + excluded.stopped, "
    "met = met + excluded.met",
]
INCIDENT_FILL, CLOCK_FILL = FILL[:-1], FILL[-1:]

#: the pending spans (migration 0031): per change of a wait code that set one, until the
#: next change, with the calendar of the incident's latest stopped restore clock — what the
#: triggers of 0031_report_pending.sql keep, counted from the journal and the clocks (the
#: clock's stage as ``k.stage || ''`` keeps the planner on the index by incident)
PENDING_KEY = ("incident_id", "journal_id")
PENDING_FIGURES = ("wait_code_id", "started_at", "ended_at", "calendar_id")
PENDING_SPANS = (
    "SELECT w.incident_id, w.id, CAST(w.code AS INTEGER), w.at, w.ended_at, "
    "(SELECT k.calendar_id FROM target_clock k WHERE k.incident_id = w.incident_id "
    "AND k.stage || '' = 'resolve' AND k.state = 'stopped' ORDER BY k.stopped_at DESC, k.id DESC "
    "LIMIT 1) FROM (SELECT j.incident_id, j.id, j.at, "
    "json_extract(j.changes, '$.wait_code[1]') AS code, "
    "lead(j.at) OVER (PARTITION BY j.incident_id ORDER BY j.id) AS ended_at FROM journal j "
    "WHERE j.action IN ('pend', 'resume', 'raise_change') "
    "AND j.changes LIKE '%\"wait_code\"%') w WHERE w.code IS NOT NULL")

Execute = Callable[..., Any]


def _zeros(n: int) -> list[int]:
    return [0] * n


def midnights(zone: ZoneInfo) -> Iterator[int]:
    """Every desk day's start in ``zone`` from ``FIRST_DAY`` to ``END_DAY``, UTC seconds."""
    from .period import instant

    day = FIRST_DAY
    while day < END_DAY:
        yield instant(day, zone)
        day += timedelta(days=1)


def rebuild(execute: Execute, executemany: Execute, zone: ZoneInfo) -> None:
    """Make the calendar for ``zone`` and count everything again (inside the caller's
    write transaction). Works on a peewee database's ``execute_sql`` or a plain
    ``sqlite3`` connection's ``execute``."""
    execute("DELETE FROM report_calendar")
    executemany("INSERT INTO report_calendar (start) VALUES (?)",
                [(m,) for m in midnights(zone)])
    execute("DELETE FROM report_incident_day")
    execute("DELETE FROM report_clock_day")
    for sql in FILL:
        execute(sql)
    if execute("SELECT 1 FROM sqlite_master WHERE name = 'report_pending_span'").fetchone():
        fill_pending(execute)  # schema 31 on (the upgrade to 27 makes the tables first)
    if value_tables.kept(execute):
        value_tables.fill(execute, executemany, zone)  # schema 33 on
    execute("INSERT INTO setting (key, version, value) VALUES (?, 1, ?) ON CONFLICT (key) "
            "DO UPDATE SET value = excluded.value, version = setting.version + 1",
            (ZONE_KEY, zone.key))


def fill_pending(execute: Execute) -> None:
    """Make the pending spans again from the journal (inside the caller's transaction)."""
    execute("DELETE FROM report_pending_span")
    execute("INSERT INTO report_pending_span (incident_id, journal_id, wait_code_id, "
            f"started_at, ended_at, calendar_id) {PENDING_SPANS}")


def zone_of_setting(execute: Execute) -> ZoneInfo:
    """The desk's report zone read with plain SQL (the migration runs before models)."""
    from .period import DEFAULT_ZONE, ZONE_SETTING

    row = execute("SELECT value FROM setting WHERE key = ?", (ZONE_SETTING,)).fetchone()
    try:
        return ZoneInfo(row[0] if row is not None else DEFAULT_ZONE)
    except (ValueError, KeyError, OSError):
        return ZoneInfo(DEFAULT_ZONE)


def kept_here() -> bool:
    """Whether this database keeps the summary tables: a file does (its triggers); a
    server does not (``storage.postgres.schema.FILE_ONLY``), and its reports count from
    the period's rows."""
    return isinstance(database.obj, peewee.SqliteDatabase)


def built_for(execute: Execute) -> str | None:
    """The zone the summary tables were built for (None: never built)."""
    row = execute("SELECT value FROM setting WHERE key = ?", (ZONE_KEY,)).fetchone()
    return str(row[0]) if row is not None else None


# -- the recount ---------------------------------------------------------------------------
def recount(rows: Callable[[str], list[tuple]]) -> dict[str, dict[tuple, tuple]]:
    """What the summary tables should hold, counted from the incidents and clocks."""
    result: dict[str, dict[tuple, tuple]] = {}
    for table, key, figures, fills in (
            ("report_incident_day", INCIDENT_KEY, INCIDENT_FIGURES, INCIDENT_FILL),
            ("report_clock_day", CLOCK_KEY, CLOCK_FIGURES, CLOCK_FILL)):
        totals: dict[tuple, list[int]] = defaultdict(partial(_zeros, len(figures)))
        for sql in fills:
            names = sql[sql.index("(") + 1:sql.index(")")].split(", ")[len(key):]
            select = sql[sql.index("SELECT"):sql.index(" ON CONFLICT")]
            for row in rows(select):
                counts = totals[tuple(row[:len(key)])]
                for name, value in zip(names, row[len(key):], strict=True):
                    counts[figures.index(name)] += int(value or 0)
        result[table] = {k: tuple(v) for k, v in totals.items() if any(v)}
    result["report_pending_span"] = {tuple(r[:2]): tuple(r[2:]) for r in rows(PENDING_SPANS)}
    if _months_kept(rows):  # schema 33: the day summaries per month, from the day rows
        # as they are (each checked against the incidents above), so that a wrong day row
        # is named once, not again in its month
        starts = sorted(int(r[0]) for r in rows("SELECT start FROM report_month"))
        days = stored(rows)
        for day_table, month_table in _MONTHS:
            totals = defaultdict(partial(_zeros, len(_FIGURES[day_table])))
            for key, counts in days[day_table].items():
                at = bisect_right(starts, key[0]) - 1
                month = totals[(starts[at] if at >= 0 else -1, *key[1:])]
                for n, value in enumerate(counts):
                    month[n] += value
            result[month_table] = {k: tuple(v) for k, v in totals.items() if any(v)}
    return result


#: the day summaries and their months (schema 33), and each one's figures
_MONTHS = (("report_incident_day", "report_incident_month"),
           ("report_clock_day", "report_clock_month"))
_FIGURES = {"report_incident_day": INCIDENT_FIGURES, "report_clock_day": CLOCK_FIGURES,
            "report_incident_month": INCIDENT_FIGURES, "report_clock_month": CLOCK_FIGURES}


def _months_kept(rows: Callable[[str], list[tuple]]) -> bool:
    return bool(rows("SELECT 1 FROM sqlite_master WHERE name = 'report_clock_month'"))


def _summary_tables(rows: Callable[[str], list[tuple]]) -> list[tuple[str, tuple, tuple]]:
    """The summary tables of counts this file keeps: (table, key, figures)."""
    tables = [("report_incident_day", INCIDENT_KEY, INCIDENT_FIGURES),
              ("report_clock_day", CLOCK_KEY, CLOCK_FIGURES)]
    if _months_kept(rows):
        tables += [("report_incident_month", ("month", *INCIDENT_KEY[1:]), INCIDENT_FIGURES),
                   ("report_clock_month", ("month", *CLOCK_KEY[1:]), CLOCK_FIGURES)]
    return tables


def stored(rows: Callable[[str], list[tuple]]) -> dict[str, dict[tuple, tuple]]:
    """What the summary tables hold (rows of all zeros left by decrements are nothing)."""
    result: dict[str, dict[tuple, tuple]] = {}
    for table, key, figures in _summary_tables(rows):
        sums = ", ".join(f"sum({f})" for f in figures)
        keys = ", ".join(key)
        result[table] = {tuple(r[:len(key)]): tuple(int(v) for v in r[len(key):])
                         for r in rows(f"SELECT {keys}, {sums} FROM {table} GROUP BY {keys}")
                         if any(r[len(key):])}
    result["report_pending_span"] = {tuple(r[:2]): tuple(r[2:]) for r in rows(
        f"SELECT {', '.join(PENDING_KEY + PENDING_FIGURES)} FROM report_pending_span")}
    return result


def differences(rows: Callable[[str], list[tuple]]
                ) -> Iterator[tuple[str, tuple, str, int, int]]:
    """Every (table, key, figure, stored, counted) on which the summary tables and a
    recount from the incidents disagree."""
    want, have = recount(rows), stored(rows)
    for table, figures, zero in (
            *((t, f, (0,) * len(f)) for t, _, f in _summary_tables(rows)),
            ("report_pending_span", PENDING_FIGURES, (None,) * len(PENDING_FIGURES))):
        for key in sorted(set(want[table]) | set(have[table]), key=repr):
            a, b = have[table].get(key, zero), want[table].get(key, zero)
            for figure, x, y in zip(figures, a, b, strict=True):
                if x != y:
                    yield table, key, figure, x, y


def findings(rows: Callable[[str], list[tuple]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``desk-app check``'s findings: every disagreement of the summary tables with a
    recount (message key and parameters), and summaries made for another zone."""
    from .period import DEFAULT_ZONE, ZONE_SETTING

    def one(sql: str) -> Any:
        found = rows(sql)
        return found[0][0] if found else None

    if not kept_here():
        return
    built = one(f"SELECT value FROM setting WHERE key = '{ZONE_KEY}'")
    zone = one(f"SELECT value FROM setting WHERE key = '{ZONE_SETTING}'") or DEFAULT_ZONE
    try:
        tz = ZoneInfo(zone)
    except (ValueError, KeyError, OSError):
        tz = ZoneInfo(DEFAULT_ZONE)
    zone = tz.key
    if built != zone:
        yield "check.report_summary_zone", {"built": built or "-", "zone": zone}
        return
    kept_values = bool(rows("SELECT 1 FROM sqlite_master WHERE name = 'report_value_month'"))
    for table, key, figure, have, want in (
            *differences(rows), *(value_tables.differences(rows) if kept_values else ()),
            *(value_tables.pending_differences(rows) if kept_values else ())):
        day = key[0] if table not in ("report_pending_span", "report_value") else None
        when = "-" if day is None else datetime.fromtimestamp(day, tz).date().isoformat()
        yield "check.report_summary", {
            "table": table, "day": when, "detail": ", ".join(str(k) for k in (
                key if day is None else key[1:])),
            "figure": figure, "stored": have, "counted": want}
