"""Is a database file consistent with the core's rules? (``python -m bench check FILE``)

Meant for generated files, but nothing in it is specific to them: SQLite's own checks, every
CHECK constraint of the models (the generator inserts with them switched off), the
product's own ``desk-app check`` (``services.database.check``), and the invariants the
services keep: priority read from the matrix, counters that match their
rows, one live target clock per stage, ``next_deadline`` equal to the earliest running,
unbreached clock, nothing overdue at the moment the file describes, and, for a sample of
open incidents, the core's own ``ClockSync`` finding nothing to change.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from peewee import SQL

from bench import open_file
from desk_app.domain.enums import JournalAction, Stage
from desk_app.services.database.check import check_database
from desk_app.services.incident.editing import IncidentEdit
from desk_app.services.process.targets import ClockSync
from desk_app.services.session import system_session
from desk_app.storage import statistics
from desk_app.storage.models import MODELS, Incident
from desk_app.storage.uri import sqlite_uri

LIVE_CLOCK_STATES = ("running", "paused", "stopped")


def check_constraints(conn: sqlite3.Connection) -> list[str]:
    """Every column CHECK of the models, as a query for rows that break it."""
    problems = []
    for model in MODELS:
        table = model._meta.table_name
        for field in model._meta.sorted_fields:
            for constraint in field.constraints or ():
                if isinstance(constraint, SQL) and constraint.sql.startswith("CHECK"):
                    expression = constraint.sql[len("CHECK"):].strip()
                    bad = conn.execute(
                        f'SELECT count(*) FROM "{table}" WHERE NOT {expression}').fetchone()[0]
                    if bad:
                        problems.append(f"{table}.{field.name}: {bad} rows break {expression}")
    return problems


#: (description, query returning the number of rows that break the invariant)
INVARIANTS: list[tuple[str, str]] = [
    ("priority is the matrix's cell for impact and urgency (R13)",
     "SELECT count(*) FROM incident i JOIN priority_cell p"
     " ON p.impact = i.impact AND p.urgency = i.urgency WHERE p.priority != i.priority"),
    ("escalation_count counts the incident's escalations",
     "SELECT count(*) FROM incident i WHERE escalation_count !="
     " (SELECT count(*) FROM escalation e WHERE e.incident_id = i.id)"),
    ("reassignment_count counts the transfers in the journal (R06)",
     "SELECT count(*) FROM incident i WHERE reassignment_count !="
     " (SELECT count(*) FROM journal j WHERE j.incident_id = i.id AND j.action = 'transfer')"),
    ("the first journal row of an incident logs it",
     "SELECT count(*) FROM incident i WHERE (SELECT action FROM journal j"
     " WHERE j.incident_id = i.id ORDER BY j.id LIMIT 1) IS NOT 'log'"),
    ("pending has a wait code and a start, and nothing else has (R16, R17)",
     "SELECT count(*) FROM incident WHERE (wait_code_id IS NULL) != (pending_since IS NULL)"
     " OR (wait_code_id IS NOT NULL AND stage NOT IN ('logged', 'assigned', 'in_progress'))"),
    ("closed incidents have a close code and a closing time, open ones neither (R23)",
     "SELECT count(*) FROM incident WHERE (stage = 'closed')"
     " != (closed_at IS NOT NULL AND close_code_id IS NOT NULL)"),
    ("resolved and closed incidents have a resolution (R21)",
     "SELECT count(*) FROM incident WHERE stage IN ('resolved', 'closed')"
     " AND (resolved_at IS NULL OR resolution = '')"),
    ("each incident has exactly one live target clock per stage (R15, R19)",
     "SELECT count(*) FROM (SELECT i.id, s.stage, (SELECT count(*) FROM target_clock c"
     " WHERE c.incident_id = i.id AND c.stage = s.stage AND c.state IN"
     " ('running', 'paused', 'stopped')) AS live FROM incident i CROSS JOIN"
     " (SELECT 'assign' AS stage UNION ALL SELECT 'accept' UNION ALL SELECT 'resolve') s)"
     " WHERE live != 1"),
    ("a running clock has its open run and a due time; no other clock has either",
     "SELECT count(*) FROM target_clock c WHERE c.state != 'superseded' AND ("
     " (c.state = 'running') != (c.running_since IS NOT NULL AND c.due_at IS NOT NULL)"
     " OR (c.state = 'running' AND NOT EXISTS (SELECT 1 FROM clock_run r"
     " WHERE r.incident_id = c.incident_id AND r.stage = c.stage AND r.ended_at IS NULL"
     " AND r.started_at = c.running_since)))"),
    ("at most one open clock run per stage",
     "SELECT count(*) FROM (SELECT incident_id, stage FROM clock_run WHERE ended_at IS NULL"
     " GROUP BY incident_id, stage HAVING count(*) > 1)"),
    ("next_deadline is the earliest running, unbreached clock's due time",
     "SELECT count(*) FROM incident i WHERE next_deadline IS NOT (SELECT min(due_at)"
     " FROM target_clock c WHERE c.incident_id = i.id AND c.state = 'running'"
     " AND c.breached_at IS NULL)"),
    ("every escalation notified the incident managers (R09)",
     "SELECT count(*) FROM escalation e WHERE NOT EXISTS (SELECT 1 FROM notification n"
     " WHERE n.escalation_id = e.id)"),
    ("an escalation raised urgency to at least High (R08)",
     "SELECT count(*) FROM escalation WHERE new_urgency > 2 OR new_urgency > old_urgency"),
]


def check(path: str | Path, now: str | None = None, sample: int = 300,
          seed: int = 0) -> list[str]:
    """Problems found in ``path`` (an empty list: consistent). ``now`` is the moment the file
    describes (a generated file's manifest has it): nothing may be overdue then."""
    problems: list[str] = []
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            problems.append(f"integrity_check: {result[:5]}")
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            problems.append(f"foreign_key_check: {len(broken)} rows, e.g. {broken[:3]}")
        problems += check_constraints(conn)
        for description, query in INVARIANTS:
            bad = conn.execute(query).fetchone()[0]
            if bad:
                problems.append(f"{description}: {bad} rows do not")
        if now is not None:
            moment = int(datetime.fromisoformat(now).timestamp())
            overdue = conn.execute("SELECT count(*) FROM incident WHERE next_deadline <= ?",
                                   (moment,)).fetchone()[0]
            if overdue:
                problems.append(f"{overdue} incidents are overdue at {now}: a scan would "
                                "escalate them")
        open_ids = [r[0] for r in conn.execute(
            "SELECT id FROM incident WHERE stage != 'closed' ORDER BY id")]
    finally:
        conn.close()
    store = open_file(path, read_only=True)
    try:
        report = check_database(store)  # the product's own check (``desk-app check``)
        if not store.read(lambda: statistics.installed(store)):
            problems.append("the planner statistics are not the program's typical ones "
                            "(storage.statistics): queue figures measured on this file would "
                            "not be the program's")
    finally:
        store.close()
    if not report.ok:
        problems += [f"desk-app check: {line}" for line in report.lines("en")]
    if now is not None:
        chosen = random.Random(seed).sample(open_ids, min(sample, len(open_ids)))
        problems += _resync(Path(path), sorted(chosen), now)
    return problems


class _Rollback(Exception):
    pass


def _resync(path: Path, incident_ids: list[int], now: str) -> list[str]:
    """Run the core's ``ClockSync`` on each incident at ``now`` and report any row it would
    change (the changes are rolled back)."""
    problems: list[str] = []
    store = open_file(path)
    moment = datetime.fromisoformat(now).astimezone(UTC)
    session = system_session(store)
    tables = ("incident", "target_clock", "clock_run")

    def rows(incident_id: int) -> list[list[tuple]]:
        keys = {"incident": "id"}
        return [store.execute(f"SELECT * FROM {t} WHERE {keys.get(t, 'incident_id')} = ?"
                              " ORDER BY id", (incident_id,)) for t in tables]

    try:
        with store.db.atomic():
            sync = ClockSync()
            for incident_id in incident_ids:
                before = rows(incident_id)
                incident = Incident.get_by_id(incident_id)
                if incident.stage == Stage.CLOSED.value:
                    continue
                edit = IncidentEdit(session, incident, JournalAction.UPDATE)
                sync(edit, moment)
                if edit.values:
                    Incident.update(edit.values).where(Incident.id == incident_id).execute()
                after = rows(incident_id)
                if after != before:
                    changed = [t for t, b, a in zip(tables, before, after, strict=True)
                               if b != a]
                    problems.append(f"incident {incident_id}: ClockSync at {now} changes "
                                    f"{', '.join(changed)}")
            raise _Rollback
    except _Rollback:
        pass
    finally:
        store.close()
    return problems
