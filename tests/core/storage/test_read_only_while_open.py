"""A file or folder that becomes read-only while open turns the store read-only, with the
reason, at the next write (docs/storage.md), instead of going on accepting writes through
the handle SQLite already holds. Tried with ``chmod`` and with ``chattr +i``."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.errors import DatabaseReadOnly
from desk_app.storage.models import Incident
from tests.conftest import Org


def _count(org: Org) -> int:
    return org.store.read(lambda: Incident.select().count())


@pytest.fixture
def restore_mode(org: Org) -> Iterator[None]:
    yield
    org.path.chmod(0o644)
    org.path.parent.chmod(0o755)


def test_chmod_0444_while_open_turns_the_store_read_only(org: Org,
                                                         restore_mode: None) -> None:
    org.log()
    org.path.chmod(0o444)
    with pytest.raises(DatabaseReadOnly) as refused:
        org.log()
    assert refused.value.reason == "storage.readonly.file"
    assert "read-only" in refused.value.message("en")
    assert org.store.read_only and org.store.read_only_reason == "storage.readonly.file"
    assert _count(org) == 1  # reading goes on
    org.path.chmod(0o644)  # the permissions come back: so does writing
    org.log()
    assert not org.store.read_only and _count(org) == 2


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0


@pytest.mark.parametrize("what", ["file", "folder"])
def test_chattr_immutable_while_open_turns_the_store_read_only(org: Org, what: str) -> None:
    org.log()
    target = org.path if what == "file" else org.path.parent
    if not _chattr("+i", target):
        pytest.skip("chattr +i is refused on this filesystem or without root")
    try:
        with pytest.raises(DatabaseReadOnly) as refused:
            org.log()
        assert refused.value.reason == f"storage.readonly.{what}"
        assert org.store.read_only
    finally:
        _chattr("-i", target)
    assert _count(org) == 1
