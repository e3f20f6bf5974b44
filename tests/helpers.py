"""Assertions shared by the core tests."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.errors import DeskError
from desk_app.storage.database import Store


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, to prove that a refused call changed nothing."""
    tables = [r[0] for r in store.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    # sorted here rather than by rowid: the search index's shadow tables have none; the
    # reports' fixed calendar of desk days (84,000 rows) is compared by its aggregate
    return {t: store.execute(SUMMARISED[t]) if t in SUMMARISED else
            sorted(store.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


#: Tables compared by an aggregate (``snapshot``): the reports' calendar of desk days.
#: (its key's two ends: read from the index, not by a scan of every day)
SUMMARISED = {"report_calendar": 'SELECT min("start"), max("start") FROM report_calendar'}


@contextlib.contextmanager
def refused(store: Store, error: type[DeskError] = DeskError, key: str | None = None
            ) -> Iterator[pytest.ExceptionInfo[DeskError]]:
    """The block must raise ``error`` (with message ``key``) and leave the file unchanged."""
    before = snapshot(store)
    with pytest.raises(error) as info:
        yield info
    if key is not None:
        assert info.value.key == key or key in getattr(info.value, "fields", {}), (
            f"expected {key}, got {info.value.key}: {info.value}")
    assert snapshot(store) == before, "a refused call changed the database"
    # every refusal reads well in both languages
    assert info.value.message("en") and info.value.message("zh")


def close_incident(org, incident_id: int) -> None:  # type: ignore[no-untyped-def]
    """Take an incident the desk logged all the way to Closed (R05, R20–R23)."""
    from desk_app.services.incident import choices, workflow

    desk = org.as_("desk")
    workflow.assign(desk, incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    workflow.resolve(org.as_("net1"), incident_id, resolution="Replaced the switch port")
    workflow.confirm_resolution(desk, incident_id)
    workflow.close(desk, incident_id, close_code_id=choices.close_codes(desk)[0].id,
                   notes="Called back", satisfaction=5)


def old_schema(path: Path, version: int = 1) -> None:
    """Take a file back to schema ``version``: what every later migration created is
    dropped, as in a file written by the program of that time."""
    from desk_app.storage.chain import register_sqlite
    from desk_app.storage.migrations import MIGRATIONS, statements

    conn = sqlite3.connect(path)
    register_sqlite(conn)  # the hash chain's triggers (schema 22) may fire below
    created = {}  # index or trigger → the statement that made it, to undo a later DROP
    existed = set()  # tables the old schema had (a later migration may rebuild one: kept)
    first = {}  # name → the migration that made it (a later "IF NOT EXISTS" makes nothing)
    for migration in MIGRATIONS:
        for statement in statements(migration.sql_file):
            anything = re.match(r'CREATE (?:UNIQUE |VIRTUAL )?(?:TABLE|INDEX|TRIGGER|VIEW) '
                                r'(?:IF NOT EXISTS )?"([^"]+)"', statement)
            if anything:
                first.setdefault(anything[1], migration.version)
            made = re.match(r'CREATE (?:UNIQUE )?(?:INDEX|TRIGGER) "([^"]+)"', statement)
            if made and migration.version <= version:
                created[made[1]] = statement
            named = re.match(r'CREATE TABLE (?:IF NOT EXISTS )?"([^"]+)"', statement)
            if named and migration.version <= version:
                existed.add(named[1])
    for migration in reversed(MIGRATIONS):
        if migration.version <= version:
            continue
        for statement in reversed(statements(migration.sql_file)):
            found = re.match(r'CREATE (?:UNIQUE |VIRTUAL )?(TABLE|INDEX|TRIGGER|VIEW) '
                             r'(?:IF NOT EXISTS )?"([^"]+)"', statement)
            again = "IF NOT EXISTS" in statement.split("(")[0] \
                and first.get(found[2] if found else "") != migration.version
            if found and not again and not (found[1] == "TABLE" and found[2] in existed):
                conn.execute(f'DROP {found[1]} IF EXISTS "{found[2]}"')
            added = re.match(r'ALTER TABLE "([^"]+)" ADD COLUMN "([^"]+)"', statement)
            if added:
                conn.execute(f'ALTER TABLE "{added[1]}" DROP COLUMN "{added[2]}"')
            dropped = re.match(r'DROP (INDEX|TRIGGER) (?:IF EXISTS )?"([^"]+)"', statement)
            if dropped and dropped[2] in created:  # the old one back (kept above if rebuilt)
                conn.execute(f'DROP {dropped[1]} IF EXISTS "{dropped[2]}"')
                conn.execute(created[dropped[2]])
    if version < 6 and conn.execute("SELECT 1 FROM sqlite_master "
                                    "WHERE name = 'sqlite_stat1'").fetchone():
        conn.execute("DELETE FROM sqlite_stat1")  # schema 6 wrote the planner's statistics
    conn.execute("DELETE FROM setting WHERE key = 'upgraded_by_program'")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
