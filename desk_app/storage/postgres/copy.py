"""Copying a file's whole database to a server, and proving the copy.

Used twice: a new server database is a new file's (the latest schema, the reference data)
copied over; ``desk-app move`` copies a team's file. The copy runs in one server transaction
(a copy that fails half-way leaves nothing), with ``COPY`` for the rows; the foreign keys,
indexes and triggers come after the rows, so that tables fill in any order and no trigger
writes a second history of rows that already have one (the hash chain's links are copied
as they are, and the server checks them with the same SQL the file uses).

``fingerprint`` reads a table in its key's order and hashes every value as text: the file's
and the server's figures agree only if every row does (booleans are 1 and 0 in both).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desk_app import __version__
from desk_app.storage.postgres.schema import (
    VERSION_TABLE,
    Translation,
    functions_sql,
    translate_schema,
)


def schema_rows(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    return [tuple(r) for r in conn.execute(  # type: ignore[misc]
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid")]


def _order(columns: list[str]) -> str:
    key = "rowid" if "rowid" in columns else ("id" if "id" in columns else None)
    return f'"{key}"' if key else ", ".join(f'"{c}"' for c in columns)


def copy_file(conn: sqlite3.Connection, server: Any, version: int,
              progress: Callable[[str, int], None] | None = None) -> Translation:
    """Copy everything in the file ``conn`` reads into the server connection ``server`` (a
    psycopg connection, inside the caller's transaction): schema, rows, version."""
    plan = translate_schema(schema_rows(conn))
    cursor = server.cursor()
    for statement in functions_sql():
        cursor.execute(statement)
    cursor.execute(VERSION_TABLE)
    for statement in plan.tables:
        cursor.execute(statement)
    for table, columns in plan.columns.items():
        names = ", ".join(f'"{c}"' for c in columns)
        source = conn.execute(f'SELECT {names} FROM "{table}" ORDER BY {_order(columns)}')
        count = 0
        with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in source:
                copy.write_row(row)
                count += 1
        if progress is not None:
            progress(table, count)
    for table in plan.identities:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE((SELECT MAX("id") FROM "{table}"), 0) + 1, false)')
    for statement in [*plan.indexes, *plan.foreign_keys, *plan.triggers]:
        cursor.execute(statement)
    cursor.execute('INSERT INTO "schema_version" ("version", "program") VALUES (%s, %s)',
                   (version, __version__))
    cursor.execute("ANALYZE")
    return plan


@dataclass(frozen=True)
class TableFigures:
    rows: int
    checksum: str


def _normal(value: object) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


def fingerprint(rows: Any) -> TableFigures:
    """Row count and a checksum that does not depend on the order rows come in (a text key
    sorts by the server's collation, not SQLite's)."""
    digests = sorted(hashlib.sha256("\x1f".join(_normal(v) for v in row).encode("utf-8"))
                     .digest() for row in rows)
    return TableFigures(len(digests), hashlib.sha256(b"".join(digests)).hexdigest())


def file_figures(conn: sqlite3.Connection, plan: Translation) -> dict[str, TableFigures]:
    return {table: fingerprint(conn.execute(
        f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}" '
        f"ORDER BY {_order(cols)}"))
        for table, cols in plan.columns.items()}


def server_figures(server: Any, plan: Translation) -> dict[str, TableFigures]:
    result = {}
    for table, cols in plan.columns.items():
        cursor = server.cursor()
        cursor.execute(
            f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}" '
            f"ORDER BY {_order(cols)}")
        result[table] = fingerprint(cursor)
    return result
