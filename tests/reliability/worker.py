"""One workstation of a torture test, as its own process:

    python -m tests.reliability.worker updates FILE WORKER RUN COUNT INCIDENTS OUT [ACKS]
    python -m tests.reliability.worker edit-same FILE WORKER COUNT INCIDENT OUT
    python -m tests.reliability.worker fill FILE OUT
    python -m tests.reliability.worker open FILE

``updates`` (T1, T3): COUNT edits through the real service (``update_incident``), each
setting an incident's description to a tag unique to (worker, run, number), spread over the
shared INCIDENTS (comma-separated ids). After each commit returns, the tag is appended to
ACKS and fsync'd: that file is the record, outside the database, of what the program told
its user was saved. OUT receives the lock waits and counts as JSON at the end.

``edit-same`` (T2): read the incident, think a moment, save an edit made from what was read
(with its version); a conflict is counted, never retried blindly.

``fill`` (T4): add large work notes until the disk is full, wait for a line on stdin
(space was freed), then add more; reports each step as a line.

``open`` (T5): wait for "go" on stdin, then open the file (which upgrades it if needed).
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

from desk_app.errors import ConflictError, DatabaseBusy, DeskError, StorageError
from desk_app.services.incident.log import IncidentFields, add_note, update_incident
from desk_app.services.session import session_for
from desk_app.storage.events import WriteReport
from desk_app.storage.opening import open_store


def _ack(file: object, tag: str) -> None:
    file.write(tag + "\n")  # type: ignore[attr-defined]
    file.flush()  # type: ignore[attr-defined]
    os.fsync(file.fileno())  # type: ignore[attr-defined]


def updates(path: str, worker: str, run: str, count: str, incidents: str, out: str,
            acks: str | None = None) -> int:
    if os.environ.get("DESK_LOCK_POLL"):  # T1's comparison with SQLite's own busy handler
        import desk_app.storage.database as database

        database.LOCK_POLL = float(os.environ["DESK_LOCK_POLL"])
    store = open_store(path, daily_backup=False)
    session = session_for(store, "desk")
    targets = [int(i) for i in incidents.split(",")]
    waits: list[float] = []
    attempts: dict[int, int] = {}

    def record(report: WriteReport) -> None:
        waits.append(report.lock_wait)
        attempts[report.attempts] = attempts.get(report.attempts, 0) + 1

    store.on_write = record
    busy_failures = 0
    ack_file = open(acks, "a", encoding="utf-8") if acks else None  # noqa: SIM115
    started = time.monotonic()
    for n in range(int(count)):
        tag = f"w{worker}-r{run}-{n}"
        incident = targets[(int(worker) + n) % len(targets)]
        while True:
            try:
                update_incident(session, incident, IncidentFields(description=tag))
                break
            except DatabaseBusy:
                busy_failures += 1  # the user sees "busy" and saves again
        if ack_file is not None:
            _ack(ack_file, tag)
    elapsed = time.monotonic() - started
    Path(out).write_text(json.dumps({
        "waits": waits, "attempts": attempts, "busy_failures": busy_failures,
        "elapsed": elapsed, "writes": int(count)}), encoding="utf-8")
    store.close()
    return 0


def edit_same(path: str, worker: str, count: str, incident: str, out: str) -> int:
    store = open_store(path, daily_backup=False)
    session = session_for(store, "desk")
    target = int(incident)
    saved, conflicts = [], 0
    rng = random.Random(int(worker))
    for n in range(int(count)):
        version, description = store.read(lambda: store.db.execute_sql(
            "SELECT version, description FROM incident WHERE id = ?", (target,)).fetchone())
        time.sleep(rng.uniform(0, 0.01))  # the person edits the form
        tag = f"w{worker}-{n}"
        try:
            update_incident(session, target, IncidentFields(description=tag), version=version)
        except ConflictError:
            conflicts += 1
            continue
        saved.append({"tag": tag, "version": version, "seen": description})
    Path(out).write_text(json.dumps({"saved": saved, "conflicts": conflicts}),
                         encoding="utf-8")
    store.close()
    return 0


def fill(path: str, out: str, limit: str | None = None) -> int:
    """Notes of 16 KB until the disk refuses; then, after a line on stdin, more notes.
    With ``limit``, the "disk" is a file-size limit (RLIMIT_FSIZE), lifted on that line."""
    import resource
    import signal

    hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
    store = open_store(path, daily_backup=False)
    if limit is not None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), hard))
    session = session_for(store, "desk")
    log = open(out, "a", encoding="utf-8")  # noqa: SIM115
    filler = "满" * 5000 + "x" * 1000
    n = 0
    while True:
        tag = f"fill-{n:05d}"
        try:
            add_note(session, 1, tag + filler)
        except StorageError as error:
            print(f"refused {tag} {type(error).__name__}", flush=True)
            print(f"en {error.message('en')}", flush=True)
            print(f"zh {error.message('zh')}", flush=True)
            break
        _ack(log, tag)
        n += 1
    print("waiting", flush=True)
    sys.stdin.readline()
    if limit is not None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    resumed = 0
    for m in range(5):
        tag = f"after-{m}"
        try:
            add_note(session, 1, tag)
        except DeskError as error:
            print(f"still refused {type(error).__name__}", flush=True)
            return 1
        _ack(log, tag)
        resumed += 1
    print(f"resumed {resumed}", flush=True)
    store.close()
    return 0


def open_file(path: str) -> int:
    print("ready", flush=True)
    sys.stdin.readline()
    store = open_store(path, daily_backup=False)
    assert store.report is not None and store.report.migration is not None
    result = store.report.migration
    print(json.dumps({"found": result.found, "applied": result.applied,
                      "backup": str(result.backup) if result.backup else None,
                      "version": store.user_version(), "pid": os.getpid()}), flush=True)
    store.close()
    return 0


def mixed(path: str, worker: str, run: str, caller: str, category: str, acks: str) -> int:
    """T6: log incidents (each title unique to worker, run and number), and every few, run
    an escalation scan and take a backup; each is acknowledged in ACKS once it returned."""
    from desk_app.clock import SystemClock
    from desk_app.services.alerts.escalation import scan
    from desk_app.services.incident.log import NewIncident, log_incident
    from desk_app.storage.backup import take_backup

    store = open_store(path, daily_backup=False)
    session = session_for(store, "desk")
    folder = Path(path).parent / f"backups-{worker}"
    with open(acks, "a", encoding="utf-8") as ack:
        n = 0
        while True:
            n += 1
            tag = f"w{worker}-r{run}-{n}"
            try:
                log_incident(session, NewIncident(int(caller), "system_fault", int(category),
                                                  3, tag))
            except DatabaseBusy:
                continue
            _ack(ack, f"log {tag}")
            if n % 7 == 0:
                try:
                    scan(store, SystemClock())
                    _ack(ack, f"scan {tag}")
                except DatabaseBusy:
                    pass
            if n % 11 == 0:
                info = take_backup(store, "manual", folder=folder)
                _ack(ack, f"backup {info.path}")


MODES = {"mixed": mixed, "updates": updates, "edit-same": edit_same, "fill": fill,
         "open": open_file}

if __name__ == "__main__":
    raise SystemExit(MODES[sys.argv[1]](*sys.argv[2:]))
