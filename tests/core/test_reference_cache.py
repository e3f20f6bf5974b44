"""The reference cache (services/process/reference.py) never serves data older than the file:
a change by the process owner here, or by anyone on another workstation, applies to the very
next call (R13, R15, R19 "from then on")."""

from __future__ import annotations

import contextlib
import subprocess
import sys

from desk_app.domain.enums import Impact, TargetStage, Urgency
from desk_app.services.admin.process import save_matrix, save_target
from desk_app.services.process.reference import reference
from desk_app.storage.chain import register_sqlite
from desk_app.storage.models import Incident, TargetClock
from tests.conftest import Org

OTHER_WORKSTATION = """
import sys
from desk_app.services.admin.process import save_target
from desk_app.services.session import session_for
from desk_app.storage.opening import open_store

store = open_store(sys.argv[1])
save_target(session_for(store, "owner"), 3, "assign", int(sys.argv[2]), 2)
store.close()
"""


def assign_minutes(incident_id: int) -> int:
    return TargetClock.get((TargetClock.incident == incident_id)
                           & (TargetClock.stage == "assign")).target_minutes


def test_r15_a_target_changed_here_applies_to_the_next_incident(org: Org) -> None:
    assert assign_minutes(org.log()) == 60  # the targets are now cached
    save_target(org.as_("owner"), 3, "assign", 75, 2)
    assert assign_minutes(org.log()) == 75


def test_r15_a_target_changed_on_another_workstation_applies_here(org: Org) -> None:
    assert assign_minutes(org.log()) == 60
    done = subprocess.run([sys.executable, "-c", OTHER_WORKSTATION, str(org.path), "95"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert assign_minutes(org.log()) == 95


def test_r13_a_matrix_edit_applies_to_the_next_incident(org: Org) -> None:
    first = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)
    assert Incident.get_by_id(first).priority == 3
    cells = {(i, u): p for (i, u), p in org.store.read(
        lambda: {(k[0].value, k[1].value): v.value
                 for k, v in reference(org.store).matrix.items()}).items()}
    cells[(3, 3)] = 1
    save_matrix(org.as_("owner"), cells)
    second = org.log(impact=Impact.MODERATE, urgency=Urgency.MEDIUM)
    assert Incident.get_by_id(second).priority == 1


def test_r15_each_thread_sees_a_target_changed_on_another(org: Org) -> None:
    """The UI runs core calls on worker threads, each with its own connection."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as worker:
        assert assign_minutes(worker.submit(org.log).result()) == 60
        assert assign_minutes(org.log()) == 60
        save_target(org.as_("owner"), 3, "assign", 80, 2)  # on this thread's connection
        assert assign_minutes(worker.submit(org.log).result()) == 80
        worker.submit(save_target, org.as_("owner"), 3, "assign", 85, 2).result()
        assert assign_minutes(org.log()) == 85


def _reads(org: Org) -> list[str]:
    """The statements one ``read_reference`` runs."""
    from desk_app.services.process.reference import read_reference

    statements: list[str] = []

    def run() -> None:
        connection = org.store.db.connection()
        connection.set_trace_callback(statements.append)
        try:
            read_reference()
        finally:
            connection.set_trace_callback(None)

    org.store.read(run)
    return statements


def test_every_table_the_reference_reads_bumps_its_generation(org: Org) -> None:
    """The cache is kept while the file's reference generation is unchanged, so a change to
    any table it reads, by any program, must bump it (schema 15's triggers)."""
    import re

    tables = {t for s in _reads(org) for t in re.findall(r'(?:FROM|JOIN)\s+"?(\w+)"?', s)}
    assert {"service_target", "priority_cell", "working_calendar", "user_role"} <= tables
    triggers = {(str(t), str(s)) for t, s in org.store.execute(
        "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")}
    for table in tables:
        for event in ("INSERT", "UPDATE", "DELETE"):
            assert any(t == table and f"AFTER {event}" in sql and "reference_generation" in sql
                       for t, sql in triggers), (table, event)


def test_r15_writes_elsewhere_to_incidents_keep_the_cache(org: Org, monkeypatch) -> None:
    """Another workstation logging and updating incidents all day changes nothing the
    reference holds: the cache must survive it (it was read again after every such
    commit, three times the cost of logging an incident)."""
    import sqlite3

    from desk_app.services.process import reference as module

    org.log()
    loads: list[int] = []
    original = module.read_reference
    monkeypatch.setattr(module, "read_reference", lambda: loads.append(1) or original())
    other = sqlite3.connect(org.path, isolation_level=None)
    register_sqlite(other)  # the journal chain's functions, as every program connection has
    try:
        for _ in range(5):
            other.execute("UPDATE incident SET updated_at = updated_at WHERE id = 1")
            org.log()
    finally:
        other.close()
    assert loads == []
    save_target(org.as_("owner"), 3, "assign", 70, 2)
    assert assign_minutes(org.log()) == 70 and len(loads) == 1


def test_r15_a_change_rolled_back_is_never_served(org: Org) -> None:
    """Reading the reference inside a transaction that changed it, then rolling back,
    leaves nothing that a later change could be mistaken for."""
    import sqlite3

    from desk_app.storage.models import ServiceTarget

    assert assign_minutes(org.log()) == 60

    class Undo(Exception):
        pass

    def change_then_fail() -> None:
        ServiceTarget.update(minutes=45).where((ServiceTarget.priority == 3)
                                               & (ServiceTarget.stage == "assign")).execute()
        assert reference(org.store).targets[(3, TargetStage.ASSIGN)].minutes == 45
        raise Undo

    with contextlib.suppress(Undo):
        org.store.write(change_then_fail)
    assert assign_minutes(org.log()) == 60
    other = sqlite3.connect(org.path, isolation_level=None)
    register_sqlite(other)
    try:
        other.execute("UPDATE service_target SET minutes = 50 WHERE priority = 3"
                      " AND stage = 'assign'")
    finally:
        other.close()
    assert assign_minutes(org.log()) == 50
