"""``desk-app --smoke-test FILE`` (what the frozen build runs to prove itself) in a process of
its own, on a fresh demo file: the window shows the queue while the escalation round, the
deliveries and the file's deferred checks run, and the program ends cleanly, with no
background call answering to objects already gone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desk_app.demo import build_demo


def test_the_smoke_test_shows_the_window_and_ends_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    build_demo(path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from ui.app import run; "
         "sys.exit(run(['--smoke-test', sys.argv[1]]))", str(path)],
        env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "smoke test: visible=True rows=200" in done.stdout
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
