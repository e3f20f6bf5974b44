"""Open (or create) a database file, make sure it is safe to use, and bring its schema up
to date.

In order, because each step relies on the ones before:

1. where the file lives (``filesystem.describe``), for the status bar and the lock test;
2. whether this program may write: the file or its folder may be read-only, and on a
   network share the locks must work (mount options known to break them, then the lock
   self-test); if not, the file opens read-only and the reason says why, in the user's
   language;
3. the file's header: not a database at all is "damaged"; a file in WAL mode is switched
   back to the rollback journal when no other program holds it in WAL mode, and refused
   with a message when one does (or when the file may only be read);
4. ``PRAGMA quick_check``: a damaged file is refused with ``DatabaseCorrupt``, which the UI
   answers with the offer to restore the latest good backup;
5. the upgrade (``migrations.migrate``), after a backup, by exactly one workstation;
6. the guard every write passes (newer schema, maintenance, a restore since opening);
7. the daily backup on the first open of the day, and pruning by the retention setting.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from desk_app.errors import (
    DatabaseCorrupt,
    DatabaseInWal,
    DatabaseIOError,
    DatabaseReadOnly,
    MaintenanceActive,
    SchemaTooOld,
    StorageError,
)
from desk_app.storage import migrations
from desk_app.storage.backup import (
    BackupInfo,
    backups_dir,
    daily_backup_due,
    keep_days,
    prune_backups,
    take_backup,
)
from desk_app.storage.database import BUSY_TIMEOUT, Store
from desk_app.storage.filesystem import Location, describe
from desk_app.storage.locktest import LockTest, lock_self_test
from desk_app.storage.migrations import MigrationResult, check_version, migrate
from desk_app.storage.presence import PRESENCE_SCHEMA, Visitor, install_guard, maintenance

log = logging.getLogger(__name__)

LockTestMode = Literal["auto", "always", "never"]
SQLITE_MAGIC = b"SQLite format 3\x00"

__all__ = ["OpenReport", "backups_dir", "open_store"]


@dataclass
class OpenReport:
    """What opening found, for the status bar and the administrator."""

    location: Location
    read_only_reason: str | None = None  # a ``storage.readonly.*`` message key
    lock_test: LockTest | None = None
    switched_from_wal: bool = False
    migration: MigrationResult | None = None
    daily_backup: BackupInfo | None = None
    backup_problem: str | None = None
    pruned: list[Path] = field(default_factory=list)


def _cannot_write(path: Path) -> str | None:
    """Why this program cannot write the file, judged before SQLite is asked (which would
    only say so at the first save, after the user has typed a form)."""
    if path.exists() and not os.access(path, os.W_OK):
        return "storage.readonly.file"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return "storage.readonly.folder"  # the rollback journal is created beside the file
    return None


def _locks_broken(location: Location, mode: LockTestMode, report: OpenReport) -> str | None:
    if mode == "never" or not (location.network or mode == "always"):
        return None
    if location.broken_lock_options:
        return "storage.readonly.lock_options"
    report.lock_test = lock_self_test(location.path.parent)
    return "storage.readonly.locks" if report.lock_test.broken else None


def check_header(path: Path, read_only: bool, report: OpenReport) -> None:
    """Refuse what is not a database; switch a WAL file back to the rollback journal."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        return
    except OSError as error:
        raise DatabaseIOError(str(error)) from error
    if not header:
        return  # a new, empty file
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise DatabaseCorrupt("not an SQLite database")
    if header[18] != 2 and header[19] != 2:
        return
    if read_only:
        raise DatabaseInWal()
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise DatabaseInWal() from error
    if str(mode).lower() != "delete":
        raise DatabaseInWal()
    report.switched_from_wal = True
    log.warning("%s was in WAL mode; switched back to the rollback journal", path)


def _quick_check(store: Store) -> None:
    rows = [str(r[0]) for r in store.execute("PRAGMA quick_check")]
    if rows != ["ok"]:
        raise DatabaseCorrupt("; ".join(rows[:5]))


def _backup_before_migration(store: Store, version: int) -> Path:
    return take_backup(store, "migration", version=version).path


def _upgrade(store: Store, visitor: Visitor | None,
             on_wait: Callable[[], None] | None) -> MigrationResult:
    """Upgrade; a file that knows maintenance shows the others who is upgrading it."""
    found = store.read(lambda: check_version(store))
    if found >= migrations.LATEST or found < PRESENCE_SCHEMA:
        return migrate(store, _backup_before_migration, on_wait=on_wait)
    try:
        with maintenance(store, "migration", visitor):
            return migrate(store, _backup_before_migration, on_wait=on_wait)
    except MaintenanceActive:
        # another workstation is upgrading it: wait for its lock, then find the work done
        return migrate(store, _backup_before_migration, on_wait=on_wait)


def _daily_backup(store: Store, report: OpenReport, now: datetime) -> None:
    try:
        if daily_backup_due(store.path, now):
            report.daily_backup = take_backup(store, "daily", now=now)
        report.pruned = prune_backups(store.path, keep_days(store), now)
    except (StorageError, OSError) as error:
        # a backup that cannot be taken must not stop the day's work; the report shows it
        report.backup_problem = error.message() if isinstance(error, StorageError) else str(
            error)
        log.warning("daily backup of %s failed: %s", store.path, report.backup_problem)


def open_store(path: str | Path, *, create: bool = False, read_only: bool = False,
               lock_test: LockTestMode = "auto", quick_check: bool = True,
               daily_backup: bool = True, visitor: Visitor | None = None,
               now: datetime | None = None,
               on_wait: Callable[[], None] | None = None) -> Store:
    """Open ``path``; with ``create``, a missing file becomes a new, empty database.

    The store's ``report`` (an ``OpenReport``) says where the file is, why it is read-only
    if it is, and what opening did. ``on_wait`` is called while another workstation's
    upgrade holds the file."""
    path = Path(path).absolute()
    if not path.exists() and not create:
        raise DatabaseIOError(f"{path}: no such file")
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    report = OpenReport(describe(path))
    reason = "storage.readonly.asked" if read_only else _cannot_write(path)
    if reason is not None and not path.exists():
        raise DatabaseReadOnly(reason)
    if reason is None:
        reason = _locks_broken(report.location, lock_test, report)
    read_only = reason is not None
    report.read_only_reason = reason
    check_header(path, read_only, report)
    store = Store(path, read_only=read_only,
                  read_only_reason=reason or "storage.readonly.asked")
    store.visitor = visitor
    try:
        if quick_check:
            _quick_check(store)
        if read_only:
            version = store.read(lambda: check_version(store))
            if version < migrations.LATEST:
                raise SchemaTooOld(version, migrations.LATEST)
        else:
            report.migration = _upgrade(store, visitor, on_wait)
        install_guard(store, migrations.LATEST)
        if not read_only and daily_backup and report.migration and report.migration.found:
            _daily_backup(store, report, now or datetime.now(UTC))
    except BaseException:
        store.close()
        raise
    store.report = report
    return store
