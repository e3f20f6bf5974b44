"""Starting real workstation processes (``desk-app watch``) against one database file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("workstation.py")


class Workstation:
    def __init__(self, db: Path, log_dir: Path, name: str, *args: str,
                 fault: str | None = None, notify_log: Path | None = None) -> None:
        self.db, self.name, self.args = db, name, args
        self.log_dir, self.fault = log_dir, fault
        self.notify_log = notify_log or log_dir / "notify.jsonl"
        self.runs = 0
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Workstation:
        env = {**os.environ, "FAKE_NOTIFY_LOG": str(self.notify_log), "PYTHONPATH": str(ROOT),
               "DESK_APP_LANG": "en"}
        env.pop("DESK_APP_FAULT", None)
        if self.fault:
            env["DESK_APP_FAULT"] = self.fault
        self.runs += 1
        out = open(self.log_dir / f"{self.name}.{self.runs}.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, str(SCRIPT), "watch", str(self.db), *self.args],
            stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        out.close()
        return self

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        return self.proc.returncode

    def output(self) -> str:
        return "\n".join((self.log_dir / f"{self.name}.{n}.log").read_text(errors="replace")
                         for n in range(1, self.runs + 1))


def wait_for(condition: Callable[[], bool], timeout: float, what: str,
             every: float = 0.25) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def popups(notify_log: Path) -> list[dict[str, object]]:
    if not notify_log.exists():
        return []
    return [json.loads(line) for line in notify_log.read_text(encoding="utf-8").splitlines()
            if line.strip()]
