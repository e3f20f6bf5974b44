"""The lock self-test run when a database lives on a network share.

SQLite is only safe on a share whose locks work: a lock one program takes must stop every
other program, and must come free when it is let go. The test proves both on a small probe
file in the database's own folder (same share, same mount, same server), so it never holds
up the people working in the real file:

1. a helper process takes SQLite's write lock on the probe and says so;
2. this process must now see "busy" when it asks for the same lock;
3. once the helper lets go, this process must get the lock.

A share that fails 2 (the lock never reached us) or 3 (locks never come free, e.g. no lock
daemon on NFS) is broken, and the database is opened read-only with an explanation.

What it cannot see: on a share whose locks stay on each client (SMB ``nobrl``, NFS
``nolock``), two processes on the *same* workstation still see each other's locks through
the local kernel. Those mount options are therefore checked by name as well
(``filesystem.BROKEN_LOCK_OPTIONS``).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

log = logging.getLogger(__name__)

Result = Literal["ok", "broken", "inconclusive"]


@dataclass(frozen=True)
class LockTest:
    """The outcome; ``reason`` is a message key (``storage.locktest.*``) saying why."""

    result: Result
    reason: str
    seconds: float
    detail: str = ""

    @property
    def broken(self) -> bool:
        return self.result == "broken"


def helper_command(probe: Path, vfs: str | None = None) -> list[str]:
    """How to start the helper: the frozen program runs it as a hidden subcommand."""
    extra = [vfs] if vfs else []
    if getattr(sys, "frozen", False):
        return [sys.executable, "lock-probe", str(probe), *extra]
    return [sys.executable, "-m", "desk_app.storage.lockprobe", str(probe), *extra]


def _readline(stream: IO[str], timeout: float) -> str | None:
    """A line from the helper, or None if none came in time (a thread, because Windows
    pipes cannot be polled)."""
    box: list[str] = []
    reader = threading.Thread(target=lambda: box.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return box[0].strip() if box else None


def _busy(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY,
                                                            sqlite3.SQLITE_LOCKED)


def lock_self_test(folder: Path, *, timeout: float = 10.0,
                   helper_vfs: str | None = None) -> LockTest:
    """Run the three steps above in ``folder``. ``helper_vfs`` opens the helper's side
    through another SQLite VFS; tests pass ``"unix-none"`` (no locking at all) to play a
    share whose locks do not reach other programs."""
    started = time.monotonic()

    def outcome(result: Result, reason: str, detail: str = "") -> LockTest:
        return LockTest(result, reason, time.monotonic() - started, detail)

    probe = folder / f".desk-app-locktest-{uuid.uuid4().hex[:12]}.sqlite"
    conn: sqlite3.Connection | None = None
    helper: subprocess.Popen[str] | None = None
    try:
        try:
            conn = sqlite3.connect(probe, timeout=timeout / 2, isolation_level=None)
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("CREATE TABLE probe (x)")
        except sqlite3.Error as error:
            if _busy(error):
                return outcome("broken", "storage.locktest.never_free", str(error))
            return outcome("inconclusive", "storage.locktest.no_probe", str(error))
        except OSError as error:
            return outcome("inconclusive", "storage.locktest.no_probe", str(error))
        conn.execute("PRAGMA busy_timeout = 0")
        helper = subprocess.Popen(helper_command(probe, helper_vfs), stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  text=True)
        assert helper.stdout is not None and helper.stdin is not None
        line = _readline(helper.stdout, timeout)
        if line is None:
            return outcome("inconclusive", "storage.locktest.helper_failed", "timeout")
        if line != "held":
            if "BUSY" in line or "locked" in line:
                return outcome("broken", "storage.locktest.never_free", line)
            return outcome("inconclusive", "storage.locktest.helper_failed", line)
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            if not _busy(error):
                return outcome("broken", "storage.locktest.error", str(error))
        else:
            conn.execute("ROLLBACK")
            return outcome("broken", "storage.locktest.not_seen")
        helper.stdin.write("done\n")
        helper.stdin.flush()
        helper.wait(timeout)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 500)}")
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        except sqlite3.Error as error:
            return outcome("broken", "storage.locktest.never_free", str(error))
        return outcome("ok", "storage.locktest.ok")
    except (OSError, subprocess.SubprocessError) as error:
        return outcome("inconclusive", "storage.locktest.helper_failed", str(error))
    finally:
        if helper is not None:
            if helper.poll() is None:
                helper.kill()
            helper.wait()
            for stream in (helper.stdin, helper.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        if conn is not None:
            conn.close()
        for leftover in (probe, probe.with_name(probe.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
