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
   answers with the offer to restore the latest good backup (with ``defer_checks``, only the
   small reference tables here; see ``finish_checks``);
5. the upgrade (``migrations.migrate``), after a backup, by exactly one workstation, and
   the planner's statistics put back if something replaced them (``statistics.ensure``);
6. the guard every write passes (newer schema, maintenance, a restore since opening);
7. the daily backup on the first open of the day, and pruning by the retention setting.

Why some checks can wait: at 100,000 incidents the whole file's ``quick_check`` takes
5.5 s and the daily backup 6 s more, where a person expects the window in 1.5 s. The
program therefore opens with ``defer_checks``: the tables everyone needs to sign in and
work (users, groups, categories, settings: small) are checked before the window, and
``finish_checks`` checks the tables that grow with the incidents, one table per read, on a
worker thread once the window shows, and takes the day's backup. A damaged file is then
still found and answered with the restore offer, seconds later, and no workstation's write
waits for more than one table's check. The command line keeps the whole check at open.
"""

from __future__ import annotations

import logging
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
    NotADeskDatabase,
    SchemaTooOld,
    StorageError,
)
from desk_app.storage import migrations, statistics
from desk_app.storage.backup import (
    BackupInfo,
    backups_dir,
    daily_backup_due,
    keep_days,
    prune_backups,
    take_backup,
)
from desk_app.storage.damage import confirmed
from desk_app.storage.database import BUSY_TIMEOUT, Store, why_read_only
from desk_app.storage.filesystem import Location, describe
from desk_app.storage.identity import identify
from desk_app.storage.locktest import LockTest, lock_self_test
from desk_app.storage.migrations import MigrationResult, check_version, migrate
from desk_app.storage.moved import check_not_moved, install_moved_guard
from desk_app.storage.presence import PRESENCE_SCHEMA, Visitor, install_guard, maintenance

log = logging.getLogger(__name__)

LockTestMode = Literal["auto", "always", "never"]
SQLITE_MAGIC = b"SQLite format 3\x00"

__all__ = ["OpenReport", "backups_dir", "open_file"]


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
    #: opened with ``defer_checks``: ``finish_checks`` is still to run
    checks_deferred: bool = False
    #: whether the day's backup may be due (a file that existed, opened for writing)
    backup_wanted: bool = False


def _cannot_write(path: Path) -> str | None:
    """Why this program cannot write the file, judged before SQLite is asked (which would
    only say so at the first save, after the user has typed a form)."""
    return why_read_only(path)


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


#: The tables that grow with the incidents (their history's witnesses, attachments, report
#: summaries and word-index terms among them), and the word indexes' own tables: at 100,000
#: incidents they are 99 % of the file, and a file with attachments can hold gigabytes of
#: them. They are checked once the window shows; the rest, small, at open.
GROWING = frozenset({"incident", "journal", "notification", "escalation", "target_clock",
                     "clock_run", "call_attempt", "change_request", "witness", "attachment",
                     "attachment_chunk", "import_reference", "knowledge_use", "search_term"})
_GROWING_FAMILIES = ("incident_search_", "incident_open_search_", "report_")


def _tables(store: Store) -> list[str]:
    """The file's ordinary tables (a virtual table's content lives in tables of its own)."""
    return [str(r[0]) for r in store.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND sql NOT LIKE 'CREATE VIRTUAL %' ORDER BY name")]


def growing(name: str) -> bool:
    return name in GROWING or name.startswith(_GROWING_FAMILIES)


def _quick_check(store: Store, tables: list[str] | None = None) -> None:
    """The whole file, or ``tables`` (each with its indexes) one statement each, so that the
    read lock is let go between tables."""
    for table in [None] if tables is None else tables:
        pragma = "PRAGMA quick_check" if table is None else f'PRAGMA quick_check("{table}")'
        rows = [str(r[0]) for r in store.execute(pragma)]
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


def _open_file(path: str | Path, *, create: bool = False, read_only: bool = False,
               lock_test: LockTestMode = "auto", quick_check: bool = True,
               daily_backup: bool = True, visitor: Visitor | None = None,
               now: datetime | None = None,
               on_wait: Callable[[], None] | None = None,
               defer_checks: bool = False) -> Store:
    """``open_file`` without the confirmation of damage."""
    if "\x00" in str(path):
        raise DatabaseIOError(f"{str(path)!r}: a path cannot hold a NUL character")
    path = Path(path).absolute()
    if not path.exists() and not create:
        raise DatabaseIOError(f"{path}: no such file")
    if not create:
        found = identify(path)
        if found.kind in ("empty", "foreign"):  # never made into a new database here
            raise NotADeskDatabase(str(path), found.kind)
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
            _quick_check(store, [t for t in _tables(store) if not growing(t)]
                         if defer_checks else None)
        if read_only:
            version = store.read(lambda: check_version(store))
            if version < migrations.LATEST:
                raise SchemaTooOld(version, migrations.LATEST)
        else:
            report.migration = _upgrade(store, visitor, on_wait)
        install_guard(store, migrations.LATEST)
        # a file whose data moved to a server (desk-app move) says where, and takes no writes
        check_not_moved(store)
        install_moved_guard(store)
        if not read_only and report.migration and report.migration.found:
            statistics.ensure(store)  # an ANALYZE run by hand would change the queues' plans
        report.backup_wanted = bool(not read_only and daily_backup and report.migration
                                    and report.migration.found)
        report.checks_deferred = defer_checks and (quick_check or report.backup_wanted)
        if report.backup_wanted and not defer_checks:
            _daily_backup(store, report, now or datetime.now(UTC))
    except BaseException:
        store.close()
        raise
    store.report = report
    return store


def open_file(path: str | Path, *, create: bool = False, read_only: bool = False,
               lock_test: LockTestMode = "auto", quick_check: bool = True,
               daily_backup: bool = True, visitor: Visitor | None = None,
               now: datetime | None = None,
               on_wait: Callable[[], None] | None = None,
               defer_checks: bool = False) -> Store:
    """Open ``path``; with ``create``, a missing file becomes a new, empty database.

    The store's ``report`` (an ``OpenReport``) says where the file is, why it is read-only
    if it is, and what opening did. ``on_wait`` is called while another workstation's
    upgrade holds the file. ``defer_checks``: check only the small tables now and leave the
    rest, and the daily backup, to ``finish_checks`` (see the module's docstring). Damage is
    reported only when a reachable file fails a fresh check (``storage.damage``); a file
    that cannot be reached says so instead. (``opening.open_store`` also takes a server's
    URL.)"""
    with confirmed(Path(path).absolute()):
        return _open_file(path, create=create, read_only=read_only, lock_test=lock_test,
                           quick_check=quick_check, daily_backup=daily_backup,
                           visitor=visitor, now=now, on_wait=on_wait,
                           defer_checks=defer_checks)


def finish_checks(store: Store, now: datetime | None = None) -> OpenReport:
    """What ``open_file(defer_checks=True)`` left, for a worker thread once the window
    shows: the day's backup if it is due, whose copy passes a whole-file ``quick_check``
    (so it checks the file as well), else the growing tables, one read each. Raises
    ``DatabaseCorrupt`` for a damaged file; a backup that fails for another reason is in
    the report's ``backup_problem``, as at open."""
    with confirmed(store.path):
        return _finish_checks(store, now)


def _finish_checks(store: Store, now: datetime | None = None) -> OpenReport:
    report = store.report
    if report is None or not report.checks_deferred:
        raise ValueError("finish_checks is for a store opened with defer_checks")
    report.checks_deferred = False
    if report.backup_wanted:
        _daily_backup(store, report, now or datetime.now(UTC))
        if report.daily_backup is not None:
            return report  # the copy passed the whole-file check: so did the file
    _quick_check(store, [t for t in _tables(store) if growing(t)])
    return report
