"""Presence (who has the file open) and maintenance mode, between real processes; and the
schema guard that stops an older program that is already running."""

from __future__ import annotations

import sqlite3
import time

import pytest

from desk_app.errors import MaintenanceActive, SchemaTooNew
from desk_app.services.incident.log import add_note
from desk_app.storage.chain import register_sqlite
from desk_app.storage.migrations import LATEST
from desk_app.storage.opening import open_store
from desk_app.storage.presence import (
    STALE_SECONDS,
    Visitor,
    begin_maintenance,
    end_maintenance,
    heartbeat,
    join,
    leave,
    maintenance_state,
    present,
    wait_for_release,
)
from tests.conftest import Org
from tests.stations.processes import Workstation, run_python

ADMIN = Visitor(username="owner", full_name="Olivia Owner", workstation="ws-admin")


@pytest.fixture
def other(org: Org):
    org.log()
    station = Workstation(org.path, "desk")
    yield station
    station.close()


def test_presence_lists_who_is_connected_from_where(org: Org, other: Workstation) -> None:
    join(org.store, ADMIN)
    rows = present(org.store)
    assert {(r.username, r.workstation, r.me) for r in rows} == {
        ("owner", "ws-admin", True), ("desk", "ws-desk", False)}
    assert all(r.state == "active" and not r.stale for r in rows)
    assert all(r.schema_version == LATEST for r in rows)
    leave(org.store)
    assert [r.username for r in present(org.store)] == ["desk"]


def test_silent_workstations_are_shown_stale(org: Org) -> None:
    join(org.store, ADMIN, now=lambda: time.time() - STALE_SECONDS - 5)
    (row,) = present(org.store)
    assert row.stale


def test_maintenance_blocks_other_workstations_until_it_ends(org: Org,
                                                             other: Workstation) -> None:
    assert other.ask("note before") == "ok"
    state = begin_maintenance(org.store, "restore", ADMIN)
    assert state.mine and state.reason == "restore"

    answer = other.ask("note during")
    assert answer.startswith("error MaintenanceActive owner on ws-admin is restoring the "
                             "database from a backup. Nothing was saved")
    assert other.ask("heartbeat") == "maintenance restore"
    rows = {r.username: r for r in present(org.store)}
    assert rows["desk"].state == "released"
    assert wait_for_release(org.store, timeout=5, poll=0.1) == []

    add_note(org.as_("desk"), 1, "the maintainer itself may write")  # same store: mine

    end_maintenance(org.store)
    assert other.ask("heartbeat") == "maintenance none"
    assert other.ask("note after") == "ok"
    notes = org.store.execute("SELECT note FROM journal WHERE action = 'note' ORDER BY id")
    assert [n for (n,) in notes] == ["before", "the maintainer itself may write", "after"]


def test_a_workstation_that_does_not_let_go_is_reported(org: Org,
                                                        other: Workstation) -> None:
    begin_maintenance(org.store, "restore", ADMIN)
    holdouts = wait_for_release(org.store, timeout=0.5, poll=0.1)
    assert [(p.username, p.workstation) for p in holdouts] == [("desk", "ws-desk")]
    end_maintenance(org.store)


def test_a_second_maintainer_is_refused(org: Org, other: Workstation) -> None:
    begin_maintenance(org.store, "restore", ADMIN)
    done = run_python("""
import sys
from desk_app.errors import MaintenanceActive
from desk_app.storage.opening import open_store
from desk_app.storage.presence import Visitor, begin_maintenance
store = open_store(sys.argv[1], daily_backup=False)
try:
    begin_maintenance(store, "restore", Visitor(username="head"))
except MaintenanceActive as error:
    print(error.message("zh"))
""", org.path)
    assert done.stdout.strip().startswith("ws-admin 上的 owner 正在从备份恢复数据库"), done.stderr
    end_maintenance(org.store)


def test_maintenance_of_a_program_that_died_is_ignored(org: Org) -> None:
    """A maintainer not heard of for STALE_SECONDS no longer blocks anyone."""
    long_ago = time.time() - STALE_SECONDS - 60
    dead = open_store(org.path, daily_backup=False)
    begin_maintenance(dead, "restore", ADMIN, now=lambda: long_ago)
    dead.close()
    org.store.bind()
    assert maintenance_state(org.store) is None
    add_note(org.as_("desk"), org.log(), "work goes on")
    assert heartbeat(org.store) is None


def test_maintenance_refusal_changes_nothing(org: Org) -> None:
    incident = org.log()
    other = open_store(org.path, daily_backup=False)
    begin_maintenance(other, "migration", ADMIN)
    org.store.bind()
    before = org.store.execute("SELECT count(*) FROM journal")[0][0]
    with pytest.raises(MaintenanceActive) as caught:
        add_note(org.as_("desk"), incident, "blocked")
    assert "upgrading the database" in caught.value.message("en")
    assert "升级数据库" in caught.value.message("zh")
    assert org.store.execute("SELECT count(*) FROM journal")[0][0] == before
    end_maintenance(other)
    other.close()
    org.store.bind()


def test_a_running_older_program_stops_writing_after_an_upgrade(org: Org,
                                                                other: Workstation) -> None:
    """Another workstation upgraded the file past this program while it was open: its next
    write is refused and says which program to install, instead of writing old-schema data
    into a new-schema file."""
    assert other.ask("note fine") == "ok"
    conn = sqlite3.connect(org.path)
    register_sqlite(conn)  # the program's triggers call its functions
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.execute("INSERT INTO setting (key, version, value) VALUES "
                 "('upgraded_by_program', 1, '9.9.0') ON CONFLICT (key) DO UPDATE SET "
                 "value = excluded.value")
    conn.commit()
    conn.close()
    answer = other.ask("note refused")
    assert answer.startswith("error SchemaTooNew This database was upgraded by desk-app "
                             f"9.9.0 (schema {LATEST + 1}); this program reads schema "
                             f"{LATEST}. Install "
                             "desk-app 9.9.0 or newer."), answer


def test_an_older_program_refuses_a_newer_file_at_open(org: Org) -> None:
    org.store.close()
    conn = sqlite3.connect(org.path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    done = run_python("""
import sys
from desk_app.errors import SchemaTooNew
from desk_app.storage.opening import open_store
try:
    open_store(sys.argv[1])
except SchemaTooNew as error:
    print(error.message("en"))
    print(error.message("zh"))
""", org.path)
    lines = done.stdout.splitlines()
    assert lines[0].startswith("This database was upgraded by desk-app 0.1.0 (schema "
                               f"{LATEST + 1}); this program reads schema {LATEST}."), done.stderr
    assert f"结构版本 {LATEST + 1}" in lines[1]
    with pytest.raises(SchemaTooNew):
        open_store(org.path, read_only=True)


def test_the_restorers_own_window_is_not_waited_for(org: Org, other: Workstation) -> None:
    """An administrator restores from the program whose main window has the file open too:
    that open is the restorer's own, so only the other workstations are waited for."""
    join(org.store, ADMIN)
    restorer = open_store(org.path, daily_backup=False)
    begin_maintenance(restorer, "restore", ADMIN)
    assert other.ask("heartbeat") == "maintenance restore"
    assert wait_for_release(restorer, timeout=5, poll=0.1, ours=(org.store.token,)) == []
    holdouts = wait_for_release(restorer, timeout=0.3, poll=0.1)
    assert [p.token for p in holdouts] == [org.store.token]
    end_maintenance(restorer)
    restorer.close()
    org.store.bind()


def test_a_restore_is_heard_of_without_writing(org: Org) -> None:
    """``replaced`` asks what the guard asks, by reading: a workstation that only reads
    (or only beats its heart) learns that it must reopen."""
    from desk_app.storage.backup import take_backup
    from desk_app.storage.presence import replaced
    from desk_app.storage.restore import restore_backup

    backup = take_backup(org.store, "manual").path
    assert not replaced(org.store)
    restore_backup(org.path, backup, visitor=ADMIN, release_timeout=1, poll=0.1)
    org.store.bind()
    assert replaced(org.store)
    fresh = open_store(org.path, daily_backup=False)
    assert not replaced(fresh)
    fresh.close()
    org.store.bind()
