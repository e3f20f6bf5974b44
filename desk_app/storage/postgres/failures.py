"""Why a connection to a team's server failed, told from what the server and libpq say in
structured form, never from their words (a server may speak German or Chinese).

1. **The server's SQLSTATE** where it sends one. An error raised on a working connection
   carries it (``error.sqlstate``). A connection that fails while starting does not: libpq
   keeps the server's code to itself and gives only its message. So the connection is tried
   once more (``probe``) with libpq's verbose messages, which put the code at a fixed place
   (``FATAL:  28P01: …``), whatever the language of the words around it.
2. **libpq's own state** otherwise: how far the attempt came (the TCP connection, the TLS
   handshake, the server's answer), and whether the server asked for a password that was not
   given (``needs_password``) — the failures libpq makes itself (unreachable, TLS) carry no
   code.
3. Only when neither answers (a libpq that cannot be asked for verbose messages and a
   failure after the server answered) are the words read, libpq's and the server's English.
"""

from __future__ import annotations

import contextlib
import ctypes
import re
import selectors
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

#: The server's answers, by what a person does next.
UNREACHABLE = "unreachable"  # wrong host or port, server down, network or firewall
PASSWORD_MISSING = "password_missing"  # the server wants a password and none was given
PASSWORD_REFUSED = "password_refused"  # the password (or the user) was refused
TLS = "tls"  # the TLS mode asked for cannot be had (no TLS, certificate not trusted)
NO_DATABASE = "no_database"  # the server has no database of that name
NOT_ALLOWED = "not_allowed"  # the account may not connect to that database
OTHER = "other"
#: not a failed connection: one in use was lost (the server restarted, the network dropped)
LOST = "lost"

#: SQLSTATEs (and their classes, by two characters) a person can act on.
SQLSTATES: dict[str, str] = {
    "28P01": PASSWORD_REFUSED,  # invalid_password (also an unknown user, said alike)
    "28000": NOT_ALLOWED,  # invalid_authorization_specification: pg_hba, no login
    "3D000": NO_DATABASE,  # invalid_catalog_name
    "42501": NOT_ALLOWED,  # insufficient_privilege (CONNECT on the database)
    "57P03": UNREACHABLE,  # cannot_connect_now: starting or stopping
    "08": UNREACHABLE,  # connection_exception
}

_VERBOSE = 2  # libpq's PQERRORS_VERBOSE
_CODE = re.compile(r":  ([0-9A-Z]{5}): ")


def sqlstate_kind(code: str | None) -> str | None:
    """The kind a server's SQLSTATE means, or None for a code no person can act on."""
    if not code:
        return None
    return SQLSTATES.get(code) or SQLSTATES.get(code[:2])


_TEXTS: tuple[tuple[str, tuple[str, ...]], ...] = (
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


def text_kind(message: str) -> str:
    """The last resort: the kind read from libpq's and the server's English words."""
    message = message.lower()
    if 'role "' in message and "does not exist" in message:
        return PASSWORD_REFUSED  # an unknown user: said as a password servers refuse
    for kind, needles in _TEXTS:
        if any(needle in message for needle in needles):
            return kind
    return OTHER


@dataclass(frozen=True)
class Attempt:
    """What one connection attempt came to."""

    connected: bool
    #: libpq's state when the attempt ended: how far it came (``pq.ConnStatus``)
    stage: int | None
    needs_password: bool
    used_password: bool
    #: the server's SQLSTATE, when it sent one and libpq could be asked to show it
    sqlstate: str | None
    message: str

    def kind(self) -> str | None:
        """The failure's kind from structured facts alone (None: they do not say)."""
        from psycopg import pq

        by_code = sqlstate_kind(self.sqlstate)
        if by_code is not None:
            return by_code
        if self.needs_password:
            return PASSWORD_MISSING
        started = (pq.ConnStatus.STARTED, pq.ConnStatus.MADE)
        if self.stage is None or self.stage in started:
            return UNREACHABLE  # no TCP connection (or the name did not resolve)
        if self.stage in (pq.ConnStatus.SSL_STARTUP, pq.ConnStatus.GSS_STARTUP):
            return TLS  # the server said no to TLS, or its certificate is not trusted
        return None


@cache
def _libpq() -> Any:
    """The libpq psycopg itself uses, for the one call psycopg does not offer
    (``PQsetErrorVerbosity``); None when it cannot be found for sure."""
    from psycopg import pq

    try:
        if pq.__impl__ == "python":
            from psycopg.pq import _pq_ctypes

            lib = _pq_ctypes.pq  # type: ignore[attr-defined]
        else:
            path = _library_path(pq.__impl__)
            if path is None:
                return None
            lib = ctypes.CDLL(path)
        lib.PQlibVersion.restype = ctypes.c_int
        if lib.PQlibVersion() != pq.version():
            return None  # another libpq than psycopg's: not to be handed its connections
        lib.PQsetErrorVerbosity.argtypes = (ctypes.c_void_p, ctypes.c_int)
        lib.PQsetErrorVerbosity.restype = ctypes.c_int
        return lib
    except (OSError, AttributeError, ImportError):
        return None


def _library_path(impl: str) -> str | None:
    if impl == "binary":  # the wheel's own copy, beside the package
        import psycopg_binary  # type: ignore[import-not-found,unused-ignore]

        package = Path(psycopg_binary.__file__).parent
        for folder in (package.parent / "psycopg_binary.libs", package / ".dylibs", package):
            found = sorted(folder.glob("libpq*")) if folder.is_dir() else []
            if found:
                return str(found[0])
        return None
    from psycopg.pq.misc import find_libpq_full_path

    return find_libpq_full_path()


def probe(kwargs: dict[str, Any], timeout: float = 10.0) -> Attempt:
    """Try to connect with ``kwargs`` (psycopg's, ``dbname`` included), watching how far
    it comes and asking libpq for the server's SQLSTATE; the connection, if made, is closed
    at once."""
    from psycopg import pq
    from psycopg.conninfo import make_conninfo

    conn = pq.PGconn.connect_start(make_conninfo(**kwargs).encode())
    lib = _libpq()
    pointer = getattr(conn, "pgconn_ptr", None)  # (every implementation has it)
    if lib is not None and pointer is not None:
        lib.PQsetErrorVerbosity(pointer, _VERBOSE)
    stage: int | None = None
    connected = False
    deadline = time.monotonic() + timeout
    try:
        with selectors.DefaultSelector() as selector:
            while conn.status != pq.ConnStatus.BAD:
                stage = conn.status
                status = conn.connect_poll()
                if status == pq.PollingStatus.OK:
                    connected = True
                    break
                if status == pq.PollingStatus.FAILED:
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                event = (selectors.EVENT_READ if status == pq.PollingStatus.READING
                         else selectors.EVENT_WRITE)
                selector.register(conn.socket, event)
                try:
                    selector.select(remaining)
                finally:
                    selector.unregister(conn.socket)
        message = conn.get_error_message()
        found = _CODE.findall(message) if lib is not None else []
        return Attempt(connected, stage, bool(conn.needs_password),
                       bool(conn.used_password), found[-1] if found else None, message)
    finally:
        with contextlib.suppress(Exception):
            conn.finish()


def failure_kind(error: BaseException, kwargs: dict[str, Any] | None = None) -> str:
    """Which of the kinds above a failed connection (or a refused statement) is: by the
    server's SQLSTATE, else by trying again with ``kwargs`` and watching (``probe``), else
    by its words."""
    import psycopg

    by_code = sqlstate_kind(getattr(error, "sqlstate", None))
    if by_code is not None:
        return by_code
    if isinstance(error, psycopg.errors.ConnectionTimeout):
        return UNREACHABLE
    pgconn = getattr(error, "pgconn", None)
    if pgconn is not None and getattr(pgconn, "needs_password", False):
        return PASSWORD_MISSING
    if kwargs is not None and isinstance(error, psycopg.OperationalError):
        timeout = float(kwargs.get("connect_timeout") or 10)
        attempt = probe(kwargs, timeout=min(timeout, 10.0))
        kind = attempt.kind()
        if kind is not None:
            return kind
        if attempt.connected:  # it works now: say what the first attempt said
            return text_kind(str(error))
        return text_kind(attempt.message)
    return text_kind(str(error))


def libpq_speaks_codes() -> bool:
    """Whether the server's SQLSTATE can be had for a failed connection here."""
    return _libpq() is not None
