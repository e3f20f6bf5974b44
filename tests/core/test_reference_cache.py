"""The reference cache (services/reference.py) never serves data older than the file:
a change by the process owner here, or by anyone on another workstation, applies to the very
next call (R13, R15, R19 "from then on")."""

from __future__ import annotations

import subprocess
import sys

from desk_app.domain.enums import Impact, Urgency
from desk_app.services.admin.process import save_matrix, save_target
from desk_app.services.reference import reference
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
