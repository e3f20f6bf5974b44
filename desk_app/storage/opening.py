"""Open (or create) a database file and bring its schema up to date."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desk_app.errors import DatabaseIOError
from desk_app.storage.backup import backup_to
from desk_app.storage.database import Store
from desk_app.storage.migrations import migrate


def backups_dir(path: Path) -> Path:
    return path.with_name(path.stem + "-backups")


def _backup_before_migration(store: Store, version: int) -> None:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    backup_to(store, backups_dir(store.path) / f"{store.path.stem}-v{version}-{stamp}.sqlite")


def open_store(path: str | Path, *, create: bool = False, read_only: bool = False) -> Store:
    """Open ``path``; with ``create``, a missing file becomes a new, empty database."""
    path = Path(path)
    if not path.exists() and not create:
        raise DatabaseIOError(f"{path}: no such file")
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(path, read_only=read_only)
    if read_only:
        from desk_app.storage.migrations import check_version

        check_version(store)
    else:
        migrate(store, backup=_backup_before_migration)
    return store
