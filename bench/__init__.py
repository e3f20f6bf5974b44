"""The benchmark suite (``python -m bench``): a generator of realistic databases, the
benchmarks, and the table they print. Not part of the test run; see docs/performance.md."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desk_app.storage.chain import register_sqlite
from desk_app.storage.database import Store
from desk_app.storage.opening import open_store
from desk_app.storage.search_terms import register as register_search_terms
from desk_app.storage.segment import SQL_FUNCTION, index_text
from desk_app.storage.uri import sqlite_uri


def open_file(path: str | Path, *, read_only: bool = False, create: bool = False) -> Store:
    """Open a benchmark file the way the program does, minus the once-a-day chores that
    would dominate a measurement on a big file: no ``quick_check``, no daily backup copy, no
    lock self-test (the files are local)."""
    return open_store(path, read_only=read_only, create=create, quick_check=False,
                      daily_backup=False, lock_test="never")


def upgrade(path: str | Path) -> bool:
    """Bring a generated file to the program's schema, without the backup an upgrade takes
    for a person's file (a generated file can be made again); True if it was older. Its
    migrations also take the planner's statistics, as the program's daily care would."""
    from desk_app.storage.migrations import LATEST, migrate

    store = Store(path)
    try:
        version = store.user_version()
        if version >= LATEST:
            return False
        if 11 <= version < 27:
            _report_indexes(store)
        migrate(store, None)
        return True
    finally:
        store.close()


def _report_indexes(store: Store) -> None:
    """Files of the generator's versions up to 5 (schemas 11 to 15) were indexed without the
    report indexes of schema 11, which the program's own files of that time have and the
    upgrade to 27 replaces: they are made first, as the program had made them."""
    from desk_app.storage.migrations import statements

    with store.db.atomic():
        for statement in statements("0011_report_indexes.sql"):
            store.db.execute_sql(
                statement.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))


def plain_connection(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A plain ``sqlite3`` connection for the baselines, set up as the program sets up its
    own: foreign keys on, and the search index's text function registered (the triggers of
    migration 0003 call it, so a baseline that writes incidents keeps the index too)."""
    target = sqlite_uri(path, mode="ro" if read_only else "rwc")
    conn = sqlite3.connect(target, uri=True, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.create_function(SQL_FUNCTION, 1, index_text, deterministic=True)
    register_search_terms(conn)  # and its terms' (schema 35)
    register_sqlite(conn)  # and the hash chain's (schema 22), so the baseline chains too
    return conn
