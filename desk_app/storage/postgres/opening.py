"""Opening a team's server database: making it on first use, upgrading it, guarding writes.

A new database is made from a new file (``copy``): the same migrations, the same reference
data. One workstation makes or upgrades it, holding the write lock; another that opens it
meanwhile waits for the lock and then finds the work done, as with a file. An upgrade runs
each new migration's statements translated (``schema.translate_statement``) in one
transaction, and records the version in ``schema_version``.
"""

from __future__ import annotations

import logging
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desk_app.errors import DatabaseReadOnly, NotADeskDatabase, SchemaTooOld
from desk_app.storage import migrations
from desk_app.storage.database import translate_errors
from desk_app.storage.file_opening import OpenReport, open_file
from desk_app.storage.filesystem import Location
from desk_app.storage.migrations import MigrationResult, check_version
from desk_app.storage.postgres.copy import copy_file
from desk_app.storage.postgres.database import ServerStore
from desk_app.storage.postgres.schema import (
    FUNCTIONS_MARK,
    functions_digest,
    functions_sql,
    translate_statement,
)
from desk_app.storage.postgres.url import ServerAddress
from desk_app.storage.presence import Visitor, install_guard

log = logging.getLogger(__name__)


def _has_schema(store: ServerStore) -> bool:
    return bool(store.execute("SELECT to_regclass('schema_version') IS NOT NULL")[0][0])


def _template_file(folder: Path) -> Path:
    """A new file at the latest schema, with the reference data (what the server gets)."""
    path = folder / "new.sqlite"
    store = open_file(path, create=True, daily_backup=False, lock_test="never",
                       quick_check=False)
    store.close()
    return path


def create_schema(store: ServerStore) -> bool:
    """Make the database's schema unless another workstation did first; True if we did."""
    def run() -> bool:
        if _has_schema(store):
            return False
        with tempfile.TemporaryDirectory(prefix="desk-server-") as folder:
            source = sqlite3.connect(_template_file(Path(folder)))
            try:
                copy_file(source, store.db.connection(), migrations.LATEST)
            finally:
                source.close()
        return True

    with translate_errors(), store.db.atomic(lock_type="IMMEDIATE"):
        return run()


def refresh_functions(store: ServerStore) -> bool:
    """Give the database this program's functions (functions.sql) when it holds another
    program's; True if they were replaced. Someone who may not replace them (not the
    database's owner) goes on with those there are."""
    def marked() -> bool:
        found = store.execute(f"SELECT obj_description('{FUNCTIONS_MARK}'::regprocedure, "
                              "'pg_proc')")
        return bool(found) and found[0][0] == functions_digest()

    if store.read(marked):
        return False
    try:
        with translate_errors(), store.db.atomic(lock_type="IMMEDIATE"):
            if marked():
                return False
            cursor = store.db.cursor()  # as written: not the program's SQLite dialect
            for statement in functions_sql():
                cursor.execute(statement)
    except DatabaseReadOnly:
        log.warning("%s: the server's functions are an older program's and this account may "
                    "not replace them", store.path)
        return False
    return True


def upgrade(store: ServerStore) -> MigrationResult:
    found = store.read(lambda: check_version(store))
    if found == migrations.LATEST:
        return MigrationResult(found, False)
    with translate_errors(), store.db.atomic(lock_type="IMMEDIATE"):
        version = check_version(store)
        if version == migrations.LATEST:
            return MigrationResult(found, False)
        for migration in migrations.MIGRATIONS:
            if migration.version <= version:
                continue
            for statement in migrations.statements(migration.sql_file):
                for server_statement in translate_statement(statement):
                    store.db.execute_sql(server_statement)
            store.db.execute_sql('INSERT INTO "schema_version" ("version", "program") '
                                 "VALUES (?, ?)", (migration.version, "upgrade"))
    return MigrationResult(found, True)


def open_server(url: str, *, create: bool = False, read_only: bool = False,
                visitor: Visitor | None = None, now: datetime | None = None,
                on_wait: Callable[[], None] | None = None, **_ignored: object) -> ServerStore:
    """Open the server database ``url`` names (``create``: make its schema if it has none)."""
    address = ServerAddress.parse(url)
    store = ServerStore(address, read_only=read_only)
    store.visitor = visitor
    try:
        report = OpenReport(Location(path=store.path, network=True, filesystem="postgresql"))
        if not store.read(lambda: _has_schema(store)):
            if not create:
                raise NotADeskDatabase(address.display(), "empty_server")
            create_schema(store)
        if read_only:
            version = store.read(lambda: check_version(store))
            if version < migrations.LATEST:
                raise SchemaTooOld(version, migrations.LATEST)
        else:
            # functions first: a migration's indexes may be built on them (schema 34)
            refresh_functions(store)
            report.migration = upgrade(store)
        install_guard(store, migrations.LATEST)
    except BaseException:
        store.close()
        raise
    store.report = report
    return store
