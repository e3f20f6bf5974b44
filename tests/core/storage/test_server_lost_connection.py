"""A connection to the team's server lost while a read or a write runs (the server restarted,
the network dropped, an administrator ended it): the server rolled the transaction back, so
the store connects again and runs it once more from the start, and the person sees nothing.
Only a connection lost while committing (saved or not, nobody can say) reaches the person,
as the server's own words and never as a file's."""

from __future__ import annotations

import pytest

from desk_app.storage.opening import open_store
from desk_app.storage.postgres.database import ServerStore
from desk_app.storage.postgres.reach import ServerUnreachable
from tests.postgres import Server


def _end_this_connection(server: Server, store: ServerStore) -> None:
    """What ``pg_terminate_backend`` does to a workstation: its connection is gone."""
    pid = store.execute("SELECT pg_backend_pid()")[0][0]
    server.admin(f"SELECT pg_terminate_backend({pid})")


@pytest.fixture
def store(pg_server: Server, server_url: str) -> ServerStore:
    opened = open_store(server_url, create=True)
    assert isinstance(opened, ServerStore)
    yield opened
    opened.close()


def test_a_read_whose_connection_is_lost_midway_runs_again(
        pg_server: Server, store: ServerStore) -> None:
    runs: list[int] = []

    def count() -> int:
        runs.append(1)
        first = store.execute("SELECT COUNT(*) FROM incident")[0][0]
        if len(runs) == 1:
            _end_this_connection(pg_server, store)
        return int(first) + int(store.execute("SELECT COUNT(*) FROM incident")[0][0])

    assert store.read(count) == 0
    assert len(runs) == 2


def test_a_write_whose_connection_is_lost_before_committing_runs_again_once(
        pg_server: Server, store: ServerStore) -> None:
    runs: list[int] = []

    def note() -> None:
        runs.append(1)
        store.execute("UPDATE setting SET value = value WHERE key = 'language'")
        if len(runs) == 1:
            _end_this_connection(pg_server, store)
        store.execute("INSERT INTO setting (key, value, version) VALUES ('lost_once', '1', 1)")

    store.write(note)
    assert len(runs) == 2
    assert store.execute("SELECT value FROM setting WHERE key = 'lost_once'") == [("1",)]


def test_a_connection_lost_at_every_attempt_is_said_as_the_server_lost_in_both_languages(
        pg_server: Server, store: ServerStore) -> None:
    def never() -> None:
        store.execute("INSERT INTO setting (key, value, version) VALUES ('never', '1', 1)")
        _end_this_connection(pg_server, store)
        store.execute("SELECT 1")

    with pytest.raises(ServerUnreachable) as caught:
        store.write(never)
    english = caught.value.message("en")
    assert "connection to the server" in english and "was lost" in english
    assert "file" not in english and "Traceback" not in english
    assert "连接已断开" in caught.value.message("zh")
    assert store.execute("SELECT COUNT(*) FROM setting WHERE key = 'never'") == [(0,)]


def test_a_connection_lost_while_committing_is_not_run_again(
        pg_server: Server, store: ServerStore) -> None:
    """Nothing is sent after the work but COMMIT (a quiet write sends no NOTIFY): whether
    the server saved it is unknown, so it is not done twice; the person is told and the
    next call connects again."""
    runs: list[int] = []

    def last_words() -> None:
        runs.append(1)
        store.execute("INSERT INTO setting (key, value, version) VALUES ('once', '1', 1)")
        _end_this_connection(pg_server, store)

    with pytest.raises(ServerUnreachable):
        store.write_quietly(last_words)
    assert len(runs) == 1
    assert store.execute("SELECT COUNT(*) FROM setting WHERE key = 'once'") == [(0,)]
