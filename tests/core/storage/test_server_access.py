"""Reaching a team's server: what a connection attempt says, in words a person can act on,
and the password kept in the credential store (or for this run only), never anywhere else."""

from __future__ import annotations

from dataclasses import replace

import keyring
import pytest

from desk_app.errors import NotADeskDatabase
from desk_app.storage.opening import open_store
from desk_app.storage.postgres.reach import (
    NO_DATABASE,
    PASSWORD_MISSING,
    PASSWORD_REFUSED,
    UNREACHABLE,
    ServerPasswordNeeded,
    connect_failure,
    reach,
)
from desk_app.storage.postgres.url import KEYRING_SERVICE, ServerAddress
from tests.postgres import Server
from tests.server_users import SECRET, make_desk, password_address


def test_reach_names_each_answer_of_the_server(pg_server: Server) -> None:
    address = password_address(pg_server)
    assert reach(address).outcome == PASSWORD_MISSING
    assert reach(replace(address, password="wrong")).outcome == PASSWORD_REFUSED
    right = replace(address, password=SECRET)
    found = reach(right)
    assert found.outcome == NO_DATABASE and found.may_create  # the user has CREATEDB
    assert reach(replace(right, port=1)).outcome == UNREACHABLE
    make_desk(address)
    found = reach(right)
    assert found.outcome == "desk" and found.schema_version > 0
    # the error each failure carries speaks both languages
    refused = reach(replace(address, password="wrong")).error
    assert refused is not None and "refused the password" in refused.message("en")
    assert "拒绝了该密码" in refused.message("zh")


def test_an_empty_database_the_user_may_not_fill_says_so(pg_server: Server) -> None:
    address = password_address(pg_server)
    pg_server.admin(f'CREATE DATABASE "{address.database}"')  # owned by the administrator
    found = reach(replace(address, password=SECRET))
    assert found.outcome == "empty" and not found.may_create


def test_opening_without_the_password_asks_for_it_and_a_refused_one_says_so(
        pg_server: Server) -> None:
    address = password_address(pg_server)
    make_desk(address)
    with pytest.raises(ServerPasswordNeeded) as missing:
        open_store(address.url())
    assert not missing.value.refused
    address.keep_password("an old password")
    with pytest.raises(ServerPasswordNeeded) as refused:
        open_store(address.url())
    assert refused.value.refused
    # typed for this run only: it opens, and the wrong kept one is forgotten
    address.use_password(SECRET, remember=False)
    assert keyring.get_password(KEYRING_SERVICE, address.password_key()) is None
    open_store(address.url()).close()
    address.use_password(SECRET, remember=True)
    assert keyring.get_password(KEYRING_SERVICE, address.password_key()) == SECRET
    address.forget_password()
    with pytest.raises(ServerPasswordNeeded):
        open_store(address.url())


def test_an_empty_database_is_not_opened_as_a_desk(pg_server: Server) -> None:
    address = password_address(pg_server)
    address.use_password(SECRET, remember=False)
    from desk_app.storage.postgres.reach import create_database

    create_database(address)
    with pytest.raises(NotADeskDatabase):
        open_store(address.url())
    address.forget_password()


@pytest.mark.parametrize(("message", "kind"), [
    ('connection to server at "h" failed: FATAL:  password authentication failed for user '
     '"u"', PASSWORD_REFUSED),
    ("connection to server at \"h\" failed: fe_sendauth: no password supplied",
     PASSWORD_MISSING),
    ('connection to server at "h" failed: FATAL:  role "nobody" does not exist',
     PASSWORD_REFUSED),
    ('connection to server at "h" failed: FATAL:  database "x" does not exist', NO_DATABASE),
    ("failed to resolve host 'nohost.invalid': [Errno -2] Name or service not known",
     UNREACHABLE),
    ("connection to server at \"h\" failed: server does not support SSL, but SSL was "
     "required", "tls"),
])
def test_connection_failures_are_told_apart(message: str, kind: str) -> None:
    assert connect_failure(Exception(message)) == kind


def test_the_address_never_shows_the_password() -> None:
    address = ServerAddress.parse("postgresql://desk:pw@db:5432/team")
    assert "pw" not in address.url() and "pw" not in repr(address)


def test_the_command_line_asks_for_the_password_at_a_terminal_and_says_how_elsewhere(
        pg_server: Server, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import getpass
    import io

    from desk_app.cli import main

    address = password_address(pg_server)
    make_desk(address)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal
    assert main(["--lang", "zh", "scan", address.url()]) == 1
    said = capsys.readouterr().err
    assert "需要密码" in said and "PGPASSWORD" in said

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter(["wrong", SECRET])
    monkeypatch.setattr("sys.stdin", Terminal(""))
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    assert main(["scan", address.url()]) == 0  # asked twice: the wrong one was refused
    said = capsys.readouterr().err
    assert "refused the password" in said
    assert keyring.get_password(KEYRING_SERVICE, address.password_key()) is None
    address.forget_password()
