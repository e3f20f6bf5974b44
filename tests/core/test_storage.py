"""The storage decisions of ARCHITECTURE.md: pragmas, schema versions, compare-and-set."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from desk_app.errors import ConflictError, DatabaseIOError, SchemaTooNew
from desk_app.services.incident import workflow
from desk_app.services.incident.log import IncidentFields, update_incident
from desk_app.storage.migrations import LATEST, MIGRATIONS
from desk_app.storage.models import MODELS, Incident
from desk_app.storage.models import database as proxy
from desk_app.storage.opening import open_store
from tests.conftest import Org
from tests.helpers import refused


def test_every_connection_uses_the_rollback_journal_and_extra_sync(org: Org) -> None:
    assert org.store.execute("PRAGMA journal_mode")[0][0] == "delete"
    assert org.store.execute("PRAGMA synchronous")[0][0] == 3  # EXTRA
    assert org.store.execute("PRAGMA foreign_keys")[0][0] == 1
    assert org.store.db.timeout > 0


def test_a_file_someone_switched_to_wal_is_switched_back(tmp_path: Path, org: Org) -> None:
    org.store.close()
    raw = sqlite3.connect(org.path)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.close()
    store = open_store(org.path)
    assert store.execute("PRAGMA journal_mode")[0][0] == "delete"
    store.close()


def test_schema_version_is_in_user_version(org: Org) -> None:
    assert org.store.user_version() == LATEST == MIGRATIONS[-1].version


def test_a_newer_file_is_refused_with_the_version_it_needs(org: Org) -> None:
    org.store.execute(f"PRAGMA user_version = {LATEST + 1}")
    org.store.close()
    with pytest.raises(SchemaTooNew) as info:
        open_store(org.path)
    assert str(LATEST + 1) in info.value.message("en")
    assert str(LATEST + 1) in info.value.message("zh")


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseIOError):
        open_store(tmp_path / "nowhere.sqlite")


def _schema(db_path: Path) -> set[tuple[str, str, str]]:
    """Indexes and triggers by their SQL; tables by their columns (name, type, NOT NULL,
    key) and foreign keys, in name order: a column added by ``ALTER TABLE`` (schema 22)
    lands at the end of the stored text, where the models put it among the others."""
    conn = sqlite3.connect(db_path)
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    found = set()
    for t, n, s in rows:
        if t == "table" and not s.upper().startswith("CREATE VIRTUAL"):
            columns = sorted((c[1], c[2], c[3], c[5]) for c in conn.execute(
                f'PRAGMA table_info("{n}")'))
            keys = sorted((*tuple(k[2:5]), k[6]) for k in conn.execute(
                f'PRAGMA foreign_key_list("{n}")'))
            checks = sorted(part.strip() for part in s.split("CHECK")[1:])
            found.add((t, n, repr((columns, keys, checks))))
        else:
            found.add((t, n, " ".join(s.split())))
    conn.close()
    return found


def test_migrations_build_exactly_the_schema_the_models_describe(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite"
    open_store(migrated, create=True).close()
    modelled = tmp_path / "modelled.sqlite"
    db = SqliteDatabase(modelled)
    proxy.initialize(db)
    db.create_tables(MODELS)
    db.close()
    extra = {row for row in _schema(migrated) - _schema(modelled)
             if row[0] in ("table", "index") and row[1] in {m._meta.table_name for m in MODELS}}
    assert _schema(modelled) - _schema(migrated) == set()
    assert extra == set()


def test_a_stale_edit_is_a_conflict_never_an_overwrite(org: Org) -> None:
    incident_id = org.log()
    seen = Incident.get_by_id(incident_id).version
    update_incident(org.as_("desk"), incident_id, IncidentFields(title="First edit"),
                    version=seen)
    with refused(org.store, ConflictError) as info:
        update_incident(org.as_("desk2"), incident_id, IncidentFields(title="Second edit"),
                        version=seen)
    assert info.value.current_version == seen + 1
    assert Incident.get_by_id(incident_id).title == "First edit"
    with refused(org.store, ConflictError):
        workflow.assign(org.as_("desk"), incident_id, version=seen)


def test_the_core_never_imports_qt() -> None:
    code = ("import sys, desk_app.cli, desk_app.demo, desk_app.services.incident.actions, "
            "desk_app.services.incident.queries, desk_app.commands;"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui')];"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_tests_import_nothing_from_qt() -> None:
    """tests/core exercises desk_app without a display: no module here imports Qt."""
    import ast

    folder = Path(__file__).parent
    for source in [*folder.glob("*.py"), folder.parent / "conftest.py",
                   folder.parent / "helpers.py"]:
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert name.split(".")[0] not in {"PySide6", "shiboken6", "ui", "pytestqt"}, (
                    f"{source.name} imports {name}")
