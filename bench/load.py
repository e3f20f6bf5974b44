"""Many workstations at once, on one shared file and on one server: when should a team move?

    python -m bench.load [--processes 8,16,32,64] [--seconds 10] [--server URL]

Each simulated workstation is a real process with its own connection, doing what a desk
does, as fast as it can: logging incidents (half of its work), adding work notes to
incidents others logged (four in ten) and running the escalation scan (one in ten). For
each count of processes and each kind of database this prints the throughput (writes per
second, all processes together), the time writes waited for the write lock (mean and 95th
percentile, from the store's own figures), and the writes that failed (busy after every
retry, or anything else). Without ``--server`` a PostgreSQL server of its own is started
from the system's binaries (``tests/postgres.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORKER = r"""
import json, random, sys, time
from desk_app.clock import SystemClock
from desk_app.domain.enums import Impact, IncidentType
from desk_app.errors import DatabaseBusy, DeskError
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident.log import NewIncident, add_note, log_incident
from desk_app.services.security.passwords import use_cheap_hashes
from desk_app.services.session import session_for
from desk_app.storage.models import Incident
from desk_app.storage.opening import open_store

from pathlib import Path
target, gate, seconds, seed, caller, category = (
    sys.argv[1], Path(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]),
    int(sys.argv[6]))
use_cheap_hashes()
rng = random.Random(seed)
store = open_store(target, daily_backup=False, lock_test="never")
waits, failures, done = [], {}, 0
store.on_write = lambda report: waits.append(report.lock_wait)
clock = SystemClock()
desk = session_for(store, "desk", clock)
(gate / f"ready-{seed}").touch()
while not (gate / "go").exists():  # every workstation imported, connected, signed in
    time.sleep(0.01)
start_at = float((gate / "go").read_text())
while time.time() < start_at:
    time.sleep(0.001)
end = start_at + seconds
while time.time() < end:
    roll = rng.random()
    try:
        if roll < 0.5:
            log_incident(desk, NewIncident(caller_id=caller, type=IncidentType.SYSTEM_FAULT,
                                           category_id=category, impact=Impact.MODERATE,
                                           title=f"load {seed} {done} 网络中断"))
        elif roll < 0.9:
            last = store.read(lambda: Incident.select(Incident.id)
                              .order_by(Incident.id.desc()).limit(20).tuples()[:])
            if last:
                add_note(desk, rng.choice(last)[0], f"note {seed} {done} 已重启")
        else:
            scan(store, clock)
        done += 1
    except DatabaseBusy as error:
        failures["busy"] = failures.get("busy", 0) + 1
    except DeskError as error:
        failures[error.key] = failures.get(error.key, 0) + 1
store.close()
print(json.dumps({"done": done, "waits": waits, "failures": failures}))
"""


def prepare(target: str) -> tuple[int, int]:
    """A database with a desk person, a caller and a category; (caller id, category id)."""
    from desk_app.domain.enums import Role
    from desk_app.services.admin.people import (
        CallerForm,
        GroupForm,
        UserForm,
        save_caller,
        save_group,
        save_user,
    )
    from desk_app.services.admin.process import CategoryForm, save_category
    from desk_app.services.database.setup import create_database
    from desk_app.services.security.passwords import use_cheap_hashes
    from desk_app.services.session import session_for

    use_cheap_hashes()
    store = create_database(target if "://" in target else Path(target),
                            UserForm("owner", "Owner", [], password="load-password"))
    owner = session_for(store, "owner")
    desk = save_user(owner, UserForm("desk", "Desk", [Role.SERVICE_DESK, Role.TIER1],
                                     password="load-password")).created or 0
    group = save_group(owner, GroupForm("NET", "Network", "网络组", 1, members=[desk])
                       ).created or 0
    category = save_category(owner, CategoryForm("network", "Network", "网络", group)
                             ).created or 0
    caller = save_caller(session_for(store, "desk"), CallerForm("Caller", "13900000000")
                         ).created or 0
    store.close()
    return caller, category


def run(target: str, processes: int, seconds: float) -> dict[str, object]:
    caller, category = prepare(target)
    gate = Path(tempfile.mkdtemp(prefix="desk-load-gate-"))
    procs = [subprocess.Popen(
        [sys.executable, "-c", WORKER, target, str(gate), str(seconds), str(n),
         str(caller), str(category)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(processes)]
    while len(list(gate.glob("ready-*"))) < processes and all(
            p.poll() is None for p in procs):
        time.sleep(0.1)
    start_at = time.time() + 1.0
    (gate / "go.tmp").write_text(str(start_at))
    (gate / "go.tmp").rename(gate / "go")
    done, waits, failures, crashed = 0, [], {}, 0
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        if proc.returncode != 0 or not out.strip():
            crashed += 1
            print(err[-800:], file=sys.stderr)
            continue
        result = json.loads(out.strip().splitlines()[-1])
        done += result["done"]
        waits += result["waits"]
        for key, count in result["failures"].items():
            failures[key] = failures.get(key, 0) + count
    late = time.time() > start_at + seconds + 30
    shutil.rmtree(gate, ignore_errors=True)
    waits.sort()
    return {
        "processes": processes,
        "ops_per_s": round(done / seconds, 1),
        "lock_wait_mean_ms": round(statistics.fmean(waits) * 1000, 1) if waits else 0.0,
        "lock_wait_p95_ms": round(waits[int(0.95 * (len(waits) - 1))] * 1000, 1)
        if waits else 0.0,
        "failed": sum(failures.values()) + crashed,
        "failures": failures | ({"crashed": crashed} if crashed else {}),
        "late": late,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", default="8,16,32,64")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--server", help="postgresql://… of a server to use (databases are "
                        "created in it); default: start one")
    parser.add_argument("--kinds", default="file,server")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.processes.split(",")]
    kinds = args.kinds.split(",")
    server = None
    if "server" in kinds:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from tests import postgres

        server = postgres.Server(args.server) if args.server else postgres.start()
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="desk-load-") as folder:
            for count in counts:
                for kind in kinds:
                    if kind == "file":
                        target = str(Path(folder) / f"load-{count}.sqlite")
                    else:
                        assert server is not None
                        target = server.create_database()
                    row = {"kind": kind} | run(target, count, args.seconds)
                    rows.append(row)
                    print(json.dumps(row), flush=True)
    finally:
        if server is not None and not args.server:
            server.stop()
    print()
    print(f"{'kind':<7}{'procs':>6}{'writes/s':>10}{'wait mean':>11}{'wait p95':>10}"
          f"{'failed':>8}")
    for row in rows:
        print(f"{row['kind']:<7}{row['processes']:>6}{row['ops_per_s']:>10}"
              f"{row['lock_wait_mean_ms']:>9}ms{row['lock_wait_p95_ms']:>8}ms"
              f"{row['failed']:>8}")
    random.seed(0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
