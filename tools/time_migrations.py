"""Time an old file's upgrade, migration by migration and statement by statement.

    python tools/time_migrations.py OLD.sqlite COPY.sqlite [--slower-than 0.2]

OLD is copied to COPY (OLD is never written) and COPY is upgraded to the program's schema
as opening it would (without the backup), printing each migration's elapsed and processor
time and every statement slower than the threshold. A generated file of the older
generators gets schema 11's report indexes first, as ``bench.upgrade`` does.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import _report_indexes
from desk_app.storage import migrations
from desk_app.storage.database import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("copy", type=Path)
    parser.add_argument("--slower-than", type=float, default=0.2)
    args = parser.parse_args()
    if args.copy.exists():
        parser.error(f"{args.copy} exists")
    shutil.copyfile(args.old, args.copy)
    store = Store(args.copy)
    try:
        version = store.user_version()
        if 11 <= version < 27:
            _report_indexes(store)
        execute = store.db.execute_sql
        times: dict[int, tuple[float, float]] = {}
        start = time.perf_counter()
        with store.db.atomic(lock_type="IMMEDIATE"):
            for migration in migrations.MIGRATIONS:
                if migration.version <= version:
                    continue
                wall, cpu = time.perf_counter(), time.process_time()
                for statement in migrations.statements(migration.sql_file):
                    began = time.perf_counter()
                    execute(statement)
                    took = time.perf_counter() - began
                    if took > args.slower_than:
                        print(f"  {took:8.2f} s  {' '.join(statement.split())[:110]}",
                              flush=True)
                if migration.then is not None:
                    migration.then(store)
                execute(f"PRAGMA user_version = {migration.version}")
                times[migration.version] = (time.perf_counter() - wall,
                                            time.process_time() - cpu)
                print(f"schema {migration.version}: {times[migration.version][0]:.1f} s "
                      f"elapsed, {times[migration.version][1]:.1f} s processor", flush=True)
        print(f"{version} → {migrations.LATEST}: {time.perf_counter() - start:.1f} s")
    finally:
        store.close()


if __name__ == "__main__":
    main()
