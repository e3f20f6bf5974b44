"""Memory after scrolling the All queue from its first row to its last, against an empty
``QMainWindow`` in the same run.

Each is a new process (``bench/ui_child.py``): the program starts as in ``cold_start``, then
scrolls its queue table one screen at a time, each screen's rows read before the next (a
person holding Page Down), is left idle for three seconds as a person reads what they
scrolled to (long enough for ``ui/memory.py`` to give freed memory back), and reports its
resident set size (RSS). The baseline is the RSS of an empty ``QMainWindow`` process once
shown. Three of each. Target (issue 6): at most 100 MB over the empty window.

Run up to 100,000 incidents: at a million, scrolling screen by screen through every row
takes the better part of an hour on this machine.
"""

from __future__ import annotations

import shutil

from bench.benchmarks import Context, benchmark
from bench.benchmarks.cold_start import launch, prepare
from bench.measure import Result, Timing

LARGEST = 100_000


@benchmark("scroll_memory", "memory after scrolling All from top to bottom", needs_ui=True)
def run(ctx: Context) -> list[Result]:
    if ctx.size > LARGEST:
        print(f"  scroll_memory: not run above {LARGEST:,} incidents")
        return []
    path, user, ini = prepare(ctx, "scroll_memory")
    ours, empty = Timing(), Timing()
    seconds = []
    try:
        for _ in range(max(1, ctx.repetitions(3))):
            _, said = launch(["scroll", str(path), user, ctx.manifest.now, "100", str(ini)],
                             timeout=3600)
            ours.samples_ns.append(said["rss"])
            seconds.append((said["scrolled"] - said["ready"]) / 1e9)
            _, said = launch(["empty"])
            empty.samples_ns.append(said["rss"])
        print(f"  scrolling {ctx.size:,} rows took {min(seconds):.0f} s")
    finally:
        shutil.rmtree(path.with_name(path.stem + "-backups"), ignore_errors=True)
        path.unlink(missing_ok=True)
    return [Result(f"memory (RSS) after scrolling All ({ctx.size:,} rows)", ctx.size,
                   ours, empty, "≤ 100 MB over an empty window", limit_over=100.0,
                   unit="MB")]
