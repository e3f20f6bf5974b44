"""Backups through the backup API while others write, and restores: in place under
maintenance, refused while others hold on, over a damaged file, from an older schema."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desk_app.errors import BackupUnusable, DatabaseReplaced, RestoreRefused
from desk_app.services.incident.log import add_note
from desk_app.services.session import session_for
from desk_app.storage.backup import list_backups, take_backup, verify_backup
from desk_app.storage.migrations import LATEST
from desk_app.storage.opening import open_store
from desk_app.storage.presence import Visitor, maintenance_state
from desk_app.storage.restore import restore_backup
from desk_app.storage.uri import sqlite_uri
from tests.conftest import Org
from tests.helpers import old_schema
from tests.stations.processes import Workstation, expect_line, finish, spawn_python

from .test_write_errors import damage

ADMIN = Visitor(username="owner", workstation="ws-admin")

WRITE_NOTES = """
import sys
from desk_app.services.incident.log import add_note
from desk_app.services.session import session_for
from desk_app.services.session import session_for
from desk_app.storage.opening import open_store
store = open_store(sys.argv[1], daily_backup=False)
session = session_for(store, "desk")
print("start", flush=True)
for n in range(int(sys.argv[2])):
    add_note(session, 1, f"n{n:05d}")
print("done", flush=True)
"""


def notes(path: Path) -> list[str]:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return [n for (n,) in conn.execute(
            "SELECT note FROM journal WHERE action = 'note' ORDER BY id")]
    finally:
        conn.close()


def test_backups_taken_while_another_process_writes_are_consistent(org: Org) -> None:
    """Each backup is one moment of the file: it passes the integrity check and holds the
    writer's notes without a gap (a file copy could tear a commit in half)."""
    org.log()
    writer = spawn_python(WRITE_NOTES, org.path, 400)
    expect_line(writer, "start")
    taken = []
    while writer.poll() is None and len(taken) < 20:
        taken.append(take_backup(org.store, "manual"))
    finish(writer)
    assert len(taken) >= 2
    for info in taken:
        assert verify_backup(info.path)[0]
        got = notes(info.path)
        assert got == [f"n{n:05d}" for n in range(len(got))]
    assert len(notes(org.path)) == 400


def test_restore_in_place_while_another_workstation_is_connected(org: Org) -> None:
    incident = org.log()
    add_note(org.as_("desk"), incident, "in the backup")
    backup = take_backup(org.store, "manual")
    add_note(org.as_("desk"), incident, "after the backup")
    inode = org.path.stat().st_ino
    other = Workstation(org.path, "desk")
    result: list[object] = []
    restorer = threading.Thread(target=lambda: result.append(restore_backup(
        org.path, backup.path, visitor=ADMIN, release_timeout=20, poll=0.1)))
    try:
        restorer.start()
        while restorer.is_alive():  # the other workstation's heartbeat timer
            other.ask("heartbeat")
            restorer.join(0.2)
        (done,) = result
        assert notes(org.path) == ["in the backup"]
        assert done.in_place and org.path.stat().st_ino == inode  # type: ignore[attr-defined]
        assert notes(done.safety_copy) == ["in the backup", "after the backup"]  # type: ignore[attr-defined]
        answer = other.ask("note stale")
        assert answer.startswith("error DatabaseReplaced The database was restored"), answer
    finally:
        other.close()
    with pytest.raises(DatabaseReplaced):
        add_note(org.as_("desk"), incident, "from before the restore")
    store = open_store(org.path, daily_backup=False)  # reopening is the way on
    assert maintenance_state(store) is None
    add_note(session_for(store, "desk"), incident, "after reopening")
    assert notes(org.path) == ["in the backup", "after reopening"]
    store.close()


def test_restore_is_refused_while_a_workstation_holds_on(org: Org) -> None:
    incident = org.log()
    backup = take_backup(org.store, "manual")
    add_note(org.as_("desk"), incident, "current work")
    other = Workstation(org.path, "desk")  # joined, but its heartbeat never comes
    try:
        with pytest.raises(RestoreRefused) as caught:
            restore_backup(org.path, backup.path, visitor=ADMIN, release_timeout=0.5, poll=0.1)
        assert "desk@ws-desk" in caught.value.message("en")
        assert "尚未释放" in caught.value.message("zh")
        assert notes(org.path) == ["current work"]
        assert other.ask("note still working") == "ok"  # maintenance ended with the refusal
        forced = restore_backup(org.path, backup.path, visitor=ADMIN, release_timeout=0.3,
                                poll=0.1, force=True)
        assert [p.username for p in forced.holdouts] == ["desk"]
        assert notes(org.path) == []
    finally:
        other.close()


def test_restore_over_a_damaged_file(org: Org) -> None:
    for n in range(10):
        org.log(title=f"incident {n}")
    backup = take_backup(org.store, "manual")
    org.store.close()
    pages = org.path.stat().st_size // 4096
    damage(org.path, range(pages // 2, pages))
    Path(f"{org.path}-journal").write_bytes(b"a journal the damaged file left behind")
    result = restore_backup(org.path, backup.path, visitor=ADMIN)
    assert not result.in_place
    assert result.safety_copy is not None and "-damaged-" in result.safety_copy.name
    assert not Path(f"{org.path}-journal").exists()
    store = open_store(org.path, daily_backup=False)
    assert store.execute("SELECT count(*) FROM incident")[0][0] == 10
    store.close()


def test_restore_of_an_older_schema_upgrades_it(org: Org, tmp_path: Path) -> None:
    org.log()
    old = tmp_path / "desk-manual-20260101T000000Z-v1.sqlite"
    conn = sqlite3.connect(old)
    org.store.raw_connection().backup(conn)
    conn.close()
    old_schema(old, 1)
    result = restore_backup(org.path, old, visitor=ADMIN)
    assert result.schema_version == 1
    store = open_store(org.path, daily_backup=False)
    assert store.user_version() == LATEST
    assert store.execute("SELECT active FROM maintenance")[0][0] == 0
    assert store.execute("SELECT count(*) FROM duty_shift")[0][0] == 0  # schema 2 too
    assert store.execute("SELECT count(*) FROM incident")[0][0] == 1
    store.close()


def test_a_damaged_backup_is_refused_and_nothing_changes(org: Org) -> None:
    org.log()
    backup = take_backup(org.store, "manual")
    damage(backup.path, range(1, 3))
    with pytest.raises(BackupUnusable) as caught:
        restore_backup(org.path, backup.path, visitor=ADMIN)
    assert "integrity check" in caught.value.message("en")
    assert org.store.execute("SELECT count(*) FROM incident")[0][0] == 1


def test_backup_names_and_listing(org: Org) -> None:
    when = datetime(2026, 3, 2, 1, 2, 3, tzinfo=UTC)
    info = take_backup(org.store, "pre-restore", now=when)
    assert info.path.name == f"desk-pre-restore-20260302T010203Z-v{LATEST}.sqlite"
    (info.path.parent / "notes.txt").write_text("not a backup")
    (info.path.parent / "other-manual-20260302T010203Z-v4.sqlite").write_bytes(b"")
    assert [b.path for b in list_backups(org.path)] == [info.path]
    assert not any(name.endswith(".partial") for name in os.listdir(info.path.parent))
