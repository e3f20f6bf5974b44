"""Benchmark of the queue and search reads on a large database (prints figures; asserts nothing).

    .venv/bin/python tools/bench_queues.py [--incidents 100000] [--file /tmp/bench.sqlite]

Builds (once) a file of N incidents by making the demo and copying its incidents, journal,
target clocks and escalations with plain SQL under fresh numbers, then times what the main
window does: queue counts, the id list of each queue in several orders, fetching a chunk of
rows, and searches (English, Chinese two-character words, a number, a caller). Plain sqlite3
reading the same ids is the baseline. Query plans are printed with EXPLAIN QUERY PLAN.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desk_app.demo import build_demo
from desk_app.services import queues, search
from desk_app.services.session import session_for
from desk_app.storage.opening import open_store


def build(path: Path, incidents: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        seed_file = Path(tmp) / "seed.sqlite"
        build_demo(seed_file, incidents=200)
        store = open_store(seed_file)
        store.close()
        path.unlink(missing_ok=True)
        seed_file.replace(path)
    store = open_store(path)
    base = store.execute("SELECT COUNT(*), MAX(id) FROM incident")[0]
    count, top = int(base[0]), int(base[1])
    copies = max(0, incidents // count - 1)
    cols = {t: [r[1] for r in store.execute(f'PRAGMA table_info("{t}")')]
            for t in ("incident", "journal", "target_clock", "escalation")}

    def copy(k: int) -> None:
        offset = k * top
        icols = [c for c in cols["incident"] if c not in ("id", "number")]
        store.db.execute_sql(
            f"INSERT INTO incident (id, number, {', '.join(icols)}) "
            f"SELECT id + {offset}, printf('INC%07d', id + {offset}), "
            + ", ".join(f"{c} + {offset}" if c == "linked_incident_id" else c for c in icols)
            + " FROM incident WHERE id <= ?", (top,))
        for table in ("journal", "target_clock", "escalation"):
            rest = [c for c in cols[table] if c not in ("id", "incident_id")]
            store.db.execute_sql(
                f"INSERT INTO {table} (incident_id, {', '.join(rest)}) "
                f"SELECT incident_id + {offset}, {', '.join(rest)} FROM {table} "
                f"WHERE incident_id <= ?", (top,))

    started = time.perf_counter()
    for k in range(1, copies + 1):
        store.write(lambda k=k: copy(k))
    store.execute("ANALYZE")
    total = store.execute("SELECT COUNT(*) FROM incident")[0][0]
    print(f"built {path}: {total} incidents in {time.perf_counter() - started:.1f} s")
    store.close()


def timed(label: str, fn: Callable[[], object], repeat: int = 5) -> object:
    result: object = None
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    size = len(result) if hasattr(result, "__len__") else ""  # type: ignore[arg-type]
    print(f"  {label:<48} median {statistics.median(times):7.1f} ms"
          f"   max {max(times):7.1f} ms   {size}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--file", type=Path, default=Path(tempfile.gettempdir()) / "bench.sqlite")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--plans", action="store_true", help="print query plans")
    args = parser.parse_args()
    if args.rebuild or not args.file.exists():
        build(args.file, args.incidents)
    store = open_store(args.file)
    session = session_for(store, "liqiang")
    total = store.execute("SELECT COUNT(*) FROM incident")[0][0]
    print(f"{total} incidents, signed in as {session.username}")

    raw = sqlite3.connect(args.file)
    print("baseline (plain sqlite3)")
    timed("SELECT id FROM incident ORDER BY id", lambda: raw.execute(
        "SELECT id FROM incident ORDER BY id").fetchall())
    timed("SELECT id ... ORDER BY priority, next_deadline", lambda: raw.execute(
        "SELECT id FROM incident ORDER BY priority, next_deadline").fetchall())

    print("counts")
    timed("counts of all 8 queues", lambda: queues.counts(session))
    print("ids (what a view keeps)")
    for queue in queues.Queue:
        timed(f"{queue} default order", lambda q=queue: queues.ids(session, q))
        if args.plans:
            sql, params = queues.ids_query(session, queue)
            for line in queues.plan(session, sql, params):
                print(f"      {line}")
    for sort in queues.SortColumn:
        timed(f"all by {sort} desc", lambda s=sort: queues.ids(session, queues.Queue.ALL, s,
                                                               True, lang="zh"))
    timed("all filtered: P2 and text 'VPN'", lambda: queues.ids(
        session, queues.Queue.ALL, filters=queues.Filters(priority=2, text="VPN")))
    every = queues.ids(session, queues.Queue.ALL)
    print("rows (what a view fetches as it scrolls)")
    timed("rows: chunk of 100 at the top", lambda: queues.rows(session, every[:100]))
    middle = len(every) // 2
    timed("rows: chunk of 100 in the middle", lambda: queues.rows(
        session, every[middle:middle + 100]))
    timed("page(offset=50000, limit=100)", lambda: queues.page(
        session, queues.Queue.ALL, offset=min(50_000, len(every) - 100), limit=100))
    if args.plans:
        sql = queues._ROW_SQL.format(marks=", ".join("?" * 3))
        for line in queues.plan(session, sql, every[:3] * 2):
            print(f"      {line}")
    print("search (top 50)")
    for text in ["VPN", "network slow", "网络", "邮件", "网络中断", "打", "INC0000042", "42",
                 "Sarah", "刘建国"]:
        timed(f"search {text!r}", lambda t=text: search.search(session, t), repeat=3)
    store.close()


if __name__ == "__main__":
    main()
