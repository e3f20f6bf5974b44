"""A workstation process for the reliability tests: the real ``desk-app`` command line, with
the one fake the tests allow, the OS notification centre. plyer's ``notification.notify`` is
replaced by a function that appends what would have popped up to ``$FAKE_NOTIFY_LOG`` (one
JSON line each), so that a test can count pop-ups across processes.

    python tests/reliability/workstation.py watch FILE --user liuyang ...
"""

from __future__ import annotations

import json
import os
import sys
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import plyer


def fake_notify(title: str = "", message: str = "", **_: object) -> None:
    line = json.dumps({"pid": os.getpid(), "title": title, "message": message},
                      ensure_ascii=False)
    with open(os.environ["FAKE_NOTIFY_LOG"], "a", encoding="utf-8") as log:
        log.write(line + "\n")  # one write of one line: lines of processes do not mix
        log.flush()
        os.fsync(log.fileno())


# the program calls the backend directly (desk_app.delivery.desktop: the expiry)
plyer.notification = types.SimpleNamespace(  # type: ignore[attr-defined]
    notify=fake_notify, _notify=fake_notify)

from desk_app.cli import main  # noqa: E402

raise SystemExit(main(sys.argv[1:]))
