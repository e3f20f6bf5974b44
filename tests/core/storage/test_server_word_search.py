"""Word search on a server through the word index's own index (schema 34): the same
incidents as a file finds for Chinese two-character words, single characters, longer
phrases, English prefixes, accents, OR and AND, in the whole index and in open work's;
the statement reads the index, not every row; the ranking's per-column test is
desk_match's; a server database made before schema 34 gets the indexes when opened."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.services.incident import workflow
from desk_app.services.incident.log import add_note
from desk_app.services.lists.search import every_match, search
from desk_app.storage.opening import open_store
from desk_app.storage.postgres.schema import FUNCTIONS_MARK
from desk_app.storage.segment import match_query
from tests.conftest import Org, org_copy

INCIDENTS = [
    ("网络中断", "整栋楼无法连接网络", "重启交换机"),
    ("无法连接 VPN", "VPN断开后无法重连", ""),
    ("打印机卡纸", "三楼的打印机", "清理纸道"),
    ("邮件服务器超时", "Outlook 无法发送邮件", "重建配置文件"),
    ("网", "只有一个字", ""),
    ("laserprinter jam", "the paper tray", ""),
    ("Printer (offline)", "PRINTER shows an error; printers on floor 2 too", "power cycled"),
    ("Café portal", "the café's Wi-Fi asks for terms", ""),
    ("cafeteria screen", "naïve question about the menu", ""),
    ("Password reset", "reset the password for the caller", ""),
    ("password-reset tool", "self service", ""),
    ("Asset PC-60583", "A-1234 in room 5", ""),
    ("Mail 100% full", "quota_limit reached", ""),
    ("Принтер не печатает", "Printerspooler-Dienst neu gestartet", ""),
]
NOTES = {0: "交换机端口恢复", 6: "toner 也换了", 9: "VPN 网络 ok"}
OPEN = {1, 5, 9}  # left open: in open work's index too

TYPED = ["网络", "网", "络", "无法连接", "打印机", "连接网络", "printer", "print", "rinter",
         "Printer offline", "cafe", "café", "CAFE portal", "naive", "password reset", "reset",
         "VPN 断开", "断开", "vpn", "a", "PC-60583", "60583", "100%", "quota_limit",
         "交换机 端口", "nothing here", "tray 纸道", "принтер", "ПРИНТ", "printerspoole",
         "printerspooler", "printerspoolerx"]
EXPRESSIONS = ['"vpn"* OR "断开"', '"printer"* OR "邮件" OR "cafe"*', '"网络 络中"',
               '"无法 法连" OR "pass"*', '"网络" AND "中断"', '"网络" "络"*', '"络中"*',
               '"paper" OR "nothing"', '"PRINTER"', '"printers"', '"jam" "laser"*',
               '"paper tray"', '"tray paper"', '"the paper"*', '"printerspooler"*',
               '"printerspooler-dienst"', '"принтер" OR "網絡"']


@pytest.fixture(scope="module")
def pair(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[tuple[Org, Org]]:
    with org_copy(request, "file", tmp_path_factory.mktemp("words")) as file, \
            org_copy(request, "server", Path()) as on_server:
        for org in (file, on_server):
            for n, (title, description, resolution) in enumerate(INCIDENTS):
                incident_id = org.log(title=title, description=description)
                if n in NOTES:
                    add_note(org.as_("desk"), incident_id, NOTES[n])
                if n not in OPEN:
                    workflow.resolve(org.as_("desk"), incident_id,
                                     resolution=resolution or "done")
                org.clock.advance(minutes=5)  # the callers' incidents: newest first
        yield file, on_server


def _matches(org: Org, table: str, expression: str) -> list[int]:
    return [r[0] for r in org.store.read(lambda: org.store.execute(
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid", (expression,)))]


@pytest.mark.parametrize("text", TYPED)
def test_the_server_finds_what_the_file_finds(pair: tuple[Org, Org], text: str) -> None:
    file, server = pair
    expression = match_query(text)
    assert expression is not None
    for table in ("incident_search", "incident_open_search"):
        assert _matches(file, table, expression) == _matches(server, table, expression), table
    assert every_match(file.as_("desk"), text) == every_match(server.as_("desk"), text)
    assert ({h.id for h in search(file.as_("desk"), text)}
            == {h.id for h in search(server.as_("desk"), text)})


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_or_and_and_phrases_are_read_as_the_file_reads_them(pair: tuple[Org, Org],
                                                            expression: str) -> None:
    file, server = pair
    assert _matches(file, "incident_search", expression) == _matches(
        server, "incident_search", expression)


def test_the_index_finds_exactly_the_rows_desk_match_holds_for(pair: tuple[Org, Org]) -> None:
    """desk_match, which tests every row, stays the definition of a match on a server."""
    _, server = pair
    for table in ("incident_search", "incident_open_search"):
        for expression in [*EXPRESSIONS, *(match_query(t) or "" for t in TYPED)]:
            every_row = [r[0] for r in server.store.read(lambda t=table, e=expression:
                         server.store.execute(
                             f"SELECT rowid FROM {t} WHERE desk_match(concat_ws(' ', title, "
                             "description, notes, resolution), ?) ORDER BY rowid", (e,)))]
            assert _matches(server, table, expression) == every_row, (table, expression)


def test_the_cases_that_tell_word_starts_and_phrases_apart(pair: tuple[Org, Org]) -> None:
    """Not a comparison only: what the searches above must find, so that both kinds
    being wrong the same way would fail here."""
    _, server = pair
    titles = {n + 1: t for n, (t, _, _) in enumerate(INCIDENTS)}

    def found(expression: str) -> set[str]:
        return {titles[i] for i in _matches(server, "incident_search", expression)}

    assert found(match_query("rinter") or "") == set()  # inside a word: not a word's start
    assert "laserprinter jam" not in found(match_query("printer") or "")
    assert found(match_query("cafe") or "") == {"Café portal", "cafeteria screen"}
    assert found('"网络 络中"') == {"网络中断"}  # the phrase, not its two words anywhere
    assert "网" in found(match_query("网") or "") and "网络中断" in found('"网"*')
    assert found('"vpn"* OR "断开"') == {"无法连接 VPN", "Password reset"}
    assert found(match_query("ПРИНТ") or "") == {"Принтер не печатает"}  # beyond ASCII
    # a start longer than the index's 12 characters, and one word too many
    assert found(match_query("printerspoole") or "") == {"Принтер не печатает"}
    assert found(match_query("printerspoolerx") or "") == set()
    assert found('"paper tray"') == {"laserprinter jam"} and found('"tray paper"') == set()


def _plan(org: Org, table: str, expression: str) -> str:
    columns = ("'title', 'description', 'notes', 'resolution'" if table != "knowledge_search"
               else "'symptom', 'cause', 'resolution'")

    def run() -> str:
        cursor = org.store.db.cursor()  # as written: not the program's SQLite dialect
        cursor.execute(f"SELECT statement FROM desk_search_condition('{table}', "
                       f"ARRAY[{columns}], %s)", (expression,))
        statement = cursor.fetchone()[0]
        cursor.execute("EXPLAIN " + statement.replace("%", "%%"))
        return "\n".join(r[0] for r in cursor.fetchall())

    return org.store.read(run)


@pytest.fixture
def crowded(org_on_server: Org) -> Org:
    """A server whose word index holds 6,000 rows (as the planner sees a desk's)."""
    org = org_on_server

    def fill() -> None:
        cursor = org.store.db.cursor()
        cursor.execute(
            "INSERT INTO incident_search (rowid, title, description, notes, resolution) "
            "SELECT 100000 + n, 'Ticket ' || n || ' 服务 务器 器', "
            "'word' || (n % 97) || ' and more text', '', '' FROM generate_series(1, 6000) n")
        cursor.execute("ANALYZE incident_search")

    org.store.write(fill)
    return org


@pytest.fixture
def org_on_server(request: pytest.FixtureRequest) -> Iterator[Org]:
    with org_copy(request, "server", Path()) as org:
        yield org


@pytest.mark.parametrize(("expression", "index"), [
    ('"网络"', "incident_search_tokens"),
    ('"无法 法连 连接"', "incident_search_tokens"),
    ('"网"*', "incident_search_tokens"),
    ('"printer"*', "incident_search_tokens"),
    ('"password"* "reset"*', "incident_search_tokens"),
    ('"a"', "incident_search_tokens"),
    ('"VPN"* "断开"', "incident_search_tokens"),
])
def test_the_search_reads_the_word_index_through_its_index(crowded: Org, expression: str,
                                                             index: str) -> None:
    plan = _plan(crowded, "incident_search", expression)
    assert f"Index Scan on {index}" in plan and "Seq Scan" not in plan, plan


def test_an_or_reads_the_index_for_each_side(crowded: Org) -> None:
    plan = _plan(crowded, "incident_search", '"printer"* OR "断开"')
    assert plan.count("Index Scan on incident_search_tokens") == 2 \
        and "Seq Scan" not in plan, plan


def test_the_ranking_tests_a_column_as_desk_match_does(pair: tuple[Org, Org]) -> None:
    _, server = pair
    for expression in [*EXPRESSIONS, *(match_query(t) or "" for t in TYPED)]:
        def compare(expression: str = expression) -> list[tuple]:
            server.store.execute("SELECT count(*) FROM desk_search('incident_search', "
                                 "ARRAY['title']::text[], ?, NULL)", (expression,))
            return server.store.execute(
                "SELECT rowid, c FROM incident_search, unnest(ARRAY[title, description, "
                "notes, resolution]) AS c WHERE desk_hit(c) <> desk_match(c, ?)::int",
                (expression,))

        assert server.store.read(compare) == [], expression


def test_a_server_made_before_schema_34_gets_the_indexes(org_on_server: Org) -> None:
    """An older program's database: its word indexes have one pg_trgm index per column
    and its functions know nothing of desk_search. Opening it gives it this program's
    functions first, then the indexes of schema 34, and search works."""
    org = org_on_server
    old = org.log(title="网络中断", description="printer offline")

    def make_it_older() -> None:
        cursor = org.store.db.cursor()
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")  # an older program made it
        for table, columns in (("incident_search", ("title", "description", "notes",
                                                    "resolution")),
                               ("incident_open_search", ("title", "description", "notes",
                                                         "resolution")),
                               ("knowledge_search", ("symptom", "cause", "resolution"))):
            cursor.execute(f'DROP INDEX "{table}_tokens"')
            for column in columns:
                cursor.execute(f'CREATE INDEX "{table}_{column}_trgm" ON "{table}" '
                               f'USING gin ("{column}" gin_trgm_ops)')
        cursor.execute("DROP FUNCTION desk_search(text, text[], text, bigint)")
        cursor.execute("DROP FUNCTION desk_search_condition(text, text[], text)")
        cursor.execute("DROP FUNCTION desk_search_tokens(text[])")
        cursor.execute(f"COMMENT ON FUNCTION {FUNCTIONS_MARK} IS 'an older program'")
        cursor.execute("DELETE FROM schema_version WHERE version >= 34")
        cursor.execute("INSERT INTO schema_version (version, program) VALUES (32, 'older') "
                       "ON CONFLICT DO NOTHING")

    org.store.write(make_it_older)
    url = org.store.address.url()  # type: ignore[attr-defined]
    org.store.close()
    org.store = open_store(url)
    indexes = {r[0] for r in org.store.execute(
        "SELECT indexname FROM pg_indexes WHERE tablename LIKE '%search'")}
    assert {"incident_search_tokens", "incident_open_search_tokens",
            "knowledge_search_tokens"} <= indexes
    assert not any(name.endswith("_trgm") for name in indexes)
    assert org.store.execute("SELECT max(version) FROM schema_version")[0][0] >= 34
    assert every_match(org.as_("desk"), "网络") == [old]
    assert every_match(org.as_("desk"), "printer") == [old]
