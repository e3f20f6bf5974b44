"""The query planner's statistics (``sqlite_stat1``): fixed ones, describing a typical desk.

The queue queries (``services/lists/queues.py``) can be answered two ways: walk an index in the
order asked and stop after a page, or find the matching rows first and sort them. Which is
faster depends on how many rows match, and SQLite's planner only knows that from
statistics. Without any it sorted all 98,000 closed incidents for a filter on the Closed
stage and read every incident for a sort by caller (50-150 ms at 100,000 incidents).

``ANALYZE`` is no answer here: ``sqlite_stat1`` holds averages only (this SQLite has no
``STAT4`` histograms), and a desk's data is as skewed as data gets: 98 % of its incidents
are closed, 2 % of its escalations unacknowledged. Statistics taken by a full ``ANALYZE``
of the 100,000-incident benchmark file ("20,000 incidents per stage", "acknowledged_at
nearly unique") made the planner walk the whole incident table for the 30 Unassigned and
count every unacknowledged escalation for each row of a page: 80-140 ms per page where the
statistics below give 0.5-2 ms (docs/performance.md).

So the program writes these statistics itself (SQLite's "manual control of query plans
using the sqlite_stat tables"): the shape of a desk of 100,000 incidents, as ``ANALYZE``
with ``analysis_limit = 1000`` sampled it from the benchmark file, where the sample happens
to describe what the queries need (a stage matches a few hundred incidents, as the open
stages do; Closed is kept off its index by the query itself). The plans are then the same
on every file, small or large, so the tests see the plans the users get.
``ensure`` puts them back if anything else (an ``ANALYZE`` run by hand) replaced them.
"""

from __future__ import annotations

import peewee

from desk_app.errors import StorageError
from desk_app.storage.database import Store

#: (table, index, stat): per index the rows of its table, then the rows that share a value
#: of its first column, of its first two, ... (SQLite's sqlite_stat1 format).
TYPICAL: tuple[tuple[str, str, str], ...] = (
    ("incident", "incident_queue_order", "100000 1000 500 290 10"),
    ("incident", "incident_caller_order", "100000 40 28 10 10 10"),
    ("incident", "incident_category_order", "100000 1000 500 170 120 23"),
    ("incident", "incident_group_order", "100000 1000 500 170 120 26"),
    ("incident", "incident_assignee_order", "100000 1000 500 180 130 13"),
    ("incident", "incident_escalated_order", "100000 1000 500 200 130 8"),
    ("incident", "incident_stage_order", "100000 670 670 250 220 24"),
    ("incident", "incident_type_order", "100000 1000 500 180 120 10"),
    ("incident", "incident_title_order", "100000 500 250 90 75 56"),
    ("incident", "incident_stage_priority", "100000 500 200"),
    ("incident", "incident_stage_resolved_at", "100000 500 2"),
    ("incident", "incident_group_id_stage", "100000 1000 500"),
    ("incident", "incident_assignee_id_stage", "100000 1000 670"),
    ("incident", "incident_created_by_id_stage", "100000 1000 500"),
    ("incident", "incident_next_deadline", "100000 6"),
    ("incident", "incident_updated_at", "100000 1"),
    ("incident", "incident_number", "100000 1"),
    ("incident", "incident_pending", "850 170"),
    ("caller", "caller_name", "2500 4"),
    ("caller", "caller_department_id", "2500 170"),
    ("category", "category_code", "24 1"),
    ("category", "category_name_en", "24 1"),
    ("category", "category_name_zh", "24 1"),
    ("category", "category_group_id", "24 3"),
    ("category", "category_tier2_group_id", "24 4"),
    ("support_group", "support_group_code", "15 1"),
    ("support_group", "support_group_name_en", "15 1"),
    ("support_group", "support_group_name_zh", "15 1"),
    ("support_group", "support_group_department_id", "15 15"),
    ("user", "user_username", "92 1"),
    ("user", "user_full_name", "92 1"),
    ("user", "user_calendar_id", "92 46"),
    ("group_member", "group_member_group_id", "65 5"),
    ("group_member", "group_member_group_id_user_id", "65 5 1"),
    ("group_member", "group_member_user_id", "65 1"),
    ("escalation", "escalation_incident_id_reason", "78000 3 1"),
    ("escalation", "escalation_acknowledged_at_at", "60000 3 1"),
    ("escalation", "escalation_acknowledged_by_id", "80000 1000"),
    ("escalation", "escalation_actor_id", "80000 400"),
    # schema 32's partial index of the unacknowledged ones (2-3 % of them)
    ("escalation", "escalation_unacknowledged", "2500 1"),
)
_TABLES = sorted({table for table, _, _ in TYPICAL})


def _execute(store: Store, sql: str, params: tuple = ()) -> list[tuple]:
    return list(store.db.execute_sql(sql, params).fetchall())


def current(store: Store) -> set[tuple[str, str, str]] | None:
    """The statistics the file holds for the tables above (None: it has no sqlite_stat1)."""
    marks = ", ".join("?" * len(_TABLES))
    try:
        rows = _execute(store, "SELECT tbl, idx, stat FROM sqlite_stat1 "
                        f"WHERE tbl IN ({marks})", tuple(_TABLES))
    except (peewee.OperationalError, StorageError):
        return None
    return {(str(t), str(i), str(s)) for t, i, s in rows}


def installed(store: Store) -> bool:
    """Whether the file holds exactly the typical statistics for those tables (only the
    indexes it has: an older schema's file lacks some)."""
    indexes = {str(r[0]) for r in _execute(
        store, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    return current(store) == {row for row in TYPICAL if row[1] in indexes}


def install(store: Store) -> None:
    """Write the typical statistics, within the caller's write transaction, and have this
    connection's planner read them (other connections read them when they next open)."""
    _execute(store, "ANALYZE sqlite_schema")  # makes sqlite_stat1 if there is none
    marks = ", ".join("?" * len(_TABLES))
    _execute(store, f"DELETE FROM sqlite_stat1 WHERE tbl IN ({marks})", tuple(_TABLES))
    indexes = {str(r[0]) for r in _execute(
        store, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    for table, index, stat in TYPICAL:
        if index in indexes:
            _execute(store, "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)",
                     (table, index, stat))
    _execute(store, "ANALYZE sqlite_schema")  # read them again


def ensure(store: Store) -> bool:
    """Put the typical statistics back if they are missing or were replaced (e.g. by an
    ``ANALYZE`` run by hand); True if it wrote. Reads first, writes only when needed."""
    if store.read_only or store.read(lambda: installed(store)):
        return False
    store.write(lambda: install(store))
    return True
