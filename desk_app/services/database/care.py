"""Looking after the shared file from a workstation: backups, restores, checks, presence.

The command line (``desk-app backup/restore/check``) is for whoever holds the file; in the
program these are the process owner's (R04: process-management authority), and this is
where that is enforced, so the admin screen only shows what the core allows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from desk_app.domain.enums import Role
from desk_app.services import permissions as perm
from desk_app.services.arguments import checked
from desk_app.services.database.check import CheckReport, check_database
from desk_app.services.session import Session
from desk_app.storage.backup import (
    BackupInfo,
    daily_backup_due,
    keep_days,
    latest_good_backup,
    list_backups,
    prune_backups,
)
from desk_app.storage.backups import restore_backup, take_backup
from desk_app.storage.database import Store
from desk_app.storage.postgres.dump import home, restore_server
from desk_app.storage.presence import PresenceRow, Visitor, present
from desk_app.storage.restore import RestoreResult


def _require_owner(session: Session) -> None:
    perm.require_role(session, "administer", Role.PROCESS_OWNER)


def visitor_of(session: Session) -> Visitor:
    return Visitor(username=session.username, full_name=session.full_name,
                   user_id=session.user_id, workstation=session.workstation)


def backups(session: Session) -> list[BackupInfo]:
    _require_owner(session)
    return list_backups(home(session.store.path))


def daily_backup(store: Store, now: datetime | None = None) -> BackupInfo | None:
    """The day's backup, once a day, then pruning by the retention setting: what a file
    gets at the first open of the day (``file_opening``), for a store that stays open for
    days (``desk-app watch``) and for a team's server, whose backup is a ``pg_dump`` into
    its backups folder (``postgres/dump``). None: one was taken today already. Errors
    (no ``pg_dump`` here, the server unreachable) are the caller's to report."""
    moment = now or datetime.now(UTC)
    server = getattr(store, "kind", "file") == "server"
    place = home(getattr(store, "url", "") if server else store.path)
    taken = take_backup(store, "daily", now=moment) if daily_backup_due(place, moment) \
        else None
    prune_backups(place, keep_days(store), moment)
    return taken


def backup_now(session: Session) -> BackupInfo:
    """A manual backup, then pruning by the retention setting."""
    _require_owner(session)
    info = take_backup(session.store, "manual")
    prune_backups(home(session.store.path), keep_days(session.store), datetime.now(UTC))
    return info


@checked
def check_now(session: Session, *, quick: bool = False) -> CheckReport:
    _require_owner(session)
    return check_database(session.store, quick=quick)


@checked
def restore_now(session: Session, backup: Path, *, force: bool = False,
                release_timeout: float | None = None,
                on_progress: Callable[[list[PresenceRow]], None] | None = None
                ) -> RestoreResult:
    """Restore ``backup`` in place of the open file. Afterwards every workstation, this one
    included, must reopen the file (its next write says so). The session's own open of
    the file is not waited for: it is the program asking for the restore."""
    _require_owner(session)
    kwargs = {} if release_timeout is None else {"release_timeout": release_timeout}
    if getattr(session.store, "kind", "file") == "server":  # pg_restore, one transaction
        return restore_server(session.store.url, backup,  # type: ignore[attr-defined]
                              visitor=visitor_of(session), force=force,
                              on_progress=on_progress, ours=(session.store.token,),
                              **kwargs)  # type: ignore[arg-type]
    return restore_backup(session.store.path, backup, visitor=visitor_of(session),
                          force=force, on_progress=on_progress, ours=(session.store.token,),
                          **kwargs)  # type: ignore[arg-type]


def connected(session: Session) -> list[PresenceRow]:
    """Who has the file open; any signed-in person may see it (it is shown, not changed)."""
    perm.require(not session.is_system, "administer")
    return present(session.store)


@checked
def restore_offer(path: Path) -> BackupInfo | None:
    """The backup to offer when the file will not open because it is damaged: nobody can
    sign in to a damaged file, so this asks for no session (the restore itself is still
    the file holder's decision, as on the command line)."""
    if not path.name:  # a folder's root names no database
        return None
    return latest_good_backup(path)
