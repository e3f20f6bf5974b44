"""Ordered schema migrations, versioned by ``PRAGMA user_version``.

One workstation migrates, under an exclusive lock, after taking a backup; any other that
opens the file meanwhile waits for the lock and then finds the work done. A file newer than
this program is refused with the version it needs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from desk_app.errors import SchemaTooNew
from desk_app.storage.database import Store, translate_errors


@dataclass(frozen=True)
class Migration:
    version: int
    sql_file: str
    then: Callable[[Store], None] | None = None


def _seed(store: Store) -> None:
    from desk_app.storage.reference import seed_reference_data

    seed_reference_data(store)


MIGRATIONS: list[Migration] = [
    Migration(1, "0001_initial.sql", then=_seed),
    Migration(2, "0002_escalations.sql"),
    Migration(3, "0003_search_and_queues.sql"),
]

LATEST = MIGRATIONS[-1].version


def statements(sql_file: str) -> list[str]:
    """Split a migration file into statements (``executescript`` would commit midway)."""
    script = resources.files(__package__).joinpath(sql_file).read_text(encoding="utf-8")
    result, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            result.append(current.strip())
            current = ""
    return result


def check_version(store: Store) -> int:
    version = store.user_version()
    if version > LATEST:
        raise SchemaTooNew(version, LATEST)
    return version


def migrate(store: Store, backup: Callable[[Store, int], object] | None = None) -> int:
    """Bring the file to ``LATEST``; returns the version it was at."""
    found = check_version(store)
    if found == LATEST:
        return found
    if found > 0 and backup is not None:
        backup(store, found)
    with translate_errors(), store.db.atomic(lock_type="EXCLUSIVE"):
        version = check_version(store)  # another workstation may have migrated meanwhile
        for migration in MIGRATIONS:
            if migration.version <= version:
                continue
            for statement in statements(migration.sql_file):
                store.db.execute_sql(statement)
            if migration.then is not None:
                migration.then(store)
            store.db.execute_sql(f"PRAGMA user_version = {migration.version}")
    return found
