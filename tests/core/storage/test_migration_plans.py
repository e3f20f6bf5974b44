"""Upgrading an old file must not take hours: the migrations' statements are checked for
work that grows with the square of the file (no timed assertions, the plans and the schema
are what is checked)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from desk_app.domain.enums import Impact, Urgency
from desk_app.services.alerts.escalation import scan
from desk_app.storage.database import Store
from desk_app.storage.migrations import MIGRATIONS, statements
from tests.conftest import Org
from tests.escalation_helpers import breach
from tests.helpers import old_schema

DROPPED = re.compile(r'DROP TABLE (?:IF EXISTS )?"(\w+)"')


def _unindexed_children(conn: sqlite3.Connection, parent: str) -> list[str]:
    """Foreign keys that refer to ``parent`` from a column no index starts with."""
    missing = []
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        keys = [k for k in conn.execute(f'PRAGMA foreign_key_list("{table}")')
                if k[2] == parent]
        if not keys:
            continue
        leading = {conn.execute(f'PRAGMA index_info("{index[1]}")').fetchone()[2]
                   for index in conn.execute(f'PRAGMA index_list("{table}")')}
        missing += [f"{table}.{k[3]}" for k in keys if k[3] not in leading]
    return missing


def test_a_table_a_migration_drops_has_every_referring_column_indexed(tmp_path: Path) -> None:
    """With foreign keys on, dropping a table first deletes its rows, and each deleted row
    is looked for in every table that refers to it. Schema 24 rebuilt ``notification`` with
    the new table's ``joined_to_id`` referring to it and its index made only after the old
    table went: a scan of the new table per old row, which took over 14 minutes on a file
    of 10,000 incidents and hours on 100,000."""
    store = Store(tmp_path / "desk.sqlite")
    try:
        found = []
        with store.db.atomic():
            for migration in MIGRATIONS:
                for statement in statements(migration.sql_file):
                    dropped = DROPPED.match(statement)
                    if dropped:
                        conn = store.db.connection()
                        found += [f"{migration.sql_file}: {dropped[1]} ← {child}"
                                  for child in _unindexed_children(conn, dropped[1])]
                    store.db.execute_sql(statement)
                if migration.then is not None:
                    migration.then(store)
        assert found == []
    finally:
        store.close()


#: How schema 24 first found the call task each later open one joins (one correlated
#: subquery per open call task, over every pending row of that person).
SHIPPED_LEADS = (
    'SELECT n."id" AS "id", (SELECT MIN(m."id") FROM "notification" m '
    'JOIN "escalation" f ON f."id" = m."escalation_id" '
    "WHERE m.\"channel\" IN ('phone', 'verbal') AND m.\"state\" = 'pending' "
    'AND m."recipient_id" = n."recipient_id" AND f."incident_id" = e."incident_id") AS "lead" '
    'FROM "notification" n JOIN "escalation" e ON e."id" = n."escalation_id" '
    "WHERE n.\"channel\" IN ('phone', 'verbal') AND n.\"state\" = 'pending'")


def _leads_now() -> str:
    """The same, as the tree's 0024 writes it (the SELECT of its ``call_lead`` insert)."""
    (insert,) = [s for s in statements("0024_call_tasks_and_delivery_states.sql")
                 if s.startswith('INSERT INTO temp."call_lead"')]
    return insert[insert.index("SELECT"):].rstrip(";")


@pytest.mark.file_only
def test_r09_schema_24_joins_the_same_call_tasks_in_one_pass(org: Org) -> None:
    """The upgrade to 24 finds, per incident and person, the first open call task in one
    window pass instead of a subquery per task: the same pairs on a file with several
    incidents and people holding open call tasks."""
    from desk_app.storage.models import Notification

    breach(org)
    breach(org)
    org.log(impact=Impact.MINOR, urgency=Urgency.LOW)  # left alone: three escalations
    for _ in range(40):
        org.clock.advance(hours=6)
        scan(org.store, org.clock)
    org.store.write(lambda: Notification.update(
        state="pending", joined_to=None, state_reason="").where(
        Notification.channel.in_(["phone", "verbal"])).execute())  # as schema 15 left them
    org.store.close()
    old_schema(org.path, 23)
    conn = sqlite3.connect(org.path)
    try:
        shipped = sorted(conn.execute(SHIPPED_LEADS).fetchall())
        now = sorted(conn.execute(_leads_now()).fetchall())
    finally:
        conn.close()
    assert len({lead for _, lead in shipped}) >= 3  # several incidents and people
    assert any(row_id != lead for row_id, lead in shipped)  # some join a first one
    assert now == shipped


@pytest.mark.file_only
def test_an_old_files_journal_is_chained_in_batches_as_in_one(org: Org,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    """Bringing a file of schema 15 into the hash chain reads its journal in batches (15
    million rows at 1,000,000 incidents did not fit in memory at once): batches of two give
    the same links as one read, and the check finds nothing."""
    import shutil

    from desk_app.services.incident.log import add_note
    from desk_app.services.security.tamper import chain_findings
    from desk_app.storage import witness
    from desk_app.storage.chain import register_sqlite
    from desk_app.storage.opening import open_store

    for title in ("Printer jams", "VPN drops", "Mail bounces"):
        incident = org.log(title=title)
        add_note(org.as_("desk"), incident, "Caller rang again")
    org.store.close()
    old_schema(org.path, 15)
    whole = org.path.with_name("whole.sqlite")
    shutil.copyfile(org.path, whole)
    links = {}
    for path, batch in ((whole, 1_000_000), (org.path, 2)):
        monkeypatch.setattr(witness, "CHAIN_BATCH", batch)
        open_store(path).close()
        conn = sqlite3.connect(path)
        register_sqlite(conn)
        try:
            links[batch] = conn.execute("SELECT id, seq, chain FROM journal ORDER BY id"
                                        ).fetchall()
            findings = list(chain_findings(lambda sql, c=conn: c.execute(sql).fetchall(), {}))
        finally:
            conn.close()
        assert findings == []
    assert len(links[2]) >= 6 and links[2] == links[1_000_000]
    assert [seq for _, seq, _ in links[2]] == list(range(1, len(links[2]) + 1))
