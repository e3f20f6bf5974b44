"""Reaching a team's server before using it: what a connection attempt says, in words a
person can act on, and whether this account may make a desk there.

What failed is told from the server's SQLSTATE and libpq's own state (``failures``), not
from their words, so a server that speaks another language is understood as well.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from desk_app.errors import DatabaseIOError, StorageError
from desk_app.storage.postgres.failures import (
    LOST,
    NO_DATABASE,
    NOT_ALLOWED,
    OTHER,
    PASSWORD_MISSING,
    PASSWORD_REFUSED,
    TLS,
    UNREACHABLE,
    failure_kind,
)
from desk_app.storage.postgres.url import ServerAddress

__all__ = [
    "NOT_ALLOWED",
    "NO_DATABASE",
    "OTHER",
    "PASSWORD_MISSING",
    "PASSWORD_REFUSED",
    "TLS",
    "UNREACHABLE",
    "Reach",
    "ServerPasswordNeeded",
    "ServerUnreachable",
    "connect_error",
    "connect_failure",
    "create_database",
    "lost_error",
    "reach",
]


def connect_failure(error: BaseException, address: ServerAddress | None = None,
                    database: str | None = None) -> str:
    """Which kind of failure (``failures``) a failed connection to ``address`` is; without
    an address, only what the error itself carries is read."""
    if address is None:
        return failure_kind(error)
    return failure_kind(error, _kwargs(address, database or address.database))


def _kwargs(address: ServerAddress, database: str) -> dict[str, Any]:
    kwargs = address.connect_kwargs()
    kwargs.setdefault("connect_timeout", 10)
    kwargs["dbname"] = database
    return kwargs


class ServerPasswordNeeded(DatabaseIOError):
    """The server wants a password this workstation does not have, or refused the one it
    had: the workstation asks for it (``refused``: the one given was wrong)."""

    def __init__(self, where: str, refused: bool) -> None:
        self.where = where
        self.refused = refused
        #: when the server said so (a password given since then may already be the cure)
        self.when = time.monotonic()
        StorageError.__init__(self, "error.server.password_refused" if refused
                              else "error.server.password_missing", where=where)


class ServerUnreachable(DatabaseIOError):
    """The server could not be reached, or refused this workstation for another reason that
    the person can name (TLS, no such database, not allowed)."""

    def __init__(self, where: str, kind: str, detail: str) -> None:
        self.where = where
        self.kind = kind
        StorageError.__init__(self, f"error.server.{kind}", where=where,
                              detail=" ".join(line.strip() for line in detail.splitlines()
                                              if line.strip()))


def connect_error(address: ServerAddress, error: BaseException,
                  database: str | None = None, *, kwargs: dict[str, Any] | None = None,
                  started: float | None = None) -> StorageError:
    """The storage error a failed connection to ``address`` (its ``database``, else the
    one it names) means; ``kwargs``: what the attempt connected with, tried again to see why
    it failed; ``started``: when it began (a password given since then may be the cure)."""
    if kwargs is None:
        kind = connect_failure(error, address, database)
    else:
        kind = failure_kind(error, {**kwargs, "dbname": database or address.database})
    found = _error(address, kind, error)
    if isinstance(found, ServerPasswordNeeded) and started is not None:
        found.when = started
    return found


def lost_error(address: ServerAddress, error: BaseException) -> StorageError:
    """The storage error of a connection lost while in use (``error``: what the call
    failed with, the driver's own exception or the storage error made of it)."""
    seen = error.__cause__ if isinstance(error, StorageError) and error.__cause__ else error
    return ServerUnreachable(address.display(), LOST, _detail(seen))


def _error(address: ServerAddress, kind: str, error: BaseException) -> StorageError:
    where = address.display()
    if kind in (PASSWORD_MISSING, PASSWORD_REFUSED):
        return ServerPasswordNeeded(where, refused=kind == PASSWORD_REFUSED)
    return ServerUnreachable(where, kind, _detail(error))


def _detail(error: BaseException) -> str:
    text = str(error)
    return text.rsplit("failed:", 1)[-1].strip() if "failed:" in text else text


@dataclass(frozen=True)
class Reach:
    """What the server said when asked for the database ``address`` names."""

    #: "desk" (a desk-app database), "empty" (a database holding no desk), "newer" (a desk
    #: made by a newer program), or a connection failure (the kinds above).
    outcome: str
    detail: str = ""
    schema_version: int = 0
    #: This account may make a desk there (create the database, or the schema in it).
    may_create: bool = False
    error: StorageError | None = None


def _connect(address: ServerAddress, database: str) -> Any:
    import psycopg

    return psycopg.connect(**_kwargs(address, database), autocommit=True)


def reach(address: ServerAddress) -> Reach:
    """Try the server now: can it be reached, does it take the password, is the database
    there and a desk's, and may this account make one. Changes nothing."""
    import psycopg

    from desk_app.storage import migrations

    try:
        conn = _connect(address, address.database)
    except psycopg.OperationalError as error:
        kind = connect_failure(error, address)
        if kind == NO_DATABASE:
            return Reach(NO_DATABASE, _detail(error), may_create=_may_create_database(address))
        return Reach(kind, _detail(error), error=_error(address, kind, error))
    try:
        found = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
        if not (found and found[0]):
            allowed = conn.execute(
                "SELECT has_database_privilege(current_database(), 'CREATE') "
                "AND has_schema_privilege('public', 'CREATE')").fetchone()
            return Reach("empty", may_create=bool(allowed and allowed[0]))
        row = conn.execute('SELECT max("version") FROM "schema_version"').fetchone()
        version = int(row[0] or 0) if row else 0
        if version > migrations.LATEST:
            return Reach("newer", schema_version=version)
        return Reach("desk", schema_version=version)
    except psycopg.Error as error:
        kind = connect_failure(error)  # refused on a working connection: its SQLSTATE
        return Reach(kind, _detail(error), error=_error(address, kind, error))
    finally:
        conn.close()


def _may_create_database(address: ServerAddress) -> bool:
    import psycopg

    try:
        conn = _connect(address, "postgres")
    except psycopg.Error:
        return False
    try:
        row = conn.execute("SELECT rolcreatedb OR rolsuper FROM pg_roles "
                           "WHERE rolname = current_user").fetchone()
        return bool(row and row[0])
    finally:
        conn.close()


def create_database(address: ServerAddress) -> None:
    """Make the (empty) database ``address`` names, owned by its user; the desk's schema is
    made in it when it is first opened with ``create``."""
    import psycopg
    from psycopg import sql

    try:
        conn = _connect(address, "postgres")
    except psycopg.OperationalError as error:
        raise connect_error(address, error, "postgres") from error
    try:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(address.database)))
    except psycopg.Error as error:
        kind = connect_failure(error)
        raise ServerUnreachable(address.display(), NOT_ALLOWED if kind == OTHER else kind,
                                _detail(error)) from error
    finally:
        conn.close()
