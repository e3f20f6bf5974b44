"""Each storage failure arises from its real condition and reaches the user as its own
message, in both languages, with nothing half-written.

Busy: another process holds the lock. Read-only: file permissions (the child runs without
root's permission override). I/O error: the kernel refuses to grow the file (RLIMIT_FSIZE,
EFBIG). Corruption: damaged pages. Disk full is T4 in tests/reliability.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from desk_app.errors import DatabaseBusy, DatabaseCorrupt
from desk_app.storage.database import Store
from desk_app.storage.events import BusyEvent, WriteReport
from desk_app.storage.opening import open_store
from tests.conftest import Org
from tests.stations.processes import (
    HOLD_WRITE_LOCK,
    as_ordinary_user,
    expect_line,
    finish,
    run_python,
    spawn_python,
)


def touch_setting(store: Store) -> None:
    store.db.execute_sql("UPDATE setting SET version = version + 1 WHERE key = 'auto_close_days'")


def setting_version(store: Store) -> int:
    return store.execute("SELECT version FROM setting WHERE key = 'auto_close_days'")[0][0]


def test_busy_is_retried_whole_then_reported(org: Org) -> None:
    holder = spawn_python(HOLD_WRITE_LOCK, org.path)
    expect_line(holder, "held")
    store = Store(org.path, busy_timeout=0.05, bind=False)
    events: list[BusyEvent] = []
    reports: list[WriteReport] = []
    store.events.subscribe(events.append)
    store.on_write = reports.append
    calls = []
    try:
        with pytest.raises(DatabaseBusy) as caught:
            store.write(lambda: calls.append(touch_setting(store)), attempts=3)
    finally:
        finish(holder)
    assert calls == []  # never got the lock, so the work never ran
    assert [e.state for e in events] == ["retrying", "retrying", "gave_up"]
    assert [e.attempt for e in events] == [1, 2, 3]
    assert reports[0].attempts == 3 and not reports[0].ok and reports[0].lock_wait > 0.1
    assert "busy" in caught.value.message("en")
    assert "正忙" in caught.value.message("zh")
    store.close()


def test_busy_hook_reports_from_the_worker_thread_and_clears(org: Org) -> None:
    """The UI runs writes on worker threads; the hook is called on that thread while it
    waits, and says "cleared" when the write got through."""
    holder = spawn_python(HOLD_WRITE_LOCK, org.path)
    expect_line(holder, "held")
    store = Store(org.path, busy_timeout=0.05, bind=False)
    seen: list[tuple[str, int]] = []
    before = setting_version(store)

    def listener(event: BusyEvent) -> None:
        seen.append((event.state, threading.get_ident()))
        if event.state == "retrying" and event.attempt == 2:
            assert holder.stdin is not None
            holder.stdin.write("release\n")
            holder.stdin.flush()

    store.events.subscribe(listener)
    with ThreadPoolExecutor(1) as pool:
        worker = pool.submit(lambda: (threading.get_ident(), store.write(
            lambda: touch_setting(store), attempts=20)))
        worker_id, _ = worker.result(timeout=30)
    finish(holder)
    states = [state for state, _ in seen]
    assert states[:2] == ["retrying", "retrying"] and states[-1] == "cleared"
    assert {thread for _, thread in seen} == {worker_id}
    assert worker_id != threading.get_ident()
    assert setting_version(store) == before + 1  # retried whole, applied once
    store.close()


def test_a_failing_listener_does_not_break_the_write(org: Org) -> None:
    holder = spawn_python(HOLD_WRITE_LOCK, org.path)
    expect_line(holder, "held")
    store = Store(org.path, busy_timeout=0.05, bind=False)

    def broken(event: BusyEvent) -> None:
        if event.attempt == 1:
            finish(holder)
        raise RuntimeError("listener bug")

    unsubscribe = store.events.subscribe(broken)
    store.write(lambda: touch_setting(store), attempts=20)
    unsubscribe()
    store.close()


def test_nested_write_joins_the_outer_transaction(org: Org) -> None:
    store = org.store
    before = setting_version(store)

    def outer() -> None:
        touch_setting(store)
        store.write(lambda: touch_setting(store))
        raise RuntimeError("the outer write fails after the inner one")

    with pytest.raises(RuntimeError):
        store.write(outer)
    assert setting_version(store) == before  # both rolled back together


READ_ONLY_CHILD = """
import sys
from desk_app.errors import DatabaseReadOnly
from desk_app.storage.database import Store
from desk_app.storage.opening import open_store

store = open_store(sys.argv[1])
print("opened", store.read_only, store.report.read_only_reason)
try:
    store.write(lambda: None)
except DatabaseReadOnly as error:
    print("refused", error.message("en"), "|", error.message("zh"))
store.close()
# the same file opened for writing regardless: SQLite's own refusal, typed the same way
raw = Store(sys.argv[1], bind=False)
before = raw.execute("SELECT version FROM setting WHERE key = 'auto_close_days'")[0][0]
try:
    raw.write(lambda: raw.db.execute_sql("UPDATE setting SET version = version + 1"))
except DatabaseReadOnly as error:
    print("sqlite", error.reason)
after = raw.execute("SELECT version FROM setting WHERE key = 'auto_close_days'")[0][0]
print("unchanged", before == after)
"""


def test_read_only_file(org: Org) -> None:
    org.store.close()
    os.chmod(org.path, 0o444)
    try:
        done = run_python(READ_ONLY_CHILD, org.path, **as_ordinary_user())
    finally:
        os.chmod(org.path, 0o644)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "opened True storage.readonly.file"
    assert lines[1].startswith("refused The database can only be read here (the file is "
                               "read-only for your account)")
    assert "只能读取" in lines[1]
    assert lines[2] == "sqlite storage.readonly.file"
    assert lines[3] == "unchanged True"


def test_read_only_folder(org: Org) -> None:
    """SQLite creates its rollback journal beside the file: a read-only folder makes the
    file read-only too, and says why."""
    org.store.close()
    folder = org.path.parent
    os.chmod(folder, 0o555)
    try:
        done = run_python(READ_ONLY_CHILD, org.path, **as_ordinary_user())
    finally:
        os.chmod(folder, 0o755)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "opened True storage.readonly.folder"
    assert "folder" in lines[1]
    assert lines[2].startswith("sqlite storage.readonly.")
    assert lines[3] == "unchanged True"


IO_ERROR_CHILD = """
import resource, signal, sys
from desk_app.errors import DatabaseIOError, DiskFull
from desk_app.storage.database import Store

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a refused write is an error, not a kill
store = Store(sys.argv[1], bind=False)
size = int(sys.argv[2])
hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
before = store.execute("SELECT count(*) FROM journal")[0][0]
try:
    store.write(lambda: store.db.execute_sql(
        "INSERT INTO journal (incident_id, at, action, changes, note) "
        "SELECT 1, 0, 'note', '{}', hex(zeroblob(200000))"))
except (DatabaseIOError, DiskFull) as error:
    print(type(error).__name__, error.message("en"))
resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
print("rows", before, store.execute("SELECT count(*) FROM journal")[0][0])
print("check", store.execute("PRAGMA integrity_check")[0][0])
"""


def test_io_error_when_the_file_cannot_grow(org: Org) -> None:
    org.log()
    org.store.close()
    done = run_python(IO_ERROR_CHILD, org.path, org.path.stat().st_size)
    assert done.returncode == 0, done.stderr
    kind, message = done.stdout.splitlines()[0].split(" ", 1)
    assert kind == "DatabaseIOError"
    assert "could not be read or written" in message
    rows = done.stdout.splitlines()[1].split()
    assert rows[1] == rows[2]  # nothing half-written
    assert done.stdout.splitlines()[2] == "check ok"


def damage(path: Path, pages: range, page_size: int = 4096) -> None:
    with open(path, "r+b") as file:
        for page in pages:
            file.seek(page * page_size)
            file.write(os.urandom(page_size))


def test_damaged_pages_refuse_to_open_with_a_clear_message(org: Org) -> None:
    for n in range(5):
        org.log(title=f"incident {n}")
    org.store.close()
    pages = org.path.stat().st_size // 4096
    damage(org.path, range(pages // 2, pages // 2 + 8))
    with pytest.raises(DatabaseCorrupt) as caught:
        open_store(org.path, daily_backup=False)
    assert "damaged" in caught.value.message("en")
    assert "已损坏" in caught.value.message("zh")


def test_garbage_instead_of_a_database(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    path.write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_store(path)
    assert "not an SQLite database" in caught.value.message("en")


def test_damage_found_while_writing_is_typed(org: Org) -> None:
    """A file damaged under a running program: the next write that reads the damaged pages
    reports corruption, not a generic error (and the program does not crash)."""
    for n in range(30):
        org.log(title=f"incident {n}", description="x" * 2000)
    pages = org.path.stat().st_size // 4096
    damage(org.path, range(2, pages))
    store = Store(org.path, bind=False)
    with pytest.raises(DatabaseCorrupt):
        store.write(lambda: store.db.execute_sql(
            "UPDATE incident SET description = description || 'y'").fetchall())
    store.close()
