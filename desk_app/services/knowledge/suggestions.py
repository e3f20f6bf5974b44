"""What the desk is shown while logging: the caller's open incidents, and the resolved
incidents and published articles most like what the caller describes.

Words are cut the way the full-text indexes cut them (``words``: Chinese as bigrams), so
"VPN 老是断开" finds "VPN连接频繁断开" and "VPN disconnects". Incidents are found by each
word's newest matches in the index and by the newest holding every word
(``candidate_ids``: the cost stays flat as the file grows, as in ``services.lists.search``), the
best ``READ`` of them by a first score read, and the resolved ones among them scored; every
published article that matches is scored too. Each candidate is scored the same way
whatever it is:

- words in common, each weighted by how rare it is among the candidates (a word every
  candidate has says little) and by where it stands (title > description > resolution);
- the same category as the one chosen on the form;
- recency (a fix from last month beats one from three years ago);
- how often the solution worked: incidents resolved at first contact with it, and for an
  incident whether its caller confirmed the result.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from datetime import datetime

import peewee

from desk_app.domain.enums import OPEN_STAGES
from desk_app.errors import ValidationError
from desk_app.services import permissions as perm
from desk_app.services.arguments import checked
from desk_app.services.knowledge.words import contains, is_cjk, match_any, terms
from desk_app.services.session import Session
from desk_app.storage.models import Incident
from desk_app.storage.search_terms import expansion

LIMIT = 8
#: Newest index matches taken per word; incidents read by their first score; of those,
#: resolved ones scored in full.
PER_WORD = 400
READ = 200
CANDIDATES = 60
#: Open incidents of the caller shown, at most.
OPEN_LIMIT = 5
TEXT_MAX = 4000
#: Weights of the parts of the score (they add up to 1, before W_REVIEWED).
W_TEXT, W_CATEGORY, W_RECENT, W_WORKED = 0.72, 0.12, 0.08, 0.08
#: A published article was reviewed by Level-2 staff or the process owner: of two equally
#: close matches, the reviewed one comes first.
W_REVIEWED = 0.05
#: Half-life of recency, in days.
HALF_LIFE = 180.0
#: Where a word stands: title (or an article's first symptom line), body, resolution.
PLACE = (1.0, 0.7, 0.5)


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "open" (the caller's open incident), "incident" or "article"
    id: int
    number: str
    title: str
    resolution: str
    stage: str | None  # incidents only
    category_id: int | None
    at: datetime  # resolved (incident), changed (article) or last updated (open)
    score: float
    worked: int  # times the solution worked
    common: tuple[str, ...]  # the words it has in common with the query
    alike: int = 1  # incidents with the same title and resolution, shown as this one


@dataclass(frozen=True)
class Suggestions:
    open: list[Suggestion]
    similar: list[Suggestion]


@dataclass
class _Candidate:
    kind: str
    id: int
    number: str
    title: str
    body: str
    resolution: str
    stage: str | None
    category_id: int | None
    at: datetime
    worked: int = 0
    places: dict[str, float] | None = None
    alike: int = 1


def _merge_alike(candidates: list[_Candidate]) -> list[_Candidate]:
    """Incidents with the same title and the same resolution are one solution that worked
    several times: shown once (the newest), with their counts added up."""
    kept: dict[tuple[str, ...], _Candidate] = {}
    for c in candidates:
        if c.kind != "incident":
            kept[(c.kind, str(c.id))] = c
            continue
        key = (c.kind, c.title.strip().casefold(), c.resolution.strip().casefold())
        first = kept.get(key)
        if first is None:
            kept[key] = c
            continue
        newest = c if c.at > first.at else first
        newest.alike, newest.worked = first.alike + 1, first.worked + c.worked
        kept[key] = newest
    return list(kept.values())


def _places(candidate: _Candidate, words: list[str]) -> dict[str, float]:
    found: dict[str, float] = {}
    for weight, part in zip(PLACE, (candidate.title, candidate.body, candidate.resolution),
                            strict=True):
        for word in contains(terms_all(part), words):
            found[word] = max(found.get(word, 0.0), weight)
    return found


@functools.lru_cache(maxsize=8192)
def terms_all(text: str) -> frozenset[str]:
    """Every word of a stored text (a long description is read whole). Kept: the same
    titles and resolutions come back at every keystroke, and across incidents."""
    return frozenset(terms(text, cap=100_000))


def word_expressions(session: Session, words: list[str]) -> list[str]:
    """Each word's FTS5 expression for the incidents' index: ``match_any([word])``, except
    that in a file a Latin word's prefix is written as the index terms it stands for
    (``storage.search_terms``: "print"* as ``"print" OR "printer" OR "prints"``), which
    finds the same incidents without FTS5 merging every term's list first (at 1,000,000
    incidents, 16 ms of processor time for "print"* against 0.45 ms, 138 ms for a "ca"
    typed mid-word against 1.2 ms). A server has no FTS5 and keeps the prefix."""
    db = session.store.db
    in_file = isinstance(db, peewee.SqliteDatabase)
    found = []
    for word in words:
        expression = match_any([word])
        if expression is None:
            continue
        if in_file and not is_cjk(word):
            terms_of = expansion(db.execute_sql, word)
            if terms_of:
                expression = " OR ".join(f'"{t}"' for t in terms_of)
        found.append(expression)
    return found


def candidate_ids(session: Session, words: list[str]) -> list[int]:
    """The incidents worth reading for ``words``, best first, by a cheap first score.

    For each word, its newest ``PER_WORD`` matches, and the newest ``PER_WORD`` that hold
    every word: each read stops after its limit, so the cost is the same at any size
    (FTS5's BM25 counts every match of every word before it ranks: 50 ms at 100,000
    incidents, growing with the file). A word with fewer matches than the limit is rare
    and weighs more; an incident's first score is the weight of the words it was found by.
    """
    db = session.store.db
    score: dict[int, float] = {}
    weights: list[float] = []
    expressions = word_expressions(session, words)
    for expression in expressions:
        ids = [r[0] for r in db.execute_sql(
            "SELECT rowid FROM incident_search WHERE incident_search MATCH ? "
            "ORDER BY rowid DESC LIMIT ?", (expression, PER_WORD)).fetchall()]
        weight = math.log(1.0 + 4.0 * PER_WORD / (len(ids) + 1.0))
        weights.append(weight)
        for incident_id in ids:
            score[incident_id] = score.get(incident_id, 0.0) + weight
    if len(weights) > 1:
        every = " AND ".join(f"({e})" if " OR " in e else e for e in expressions)
        for (incident_id,) in db.execute_sql(
                "SELECT rowid FROM incident_search WHERE incident_search MATCH ? "
                "ORDER BY rowid DESC LIMIT ?", (every, PER_WORD)).fetchall():
            score[incident_id] = max(score.get(incident_id, 0.0), sum(weights))
    return sorted(score, key=lambda i: (-score[i], -i))[:READ]


def _incidents(session: Session, words: list[str]) -> list[_Candidate]:
    ids = candidate_ids(session, words)
    if not ids:
        return []
    rows = session.store.db.execute_sql(
        "SELECT i.id, i.number, i.title, i.description, i.resolution, i.stage, i.category_id, "
        "COALESCE(i.resolved_at, i.updated_at), i.confirmed_at IS NOT NULL FROM incident i "
        f"WHERE i.id IN ({', '.join('?' * len(ids))}) AND i.stage IN ('resolved', 'closed') "
        "AND i.resolution <> ''", ids).fetchall()
    order = {incident_id: n for n, incident_id in enumerate(ids)}
    rows = sorted(rows, key=lambda r: order[r[0]])[:CANDIDATES]
    found = [_Candidate("incident", r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                        _moment(r[7]), int(r[8])) for r in rows]
    if found:
        # raw SQL: peewee took longer to write this IN list than SQLite to answer it
        ids = [c.id for c in found]
        reused = dict(session.store.db.execute_sql(
            "SELECT source_incident_id, count(*) FROM knowledge_use WHERE source_incident_id "
            f"IN ({', '.join('?' * len(ids))}) GROUP BY source_incident_id", ids).fetchall())
        for candidate in found:
            candidate.worked += reused.get(candidate.id, 0)
    return found


def _moment(stored: int) -> datetime:
    moment = Incident.created_at.python_value(stored)
    assert moment is not None
    return moment


def _articles(session: Session, expression: str) -> list[_Candidate]:
    rows = session.store.db.execute_sql(
        "SELECT a.id, a.number, a.symptom, a.cause, a.resolution, a.category_id, a.updated_at "
        "FROM (SELECT rowid AS id FROM knowledge_search WHERE knowledge_search MATCH ? "
        "ORDER BY bm25(knowledge_search, 5.0, 2.0, 2.0) LIMIT ?) m "
        "JOIN knowledge_article a ON a.id = m.id WHERE a.state = 'published'",
        (expression, CANDIDATES)).fetchall()
    uses = _uses(session, [r[0] for r in rows])
    found = []
    for article_id, number, symptom, cause, resolution, category_id, updated in rows:
        first, _, rest = symptom.strip().partition("\n")
        found.append(_Candidate("article", article_id, number, first, rest + "\n" + cause,
                                resolution, None, category_id, _moment(updated),
                                uses.get(article_id, 0)))
    return found


def _uses(session: Session, article_ids: list[int]) -> dict[int, int]:
    """``articles.uses_of`` in raw SQL, for the keystroke path."""
    if not article_ids:
        return {}
    return dict(session.store.db.execute_sql(
        "SELECT u.article_id, count(*) FROM knowledge_use u JOIN incident i "
        "ON i.id = u.incident_id WHERE i.stage IN ('resolved', 'closed') AND u.article_id "
        f"IN ({', '.join('?' * len(article_ids))}) GROUP BY u.article_id",
        article_ids).fetchall())


_OPEN = ", ".join(f"'{s.value}'" for s in OPEN_STAGES)


def _open_of_caller(session: Session, caller_id: int) -> list[Suggestion]:
    rows = session.store.db.execute_sql(
        "SELECT id, number, title, stage, category_id, updated_at FROM incident "
        f"WHERE caller_id = ? AND stage IN ({_OPEN}) ORDER BY updated_at DESC LIMIT ?",
        (caller_id, OPEN_LIMIT)).fetchall()
    return [Suggestion("open", r[0], r[1], r[2], "", r[3], r[4], _moment(r[5]), 0.0, 0, ())
            for r in rows]


def _score(candidates: list[_Candidate], words: list[str], category_id: int | None,
           now: datetime) -> list[tuple[float, _Candidate, tuple[str, ...]]]:
    for candidate in candidates:
        candidate.places = _places(candidate, words)
    # a word that most candidates share says little about which one is meant
    total = len(candidates)
    df = {w: sum(1 for c in candidates if c.places and w in c.places) for w in words}
    weight = {w: math.log(1.0 + (total + 1) / (df[w] + 0.5)) for w in words}
    whole = sum(weight.values()) or 1.0
    scored = []
    for c in candidates:
        assert c.places is not None
        if not c.places:
            continue
        text_part = sum(weight[w] * place for w, place in c.places.items()) / whole
        same = 1.0 if category_id is not None and c.category_id == category_id else 0.0
        age = max(0.0, (now - c.at).total_seconds() / 86400.0)
        recent = 0.5 ** (age / HALF_LIFE)
        worked = min(1.0, math.log1p(c.worked) / math.log(11.0))
        score = W_TEXT * text_part + W_CATEGORY * same + W_RECENT * recent + W_WORKED * worked
        if c.kind == "article":
            score += W_REVIEWED
        common = tuple(w for w in words if w in c.places)
        scored.append((score, c, common))
    scored.sort(key=lambda item: (-item[0], item[1].kind != "article", -item[1].id))
    return scored


def _check(text: str, category_id: int | None, caller_id: int | None, limit: int) -> None:
    if len(text) > TEXT_MAX:
        raise ValidationError.single("text", "validation.too_long", max=TEXT_MAX)
    if not 0 < limit <= 100:
        raise ValidationError.single("limit", "validation.invalid_choice")


@checked
def suggest(session: Session, text: str, *, category_id: int | None = None,
            caller_id: int | None = None, limit: int = LIMIT) -> Suggestions:
    """The caller's open incidents, and up to ``limit`` resolved incidents and published
    articles like ``text`` (title and description as typed), best first."""
    _check(text, category_id, caller_id, limit)
    perm.require(session.is_system or bool(session.roles), "suggest")  # the CLI: system
    words = terms(text)
    expression = match_any(words)

    def run() -> Suggestions:
        opened = _open_of_caller(session, caller_id) if caller_id is not None else []
        if expression is None:
            return Suggestions(opened, [])
        candidates = _merge_alike(_incidents(session, words)
                                  + _articles(session, expression))
        scored = _score(candidates, words, category_id, session.clock.now())
        similar = [Suggestion(c.kind, c.id, c.number, c.title, c.resolution, c.stage,
                              c.category_id, c.at, round(score, 4), c.worked, common, c.alike)
                   for score, c, common in scored[:limit]]
        return Suggestions(opened, similar)

    return session.read(run)
