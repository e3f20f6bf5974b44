"""How a team's server is named: ``postgresql://user@host:5432/desk?sslmode=require``.

The URL never holds the password: it lives in the computer's credential store, filed under
the server's address and the user (``password_key``); a password written into a URL is
taken out, kept there, and the URL is shown and remembered without it. ``sslmode`` (and
``sslrootcert`` etc.) pass through to the server's driver, so TLS is asked for in the URL.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from desk_app.errors import StorageError

SCHEMES = ("postgresql", "postgres")
#: The credential store's service name for server passwords.
KEYRING_SERVICE = "desk-app server"
#: What the URL may ask of the connection (libpq's parameters).
ALLOWED = frozenset({"sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl",
                     "connect_timeout", "application_name", "target_session_attrs",
                     "options"})


class PasswordStoreMissing(StorageError):
    """This computer has no credential store: a server's password cannot be remembered
    (it still holds for this run)."""

    def __init__(self) -> None:
        super().__init__("error.server.no_credential_store")


#: Passwords given for this run only (the person did not ask to remember them), by key.
_FOR_THIS_RUN: dict[str, str] = {}


def is_server(target: object) -> bool:
    """Whether ``target`` (a path or a URL) names a server rather than a file."""
    if not isinstance(target, str | PurePath):
        return False
    text = str(target)
    # (a URL that went through ``Path`` has lost one of its slashes)
    return text.split(":", 1)[0].lower() in SCHEMES and ":/" in text


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str
    options: tuple[tuple[str, str], ...] = ()
    password: str | None = field(default=None, compare=False, repr=False)

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        text = str(url)
        if ":/" in text and "://" not in text:  # a URL that went through Path
            text = text.replace(":/", "://", 1)
        parts = urlsplit(text)
        if parts.scheme.lower() not in SCHEMES:
            raise ValueError(f"not a server URL: {url}")
        database = unquote(parts.path.lstrip("/")) or "desk"
        options = tuple((k, v) for k, v in parse_qsl(parts.query) if k in ALLOWED)
        return cls(host=parts.hostname or "localhost", port=parts.port or 5432,
                   database=database, user=unquote(parts.username or "") or "postgres",
                   options=options,
                   password=unquote(parts.password) if parts.password else None)

    def url(self) -> str:
        """The address, without a password."""
        # (a certificate's path stays readable: its slashes and drive colon are not escaped)
        query = f"?{urlencode(self.options, safe='/:', quote_via=quote)}" \
            if self.options else ""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}{query}"

    def display(self) -> str:
        return self.url()

    def password_key(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def stored_password(self) -> str | None:
        """The password from the URL, else the one given for this run, else from the
        credential store (None: none kept)."""
        if self.password is not None:
            return self.password
        if self.password_key() in _FOR_THIS_RUN:
            return _FOR_THIS_RUN[self.password_key()]
        try:
            import keyring
            from keyring.errors import KeyringError

            try:
                return keyring.get_password(KEYRING_SERVICE, self.password_key())
            except KeyringError:
                return None
        except ImportError:  # pragma: no cover - keyring is a dependency
            return None

    def keep_password(self, password: str) -> None:
        """File ``password`` in the credential store for this server and user."""
        import keyring

        keyring.set_password(KEYRING_SERVICE, self.password_key(), password)

    def forget_password(self) -> None:
        """Neither this run nor the credential store holds a password for it any more."""
        from keyring.errors import KeyringError, PasswordDeleteError

        _FOR_THIS_RUN.pop(self.password_key(), None)
        import keyring

        with contextlib.suppress(PasswordDeleteError, KeyringError, OSError, RuntimeError):
            keyring.delete_password(KEYRING_SERVICE, self.password_key())

    def use_password(self, password: str, *, remember: bool) -> None:
        """Connect with ``password`` from now on: for this run only, or also kept in the
        credential store (``remember``; ``SecretStoreMissing`` where there is none, and the
        password still holds for this run). Not remembered: any kept one is forgotten, so
        that a password refused once is not tried again at the next start."""
        from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

        _FOR_THIS_RUN[self.password_key()] = password
        import keyring

        try:
            if remember:
                keyring.set_password(KEYRING_SERVICE, self.password_key(), password)
            else:
                keyring.delete_password(KEYRING_SERVICE, self.password_key())
        except PasswordDeleteError:
            pass
        except (NoKeyringError, KeyringError, OSError, RuntimeError) as error:
            if remember:
                raise PasswordStoreMissing() from error

    def connect_kwargs(self) -> dict[str, Any]:
        """What psycopg needs, apart from the database name."""
        kwargs: dict[str, Any] = {"host": self.host, "port": self.port, "user": self.user}
        password = self.stored_password()
        if password:
            kwargs["password"] = password
        kwargs.update(dict(self.options))
        kwargs.setdefault("application_name", "desk-app")
        return kwargs
