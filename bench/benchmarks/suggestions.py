"""Suggestions while logging: what the log form reads after a keystroke pause — the caller's
open incidents, the resolved incidents and published articles like the typed text, scored.

Ours: ``services.knowledge.suggestions.suggest`` on the calling thread (the form runs it on
the read pool). Baseline: the same reads through plain ``sqlite3`` without our scoring —
each Latin word's terms from ``search_term`` (schema 35), each word's newest ``PER_WORD``
index matches and those holding every word, the ``READ`` incidents found by most words, the
published articles matching, the caller's open incidents. 300 published articles are added
to a copy of the file first. Target (issue 16): 50 ms after the pause, at any size (the
reads stop at their limits, so the time does not grow with the file).

Attaching: a 20 MB file attached by the core (read, digested, written in 1 MB chunks with
its journal row) against one plain ``INSERT`` of the same bytes as a single blob; and the
first page of the All queue before and after 2 GB of attachments are in the file (queue
reads never touch the attachment tables).
"""

from __future__ import annotations

import os
import re
import sqlite3

from bench import open_file, plain_connection
from bench.benchmarks import Context, benchmark
from bench.measure import Result, measure
from desk_app.clock import FakeClock
from desk_app.services.knowledge import suggestions
from desk_app.services.knowledge.words import match_any, terms
from desk_app.services.session import system_session
from desk_app.storage.search_terms import MAX_EXPANSION

QUERIES = [
    "VPN 老是断开",
    "在家连 VPN 一会儿就掉线",
    "打印机又卡纸了",
    "邮箱收不到邮件",
    "网络很慢,打开网页要等很久",
    "my vpn keeps dropping",
    "printer prints blank pages again",
    "cannot log in, account locked",
]
ARTICLES = 300


def _add_articles(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT title, description, resolution, category_id FROM incident "
                        "WHERE resolution <> '' GROUP BY title LIMIT ?", (ARTICLES,)).fetchall()
    conn.execute("BEGIN")
    for n, (title, description, resolution, category) in enumerate(rows * (
            ARTICLES // max(1, len(rows)) + 1)):
        if n >= ARTICLES:
            break
        conn.execute(
            "INSERT INTO knowledge_article (version, number, state, language, category_id, "
            "symptom, cause, resolution, created_at, updated_at) VALUES "
            "(1, ?, 'published', ?, ?, ?, '', ?, 0, 0)",
            (f"KB{n + 1:07d}", "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in title)
             else "en", category, f"{title}\n{description}", resolution))
    conn.execute("COMMIT")


_WORD = ("SELECT rowid FROM incident_search WHERE incident_search MATCH ? "
         "ORDER BY rowid DESC LIMIT ?")
_READ = """
SELECT i.id, i.number, i.title, i.description, i.resolution, i.stage, i.category_id,
       COALESCE(i.resolved_at, i.updated_at), i.confirmed_at IS NOT NULL FROM incident i
WHERE i.id IN ({marks}) AND i.stage IN ('resolved', 'closed') AND i.resolution <> ''
"""
_ARTICLES = """
SELECT a.* FROM (SELECT rowid AS id FROM knowledge_search WHERE knowledge_search MATCH ?
                 ORDER BY bm25(knowledge_search, 5.0, 2.0, 2.0) LIMIT ?) m
JOIN knowledge_article a ON a.id = m.id WHERE a.state = 'published'
"""
_OPEN = """
SELECT id, number, title, stage, category_id, updated_at FROM incident
WHERE caller_id = ? AND stage IN ('logged', 'assigned', 'in_progress')
ORDER BY updated_at DESC LIMIT 5
"""


_TERMS = "SELECT term FROM search_term WHERE term >= ? AND term < ? ORDER BY term LIMIT ?"


def _expression(conn: sqlite3.Connection, word: str) -> str | None:
    """A word's expression: a Latin word's prefix as the terms it stands for, if few."""
    expression = match_any([word])
    if expression is not None and re.fullmatch("[0-9a-z]+", word):
        found = [r[0] for r in conn.execute(_TERMS, (
            word, word[:-1] + chr(ord(word[-1]) + 1), MAX_EXPANSION + 1))]
        if 0 < len(found) <= MAX_EXPANSION:
            expression = " OR ".join(f'"{t}"' for t in found)
    return expression


def by_hand(conn: sqlite3.Connection, words: list[str], caller: int
            ) -> tuple[list, list, list]:
    """The same reads, no scoring: each word's newest matches and those with every word,
    the incidents they name read (the first ``READ`` by how many words found them)."""
    found: dict[int, int] = {}
    expressions = [e for w in words if (e := _expression(conn, w)) is not None]
    every = " AND ".join(f"({e})" if " OR " in e else e for e in expressions)
    for expression in [*expressions, every]:
        for (rowid,) in conn.execute(_WORD, (expression, suggestions.PER_WORD)):
            found[rowid] = found.get(rowid, 0) + 1
    ids = sorted(found, key=lambda i: -found[i])[:suggestions.READ]
    incidents = conn.execute(_READ.format(marks=", ".join("?" * len(ids))), ids).fetchall()
    return (incidents,
            conn.execute(_ARTICLES, (match_any(words), suggestions.CANDIDATES)).fetchall(),
            conn.execute(_OPEN, (caller,)).fetchall())


def _queue_page(session: object) -> None:
    from desk_app.services.lists.queues import Queue, page

    page(session, Queue.ALL)  # type: ignore[arg-type]


@benchmark("suggestions", "suggestions while logging; attaching 20 MB; queues with 2 GB "
           "of attachments")
def run(ctx: Context) -> list[Result]:
    path = ctx.copy("suggestions")
    conn = plain_connection(path)
    _add_articles(conn)
    store = open_file(path)
    session = system_session(store, FakeClock(ctx.manifest.now))
    caller = conn.execute("SELECT caller_id FROM incident ORDER BY stage = 'in_progress' "
                          "DESC LIMIT 1").fetchone()[0]
    results = []
    try:
        for text in QUERIES:
            expression = match_any(terms(text))
            assert expression is not None
            found = suggestions.suggest(session, text, caller_id=caller)
            assert found.similar or ctx.size < 10_000, text
            matches = conn.execute("SELECT count(*) FROM incident_search WHERE "
                                   "incident_search MATCH ?", (expression,)).fetchone()[0]
            words = terms(text)
            ours, baseline = measure(
                lambda t=text: suggestions.suggest(session, t, caller_id=caller),
                lambda w=words: by_hand(conn, w, caller),
                repeat=ctx.repetitions(30), warmup=ctx.warmup)
            results.append(Result(f"suggestions: {text} ({matches:,} matches)", ctx.size,
                                  ours, baseline, "≤ 50 ms", limit_ms=50.0))
        results += _attachments(ctx, store, session, conn)
    finally:
        conn.close()
        store.close()
        for leftover in (path, path.with_name(path.name + "-journal")):
            leftover.unlink(missing_ok=True)
    return results


def _attachments(ctx: Context, store: object, session: object, conn: sqlite3.Connection
                 ) -> list[Result]:
    from desk_app.services.knowledge import attachments
    from desk_app.services.session import Session

    assert isinstance(session, Session)
    desk = conn.execute("SELECT u.username FROM user u JOIN user_role r ON r.user_id = u.id "
                        "WHERE r.role = 'service_desk' LIMIT 1").fetchone()[0]
    from desk_app.services.session import session_for

    person = session_for(session.store, desk, FakeClock(ctx.manifest.now))
    incident = conn.execute("SELECT id FROM incident WHERE stage <> 'closed' "
                            "LIMIT 1").fetchone()[0]
    full = ctx.size >= 10_000  # a smoke run on a tiny file writes a few MB, not 200
    megabytes, bulk = (20, 2048) if full else (2, 5)  # 2 GB: the size
    data = os.urandom(megabytes * 1024 * 1024)
    source = ctx.workdir / "attachment.bin"
    source.write_bytes(data)
    results = []
    try:
        def plain_insert() -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("CREATE TABLE IF NOT EXISTS blob_baseline (data BLOB)")
            conn.execute("INSERT INTO blob_baseline VALUES (?)", (source.read_bytes(),))
            conn.execute("ROLLBACK")

        ours, baseline = measure(
            lambda: attachments.attach_file(person, incident, str(source)), plain_insert,
            repeat=ctx.repetitions(5), warmup=1)
        results.append(Result(f"attach a {megabytes} MB file (off the window's thread)", ctx.size,
                              ours, baseline, "≤ 3× one blob insert", limit_ratio=3.0))
        before, _ = measure(lambda: _queue_page(session),
                            repeat=ctx.repetitions(30), warmup=ctx.warmup)
        chunk = os.urandom(1024 * 1024)
        added = conn.execute("SELECT coalesce(sum(size), 0) FROM attachment").fetchone()[0]
        conn.execute("BEGIN IMMEDIATE")
        rows = conn.execute("SELECT id FROM incident ORDER BY id DESC LIMIT 200").fetchall()
        while added < bulk * 1024 * 1024:
            for (incident_id,) in rows:
                if added >= bulk * 1024 * 1024:
                    break
                cur = conn.execute(
                    "INSERT INTO attachment (incident_id, name, media_type, size, sha256, "
                    "created_at) VALUES (?, 'bulk.bin', 'application/octet-stream', ?, '', 0)",
                    (incident_id, len(chunk)))
                conn.execute("INSERT INTO attachment_chunk (attachment_id, seq, data) "
                             "VALUES (?, 0, ?)", (cur.lastrowid, chunk))
                added += len(chunk)
        conn.execute("COMMIT")
        after, _ = measure(lambda: _queue_page(session),
                           repeat=ctx.repetitions(30), warmup=ctx.warmup)
        results.append(Result(f"queue page, All, with {bulk} MB of attachments "
                              "(baseline: the same before)", ctx.size, after, before,
                              "≤ 1.2× without", limit_ratio=1.2))
    finally:
        source.unlink(missing_ok=True)
    return results
