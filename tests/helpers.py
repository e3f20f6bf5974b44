"""Assertions shared by the core tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from desk_app.errors import DeskError
from desk_app.storage.database import Store


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, to prove that a refused call changed nothing."""
    tables = [r[0] for r in store.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    # sorted here rather than by rowid: the search index's shadow tables have none
    return {t: sorted(store.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}


@contextlib.contextmanager
def refused(store: Store, error: type[DeskError] = DeskError, key: str | None = None
            ) -> Iterator[pytest.ExceptionInfo[DeskError]]:
    """The block must raise ``error`` (with message ``key``) and leave the file unchanged."""
    before = snapshot(store)
    with pytest.raises(error) as info:
        yield info
    if key is not None:
        assert info.value.key == key or key in getattr(info.value, "fields", {}), (
            f"expected {key}, got {info.value.key}: {info.value}")
    assert snapshot(store) == before, "a refused call changed the database"
    # every refusal reads well in both languages
    assert info.value.message("en") and info.value.message("zh")
