"""A typed Latin prefix searched as the index terms it stands for (schema 35,
``storage.search_terms``): the terms table always holds every term of the word index that a
prefix can reach, however the words got there (logged, edited, noted, by another connection,
before the upgrade), and the suggestions find exactly what the prefix finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.services.incident import workflow
from desk_app.services.incident.log import (
    IncidentFields,
    NewIncident,
    add_note,
    log_incident,
    update_incident,
)
from desk_app.services.knowledge import suggestions
from desk_app.services.knowledge.suggestions import suggest, word_expressions
from desk_app.services.knowledge.words import match_any, terms
from desk_app.services.session import session_for
from desk_app.storage import search_terms
from desk_app.storage.migrations import LATEST, migrate, statements
from desk_app.storage.opening import open_store
from desk_app.storage.postgres.check import expected_triggers
from desk_app.storage.postgres.schema import translate_statement
from desk_app.storage.segment import _CJK, index_text
from tests.conftest import Org

#: (title, description, resolution): English, Chinese, both, accents and odd punctuation
INCIDENTS = [
    ("Printer prints blank pages", "The printer on floor 3 prints blank pages", "New toner"),
    ("Printing stopped", "Nothing comes out of the printers", "Restarted the spooler"),
    ("打印机卡纸", "三楼打印机又卡纸了", "清理纸道"),
    ("VPN 连接频繁断开", "在家连 VPN 一会儿就掉线", "重装 VPN 客户端"),
    ("VPN disconnects every few minutes", "Since the update the tunnel drops", "Reinstalled"),
    ("Café Wi-Fi portal", "Naïve users of the Straße office", "Accepted the portal's terms"),
    ("Account locked", "cannot log in, account locked after 5 tries", "Unlocked the account"),
    ("Login page “hangs” — again", "login_page shows 0x80070005…", "Cleared the cache"),
    ("邮箱收不到邮件", "Outlook 提示 error 550：mailbox full。", "清理邮箱"),
]
QUERIES = ["printer prints blank pages again", "print", "pri", "printing", "cannot log in, "
           "account locked", "log", "lo", "VPN 老是断开", "my vpn keeps dropping",
           "在家连 VPN 一会儿就掉线", "打印机又卡纸了", "cafe", "naive strasse", "straß",
           "0x8007", "error 550", "邮箱 outlook", "acc", "nothing like this at all"]


def _library(org: Org) -> None:
    desk = org.as_("desk")
    for title, description, resolution in INCIDENTS:
        incident = org.log(title=title, description=description)
        workflow.resolve(desk, incident, resolution=resolution)
        org.clock.advance(days=3)


def _missing(org: Org) -> list[str]:
    return org.store.read(lambda: search_terms.missing(org.store.db.execute_sql))


def _rows(org: Org, expression: str) -> list[int]:
    return [r[0] for r in org.store.execute(
        "SELECT rowid FROM incident_search WHERE incident_search MATCH ? ORDER BY rowid DESC",
        (expression,))]


def _same_as_the_prefixes(org: Org, text: str) -> None:
    """Each word, and every word together, finds the same incidents as its prefix does."""
    words = terms(text)
    session = org.as_("desk")
    expanded = session.store.read(lambda: word_expressions(session, words))
    plain = [e for w in words if (e := match_any([w])) is not None]
    assert len(expanded) == len(plain)
    for mine, prefix in zip(expanded, plain, strict=True):
        assert _rows(org, mine) == _rows(org, prefix), (text, mine, prefix)
    if len(plain) > 1:
        every = " AND ".join(f"({e})" if " OR " in e else e for e in expanded)
        assert _rows(org, every) == _rows(org, " AND ".join(plain)), text


def test_the_terms_table_holds_every_term_of_the_index(org: Org) -> None:
    _library(org)
    held = {r[0] for r in org.store.execute("SELECT term FROM search_term")}
    assert {"prints", "printer", "printers", "printing", "cafe", "naive", "straße",
            "0x80070005", "login", "page", "550"} <= held
    assert not any(ch in t for t in held for ch in "打印邮箱")  # CJK terms are not kept
    assert _missing(org) == []


@pytest.mark.parametrize("text", QUERIES)
def test_a_prefix_as_its_terms_finds_the_same_incidents(org: Org, text: str) -> None:
    _library(org)
    _same_as_the_prefixes(org, text)


def test_suggestions_are_the_same_as_with_the_prefixes(org: Org,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _library(org)
    desk = org.as_("desk")
    mine = {text: suggest(desk, text, category_id=org.ids["cat_network"]) for text in QUERIES}
    assert mine["pri"].similar and mine["acc"].similar[0].title == "Account locked"
    monkeypatch.setattr(suggestions, "expansion", lambda execute, word: None)
    for text in QUERIES:
        assert suggest(desk, text, category_id=org.ids["cat_network"]) == mine[text], text


def test_a_prefix_of_too_many_terms_stays_a_prefix(org: Org,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _library(org)
    session = org.as_("desk")
    execute = org.store.db.execute_sql
    assert org.store.read(lambda: search_terms.expansion(execute, "print")) == [
        "printer", "printers", "printing", "prints"]
    assert org.store.read(lambda: search_terms.expansion(execute, "zzz")) == []
    assert org.store.read(lambda: search_terms.expansion(execute, "straß")) is None
    monkeypatch.setattr(search_terms, "MAX_EXPANSION", 3)
    assert org.store.read(lambda: search_terms.expansion(execute, "print")) is None
    assert session.store.read(lambda: word_expressions(session, ["print"])) == ['"print"*']
    _same_as_the_prefixes(org, "printer prints blank pages again")


def test_words_written_later_are_found_at_once(org: Org) -> None:
    """New words of a logged incident, an edited title or description, a work note and a
    resolution are in the table in the same transaction: the next keystroke finds them."""
    _library(org)
    desk = org.as_("desk")
    assert suggest(desk, "plotter").similar == []
    logged = org.log(title="Plotter jams", description="The plotter in Ärztezimmer")
    update_incident(desk, logged, IncidentFields(title="Plotters jamming",
                                                 description="Scanner feeds crooked"))
    add_note(desk, logged, "Toner smudges on the drum; spoke to Zoë")
    workflow.resolve(desk, logged, resolution="Replaced the fuser unit")
    held = {r[0] for r in org.store.execute("SELECT term FROM search_term")}
    assert {"plotter", "plotters", "jamming", "scanner", "smudges", "drum", "zoe", "fuser",
            "arztezimmer"} <= held
    assert _missing(org) == []
    for text in ("plot", "plotters", "scan", "fuse"):  # (notes are found, not scored)
        assert suggest(desk, text).similar[0].id == logged, text
    for text in ("plot", "plotters", "scan", "smudge", "fuse", "zoe", "arzt"):
        _same_as_the_prefixes(org, text)


def test_words_logged_by_another_connection_are_found(org: Org) -> None:
    """Another workstation (another connection to the file) logs a word nobody used before:
    this one's next suggestion finds it; nothing is cached outside the file."""
    _library(org)
    desk = org.as_("desk")
    assert suggest(desk, "projector").similar == []
    other = open_store(org.path, daily_backup=False)
    try:
        there = session_for(other, "desk", org.clock)
        created = log_incident(there, NewIncident(
            org.ids["caller"], "system_fault", org.ids["cat_network"], 3,
            "Projector flickers in room 5", description="projectors all flicker")).created
        assert created is not None
        workflow.resolve(there, created, resolution="Swapped the projector lamp")
    finally:
        other.close()
    found = suggest(desk, "projec flicker").similar
    assert [s.id for s in found] == [created]
    _same_as_the_prefixes(org, "projec flicker")
    assert _missing(org) == []


def test_the_upgrade_fills_it_from_the_index(org: Org) -> None:
    """A file of schema 32 with incidents: the upgrade to 35 reads every term of its index
    once; words logged after it are kept by the triggers."""
    _library(org)

    def back_to_32() -> None:
        run = org.store.db.execute_sql
        for name in ("incident_insert", "incident_update", "note"):
            run(f'DROP TRIGGER "search_term_{name}"')
        run('DROP TABLE "search_term"')
        run("PRAGMA user_version = 32")

    org.store.write(back_to_32)
    assert LATEST >= 35
    result = migrate(org.store)
    assert (result.found, result.applied) == (32, True)
    assert org.store.execute("SELECT count(*) FROM search_term")[0][0] > 40
    assert _missing(org) == []
    later = org.log(title="Scanner driver crashes")
    workflow.resolve(org.as_("desk"), later, resolution="Rolled the driver back")
    assert _missing(org) == []
    assert suggest(org.as_("desk"), "scann").similar[0].id == later
    _same_as_the_prefixes(org, "scann driv")


def test_a_server_keeps_no_terms_table() -> None:
    """Kept in files only: the server's upgrade skips the table, its triggers and its fill,
    and its check expects none of them (a server has no FTS5 prefixes)."""
    for statement in statements("0035_search_terms.sql"):
        assert translate_statement(statement) == []
    assert not any(name.startswith("search_term") for name in expected_triggers())


# -- cutting words as the index does ---------------------------------------------------------

def _exact(text: str) -> set[str]:
    cut = index_text(text)
    return {t for t in search_terms.fts5_terms(cut) if re.match("[0-9a-z]", t)}


def test_the_shortcut_separates_where_fts5_does() -> None:
    """Every ASCII character, and every other character the shortcut accepts beside a Latin
    word (CJK aside, which ``index_text`` sets apart), cuts words where FTS5 cuts them."""
    cjk = re.compile(f"[{_CJK}]")
    accepted = [ch for ch in map(chr, range(0x30000)) if not 0xD800 <= ord(ch) <= 0xDFFF
                and search_terms._PLAIN.fullmatch(ch) and not cjk.fullmatch(ch)]
    assert len(accepted) > 250
    for ch in accepted:
        text = f"ab{ch}cd x{ch} {ch}y"
        assert search_terms.index_terms(text) == _exact(text), hex(ord(ch))


TEXTS = st.text(alphabet=st.sampled_from(
    [*"abcXYZ019 _-.,'\"é́ßøÆİı", "打", "印", "机", "网", "。", "，", "“", "”", "—",
     "\u00a0", "\u3000", "ｐ", "①", "²", "\u200b"]),
    max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_the_terms_are_those_fts5_cuts(texts: list[str]) -> None:
    assert search_terms.index_terms(*texts) == set().union(*(_exact(t) for t in texts))


def test_the_note_trigger_takes_the_notes_the_index_takes(org: Org) -> None:
    """``search_term_note`` must take exactly the work notes ``incident_search_note`` writes
    into the index: a migration that changes one condition must change the other."""
    def condition(name: str) -> str:
        sql = org.store.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (name,))[0][0]
        found = re.search(r"\bWHEN\s+(.*?)\s+BEGIN\b", sql, re.S | re.I)
        assert found is not None, name
        return " ".join(found.group(1).split())

    assert condition("search_term_note") == condition("incident_search_note")


def test_the_check_names_a_term_the_list_lacks(org: Org) -> None:
    """A term written into the index around the triggers (an edit made outside the program)
    hides its incidents from the suggestions: `desk-app check` says so."""
    from desk_app.services.database.check import check_database

    _library(org)
    assert not [f for f in check_database(org.store).findings
                if f.key == "check.search_terms_missing"]
    org.store.write(lambda: org.store.execute(
        "DELETE FROM search_term WHERE term = 'printer'"))
    found = [f for f in check_database(org.store).findings
             if f.key == "check.search_terms_missing"]
    assert [f.params for f in found] == [{"count": 1, "terms": "printer"}]
    assert "printer" in found[0].message("zh")
