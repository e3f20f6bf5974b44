"""A real PostgreSQL server for the tests: the one named by ``DESK_APP_TEST_POSTGRES``, or
one of its own, started from Debian's ``postgresql`` package (``initdb`` into a temporary
folder, a free port on 127.0.0.1, as a non-root user: the server refuses to run as root).

Each test gets a database of its own, made with ``CREATE DATABASE … TEMPLATE`` from a
template that already holds the schema and the test organisation, which takes a few
milliseconds where building it takes seconds.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ENV = "DESK_APP_TEST_POSTGRES"
#: The user the tests' own server runs as (created when missing and we are root).
SERVER_USER = "postgres"
#: Members of this role must give their password (scram-sha-256) over TCP; everyone else is
#: trusted. The tests of asking for a server's password make such users.
PASSWORD_ROLE = "desk_passworded"


class PostgresUnavailable(RuntimeError):
    """No server named, and none can be started here."""


def binaries() -> Path | None:
    """The folder holding ``initdb`` and ``postgres``: Debian's newest, else one on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb and shutil.which("postgres"):
        return Path(initdb).parent
    return None


def available() -> bool:
    return bool(os.environ.get(ENV)) or binaries() is not None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_user() -> tuple[int, int] | None:
    """(uid, gid) to run the server as when we are root; None when we are not."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(SERVER_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", SERVER_USER], check=True)
        entry = pwd.getpwnam(SERVER_USER)
    return entry.pw_uid, entry.pw_gid


@dataclass
class Server:
    """A running server: ``url`` names its maintenance database as a superuser."""

    url: str
    folder: Path | None = None
    process: subprocess.Popen[bytes] | None = None

    def database_url(self, name: str) -> str:
        parts = urlsplit(self.url)
        return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create_database(self, template: str | None = None) -> str:
        """A new, empty database (or a copy of ``template``); its URL."""
        name = "desk_" + uuid.uuid4().hex[:12]
        clause = f' TEMPLATE "{template}"' if template else ""
        self.admin(f'CREATE DATABASE "{name}"{clause}')
        return self.database_url(name)

    def password_user(self, password: str, *, createdb: bool = False) -> str:
        """A new login role that must give ``password`` (a member of ``PASSWORD_ROLE``); the
        URL of the maintenance database as that user, without the password."""
        name = "desk_user_" + uuid.uuid4().hex[:8]
        self.admin(f"DO $$ BEGIN CREATE ROLE {PASSWORD_ROLE} NOLOGIN; "
                   "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        extra = " CREATEDB" if createdb else ""
        escaped = password.replace("'", "''")
        self.admin(f"CREATE ROLE {name} LOGIN PASSWORD '{escaped}'{extra} "
                   f"IN ROLE {PASSWORD_ROLE}")
        parts = urlsplit(self.url)
        netloc = f"{name}@{parts.hostname}:{parts.port}"
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))

    def passwords_checked(self) -> bool:
        """Whether the server refuses a wrong password of a ``password_user`` (always on
        a server of our own; a named one may trust everyone)."""
        import psycopg

        url = self.password_user("right")
        try:
            psycopg.connect(url, password="wrong", connect_timeout=10).close()
        except psycopg.OperationalError:
            return True
        return False

    def drop_database(self, url: str) -> None:
        name = urlsplit(url).path.lstrip("/")
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # "smart" would wait for clients: SIGTERM is "fast"
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def start(settings: Mapping[str, str] | None = None,
          files: Mapping[str, bytes] | None = None,
          environment: Mapping[str, str] | None = None) -> Server:
    """The named server, or a new one of our own (``PostgresUnavailable`` if neither).

    ``settings`` (``-c name=value``), ``files`` written into its data folder (a TLS key and
    certificates) and ``environment`` make a server of our own with something particular
    (TLS, another language); with them, the named server is not used."""
    named = os.environ.get(ENV)
    if named and not (settings or files or environment):
        return Server(named)
    bin_dir = binaries()
    if bin_dir is None:
        raise PostgresUnavailable(
            "no PostgreSQL server: install Debian's postgresql package or set " + ENV)
    folder = Path(tempfile.mkdtemp(prefix="desk-pg-"))
    owner = _server_user()
    data, sockets = folder / "data", folder / "run"
    sockets.mkdir()
    run_as: dict[str, int] = {}
    if owner is not None:
        os.chmod(folder, 0o755)
        for path in (folder, sockets):
            os.chown(path, *owner)
        run_as = {"user": owner[0], "group": owner[1]}
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", **(environment or {})}
    subprocess.run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
                   check=True, capture_output=True, env=env, cwd=folder, **run_as)
    hba = data / "pg_hba.conf"
    hba.write_text(f"host all +{PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
    for name, content in (files or {}).items():
        (data / name).write_bytes(content)
        os.chmod(data / name, 0o600)  # the server refuses a key others may read
        if owner is not None:
            os.chown(data / name, *owner)
    extra = [arg for name, value in (settings or {}).items()
             for arg in ("-c", f"{name}={value}")]
    for _attempt in range(5):
        server = _launch(bin_dir, data, folder, sockets, extra, env, run_as)
        if server is not None:
            return server
    text = (folder / "server.log").read_text(errors="replace")[-2000:]
    raise PostgresUnavailable(f"the test server did not start: {text}")


def _data_directory(url: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
        row = conn.execute("SHOW data_directory").fetchone()
    return str(row[0]) if row else ""


def _launch(bin_dir: Path, data: Path, folder: Path, sockets: Path, extra: list[str],
            env: dict[str, str], run_as: dict[str, Any]) -> Server | None:
    """One start on a free port; None when the port was taken meanwhile (by another test
    worker's server, whose port the check below would otherwise have mistaken for ours)."""
    port = _free_port()
    log = open(folder / "server.log", "wb")  # noqa: SIM115 - the server writes it until stopped
    process = subprocess.Popen(
        [str(bin_dir / "postgres"), "-D", str(data), "-p", str(port), "-h", "127.0.0.1",
         "-k", str(sockets), "-c", "fsync=off", "-c", "synchronous_commit=off",
         "-c", "full_page_writes=off", "-c", "max_connections=300",
         "-c", "shared_buffers=32MB", *extra],
        stdout=log, stderr=subprocess.STDOUT, env=env, cwd=folder, **run_as)
    server = Server(f"postgresql://postgres@127.0.0.1:{port}/postgres", folder, process)
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            log.close()
            return None
        try:
            where = _data_directory(server.url)
        except Exception as error:
            if time.monotonic() > deadline:
                text = (folder / "server.log").read_text(errors="replace")[-2000:]
                server.stop()
                raise PostgresUnavailable(f"the test server did not start: {text}") from error
            time.sleep(0.1)
            continue
        if Path(where).resolve() == data.resolve():
            return server
        time.sleep(0.1)  # another server answered on this port: ours is about to give up


def running() -> Iterator[Server]:
    """For a session fixture: the server, stopped at the end."""
    server = start()
    try:
        yield server
    finally:
        server.stop()
