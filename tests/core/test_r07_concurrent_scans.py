"""R07: several workstations scanning the same file at the same moment escalate each breach
once, with one notification per recipient and channel. Real processes, one real file."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from desk_app.domain.enums import Impact, Urgency
from desk_app.storage.models import Escalation, Notification
from tests.conftest import Org

SCANNER = """
import sys, time
from datetime import datetime
from desk_app.clock import FakeClock
from desk_app.services.alerts.escalation import scan
from desk_app.storage.opening import open_store

path, now, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
store = open_store(path)
while time.time() < start_at:  # line up with the other scanners
    time.sleep(0.001)
changes = scan(store, FakeClock(datetime.fromisoformat(now)))
print(len(changes.escalations))
"""


def run_scanners(path: Path, now: str, count: int) -> list[int]:
    start_at = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", SCANNER, str(path), now, str(start_at)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(count)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(int(out.strip()))
    return results


def test_r07_two_processes_scanning_at_once_escalate_each_breach_once(org: Org) -> None:
    incidents = [org.log(impact=Impact.MINOR, urgency=Urgency.LOW) for _ in range(30)]
    incidents += [org.log(impact=Impact.EXTENSIVE, urgency=Urgency.CRITICAL) for _ in range(30)]
    now = (org.clock.now() + timedelta(days=20)).isoformat()
    org.store.close()
    per_process = run_scanners(org.path, now, 2)
    org.store.db.connect(reuse_if_open=True)
    rows = list(Escalation.select())
    keys = [(e.incident_id, e.reason) for e in rows]
    assert len(keys) == len(set(keys))
    assert sum(per_process) == len(rows)
    assert {e.incident_id for e in rows} == set(incidents)
    # every incident breached all three stage targets, each escalated exactly once
    assert len(rows) == 3 * len(incidents)
    notes = [(n.escalation_id, n.recipient_id, n.channel) for n in Notification.select()]
    assert len(notes) == len(set(notes)) >= len(rows)


def test_r07_four_processes_racing_on_the_same_breaches(org: Org) -> None:
    for _ in range(10):
        org.log()
    now = (org.clock.now() + timedelta(hours=2)).isoformat()
    org.store.close()
    per_process = run_scanners(org.path, now, 4)
    org.store.db.connect(reuse_if_open=True)
    assert sum(per_process) == Escalation.select().count() == 10 * 2  # assign, then accept
