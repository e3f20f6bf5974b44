"""Reaching a team's server before using it: what a connection attempt says, in words a
person can act on, and whether this account may make a desk there.

libpq reports every failure to connect as one ``OperationalError`` without an SQLSTATE, so
the kind is read from its text (libpq's own and the server's English messages; a server set
to another language for its messages falls back to "could not connect", with its text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desk_app.errors import DatabaseIOError, StorageError
from desk_app.storage.postgres.url import ServerAddress

#: The server's answers, by what a person does next.
UNREACHABLE = "unreachable"  # wrong host or port, server down, network or firewall
PASSWORD_MISSING = "password_missing"  # the server wants a password and none was given
PASSWORD_REFUSED = "password_refused"  # the password (or the user) was refused
TLS = "tls"  # the TLS mode asked for cannot be had (no TLS, certificate not trusted)
NO_DATABASE = "no_database"  # the server has no database of that name
NOT_ALLOWED = "not_allowed"  # the account may not connect to that database
OTHER = "other"

_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (PASSWORD_MISSING, ("no password supplied",)),
    (PASSWORD_REFUSED, ("password authentication failed", "authentication failed for user",
                        "sasl authentication", "scram")),
    (NOT_ALLOWED, ("permission denied", "no pg_hba.conf entry", "not permitted")),
    (TLS, ("ssl", "certificate", "tls")),
    (NO_DATABASE, ("does not exist",)),
    (UNREACHABLE, ("connection refused", "could not translate host", "failed to resolve host",
                   "timeout expired", "timed out", "no route to host", "network is unreachable",
                   "could not connect", "server closed the connection",
                   "name or service not known", "connection reset")),
)


def connect_failure(error: BaseException) -> str:
    """Which of the kinds above a failed connection is."""
    message = str(error).lower()
    if 'role "' in message and "does not exist" in message:
        return PASSWORD_REFUSED  # an unknown user: said as a password servers refuse
    for kind, needles in _PATTERNS:
        if any(needle in message for needle in needles):
            return kind
    return OTHER


class ServerPasswordNeeded(DatabaseIOError):
    """The server wants a password this workstation does not have, or refused the one it
    had: the workstation asks for it (``refused``: the one given was wrong)."""

    def __init__(self, where: str, refused: bool) -> None:
        self.where = where
        self.refused = refused
        StorageError.__init__(self, "error.server.password_refused" if refused
                              else "error.server.password_missing", where=where)


class ServerUnreachable(DatabaseIOError):
    """The server could not be reached, or refused this workstation for another reason that
    the person can name (TLS, no such database, not allowed)."""

    def __init__(self, where: str, kind: str, detail: str) -> None:
        self.where = where
        self.kind = kind
        StorageError.__init__(self, f"error.server.{kind}", where=where,
                              detail=detail.strip().splitlines()[-1] if detail.strip() else "")


def connect_error(address: ServerAddress, error: BaseException) -> StorageError:
    """The storage error a failed connection to ``address`` means."""
    kind = connect_failure(error)
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

    kwargs = address.connect_kwargs()
    kwargs.setdefault("connect_timeout", 10)
    return psycopg.connect(**kwargs, dbname=database, autocommit=True)


def reach(address: ServerAddress) -> Reach:
    """Try the server now: can it be reached, does it take the password, is the database
    there and a desk's, and may this account make one. Changes nothing."""
    import psycopg

    from desk_app.storage import migrations

    try:
        conn = _connect(address, address.database)
    except psycopg.OperationalError as error:
        kind = connect_failure(error)
        if kind == NO_DATABASE:
            return Reach(NO_DATABASE, _detail(error), may_create=_may_create_database(address))
        return Reach(kind, _detail(error), error=connect_error(address, error))
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
        return Reach(OTHER, _detail(error),
                     error=ServerUnreachable(address.display(), OTHER, _detail(error)))
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
        raise connect_error(address, error) from error
    try:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(address.database)))
    except psycopg.Error as error:
        raise ServerUnreachable(address.display(), NOT_ALLOWED, _detail(error)) from error
    finally:
        conn.close()
