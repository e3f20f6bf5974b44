"""A share that drops, counted: what the person reads after each of many disconnections.

A real filesystem (a loop-mounted ext4 image, ``tests/loopfs.py``) holds the team's file; a
workstation has it open and is saving. The share is then taken away in turn

- while the workstation is idle (``FS_IOC_SHUTDOWN``: every later read and write fails, as
  on a share whose server went away),
- while a save is under way (the same, from another thread in the middle of the writes),
- and taken away and unmapped (shut down, then unmounted lazily: the path itself vanishes),

and the workstation does what a person does next: saves, reads its queue, runs the deferred
checks and opens the file again. Each refusal's message is sorted by what it tells the
person: "damaged… restore the latest good backup", or "the shared folder cannot be
reached", or another. The share comes back (the image is mounted again) and the file is
checked: while it is intact, "damaged" must never have been said (before the fix: 17 of 40
disconnections), and every save that was acknowledged is in it.
"""

from __future__ import annotations

import collections
import gc
import os
import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from desk_app.errors import DatabaseCorrupt, DeskError
from desk_app.services.incident.log import NewIncident, log_incident
from desk_app.services.lists import queues
from desk_app.services.session import Session, session_for
from desk_app.storage.database import Store
from desk_app.storage.opening import finish_checks, open_store
from desk_app.storage.uri import sqlite_uri
from tests import loopfs
from tests.conftest import Org

#: Disconnections per run: about 0.3 s each here.
DROPS = 40
WAYS = ("idle", "while_saving", "unmapped")


def _kind(error: DeskError) -> str:
    text = error.message("en")
    if isinstance(error, DatabaseCorrupt) or "damaged" in text:
        return "damaged"
    if "cannot be reached" in text:
        return "cannot be reached"
    return f"other: {error.key}"


def _next_steps(save: Callable[[str], None], session: Session, store: Store, path: Path,
                drop: int) -> list[Callable[[], object]]:
    """What a person does after the drop: saves, reads the queue, the deferred checks run,
    the file is opened again."""
    return [lambda: save(f"d{drop}-after"),
            lambda: queues.page(session, queues.Queue.ALL, queues.DEFAULT_SORT, False, None,
                                0, 50),
            lambda: finish_checks(store),
            lambda: open_store(path, daily_backup=False, lock_test="never").close()]


def _worst(before: collections.Counter[str], after: collections.Counter[str]) -> str:
    """What one disconnection told the person: "damaged" if any message said so, else
    "cannot be reached" if one said that, else the other messages, else nothing."""
    new = after - before
    for kind in ("damaged", "cannot be reached"):
        if new[kind]:
            return kind
    return next(iter(new), "nothing")


def _intact(path: Path) -> bool:
    """Opened as the program opens it (a hot journal left by the drop is rolled back)."""
    conn = sqlite3.connect(sqlite_uri(path, mode="rw"), uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
    finally:
        conn.close()


def _titles(path: Path) -> set[str]:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT title FROM incident")}
    finally:
        conn.close()


def test_a_dropped_share_is_never_called_damaged_when_the_file_is_intact(
        org: Org, tmp_path: Path) -> None:
    reason = loopfs.unavailable()
    if reason is not None:
        pytest.skip(reason)
    org.store.close()
    image, mountpoint = tmp_path / "share.img", tmp_path / "share"
    said: collections.Counter[str] = collections.Counter()
    by_way: dict[str, collections.Counter[str]] = {w: collections.Counter() for w in WAYS}
    acknowledged: set[str] = set()
    intact = 0
    drops_said: collections.Counter[str] = collections.Counter()
    with loopfs.loop_mount(image, mountpoint):
        path = mountpoint / "desk.sqlite"
        shutil.copyfile(org.path, path)
        os.sync()  # the file is on the share before the first drop
        for drop in range(DROPS):
            way = WAYS[drop % len(WAYS)]
            store = open_store(path, daily_backup=False, defer_checks=True,
                               lock_test="never")
            session = session_for(store, "desk")

            def save(title: str, session: object = session) -> None:
                log_incident(session, NewIncident(  # type: ignore[arg-type]
                    org.ids["caller"], "system_fault", org.ids["cat_network"], 3, title))
                acknowledged.add(title)

            said_before = collections.Counter(said)
            try:
                save(f"d{drop}-before")
                if way == "while_saving":
                    # the share drops from outside while this workstation keeps saving
                    drop_soon = threading.Timer(0.05, loopfs.shut_down, (mountpoint,))
                    drop_soon.start()
                    for n in range(10_000):
                        try:
                            save(f"d{drop}-w{n}")
                        except DeskError as error:
                            said[_kind(error)] += 1
                            by_way[way][_kind(error)] += 1
                            break
                    drop_soon.join()
                else:
                    loopfs.shut_down(mountpoint)
                    if way == "unmapped":
                        subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True,
                                       timeout=60)
                # what the person does next
                for step in _next_steps(save, session, store, path, drop):
                    try:
                        step()
                    except DeskError as error:
                        said[_kind(error)] += 1
                        by_way[way][_kind(error)] += 1
            finally:
                store.close()
                gc.collect()  # connections kept alive by a refusal's traceback let go
            drops_said[_worst(said_before, said)] += 1
            loopfs.remount(image, mountpoint)  # the share comes back
            assert _intact(path), f"drop {drop} ({way}) damaged the file"
            intact += 1
        titles = _titles(path)
    print(f"\nshare drops: {DROPS}; file intact after {intact}; drops by what was said:"
          f" {dict(drops_said)}; messages: {dict(said)};"
          f" by way: { {w: dict(c) for w, c in by_way.items()} }")
    assert intact == DROPS
    assert drops_said["damaged"] == 0 and said["damaged"] == 0, dict(drops_said)
    assert said["cannot be reached"] > 0
    assert acknowledged <= titles, sorted(acknowledged - titles)[:5]
