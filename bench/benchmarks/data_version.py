"""One ``PRAGMA data_version`` poll: how a workstation notices another one's commit.

Ours: ``Store.data_version()`` through peewee. Baseline: the pragma on a plain ``sqlite3``
connection to the same file. Target (issue 6): at most 1 ms.
"""

from __future__ import annotations

from bench import open_file, plain_connection
from bench.benchmarks import Context, benchmark
from bench.measure import Result, measure


@benchmark("data_version", "one PRAGMA data_version poll")
def run(ctx: Context) -> list[Result]:
    store = open_file(ctx.path, read_only=True)
    conn = plain_connection(ctx.path, read_only=True)
    try:
        ours, baseline = measure(
            store.data_version,
            lambda: conn.execute("PRAGMA data_version").fetchone()[0],
            repeat=ctx.repetitions(2000), warmup=ctx.warmup * 10)
    finally:
        conn.close()
        store.close()
    return [Result("data_version poll", ctx.size, ours, baseline, "≤ 1 ms", limit_ms=1.0)]
