"""Copies of the database through SQLite's backup API: consistent even while others write,
unlike a file copy (which can catch one workstation's commit half-way and copy a torn file).

Backups live in a folder beside the file (``desk-backups`` for ``desk.sqlite``), on the same
share, so that any workstation can restore them. Their names say what they are::

    desk-daily-20260302T010000Z-v4.sqlite     first open of the day
    desk-migration-20260302T010000Z-v1.sqlite  before an upgrade from schema 1
    desk-manual-…, desk-pre-restore-…          by hand; the state a restore replaced

Every backup is checked (``PRAGMA quick_check``) before it gets its final name, so a file
with a backup name is a good copy; a copy that fails the check is deleted and reported.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import sqlite3
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import peewee

from desk_app.errors import BackupTargetRefused, DatabaseCorrupt, DatabaseIOError, StorageError
from desk_app.storage.database import Store, translate_errors
from desk_app.storage.identity import in_use
from desk_app.storage.uri import sqlite_uri

KINDS = ("daily", "migration", "manual", "pre-restore")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>daily|migration|manual|pre-restore)-"
                   r"(?P<stamp>\d{8}T\d{6}Z)-v(?P<version>\d+)\.(?:sqlite|dump)$")
#: Backups younger than this many days are kept; the setting ``backup_keep_days`` changes it.
KEEP_DAYS = 14
#: However old, the newest few backups are always kept.
KEEP_AT_LEAST = 3


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    taken_at: datetime  # UTC
    schema_version: int
    size: int


def backups_dir(path: Path) -> Path:
    return path.with_name(path.stem + "-backups")


def _sync_folder(folder: Path) -> None:
    """Make the new name durable (POSIX; Windows commits renames itself)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


#: A ``.partial`` copy older than this was left by a backup that was killed: pruned.
PARTIAL_STALE_SECONDS = 3600


def prune_partials(folder: Path, pattern: str = ".*.partial",
                   now: float | None = None) -> list[Path]:
    """Delete copies left half-written in ``folder`` by killed backups and restores (a
    running one's copy is younger than ``PARTIAL_STALE_SECONDS``)."""
    moment = time.time() if now is None else now
    removed = []
    with contextlib.suppress(OSError):
        for entry in folder.glob(pattern):
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < moment - PARTIAL_STALE_SECONDS:
                    entry.unlink()
                    removed.append(entry)
    return removed


def check_backup_target(source: Path, target: Path, *, force: bool = False) -> None:
    """``BackupTargetRefused`` unless ``target`` may be written: a new name; an existing
    ordinary file only with ``force``; never the database being backed up, nor a desk-app
    database that workstations have open, whatever ``force`` says."""
    if not os.path.lexists(target):
        return
    if not target.is_file():
        raise BackupTargetRefused(str(target), "not_file")
    with contextlib.suppress(OSError):
        if os.path.samefile(source, target):
            raise BackupTargetRefused(str(target), "live")
    if in_use(target):
        raise BackupTargetRefused(str(target), "open")
    if not force:
        raise BackupTargetRefused(str(target), "exists")


def copy_database(source: sqlite3.Connection, destination: Path) -> Path:
    """Copy through the backup API into ``destination`` (replaced only once the copy is
    complete and checked). ``source`` must not be in the middle of writing."""
    if "\x00" in str(destination):
        raise DatabaseIOError(f"{destination!r}: a path cannot hold a NUL character")
    destination.parent.mkdir(parents=True, exist_ok=True)
    prune_partials(destination.parent, f".{glob.escape(destination.name)}.*.partial")
    partial = destination.with_name(f".{destination.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        with translate_errors():
            target = sqlite3.connect(partial, isolation_level=None)
            try:
                target.execute("PRAGMA journal_mode=DELETE")
                source.backup(target)
                result = [row[0] for row in target.execute("PRAGMA quick_check")]
            finally:
                target.close()
        if result != ["ok"]:
            raise DatabaseCorrupt("; ".join(result[:5]))
        os.replace(partial, destination)
        _sync_folder(destination.parent)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
        with contextlib.suppress(OSError):
            partial.with_name(partial.name + "-journal").unlink()
    return destination


def backup_to(store: Store, destination: Path) -> Path:
    """A copy of ``store``'s file at ``destination``, read through a connection of its own
    (so it works while ``store`` holds the write lock, e.g. before an upgrade). A file only:
    ``storage.backups`` chooses between this and a server's dump."""
    source = store.raw_connection()
    try:
        return copy_database(source, destination)
    finally:
        source.close()


def backup_name(path: Path, kind: str, taken_at: datetime, version: int) -> str:
    stamp = taken_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{path.stem}-{kind}-{stamp}-v{version}.sqlite"


def take_backup(store: Store, kind: str, *, now: datetime | None = None,
                version: int | None = None, folder: Path | None = None) -> BackupInfo:
    """A backup of a file's ``kind`` into the backups folder (or ``folder``); a file only,
    like ``backup_to``."""
    assert kind in KINDS
    moment = now or datetime.now(UTC)
    if version is None:
        source = store.raw_connection()
        try:
            version = int(source.execute("PRAGMA user_version").fetchone()[0])
        finally:
            source.close()
    target = (folder or backups_dir(store.path)) / backup_name(store.path, kind, moment,
                                                               version)
    backup_to(store, target)
    return BackupInfo(target, kind, moment.astimezone(UTC).replace(microsecond=0), version,
                      target.stat().st_size)


def parse_backup(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    taken = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupInfo(path, match["kind"], taken, int(match["version"]), size)


def list_backups(path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of the database at ``path``, newest first."""
    where = folder or backups_dir(path)
    try:
        entries = list(where.iterdir()) if where.is_dir() else []
    except OSError:  # a name the system refuses (too long) or a folder it cannot read
        return []
    found = []
    for entry in entries:
        info = parse_backup(entry)
        if info is not None and entry.name.startswith(path.stem + "-"):
            found.append(info)
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def daily_backup_due(path: Path, now: datetime) -> bool:
    """No daily backup yet on today's date (the workstation's local date)."""
    today = now.astimezone().date()
    return not any(b.kind == "daily" and b.taken_at.astimezone().date() == today
                   for b in list_backups(path))


def prune_backups(path: Path, keep_days: int, now: datetime,
                  keep_at_least: int = KEEP_AT_LEAST) -> list[Path]:
    """Delete backups older than ``keep_days``, always keeping the newest few."""
    removed = prune_partials(backups_dir(path))
    removed += prune_partials(backups_dir(path), ".restore-*.sqlite")
    for info in list_backups(path)[keep_at_least:]:
        if info.taken_at < now - timedelta(days=keep_days):
            with contextlib.suppress(OSError):
                info.path.unlink()
                removed.append(info.path)
    return removed


def keep_days(store: Store) -> int:
    """The retention setting, read without the models (it is used while opening)."""
    try:
        rows = store.execute("SELECT value FROM setting WHERE key = 'backup_keep_days'")
        return max(1, int(rows[0][0])) if rows else KEEP_DAYS
    except (StorageError, peewee.PeeweeException, ValueError):
        return KEEP_DAYS  # a file too old or too damaged to say: keep the default


def verify_backup(path: Path) -> tuple[bool, str, int]:
    """(good, what integrity_check said, schema version) of a backup file."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as error:
        return False, str(error), 0
    return result == ["ok"], "; ".join(result[:5]), version


def latest_good_backup(path: Path) -> BackupInfo | None:
    """The newest backup that passes a full integrity check."""
    for info in list_backups(path):
        if verify_backup(info.path)[0]:
            return info
    return None
