"""The hash chain checked (``desk-app check`` and the Database file page).

Two questions, both answered from the file alone:

* Is the chain whole? Every journal and witness row must carry the link its content and the
  previous link give, the sequence must have no holes, and its end must be ``chain_head``.
  A row edited, deleted or inserted with the triggers dropped breaks it at that row.
* Is everything what its last witness says? Each person, their roles and groups, each setting,
  matrix cell, escalation and incident must equal (or hash to) the content of its latest
  witness row; a row changed, added or deleted behind the triggers disagrees.

Someone who knows the algorithm can rebuild a consistent chain; that is what the head each
workstation remembers (``head_witness``) and the daily backups are for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from desk_app.storage.chain import link
from desk_app.storage.witness import CURRENT, JOURNAL_CONTENT, WITNESS_CONTENT

Rows = Callable[[str], list[tuple]]

#: The finding key for a thing that disagrees with its witness, by witness kind.
DISAGREES = {
    "user": "check.person_disagrees",
    "roles": "check.roles_disagree",
    "groups": "check.groups_disagree",
    "setting": "check.setting_disagrees",
    "matrix": "check.matrix_disagrees",
    "escalation": "check.escalation_disagrees",
    "incident": "check.incident_disagrees",
}


def chain_findings(rows: Rows, numbers: dict[int, str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The findings as (message key, parameters)."""
    if not rows("SELECT name FROM sqlite_master WHERE name = 'chain_head'"):
        return
    names = dict(rows("SELECT CAST(id AS TEXT), username FROM user"))
    yield from _links(rows, numbers, names)
    yield from _witnessed(rows, numbers, names)


def _describe(kind: str, ref: str, numbers: dict[int, str], names: dict[str, str]) -> str:
    """The thing a chained row speaks of, for the reader: an incident number, a user name,
    a setting key."""
    if kind == "journal":
        return numbers.get(int(ref), f"#{ref}")
    what, _, key = ref.partition(":")
    if what in ("user", "roles", "groups"):
        return names.get(key, f"#{key}")
    if what == "incident":
        return numbers.get(int(key), f"#{key}")
    return key


def _links(rows: Rows, numbers: dict[int, str], names: dict[str, str]
           ) -> Iterator[tuple[str, dict[str, Any]]]:
    chained = rows(
        f"SELECT seq, 'journal', {JOURNAL_CONTENT}, chain, CAST(incident_id AS TEXT) "
        f"FROM journal UNION ALL SELECT seq, 'witness', {WITNESS_CONTENT}, chain, "
        "kind || ':' || ref FROM witness ORDER BY 1")
    prev, expected = "", 1
    for seq, kind, payload, chain, ref in chained:
        what = _describe(kind, ref, numbers, names)
        if seq is None:
            yield "check.chain_unlinked", {"what": what}
            continue
        if seq < expected:
            yield "check.chain_duplicate", {"what": what, "seq": seq}
            continue
        if seq > expected:
            yield "check.chain_missing", {"first": expected, "last": seq - 1, "what": what}
        elif link(prev, seq, kind, payload) != chain:
            yield "check.chain_edited", {"what": what, "seq": seq}
        prev, expected = chain or "", seq + 1
    head = rows("SELECT seq, hash FROM chain_head WHERE id = 1")
    if not head or head[0][0] != expected - 1 or head[0][1] != prev:
        yield "check.chain_head", {"seq": expected - 1}


def _witnessed(rows: Rows, numbers: dict[int, str], names: dict[str, str]
               ) -> Iterator[tuple[str, dict[str, Any]]]:
    for kind, sql in CURRENT.items():
        last: dict[str, str | None] = {}
        for ref, content in rows(
                f"SELECT ref, content FROM witness WHERE kind = '{kind}' ORDER BY id"):
            last[str(ref)] = content
        now = {str(ref): content for ref, content in rows(sql)}
        empty = "[]" if kind in ("roles", "groups") else None
        for ref in sorted(set(last) | set(now), key=_order):
            if last.get(ref, empty) == now.get(ref, empty):
                continue
            what = _describe("witness", f"{kind}:{ref}", numbers, names)
            if ref not in now and last.get(ref) is not None:
                yield f"{DISAGREES[kind]}_deleted", {"what": what}
            else:
                yield DISAGREES[kind], {"what": what}


def _order(ref: str) -> tuple[int, str]:
    return (int(ref), "") if ref.isdigit() else (0, ref)
