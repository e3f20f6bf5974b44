"""Importing an incident event log (issue 15): rows per second of ``desk-app import``'s
core on a ServiceNow-shaped log, against a baseline measured in the same run: the same
rows parsed by ``csv`` and inserted as they are into one plain SQLite table (what any
import must at least do).

    python -m bench.import_events [--rows 100000] [--seed 1]

The log is generated: incidents of 3–12 updates each with the shapes of the real log in
../shared/data (transfers, "Awaiting …" periods, reopens, closure with a close code). When
the real log is there, its import is measured too. Target: 100,000 rows in at most 60 s.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from desk_app.services.importing.formats.servicenow import LOG_COLUMNS

SAMPLE = Path("/work/shared/data/servicenow_incident_event_log_sample.csv")
HEADER = list(LOG_COLUMNS)
FORMAT = "%d-%m-%Y %H:%M"


def generate(path: Path, rows: int, seed: int) -> int:
    """Write about ``rows`` event rows; returns how many were written."""
    rng = random.Random(seed)
    written = 0
    start = datetime(2016, 2, 29, 8, 0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        number = 0
        while written < rows:
            number += 1
            opened = start + timedelta(minutes=rng.randint(0, 60 * 24 * 300))
            caller = f"Caller {rng.randint(1, 5000)}"
            category = f"Category {rng.randint(1, 60)}"
            group = f"Group {rng.randint(1, 70)}"
            impact, urgency = rng.choice(["1 - High", "2 - Medium", "3 - Low"]), rng.choice(
                ["1 - High", "2 - Medium", "3 - Low"])
            priority = rng.choice(["1 - Critical", "2 - High", "3 - Moderate", "4 - Low"])
            states = ["New"]
            states += ["New"] * rng.randint(0, 2)
            states += ["Active"] * rng.randint(1, 3)
            if rng.random() < 0.4:
                states += ["Awaiting User Info"] * rng.randint(1, 3) + ["Active"]
            states += ["Resolved"]
            if rng.random() < 0.05:
                states += ["Active", "Resolved"]
            states += ["Closed"]
            count, moment, assignee = 0, opened, "?"
            code = f"code {rng.randint(1, 15)}"
            for mod, state in enumerate(states):
                moment += timedelta(minutes=rng.randint(1, 600))
                if mod and state in ("New", "Active") and rng.random() < 0.25:
                    count += 1
                    group = f"Group {rng.randint(1, 70)}"
                if state == "Active":
                    assignee = f"Resolver {rng.randint(1, 300)}"
                values = dict.fromkeys(HEADER, "?")
                values.update({
                    "number": f"INC{number:07d}", "incident_state": state,
                    "active": "FALSE" if state == "Closed" else "TRUE",
                    "reassignment_count": str(count), "reopen_count": "0",
                    "sys_mod_count": str(mod), "made_sla": "TRUE", "caller_id": caller,
                    "opened_by": f"Opened by  {rng.randint(1, 40)}",
                    "opened_at": opened.strftime(FORMAT),
                    "sys_updated_by": f"Updated by {rng.randint(1, 900)}",
                    "sys_updated_at": moment.strftime(FORMAT), "contact_type": "Phone",
                    "category": category, "subcategory": "Subcategory 1",
                    "u_symptom": "Symptom 1", "impact": impact, "urgency": urgency,
                    "priority": priority, "assignment_group": group, "assigned_to": assignee,
                    "closed_code": code, "resolved_by": "Resolved by 1",
                })
                out.writerow([values[c] for c in HEADER])
                written += 1
    return written


def baseline(path: Path, db: Path) -> float:
    """Seconds to parse the rows and insert them as they are into one table."""
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        conn.execute(f"CREATE TABLE log ({', '.join(f'c{i}' for i in range(len(header)))})")
        conn.executemany(f"INSERT INTO log VALUES ({', '.join('?' * len(header))})", reader)
    conn.commit()
    conn.close()
    return time.perf_counter() - started


def ours(path: Path, db: Path) -> tuple[float, int, int, int]:
    """Seconds to import with desk-app (mapping, history, writes); (seconds, rows,
    incidents added, refused)."""
    from desk_app.clock import SystemClock
    from desk_app.services.admin.people import UserForm
    from desk_app.services.database.setup import create_database
    from desk_app.services.importing.mapping import build_mapping
    from desk_app.services.importing.run import import_table
    from desk_app.services.importing.source import read_table
    from desk_app.services.session import session_for

    store = create_database(db, UserForm("owner", "Owner", [], password="benchmark pw"))
    try:
        session = session_for(store, "owner", SystemClock())
        started = time.perf_counter()
        table = read_table(path)
        mapping = build_mapping("servicenow", table.columns)
        report = import_table(session, table, "servicenow", mapping)
        return time.perf_counter() - started, report.rows, report.added, len(report.refused)
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        logs = [("generated", work / "log.csv")]
        generate(logs[0][1], args.rows, args.seed)
        if SAMPLE.exists():
            logs.append(("ServiceNow sample", SAMPLE))
        print("| log | rows | incidents added | refused | desk-app s | rows/s | "
              "baseline s | baseline rows/s | × baseline |")
        print("|---|---|---|---|---|---|---|---|---|")
        for n, (name, path) in enumerate(logs):
            base = baseline(path, work / f"base{n}.sqlite")
            seconds, rows, added, refused = ours(path, work / f"desk{n}.sqlite")
            print(f"| {name} | {rows:,} | {added:,} | {refused:,} | {seconds:.1f} | "
                  f"{rows / seconds:,.0f} | {base:.2f} | {rows / base:,.0f} | "
                  f"{seconds / base:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
