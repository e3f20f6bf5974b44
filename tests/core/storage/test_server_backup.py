"""Backups of a team's server (``pg_dump -Fc``) and restoring one (``pg_restore`` run in one
transaction): the same folder scheme and guarantees as a file's — a dump that is not a
desk's is refused, a restore that fails half-way leaves the live database as it was, every
workstation that had it open must reopen, and a computer without ``pg_dump`` says so."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.errors import DatabaseReplaced, NotADeskDatabase
from desk_app.services.database.care import backup_now, backups, restore_now
from desk_app.storage import backup as file_backup
from desk_app.storage.backup import parse_backup
from desk_app.storage.backups import summarise_backup, take_backup
from desk_app.storage.opening import open_store
from desk_app.storage.postgres import dump
from desk_app.storage.postgres.url import ServerAddress
from desk_app.storage.presence import Visitor
from tests.conftest import Org
from tests.postgres import Server

ON_A_SERVER = pytest.mark.parametrize("database_kind", ["server"], indirect=True)


@pytest.fixture(autouse=True)
def backups_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "server-backups"
    monkeypatch.setenv("DESK_APP_SERVER_BACKUPS", str(folder))
    return folder


def _count(org: Org) -> int:
    return int(org.store.execute("SELECT count(*) FROM incident")[0][0])


@ON_A_SERVER
def test_backup_and_restore_on_a_server(org: Org, backups_here: Path) -> None:
    url = str(org.path)
    org.log(title="before the backup")
    before = _count(org)
    info = take_backup(org.store, "manual")
    address = ServerAddress.parse(url)
    # the file's scheme: <database>-backups/<database>-manual-<stamp>-v<schema>.dump
    assert info.path.parent == backups_here / f"{address.host}-{address.port}" / (
        f"{address.database}-backups")
    assert info.path.name.startswith(f"{address.database}-manual-")
    assert info.path.suffix == ".dump" and parse_backup(info.path) is not None
    assert info.path.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    summary = summarise_backup(info.path)
    assert summary.incidents == before and summary.schema_version == info.schema_version

    org.log(title="after the backup")
    assert _count(org) == before + 1
    result = dump.restore_server(url, info.path, visitor=Visitor(username="owner"),
                                 release_timeout=1)
    assert result.safety_copy is not None and result.safety_copy.exists()  # pre-restore
    assert "pre-restore" in result.safety_copy.name
    # the workstation that had it open must reopen: its next write says so
    with pytest.raises(DatabaseReplaced):
        org.log(title="written to the old content")
    store = open_store(url)
    try:
        assert int(store.execute("SELECT count(*) FROM incident")[0][0]) == before
        assert not store.execute("SELECT 1 FROM incident WHERE title = 'after the backup'")
        active = store.execute("SELECT active FROM maintenance WHERE id = 1")[0][0]
        assert not active  # the restore's maintenance ended
    finally:
        store.close()


@ON_A_SERVER
def test_a_restore_that_fails_half_way_leaves_the_server_as_it_was(
        org: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    url = str(org.path)
    info = take_backup(org.store, "manual")
    org.log(title="only in the live database")
    before = _count(org)
    real_marks = dump._marks

    def failing(*args: object) -> str:  # the last statement of the restore fails
        return real_marks(*args) + "SELECT 1 / 0;\n"  # type: ignore[arg-type]

    monkeypatch.setattr(dump, "_marks", failing)
    with pytest.raises(dump.PgToolFailed) as failed:
        dump.restore_server(url, info.path, release_timeout=1)
    assert "division by zero" in failed.value.message("en")
    assert "未做任何更改" in failed.value.message("zh")
    # every table is there with the live rows: the dropped schema came back with the rest
    assert _count(org) == before
    org.log(title="the live database still takes writes")
    assert _count(org) == before + 1


@ON_A_SERVER
def test_a_dump_that_is_not_a_desk_is_refused(org: Org, pg_server: Server,
                                              tmp_path: Path) -> None:
    other = pg_server.create_database()
    import psycopg

    with psycopg.connect(other, autocommit=True) as conn:
        conn.execute("CREATE TABLE shopping (item text)")
        conn.execute("INSERT INTO shopping VALUES ('milk')")
    stranger = tmp_path / "stranger.dump"
    tool = dump.pg_tool("pg_dump", dump.server_major(ServerAddress.parse(other)))
    subprocess.run([str(tool), "-Fc", "-f", str(stranger), "-d", other], check=True)
    before = _count(org)
    with pytest.raises(NotADeskDatabase) as refused:
        dump.restore_server(str(org.path), stranger, release_timeout=1)
    assert str(stranger) in refused.value.message("en")
    sqlite_file = tmp_path / "a-file-backup.sqlite"
    sqlite_file.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(NotADeskDatabase):
        dump.restore_server(str(org.path), sqlite_file, release_timeout=1)
    assert _count(org) == before
    pg_server.drop_database(other)


@ON_A_SERVER
def test_the_command_line_backs_up_and_restores_a_server(org: Org, capsys) -> None:  # type: ignore[no-untyped-def]
    url = str(org.path)
    assert main(["backup", url]) == 0
    said = capsys.readouterr().out
    assert ".dump" in said
    before = _count(org)
    org.log(title="after the command line's backup")
    assert main(["restore", url, "--list"]) == 0
    listed = capsys.readouterr().out
    assert "manual" in listed and ".dump" in listed
    assert main(["restore", url, "--latest", "--yes", "--wait", "1"]) == 0
    store = open_store(url)
    try:
        assert int(store.execute("SELECT count(*) FROM incident")[0][0]) == before
    finally:
        store.close()


@ON_A_SERVER
def test_the_process_owner_backs_up_and_restores_from_the_program(org: Org) -> None:
    owner = org.as_("owner")
    info = backup_now(owner)
    assert info.path.suffix == ".dump"
    assert [b.path for b in backups(owner)] == [info.path]
    result = restore_now(owner, info.path, release_timeout=1)
    assert result.backup == info.path and result.in_place


@ON_A_SERVER
def test_without_pg_dump_the_backup_says_so_in_both_languages(
        org: Org, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dump, "_candidates", lambda name: [])
    with pytest.raises(dump.PgToolsMissing) as missing:
        take_backup(org.store, "manual")
    assert "pg_dump" in missing.value.message("en")
    assert "postgresql-client" in missing.value.message("en")
    assert "未安装" in missing.value.message("zh")
    assert main(["--lang", "zh", "backup", str(org.path)]) == 1
    assert "pg_dump" in capsys.readouterr().err


def test_a_file_backup_keeps_its_name_and_the_scheme_reads_both() -> None:
    name = "desk-daily-20260302T010000Z-v30"
    assert file_backup.parse_backup(Path(f"/x/{name}.sqlite")) is None  # (no such file)
    assert file_backup._NAME.match(f"{name}.sqlite") and file_backup._NAME.match(
        f"{name}.dump")


@ON_A_SERVER
def test_maintenance_and_presence_on_a_server(org: Org) -> None:
    """The restore's maintenance refuses the other workstations' writes on a server as on a
    file, and a heartbeat (presence) tells nobody to refresh."""
    from desk_app.errors import MaintenanceActive
    from desk_app.storage.presence import (
        begin_maintenance,
        end_maintenance,
        heartbeat,
        join,
        present,
    )

    other = open_store(str(org.path))
    listener = org.store.listen()  # type: ignore[attr-defined]
    try:
        other.visitor = Visitor(username="desk2", workstation="pc-2")
        join(other, other.visitor)
        list(listener.notifies(timeout=0.5))  # what joining said
        heartbeat(other)
        assert next(listener.notifies(timeout=0.5), None) is None  # a beat is quiet
        assert [p.username for p in present(org.store)] == ["desk2"]
        begin_maintenance(org.store, "restore", Visitor(username="owner"))
        with pytest.raises(MaintenanceActive):
            other.write(lambda: other.execute("UPDATE setting SET value = value"))
        end_maintenance(org.store)
        other.write(lambda: other.execute("UPDATE setting SET value = value"))
        assert next(listener.notifies(timeout=5), None) is not None  # a write is heard
    finally:
        listener.close()
        other.close()
