"""What ``desk-app check`` checks on a server beside the product's invariants.

A file's check begins with SQLite's ``integrity_check`` of its pages and indexes. A server
keeps its own storage; what can be checked of it from the program is:

* **its pages and indexes**, with PostgreSQL's ``amcheck`` extension when the database has it
  and the account may use it (``bt_index_check`` of every index of the desk's tables, and
  ``verify_heapam`` of every table in the full check); otherwise the check says plainly
  that the storage was not checked, and why;
* **the triggers** the schema defines (``storage.migrations``, translated by ``schema``): the
  hash chain, the witnesses and the word index are written by them, so a trigger missing or
  disabled is a finding (an edit made while it was off is caught by the chain check too);
* **the functions** of functions.sql the triggers and the program's SQL call: a function
  whose body is not this program's is a finding.

Foreign keys are checked through ``PRAGMA foreign_key_check``, which the dialect reads as
``desk_foreign_key_check()`` (functions.sql).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import peewee

from desk_app.errors import DatabaseReadOnly
from desk_app.storage import migrations
from desk_app.storage.postgres.schema import FILE_ONLY, functions_sql

Rows = Callable[[str], list[tuple]]

_CREATE = re.compile(r'CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?.*?\bON\s+"?(\w+)"?',
                     re.IGNORECASE | re.DOTALL)
_DROP = re.compile(r'DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?"?(\w+)"?', re.IGNORECASE)
_FUNCTION = re.compile(r"CREATE\s+OR\s+REPLACE\s+FUNCTION\s+(\w+)\s*\(.*?\bAS\s+\$\$(.*?)\$\$",
                       re.IGNORECASE | re.DOTALL)


def expected_triggers() -> dict[str, str]:
    """Every trigger the schema defines on a server (name → table), from the migrations."""
    found: dict[str, str] = {}
    for migration in migrations.MIGRATIONS:
        for statement in migrations.statements(migration.sql_file):
            head = statement.lstrip()[:40].upper()
            if head.startswith("CREATE TRIGGER"):
                match = _CREATE.match(statement.strip())
                if match and not match.group(1).startswith(FILE_ONLY):
                    found[match.group(1)] = match.group(2)
            elif head.startswith("DROP TRIGGER"):
                dropped = _DROP.match(statement.strip())
                if dropped:
                    found.pop(dropped.group(1), None)
    return found


def expected_functions() -> dict[str, set[str]]:
    """The bodies functions.sql gives each function (name → bodies, one per overload)."""
    bodies: dict[str, set[str]] = {}
    for statement in functions_sql():
        match = _FUNCTION.search(statement)
        if match:
            bodies.setdefault(match.group(1).lower(), set()).add(match.group(2))
    return bodies


def trigger_findings(rows: Rows) -> Iterator[tuple[str, dict[str, Any]]]:
    """A trigger of the schema that is missing or switched off."""
    present = {name: (table, enabled) for name, table, enabled in rows(
        "SELECT t.tgname::text, c.relname::text, t.tgenabled::text FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal "
        "AND c.relnamespace = current_schema()::regnamespace")}
    for name, table in sorted(expected_triggers().items()):
        if name not in present or present[name][0] != table:
            yield "check.server_trigger_missing", {"trigger": name, "table": table}
        elif present[name][1] == "D":
            yield "check.server_trigger_disabled", {"trigger": name, "table": table}


def function_findings(rows: Rows) -> Iterator[tuple[str, dict[str, Any]]]:
    """A function of functions.sql that is missing or whose body is not this program's."""
    found: dict[str, set[str]] = {}
    for name, body in rows("SELECT p.proname::text, p.prosrc FROM pg_proc p "
                           "WHERE p.pronamespace = current_schema()::regnamespace"):
        found.setdefault(str(name).lower(), set()).add(str(body))
    for name, bodies in sorted(expected_functions().items()):
        if not bodies <= found.get(name, set()):
            yield "check.server_function_differs", {"function": name}


@dataclass
class StorageCheck:
    """The server's pages and indexes: ``checked`` with amcheck (``problems`` found), or
    not, and ``why`` (a message key)."""

    checked: bool
    problems: list[str] = field(default_factory=list)
    why: str = ""


def storage_check(read: Callable[[Callable[[], Any]], Any], execute: Callable[..., list[tuple]],
                  quick: bool) -> StorageCheck:
    """amcheck over the desk's tables and indexes (``read`` runs a function in a read
    transaction; ``execute`` runs one statement in it). Each object is checked in a
    transaction of its own: a damaged index raises an error, which ends its transaction."""
    def installed() -> bool:
        return bool(execute("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'"))

    if not read(installed):
        return StorageCheck(False, why="check.server.amcheck_missing")
    objects = read(lambda: execute(
        "SELECT c.oid::bigint, c.relname::text, c.relkind::text FROM pg_class c "
        "LEFT JOIN pg_index i ON i.indexrelid = c.oid "
        "LEFT JOIN pg_am a ON a.oid = c.relam "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relpersistence = 'p' "
        "AND (c.relkind = 'r' OR (c.relkind = 'i' AND a.amname = 'btree')) ORDER BY 2"))
    problems: list[str] = []
    for oid, name, kind in objects:
        if kind == "r" and quick:
            continue
        if kind == "r":
            sql = ("SELECT blkno, offnum, msg FROM verify_heapam(?::bigint::oid) "
                   "LIMIT 10")
        else:
            sql = ("SELECT 'index', NULL, NULL FROM (SELECT bt_index_check(?::bigint::oid, "
                   f"{'false' if quick else 'true'})) AS checked WHERE false")
        try:
            for block, offset, message in read(partial(execute, sql, (oid,))):
                problems.append(f"{name} (block {block}, item {offset}): {message}")
        except DatabaseReadOnly:  # the account may not run amcheck (superusers may)
            return StorageCheck(False, why="check.server.amcheck_denied")
        except peewee.DatabaseError as error:  # damage: the server's own words, reported
            text = str(error.__cause__ or error).strip().splitlines()
            problems.append(f"{name}: {text[0] if text else repr(error)}")
    return StorageCheck(True, problems)
