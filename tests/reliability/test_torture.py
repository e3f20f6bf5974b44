"""Short versions of the torture tests T1–T5 (issue 5), for every test run. The full
versions, with their figures, are ``tools/reliability.py`` → ``docs/reliability.md``.

Each runs real processes on a real file; ``scenarios`` checks every property and raises on
a violation, and the assertions here restate the ones a reader looks for first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from desk_app.storage.migrations import LATEST
from tests.reliability import scenarios

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX signals and limits"),
]


def test_t1_many_workstations_update_shared_rows(tmp_path: Path) -> None:
    figures = scenarios.t1(tmp_path, processes=4, updates=150)
    assert figures["present"] == figures["writes"] == 600
    assert figures["integrity"] == "ok" and figures["exactly_once"]
    print("T1", figures)


def test_t2_two_workstations_edit_the_same_incident(tmp_path: Path) -> None:
    figures = scenarios.t2(tmp_path, processes=2, edits=100)
    assert figures["silent_overwrites"] == 0
    assert figures["saved"] + figures["conflicts"] == figures["attempts"]
    print("T2", figures)


def test_t3_killed_writers_lose_no_acknowledged_write(tmp_path: Path) -> None:
    figures = scenarios.t3(tmp_path, processes=3, rounds=20)
    assert figures["exactly_once"] and figures["integrity_checks_passed"] == 20
    assert figures["present"] >= figures["acknowledged"] > 0
    print("T3", figures)


@pytest.mark.skipif(os.name != "posix", reason="tmpfs or RLIMIT_FSIZE")
@pytest.mark.parametrize("use_tmpfs", [True, False], ids=["tmpfs-or-limit", "file-size-limit"])
def test_t4_disk_full_is_clear_and_recoverable(tmp_path: Path, use_tmpfs: bool) -> None:
    figures = scenarios.t4(tmp_path, use_tmpfs=use_tmpfs)
    if figures["mode"] == "tmpfs":
        assert figures["error"] == "DiskFull"
        assert "disk that holds the database is full" in figures["message_en"]
        assert "磁盘已满" in figures["message_zh"]
    else:
        assert figures["error"] == "DatabaseIOError"
    assert figures["refused_write_absent"] and figures["resumed"] == "resumed 5"
    print("T4", figures)


def test_t5_concurrent_opens_upgrade_an_old_file_once(tmp_path: Path) -> None:
    figures = scenarios.t5(tmp_path, processes=5, rounds=2)
    assert figures["upgrades_per_round"] == [1] * figures["rounds"]
    assert figures["ended_on_schemas"] == [LATEST]
    print("T5", figures)


def test_t6_kills_during_logging_scans_and_backups_lose_nothing(tmp_path: Path) -> None:
    figures = scenarios.t6(tmp_path, processes=3, rounds=15)
    assert figures["integrity_checks_passed"] == figures["kills"] == 15
    assert figures["integrity"] == "ok" and figures["product_check_problems"] == 0
    assert figures["logged_acknowledged"] > 0
    assert figures["logged_missing"] == figures["logged_twice"] == 0
    assert figures["backups_acknowledged"] > 0
    assert figures["backups_good"] == figures["backups_acknowledged"]
    print("T6", figures)
