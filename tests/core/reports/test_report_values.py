"""The stopped clocks' values counted per month and bucket (schema 33): kept by triggers
in the same transaction as every change of a clock or of an incident's resolver, equal to
a recount, named by ``desk-app check`` when they disagree, and giving the same medians,
means and 90th percentiles as sorting every value."""

from __future__ import annotations

import math
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.domain.enums import ContactChannel, Impact
from desk_app.services.database.check import check_database
from desk_app.services.reports import figures as fig
from desk_app.services.reports import pending_work, value_tables, values
from desk_app.services.reports.build import _build
from desk_app.services.reports.period import Period, desk_zone
from desk_app.services.reports.query import Reader, ReportFilter
from desk_app.services.reports.summarised import SummaryReader
from desk_app.storage.models import database
from tests.conftest import Org
from tests.core.reports.test_property_reports import STEP, random_history

#: the file's summary tables (a server keeps none: its reports count rows)
pytestmark = pytest.mark.file_only

#: periods of whole months, which the month counts answer
MONTHS = (Period(date(2026, 3, 1), date(2026, 4, 1)), Period(date(2026, 1, 1), date(2027, 1, 1)))


def _rows(sql: str) -> list[tuple]:
    return list(database.execute_sql(sql).fetchall())


def _differences() -> list[tuple]:
    return [*value_tables.differences(_rows), *value_tables.pending_differences(_rows)]


def _marked() -> int:
    return int(_rows("SELECT count(*) FROM report_pending_dirty")[0][0])


def _tables() -> tuple[list[tuple], list[tuple]]:
    return (_rows("SELECT * FROM report_value ORDER BY 1, 2, 3, 4, 5"),
            _rows("SELECT * FROM report_value_month WHERE n != 0 ORDER BY 1, 2, 3, 4"))


def _findings(org: Org) -> list[str]:
    return [f.message("en") for f in check_database(org.store).findings
            if f.key.startswith("check.report_summary")]


def _counted_is_used(f: ReportFilter) -> bool:
    start, end = f.period.bounds(desk_zone())
    return isinstance(SummaryReader(f, start, end, 0).ordered("resolve"), values.Ranked)


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(incidents=st.lists(st.tuples(st.sampled_from(list(Impact)),
                                    st.sampled_from(list(ContactChannel))),
                          min_size=1, max_size=6),
       steps=st.lists(STEP, max_size=25), elapsed=st.integers(0, 10 ** 7),
       priority=st.integers(1, 4))
def test_values_equal_a_recount_through_every_kind_of_change(
        org_template: tuple[Path, dict[str, int]], incidents: list[tuple[Impact, str]],
        steps: list[tuple[int, int, int]], elapsed: int, priority: int) -> None:
    with random_history(org_template, incidents, steps) as (org, logged):
        store, manager = org.store, org.as_("manager")
        assert store.read(_differences) == []
        assert store.read(_marked) == 0  # every service write counted its spans' working time

        def same_report() -> None:
            for period in MONTHS:
                f = ReportFilter(period)
                assert manager.read(lambda f=f: _counted_is_used(f))
                ours = manager.read(lambda f=f: _build(manager, f, "en", None, SummaryReader))
                rows = manager.read(lambda f=f: _build(manager, f, "en", None, Reader))
                assert (ours.summary, ours.tables) == (rows.summary, rows.tables)

        same_report()
        # what no service step above makes, written by hand: a clock's value, priority and
        # moment moved, an incident's resolver changed, an escalation made, acknowledged and
        # moved, its incident's stage, group and priority changed, a clock and an incident
        # deleted
        for sql, params in (
                ("UPDATE target_clock SET elapsed_seconds = ?, priority = ? WHERE id = "
                 "(SELECT max(id) FROM target_clock WHERE state = 'stopped')",
                 (elapsed, priority)),
                ("UPDATE target_clock SET stopped_at = stopped_at + 86400 * 40 WHERE id = "
                 "(SELECT min(id) FROM target_clock WHERE state = 'stopped')", ()),
                ("UPDATE incident SET resolved_by_id = ? WHERE id = ?",
                 (org.ids["net2"], logged[0])),
                ("UPDATE target_clock SET state = 'stopped', stopped_at = started_at + 3600, "
                 "elapsed_seconds = 1800 WHERE id = (SELECT min(id) FROM target_clock "
                 "WHERE state != 'stopped')", ()),
                ("INSERT OR IGNORE INTO escalation (version, incident_id, reason, at, "
                 "old_urgency, new_urgency, old_priority, new_priority, ack_comment) "
                 "SELECT 1, id, 'assign_target', created_at + 600, 3, 2, 3, 2, '' "
                 "FROM incident WHERE id = ?", (logged[0],)),
                ("UPDATE escalation SET acknowledged_at = at + ? WHERE incident_id = ?",
                 (elapsed, logged[0])),
                ("UPDATE incident SET stage = 'in_progress', group_id = ?, priority = ? "
                 "WHERE id = ?", (org.ids["apps"], priority, logged[0])),
                ("UPDATE escalation SET at = at + 86400 * 35 WHERE incident_id = ?",
                 (logged[0],)),
                ("DELETE FROM target_clock WHERE id = (SELECT max(id) FROM target_clock "
                 "WHERE stage = 'resolve' AND state = 'stopped')", ()),
                ("INSERT INTO calendar_day (calendar_id, day, working, note) SELECT "
                 "calendar_id, '2026-03-03', 0, 'holiday' FROM target_clock LIMIT 1", ()),
                ("UPDATE incident SET resolved_at = resolved_at + 7200 WHERE id = ? "
                 "AND resolved_at IS NOT NULL", (logged[0],)),
                ("DELETE FROM incident WHERE id = ?", (logged[-1],))):
            store.write(lambda s=sql, p=params: database.execute_sql(s, p))
            assert store.read(_differences) == [], sql
        # written by hand, not by a session: incidents may be left marked, and a report
        # counts their pending spans itself
        same_report()
        assert _findings(org) == []
        store.write(lambda: pending_work.settle(store.db))
        assert store.read(_marked) == 0 and store.read(_differences) == []
        same_report()


def test_values_move_in_the_transaction_of_the_change(
        history: tuple[Org, dict[str, int]]) -> None:
    org, _ = history
    store = org.store
    before = store.read(_tables)
    assert before[0] and before[1]

    class Undone(Exception):
        pass

    def change_then_fail() -> None:
        database.execute_sql("UPDATE target_clock SET elapsed_seconds = elapsed_seconds + 7 "
                             "WHERE state = 'stopped'")
        assert _tables() != before and _differences() == []  # moved with the clocks
        raise Undone

    with pytest.raises(Undone):
        store.write(change_then_fail)
    assert store.read(_tables) == before  # and rolled back with them


@pytest.mark.parametrize(("table", "figure", "key"), [
    ("report_value_month", "n", ("month", "series", "part", "bucket")),
    ("report_escalation_month", "escalated", ("month", "reason", "stage", "group_id",
                                              "priority")),
    ("report_incident_month", "logged", ("month", "priority", "group_id", "category_id",
                                         "channel")),
    ("report_clock_month", "stopped", ("month", "stage", "clock_priority", "priority",
                                       "group_id", "category_id", "channel")),
    ("report_person_month", "resolved", ("month", "assignee_id", "resolved_by_id")),
    ("report_pending_month", "working", ("month", "wait_code_id")),
])
def test_check_names_a_month_count_that_disagrees(
        history: tuple[Org, dict[str, int]], table: str, figure: str, key: tuple[str, ...]
        ) -> None:
    org, _ = history
    store = org.store
    assert _findings(org) == []
    columns = ", ".join(key)
    *values_, n = store.read(lambda: _rows(
        f"SELECT {columns}, {figure} FROM {table} WHERE {figure} > 0 ORDER BY {columns} "
        "LIMIT 1"))[0]
    where = " AND ".join(f"{k} = ?" for k in key)
    store.write(lambda: database.execute_sql(
        f"UPDATE {table} SET {figure} = {figure} + 1 WHERE {where}", values_))
    try:
        found = _findings(org)
        detail = ", ".join(str(v) for v in values_[1:])
        assert len(found) == 1 and f"summary {table}," in found[0] \
            and f"({detail})" in found[0] and f"{figure} is {n + 1}" in found[0]
    finally:
        store.write(lambda: database.execute_sql(
            f"UPDATE {table} SET {figure} = {figure} - 1 WHERE {where}", values_))
    assert _findings(org) == []


def test_the_month_tables_add_up_the_day_tables_figures() -> None:
    """The month summaries' figures are the day summaries' (one list each, two modules)."""
    from desk_app.services.reports import summary

    assert [m[3] for m in value_tables._DAY_MONTHS] == [summary.INCIDENT_FIGURES,
                                                   summary.CLOCK_FIGURES]
    assert [("day", *m[2]) for m in value_tables._DAY_MONTHS] == [summary.INCIDENT_KEY,
                                                            summary.CLOCK_KEY]


def test_check_names_a_value_that_disagrees(history: tuple[Org, dict[str, int]]) -> None:
    org, _ = history
    store = org.store
    series, part, bucket, at, clock, seconds = store.read(lambda: _rows(
        "SELECT * FROM report_value WHERE series = 'resolve.working' LIMIT 1"))[0]
    store.write(lambda: database.execute_sql(
        "UPDATE report_value SET seconds = seconds + 1 WHERE series = ? AND item_id = ?",
        (series, clock)))
    try:
        found = _findings(org)
        assert len(found) == 1 and "summary report_value," in found[0] \
            and f"{series}, {part}, {bucket}, {at}, {clock}" in found[0] \
            and f"seconds is {seconds + 1}" in found[0]
    finally:
        store.write(lambda: database.execute_sql(
            "UPDATE report_value SET seconds = ? WHERE series = ? AND item_id = ?",
            (seconds, series, clock)))
    assert _findings(org) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 2 ** 40), max_size=40))
def test_the_parts_give_fsum_of_the_minutes_exactly(seconds: list[int]) -> None:
    """The triggers' parts (computed by SQLite as by ``values.parts``) add up to the float
    ``math.fsum`` gives for the minutes: the mean is the same float as from every value."""
    conn = sqlite3.connect(":memory:")
    try:
        by_sqlite = [conn.execute(
            "SELECT ? / 60, r / 536870912, r % 536870912 FROM (SELECT CAST((? / 60.0 - ? / 60) "
            "* 288230376151711744.0 AS INTEGER) AS r)", (s, s, s)).fetchone() for s in seconds]
    finally:
        conn.close()
    assert by_sqlite == [values.parts(s) for s in seconds]
    sums = [sum(p[i] for p in by_sqlite) for i in range(3)]
    assert values.minutes_sum(*sums) == math.fsum(s / 60.0 for s in seconds)
    assert fig.spread_minutes(seconds)[1] == (
        round(values.minutes_sum(*sums) / len(seconds), 2) if seconds else None)


def test_check_names_a_span_whose_working_time_disagrees(
        history: tuple[Org, dict[str, int]]) -> None:
    org, ids = history
    store = org.store
    incident, entry, seconds = store.read(lambda: _rows(
        "SELECT incident_id, journal_id, working FROM report_pending_span "
        "WHERE working IS NOT NULL LIMIT 1"))[0]
    assert incident == ids["A"] and seconds == 390 * 60  # Mon 10:00 → Tue 09:00
    where = "incident_id = ? AND journal_id = ?"
    store.write(lambda: database.execute_sql(
        f"UPDATE report_pending_span SET working = working + 60 WHERE {where}",
        (incident, entry)))
    try:
        found = _findings(org)
        assert len(found) == 1 and "report_pending_span" in found[0] \
            and f"{incident}, {entry}" in found[0] and f"working is {seconds + 60}" in found[0]
    finally:
        store.write(lambda: database.execute_sql(
            f"UPDATE report_pending_span SET working = ? WHERE {where}",
            (seconds, incident, entry)))
    assert _findings(org) == []


def test_a_report_counts_spans_without_their_working_time_itself(
        history: tuple[Org, dict[str, int]]) -> None:
    """A span whose working seconds are missing (written by hand) or whose incident is
    marked: the report counts it from the calendar, the same figures."""
    org, ids = history
    store, manager = org.store, org.as_("manager")
    f = ReportFilter(MONTHS[1])

    def same() -> None:
        ours = manager.read(lambda: _build(manager, f, "en", None, SummaryReader))
        rows = manager.read(lambda: _build(manager, f, "en", None, Reader))
        assert ours.tables == rows.tables

    kept = store.read(lambda: _rows("SELECT working FROM report_pending_span"))
    for sql in ("UPDATE report_pending_span SET working = NULL",
                "INSERT INTO report_pending_dirty (incident_id) SELECT DISTINCT incident_id "
                "FROM report_pending_span"):
        store.write(lambda s=sql: database.execute_sql(s))
        same()
        assert any("report_pending_span" in m for m in _findings(org)) == ("NULL" in sql)
        # counted again: every incident with spans marked, then settled
        store.write(lambda: (pending_work.mark_all(database.execute_sql),
                             pending_work.settle(store.db)))
        assert store.read(lambda: _rows("SELECT working FROM report_pending_span")) == kept
    assert ids["A"] and _findings(org) == []
