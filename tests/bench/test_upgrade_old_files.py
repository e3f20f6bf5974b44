"""Generated files of older generators are brought to the program's schema by the suite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench import upgrade
from desk_app.storage.file_opening import open_file
from desk_app.storage.migrations import LATEST
from tests.helpers import old_schema

REPORT_INDEXES = ("incident_created_at", "incident_resolved_at", "incident_closed_at",
                  "target_clock_stopped")


def test_a_schema_15_file_without_the_report_indexes_is_upgraded(tmp_path: Path) -> None:
    """Generator 5 and earlier left out schema 11's report indexes, which the upgrade to 27
    replaces; the suite makes them first, so such a file upgrades instead of failing on
    "no such index"."""
    path = tmp_path / "desk.sqlite"
    open_file(path, create=True, daily_backup=False, lock_test="never",
              quick_check=False).close()
    old_schema(path, 15)
    conn = sqlite3.connect(path)
    for name in REPORT_INDEXES:
        conn.execute(f'DROP INDEX "{name}"')
    conn.commit()
    conn.close()
    assert upgrade(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
    finally:
        conn.close()
    assert set(REPORT_INDEXES) <= names
