"""Backups of a team's server database through PostgreSQL's own ``pg_dump`` (custom format,
``-Fc``), and restoring one with ``pg_restore``, with a file's guarantees.

**Where.** A server has no folder beside it, so its backups go to this computer's data
folder (``DESK_APP_SERVER_BACKUPS`` overrides it), in the same scheme as a file's: a folder
``<database>-backups`` under ``<host>-<port>``, names ``<database>-<kind>-<stamp>-v<schema>``
with ``.dump`` where a file's end in ``.sqlite``, checked before they get their name, pruned
by the same retention.

**Which programs.** ``pg_dump`` refuses a server newer than itself, and a dump is best read
by the same version: the tools are taken from the installation whose major version is the
server's (Debian's ``/usr/lib/postgresql/<major>/bin``, as the tests find ``initdb``), else
the nearest newer one, else ``pg_dump`` on the PATH if it is new enough. Where none is found
the program says so (``PgToolsMissing``, in both languages) rather than backing up nothing.

**Restore, in one transaction.** The dump is turned into SQL (``pg_restore -f -``) and run by
``psql --single-transaction`` after ``DROP SCHEMA public CASCADE; CREATE SCHEMA public``, with
the restore's own marks (maintenance, a new restore generation, no presence rows) and a check
of the restored schema version at the end. PostgreSQL's DDL is transactional: any failure
rolls the whole of it back and the live database is as it was; other workstations wait on
the tables' locks and then see the restored content, never half of it. This was chosen over
restoring into a fresh database and renaming it over the live one, which needs every other
connection to the database ended (``ALTER DATABASE … RENAME`` refuses while anyone is
connected) and the right to create databases; restoring in place needs only the ownership of
the database that the desk already has. As with a file, the database is under maintenance
from before the ``pre-restore`` backup to after an upgrade of an older backup's schema, so no
write falls between them.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desk_app.errors import (
    BackupUnusable,
    NotADeskDatabase,
    RestoreRefused,
    SchemaTooNew,
    StorageError,
)
from desk_app.storage.backup import (
    BackupInfo,
    backup_name,
    backups_dir,
    parse_backup,
    prune_partials,
)
from desk_app.storage.migrations import LATEST
from desk_app.storage.postgres.url import ServerAddress, is_server
from desk_app.storage.presence import (
    RELEASE_TIMEOUT,
    PresenceRow,
    Visitor,
    begin_maintenance,
    end_maintenance,
    generation,
    leave,
    wait_for_release,
)
from desk_app.storage.restore import BackupSummary, RestoreResult

SUFFIX = ".dump"
#: The tables whose presence makes a dump a desk-app database's.
DESK_TABLES = ("schema_version", "incident", "maintenance", "setting")
#: What the tools' output may take before it is called stuck.
TOOL_TIMEOUT = 3600


class PgToolsMissing(StorageError):
    """PostgreSQL's client programs (``pg_dump``, ``pg_restore``, ``psql``) of a fitting
    version are not installed on this computer."""

    def __init__(self, tool: str, major: int) -> None:
        self.tool = tool
        super().__init__("error.server.pg_tools_missing", tool=tool, major=major)


class PgToolFailed(StorageError):
    def __init__(self, tool: str, detail: str) -> None:
        super().__init__("error.server.pg_tool_failed", tool=tool,
                         detail=detail.strip()[-600:])


# -- the programs ----------------------------------------------------------------------------
def _major_of(binary: Path) -> int | None:
    try:
        out = subprocess.run([str(binary), "--version"], capture_output=True, text=True,
                             timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"(\d+)(?:\.\d+)?", out)
    return int(found.group(1)) if found else None


def _candidates(name: str) -> list[tuple[int, Path]]:
    found: list[tuple[int, Path]] = []
    named = os.environ.get("DESK_APP_PG_BIN")
    places = [Path(named) / name] if named else []
    places += [Path(p) for p in glob.glob(f"/usr/lib/postgresql/*/bin/{name}")]
    on_path = shutil.which(name)
    if on_path:
        places.append(Path(on_path))
    for place in places:
        if place.is_file() and os.access(place, os.X_OK):
            major = _major_of(place)
            if major is not None:
                found.append((major, place))
    return found


def pg_tool(name: str, server_major: int) -> Path:
    """``name`` (pg_dump, pg_restore, psql) of the server's own major version, else the
    nearest newer one; ``PgToolsMissing`` when there is none."""
    usable = sorted((major, path) for major, path in _candidates(name) if major >= server_major)
    if not usable:
        raise PgToolsMissing(name, server_major)
    return usable[0][1]


# -- connecting the programs -----------------------------------------------------------------
def _conninfo(address: ServerAddress, database: str | None = None) -> tuple[str, dict[str, str]]:
    """libpq's connection string (without the password) and the environment carrying the
    password (never on a command line, where other users of the computer could read it)."""
    from psycopg.conninfo import make_conninfo

    kwargs = address.connect_kwargs()
    password = kwargs.pop("password", None)
    kwargs["application_name"] = "desk-app backup"
    info = make_conninfo("", dbname=database or address.database, **kwargs)
    env = {**os.environ, "PGCONNECT_TIMEOUT": "30"}
    if password:
        env["PGPASSWORD"] = str(password)
    return info, env


def _run(tool: Path, args: list[str], env: dict[str, str],
         stdout: Any = subprocess.PIPE) -> str:
    try:
        done = subprocess.run([str(tool), *args], env=env, stdout=stdout,
                              stderr=subprocess.PIPE, timeout=TOOL_TIMEOUT)
    except subprocess.TimeoutExpired as error:
        raise PgToolFailed(tool.name, "timed out") from error
    except OSError as error:
        raise PgToolFailed(tool.name, str(error)) from error
    if done.returncode != 0:
        raise PgToolFailed(tool.name, done.stderr.decode("utf-8", "replace"))
    return done.stdout.decode("utf-8", "replace") if done.stdout is not None else ""


def server_major(address: ServerAddress) -> int:
    import psycopg

    from desk_app.storage.postgres.reach import connect_error

    try:
        with psycopg.connect(**address.connect_kwargs(), dbname=address.database,
                             autocommit=True) as conn:
            row = conn.execute("SHOW server_version_num").fetchone()
    except psycopg.OperationalError as error:
        raise connect_error(address, error) from error
    return int(str(row[0]) if row else "0") // 10000


# -- where -----------------------------------------------------------------------------------
def backups_root() -> Path:
    named = os.environ.get("DESK_APP_SERVER_BACKUPS")
    if named:
        return Path(named)
    from platformdirs import user_data_path

    return user_data_path("desk-app", appauthor=False) / "server-backups"


def home(target: object) -> Path:
    """What stands for the database's file in the backup scheme: for a server, a name in
    this computer's backup folder (``backups_dir`` of it is the server's backups folder);
    for a file, the file."""
    if is_server(target):
        address = ServerAddress.parse(str(target))
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", f"{address.host}-{address.port}")
        name = re.sub(r"[^A-Za-z0-9._-]", "_", address.database)
        return backups_root() / safe / name
    return Path(str(target))


def dump_name(address: ServerAddress, kind: str, taken_at: datetime, version: int) -> str:
    return backup_name(home(address.url()), kind, taken_at, version)[:-len(".sqlite")] + SUFFIX


# -- backing up ------------------------------------------------------------------------------
def _table_of_contents(dump: Path, address: ServerAddress | None = None,
                       major: int | None = None) -> str:
    tool = pg_tool("pg_restore", major or 0)
    return _run(tool, ["-l", str(dump)], dict(os.environ))


def require_desk_dump(dump: Path, major: int = 0) -> None:
    """``NotADeskDatabase`` unless ``dump`` is a custom-format dump of a desk-app database."""
    if not dump.is_file():
        raise NotADeskDatabase(str(dump), "missing")
    with open(dump, "rb") as handle:
        if handle.read(5) != b"PGDMP":  # pg_dump's custom format
            raise NotADeskDatabase(str(dump), "not_dump")
    try:
        toc = _table_of_contents(dump, major=major)
    except PgToolFailed as error:
        raise BackupUnusable(str(dump), str(error)) from error
    tables = set(re.findall(r"\bTABLE public (\w+)\b", toc))
    if not all(table in tables for table in DESK_TABLES):
        raise NotADeskDatabase(str(dump), "foreign")


def dump_to(address: ServerAddress, destination: Path, version: int = 0) -> Path:
    """A ``pg_dump -Fc`` of the database at ``destination``, written beside it first and
    given its name only once ``pg_restore`` reads it as a desk's."""
    major = server_major(address)
    tool = pg_tool("pg_dump", major)
    destination.parent.mkdir(parents=True, exist_ok=True)
    prune_partials(destination.parent, f".{glob.escape(destination.name)}.*.partial")
    partial = destination.with_name(f".{destination.name}.{uuid.uuid4().hex[:8]}.partial")
    info, env = _conninfo(address)
    try:
        _run(tool, ["-Fc", "--no-password", "-f", str(partial), "-d", info], env)
        require_desk_dump(partial, major)
        os.replace(partial, destination)
        with contextlib.suppress(OSError):
            fd = os.open(destination.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return destination


def schema_version(address: ServerAddress) -> int:
    import psycopg

    with psycopg.connect(**address.connect_kwargs(), dbname=address.database,
                         autocommit=True) as conn:
        row = conn.execute('SELECT max("version") FROM "schema_version"').fetchone()
    return int(row[0] or 0) if row else 0


def take_server_backup(address: ServerAddress, kind: str, *, now: datetime | None = None,
                       folder: Path | None = None) -> BackupInfo:
    """A backup of ``kind`` into the server's backups folder (or ``folder``)."""
    moment = now or datetime.now(UTC)
    version = schema_version(address)
    target = (folder or backups_dir(home(address.url()))) / dump_name(address, kind, moment,
                                                                      version)
    dump_to(address, target, version)
    return BackupInfo(target, kind, moment.astimezone(UTC).replace(microsecond=0), version,
                      target.stat().st_size)


# -- what a dump holds -----------------------------------------------------------------------
def _copy_rows(dump: Path, table: str, major: int) -> tuple[list[str], list[list[str]]]:
    tool = pg_tool("pg_restore", major)
    text = _run(tool, ["--data-only", "--table", table, "-f", "-", str(dump)],
                dict(os.environ))
    columns: list[str] = []
    rows: list[list[str]] = []
    copying = False
    for line in text.splitlines():
        if line.startswith(f"COPY public.{table} ("):
            columns = [c.strip().strip('"') for c in
                       line.split("(", 1)[1].rsplit(")", 1)[0].split(",")]
            copying = True
        elif copying and line == "\\.":
            copying = False
        elif copying:
            rows.append(line.split("\t"))
    return columns, rows


def summarise_dump(dump: Path, major: int = 0) -> BackupSummary:
    """Its moment, schema, how many incidents and the newest one (read from the dump)."""
    require_desk_dump(dump, major)
    info = parse_backup(dump)
    columns, versions = _copy_rows(dump, "schema_version", major)
    version = max((int(row[columns.index("version")]) for row in versions), default=0) \
        if "version" in columns else (info.schema_version if info else 0)
    columns, incidents = _copy_rows(dump, "incident", major)
    newest_number: str | None = None
    newest_at: datetime | None = None
    if incidents and {"id", "number", "created_at"} <= set(columns):
        last = max(incidents, key=lambda row: int(row[columns.index("id")]))
        newest_number = last[columns.index("number")]
        created = last[columns.index("created_at")]
        with contextlib.suppress(ValueError):
            newest_at = datetime.fromtimestamp(int(created), UTC)
    return BackupSummary(dump, info.taken_at if info else None, version, len(incidents),
                       newest_number, newest_at)


# -- restoring -------------------------------------------------------------------------------
def _column_is_boolean(store: object, table: str, column: str) -> bool:
    rows = store.execute(  # type: ignore[attr-defined]
        "SELECT data_type FROM information_schema.columns WHERE table_schema = 'public' "
        "AND table_name = ? AND column_name = ?", (table, column))
    return bool(rows) and rows[0][0] == "boolean"


def _literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _marks(store: object, token: str, visitor: Visitor, next_generation: int,
           now: int) -> str:
    """The restore's own marks on the restored content, and the refusal of a schema newer
    than this program, run in the restore's transaction."""
    active = "true" if _column_is_boolean(store, "maintenance", "active") else "1"
    return (
        "\n-- desk-app: the restore's marks\n"
        "SET search_path = public;\n"
        f"UPDATE maintenance SET active = {active}, reason = 'restore', "
        f"token = {_literal(token)}, username = {_literal(visitor.username)}, "
        f"workstation = {_literal(visitor.host())}, started_at = {now}, "
        f"generation = {next_generation} WHERE id = 1;\n"
        "DELETE FROM presence;\n"
        "DO $$ BEGIN IF (SELECT max(version) FROM schema_version) > " + str(LATEST) +
        " THEN RAISE EXCEPTION 'desk-app: schema newer than this program'; END IF; END $$;\n")


def restore_server(url: str, dump: Path, *, visitor: Visitor | None = None,
                   release_timeout: float = RELEASE_TIMEOUT, force: bool = False,
                   poll: float = 1.0, now: Callable[[], float] = time.time,
                   on_progress: Callable[[list[PresenceRow]], None] | None = None,
                   ours: Collection[str] = ()) -> RestoreResult:
    """Replace the content of the server database ``url`` by ``dump`` (see the module's
    docstring: one transaction, under maintenance, after a ``pre-restore`` backup)."""
    from desk_app.storage.postgres.opening import open_server

    who = visitor or Visitor()
    address = ServerAddress.parse(url)
    major = server_major(address)
    require_desk_dump(dump, major)
    summary = summarise_dump(dump, major)
    if summary.schema_version > LATEST:
        raise SchemaTooNew(summary.schema_version, LATEST)
    restore_tool = pg_tool("pg_restore", major)
    psql = pg_tool("psql", major)
    live = open_server(url, visitor=who)
    holdouts: list[PresenceRow] = []
    try:
        begin_maintenance(live, "restore", who, now)
        try:
            holdouts = wait_for_release(live, release_timeout, poll=poll, now=now,
                                        on_progress=on_progress, ours=ours)
            if holdouts and not force:
                raise RestoreRefused([f"{p.username}@{p.workstation}" for p in holdouts])
            safety = take_server_backup(address, "pre-restore").path
            next_generation = generation(live) + 1
            marks = _marks(live, live.token, who, next_generation, int(now()))
            with tempfile.TemporaryDirectory(prefix="desk-restore-") as folder:
                script = Path(folder) / "restore.sql"
                with open(script, "w", encoding="utf-8") as out:
                    out.write("DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n")
                    out.flush()
                    _run(restore_tool, ["--no-owner", "--no-privileges", "--no-comments",
                                        "-f", "-", str(dump)], dict(os.environ), stdout=out)
                    out.write(marks)
                info, env = _conninfo(address)
                _run(psql, ["-X", "-q", "--no-password", "-v", "ON_ERROR_STOP=1",
                            "--single-transaction", "-d", info, "-f", str(script)], env)
            # an older backup is brought to this program's schema while still under this
            # maintenance (opening upgrades); nobody else writes meanwhile
            open_server(url, visitor=who).close()
        finally:
            with contextlib.suppress(StorageError):
                end_maintenance(live)
            with contextlib.suppress(StorageError):
                leave(live)
        return RestoreResult(dump, summary.schema_version, safety, True, next_generation,
                             holdouts)
    finally:
        live.close()


def dump_good(path: Path) -> bool:
    """Whether ``path`` reads as a dump of a desk-app database."""
    try:
        require_desk_dump(path)
    except StorageError:
        return False
    return True


def latest_good_dump(target: object) -> BackupInfo | None:
    """The newest of the server's backups that reads as a desk's dump."""
    from desk_app.storage.backup import list_backups

    for info in list_backups(home(target)):
        if info.path.suffix == SUFFIX and dump_good(info.path):
            return info
    return None
