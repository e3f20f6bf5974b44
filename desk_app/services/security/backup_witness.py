"""The daily backups as a second witness of the hash chain (issue 13).

A backup holds the chain's end as it was when it was taken. If the file no longer holds that
entry as it was, its history was rewritten since — even by someone who rebuilt a consistent
chain, and even on a workstation that remembers nothing of the file (a new PC, a cleared
profile). A restore starts a new generation of the file on purpose: only the backups of the
file's current generation (and its identity) are witnesses, so a restore is not a finding.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from desk_app.storage.backup import list_backups
from desk_app.storage.database import Store
from desk_app.storage.uri import sqlite_uri

#: The schema that brought the hash chain (older backups witness nothing).
CHAIN_SCHEMA = 22
#: How many of the newest backups are read (each is one small read of three rows).
LIMIT = 30


@dataclass(frozen=True)
class Witness:
    """What one backup says of the file: its chain end, generation and identity."""

    name: str
    seq: int
    chain: str
    generation: int
    file_id: str


def _read(conn: sqlite3.Connection) -> tuple[int, str, int, str] | None:
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) < CHAIN_SCHEMA:
        return None
    head = conn.execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone()
    maintenance = conn.execute("SELECT generation FROM maintenance WHERE id = 1").fetchone()
    file_id = conn.execute("SELECT value FROM setting WHERE key = 'security.file_id'"
                           ).fetchone()
    if head is None:
        return None
    return (int(head[0]), str(head[1]), int(maintenance[0]) if maintenance else 0,
            str(file_id[0]) if file_id else "")


def witnesses(store: Store) -> Iterator[Witness]:
    """The chain ends the newest backups of this file hold; unreadable ones are skipped
    (the backup list shows them as damaged)."""
    for info in list_backups(store.path)[:LIMIT]:
        try:
            conn = sqlite3.connect(sqlite_uri(info.path, mode="ro"), uri=True)
        except sqlite3.Error:
            continue
        try:
            found = _read(conn)
        except sqlite3.Error:
            found = None
        finally:
            conn.close()
        if found is not None:
            yield Witness(info.path.name, *found)


def backup_findings(store: Store) -> Iterator[tuple[str, dict[str, object]]]:
    """One finding per backup of the file's current generation whose chain end the file no
    longer holds as it was (run inside the check's read transaction)."""
    head = store.execute("SELECT seq FROM chain_head WHERE id = 1")
    if not head:
        return
    live_seq = int(head[0][0])
    generation = store.execute("SELECT generation FROM maintenance WHERE id = 1")
    live_generation = int(generation[0][0]) if generation else 0
    file_id_rows = store.execute("SELECT value FROM setting WHERE key = 'security.file_id'")
    file_id = str(file_id_rows[0][0]) if file_id_rows else ""
    for witness in witnesses(store):
        if witness.generation != live_generation or witness.file_id != file_id \
                or witness.seq == 0:
            continue
        rows = [] if witness.seq > live_seq else store.execute(
            "SELECT chain FROM journal WHERE seq = ? UNION ALL "
            "SELECT chain FROM witness WHERE seq = ?", (witness.seq, witness.seq))
        if len(rows) != 1 or rows[0][0] != witness.chain:
            yield "check.history_rewritten_since_backup", {"backup": witness.name,
                                                           "seq": witness.seq}
