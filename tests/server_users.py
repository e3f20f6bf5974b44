"""Users of the test server who must give a password, and desks they own (the tests of
reaching a server, its password dialog and its backups)."""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from desk_app.services.admin.people import UserForm
from desk_app.services.database.setup import create_database
from desk_app.storage.postgres.reach import create_database as create_server_database
from desk_app.storage.postgres.url import ServerAddress
from tests.postgres import Server

SECRET = "team server secret"
OWNER_PASSWORD = "process owner"


def password_address(server: Server, password: str = SECRET) -> ServerAddress:
    """A new user who must give ``password`` and may make databases, with the name of a
    database the server does not have yet (skips on a named server that trusts all)."""
    if not server.passwords_checked():
        pytest.skip("the server named by DESK_APP_TEST_POSTGRES trusts every user")
    url = server.password_user(password, createdb=True)
    parts = urlsplit(url)
    return ServerAddress(parts.hostname or "", parts.port or 5432,
                         "desk_" + uuid.uuid4().hex[:10], parts.username or "",
                         options=(("sslmode", "disable"),))


def make_desk(address: ServerAddress, password: str = SECRET) -> None:
    """A desk in the database ``address`` names, made by its user (the process owner
    "boss", password ``OWNER_PASSWORD``); afterwards no password is kept for it."""
    address.use_password(password, remember=False)
    create_server_database(address)
    create_database(Path(address.url()), UserForm("boss", "Bo Boss", [],
                                                  password=OWNER_PASSWORD)).close()
    address.forget_password()
