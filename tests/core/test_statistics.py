"""The planner's statistics are the typical desk's on every file: written by the upgrade,
put back if an ANALYZE replaced them, so that a queue's plan does not depend on the file."""

from __future__ import annotations

import sqlite3

from desk_app.services.lists import queues
from desk_app.services.lists.queues import Filters, Queue
from desk_app.storage import statistics
from desk_app.storage.opening import open_store
from tests.conftest import Org
from tests.helpers import old_schema


def test_a_new_file_has_the_typical_statistics(org: Org) -> None:
    assert org.store.read(lambda: statistics.installed(org.store))
    assert not statistics.ensure(org.store)  # nothing to do


def test_an_upgrade_writes_them(org: Org) -> None:
    org.store.close()
    old_schema(org.path, 5)
    conn = sqlite3.connect(org.path)
    assert conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone() == (0,)
    conn.close()
    org.store = open_store(org.path)
    assert org.store.read(lambda: statistics.installed(org.store))


def test_statistics_replaced_by_hand_are_put_back(org: Org) -> None:
    for n in range(3):
        org.log(title=f"incident {n}")
    conn = sqlite3.connect(org.path)
    conn.execute("ANALYZE")  # someone's tool: statistics of this small file
    conn.commit()
    conn.close()
    assert not org.store.read(lambda: statistics.installed(org.store))
    assert statistics.ensure(org.store)
    assert org.store.read(lambda: statistics.installed(org.store))
    net1 = org.as_("net1")
    sql, params = queues.ids_query(net1, Queue.ALL, filters=Filters(stage="closed"))
    assert queues.plan(net1, sql, params) == ["SCAN i USING INDEX incident_queue_order"]


def test_opening_the_file_puts_statistics_replaced_by_hand_back(org: Org) -> None:
    org.store.close()
    conn = sqlite3.connect(org.path)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    org.store = open_store(org.path, daily_backup=False)
    assert org.store.read(lambda: statistics.installed(org.store))
