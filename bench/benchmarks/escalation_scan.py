"""The escalation scan with 100 incidents due (R07, R08, R09, R15).

Before every timed scan, 100 priority-1 incidents are logged through the real services so
long before the scan's moment that their assign target has run out (untimed). The scan
then breaches each clock, escalates each incident (urgency, priority, journal, escalation
row) and writes a notification per recipient and channel. Nothing else in a generated
database is due at its ``now``, so every scan does exactly this work, however many
incidents are stored or open: the scan walks the index on ``next_deadline``.

Ours: ``services.alerts.escalation.scan``. Baseline: the same rows written by hand-written SQL
through plain ``sqlite3`` in one ``BEGIN IMMEDIATE`` transaction. Both with the product's
``synchronous=EXTRA`` and with ``synchronous=OFF`` (no fsync at commit). A second row times
the scan a workstation runs every minute when nothing is due.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

from bench import open_file, plain_connection
from bench.benchmarks import Context, benchmark
from bench.measure import Result, measure
from desk_app.clock import FakeClock
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident.log import NewIncident, log_incident
from desk_app.services.session import session_for

DUE = 100


def scan_by_hand(conn: sqlite3.Connection, now: int) -> int:
    """What ``scan`` writes for incidents whose clocks ran out, by hand: breach, escalate
    (R08: urgency at least High, priority from the matrix), notify (R09)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        q = conn.execute
        due = q("SELECT id, impact, urgency, priority, escalation_count, caller_id, group_id,"
                " category_id, version FROM incident WHERE next_deadline <= ?"
                " ORDER BY next_deadline", (now,)).fetchall()
        if not due:
            conn.execute("COMMIT")
            return 0
        matrix = {(i, u): p for i, u, p in q(
            "SELECT impact, urgency, priority FROM priority_cell")}
        managers = [r[0] for r in q(
            "SELECT user.id FROM user JOIN user_role ON user_role.user_id = user.id"
            " WHERE user_role.role = 'incident_manager' AND user.active")]
        channels = q("SELECT value FROM setting WHERE key = 'incident_manager_channels'"
                     ).fetchone()[0].split(",")
        rules = q("SELECT recipient, max_priority, min_escalations, reason, category_id,"
                  " channels, user_id FROM escalation_rule WHERE active").fetchall()
        active = {r[0] for r in q("SELECT id FROM user WHERE active")}
        for (incident, impact, urgency, priority, escalated, caller, group, category,
             version) in due:
            for clock, stage, due_at in q(
                    "SELECT id, stage, due_at FROM target_clock WHERE incident_id = ? AND"
                    " state = 'running' AND breached_at IS NULL AND due_at <= ?",
                    (incident, now)).fetchall():
                q("UPDATE target_clock SET breached_at = ? WHERE id = ?", (due_at, clock))
                q("INSERT INTO journal (incident_id, at, actor_id, action, changes, note)"
                  " VALUES (?, ?, NULL, 'breach', '{}', ?)", (incident, now, stage))
                reason = f"{stage}_target"
                if q("SELECT 1 FROM escalation WHERE incident_id = ? AND reason = ?",
                     (incident, reason)).fetchone():
                    continue
                new_urgency = min(urgency, 2)
                new_priority = matrix[(impact, new_urgency)]
                escalation = q(
                    "INSERT INTO escalation (version, incident_id, reason, at, old_urgency,"
                    " new_urgency, old_priority, new_priority, ack_comment) VALUES"
                    " (1, ?, ?, ?, ?, ?, ?, ?, '')", (incident, reason, now, urgency,
                                                      new_urgency, priority, new_priority)
                ).lastrowid
                changes = {}
                if new_urgency != urgency:
                    changes["urgency"] = [urgency, new_urgency]
                if new_priority != priority:
                    changes["priority"] = [priority, new_priority]
                urgency, priority, escalated = new_urgency, new_priority, escalated + 1
                q("INSERT INTO journal (incident_id, at, actor_id, action, changes, note)"
                  " VALUES (?, ?, NULL, 'escalate', ?, ?)",
                  (incident, now, json.dumps(changes), reason))
                people = {(m, c) for m in managers for c in channels}
                for kind, max_p, min_e, rule_reason, rule_category, rule_channels, user in rules:
                    if (max_p is not None and priority > max_p) or (
                            min_e is not None and escalated < min_e) or (
                            rule_reason is not None and rule_reason != reason) or (
                            rule_category is not None and rule_category != category):
                        continue
                    if kind == "user":
                        heads = [user] if user else []
                    else:
                        department = q(
                            "SELECT department_id FROM caller WHERE id = ?" if kind ==
                            "caller_department_head" else
                            "SELECT department_id FROM support_group WHERE id = ?",
                            (caller if kind == "caller_department_head" else group,)
                        ).fetchone()[0]
                        head = q("SELECT head_id FROM department WHERE id = ?",
                                 (department,)).fetchone() if department else None
                        heads = [head[0]] if head and head[0] else []
                    people.update((h, c) for h in heads for c in rule_channels.split(","))
                conn.executemany(
                    "INSERT OR IGNORE INTO notification (escalation_id, recipient_id, channel,"
                    " state, attempts, next_attempt_at, last_error, created_at, state_reason)"
                    " VALUES (?, ?, ?, 'pending', 0, ?, '', ?, '')",
                    [(escalation, u, c, now, now) for u, c in sorted(people) if u in active])
            deadline = q("SELECT min(due_at) FROM target_clock WHERE incident_id = ? AND"
                         " state = 'running' AND breached_at IS NULL", (incident,)
                         ).fetchone()[0]
            q("UPDATE incident SET urgency = ?, priority = ?, escalation_count = ?,"
              " next_deadline = ?, version = version + 1, updated_at = ? WHERE id = ? AND"
              " version = ?", (urgency, priority, escalated, deadline, now, incident, version))
        conn.execute("COMMIT")
        return len(due)
    except BaseException:
        conn.execute("ROLLBACK")
        raise


@benchmark("escalation_scan", "escalation scan with 100 incidents due, and with none")
def run(ctx: Context) -> list[Result]:
    return [_due(ctx, fsync=False), _due(ctx, fsync=True), _idle(ctx)]


class _Scene:
    """A private copy of the database, open through the core and through plain sqlite3."""

    def __init__(self, ctx: Context, fsync: bool) -> None:
        self.path = ctx.copy("scan")
        self.store = open_file(self.path)
        self.conn = plain_connection(self.path)
        self.mode = "EXTRA" if fsync else "OFF"
        self.store.db.execute_sql(f"PRAGMA synchronous = {self.mode}")
        self.conn.execute(f"PRAGMA synchronous = {self.mode}")
        self.now = datetime.fromisoformat(ctx.manifest.now).astimezone(UTC)
        self.clock = FakeClock(self.now)
        minutes = self.conn.execute("SELECT minutes FROM service_target WHERE priority = 1"
                                    " AND stage = 'assign'").fetchone()[0]
        self.caller_id, self.category_id = self.conn.execute(
            "SELECT (SELECT min(id) FROM caller WHERE active),"
            " (SELECT min(id) FROM category WHERE active)").fetchone()
        self.desk = session_for(self.store, ctx.manifest.desk_user,
                                FakeClock(self.now - timedelta(minutes=minutes + 5)))
        self.counted: list[int] = []

    def make_due(self, _: str = "") -> None:
        """Untimed: 100 priority-1 incidents whose assign target ran out before ``now``."""
        self.store.db.execute_sql("PRAGMA synchronous = OFF")
        for n in range(DUE):
            log_incident(self.desk, NewIncident(
                self.caller_id, "system_fault", self.category_id, 1, f"核心交换机故障 #{n}",
                "整栋楼网络中断 / the whole building is offline", urgency=1))
        self.store.db.execute_sql(f"PRAGMA synchronous = {self.mode}")

    def ours(self) -> None:
        self.counted.append(len(scan(self.store, self.clock).incidents))

    def by_hand(self) -> None:
        self.counted.append(scan_by_hand(self.conn, int(self.now.timestamp())))

    def close(self) -> None:
        self.conn.close()
        self.store.close()
        self.path.unlink()


def _due(ctx: Context, fsync: bool) -> Result:
    scene = _Scene(ctx, fsync)
    try:
        mine, theirs = measure(scene.ours, scene.by_hand, repeat=ctx.repetitions(20),
                               warmup=min(ctx.warmup, 2), setup=scene.make_due)
        assert set(scene.counted) == {DUE}, f"scans escalated {set(scene.counted)}, not {DUE}"
    finally:
        scene.close()
    label = "with fsync" if fsync else "without fsync"
    return Result(f"escalation scan, {DUE} due, {label}", ctx.size, mine, theirs,
                  "≤ 10 ms, ≤ 2× baseline", limit_ms=10.0, limit_ratio=2.0)


def _idle(ctx: Context) -> Result:
    scene = _Scene(ctx, fsync=True)
    try:
        mine, theirs = measure(scene.ours, scene.by_hand, repeat=ctx.repetitions(200),
                               warmup=ctx.warmup)
        assert set(scene.counted) == {0}
    finally:
        scene.close()
    return Result("escalation scan, nothing due", ctx.size, mine, theirs, "report")
