"""The team's file is never overwritten by a backup, replaced by a stranger's file, or made
into a new empty database by accident (issue: "No path, restore, backup or power cut may
lose a desk's data")."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.errors import BackupTargetRefused, NotADeskDatabase
from desk_app.storage.backup import (
    PARTIAL_STALE_SECONDS,
    backups_dir,
    check_backup_target,
    prune_backups,
    take_backup,
)
from desk_app.storage.identity import APPLICATION_ID, identify
from desk_app.storage.opening import open_store
from desk_app.storage.restore import restore_backup, summarise_backup
from tests.conftest import Org


def _cli(*argv: str) -> int:
    return main(["--lang", "en", *argv])


def _stranger(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('holiday.jpg')")
    conn.commit()
    conn.close()
    return path


def _users(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM user").fetchone()[0])
    finally:
        conn.close()


def test_every_database_carries_the_products_application_id(org: Org) -> None:
    assert org.store.execute("PRAGMA application_id")[0][0] == APPLICATION_ID
    assert identify(org.path).is_desk


def test_restore_refuses_a_strangers_file(org: Org, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Restoring another program's SQLite file exited 0 and left 0 users."""
    users = _users(org.path)
    org.store.close()
    stranger = _stranger(tmp_path / "photos.sqlite")
    with pytest.raises(NotADeskDatabase):
        restore_backup(org.path, stranger, force=True)
    assert _cli("restore", str(org.path), str(stranger), "--force", "--wait", "1") == 1
    assert "is not a desk-app database: it is another program's SQLite file" in (
        capsys.readouterr().err)
    assert _users(org.path) == users


def test_restore_shows_what_it_will_put_back(org: Org,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    org.log()
    org.log()
    backup = take_backup(org.store, "manual").path
    org.store.close()
    summary = summarise_backup(backup)
    assert summary.incidents == 2 and summary.newest_number == "INC0000002"
    assert summary.taken_at is not None
    assert _cli("restore", str(org.path), str(backup), "--force", "--wait", "1") == 0
    out = capsys.readouterr().out
    assert "About to put back" in out and "2 incidents" in out and "INC0000002" in out


@pytest.mark.parametrize("verb", [["scan"], ["backup"], ["show", "INC0000001"]])
def test_verbs_refuse_an_empty_file_instead_of_making_a_database(
        tmp_path: Path, verb: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "d.sqlite"
    empty.touch()
    assert _cli(verb[0], str(empty), *verb[1:]) == 1
    assert "is empty (0 bytes)" in capsys.readouterr().err
    assert empty.stat().st_size == 0


def test_verbs_refuse_a_foreign_file(tmp_path: Path) -> None:
    stranger = _stranger(tmp_path / "photos.sqlite")
    before = stranger.read_bytes()
    assert _cli("scan", str(stranger)) == 1
    with pytest.raises(NotADeskDatabase):
        open_store(stranger)
    assert stranger.read_bytes() == before


@pytest.mark.parametrize("kind", ["empty", "foreign", "newer"])
def test_check_reports_what_is_not_a_usable_database(
        org: Org, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``check`` said "No problems found" for an empty file and for schema 99."""
    if kind == "empty":
        path = tmp_path / "empty.sqlite"
        path.touch()
    elif kind == "foreign":
        path = _stranger(tmp_path / "photos.sqlite")
    else:
        org.store.close()
        conn = sqlite3.connect(org.path)
        conn.execute("PRAGMA user_version = 99")
        conn.close()
        path = org.path
    assert _cli("check", str(path)) == 3
    out = capsys.readouterr().out
    assert "No problems found" not in out
    assert ("schema 99" in out) if kind == "newer" else ("not a desk-app database" in out)


def test_backup_to_never_overwrites_without_force(org: Org, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    org.store.close()
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    assert _cli("backup", str(org.path), "--to", str(notes)) == 1
    assert "a file of that name exists" in capsys.readouterr().err
    assert notes.read_text() == "my notes"
    assert _cli("backup", str(org.path), "--to", str(notes), "--force") == 0
    assert identify(notes).is_desk


def test_backup_to_never_overwrites_the_live_file_or_an_open_database(
        org: Org, tmp_path: Path) -> None:
    """``--to`` the live file lost 48 of 3,651 acknowledged writes from running writers."""
    with pytest.raises(BackupTargetRefused) as live:
        check_backup_target(org.path, org.path, force=True)
    assert live.value.reason == "live"
    assert _cli("backup", str(org.path), "--to", str(org.path), "--force") == 1
    other = tmp_path / "other.sqlite"
    take_backup(org.store, "manual", folder=tmp_path)
    import shutil

    shutil.copyfile(org.path, other)
    conn = sqlite3.connect(other)
    conn.execute("UPDATE presence SET heartbeat_at = ?, state = 'active'", (int(time.time()),))
    if conn.execute("SELECT count(*) FROM presence").fetchone()[0] == 0:
        conn.execute("INSERT INTO presence (token, username, full_name, workstation, pid,"
                     " program_version, schema_version, started_at, heartbeat_at, state)"
                     " VALUES ('t', 'desk', 'Desk', 'pc-2', 1, '0.1', 7, ?, ?, 'active')",
                     (int(time.time()), int(time.time())))
    conn.commit()
    conn.close()
    with pytest.raises(BackupTargetRefused) as busy:
        check_backup_target(org.path, other, force=True)
    assert busy.value.reason == "open"


def test_killed_backups_leave_no_partial_files_for_ever(org: Org) -> None:
    folder = backups_dir(org.path)
    folder.mkdir(exist_ok=True)
    old = folder / ".desk-manual-x.sqlite.1234abcd.partial"
    young = folder / ".desk-manual-y.sqlite.5678abcd.partial"
    old.write_bytes(b"half")
    young.write_bytes(b"half")
    stale = time.time() - PARTIAL_STALE_SECONDS - 60
    os.utime(old, (stale, stale))
    from datetime import UTC, datetime

    prune_backups(org.path, 14, datetime.now(UTC))
    assert not old.exists() and young.exists()  # a running backup's copy is left alone
