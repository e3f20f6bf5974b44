"""The torture scenarios T1–T5 of issue 5, shared by the short runs in the test suite
(``test_torture.py``) and the full runs of ``tools/reliability.py``, which writes the figures
to ``docs/reliability.md``.

Every scenario runs real processes (``tests.reliability.worker``) against a real file,
checks what must hold, and returns its figures. A violated property raises
``AssertionError`` with what was found.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from random import Random
from typing import Any

from desk_app.clock import FakeClock
from desk_app.services.database.check import check_database
from desk_app.storage.backup import list_backups, verify_backup
from desk_app.storage.database import Store
from tests.conftest import build_org
from tests.helpers import old_schema

REPO = Path(__file__).resolve().parents[2]
Figures = dict[str, Any]


# -- helpers ---------------------------------------------------------------------------------
def prepared(folder: Path, incidents: int, name: str = "desk.sqlite") -> tuple[Path, list[int]]:
    """A small organisation with ``incidents`` incidents: the shared rows."""
    folder.mkdir(parents=True, exist_ok=True)
    org = build_org(folder / name, FakeClock("2026-03-02T01:00:00+00:00"))
    ids = [org.log(title=f"shared incident {n}") for n in range(incidents)]
    org.store.close()
    return org.path, ids


def worker(*args: object, **kwargs: Any) -> subprocess.Popen[str]:
    kwargs.setdefault("env", {**os.environ, "PYTHONPATH": str(REPO), "DESK_APP_LANG": "en"})
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.worker", *map(str, args)], cwd=REPO,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, **kwargs)


def wait_all(processes: Iterable[subprocess.Popen[str]], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    for process in processes:
        _, err = process.communicate(timeout=max(1.0, deadline - time.monotonic()))
        assert process.returncode == 0, f"worker failed: {err[-3000:]}"


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` through a fresh connection, as the next program to open the
    file would (which also rolls back a journal left by a killed writer)."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def product_check(path: Path) -> list[str]:
    """The product's own invariants (``desk-app check``); empty when all hold."""
    store = Store(path, read_only=True)
    try:
        report = check_database(store)
    finally:
        store.close()
    return [] if report.ok else report.lines()


def percentiles(waits: list[float]) -> Figures:
    ordered = sorted(waits)
    if not ordered:
        return {"median_ms": 0.0, "p95_ms": 0.0, "max_ms": 0.0}
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(p95 * 1000, 2), "max_ms": round(ordered[-1] * 1000, 2)}


def verify_updates(path: Path, acknowledged: set[str] | None,
                   expected: set[str] | None = None) -> Figures:
    """The state the ``updates`` workers must leave: every acknowledged (or expected) edit
    present exactly once, each edit replacing the one before it (no lost update), each
    incident's version counting its edits, and the file sound."""
    check = integrity(path)
    assert check == "ok", f"integrity_check: {check}"
    conn = sqlite3.connect(path, timeout=30)
    try:
        rows = conn.execute(
            "SELECT incident_id, json_extract(changes, '$.description[0]'), "
            "json_extract(changes, '$.description[1]') FROM journal WHERE action = 'update' "
            "AND json_extract(changes, '$.description') IS NOT NULL ORDER BY id").fetchall()
        incidents = {i: (v, d) for i, v, d in conn.execute(
            "SELECT id, version, description FROM incident")}
    finally:
        conn.close()
    present = Counter(tag for _, _, tag in rows)
    duplicates = sorted(t for t, c in present.items() if c > 1)
    assert not duplicates, f"edits recorded twice: {duplicates[:10]}"
    wanted = acknowledged if acknowledged is not None else expected or set()
    missing = sorted(wanted - present.keys())
    assert not missing, f"acknowledged edits missing: {missing[:10]}"
    if expected is not None:
        assert set(present) == expected, "unexpected edits in the file"
    last: dict[int, str] = {}
    edits: Counter[int] = Counter()
    for incident, old, new in rows:
        assert old == last.get(incident, ""), f"lost update on incident {incident}"
        last[incident] = new
        edits[incident] += 1
    for incident, (version, description) in incidents.items():
        assert version == 1 + edits[incident], f"incident {incident}: version {version}"
        assert description == last.get(incident, ""), f"incident {incident}: description"
    problems = product_check(path)
    assert not problems, "desk-app check: " + " | ".join(problems)
    return {"present": len(present), "acknowledged": len(wanted),
            "committed_not_acknowledged": len(present) - len(wanted & present.keys()),
            "integrity": check, "recorded_twice": len(duplicates), "missing": len(missing),
            "exactly_once": not duplicates and not missing}


# -- T1 --------------------------------------------------------------------------------------
def t1(folder: Path, processes: int = 8, updates: int = 2000, incidents: int = 8,
       lock_poll: float | None = None) -> Figures:
    """Many workstations editing the same few incidents at once. ``lock_poll`` changes how
    long each try to begin a write lets SQLite's busy handler wait (the store's
    ``LOCK_POLL``); ``lock_poll=2.0`` leaves all the waiting to SQLite, for comparison."""
    path, ids = prepared(folder, incidents)
    outs = [folder / f"t1-{w}.json" for w in range(processes)]
    env = {**os.environ, "PYTHONPATH": str(REPO), "DESK_APP_LANG": "en"}
    if lock_poll is not None:
        env["DESK_LOCK_POLL"] = str(lock_poll)
    started = time.monotonic()
    procs = [worker("updates", path, w, 0, updates, ",".join(map(str, ids)), outs[w], env=env)
             for w in range(processes)]
    wait_all(procs, timeout=max(600.0, updates * processes * 0.1))
    wall = time.monotonic() - started
    results = [json.loads(out.read_text(encoding="utf-8")) for out in outs]
    waits = [w for r in results for w in r["waits"]]
    attempts: Counter[int] = Counter()
    for r in results:
        attempts.update({int(k): v for k, v in r["attempts"].items()})
    expected = {f"w{w}-r0-{n}" for w in range(processes) for n in range(updates)}
    verified = verify_updates(path, None, expected)
    return {
        "processes": processes, "updates_each": updates, "shared_incidents": incidents,
        "lock_poll": lock_poll,
        "writes": len(expected), "wall_s": round(wall, 1),
        "writes_per_s": round(len(expected) / wall, 1),
        "lock_wait": percentiles(waits),
        "retried_writes": sum(v for k, v in attempts.items() if k > 1),
        "max_attempts": max(attempts),
        "busy_failures": sum(r["busy_failures"] for r in results),
        **verified,
    }


# -- T2 --------------------------------------------------------------------------------------
def t2(folder: Path, processes: int = 2, edits: int = 500) -> Figures:
    """Two workstations editing the same incident, each from what it last read."""
    path, (incident,) = prepared(folder, 1)
    outs = [folder / f"t2-{w}.json" for w in range(processes)]
    procs = [worker("edit-same", path, w, edits, incident, outs[w]) for w in range(processes)]
    wait_all(procs, timeout=600)
    saved = [s for out in outs for s in json.loads(out.read_text(encoding="utf-8"))["saved"]]
    conflicts = sum(json.loads(out.read_text(encoding="utf-8"))["conflicts"] for out in outs)
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT json_extract(changes, '$.description[0]'), "
        "json_extract(changes, '$.description[1]') FROM journal WHERE incident_id = ? AND "
        "action = 'update' ORDER BY id", (incident,)).fetchall()
    conn.close()
    position = {new: (k, old) for k, (old, new) in enumerate(rows)}
    silent = 0
    for edit in saved:
        k, replaced = position[edit["tag"]]
        # the edit replaced exactly what its author saw, at the version its author saw
        if replaced != (edit["seen"] or "") or edit["version"] != k + 1:
            silent += 1
    assert len(rows) == len(saved), "saved edits and recorded edits differ"
    assert silent == 0, f"{silent} silent overwrite(s)"
    assert integrity(path) == "ok"
    return {"processes": processes, "attempts": processes * edits, "saved": len(saved),
            "conflicts": conflicts, "silent_overwrites": silent}


# -- T3 --------------------------------------------------------------------------------------
def _acknowledged(folder: Path) -> set[str]:
    """Complete lines of every ack file (a line cut by the kill was never acknowledged)."""
    tags: set[str] = set()
    for file in folder.glob("acks-*.txt"):
        text = file.read_text(encoding="utf-8")
        lines = text.split("\n")
        tags.update(line for line in lines[:-1] if line)
    return tags


def t3(folder: Path, processes: int = 8, rounds: int = 100, incidents: int = 8,
       seed: int = 5) -> Figures:
    """T1 with a random worker killed (SIGKILL) every 50–500 ms, then restarted."""
    path, ids = prepared(folder, incidents)
    targets = ",".join(map(str, ids))
    rng = Random(seed)
    runs = [0] * processes

    def start(w: int) -> subprocess.Popen[str]:
        return worker("updates", path, w, runs[w], 10**9, targets, folder / "unused.json",
                      folder / f"acks-{w}-{runs[w]}.txt", start_new_session=True)

    procs = [start(w) for w in range(processes)]
    time.sleep(1.0)
    journals = checks_passed = 0
    started = time.monotonic()
    for _ in range(rounds):
        time.sleep(rng.uniform(0.05, 0.5))
        w = rng.randrange(processes)
        procs[w].send_signal(signal.SIGKILL)
        procs[w].communicate()
        journals += Path(f"{path}-journal").exists()
        checks_passed += integrity(path) == "ok"
        runs[w] += 1
        procs[w] = start(w)
    for process in procs:
        process.send_signal(signal.SIGKILL)
        process.communicate()
    wall = time.monotonic() - started
    acknowledged = _acknowledged(folder)
    verified = verify_updates(path, acknowledged)
    return {"processes": processes, "kills": rounds, "wall_s": round(wall, 1),
            "integrity_checks_passed": checks_passed, "journal_left_by_a_kill": journals,
            **verified}


# -- T4 --------------------------------------------------------------------------------------
def _mount_tmpfs(where: Path, size_kb: int) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs",
                           str(where)], capture_output=True)
    return done.returncode == 0


def _read_until(process: subprocess.Popen[str], wanted: str) -> list[str]:
    assert process.stdout is not None
    lines = []
    while True:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"worker ended early after {lines}: "  # type: ignore[union-attr]
                                 f"{process.stderr.read()}")
        lines.append(line.rstrip("\n"))
        if line.startswith(wanted):
            return lines


def t4(folder: Path, use_tmpfs: bool = True) -> Figures:
    """A full disk: a clear error, nothing half-written, writing resumes once there is room.

    A small tmpfs when this machine lets us mount one (root); otherwise, or without
    ``use_tmpfs``, a file-size limit on the writing process, which the kernel enforces with
    EFBIG, and which SQLite reports as an I/O error rather than a full disk."""
    template, _ = prepared(folder / "template", 1)
    disk = folder / "disk"
    # 8 MB: once the filler goes, a note on the filled incident rewrites its whole notes text
    # in both word indexes (all incidents' and open work's), which 2 MB no longer held
    mounted = use_tmpfs and _mount_tmpfs(disk, 8192)
    try:
        path = disk / "desk.sqlite"
        disk.mkdir(exist_ok=True)
        shutil.copyfile(template, path)
        filler = disk / "filler.bin"
        if mounted:
            free = shutil.disk_usage(disk).free
            with open(filler, "wb") as file:
                file.write(b"\0" * max(0, free - 400 * 1024))
            mode = "tmpfs"
            process = worker("fill", path, folder / "acks.txt")
        else:
            mode = "RLIMIT_FSIZE"
            process = worker("fill", path, folder / "acks.txt", path.stat().st_size + 400 * 1024)
        lines = _read_until(process, "waiting")
        refused = next(line for line in lines if line.startswith("refused "))
        _, failed_tag, error = refused.split(" ")
        english = next(line for line in lines if line.startswith("en "))[3:]
        chinese = next(line for line in lines if line.startswith("zh "))[3:]
        at_full = integrity(path)
        acknowledged = _acknowledged_notes(folder / "acks.txt")
        present = _notes(path)
        assert at_full == "ok", at_full
        assert failed_tag not in present, "the refused write left something behind"
        assert acknowledged <= present
        filler.unlink(missing_ok=True)
        assert process.stdin is not None
        process.stdin.write("space\n")
        process.stdin.flush()
        resumed = _read_until(process, "resumed")[-1]
        process.communicate(timeout=60)
        after = _notes(path)
        assert _acknowledged_notes(folder / "acks.txt") <= after
        assert integrity(path) == "ok"
        assert not product_check(path)
        return {"mode": mode, "notes_before_full": len(acknowledged), "error": error,
                "message_en": english, "message_zh": chinese, "integrity_when_full": at_full,
                "refused_write_absent": True, "resumed": resumed}
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(disk)], check=False)


def _notes(path: Path) -> set[str]:
    conn = sqlite3.connect(path, timeout=30)
    try:
        return {n[:10] if n.startswith("fill-") else n for (n,) in conn.execute(
            "SELECT note FROM journal WHERE action = 'note'")}
    finally:
        conn.close()


def _acknowledged_notes(file: Path) -> set[str]:
    return {line for line in file.read_text(encoding="utf-8").split("\n") if line}


# -- T6 --------------------------------------------------------------------------------------
def t6(folder: Path, processes: int = 3, rounds: int = 15, seed: int = 9) -> Figures:
    """Kills during logging, escalation scans and backups, not only updates: every
    acknowledged incident present exactly once, every acknowledged backup a good copy, the
    file sound after each kill."""
    path, _ = prepared(folder, 1)
    conn = sqlite3.connect(path)
    caller, category = conn.execute(
        "SELECT (SELECT min(id) FROM caller), (SELECT min(id) FROM category)").fetchone()
    conn.close()
    rng = Random(seed)
    runs = [0] * processes

    def start(w: int) -> subprocess.Popen[str]:
        return worker("mixed", path, w, runs[w], caller, category,
                      folder / f"mixed-acks-{w}-{runs[w]}.txt", start_new_session=True)

    procs = [start(w) for w in range(processes)]
    time.sleep(1.5)
    checks_passed = 0
    for _ in range(rounds):
        time.sleep(rng.uniform(0.1, 0.8))
        w = rng.randrange(processes)
        procs[w].send_signal(signal.SIGKILL)
        procs[w].communicate()
        checks_passed += integrity(path) == "ok"
        runs[w] += 1
        procs[w] = start(w)
    for process in procs:
        process.send_signal(signal.SIGKILL)
        process.communicate()
    acks: list[str] = []
    for file in folder.glob("mixed-acks-*.txt"):
        acks += [line for line in file.read_text(encoding="utf-8").split("\n")[:-1] if line]
    logged = {a.split(" ", 1)[1] for a in acks if a.startswith("log ")}
    backups = [Path(a.split(" ", 1)[1]) for a in acks if a.startswith("backup ")]
    conn = sqlite3.connect(path)
    try:
        titles = Counter(r[0] for r in conn.execute("SELECT title FROM incident"))
    finally:
        conn.close()
    return {"processes": processes, "kills": rounds, "integrity_checks_passed": checks_passed,
            "integrity": integrity(path), "logged_acknowledged": len(logged),
            "logged_missing": sum(1 for t in logged if titles[t] == 0),
            "logged_twice": sum(1 for t in logged if titles[t] > 1),
            "scans_acknowledged": sum(1 for a in acks if a.startswith("scan ")),
            "backups_acknowledged": len(backups),
            "backups_good": sum(1 for b in backups if verify_backup(b)[0]),
            "product_check_problems": len(product_check(path))}


# -- T5 --------------------------------------------------------------------------------------
def t5(folder: Path, processes: int = 5, rounds: int = 3) -> Figures:
    """Several workstations open an old-schema file at the same moment."""
    template, _ = prepared(folder / "template", 3)
    old_schema(template)
    applied_by = []
    upgrades: list[int] = []
    schemas: set[int] = set()
    for round_ in range(rounds):
        here = folder / f"round-{round_}"
        here.mkdir()
        path = here / "desk.sqlite"
        shutil.copyfile(template, path)
        procs = [worker("open", path) for _ in range(processes)]
        for process in procs:
            _read_until(process, "ready")
        for process in procs:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        results = []
        for process in procs:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err[-3000:]
            results.append(json.loads(out.splitlines()[-1]))
        upgrades.append(sum(1 for r in results if r["applied"]))
        schemas.update(int(r["version"]) for r in results)
        backups = [b for b in list_backups(path) if b.kind == "migration"]
        assert len(backups) == 1 and backups[0].schema_version == 1
        assert integrity(path) == "ok"
        assert not product_check(path)
        applied_by.append(sum(1 for r in results if r["found"] == 1))
    return {"processes": processes, "rounds": rounds, "upgrades_per_round": upgrades,
            "processes_that_found_the_old_schema": applied_by,
            "ended_on_schemas": sorted(schemas)}
