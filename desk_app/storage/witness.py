"""Bringing a file made before schema 22 into the hash chain: its journal rows are linked in
the order they were written, then a first witness row is written for every person, their roles
and groups, every setting, matrix cell, escalation and incident, so that from then on each
one's current state is what its last witness says."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from desk_app.storage.chain import link, register_sqlite
from desk_app.storage.database import Store

INCIDENT_FIELDS = (
    "number, type, channel, caller_id, category_id, group_id, assignee_id, impact, urgency, "
    "priority, stage, wait_code_id, title, description, resolution, resolution_type, "
    "close_code_id, close_notes, satisfaction, confirmed_by_id, created_by_id, created_at, "
    "resolved_by_id, closed_by_id, linked_incident_id")
USER_CONTENT = ("json_array(username, full_name, email, phone, password_hash, active, locked, "
                "must_change_password)")
ESCALATION_CONTENT = ("json_array(incident_id, reason, at, acknowledged_at, acknowledged_by_id, "
                      "ack_comment)")
JOURNAL_CONTENT = "json_array(id, incident_id, at, actor_id, action, changes, note)"
WITNESS_CONTENT = "json_array(id, kind, ref, content)"
#: Journal rows linked per read when a file is brought into the chain.
CHAIN_BATCH = 20_000

#: What each kind of witnessed thing looks like now, as its witness row records it:
#: (kind, SQL giving ``ref, content`` for every current row).
CURRENT: dict[str, str] = {
    "user": f"SELECT CAST(id AS TEXT), {USER_CONTENT} FROM user",
    "roles": "SELECT CAST(u.id AS TEXT), (SELECT json_group_array(role) FROM (SELECT role "
             "FROM user_role WHERE user_id = u.id ORDER BY role)) FROM user u",
    "groups": "SELECT CAST(u.id AS TEXT), (SELECT json_group_array(group_id) FROM (SELECT "
              "group_id FROM group_member WHERE user_id = u.id ORDER BY group_id)) FROM user u",
    "setting": "SELECT key, json_array(value) FROM setting",
    "matrix": "SELECT CAST(id AS TEXT), json_array(impact, urgency, priority) FROM priority_cell",
    "escalation": f"SELECT CAST(id AS TEXT), {ESCALATION_CONTENT} FROM escalation",
    "incident": f"SELECT CAST(id AS TEXT), desk_digest(json_array({INCIDENT_FIELDS})) "
                "FROM incident",
}


def chain_existing(store: Store) -> None:
    """Run inside the upgrade's transaction (``migrations._apply``)."""
    chain_rows(store.db.execute_sql, store.db.cursor().executemany)


def chain_rows(execute: Callable[..., Any], executemany: Callable[..., Any]) -> None:
    """Link every journal row not yet linked (in the order written) after the chain's end,
    then write a first witness of everything. Works on a peewee database or a plain
    ``sqlite3`` connection with the chain functions registered (the benchmark generator)."""
    head = execute("SELECT seq, hash FROM chain_head WHERE id = 1").fetchone()
    seq, prev = (int(head[0]), str(head[1])) if head else (0, "")
    # in batches by id, so that memory stays small (a file of 1,000,000 incidents has 15
    # million journal rows); ``+seq`` keeps the read on the rows' own order, not the index
    # on seq, whose entries the updates move
    after = -1
    while True:
        rows = execute(f"SELECT id, {JOURNAL_CONTENT} FROM journal WHERE +seq IS NULL "
                       "AND id > ? ORDER BY id LIMIT ?", (after, CHAIN_BATCH)).fetchall()
        if not rows:
            break
        updates = []
        for row_id, payload in rows:
            seq += 1
            prev = link(prev, seq, "journal", payload)
            updates.append((seq, prev, row_id))
        executemany("UPDATE journal SET seq = ?, chain = ? WHERE id = ?", updates)
        after = rows[-1][0]
    execute("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", (seq, prev))
    for kind, sql in CURRENT.items():
        if kind == "roles" or kind == "groups":
            sql += " WHERE EXISTS (SELECT 1 FROM " + (
                "user_role" if kind == "roles" else "group_member") + " x WHERE x.user_id = u.id)"
        execute(f"INSERT INTO witness (kind, ref, content) SELECT '{kind}', * FROM ({sql})")


def restart_chain(conn: sqlite3.Connection) -> None:
    """For a file written row by row with the triggers dropped (the benchmark generator):
    forget the partial chain and link everything afresh."""
    register_sqlite(conn)
    conn.execute("DELETE FROM witness")
    conn.execute("UPDATE chain_head SET seq = 0, hash = '' WHERE id = 1")
    conn.execute("UPDATE journal SET seq = NULL, chain = NULL")
    chain_rows(conn.execute, conn.executemany)
