"""``desk-app check`` on a server: the same invariants and tamper evidence as a file's check,
the server's own storage through amcheck when it is there, its triggers and functions, and a
plain word for what does not apply. A row edited behind the program (with the triggers
switched off, the server's counterpart of dropping them in a file) is caught."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from desk_app.cli import main
from desk_app.clock import FakeClock
from desk_app.services.database.check import check_database
from desk_app.storage.opening import open_store
from desk_app.storage.postgres.check import expected_functions, expected_triggers
from desk_app.storage.postgres.dialect import translate
from tests.conftest import START, Org
from tests.core.security.test_tamper import EDITS, _busy_file
from tests.core.storage.test_database_check import BREAKAGES, prepare
from tests.postgres import Server


@pytest.fixture(scope="module")
def busy_template(pg_server: Server, server_org_template: tuple[str, dict[str, int]]
                  ) -> Iterator[tuple[str, dict[str, int]]]:
    """A server database with incidents in every state the checks look at (escalated,
    pending, transferred, resolved, with notes), closed so that tests can copy it."""
    name, ids = server_org_template
    url = pg_server.create_database(template=name)
    org = Org(open_store(url), FakeClock(START), Path(url), dict(ids))
    prepare(org)
    org.ids.update({f"tamper_{k}": v for k, v in _busy_file(org).items()})  # closes it
    yield url.rsplit("/", 1)[1], org.ids
    pg_server.drop_database(url)


@pytest.fixture
def busy(pg_server: Server, busy_template: tuple[str, dict[str, int]]) -> Iterator[Org]:
    name, ids = busy_template
    url = pg_server.create_database(template=name)
    org = Org(open_store(url), FakeClock(START), Path(url), dict(ids))
    yield org
    org.store.close()
    pg_server.drop_database(url)


def _behind(org: Org, *statements: str) -> None:
    """What someone with the server's superuser account does to edit rows without the
    program: the triggers (and foreign keys) off for the transaction."""
    with psycopg.connect(str(org.path).replace(":/", "://", 1)) as conn:
        conn.execute("SET LOCAL session_replication_role = replica")
        for statement in statements:
            conn.execute(translate(statement).replace("%%", "%"))  # type: ignore[arg-type]


def _as_superuser(org: Org, statement: str) -> None:
    with psycopg.connect(str(org.path).replace(":/", "://", 1), autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[arg-type]


def test_a_healthy_server_database_passes_and_says_what_does_not_apply(busy: Org) -> None:
    report = check_database(busy.store)
    assert report.ok, report.lines()
    lines = report.lines("en")
    assert "not checked here, because the amcheck extension is not installed" in lines[0]
    assert "do not apply" in lines[1] and "summary tables" in lines[1]
    assert not any("SQLite" in line for line in lines)
    assert lines[-1].startswith("No problems found")
    zh = report.lines("zh")
    assert "amcheck" in zh[0] and "不适用于服务器" in zh[1]
    assert busy.store.execute("SELECT count(*) FROM escalation")[0][0] >= 2


def test_amcheck_checks_the_servers_pages_and_indexes_when_it_is_there(busy: Org) -> None:
    _as_superuser(busy, "CREATE EXTENSION amcheck")
    for quick in (True, False):
        report = check_database(busy.store, quick=quick)
        assert report.ok, report.lines()
        assert report.lines("en")[0] == ("Server storage (pages and indexes), checked with "
                                         "PostgreSQL's amcheck: ok.")


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_each_tampering_edit_is_reported_on_a_server(busy: Org, edit: str) -> None:
    statements, expected = EDITS[edit]
    ids = {k[len("tamper_"):]: v for k, v in busy.ids.items() if k.startswith("tamper_")}
    _behind(busy, *(s.format(**ids) for s in statements))
    lines = check_database(busy.store).lines("en")
    assert any(expected in line for line in lines), lines
    assert not lines[-1].startswith("No problems found")


def test_each_broken_invariant_is_found_on_a_server(
        pg_server: Server, busy_template: tuple[str, dict[str, int]]) -> None:
    name, ids = busy_template
    for key, statement in sorted(BREAKAGES.items()):
        url = pg_server.create_database(template=name)
        org = Org(open_store(url), FakeClock(START), Path(url), dict(ids))
        try:
            _behind(org, statement.format(**ids))
            report = check_database(org.store)
            assert key in report.counts, (key, report.lines())
        finally:
            org.store.close()
            pg_server.drop_database(url)


def test_a_switched_off_or_dropped_trigger_and_a_replaced_function_are_found(
        busy: Org) -> None:
    triggers = expected_triggers()
    assert "journal_chain" in triggers or any("chain" in t for t in triggers)
    assert not any(t.startswith("report_") for t in triggers)  # the file's own
    name, table = sorted(triggers.items())[0]
    _as_superuser(busy, f'ALTER TABLE "{table}" DISABLE TRIGGER "{name}"')
    other, other_table = sorted(triggers.items())[-1]
    _as_superuser(busy, f'DROP TRIGGER "{other}" ON "{other_table}"')
    assert "desk_chain" in expected_functions()
    _as_superuser(busy, "CREATE OR REPLACE FUNCTION desk_digest(value text) RETURNS text "
                        "LANGUAGE sql IMMUTABLE AS $$ SELECT 'same'::text $$")
    report = check_database(busy.store)
    found = {(f.key, f.params.get("trigger") or f.params.get("function"))
             for f in report.findings}
    assert ("check.server_trigger_disabled", name) in found
    assert ("check.server_trigger_missing", other) in found
    assert ("check.server_function_differs", "desk_digest") in found
    assert not report.ok


def test_cli_check_of_a_server(busy: Org, capsys: pytest.CaptureFixture[str]) -> None:
    url = str(busy.path).replace(":/", "://", 1)
    assert main(["check", url]) == 0
    out = capsys.readouterr().out
    assert "PostgreSQL server" in out and "does not apply to a server" in out
    assert "No problems found" in out and "SQLite" not in out
    _behind(busy, "UPDATE incident SET escalation_count = 7 WHERE id = {second}".format(
        **busy.ids))
    assert main(["--lang", "zh", "check", url]) == 3
    out = capsys.readouterr().out
    assert "升级次数为 7" in out and "发现" in out
