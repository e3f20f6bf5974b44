"""Power cuts under running writers: every acknowledged write is there exactly once.

Writers log incidents on a loop-mounted ext4 filesystem and report each one only after
``log_incident`` returned (acknowledged: the person saw "saved"). At a random moment the
filesystem is shut down with ``FS_IOC_SHUTDOWN`` and the flag that drops what its journal
has not committed, as losing power does; the writers are killed, the image is mounted again
(ext4 replays its journal) and the file is opened as the program would open it. With a
rollback journal, ``synchronous=FULL`` does not sync the journal's deletion and lost the
last acknowledged commit in 10 of 20 such cycles; the program's ``synchronous=EXTRA`` must
lose none. The figures go to docs/reliability.md.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import loopfs
from tests.conftest import Org

ROOT = Path(__file__).resolve().parents[2]
CYCLES = 20
WRITER = """
import sys
from desk_app.services.incident.log import NewIncident, log_incident
from desk_app.services.session import session_for
from desk_app.storage.opening import open_store

path, name, caller, category = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
store = open_store(path, daily_backup=False, quick_check=False, lock_test="never")
session = session_for(store, "desk")
print("ready", flush=True)
n = 0
while True:
    n += 1
    log_incident(session, NewIncident(caller, "system_fault", category, 3, f"{name}-{n}"))
    print(f"{name}-{n}", flush=True)  # acknowledged: the commit returned
"""


def _writers(path: Path, org: Org, count: int, cycle: int) -> list[subprocess.Popen[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return [subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), f"c{cycle}w{i}", str(org.ids["caller"]),
         str(org.ids["cat_network"])], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, env=env) for i in range(count)]


@pytest.mark.slow
def test_power_cuts_lose_no_acknowledged_write(org: Org, tmp_path: Path) -> None:
    reason = loopfs.unavailable()
    if reason is not None:
        pytest.skip(reason)
    org.store.close()
    image, mountpoint = tmp_path / "disk.img", tmp_path / "disk"
    rng = random.Random(7)
    acknowledged: list[str] = []
    with loopfs.loop_mount(image, mountpoint, size_mb=128):
        path = mountpoint / "desk.sqlite"
        path.write_bytes(org.path.read_bytes())
        os.sync()
        for cycle in range(CYCLES):
            writers = _writers(path, org, 2, cycle)
            for writer in writers:  # started up: the cut falls while they write
                assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
            time.sleep(rng.uniform(0.8, 1.6))
            loopfs.shut_down(mountpoint)  # the power goes
            for writer in writers:
                writer.send_signal(signal.SIGKILL)
            for writer in writers:
                out, _ = writer.communicate(timeout=30)
                acknowledged += [line for line in out.splitlines() if line]
            loopfs.remount(image, mountpoint)
            conn = sqlite3.connect(path)  # a hot journal is rolled back here
            try:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", cycle
                titles = [r[0] for r in conn.execute("SELECT title FROM incident")]
            finally:
                conn.close()
            present = {t: titles.count(t) for t in set(titles)}
            lost = [t for t in acknowledged if present.get(t, 0) != 1]
            assert lost == [], f"cycle {cycle}: acknowledged writes lost or doubled: {lost}"
    assert len(acknowledged) > CYCLES  # the writers did write between the cuts
    print(f"power cuts: {CYCLES} cycles, {len(acknowledged)} acknowledged writes, 0 lost")
