"""Creating a new database with its first administrator."""

from __future__ import annotations

from pathlib import Path

from desk_app.clock import Clock, SystemClock
from desk_app.errors import ValidationError
from desk_app.services.admin.people import UserForm, create_first_owner
from desk_app.services.session import system_session
from desk_app.storage.database import Store
from desk_app.storage.opening import open_store


def create_database(path: str | Path, owner: UserForm, clock: Clock | None = None) -> Store:
    """A new file with the default reference data and one process owner (R04)."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise ValidationError.single("path", "validation.file_exists")
    existed = path.exists()
    store = open_store(path, create=True)
    try:
        create_first_owner(system_session(store, clock or SystemClock()), owner)
    except BaseException:
        # refused (e.g. a short password): leave no half-made database behind, so that the
        # same name can be used again once the input is corrected
        store.close()
        if not existed:
            path.unlink(missing_ok=True)
        raise
    return store
