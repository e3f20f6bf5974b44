"""A team's database on a real PostgreSQL server: opening and making it, moving a file there
with identical figures, live refresh through LISTEN/NOTIFY, the password kept out of the URL,
and the SQLite dialect the program writes read as PostgreSQL's."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from desk_app.domain.enums import Impact, Urgency
from desk_app.errors import DatabaseIOError, DatabaseMoved, MoveRefused, NotADeskDatabase
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident.log import add_note
from desk_app.services.security.tamper import chain_findings
from desk_app.storage.opening import open_store
from desk_app.storage.postgres import is_server
from desk_app.storage.postgres.dialect import translate
from desk_app.storage.postgres.move import move
from desk_app.storage.postgres.url import ServerAddress
from tests.conftest import Org
from tests.postgres import Server


def _busy_file(org: Org) -> None:
    """A file with history: incidents, notes in Chinese, escalations and notifications."""
    for n in range(6):
        incident = org.log(impact=Impact.EXTENSIVE, urgency=Urgency.CRITICAL,
                           title=f"网络中断 {n}")
        add_note(org.as_("desk"), incident, "重启了交换机 café")
    org.clock.advance(days=3)
    scan(org.store, org.clock)


def _counts(store: object, tables: list[str]) -> dict[str, int]:
    return {t: int(store.execute(f'SELECT COUNT(*) FROM "{t}"')[0][0])  # type: ignore[attr-defined]
            for t in tables}


TABLES = ["incident", "journal", "escalation", "notification", "witness", "user",
          "incident_search", "setting"]


def test_move_copies_a_file_with_identical_figures_and_marks_it(
        org: Org, server_url: str) -> None:
    _busy_file(org)
    before = _counts(org.store, TABLES)
    org.store.close()
    report = move(org.path, server_url)
    assert report.figures["incident"].rows == before["incident"] == 6
    assert report.rows > 0

    server = open_store(server_url)
    try:
        assert _counts(server, TABLES) == before
        # the hash chain came over whole, and the server checks it with the file's SQL
        assert list(chain_findings(lambda sql: server.execute(sql), {})) == []
        # and the server goes on writing the chain, searching, escalating
        from desk_app.services.lists.search import search
        from desk_app.services.session import session_for

        desk = session_for(server, "desk", org.clock)
        assert len(search(desk, "网络")) == 6
        assert len(search(desk, "cafe")) == 6
        add_note(desk, 1, "还在中断")
        assert list(chain_findings(lambda sql: server.execute(sql), {})) == []
    finally:
        server.close()

    with pytest.raises(DatabaseMoved) as moved:
        open_store(org.path)
    assert moved.value.target == ServerAddress.parse(server_url).url()
    assert "server" in moved.value.message("en") and "服务器" in moved.value.message("zh")


def test_a_workstation_that_had_the_file_open_cannot_write_after_the_move(
        org: Org, server_url: str, tmp_path: Path) -> None:
    org.log()
    other = open_store(org.path)  # a second workstation, open before the move
    org.store.close()
    move(org.path, server_url)
    from desk_app.services.session import session_for

    with pytest.raises(DatabaseMoved):
        add_note(session_for(other, "desk", org.clock), 1, "lost?")
    other.close()
    # the note is nowhere: not in the file, and the server has only what was moved
    conn = sqlite3.connect(org.path)
    assert conn.execute("SELECT COUNT(*) FROM journal WHERE note = 'lost?'").fetchone()[0] == 0
    conn.close()


def test_move_refuses_a_server_database_that_holds_a_desk(
        org: Org, server_url: str, tmp_path: Path) -> None:
    open_store(server_url, create=True).close()
    org.store.close()
    with pytest.raises(MoveRefused) as refused:
        move(org.path, server_url)
    assert refused.value.reason == "not_empty"
    org.store = open_store(org.path)  # the file is untouched and still the team's
    org.log()


def test_an_empty_server_database_is_not_opened_as_a_desk(server_url: str) -> None:
    with pytest.raises(NotADeskDatabase) as refused:
        open_store(server_url)
    assert "database is empty" in refused.value.message("en")  # a server's, not a file's
    assert "0 bytes" not in refused.value.message("en")
    assert "服务器上的该数据库为空" in refused.value.message("zh")


def test_a_second_workstation_hears_a_write_at_once(server_url: str) -> None:
    """LISTEN/NOTIFY: every committed write notifies; a listener hears it without polling."""
    first = open_store(server_url, create=True)
    second = open_store(server_url)
    listener = second.listen()  # type: ignore[attr-defined]
    try:
        version = second.data_version()
        started = time.monotonic()
        first.write(lambda: first.execute(
            "UPDATE setting SET value = value WHERE key = 'security.file_id'"))
        heard = next(listener.notifies(timeout=5.0), None)
        assert heard is not None and heard.channel == "desk_changed"
        assert time.monotonic() - started < 5.0
        assert second.data_version() != version
    finally:
        listener.close()
        first.close()
        second.close()


def test_the_password_lives_in_the_credential_store_not_in_the_url() -> None:
    address = ServerAddress.parse(
        "postgresql://desk:s3cret@db.example:6543/team?sslmode=verify-full&evil=1")
    assert address.password == "s3cret"
    assert "s3cret" not in address.url() and "s3cret" not in repr(address)
    assert address.url() == "postgresql://desk@db.example:6543/team?sslmode=verify-full"
    address.keep_password("s3cret")
    kept = ServerAddress.parse(address.url())
    assert kept.password is None
    kwargs = kept.connect_kwargs()
    assert kwargs["password"] == "s3cret"  # from the credential store
    assert kwargs["sslmode"] == "verify-full" and "evil" not in kwargs


def test_tls_is_asked_for_through_the_url(pg_server: Server, server_url: str) -> None:
    """The test server has no certificate: ``sslmode=require`` is refused with a clear
    storage error, ``sslmode=disable`` connects."""
    with pytest.raises(DatabaseIOError):
        open_store(server_url + "?sslmode=require", create=True)
    open_store(server_url + "?sslmode=disable", create=True).close()


def test_a_server_is_named_by_its_url_and_a_file_by_its_path() -> None:
    assert is_server("postgresql://u@h:5432/desk")
    assert is_server(Path("postgresql://u@h:5432/desk"))
    assert not is_server("desk.sqlite") and not is_server(Path("C:/desk/postgresql.sqlite"))
    assert not is_server("postgresql.sqlite")


@pytest.mark.parametrize(("sqlite", "postgres"), [
    ("SELECT * FROM x WHERE a = ? AND b LIKE 'x%'",
     "SELECT * FROM x WHERE a = %s AND b ILIKE 'x%%'"),
    ("SELECT '?', \"a?\" FROM t WHERE c = ?", "SELECT '?', \"a?\" FROM t WHERE c = %s"),
    ("INSERT OR IGNORE INTO t (a) VALUES (?)",
     "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING"),
    ("SELECT 1 FROM t WHERE 1 ORDER BY name COLLATE NOCASE",
     "SELECT 1 FROM t WHERE TRUE ORDER BY lower(name)"),
    ("SELECT id FROM user", 'SELECT id FROM "user"'),
    ("SELECT json_array(a, b) FROM t", "SELECT desk_compact(json_build_array(a, b)) FROM t"),
    ("SELECT n FROM (SELECT 1 AS n)", "SELECT n FROM (SELECT 1 AS n) AS _q1"),
    ("PRAGMA user_version", "SELECT COALESCE((SELECT MAX(version) FROM schema_version), 0)"),
    # the reports' SQL: named parameters (a cast stays a cast), index hints, JSON paths
    ("SELECT a FROM t WHERE b >= :a AND c < :b AND d = 'x:y' AND e = f::text",
     "SELECT a FROM t WHERE b >= %(a)s AND c < %(b)s AND d = 'x:y' AND e = f::text"),
    ("SELECT k.a FROM target_clock k INDEXED BY target_clock_stopped WHERE k.b = 1",
     "SELECT k.a FROM target_clock k WHERE k.b = 1"),
    ("SELECT CAST(json_extract(changes, '$.wait_code[1]') AS INTEGER) FROM journal",
     "SELECT CAST(((changes)::json #>> '{wait_code,1}') AS INTEGER) FROM journal"),
])
def test_the_programs_sqlite_dialect_reads_as_postgresql(sqlite: str, postgres: str) -> None:
    assert translate(sqlite) == postgres


def test_the_chain_text_is_sqlites_on_both(server_url: str) -> None:
    """The server's json_array gives SQLite's compact text, so a chain made in a file
    checks on the server."""
    store = open_store(server_url, create=True)
    value = ["a\"b\\c\n\x01", 1, None, "网络", True]
    conn = sqlite3.connect(":memory:")
    expected = conn.execute("SELECT json_array(?, ?, ?, ?, ?)",
                            [*value[:4], int(value[4])]).fetchone()[0]
    got = store.execute("SELECT json_array(CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS TEXT),"
                        " CAST(? AS TEXT), CAST(? AS BOOLEAN))", value)[0][0]
    store.close()
    assert got == expected


def test_a_write_that_waits_too_long_for_the_lock_is_busy_and_the_next_one_works(
        server_url: str) -> None:
    """Another workstation holds the write lock past the busy timeout: the write gives up
    with "busy" (nothing written), and the same store writes again once the lock is free."""
    from desk_app.errors import DatabaseBusy
    from desk_app.storage.postgres.database import WRITE_LOCK

    store = open_store(server_url, create=True)
    store.busy_timeout = store.db.busy_timeout = 0.2  # type: ignore[attr-defined]
    import psycopg

    holder = psycopg.connect(server_url)
    holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    try:
        with pytest.raises(DatabaseBusy):
            store.write(lambda: store.execute(
                "UPDATE setting SET value = 'x' WHERE key = 'security.file_id'"), attempts=2)
    finally:
        holder.rollback()
        holder.close()
    store.write(lambda: store.execute(
        "UPDATE setting SET value = 'y' WHERE key = 'security.file_id'"))
    assert store.execute("SELECT value FROM setting WHERE key = 'security.file_id'") == [("y",)]
    store.close()


def test_exists_probes_are_planned_for_their_values_each_time(server_url: str) -> None:
    """psycopg prepares a statement run five times, and the server may then plan it once for
    any values: an "is anything due?" probe would read a whole table every minute when
    nothing is. Probes are never prepared; other statements still are."""
    from desk_app.storage.models import Notification

    store = open_store(server_url, create=True)
    try:
        for _ in range(8):
            assert not store.read(lambda: Notification.select(Notification.id).where(
                Notification.state == "pending").exists())
            store.read(lambda: Notification.select(Notification.id).where(
                Notification.state == "pending").count())
        prepared = [text for (text,) in store.execute(
            "SELECT statement FROM pg_prepared_statements")]
        assert prepared, "the other statements are prepared"
        assert not [text for text in prepared if text.startswith("SELECT EXISTS(")]
    finally:
        store.close()
