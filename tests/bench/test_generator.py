"""The benchmark data generator: its rows are the rows the services write, its files keep
the core's invariants, and a seed always gives the same file."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bench import open_file
from bench.check import check
from bench.generate import Manifest, generate
from bench.profile import derive, event_log_path
from bench.profile_fallback import FALLBACK
from bench.replay import differences, empty_copy, replay
from bench.timeline import Timeline
from desk_app.domain.calendar import (
    CalendarSpec,
    add_working_seconds,
    office_hours,
    working_seconds,
)
from desk_app.storage import statistics
from desk_app.storage.chain import register_sqlite

#: Every operation a story can contain; the replay below must see each of them.
OPERATIONS = {"log", "assign", "accept", "transfer", "pend", "resume", "raise_change",
              "close_change", "resolve", "reject", "confirm", "close", "auto_close", "scan",
              "acknowledge", "note"}


def test_replaying_the_stories_through_the_services_writes_the_same_rows(tmp_path: Path
                                                                         ) -> None:
    """The generator plays incidents in memory; the real services, given the same calls at
    the same moments (and the same scans every minute), must leave the same rows."""
    replayed = tmp_path / "replayed.sqlite"
    # 150 incidents over 10 days, many still open; the first seed whose stories contain
    # every kind of operation (rare ones such as a rejected resolution included)
    for seed in range(1, 40):
        generated = tmp_path / f"generated-{seed}.sqlite"
        recorded: dict[int, list] = {}
        manifest = generate(generated, 150, seed=seed, span_days=10, record=recorded)
        played = {op[2] for ops in recorded.values() for op in ops}
        first_contact = any("resolve" in op[3] for ops in recorded.values() for op in ops
                            if op[2] == "log")
        if played == OPERATIONS and first_contact:
            break
    assert played == OPERATIONS and first_contact
    assert manifest.rows["escalation"] > 0 and manifest.stages.get("closed", 0) > 0
    assert set(manifest.stages) >= {"assigned", "in_progress", "resolved", "closed"}

    empty_copy(generated, replayed)
    replay(replayed, recorded, manifest.now)
    assert differences(generated, replayed) == []


def test_a_generated_file_keeps_the_core_invariants(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    manifest = generate(path, 400, seed=4, span_days=40)
    assert Manifest.load(path).incidents == manifest.incidents == 400
    assert check(path, manifest.now, sample=400) == []


def test_a_generated_file_carries_the_programs_planner_statistics(tmp_path: Path) -> None:
    """The generator drops and rebuilds the big tables' indexes, which drops their
    statistics; the file must end as the program would leave it, or every queue figure
    measured on a fresh ``bench generate`` is the planner's guess (14 ms instead of 1.5 ms),
    and ``bench check`` says so when they are missing."""
    path = tmp_path / "desk.sqlite"
    manifest = generate(path, 150, seed=6, span_days=15)
    store = open_file(path, read_only=True)
    try:
        assert store.read(lambda: statistics.installed(store))
    finally:
        store.close()
    assert check(path, manifest.now, sample=50) == []
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'incident'")
    conn.close()
    assert any("planner statistics" in p for p in check(path, manifest.now, sample=50))


def test_the_check_finds_broken_rows(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    manifest = generate(path, 200, seed=5, span_days=20)
    conn = sqlite3.connect(path)
    register_sqlite(conn)  # the program's triggers call its functions
    with conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("UPDATE journal SET action = 'bogus' WHERE id = 1")
        conn.execute("UPDATE incident SET escalation_count = escalation_count + 1 WHERE id = 2")
        conn.execute("UPDATE target_clock SET due_at = due_at + 60 WHERE id = (SELECT max(id)"
                     " FROM target_clock WHERE state = 'running')")
    conn.close()
    problems = "\n".join(check(path, manifest.now, sample=200))
    assert "journal.action" in problems
    assert "escalation_count" in problems
    assert "ClockSync" in problems or "next_deadline" in problems


#: Tables that differ between two files of the same seed on purpose: password hashes are
#: salted at random, every open of a file registers itself (presence), the reference
#: data's generation is a random number by design (schema 15), the witnesses hold password
#: hashes (random salts), and the chain's end links them.
UNSEEDED = ("user", "presence", "maintenance", "reference_generation", "witness",
            "chain_head")


def _digest(path: Path) -> str:
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                 " ORDER BY name"):
        if table not in UNSEEDED:
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
    conn.close()
    return digest.hexdigest()


def test_a_seed_always_gives_the_same_file(tmp_path: Path) -> None:
    first = generate(tmp_path / "a.sqlite", 120, seed=3)
    generate(tmp_path / "b.sqlite", 120, seed=3)
    generate(tmp_path / "c.sqlite", 120, seed=4)
    assert _digest(Path(first.path)) == _digest(tmp_path / "b.sqlite")
    assert _digest(tmp_path / "a.sqlite") != _digest(tmp_path / "c.sqlite")


def test_the_timeline_measures_working_time_as_the_core_does() -> None:
    base = office_hours()
    spec = CalendarSpec(always=False, timezone=base.timezone, weekly=base.weekly,
                        holidays=frozenset({date(2026, 5, 1), date(2026, 5, 4)}),
                        workdays=frozenset({date(2026, 5, 9)}))
    first = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp())
    timeline = Timeline(spec, first, first + 300 * 86400)
    rng = random.Random(1)
    moment = lambda t: datetime.fromtimestamp(t, UTC)  # noqa: E731
    for _ in range(2000):
        start = first + rng.randrange(200 * 86400)
        end = start + rng.choice([0, 1, rng.randrange(7200), rng.randrange(20 * 86400)])
        assert timeline.working_seconds(start, end) == working_seconds(
            spec, moment(start), moment(end))
        seconds = rng.choice([0, 1, 450 * 60, rng.randrange(10 * 86400)])
        assert moment(timeline.add_working_seconds(start, seconds)) == add_working_seconds(
            spec, moment(start), seconds)


@pytest.mark.skipif(not event_log_path().is_file(), reason="the event log is not here")
def test_the_built_in_distributions_are_the_event_logs() -> None:
    assert derive(event_log_path()) == replace(FALLBACK, source=str(event_log_path()))
