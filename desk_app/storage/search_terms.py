"""The words of the incidents' word index that a typed prefix can stand for, kept in a table
of their own (``search_term``, schema 35), so that a prefix is searched as those words.

Suggestions and the search box match a Latin word as a prefix ("print"* finds prints, printer,
printing). FTS5 without a prefix index answers a prefix by merging the whole list of every
index term that begins with it before it can return the newest matches: at 1,000,000
incidents 16 ms of processor time for "print"* (138 ms for a "ca" typed mid-word), where
``"print" OR "prints" OR "printer"`` gives the same rows' newest 400 in 0.45 ms, each term's
list being read from its newest end only as far as needed. The terms cannot be asked of
FTS5 at a keystroke (its ``fts5vocab`` counts every match of every term it lists, costing
what the prefix costs), so they are kept here:

- **Kept by triggers** in the transaction that writes the index (a new incident, a changed
  title, description or resolution, a work note), whichever workstation writes it, so that a
  word logged on another workstation is there the moment its incident is. The triggers call
  ``desk_search_terms`` (``terms_json``), which every connection of the program registers,
  as it registers ``desk_search_text``.
- **Exactly the index's own terms**: the text is cut by ``segment.index_text`` as the index
  cuts it, and then into words by FTS5's own tokenizer (an in-memory FTS5 table of the same
  ``tokenize`` setting), so that case and accent folding are the index's; plain ASCII text
  (with Chinese and common punctuation beside it, which never joins a Latin word) takes a
  shortcut that gives the same words, proven character by character in the tests.
- **Only terms that begin with a digit or an ASCII letter**: only an ASCII word typed is
  expanded (``expansion``); any other is searched as the prefix it is.
- **Never removed**: a term whose incidents were deleted stays, and searching for it finds
  nothing, which changes no result. The table only has to hold every term of the index.

A file is the only place: a server has no FTS5 (its word search is its own), so the table and
its triggers are kept in files only (``storage.postgres.schema.FILE_ONLY``). The suggestions
use it (``services.knowledge.suggestions.word_expressions``); the search box keeps its
prefixes, because it ranks by FTS5's BM25, which counts each term of an OR apart.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from desk_app.storage.segment import _CJK, index_text

TABLE = "search_term"
SQL_FUNCTION = "desk_search_terms"
#: The word index's tokenizer (schema 3's ``incident_search``): the in-memory table cuts with it.
TOKENIZE = "unicode61 remove_diacritics 2"
#: A prefix standing for more terms than this is searched as a prefix. Each term's list is
#: opened on its own (20-25 µs of processor time a term at 100,000 incidents): many rare
#: terms (hex codes, numbers) cost more as terms than as one prefix, a few common words far
#: less (docs/knowledge.md, "Prefixes as their terms").
MAX_EXPANSION = 128

#: The terms kept: those a typed ASCII word can be a prefix of.
_KEPT = re.compile(r"[0-9a-z]")
_ASCII_WORD = re.compile(r"[0-9a-z]+")
_ASCII_TOKEN = re.compile(r"[0-9A-Za-z]+")
#: Characters beside which the shortcut may cut ASCII words as FTS5 does: CJK (which
#: ``index_text`` always sets apart with spaces) and punctuation that unicode61 separates on
#: (each proven against FTS5 in the tests). Any other non-ASCII character (é, ß, ø...) takes
#: FTS5's own tokenizer.
_PLAIN = re.compile(
    "[\x00-\x7f" + _CJK
    + "\u00a0\u00b7\u00d7\u00b0\u2010-\u2027\u2030-\u205e\u3000-\u3003\u3008-\u3011"
    + "\u3014-\u301f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]*")

_local = threading.local()


def _tokenizer() -> sqlite3.Connection:
    """This thread's in-memory FTS5 table cutting words as the index does."""
    conn: sqlite3.Connection | None = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=True)
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, content='', tokenize='{TOKENIZE}')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
        _local.conn = conn
    return conn


def fts5_terms(text: str) -> set[str]:
    """The terms FTS5 itself cuts ``text`` (already as ``index_text`` gives it) into, all of
    them (the tests compare the shortcut with this)."""
    conn = _tokenizer()
    conn.execute("INSERT INTO t (x) VALUES (?)", (text,))
    try:
        return {row[0] for row in conn.execute("SELECT term FROM v")}
    finally:
        conn.execute("INSERT INTO t (t) VALUES ('delete-all')")


def index_terms(*texts: str | None) -> set[str]:
    """The terms the word index holds for ``texts`` (each as stored, before ``index_text``)
    that begin with a digit or an ASCII letter."""
    cut = " ".join(index_text(t) for t in texts if t)
    if not cut:
        return set()
    if _PLAIN.fullmatch(cut):
        return {w.lower() for w in _ASCII_TOKEN.findall(cut)}
    return {t for t in fts5_terms(cut) if _KEPT.match(t)}


def terms_json(*texts: str | None) -> str:
    """``index_terms`` as a JSON array, for the triggers' ``json_each``."""
    return json.dumps(sorted(index_terms(*texts)))


def register(conn: Any) -> None:
    """Register ``desk_search_terms`` on a plain ``sqlite3`` connection or a peewee database."""
    if isinstance(conn, sqlite3.Connection):
        conn.create_function(SQL_FUNCTION, -1, terms_json, deterministic=True)
    else:
        conn.register_function(terms_json, SQL_FUNCTION, -1, deterministic=True)


Execute = Callable[..., Any]


@contextmanager
def _vocabulary(execute: Execute) -> Iterator[str]:
    """The word index's terms as a temporary ``fts5vocab`` table (its name), dropped after."""
    execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.desk_search_vocab "
            "USING fts5vocab(main, 'incident_search', 'row')")
    try:
        yield "temp.desk_search_vocab"
    finally:
        execute("DROP TABLE temp.desk_search_vocab")


def fill(execute: Execute) -> None:
    """Put every term the word index holds (that begins with a digit or an ASCII letter)
    into the table: for a file whose index was written before the table existed (the
    upgrade to schema 35) or without its triggers (the benchmark generator). Reads the whole
    index once (``fts5vocab``)."""
    with _vocabulary(execute) as vocab:
        execute(f'INSERT OR IGNORE INTO "{TABLE}" ("term") SELECT term FROM {vocab} '
                "WHERE term >= '0' AND term < '{'")


def missing(execute: Execute) -> list[str]:
    """Terms of the word index the table lacks (none, unless something wrote the index
    without the triggers): for the tests and ``desk-app check``. Reads the whole index once."""
    with _vocabulary(execute) as vocab:
        return [str(r[0]) for r in execute(  # (a cursor, or the rows themselves)
            f"SELECT v.term FROM {vocab} v WHERE v.term >= '0' AND v.term < '{{' AND "
            f'NOT EXISTS (SELECT 1 FROM "{TABLE}" s WHERE s.term = v.term) ORDER BY v.term')]


def expansion(execute: Execute, word: str) -> list[str] | None:
    """The index terms that begin with ``word``, for a prefix ``word``* searched as them
    joined by OR: the same rows. None where the prefix is to be searched as it is: a word
    that is not plain ASCII letters and digits (its folding is FTS5's), or one standing
    for more than ``MAX_EXPANSION`` terms. An empty list: no incident has such a word."""
    if not _ASCII_WORD.fullmatch(word):
        return None
    upper = word[:-1] + chr(ord(word[-1]) + 1)
    found = [str(r[0]) for r in execute(
        f'SELECT term FROM "{TABLE}" WHERE term >= ? AND term < ? ORDER BY term LIMIT ?',
        (word, upper, MAX_EXPANSION + 1)).fetchall()]
    return None if len(found) > MAX_EXPANSION else found
