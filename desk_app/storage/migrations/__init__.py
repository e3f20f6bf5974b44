"""Ordered schema migrations, versioned by ``PRAGMA user_version``.

One workstation migrates, holding the write lock from before its backup until the upgrade
commits (the commit itself takes SQLite's exclusive lock); any other that opens the file
meanwhile waits for the lock and then finds the work done. A file newer than this program
is refused with the version of the program that upgraded it.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import peewee

from desk_app import __version__
from desk_app.errors import DatabaseBusy, SchemaTooNew
from desk_app.storage.database import Store, translate_errors


@dataclass(frozen=True)
class Migration:
    version: int
    sql_file: str
    then: Callable[[Store], None] | None = None


def _statistics(store: Store) -> None:
    from desk_app.storage.statistics import install

    install(store)


def _mark(store: Store) -> None:
    from desk_app.storage.identity import APPLICATION_ID

    store.db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def _seed(store: Store) -> None:
    from desk_app.storage.reference import seed_reference_data

    seed_reference_data(store)


def _security(store: Store) -> None:
    from desk_app.delivery.secrets import move_out_of_file
    from desk_app.storage.witness import chain_existing

    move_out_of_file()
    chain_existing(store)


def _report_summaries(store: Store) -> None:
    from desk_app.services.reports import summary

    execute = store.db.execute_sql
    summary.rebuild(execute, store.db.cursor().executemany, summary.zone_of_setting(execute))


def _report_pending(store: Store) -> None:
    from desk_app.services.reports import summary

    summary.fill_pending(store.db.execute_sql)


def _report_values(store: Store) -> None:
    from desk_app.services.reports import pending_work, summary, value_tables
    from desk_app.storage.models import database

    execute = store.db.execute_sql
    columns = {row[1] for row in execute("PRAGMA table_info(report_pending_span)").fetchall()}
    if "working" not in columns:  # the spans' working seconds (an upgrade made again keeps it)
        execute('ALTER TABLE "report_pending_span" ADD COLUMN "working" INTEGER')
    value_tables.fill(execute, store.db.cursor().executemany, summary.zone_of_setting(execute))
    pending_work.mark_all(execute)  # every span's working seconds, counted once
    with database.using(store.db):
        pending_work.settle(store.db)


def _search_terms(store: Store) -> None:
    from desk_app.storage.search_terms import fill

    fill(store.db.execute_sql)


MIGRATIONS: list[Migration] = [
    Migration(1, "0001_initial.sql", then=_seed),
    Migration(2, "0002_escalations.sql"),
    Migration(3, "0003_search_and_queues.sql"),
    Migration(4, "0004_presence.sql"),
    Migration(5, "0005_linked_incidents.sql"),
    Migration(6, "0006_queue_order.sql", then=_statistics),
    Migration(7, "0007_application_id.sql", then=_mark),
    Migration(11, "0011_report_indexes.sql"),
    Migration(15, "0015_reference_generation.sql"),
    Migration(22, "0022_security.sql", then=_security),
    Migration(23, "0023_imports.sql"),
    Migration(24, "0024_call_tasks_and_delivery_states.sql"),
    Migration(25, "0025_saved_queues.sql"),
    Migration(26, "0026_knowledge.sql"),
    Migration(27, "0027_report_summaries.sql", then=_report_summaries),
    Migration(28, "0028_level_descriptions.sql"),
    Migration(30, "0030_move_maintenance.sql"),
    Migration(31, "0031_report_pending.sql", then=_report_pending),
    Migration(32, "0032_open_work_words.sql", then=_statistics),
    Migration(33, "0033_report_values.sql", then=_report_values),
    Migration(34, "0034_server_word_indexes.sql"),
    Migration(35, "0035_search_terms.sql", then=_search_terms),
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


#: The setting in which an upgrade records the program that made it, so that an older
#: program can say which version to install.
UPGRADED_BY = "upgraded_by_program"


def upgraded_by(store: Store) -> str:
    try:
        rows = store.execute("SELECT value FROM setting WHERE key = ?", (UPGRADED_BY,))
    except peewee.PeeweeException:
        return ""
    return str(rows[0][0]) if rows else ""


def check_version(store: Store, latest: int | None = None) -> int:
    """The file's schema version; a newer one than this program knows is refused."""
    known = LATEST if latest is None else latest
    version = store.user_version()
    if version > known:
        raise SchemaTooNew(version, known, upgraded_by(store))
    return version


@dataclass(frozen=True)
class MigrationResult:
    """What opening found and did: the version the file was at, whether this program
    upgraded it (exactly one of several opening at once does), and the backup it took."""

    found: int
    applied: bool
    backup: Path | None = None


#: How long a workstation waits for another one's upgrade before giving up (seconds).
MIGRATION_WAIT = 600.0


def migrate(store: Store, backup: Callable[[Store, int], Path | None] | None = None, *,
            on_wait: Callable[[], None] | None = None,
            wait_limit: float = MIGRATION_WAIT) -> MigrationResult:
    """Bring the file to ``LATEST``.

    The upgrade holds the write lock from before the backup to its commit, so no write can
    fall between the backup and the upgrade, and a second workstation opening at the same
    time waits for the lock (``on_wait`` is called while it waits), then finds the work done.
    ``backup`` runs under that lock and must read through a connection of its own."""
    found = store.read(lambda: check_version(store))
    if found == LATEST:
        return MigrationResult(found, False)
    deadline = time.monotonic() + wait_limit
    while True:
        try:
            with translate_errors(), store.db.atomic(lock_type="IMMEDIATE"):
                version = check_version(store)
                if version == LATEST:
                    return MigrationResult(found, False)
                copy = backup(store, version) if backup is not None and version > 0 else None
                _apply(store, version)
            return MigrationResult(found, True, copy)
        except DatabaseBusy:
            if time.monotonic() > deadline:
                raise
            if on_wait is not None:
                on_wait()
            time.sleep(random.uniform(0.1, 0.4))


def _apply(store: Store, version: int) -> None:
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        for statement in statements(migration.sql_file):
            store.db.execute_sql(statement)
        if migration.then is not None:
            migration.then(store)
        store.db.execute_sql(f"PRAGMA user_version = {migration.version}")
    store.db.execute_sql(
        "INSERT INTO setting (key, version, value) VALUES (?, 1, ?) ON CONFLICT (key) "
        "DO UPDATE SET value = excluded.value, version = setting.version + 1",
        (UPGRADED_BY, __version__))
