"""Build a realistic database of N incidents, fast and deterministically.

The file is created by the real migrations (``open_store(path, create=True)``), so that its
schema and reference data are the product's. The organisation is written with plain SQL
(``bench.org``); every incident's life is drawn from the real distributions
(``bench.story``) and played in memory the way the services would play it
(``bench.simulate``); the rows are then written in bulk with ``executemany`` in large
transactions, in the order of the moments they were created, so that one incident's
journal rows lie scattered through the table as they would after two years of use.

``PRAGMA synchronous=OFF`` (and an in-memory rollback journal) hold only while generating;
the connection the product opens later sets its own pragmas. The big tables' indexes are
dropped while rows go in and created again from their own SQL afterwards, which is much
faster than keeping them up to date row by row.
"""

from __future__ import annotations

import json
import queue
import random
import re
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from bench import open_file
from bench.org import Org, build_org
from bench.profile import Profile, load_profile
from bench.simulate import ChangeNumber, Life, Reference, Row
from bench.story import LONG_HISTORY_EVERY, Storyteller
from bench.timeline import Timeline
from desk_app.services.process.reference import load_calendars
from desk_app.services.reports import pending_work
from desk_app.services.reports import summary as report_summaries
from desk_app.storage import statistics
from desk_app.storage.chain import register_sqlite
from desk_app.storage.reference import CLOSE_AUTO
from desk_app.storage.segment import SQL_FUNCTION, index_text
from desk_app.storage.witness import restart_chain

#: Bumped whenever the generator's output changes, so that cached files are made again.
GENERATOR_VERSION = 5
#: A Monday, 10:00 in Shanghai: the moment a generated database is "now" by default.
DEFAULT_NOW = "2026-06-01T02:00:00+00:00"
DEFAULT_SPAN_DAYS = 730
#: Weekend arrivals relative to a weekday (assumption: the log covers two weekdays only).
WEEKEND_WEIGHT = 0.15
#: The service targets of the generated desk are the defaults times this factor, chosen
#: (``python -m bench calibrate``) so that the share of incidents that miss a target is the
#: log's share of incidents that missed their SLA (``Profile.missed_target_share``): the
#: log's desk is slower than the defaults assume, and with the defaults four incidents in
#: five would escalate, most of them twice.
TARGET_FACTOR = 7.0
#: Notifications older than this were delivered (the core has no delivery yet).
DELIVERED_AFTER = 3600

BIG_TABLES = ("incident", "journal", "target_clock", "clock_run", "escalation",
              "notification", "change_request", "call_attempt")
COLUMNS: dict[str, tuple[str, ...]] = {
    "incident": (
        "id", "version", "number", "type", "channel", "caller_id", "category_id", "group_id",
        "assignee_id", "impact", "urgency", "priority", "stage", "wait_code_id",
        "pending_since", "title", "description", "resolution", "resolution_type",
        "knowledge", "close_code_id", "close_notes", "satisfaction", "confirmed_at",
        "confirmed_by_id", "created_by_id", "created_at", "updated_at", "assigned_at",
        "accepted_at", "resolved_at", "resolved_by_id", "closed_at", "closed_by_id",
        "reassignment_count", "escalation_count", "next_deadline", "linked_incident_id"),
    "journal": ("id", "incident_id", "at", "actor_id", "action", "changes", "note"),
    "target_clock": ("id", "incident_id", "stage", "priority", "target_minutes",
                     "calendar_id", "state", "started_at", "elapsed_seconds",
                     "running_since", "due_at", "breached_at", "stopped_at"),
    "clock_run": ("id", "incident_id", "stage", "started_at", "ended_at"),
    "escalation": ("id", "version", "incident_id", "reason", "at", "actor_id", "old_urgency",
                   "new_urgency", "old_priority", "new_priority", "acknowledged_at",
                   "acknowledged_by_id", "ack_comment"),
    "notification": ("id", "escalation_id", "recipient_id", "channel", "state", "attempts",
                     "next_attempt_at", "lease_owner", "lease_until", "last_error",
                     "created_at", "sent_at", "acknowledged_at", "acknowledged_by_id",
                     "joined_to_id", "state_reason"),
    "change_request": ("id", "version", "number", "incident_id", "title", "description",
                       "state", "outcome", "created_by_id", "created_at", "closed_by_id",
                       "closed_at"),
}


@dataclass
class Manifest:
    """What was generated, written beside the file as ``<file>.json``."""

    path: str
    incidents: int
    seed: int
    now: str
    span_days: int
    profile: str
    seconds: float = 0.0
    bytes: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    stages: dict[str, int] = field(default_factory=dict)
    pending: int = 0
    escalated_incidents: int = 0
    #: incidents that missed a stage target, and the factor applied to the default targets
    breached_incidents: int = 0
    target_factor: float = 1.0
    #: incidents with a long history, for "open an incident with 200 journal entries"
    long_history: dict[int, int] = field(default_factory=dict)
    #: users the benchmarks act as
    desk_user: str = ""
    manager_user: str = ""
    generator: int = GENERATOR_VERSION

    def save(self) -> None:
        Path(self.path + ".json").write_text(json.dumps(asdict(self), indent=1),
                                             encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Manifest:
        data = json.loads(Path(str(path) + ".json").read_text(encoding="utf-8"))
        data["long_history"] = {int(k): v for k, v in data["long_history"].items()}
        return cls(**data)


def epoch(text: str) -> int:
    return int(datetime.fromisoformat(text).astimezone(UTC).timestamp())


def arrivals(rng: random.Random, profile: Profile, count: int, start: int, end: int
             ) -> list[int]:
    """``count`` moments in [start, end), weighted by the log's hour of day (local time of
    the office calendar, UTC+8) and with quiet weekends; sorted."""
    hours = profile.arrival_hours if sum(profile.arrival_hours) else [1] * 24
    local = 8 * 3600
    first_day = (start + local) // 86400 + 1
    last_day = (end + local) // 86400 - 1
    days = list(range(first_day, last_day + 1))
    day_weights = [WEEKEND_WEIGHT if (d + 3) % 7 >= 5 else 1.0 for d in days]
    picked_days = rng.choices(days, weights=day_weights, k=count)
    picked_hours = rng.choices(range(24), weights=hours, k=count)
    moments = [d * 86400 + h * 3600 + rng.randrange(3600) - local
               for d, h in zip(picked_days, picked_hours, strict=True)]
    return sorted(m for m in moments if start <= m < end) or [start]


def reference(conn: sqlite3.Connection, org: Org, calendars: dict[int, Any], first: int,
              last: int) -> Reference:
    """The reference rows the services read, as the simulator wants them."""
    settings = dict(conn.execute("SELECT key, value FROM setting"))
    rules = []
    for row in conn.execute(
            "SELECT recipient, user_id, max_priority, min_escalations, reason, category_id,"
            " channels FROM escalation_rule WHERE active ORDER BY id"):
        rules.append({"recipient": row[0], "user_id": row[1], "max_priority": row[2],
                      "min_escalations": row[3], "reason": row[4], "category_id": row[5],
                      "channels": [c.strip() for c in row[6].split(",") if c.strip()]})
    managers = [r[0] for r in conn.execute(
        "SELECT user.id FROM user JOIN user_role ON user_role.user_id = user.id"
        " WHERE user_role.role = 'incident_manager' AND user.active")]
    return Reference(
        matrix={(i, u): p for i, u, p in conn.execute(
            "SELECT impact, urgency, priority FROM priority_cell")},
        targets={(p, s): (m, c) for p, s, m, c in conn.execute(
            "SELECT priority, stage, minutes, calendar_id FROM service_target")},
        timelines={cid: Timeline(spec, first, last) for cid, spec in calendars.items()},
        managers=managers,
        manager_channels=[c.strip() for c in settings["incident_manager_channels"].split(",")
                          if c.strip()],
        rules=rules,
        caller_department={c[0]: c[1] for c in org.callers},
        group_department=dict(org.group_department),
        department_head={d: h for d, h in conn.execute("SELECT id, head_id FROM department")},
        active_users={r[0] for r in conn.execute("SELECT id FROM user WHERE active")},
        auto_close_code=org.close_codes[CLOSE_AUTO],
        auto_close_days=int(settings["auto_close_days"]),
        change_wait_code=org.change_wait_code,
        categories={c.id: (c.group_id, c.tier2_group_id) for c in org.categories},
        user_calendars=dict(conn.execute(
            "SELECT id, calendar_id FROM user WHERE calendar_id IS NOT NULL")),
    )


class Writer:
    """Puts rows in creation order, numbers them, and writes them in bulk."""

    BATCH = 50_000

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.buckets: dict[int, list[tuple[int, int, int, str, Row]]] = {}
        self.next_id = dict.fromkeys(COLUMNS, 1)
        self.pending: dict[str, list[tuple]] = {t: [] for t in COLUMNS}
        self.sql = {t: f"INSERT INTO {t} ({', '.join(c)}) VALUES "
                       f"({', '.join('?' * len(c))})" for t, c in COLUMNS.items()}
        self.counts: Counter[str] = Counter()
        self.flushed: int | None = None
        skip = {"notification": 2, "change_request": 3}
        self.getters = {t: itemgetter(*c[skip.get(t, 1):len(c) - (2 if t == "notification"
                                                                 else 0)])
                        for t, c in COLUMNS.items()}
        self.queue: queue.Queue[tuple[str, list[tuple]] | None] = queue.Queue(maxsize=4)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._insert, name="bench-writer", daemon=True)
        self.thread.start()

    def add(self, life: Life) -> None:
        f = life.f
        created = f["created_at"]
        self.buckets.setdefault(created // 3600, []).append(
            (created, life.id, 0, "incident", Row(**f)))
        for at, seq, table, row in life.out.rows:
            self.buckets.setdefault(at // 3600, []).append((at, life.id, seq, table, row))

    def flush_before(self, moment: int) -> None:
        """Write every row created before the hour of ``moment`` (rows are added in the
        order of their incidents' creation, so no earlier row can come any more)."""
        hour = moment // 3600
        if self.flushed is None:
            self.flushed = min(self.buckets, default=hour)
        for key in range(self.flushed, hour):
            rows = self.buckets.pop(key, None)
            if rows is not None:
                self._flush_bucket(rows)
        self.flushed = max(self.flushed, hour)

    def finish(self) -> None:
        for key in sorted(self.buckets):
            self._flush_bucket(self.buckets.pop(key))
        for table in COLUMNS:
            self._write(table)

    def _flush_bucket(self, rows: list[tuple[int, int, int, str, Row]]) -> None:
        rows.sort()  # (moment, incident, sequence) is unique: the rest is never compared
        next_id, pending, getters = self.next_id, self.pending, self.getters
        for _, incident_id, _, table, row in rows:
            v = row.values
            if table == "incident":
                row.id = incident_id
            else:
                row.id = next_id[table]
                next_id[table] += 1
            if table == "journal":
                note = v["note"]
                values: tuple = (row.id, v["incident_id"], v["at"], v["actor_id"], v["action"],
                                 v["changes"], str(note) if isinstance(note, ChangeNumber)
                                 else note)
            elif table == "notification":
                lead = v["joined_to"]
                values = (row.id, v["escalation"].id, *getters[table](v),
                          lead.id if lead is not None else None, v["state_reason"])
            elif table == "change_request":
                values = (row.id, v["version"], f"CHG{row.id:07d}", *getters[table](v))
            else:
                values = (row.id, *getters[table](v))
            batch = pending[table]
            batch.append(values)
            if len(batch) >= self.BATCH:
                self._write(table)

    def _write(self, table: str) -> None:
        batch = self.pending[table]
        if batch:
            self.queue.put((self.sql[table], batch))
            self.counts[table] += len(batch)
            self.pending[table] = []

    def _insert(self) -> None:
        """The writing thread: SQLite releases the GIL while it works, so that inserting
        overlaps with the next incidents' simulation."""
        while (item := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.conn.executemany(*item)
                except BaseException as error:  # re-raised in the generating thread
                    self.error = error

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


def deliver_notifications(conn: sqlite3.Connection, now: int) -> None:
    """Give notifications older than ``DELIVERED_AFTER`` the state delivery leaves: two years
    of escalations were handled long ago. E-mail and SMS were sent once (the outbox's
    ``sent``); desktop alerts were acknowledged in the inbox by their recipient; phone and
    verbal ones are call tasks the desk on duty made and recorded as reached (``calls``), with
    their call row. Later ones are still pending, as the scan left them."""
    old = now - DELIVERED_AFTER
    desk = [r[0] for r in conn.execute(
        "SELECT user_id FROM user_role WHERE role = 'service_desk' ORDER BY user_id")]
    conn.execute(
        "UPDATE notification SET state = 'sent', attempts = 1, last_error = '',"
        " sent_at = created_at + 5 + recipient_id % 55"
        " WHERE created_at < ? AND channel IN ('email', 'sms')", (old,))
    conn.execute(
        "UPDATE notification SET state = 'acknowledged', attempts = 1, last_error = '',"
        " sent_at = max(created_at, next_attempt_at) + 2,"
        " acknowledged_at = max(created_at, next_attempt_at) + 600 + recipient_id % 3000,"
        " acknowledged_by_id = recipient_id WHERE created_at < ? AND channel = 'desktop'",
        (old,))
    calls = conn.execute(
        "SELECT id, max(created_at, next_attempt_at) + 120 + recipient_id % 900 FROM"
        " notification WHERE created_at < ? AND channel IN ('phone', 'verbal')"
        " AND state = 'pending'", (old,)).fetchall()
    if desk:
        conn.executemany(
            "INSERT INTO call_attempt (notification_id, called_by_id, called_at, reached, note)"
            " VALUES (?, ?, ?, 1, '')",
            [(n, desk[at % len(desk)], at) for n, at in calls])
    conn.executemany("UPDATE notification SET state = 'sent', attempts = 1, last_error = '',"
                     " sent_at = ? WHERE id = ?", [(at, n) for n, at in calls])
    # the call told the person every reason of its task (services.alerts.calls.record_call)
    conn.executemany("UPDATE notification SET state = 'sent', last_error = '', sent_at = ?"
                     " WHERE joined_to_id = ? AND state = 'joined'", [(at, n) for n, at in calls])


def build_search(conn: sqlite3.Connection, triggers: list[str]) -> None:
    """Fill the full-text index (migration 0003) with exactly what its triggers would have
    written, row by row, for the rows now in the file: each incident's texts, and the notes
    of the journal rows the note trigger takes (its own WHEN clause, read from its SQL),
    each appended with a leading space in journal order."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'incident_search'"
                        ).fetchone():
        return
    conn.create_function(SQL_FUNCTION, 1, index_text, deterministic=True)
    note_trigger = next(t for t in triggers if "incident_search_note" in t)
    when = re.search(r"WHEN\s+(.*?)\s+BEGIN", note_trigger, re.S | re.I)
    assert when is not None, note_trigger
    condition = when.group(1).replace("new.", "j.")
    conn.execute(
        "INSERT INTO incident_search (rowid, title, description, notes, resolution)"
        f" SELECT i.id, {SQL_FUNCTION}(i.title), {SQL_FUNCTION}(i.description),"
        f" COALESCE((SELECT group_concat(' ' || {SQL_FUNCTION}(j.note), '') FROM"
        f" (SELECT * FROM journal WHERE incident_id = i.id ORDER BY id) j"
        f" WHERE {condition}), ''), {SQL_FUNCTION}(i.resolution) FROM incident i"
        " ORDER BY i.id")
    # open work's own word index (migration 0032): the same rows, for open incidents only
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'incident_open_search'"
                    ).fetchone():
        conn.execute(
            "INSERT INTO incident_open_search (rowid, title, description, notes, resolution)"
            " SELECT s.rowid, s.title, s.description, s.notes, s.resolution FROM incident i"
            " JOIN incident_search s ON s.rowid = i.id"
            " WHERE i.stage NOT IN ('resolved', 'closed')")
    # the index's terms (schema 35), which its triggers would have written too
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_term'").fetchone():
        from desk_app.storage.search_terms import fill

        fill(conn.execute)


def generate(path: str | Path, incidents: int, *, seed: int = 1, now: str = DEFAULT_NOW,
             span_days: int = DEFAULT_SPAN_DAYS, profile: Profile | None = None,
             progress: Callable[[str], None] | None = None,
             record: dict[int, list[tuple[int, int, str, dict[str, Any]]]] | None = None,
             target_factor: float = TARGET_FACTOR) -> Manifest:
    """Create ``path`` (which must not exist) with ``incidents`` incidents."""
    started = time.perf_counter()
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    profile = profile or load_profile()
    end = epoch(now)
    if end % 60:
        raise ValueError("now must be on a whole minute (the scans run on minutes)")
    start = end - span_days * 86400
    store = open_file(path, create=True)
    calendars = store.read(load_calendars)
    store.close()

    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    register_sqlite(conn)  # the hash chain's triggers (schema 22) fire until dropped below
    # CHECK constraints would cost two thirds of the insert time (their IN lists are built
    # again for every row); the rows are what the services write (the replay test proves
    # it, and ``bench.check`` verifies every CHECK of a generated file).
    for pragma in ("synchronous=OFF", "journal_mode=MEMORY", "cache_size=-1000000",
                   "foreign_keys=OFF", "temp_store=MEMORY", "ignore_check_constraints=ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN")
    rng = random.Random(seed)
    org = build_org(conn, rng, incidents, start - 86400)
    if target_factor != 1:
        # the process owner's targets for this desk (R15): what ``save_target`` writes
        conn.execute("UPDATE service_target SET minutes = CAST(round(minutes * ?) AS INTEGER),"
                     " version = version + 1", (target_factor,))
    ref = reference(conn, org, calendars, start - 2 * 86400, end + 400 * 86400)
    teller = Storyteller(profile, org, ref.auto_close_days)
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({', '.join('?' * len(BIG_TABLES))}) ORDER BY rowid",
        BIG_TABLES).fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    # the search index's triggers would update it row by row; it is built once at the end
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                            " ORDER BY rowid").fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')

    moments = arrivals(rng, profile, incidents, start, end)
    long_ids = {i for i in range(1, len(moments) + 1) if rng.random() < 1 / LONG_HISTORY_EVERY}
    long_ids.add(max(1, len(moments) // 2))
    writer = Writer(conn)
    stages: Counter[str] = Counter()
    pending = escalated = breached = 0
    for number, created in enumerate(moments, start=1):
        life = Life(ref, number, end)
        life.ack_policy = teller.ack_policy(rng)
        life.run(teller.tell(rng, number, created, long_history=number in long_ids))
        stages[life.f["stage"]] += 1
        pending += life.f["wait_code_id"] is not None
        escalated += bool(life.escalations)
        breached += any(r != "transfers" for r in life.escalations)
        writer.add(life)
        if record is not None:
            record[number] = life.done
        writer.flush_before(created)
        if progress is not None and number % 100_000 == 0:
            progress(f"{number} incidents, {time.perf_counter() - started:.0f} s")
    writer.finish()
    writer.close()
    conn.execute("COMMIT")
    if progress is not None:
        progress(f"rows written, {time.perf_counter() - started:.0f} s; indexing")
    conn.execute("BEGIN")
    for _, sql in indexes:
        conn.execute(sql)
    deliver_notifications(conn, end)
    if progress is not None:
        progress(f"indexed, {time.perf_counter() - started:.0f} s; building the search index")
    build_search(conn, [sql for _, sql in triggers])
    for _, sql in triggers:
        conn.execute(sql)
    # the same seed gives the same file: the file's id too, then the chain over it all
    conn.execute("UPDATE setting SET value = ? WHERE key = 'security.file_id'",
                 (f"bench-{seed}",))
    restart_chain(conn)  # one link per journal row, a first witness of everything
    # the reports' summary tables (schema 27) are counted once, as their triggers would have
    report_summaries.rebuild(conn.execute, conn.executemany,
                             report_summaries.zone_of_setting(conn.execute))
    conn.execute("COMMIT")
    long_history = {i: n for i, n in conn.execute(
        "SELECT incident_id, count(*) FROM journal WHERE incident_id IN"
        f" ({', '.join(str(i) for i in sorted(long_ids))}) GROUP BY incident_id")}
    desk_user = conn.execute("SELECT username FROM user WHERE id = ?",
                             (org.desk[0],)).fetchone()[0]
    conn.close()
    # Dropping an index drops its planner statistics; the program's file carries the typical
    # ones (``storage.statistics``), so the generated file must too, or queue pages measured
    # on it are the planner's guesses, not the program's (14 ms instead of 1.5 ms).
    store = open_file(path)
    try:
        statistics.ensure(store)
        # the pending spans' working seconds (schema 33), as the program's writes count them
        store.write(lambda: pending_work.settle(store.db))
    finally:
        store.close()

    manifest = Manifest(
        path=str(path), incidents=len(moments), seed=seed, now=now, span_days=span_days,
        profile=profile.source, seconds=round(time.perf_counter() - started, 1),
        bytes=path.stat().st_size, rows=dict(writer.counts), stages=dict(stages),
        pending=pending, escalated_incidents=escalated, breached_incidents=breached,
        target_factor=target_factor, long_history=long_history,
        desk_user=desk_user, manager_user="owner")
    manifest.save()
    return manifest
