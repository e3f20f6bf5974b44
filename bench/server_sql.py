"""The baselines' plain connection on a server: the file's hand-written statements, put in
PostgreSQL's dialect, through plain ``psycopg``.

The core benchmarks' baselines are written once, by hand, in SQLite's dialect (``?``
placeholders, ``user`` unquoted, FTS5's ``MATCH`` and ``bm25``). On a server the same
statements are read by the program's own dialect translation (``postgres.dialect.
translate``, cached: a dictionary look-up per statement) and run by psycopg with nothing
of the program between: no peewee, no store, no write lock. ``BEGIN IMMEDIATE`` is a plain
``BEGIN`` (PostgreSQL takes row locks as it writes). An ``INSERT`` whose ``lastrowid`` is
read gets ``RETURNING id``, PostgreSQL's way of saying it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import psycopg

from desk_app.storage.postgres.dialect import translate
from desk_app.storage.postgres.url import ServerAddress

_INSERT_INTO = re.compile(r"^\s*INSERT\s+INTO\s+\"?(\w+)\"?", re.IGNORECASE)
#: a baseline's "(1)" where a condition goes (``queue_sql``'s "no narrowing"): TRUE here
_TRUE_BEFORE = re.compile(r"\(1\)(?=\s+AND\b)")
#: ``user.id``: a column of the table named by the reserved word, quoted here
_USER_COLUMN = re.compile(r'(?<![\w".])user\.(?=\w)')
_TRUE_AFTER = re.compile(r"(\b(?:AND|WHERE)\s+)\(1\)")


def _sql(sql: str) -> str:
    """``translate``, a bare "(1)" condition as PostgreSQL's TRUE, and an empty list
    (``IN ()``, an empty queue's page) as one that matches nothing."""
    sql = translate(_USER_COLUMN.sub('"user".', sql))
    return _TRUE_AFTER.sub(r"\1(TRUE)", _TRUE_BEFORE.sub("(TRUE)", sql)).replace(
        "IN ()", "IN (NULL)")


class ServerCursor:
    """What the baselines use of a ``sqlite3.Cursor``: rows, ``description``, ``lastrowid``."""

    def __init__(self, cursor: psycopg.Cursor[Any], lastrowid: int | None = None) -> None:
        self.cursor = cursor
        self.lastrowid = lastrowid
        self.description = cursor.description

    def fetchone(self) -> Any:
        return self.cursor.fetchone() if self.cursor.description else None

    def fetchall(self) -> list[Any]:
        return self.cursor.fetchall() if self.cursor.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class ServerConnection:
    """``execute``/``executemany``/``close`` as a ``sqlite3.Connection`` in autocommit
    mode (``isolation_level=None``), which is how the baselines open theirs."""

    def __init__(self, url: str, literals: dict[str, str] | None = None) -> None:
        """``literals``: pieces of a statement spelled otherwise on a server (a boolean
        column's 0 written as FALSE), replaced before the translation."""
        self.literals = literals or {}
        address = ServerAddress.parse(url)
        self.conn = psycopg.connect(**address.connect_kwargs(), dbname=address.database,
                                    autocommit=True)
        self._ids: dict[str, bool] = {}

    def _has_id(self, table: str) -> bool:
        if table not in self._ids:
            self._ids[table] = self.conn.execute(
                "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE"
                " table_schema = current_schema() AND table_name = %s AND column_name = 'id')",
                (table,)).fetchone()[0]  # type: ignore[index]
        return self._ids[table]

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> ServerCursor:
        for piece, spelled in self.literals.items():
            sql = sql.replace(piece, spelled)
        head = sql.lstrip().upper()
        if head.startswith("BEGIN"):
            sql = "BEGIN"
        elif head.startswith("PRAGMA"):
            raise ValueError(f"not for a server: {sql}")
        insert = _INSERT_INTO.match(sql)
        if insert and "RETURNING" not in head and self._has_id(insert.group(1).lower()):
            cursor = self.conn.execute(_sql(sql).rstrip().rstrip(";") + " RETURNING id",
                                       tuple(params or ()))
            return ServerCursor(cursor, cursor.fetchone()[0])  # type: ignore[index]
        return ServerCursor(self.conn.execute(_sql(sql) if params else  # type: ignore[arg-type]
                                              _sql(sql).replace("%%", "%"),
                                              tuple(params) if params else None))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(_sql(sql), list(rows))  # type: ignore[arg-type]

    def close(self) -> None:
        self.conn.close()
