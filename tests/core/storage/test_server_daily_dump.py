"""A team's server gets the daily care a file gets: once a day a backup (``pg_dump``) into
its backups folder, pruned by the same retention setting, listed where the file's are (the
Database file page); ``desk-app watch`` takes it, since a server has no first open of the
day and a watcher runs for days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from desk_app.cli import main
from desk_app.services.database.care import backups, daily_backup
from desk_app.storage.backup import list_backups
from desk_app.storage.postgres.dump import home
from tests.conftest import Org
from tests.core.storage.test_server_backup import ON_A_SERVER, backups_here

__all__ = ["backups_here"]  # (the server's backups go to the test's folder)


@ON_A_SERVER
def test_a_server_gets_one_dump_a_day_kept_by_the_retention(org: Org) -> None:
    org.store.execute("UPDATE setting SET value = '3' WHERE key = 'backup_keep_days'")
    day = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    first = daily_backup(org.store, day)
    assert first is not None and first.kind == "daily"
    assert first.path.suffix == ".dump" and first.path.read_bytes()[:5] == b"PGDMP"
    assert daily_backup(org.store, day + timedelta(hours=3)) is None  # once a day
    for later in range(1, 8):
        assert daily_backup(org.store, day + timedelta(days=later)) is not None
    kept = list_backups(home(str(org.path)))
    # the retention: younger than 3 days, and always the newest few (the file's rule)
    assert first.path not in [b.path for b in kept]
    assert all(b.kind == "daily" for b in kept) and 3 <= len(kept) < 8
    # the Database file page lists them as it lists a file's
    assert [b.path for b in backups(org.as_("owner"))] == [b.path for b in kept]


@ON_A_SERVER
def test_watch_takes_the_days_dump_of_a_server(org: Org, backups_here: Path) -> None:
    url = str(org.path)
    assert list_backups(home(url)) == []
    assert main(["watch", url, "--cycles", "2", "--interval", "0.1", "--quiet"]) == 0
    taken = list_backups(home(url))
    assert len(taken) == 1 and taken[0].kind == "daily"  # two rounds, one dump
    assert taken[0].path.is_relative_to(backups_here)
