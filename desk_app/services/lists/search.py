"""Finding an incident by its number, its caller, or words in its text.

Text is searched in the ``incident_search`` full-text index (migration 0003), which the
database keeps in step with every write; Chinese is indexed and queried as bigrams
(``desk_app.storage.segment``), so two-character words such as 网络 are found. Results are
ranked: an exact number first, then incidents of callers whose name matches (most recently
updated first), then text matches by BM25 with the title weighted highest, among the most
recent ``RANKED`` incidents that match.

Why only those: BM25 costs the full-text index a look at every matching document (its
length, where the words fall), and a common word matches a quarter of a desk's incidents:
网络 matches 27,000 of 100,000, whose ranking took 20 ms of the search's 40 (and would
take 200 ms at a million). Newest first is how FTS5 reads its matches anyway (by rowid,
which is the incident id), so the newest 2,000 are read at once and only they are ranked:
the search costs the same at any size, a rare word (under 2,000 matches) is ranked exactly
as before, and for a common one the best of the recent incidents come first, which is
what a desk searching for a current problem wants (docs/performance.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from desk_app.domain.enums import Stage
from desk_app.errors import ValidationError
from desk_app.services.session import Session
from desk_app.storage.segment import match_query

LIMIT = 50
#: The longest search text: a sentence or two; longer text is no query a person types.
SEARCH_MAX = 500
#: Incidents of matching callers, at most; a common name must not crowd out text matches.
CALLER_LIMIT = 20
#: Text matches ranked, at most: the newest this many (see the module's docstring).
RANKED = 2000
#: BM25 weights of the index columns: title, description, notes, resolution.
WEIGHTS = (10.0, 3.0, 2.0, 3.0)

_NUMBER = re.compile(r"^\s*(?:INC)?0*(\d{1,9})\s*$", re.IGNORECASE)


class Match(StrEnum):
    NUMBER = "number"
    CALLER = "caller"
    TEXT = "text"


@dataclass(frozen=True)
class SearchHit:
    id: int
    number: str
    title: str
    stage: Stage
    pending: bool
    priority: int
    caller: str
    updated_at: datetime
    match: Match


_COLUMNS = """i.id, i.number, i.title, i.stage, i.wait_code_id IS NOT NULL, i.priority,
              c.name, i.updated_at"""


def _hit(row: tuple, match: Match) -> SearchHit:
    return SearchHit(row[0], row[1], row[2], Stage(row[3]), bool(row[4]), row[5], row[6],
                     datetime.fromtimestamp(row[7], UTC), match)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _clean(text: object) -> str:
    if not isinstance(text, str) or "\x00" in text or any(
            "\ud800" <= ch <= "\udfff" for ch in text):
        raise ValidationError.single("search", "validation.bad_characters")
    query = text.strip()
    if len(query) > SEARCH_MAX:
        raise ValidationError.single("search", "validation.search_too_long", max=SEARCH_MAX)
    return query


def every_match(session: Session, text: str) -> list[int]:
    """The ids of every incident the search box would find for ``text``, not only the best
    ``limit``: the number, then the callers' incidents (newest first), then the word matches
    (newest first). An export or a bulk action over a search takes all of them."""
    query = _clean(text)
    if not query:
        return []

    def run() -> list[int]:
        db = session.store.db
        found: dict[int, None] = {}
        number = _NUMBER.match(query)
        if number:
            found.update((row[0], None) for row in db.execute_sql(
                "SELECT id FROM incident WHERE number = ?",
                (f"INC{int(number.group(1)):07d}",)))
        found.update((row[0], None) for row in db.execute_sql(
            "SELECT i.id FROM incident i WHERE i.caller_id IN (SELECT id FROM caller "
            "WHERE name LIKE ? ESCAPE '\\' OR (phone <> '' AND phone = ?)) "
            "ORDER BY +i.updated_at DESC", (_like(query), query)))
        expression = match_query(query)
        if expression is not None:
            found.update((row[0], None) for row in db.execute_sql(
                "SELECT rowid FROM incident_search WHERE incident_search MATCH ? "
                "ORDER BY rowid DESC", (expression,)))
        return list(found)

    return session.read(run)


def search(session: Session, text: str, limit: int = LIMIT) -> list[SearchHit]:
    """Up to ``limit`` incidents for what a person typed into the search box, best first.
    Text that is not text, holds a NUL or lone surrogates, or is longer than a search box
    needs is refused with a message (a NUL matched every caller; 17,000 Chinese characters
    made SQLite's LIKE pattern too complex)."""
    query = _clean(text)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 0 < limit <= 1000:
        raise ValidationError.single("limit", "validation.invalid_choice")
    if not query:
        return []

    def run() -> list[SearchHit]:
        db = session.store.db
        hits: list[SearchHit] = []
        seen: set[int] = set()

        def add(rows: list[tuple], match: Match) -> None:
            for row in rows:
                if row[0] not in seen and len(hits) < limit:
                    seen.add(row[0])
                    hits.append(_hit(row, match))

        number = _NUMBER.match(query)
        if number:
            add(db.execute_sql(
                f"SELECT {_COLUMNS} FROM incident i JOIN caller c ON c.id = i.caller_id "
                "WHERE i.number = ?", (f"INC{int(number.group(1)):07d}",)).fetchall(),
                Match.NUMBER)
        callers = [r[0] for r in db.execute_sql(
            "SELECT id FROM caller WHERE name LIKE ? ESCAPE '\\' OR (phone <> '' AND phone = ?)",
            (_like(query), query)).fetchall()]
        if callers:
            # "+" keeps the planner on the caller index instead of walking every incident
            # in updated_at order looking for these callers
            marks = ", ".join("?" * len(callers))
            add(db.execute_sql(
                f"SELECT {_COLUMNS} FROM incident i JOIN caller c ON c.id = i.caller_id "
                f"WHERE i.caller_id IN ({marks}) ORDER BY +i.updated_at DESC LIMIT ?",
                (*callers, CALLER_LIMIT)).fetchall(), Match.CALLER)
        expression = match_query(query)
        if expression is not None and len(hits) < limit:
            weights = ", ".join(str(w) for w in WEIGHTS)
            # rank the newest matches by themselves, then read the few incidents shown
            add(db.execute_sql(
                f"SELECT {_COLUMNS} FROM (SELECT rowid AS id, score FROM ("
                f"SELECT rowid, bm25(incident_search, {weights}) AS score "
                "FROM incident_search WHERE incident_search MATCH ? ORDER BY rowid DESC "
                "LIMIT ?) ORDER BY score LIMIT ?) best "
                "JOIN incident i ON i.id = best.id JOIN caller c ON c.id = i.caller_id "
                "ORDER BY best.score",
                (expression, RANKED, limit + len(hits))).fetchall(), Match.TEXT)
        return hits

    return session.read(run)
