"""Open a database, whichever kind it is: a shared file (``file_opening``) or a team's
PostgreSQL server (``postgres/opening``), named by a path or by a URL. Every place that
opens a database comes through here, so every command and screen works on both kinds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desk_app.storage.database import Store
from desk_app.storage.file_opening import LockTestMode, open_file
from desk_app.storage.postgres.opening import open_server
from desk_app.storage.postgres.url import is_server
from desk_app.storage.presence import Visitor

__all__ = ["open_store"]


def open_store(path: str | Path, *, create: bool = False, read_only: bool = False,
               lock_test: LockTestMode = "auto", quick_check: bool = True,
               daily_backup: bool = True, visitor: Visitor | None = None,
               now: datetime | None = None,
               on_wait: Callable[[], None] | None = None,
               defer_checks: bool = False) -> Store:
    """Open ``path``; with ``create``, a missing database becomes a new, empty one.

    A file: see ``file_opening.open_file`` (its checks, the upgrade, ``defer_checks``). A
    server's URL (``postgresql://user@host:5432/desk``): the same store, on a server; the
    file-only options (the lock test, the quick check, the daily backup) do not apply."""
    if is_server(path):
        return open_server(str(path), create=create, read_only=read_only, visitor=visitor,
                           now=now, on_wait=on_wait)
    return open_file(path, create=create, read_only=read_only, lock_test=lock_test,
                     quick_check=quick_check, daily_backup=daily_backup, visitor=visitor,
                     now=now, on_wait=on_wait, defer_checks=defer_checks)
