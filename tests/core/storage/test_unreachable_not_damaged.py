"""Unreachable is not damaged: a file on a share that dropped, or that vanished, is
reported as "the shared folder cannot be reached" (forms keep their text, the call can be
tried again); the restore offer comes only for a reachable file that fails its integrity
check. Tried with a real filesystem shut down under the program."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desk_app.errors import DatabaseCorrupt, DatabaseUnreachable, StorageError
from desk_app.storage.damage import confirm_damage
from desk_app.storage.file_opening import finish_checks
from desk_app.storage.opening import open_store
from tests import loopfs
from tests.conftest import Org


def test_a_spurious_damage_report_on_an_intact_file_is_not_damage(org: Org) -> None:
    found = confirm_damage(org.path, DatabaseCorrupt("database disk image is malformed"))
    assert isinstance(found, DatabaseUnreachable)
    assert "cannot be reached" in found.message("en")


def test_a_vanished_file_is_unreachable(org: Org, tmp_path: Path) -> None:
    found = confirm_damage(tmp_path / "gone.sqlite", DatabaseCorrupt("file is not a database"))
    assert isinstance(found, DatabaseUnreachable)


def test_a_reachable_damaged_file_is_still_damaged(org: Org, tmp_path: Path) -> None:
    org.store.close()
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(org.path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096):  # every page but the first
        data[offset + 100:offset + 400] = b"\xff" * 300
    damaged.write_bytes(bytes(data))
    error = DatabaseCorrupt("database disk image is malformed")
    assert isinstance(confirm_damage(damaged, error), DatabaseCorrupt)


def test_a_dropped_filesystem_under_an_open_file_is_never_called_damaged(
        org: Org, tmp_path: Path) -> None:
    reason = loopfs.unavailable()
    if reason is not None:
        pytest.skip(reason)
    org.store.close()
    image, mountpoint = tmp_path / "share.img", tmp_path / "share"
    with loopfs.loop_mount(image, mountpoint):
        path = mountpoint / "desk.sqlite"
        shutil.copyfile(org.path, path)
        store = open_store(path, daily_backup=False, defer_checks=True, lock_test="never")
        try:
            loopfs.shut_down(mountpoint)  # the share drops
            with pytest.raises(StorageError) as failed:
                finish_checks(store)
            assert not isinstance(failed.value, DatabaseCorrupt)
            with pytest.raises(StorageError) as reopened:
                open_store(path, daily_backup=False, lock_test="never")
            assert not isinstance(reopened.value, DatabaseCorrupt)
        finally:
            store.close()
