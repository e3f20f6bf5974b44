"""What failed when a server is reached is told from the server's SQLSTATE and libpq's own
state, not from their words: a server whose messages are in German is understood as well
as one speaking English, and where code and words disagree, the code decides."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from desk_app.storage.postgres.failures import (
    NO_DATABASE,
    NOT_ALLOWED,
    OTHER,
    PASSWORD_MISSING,
    PASSWORD_REFUSED,
    TLS,
    UNREACHABLE,
    Attempt,
    failure_kind,
    libpq_speaks_codes,
    text_kind,
)
from desk_app.storage.postgres.reach import reach
from desk_app.storage.postgres.url import ServerAddress
from tests import postgres

GERMAN = "de_DE.UTF-8"


def _german_locale(folder: Path) -> bool:
    """The German locale compiled into ``folder`` (for ``LOCPATH``); False where this
    system has neither the locale's source nor PostgreSQL's German messages."""
    source = Path("/usr/share/i18n/locales/de_DE")
    messages = list(Path("/usr/share/locale/de/LC_MESSAGES").glob("postgres-*.mo"))
    if not (shutil.which("localedef") and source.exists() and messages):
        return False
    done = subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8", str(folder / GERMAN)],
                          capture_output=True, check=False)
    return (folder / GERMAN / "LC_CTYPE").exists() or done.returncode == 0


@pytest.fixture(scope="module")
def german_server() -> Iterator[postgres.Server]:
    folder = Path(tempfile.mkdtemp(prefix="desk-locale-"))
    os.chmod(folder, 0o755)  # the server's own user reads it
    try:
        if not _german_locale(folder):
            pytest.skip("no German locale source or PostgreSQL German messages here")
        server = postgres.start(settings={"lc_messages": GERMAN},
                                environment={"LOCPATH": str(folder)})
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _address(server: postgres.Server, **changes: object) -> ServerAddress:
    address = ServerAddress.parse(server.password_user("richtig", createdb=True))
    return replace(address, options=(("sslmode", "disable"),), **changes)  # type: ignore[arg-type]


def test_a_server_speaking_german_is_understood_by_its_codes(
        german_server: postgres.Server) -> None:
    assert libpq_speaks_codes()
    address = _address(german_server)
    found = {
        "missing": reach(address),
        "refused": reach(replace(address, password="falsch")),
        "no database": reach(replace(address, password="richtig", database="gibt_es_nicht")),
        "unknown user": reach(replace(address, user="niemand", password="richtig")),
    }
    name = german_server.create_database().rsplit("/", 1)[-1]
    german_server.admin(f'REVOKE CONNECT ON DATABASE "{name}" FROM PUBLIC')
    found["no connect"] = reach(replace(address, password="richtig", database=name))
    found["unreachable"] = reach(replace(address, port=1))
    assert {what: f.outcome for what, f in found.items()} == {
        "missing": PASSWORD_MISSING, "refused": PASSWORD_REFUSED,
        "no database": NO_DATABASE, "unknown user": NOT_ALLOWED,  # (trusted: no password)
        "no connect": NOT_ALLOWED, "unreachable": UNREACHABLE}
    # the server spoke German: its words alone would have told nothing
    assert "Passwort" in found["refused"].detail
    for what in ("refused", "no database", "no connect"):
        assert text_kind(found[what].detail) == OTHER, found[what].detail
    # and the person reads it in their language, with the server's words as the detail
    assert found["no database"].may_create  # the user has CREATEDB: offered, no error
    refused, not_allowed = found["refused"].error, found["no connect"].error
    assert refused is not None and "拒绝了该密码" in refused.message("zh")
    assert not_allowed is not None and "不允许此用户" in not_allowed.message("zh")
    assert "Berechtigung" in not_allowed.message("en")


def test_the_code_decides_where_code_and_words_disagree() -> None:
    class Refused(psycopg.OperationalError):
        sqlstate = "3D000"

    assert failure_kind(Refused("password authentication failed for user")) == NO_DATABASE
    said = Attempt(connected=False, stage=4, needs_password=False, used_password=True,
                   sqlstate="28P01", message='database "x" does not exist')
    assert said.kind() == PASSWORD_REFUSED
    assert failure_kind(psycopg.errors.InsufficientPrivilege("keine Berechtigung")) \
        == NOT_ALLOWED


def test_libpqs_own_failures_are_told_by_how_far_the_attempt_came() -> None:
    from psycopg import pq

    def attempt(stage: int, **more: bool) -> Attempt:
        return Attempt(connected=False, stage=stage, needs_password=more.get("needs", False),
                       used_password=False, sqlstate=None, message="irgendwas")

    assert attempt(pq.ConnStatus.STARTED).kind() == UNREACHABLE
    assert attempt(pq.ConnStatus.SSL_STARTUP).kind() == TLS
    assert attempt(pq.ConnStatus.AWAITING_RESPONSE, needs=True).kind() == PASSWORD_MISSING
    assert attempt(pq.ConnStatus.AWAITING_RESPONSE).kind() is None  # the words, last
