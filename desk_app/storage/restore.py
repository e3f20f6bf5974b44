"""Putting a backup back in place of the live file.

A healthy live file is restored *in place*, through the backup API, as one transaction on
the live file: other workstations never see half a restore, a crash half-way leaves the
old content (SQLite's journal rolls it back), and nobody's open file handle goes stale.
Before that, the file is put under maintenance (the others' writes are refused and their
heartbeats let go), and the current content is saved as a ``pre-restore`` backup.

The restored content is prepared in a side file first: upgraded to this program's schema if
the backup is older, and marked with a new restore ``generation`` while still under this
maintenance, so that no write can slip in between the copy and the end of maintenance, and
every workstation that opened the file before the restore knows it must reopen.

A damaged live file cannot be written in place (its pages cannot be trusted even to take
the copy); it is kept aside as ``…-damaged-….sqlite`` (a file copy: the point is to keep
the damaged bytes for whoever investigates) and replaced by renaming the prepared file over
it. A workstation still holding the old file finds out at its next write (its guard sees a
different file) and reopens.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desk_app.errors import (
    BackupUnusable,
    DatabaseIOError,
    NotADeskDatabase,
    RestoreRefused,
    SchemaTooNew,
)
from desk_app.storage.backup import (
    backups_dir,
    copy_database,
    parse_backup,
    take_backup,
    verify_backup,
)
from desk_app.storage.database import Store, translate_errors
from desk_app.storage.identity import identify, require_desk_database
from desk_app.storage.migrations import LATEST, migrate
from desk_app.storage.models import database as model_proxy
from desk_app.storage.presence import (
    PRESENCE_SCHEMA,
    RELEASE_TIMEOUT,
    PresenceRow,
    Visitor,
    begin_maintenance,
    end_maintenance,
    generation,
    leave,
    wait_for_release,
)
from desk_app.storage.uri import sqlite_uri


@dataclass(frozen=True)
class RestoreResult:
    backup: Path
    schema_version: int  # of the backup, before any upgrade
    safety_copy: Path | None  # the replaced content: a pre-restore backup, or damaged bytes
    in_place: bool  # False: a damaged or missing file was replaced
    generation: int
    holdouts: list[PresenceRow] = field(default_factory=list)  # with ``force`` only


@dataclass(frozen=True)
class BackupSummary:
    """What a restore would put back, shown before it is asked for."""

    path: Path
    taken_at: datetime | None  # from the backup's name; None for a file named otherwise
    schema_version: int
    incidents: int
    newest_number: str | None
    newest_at: datetime | None


def summarise_backup(backup: Path) -> BackupSummary:
    """Its moment, schema, how many incidents and the newest one; ``NotADeskDatabase`` for
    a file that is not a desk-app database, ``BackupUnusable`` for one that cannot be read.
    A file's backup only: ``storage.backups`` reads a server's dump."""
    found = require_desk_database(backup)
    info = parse_backup(backup)
    try:
        conn = sqlite3.connect(sqlite_uri(backup, mode="ro"), uri=True, timeout=5)
        try:
            count = int(conn.execute("SELECT count(*) FROM incident").fetchone()[0])
            newest = conn.execute("SELECT number, created_at FROM incident"
                                  " ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise BackupUnusable(str(backup), str(error)) from error
    return BackupSummary(
        backup, info.taken_at if info else None, found.schema_version, count,
        str(newest[0]) if newest else None,
        datetime.fromtimestamp(int(newest[1]), UTC) if newest else None)


def live_file_healthy(path: Path) -> bool:
    """Whether the live file opens and passes ``quick_check``."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=5)
        try:
            return [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _prepare(backup: Path, side: Path, *, token: str | None, visitor: Visitor,
             next_generation: int, now: int) -> None:
    """The backup's content in ``side``, at this program's schema, marked as restored."""
    source = sqlite3.connect(sqlite_uri(backup, mode="ro"), uri=True)
    try:
        copy_database(source, side)
    finally:
        source.close()
    previous = model_proxy.obj
    store = Store(side)
    try:
        migrate(store)  # the backup itself is the copy of the old schema
        store.execute(
            "UPDATE maintenance SET active = ?, reason = ?, token = ?, username = ?, "
            "workstation = ?, started_at = ?, generation = ? WHERE id = 1",
            (1 if token else 0, "restore" if token else None, token, visitor.username,
             visitor.host(), now if token else None, next_generation))
        store.execute("DELETE FROM presence")
    finally:
        store.close()
        if previous is not None:
            model_proxy.initialize(previous)


def restore_backup(path: Path, backup: Path, *, visitor: Visitor | None = None,
                   release_timeout: float = RELEASE_TIMEOUT, force: bool = False,
                   poll: float = 1.0, now: Callable[[], float] = time.time,
                   on_progress: Callable[[list[PresenceRow]], None] | None = None,
                   ours: Collection[str] = ()) -> RestoreResult:
    """Replace the content of the database at ``path`` by ``backup``.

    Refused (``RestoreRefused``) if other workstations do not let go within
    ``release_timeout`` seconds, unless ``force``. ``ours``: the presence tokens of the
    calling program's own open store (not waited for; see ``wait_for_release``). A file
    only: ``storage.backups`` restores a server from its dump."""
    who = visitor or Visitor()
    require_desk_database(backup)  # a stranger's file would leave the team with nothing
    if identify(path).kind == "foreign":  # nor is another program's file replaced
        raise NotADeskDatabase(str(path), "foreign")
    good, detail, version = verify_backup(backup)
    if not good:
        raise BackupUnusable(str(backup), detail)
    if version > LATEST:
        raise SchemaTooNew(version, LATEST)
    folder = backups_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    side = folder / f".restore-{uuid.uuid4().hex[:12]}.sqlite"
    try:
        if live_file_healthy(path):
            return _in_place(path, backup, side, who, version, release_timeout, force, poll,
                             now, on_progress, ours)
        return _replace(path, backup, side, who, version, now)
    finally:
        for leftover in (side, side.with_name(side.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _in_place(path: Path, backup: Path, side: Path, who: Visitor, version: int,
              release_timeout: float, force: bool, poll: float, now: Callable[[], float],
              on_progress: Callable[[list[PresenceRow]], None] | None,
              ours: Collection[str] = ()) -> RestoreResult:
    previous = model_proxy.obj
    live = Store(path, bind=False)
    live.visitor = who
    try:
        supports_maintenance = live.user_version() >= PRESENCE_SCHEMA
        holdouts: list[PresenceRow] = []
        if supports_maintenance:
            begin_maintenance(live, "restore", who, now)
        try:
            if supports_maintenance:
                holdouts = wait_for_release(live, release_timeout, poll=poll, now=now,
                                            on_progress=on_progress, ours=ours)
                if holdouts and not force:
                    raise RestoreRefused([f"{p.username}@{p.workstation}" for p in holdouts])
            safety = take_backup(live, "pre-restore").path
            next_generation = generation(live) + 1
            _prepare(backup, side, token=live.token, visitor=who,
                     next_generation=next_generation, now=int(now()))
            source = sqlite3.connect(sqlite_uri(side, mode="ro"), uri=True)
            target = live.raw_connection()
            try:
                with translate_errors():
                    source.backup(target)
            finally:
                source.close()
                target.close()
        finally:
            if supports_maintenance:
                end_maintenance(live)
                leave(live)
        return RestoreResult(backup, version, safety, True, next_generation, holdouts)
    finally:
        live.close()
        if previous is not None:
            model_proxy.initialize(previous)


def _replace(path: Path, backup: Path, side: Path, who: Visitor, version: int,
             now: Callable[[], float]) -> RestoreResult:
    kept: Path | None = None
    if path.exists() and path.stat().st_size > 0:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = backups_dir(path) / f"{path.stem}-damaged-{stamp}.sqlite"
        shutil.copy2(path, kept)
    # the old count is in the damaged file: a moment in seconds differs from any count
    next_generation = int(now())
    _prepare(backup, side, token=None, visitor=who, next_generation=next_generation,
             now=int(now()))
    # a journal left by the damaged file would be "rolled back" into the restored one
    for suffix in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")
    try:
        os.replace(side, path)
    except OSError as error:  # e.g. Windows: another program still has the file open
        raise DatabaseIOError(str(error)) from error
    return RestoreResult(backup, version, kept, False, next_generation)
