"""Backups and restores of either kind of database: a file's through SQLite's backup API
(``storage.backup``, ``storage.restore``), a server's through ``pg_dump`` and
``pg_restore`` (``storage.postgres.dump``).

The choice is made here, above both, so that the file's modules never import the server's
(which import them for the backup folder's names and the restore's safety rules): what
calls for "a backup of this database" — the daily care, the command line, the Database
file page — imports this module and need not know which kind it has.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from datetime import datetime
from pathlib import Path

from desk_app.storage import backup as file_backup
from desk_app.storage import restore as file_restore
from desk_app.storage.backup import BackupInfo
from desk_app.storage.database import Store
from desk_app.storage.postgres import dump
from desk_app.storage.postgres.url import is_server
from desk_app.storage.presence import PresenceRow, Visitor
from desk_app.storage.restore import RELEASE_TIMEOUT, BackupSummary, RestoreResult


def _address(store: Store) -> object | None:
    """The server's address of a server's store; None for a file's."""
    return getattr(store, "address", None) if getattr(store, "kind", "file") == "server" \
        else None


def backup_to(store: Store, destination: Path) -> Path:
    """A copy of the database at ``destination``: a file's copy or a server's dump."""
    address = _address(store)
    if address is not None:
        return dump.dump_to(address, destination)  # type: ignore[arg-type]
    return file_backup.backup_to(store, destination)


def take_backup(store: Store, kind: str, *, now: datetime | None = None,
                version: int | None = None, folder: Path | None = None) -> BackupInfo:
    """A backup of ``kind`` into the database's backups folder (or ``folder``)."""
    address = _address(store)
    if address is not None:
        return dump.take_server_backup(address, kind, now=now,  # type: ignore[arg-type]
                                       folder=folder)
    return file_backup.take_backup(store, kind, now=now, version=version, folder=folder)


def summarise_backup(backup: Path) -> BackupSummary:
    """What a backup holds (``restore.summarise_backup``); a server's dump (``.dump``) is
    read with ``pg_restore``."""
    if backup.suffix == ".dump":
        return dump.summarise_dump(backup)
    return file_restore.summarise_backup(backup)


def restore_backup(path: Path | str, backup: Path, *, visitor: Visitor | None = None,
                   release_timeout: float = RELEASE_TIMEOUT, force: bool = False,
                   poll: float = 1.0, now: Callable[[], float] = time.time,
                   on_progress: Callable[[list[PresenceRow]], None] | None = None,
                   ours: Collection[str] = ()) -> RestoreResult:
    """Replace the database at ``path`` (a file's path or a server's URL) by ``backup``,
    with the same safety rules for both (``restore.restore_backup``)."""
    if is_server(path):
        return dump.restore_server(str(path), backup, visitor=visitor,
                                   release_timeout=release_timeout, force=force, poll=poll,
                                   now=now, on_progress=on_progress, ours=ours)
    return file_restore.restore_backup(Path(path), backup, visitor=visitor,
                                       release_timeout=release_timeout, force=force,
                                       poll=poll, now=now, on_progress=on_progress,
                                       ours=ours)
