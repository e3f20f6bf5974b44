"""A peer's schema, for baselines that compare with what another helpdesk writes.

django-helpdesk (2.6) keeps a ticket in ``helpdesk_ticket`` and every entry of its history
in ``helpdesk_followup``; creating a ticket writes one row in each. The tables below are
its SQLite schema as its migrations leave it (columns, types and indexes), filled to the
same size as the generated desk so that the B-trees a new ticket lands in are as deep as
ours. A baseline then logs a ticket the way that peer stores one, at its cheapest: both
rows in one ``BEGIN IMMEDIATE`` transaction, through plain ``sqlite3``, with the same
journal mode and synchronous setting as the product.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

SCHEMA = [
    'CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,'
    ' "username" varchar(150) NOT NULL UNIQUE, "email" varchar(254) NOT NULL)',
    'CREATE TABLE "helpdesk_queue" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,'
    ' "title" varchar(100) NOT NULL, "slug" varchar(50) NOT NULL UNIQUE)',
    'CREATE TABLE "helpdesk_ticket" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,'
    ' "title" varchar(200) NOT NULL, "created" datetime NOT NULL, "modified" datetime NOT'
    ' NULL, "submitter_email" varchar(254) NULL, "status" integer NOT NULL, "on_hold" bool'
    ' NOT NULL, "description" text NULL, "resolution" text NULL, "priority" integer NOT'
    ' NULL, "due_date" datetime NULL, "last_escalation" datetime NULL, "secret_key"'
    ' varchar(36) NOT NULL, "assigned_to_id" integer NULL REFERENCES "auth_user" ("id")'
    ' DEFERRABLE INITIALLY DEFERRED, "queue_id" integer NOT NULL REFERENCES'
    ' "helpdesk_queue" ("id") DEFERRABLE INITIALLY DEFERRED, "kbitem_id" integer NULL,'
    ' "merged_to_id" integer NULL REFERENCES "helpdesk_ticket" ("id") DEFERRABLE INITIALLY'
    ' DEFERRED)',
    'CREATE INDEX "helpdesk_ticket_assigned_to_id" ON "helpdesk_ticket" ("assigned_to_id")',
    'CREATE INDEX "helpdesk_ticket_queue_id" ON "helpdesk_ticket" ("queue_id")',
    'CREATE INDEX "helpdesk_ticket_kbitem_id" ON "helpdesk_ticket" ("kbitem_id")',
    'CREATE INDEX "helpdesk_ticket_merged_to_id" ON "helpdesk_ticket" ("merged_to_id")',
    'CREATE TABLE "helpdesk_followup" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,'
    ' "date" datetime NOT NULL, "title" varchar(200) NULL, "comment" text NULL, "public"'
    ' bool NOT NULL, "new_status" integer NULL, "ticket_id" integer NOT NULL REFERENCES'
    ' "helpdesk_ticket" ("id") DEFERRABLE INITIALLY DEFERRED, "user_id" integer NULL'
    ' REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED, "message_id"'
    ' varchar(256) NULL, "time_spent" bigint NULL)',
    'CREATE INDEX "helpdesk_followup_ticket_id" ON "helpdesk_followup" ("ticket_id")',
    'CREATE INDEX "helpdesk_followup_user_id" ON "helpdesk_followup" ("user_id")',
]

#: Followups per ticket in the filled file (the generated desk has about six journal rows
#: per incident).
FOLLOWUPS = 6
QUEUES = 12
USERS = 40


def _moment(at: datetime) -> str:
    """A datetime as Django's SQLite backend stores one."""
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def build(path: Path, tickets: int, now: datetime) -> None:
    """Create ``path`` with ``tickets`` tickets and their followups (deterministic)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        for statement in SCHEMA:
            conn.execute(statement)
        conn.executemany('INSERT INTO auth_user (username, email) VALUES (?, ?)',
                         [(f"agent{i}", f"agent{i}@example.org") for i in range(USERS)])
        conn.executemany('INSERT INTO helpdesk_queue (title, slug) VALUES (?, ?)',
                         [(f"Queue {i}", f"queue-{i}") for i in range(QUEUES)])
        start = now - timedelta(days=730)
        step = timedelta(days=730) / max(tickets, 1)
        conn.executemany(
            'INSERT INTO helpdesk_ticket (title, created, modified, submitter_email, status,'
            ' on_hold, description, resolution, priority, secret_key, assigned_to_id,'
            ' queue_id) VALUES (?, ?, ?, ?, 4, 0, ?, ?, 3, ?, ?, ?)',
            ((f"Ticket {i}", _moment(start + step * i), _moment(start + step * i),
              f"caller{i % 997}@example.org", f"Description of ticket {i}",
              "Resolved", str(uuid.UUID(int=i)), 1 + i % USERS, 1 + i % QUEUES)
             for i in range(tickets)))
        conn.executemany(
            'INSERT INTO helpdesk_followup (date, title, comment, public, new_status,'
            ' ticket_id, user_id) VALUES (?, ?, ?, 1, NULL, ?, ?)',
            ((_moment(start + step * (i // FOLLOWUPS)), "Comment", f"Followup {i}",
              1 + i // FOLLOWUPS, 1 + i % USERS) for i in range(tickets * FOLLOWUPS)))
        conn.execute("COMMIT")
    finally:
        conn.close()


def log_ticket(conn: sqlite3.Connection, now: datetime, title: str, description: str) -> int:
    """A new ticket and its first followup, in one transaction, as that peer stores them."""
    at = _moment(now)
    conn.execute("BEGIN IMMEDIATE")
    try:
        cursor = conn.execute(
            'INSERT INTO helpdesk_ticket (title, created, modified, submitter_email, status,'
            ' on_hold, description, resolution, priority, secret_key, assigned_to_id,'
            ' queue_id) VALUES (?, ?, ?, ?, 1, 0, ?, NULL, 3, ?, NULL, 1)',
            (title, at, at, "caller@example.org", description, str(uuid.uuid4())))
        ticket_id = int(cursor.lastrowid or 0)
        conn.execute(
            'INSERT INTO helpdesk_followup (date, title, comment, public, new_status,'
            ' ticket_id, user_id) VALUES (?, ?, ?, 1, 1, ?, 1)',
            (at, "Ticket Opened", description, ticket_id))
        conn.execute("COMMIT")
        return ticket_id
    except BaseException:
        conn.execute("ROLLBACK")
        raise
