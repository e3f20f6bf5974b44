"""R09 on a server: workstations claim outbox rows with ``SELECT … FOR UPDATE SKIP LOCKED``
and no write lock — two real processes claiming at once never lease the same row, and a
claim passes over a row another workstation holds instead of waiting for it."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from desk_app.delivery.config import set_config_values
from desk_app.delivery.outbox import Outbox
from desk_app.domain.enums import NotificationChannel
from desk_app.storage.postgres.database import WRITE_LOCK
from tests.conftest import Org
from tests.escalation_helpers import breach

ON_A_SERVER = pytest.mark.parametrize("database_kind", ["server"], indirect=True)
ROOT = Path(__file__).resolve().parents[3]


def _clone(conn: psycopg.Connection, table: str, where: str,
           overrides: dict[str, str], count: int) -> None:
    """``count`` copies of the row ``where`` picks, some columns set by SQL expressions of
    ``g`` (1..count); ids follow the highest, as the program's own inserts of these rows
    number them."""
    columns = [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND table_name = %s ORDER BY ordinal_position", (table,)).fetchall()]
    overrides = {"id": f'(SELECT max(id) FROM "{table}") + g', **overrides}
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(overrides.get(c, f't."{c}"') for c in columns)
    conn.execute(f'INSERT INTO "{table}" ({names}) SELECT {values} '  # type: ignore[arg-type]
                 f'FROM "{table}" t, generate_series(1, {count}) g WHERE {where}')


def _many_due_rows(org: Org, count: int) -> set[int]:
    """``count`` due e-mail rows (one escalation, as many recipients) besides breach's."""
    breach(org)
    with psycopg.connect(str(org.path).replace(":/", "://", 1), autocommit=True) as conn:
        _clone(conn, "user", "t.username = 'manager'",
               {"username": "'lease_' || g", "email": "'lease_' || g || '@example.test'"},
               count)
        _clone(conn, "notification", "t.channel = 'email'",
               {"recipient_id": "(SELECT id FROM \"user\" WHERE username = 'lease_' || g)"},
               count)
        return {r[0] for r in conn.execute(
            "SELECT id FROM notification WHERE channel = 'email'").fetchall()}


@ON_A_SERVER
def test_r09_two_processes_leasing_at_once_never_lease_a_row_twice(
        org: Org, tmp_path: Path) -> None:
    set_config_values(org.as_("owner"), lease_seconds=3600)
    due = _many_due_rows(org, 240)
    go = tmp_path / "go"
    workers = [subprocess.Popen(
        [sys.executable, "-m", "tests.lease_worker", str(org.path),
         org.clock.now().isoformat(), str(go)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)]
    time.sleep(1.0)  # both have opened the database and wait for the word
    go.touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        results.append(json.loads(out))
    first, second = results
    assert len(first) == len(set(first)) and len(second) == len(set(second))
    assert not set(first) & set(second)  # no row leased by both
    assert set(first) | set(second) == due  # and every due row leased by one of them
    # both took part (they claimed side by side rather than one after the other)
    print(f"leased: {len(first)} and {len(second)} of {len(due)}")
    assert first and second


@ON_A_SERVER
def test_r09_a_claim_on_a_server_skips_rows_another_holds_without_waiting(
        org: Org) -> None:
    set_config_values(org.as_("owner"), lease_seconds=3600)
    due = sorted(_many_due_rows(org, 4))
    url = str(org.path).replace(":/", "://", 1)
    with psycopg.connect(url) as other:  # another workstation, in the middle of its claim
        other.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        other.execute("SELECT id FROM notification WHERE id = %s FOR UPDATE", (due[0],))
        started = time.monotonic()
        claims = Outbox(org.store, org.clock).claim([NotificationChannel.EMAIL], limit=10)
        waited = time.monotonic() - started
        other.rollback()
    taken = sorted(c.alert.notification_id for c in claims)
    assert taken == due[1:]  # the held row passed over, the rest taken
    print(f"claimed beside a held row and the write lock in {waited:.3f} s")
