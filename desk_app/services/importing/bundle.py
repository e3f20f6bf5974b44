"""Everything out, and back into an empty database (issue 15).

An export is a folder: one CSV file per table (UTF-8, a header row of column names, ``\\N``
for an empty value — NULL — so that it stays apart from an empty text) and
``manifest.json``, which names the program, the schema version, each table with its
columns and row count. Secrets are not exported: password hashes and settings whose key
names a password, secret or token are left out (docs/export.md). The runtime tables of
who has the file open and of maintenance are not exported either.

Importing a bundle rebuilds a database that has no incidents yet, keeping every id, so the
incidents, their journals, people and settings are the same. The person importing keeps
their own password; everyone else is given one by the process owner before signing in.
"""

from __future__ import annotations

import base64
import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import peewee

from desk_app import __version__
from desk_app.errors import BadInput, RuleViolation
from desk_app.services.admin.common import require_owner
from desk_app.services.importing.source import usable_path
from desk_app.services.session import Session
from desk_app.storage.bulk import executemany
from desk_app.storage.migrations import LATEST
from desk_app.storage.models import (
    MODELS,
    Incident,
    Journal,
    Maintenance,
    Presence,
    User,
    UserRole,
    database,
)

NULL = "\\N"
FORMAT = "desk-app-export"
_SKIPPED = (Presence, Maintenance)
_SECRET_WORDS = ("password", "secret", "token", "api_key")


def _tables() -> list[str]:
    return [m._meta.table_name for m in MODELS if m not in _SKIPPED]


def _secret_setting(key: str) -> bool:
    return any(word in key.lower() for word in _SECRET_WORDS)


#: Columns that are the file's own evidence, not data: the hash chain's place and link of each
#: journal row (schema 22). The importing file's triggers chain the rows afresh.
_FILE_OWN = {("journal", "seq"), ("journal", "chain")}


def _columns(table: str) -> list[tuple[str, str]]:
    return [(row[1], str(row[2]).upper())
            for row in database.execute_sql(f'PRAGMA table_info("{table}")')
            if (table, row[1]) not in _FILE_OWN]


def _order(names: list[str]) -> str:
    """Rows in the order they were made: by id (every table's but a few link tables',
    which are ordered by all their columns, the same on a file and on a server)."""
    return '"id"' if "id" in names else ", ".join(f'"{n}"' for n in names)


def _written(value: object) -> object:
    """A value as the bundle writes it: booleans as the 1 and 0 a file stores (a server
    gives True and False), bytes as base64 (``_value`` reads them back)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _follow_ids(table: str) -> None:
    """On a server, the table's ids continue after the rows brought in with their ids (a
    file's rowid does so by itself)."""
    if not isinstance(database.obj, peewee.SqliteDatabase):
        database.execute_sql("SELECT desk_follow_identity(?)", (table,))


def export_bundle(session: Session, out: str | Path) -> dict[str, Any]:
    """Write the export into ``out`` (a new or empty folder)."""
    out = usable_path(out)
    try:
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise BadInput("export.out_not_empty", path=str(out))
    except OSError as error:
        raise BadInput("export.out_not_empty", path=str(out)) from error

    def read() -> dict[str, Any]:
        require_owner(session)  # R04: everything, people included
        out.mkdir(parents=True, exist_ok=True)
        manifest: dict[str, Any] = {"format": FORMAT, "program": __version__,
                                    "schema": LATEST, "null": NULL, "tables": {}}
        for table in _tables():
            columns = _columns(table)
            names = [c for c, _ in columns]
            count = 0
            with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(names)
                for row in database.execute_sql(
                        f'SELECT {", ".join(chr(34) + n + chr(34) for n in names)} '
                        f'FROM "{table}" ORDER BY {_order(names)}'):
                    values = dict(zip(names, row, strict=True))
                    if table == "user":
                        values["password_hash"] = None  # a secret
                    if table == "setting" and _secret_setting(str(values["key"])):
                        continue
                    writer.writerow([NULL if v is None else _written(v)
                                     for v in values.values()])
                    count += 1
            # (a server's boolean columns are the INTEGER columns of a file: 1 and 0 in both)
            manifest["tables"][table] = {"file": f"{table}.csv", "columns": names,
                                         "types": ["INTEGER" if t == "BOOLEAN" else t
                                                   for _, t in columns], "rows": count}
        manifest["secrets_excluded"] = ["user.password_hash",
                                        "setting: keys naming " + ", ".join(_SECRET_WORDS)]
        (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False),
                                           encoding="utf-8")
        return {"tables": len(manifest["tables"]),
                "incidents": manifest["tables"]["incident"]["rows"]}

    try:
        return session.read(read)
    except OSError as error:  # a full disk, no rights on the folder
        raise BadInput("export.cannot_write", path=str(out), detail=str(error)) from error


def _manifest(folder: Path) -> dict[str, Any]:
    path = folder / "manifest.json"
    try:
        found = path.is_file()
    except OSError:
        found = False
    if not found:
        raise BadInput("import.bundle.not_bundle", path=str(folder))
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BadInput("import.bundle.bad", detail="manifest.json") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(
            manifest.get("tables"), dict) or not isinstance(manifest.get("schema"), int):
        raise BadInput("import.bundle.bad", detail="manifest.json")
    if manifest["schema"] > LATEST:
        raise BadInput("import.bundle.newer", version=manifest["schema"])
    return manifest


def _value(text: str, kind: str) -> object:
    if text == NULL:
        return None
    if kind.startswith("INT") or kind in ("BOOLEAN",):
        try:
            number = int(text)
        except ValueError as error:
            raise BadInput("import.bundle.bad", detail=text[:40]) from error
        return bool(number) if kind == "BOOLEAN" else number  # (a server's boolean)
    if kind == "BLOB":
        try:
            return base64.b64decode(text, validate=True)
        except ValueError as error:
            raise BadInput("import.bundle.bad", detail=text[:40]) from error
    if kind in ("REAL", "FLOAT", "DOUBLE"):
        return float(text)
    return text


def incidents_held(session: Session) -> int:
    """How many incidents this database holds (a bundle is imported only when none): asked
    before the import is offered, so that it is never refused after the folder is chosen."""

    def run() -> int:
        require_owner(session)
        return int(Incident.select().count())

    return session.read(run)


def import_bundle(session: Session, folder: str | Path) -> dict[str, int]:
    """Rebuild this database, which must have no incidents, from the export in ``folder``."""
    folder = usable_path(folder)
    manifest = _manifest(folder)

    def run() -> dict[str, int]:
        require_owner(session)
        count = Incident.select().count()
        if count:
            raise RuleViolation("import.bundle.not_empty", count=count)
        me = User.get_by_id(session.user_id)
        database.execute_sql("PRAGMA defer_foreign_keys = ON")
        tables = [t for t in _tables() if t in manifest["tables"]]
        for table in reversed(_tables()):
            database.execute_sql(f'DELETE FROM "{table}"')
        for table in tables:
            _load(folder, table, manifest["tables"][table])
        kept = User.get_or_none(User.username == me.username)
        if kept is None:  # the bundle does not know the person importing: they stay
            kept_id = User.insert(username=me.username, full_name=me.full_name,
                                  email=me.email, phone=me.phone, password_hash="!",
                                  language=me.language, created_at=me.created_at).execute()
            UserRole.insert(user=kept_id, role="process_owner").execute()
        else:
            kept_id = kept.id
        User.update(password_hash=me.password_hash).where(User.id == kept_id).execute()
        if database.execute_sql("PRAGMA foreign_key_check").fetchone() is not None:
            raise BadInput("import.bundle.bad", detail="foreign keys")
        return {"incidents": Incident.select().count(), "journal": Journal.select().count(),
                "users": User.select().count()}

    result = session.write(run)
    from desk_app.services.process.reference import forget

    forget(session.store)
    return result


def _load(folder: Path, table: str, entry: Any) -> None:
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
        raise BadInput("import.bundle.bad", detail=table)
    path = folder / Path(entry["file"]).name
    here = dict(_columns(table))
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            unknown = [c for c in header if c not in here]
            if unknown:
                raise BadInput("import.bundle.bad", detail=f"{table}.{unknown[0]}")
            marks = ", ".join("?" * len(header))
            names = ", ".join(f'"{c}"' for c in header)
            sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
            batch: list[list[object]] = []
            for row in reader:
                if len(row) != len(header):
                    raise BadInput("import.bundle.bad", detail=f"{table}:{reader.line_num}")
                values = [_value(v, here[c]) for c, v in zip(header, row, strict=True)]
                if table == "user":
                    values[header.index("password_hash")] = "!"  # no password until given
                batch.append(values)
                if len(batch) >= 5000:
                    executemany(sql, batch)
                    batch.clear()
            if batch:
                executemany(sql, batch)
    except FileNotFoundError as error:
        raise BadInput("import.bundle.bad", detail=entry["file"]) from error
    except (UnicodeDecodeError, csv.Error, sqlite3.DatabaseError,
            peewee.DatabaseError) as error:
        raise BadInput("import.bundle.bad", detail=f"{table}: {error}") from error
    _follow_ids(table)

