"""Real separate processes for multi-workstation tests: each child is a fresh Python that
imports the code under test from this checkout, the way a second workstation would."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _drop_permission_override() -> None:
    """Run as root without CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH, so that file permissions
    apply to the child as they do to an ordinary user (the tests run as root here)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_ordinary_user() -> dict[str, object]:
    """``subprocess`` arguments that make file permissions apply to the child."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return {"preexec_fn": _drop_permission_override}
    return {}


def _command(code: str, args: tuple[object, ...]) -> list[str]:
    return [sys.executable, "-c", textwrap.dedent(code), *map(str, args)]


def run_python(code: str, *args: object, timeout: float = 120,
               **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a child process (``sys.argv[1:]`` are ``args``) and wait for it."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "DESK_APP_LANG": "en"}
    return subprocess.run(_command(code, args), cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=timeout, **kwargs)  # type: ignore[call-overload]


def spawn_python(code: str, *args: object, **kwargs: object) -> subprocess.Popen[str]:
    """Start ``code`` in a child process with pipes for stdin and stdout."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "DESK_APP_LANG": "en"}
    return subprocess.Popen(_command(code, args), cwd=REPO, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **kwargs)  # type: ignore[call-overload]


def expect_line(process: subprocess.Popen[str], wanted: str) -> str:
    """Read the child's stdout until a line starting with ``wanted`` (fails on EOF)."""
    assert process.stdout is not None
    while True:
        line = process.stdout.readline()
        if not line:
            stderr = process.stderr.read() if process.stderr else ""
            raise AssertionError(f"child ended before {wanted!r}: {stderr}")
        if line.startswith(wanted):
            return line.strip()


def finish(process: subprocess.Popen[str], timeout: float = 60) -> tuple[str, str]:
    """Close the child's stdin (its signal to stop) and collect what it printed."""
    out, err = process.communicate("", timeout=timeout)
    return out, err


HOLD_WRITE_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


class Workstation:
    """``tests.stations.workstation`` in a child process: ``ask`` sends one command and
    returns the answer line."""

    def __init__(self, path: Path, username: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO), "DESK_APP_LANG": "en"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.stations.workstation", str(path), username],
            cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        expect_line(self.process, "ready")

    def ask(self, command: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if not answer:
            raise AssertionError(self.process.stderr.read() if self.process.stderr else "")
        return answer

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.communicate("quit\n", timeout=30)
