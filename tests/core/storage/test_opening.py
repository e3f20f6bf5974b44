"""Opening a file: WAL refused or switched back, the lock self-test and broken shares,
damage found at open with the latest good backup offered, daily backups and retention."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import desk_app.storage.file_opening as opening
from desk_app.errors import DatabaseCorrupt, DatabaseInWal, DatabaseReadOnly, SchemaTooOld
from desk_app.storage.backup import latest_good_backup, list_backups, take_backup
from desk_app.storage.filesystem import Location
from desk_app.storage.locktest import lock_self_test
from desk_app.storage.opening import open_store
from tests.conftest import Org
from tests.stations.processes import expect_line, finish, spawn_python

from .test_write_errors import damage


def to_wal(path: Path) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    conn.close()


def header_mode(path: Path) -> int:
    return path.read_bytes()[18]


def test_a_wal_file_is_switched_back_to_the_rollback_journal(org: Org) -> None:
    org.store.close()
    to_wal(org.path)
    assert header_mode(org.path) == 2
    store = open_store(org.path, daily_backup=False)
    assert store.report is not None and store.report.switched_from_wal
    assert store.execute("PRAGMA journal_mode")[0][0] == "delete"
    assert header_mode(org.path) == 1
    store.close()


HOLD_IN_WAL = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("SELECT count(*) FROM incident").fetchall()
print("open", flush=True)
sys.stdin.readline()
"""


def test_a_wal_file_held_by_another_program_is_refused(org: Org) -> None:
    org.store.close()
    holder = spawn_python(HOLD_IN_WAL, org.path)
    expect_line(holder, "open")
    try:
        with pytest.raises(DatabaseInWal) as caught:
            open_store(org.path, daily_backup=False)
    finally:
        finish(holder)
    assert "WAL" in caught.value.message("en") and "WAL" in caught.value.message("zh")


def test_a_wal_file_cannot_be_opened_read_only(org: Org) -> None:
    org.store.close()
    to_wal(org.path)
    with pytest.raises(DatabaseInWal):
        open_store(org.path, read_only=True)
    assert header_mode(org.path) == 2  # left as it was


def test_every_connection_uses_the_rollback_journal(org: Org) -> None:
    assert org.store.execute("PRAGMA journal_mode")[0][0] == "delete"
    assert org.store.execute("PRAGMA synchronous")[0][0] == 3  # EXTRA


def test_lock_self_test_passes_where_locks_work(tmp_path: Path) -> None:
    outcome = lock_self_test(tmp_path)
    assert outcome.result == "ok", outcome
    assert list(tmp_path.iterdir()) == []  # the probe files are gone


def test_lock_self_test_finds_a_lock_that_does_not_reach_us(tmp_path: Path) -> None:
    """The helper opens the probe without locking (SQLite's ``unix-none`` VFS), as a
    program on a share whose locks stay on its own client would."""
    outcome = lock_self_test(tmp_path, helper_vfs="unix-none")
    assert outcome.result == "broken" and outcome.reason == "storage.locktest.not_seen"


def test_lock_self_test_without_a_writable_folder_is_inconclusive(tmp_path: Path) -> None:
    outcome = lock_self_test(tmp_path / "missing")
    assert outcome.result == "inconclusive" and outcome.reason == "storage.locktest.no_probe"


def as_share(monkeypatch: pytest.MonkeyPatch, options: frozenset[str] = frozenset(),
             helper_vfs: str | None = None) -> None:
    def describe(path: str | Path) -> Location:
        return Location(Path(path), True, "cifs", options)

    monkeypatch.setattr(opening, "describe", describe)
    monkeypatch.setattr(opening, "lock_self_test",
                        lambda folder: lock_self_test(folder, helper_vfs=helper_vfs))


def test_a_share_with_working_locks_opens_for_writing(org: Org,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    as_share(monkeypatch)
    store = open_store(org.path, daily_backup=False)
    assert not store.read_only
    assert store.report is not None and store.report.lock_test is not None
    assert store.report.lock_test.result == "ok"
    assert store.report.location.network


def test_a_share_with_broken_locks_opens_read_only_and_says_why(
        org: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    as_share(monkeypatch, helper_vfs="unix-none")
    store = open_store(org.path, daily_backup=False)
    assert store.read_only
    assert store.report is not None
    assert store.report.read_only_reason == "storage.readonly.locks"
    assert store.execute("SELECT count(*) FROM user")[0][0] > 0  # reading works
    with pytest.raises(DatabaseReadOnly) as caught:
        store.write(lambda: None)
    assert "locking does not work on this shared folder" in caught.value.message("en")
    assert "文件锁不起作用" in caught.value.message("zh")
    store.close()


def test_a_share_mounted_with_nobrl_opens_read_only(org: Org,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """``nobrl`` keeps locks on the client; the self-test on one machine cannot see that,
    the mount option can."""
    as_share(monkeypatch, options=frozenset({"rw", "nobrl"}))
    store = open_store(org.path, daily_backup=False)
    assert store.read_only
    assert store.report is not None
    assert store.report.read_only_reason == "storage.readonly.lock_options"
    assert store.report.lock_test is None
    store.close()


def test_read_only_open_of_an_old_schema_asks_for_an_upgrade(org: Org) -> None:
    org.store.close()
    conn = sqlite3.connect(org.path)
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with pytest.raises(SchemaTooOld) as caught:
        open_store(org.path, read_only=True)
    assert "schema 1" in caught.value.message("en")


def test_damage_at_open_offers_the_latest_good_backup(org: Org) -> None:
    """The restore offer: the newest backup that passes the integrity check, skipping a
    damaged one."""
    good = take_backup(org.store, "manual", now=datetime(2026, 3, 1, tzinfo=UTC))
    newer = take_backup(org.store, "manual", now=datetime(2026, 3, 2, tzinfo=UTC))
    damage(newer.path, range(2, 4))
    org.log()
    org.store.close()
    pages = org.path.stat().st_size // 4096
    damage(org.path, range(pages // 2, pages // 2 + 4))
    with pytest.raises(DatabaseCorrupt):
        open_store(org.path)
    offer = latest_good_backup(org.path)
    assert offer is not None and offer.path == good.path


def test_daily_backup_at_the_first_open_of_each_day(org: Org) -> None:
    org.store.close()
    monday = datetime(2026, 3, 2, 9, tzinfo=UTC)
    first = open_store(org.path, now=monday)
    assert first.report is not None and first.report.daily_backup is not None
    first.close()
    again = open_store(org.path, now=monday + timedelta(hours=3))
    assert again.report is not None and again.report.daily_backup is None
    again.close()
    tuesday = open_store(org.path, now=monday + timedelta(days=1))
    assert tuesday.report is not None and tuesday.report.daily_backup is not None
    tuesday.close()
    kinds = [b.kind for b in list_backups(org.path)]
    assert kinds == ["daily", "daily"]
    check = sqlite3.connect(list_backups(org.path)[0].path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT count(*) FROM user").fetchone()[0] == 11
    check.close()


def test_backups_older_than_the_retention_setting_are_pruned(org: Org) -> None:
    org.store.execute("UPDATE setting SET value = '7' WHERE key = 'backup_keep_days'")
    start = datetime(2026, 3, 1, 9, tzinfo=UTC)
    for day in range(12):
        take_backup(org.store, "daily", now=start + timedelta(days=day))
    org.store.close()
    store = open_store(org.path, now=start + timedelta(days=12))
    assert store.report is not None
    kept = [b.taken_at.date().isoformat() for b in list_backups(org.path)]
    # today's, and those of the last seven days
    assert kept == [(start + timedelta(days=d)).date().isoformat() for d in range(12, 4, -1)]
    assert len(store.report.pruned) == 5
    store.close()


def test_retention_always_keeps_the_newest_backups(org: Org) -> None:
    from desk_app.storage.backup import prune_backups

    old = datetime(2025, 1, 1, tzinfo=UTC)
    for day in range(5):
        take_backup(org.store, "manual", now=old + timedelta(days=day))
    removed = prune_backups(org.path, 14, datetime(2026, 3, 1, tzinfo=UTC))
    assert len(removed) == 2 and len(list_backups(org.path)) == 3


def test_a_backup_that_cannot_be_taken_does_not_stop_the_day(
        org: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    org.store.close()

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(opening, "take_backup", refuse)
    store = open_store(org.path)
    assert store.report is not None and "No space" in (store.report.backup_problem or "")
    assert not store.read_only
    store.close()
