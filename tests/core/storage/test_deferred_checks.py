"""Opening with ``defer_checks``, as the program's window does: the small tables are checked
before the window, the growing ones and the day's backup by ``finish_checks`` after it. A
damaged page is found either way, at open or just after; nothing damaged goes unreported."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk_app.errors import DatabaseCorrupt
from desk_app.storage.backup import list_backups
from desk_app.storage.file_opening import GROWING, finish_checks, growing
from desk_app.storage.opening import open_store
from tests.conftest import Org

from .test_write_errors import damage

MONDAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


def pages_of(path: Path, table: str) -> list[int]:
    """The file's pages (counted from 0) that hold ``table``'s rows."""
    conn = sqlite3.connect(path)
    try:
        return [r[0] - 1 for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno", (table,))]
    finally:
        conn.close()


def damage_table(org: Org, table: str) -> None:
    org.store.close()
    page = pages_of(org.path, table)[-1]
    damage(org.path, range(page, page + 1))


def test_a_deferred_open_checks_only_the_small_tables(org: Org) -> None:
    for n in range(30):
        org.log(title=f"incident {n}", description="x" * 2000)
    damage_table(org, "journal")
    with pytest.raises(DatabaseCorrupt):
        open_store(org.path, daily_backup=False)  # the whole check, as the command line
    store = open_store(org.path, daily_backup=False, defer_checks=True)
    try:
        assert store.report is not None and store.report.checks_deferred
        with pytest.raises(DatabaseCorrupt):
            finish_checks(store)
    finally:
        store.close()


def test_damage_to_a_table_everyone_needs_is_found_before_the_window(org: Org) -> None:
    damage_table(org, "user")
    with pytest.raises(DatabaseCorrupt):
        open_store(org.path, defer_checks=True)


def test_finish_checks_takes_the_day_s_backup_which_checks_the_whole_file(org: Org) -> None:
    org.store.close()
    store = open_store(org.path, now=MONDAY, defer_checks=True)
    try:
        assert store.report is not None and store.report.daily_backup is None
        assert list_backups(org.path) == []  # not before the window
        report = finish_checks(store, MONDAY)
        assert report.daily_backup is not None and not report.checks_deferred
        assert [b.kind for b in list_backups(org.path)] == ["daily"]
        with pytest.raises(ValueError):
            finish_checks(store, MONDAY)  # once per open
    finally:
        store.close()
    again = open_store(org.path, now=MONDAY + timedelta(hours=2), defer_checks=True)
    try:
        report = finish_checks(again, MONDAY + timedelta(hours=2))
        assert report.daily_backup is None and report.backup_problem is None
    finally:
        again.close()


def test_a_damaged_file_fails_the_day_s_backup_and_is_reported_damaged(org: Org) -> None:
    for n in range(30):
        org.log(title=f"incident {n}", description="x" * 2000)
    damage_table(org, "journal")
    store = open_store(org.path, now=MONDAY, defer_checks=True)
    try:
        with pytest.raises(DatabaseCorrupt):
            finish_checks(store, MONDAY)
        assert store.report is not None and store.report.backup_problem
        assert list_backups(org.path) == []  # no damaged copy under a backup's name
    finally:
        store.close()


def test_a_read_only_open_defers_the_check_and_takes_no_backup(org: Org) -> None:
    org.store.close()
    store = open_store(org.path, read_only=True, now=MONDAY, defer_checks=True)
    try:
        report = finish_checks(store, MONDAY)
        assert report.daily_backup is None and list_backups(org.path) == []
    finally:
        store.close()


def test_every_table_of_the_file_is_checked_at_one_time_or_the_other(org: Org) -> None:
    names = [r[0] for r in org.store.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table'")]
    assert set(names) >= GROWING  # the list names tables that exist
    assert growing("incident_search_data") and not growing("user")


def test_what_grows_with_the_file_waits_for_the_window(org: Org) -> None:
    """Opening checks the small tables before the window shows: a table that grows with the
    incidents there (gigabytes of attachments, the reports' values) would make every start
    read it. Those of schemas 22–35 wait for the window like the incidents do."""
    names = {r[0] for r in org.store.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table'")}
    for name in ("witness", "attachment_chunk", "search_term", "report_value",
                 "report_incident_day", "incident_open_search_data", "import_reference"):
        assert name in names and growing(name), name
    small = {n for n in names if not growing(n) and not n.startswith("sqlite_")}
    assert {"user", "setting", "category", "support_group"} <= small
