"""Word search over title, description, work notes and resolution: the top 50, as the search
box gives them.

Ours: ``services.lists.search.search`` (number and caller look-ups, then the full-text index, the
hits with their callers). Baseline: the same text query through plain ``sqlite3``: the
full-text index's top 50 by BM25 with the same column weights, joined to the incidents and
callers shown, among the same newest 2,000 matches that ours ranks (``search.RANKED``), so
that both give the same hits. The words: Chinese two-character words common in the file
(网络 matches about a quarter of the incidents, 邮件 fewer), a longer Chinese phrase, a
three-character word, English words, two words at once, and an asset tag that occurs once.
Target (issue 6): 30 ms.
"""

from __future__ import annotations

import sqlite3

from bench import open_file, plain_connection
from bench.benchmarks import Context, benchmark
from bench.measure import Result, measure
from desk_app.clock import FakeClock
from desk_app.services.lists import search
from desk_app.services.session import system_session

#: What is typed, and the full-text expression written for it by hand.
WORDS: list[tuple[str, str]] = [
    ("网络", '"网络"'),
    ("邮件", '"邮件"'),
    ("无法连接", '"无法 法连 连接"'),
    ("打印机", '"打印 印机"'),
    ("printer", '"printer"*'),
    ("password reset", '"password"* "reset"*'),
    ("VPN 断开", '"VPN"* "断开"'),
]

_SQL = """
SELECT i.id, i.number, i.title, i.stage, i.wait_code_id IS NOT NULL, i.priority, c.name,
       i.updated_at
FROM (SELECT rowid AS id, score FROM (
        SELECT rowid, bm25(incident_search, 10.0, 3.0, 2.0, 3.0) AS score
        FROM incident_search WHERE incident_search MATCH ? ORDER BY rowid DESC LIMIT ?)
      ORDER BY score LIMIT 50) best
JOIN incident i ON i.id = best.id JOIN caller c ON c.id = i.caller_id
ORDER BY best.score
"""


def by_hand(conn: sqlite3.Connection, expression: str) -> list[tuple]:
    return conn.execute(_SQL, (expression, search.RANKED)).fetchall()


@benchmark("word_search", "word search, top 50 (Chinese and English)")
def run(ctx: Context) -> list[Result]:
    store = open_file(ctx.path, read_only=True)
    session = system_session(store, FakeClock(ctx.manifest.now))
    conn = plain_connection(ctx.path, read_only=True)
    words = list(WORDS)
    tag = conn.execute("SELECT title || ' ' || description FROM incident WHERE description"
                       " LIKE '%PC-%' ORDER BY id LIMIT 1").fetchone()
    if tag is not None:  # an asset tag, e.g. PC-60583: one or two incidents
        code = next(w for w in tag[0].replace(";", " ").replace(",", " ").replace(
            "，", " ").split() if w.startswith("PC-"))
        code = code.rstrip(".;,。")
        words.append((code, f'"PC"* "{code[3:]}"*'))
    results = []
    try:
        for text, expression in words:
            matches = conn.execute("SELECT count(*) FROM incident_search WHERE"
                                   " incident_search MATCH ?", (expression,)).fetchone()[0]
            hits = [h.id for h in search.search(session, text)]
            texts = [r[0] for r in by_hand(conn, expression)]
            assert hits[:len(texts)] == texts or set(texts) <= set(hits), (text, hits, texts)
            ours, baseline = measure(lambda t=text: search.search(session, t),
                                     lambda e=expression: by_hand(conn, e),
                                     repeat=ctx.repetitions(60), warmup=ctx.warmup)
            results.append(Result(f"word search: {text} ({matches:,} matches)", ctx.size,
                                  ours, baseline, "≤ 30 ms", limit_ms=30.0))
    finally:
        conn.close()
        store.close()
    return results
