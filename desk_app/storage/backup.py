"""Copies of the database through SQLite's backup API: consistent even while others write,
unlike a file copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desk_app.storage.database import Store, translate_errors


def backup_to(store: Store, destination: Path) -> Path:
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_suffix(destination.suffix + ".partial")
    with translate_errors():
        source = store.db.connection()
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
    partial.replace(destination)
    return destination
