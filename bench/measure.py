"""Timing: medians and 95th percentiles of repeated calls, ours and a baseline interleaved.

The machine is shared and noisy, so a figure is never one run: every call is timed with
``time.perf_counter_ns`` after warm-up calls, ours and the baseline alternate (so that a
burst of load from elsewhere hits both), and the table shows the median and the 95th
percentile of each.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Timing:
    """Samples of one figure: nanoseconds, or bytes for a memory figure (``Result.unit``
    "MB"); ``median_ms``/``p95_ms`` divide by a million either way (ms, or MB)."""

    samples_ns: list[int] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.samples_ns)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ns) / 1e6

    @property
    def p95_ms(self) -> float:
        """Nearest-rank 95th percentile."""
        ordered = sorted(self.samples_ns)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] / 1e6


@dataclass
class Result:
    """One row of the table."""

    operation: str
    size: int
    ours: Timing
    baseline: Timing | None = None
    target: str = ""
    #: the target as numbers: ours' median must be at most ``limit_ms`` and at most
    #: ``limit_ratio`` times the baseline's median (None: no such limit)
    limit_ms: float | None = None
    limit_ratio: float | None = None
    #: ours' median at most this much more than the baseline's (ms, or MB)
    limit_over: float | None = None
    note: str = ""
    #: "ms" for times; "MB" for memory (then ``limit_ms`` is in MB too)
    unit: str = "ms"

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or not self.baseline.n:
            return None
        return self.ours.median_ms / self.baseline.median_ms

    @property
    def met(self) -> bool | None:
        if self.limit_ms is None and self.limit_ratio is None and self.limit_over is None:
            return None
        ok = True
        if self.limit_ms is not None:
            ok &= self.ours.median_ms <= self.limit_ms
        if self.limit_ratio is not None and self.ratio is not None:
            ok &= self.ratio <= self.limit_ratio
        if self.limit_over is not None and self.baseline is not None and self.baseline.n:
            ok &= self.ours.median_ms - self.baseline.median_ms <= self.limit_over
        return ok


#: What a figure counts: "wall" (elapsed time, what a person waits) or "cpu" (this
#: thread's processor time, user and system: on a machine other work keeps busy, the time
#: the code itself took, without the waits for the processor; a commit's wait for the disk
#: is left out too, so the fsync rows mean little in that mode).
CLOCKS: dict[str, Callable[[], int]] = {"wall": time.perf_counter_ns,
                                        "cpu": time.thread_time_ns}
_clock: list[Callable[[], int]] = [time.perf_counter_ns]


def use_clock(name: str) -> None:
    """Time every later figure by this clock ("wall" or "cpu")."""
    _clock[0] = CLOCKS[name]


def timed(fn: Callable[[], Any]) -> int:
    clock = _clock[0]
    start = clock()
    fn()
    return clock() - start


def measure(ours: Callable[[], Any], baseline: Callable[[], Any] | None = None, *,
            repeat: int, warmup: int = 3,
            setup: Callable[[str], Any] | None = None) -> tuple[Timing, Timing | None]:
    """Time ``repeat`` calls of each, alternating; ``setup(which)`` runs untimed before
    every call (``which`` is "ours" or "baseline"), for benchmarks that need fresh work."""
    mine, theirs = Timing(), Timing() if baseline is not None else None
    pairs = [("ours", ours, mine)]
    if baseline is not None and theirs is not None:
        pairs.append(("baseline", baseline, theirs))
    for round_ in range(warmup + repeat):
        order = pairs if round_ % 2 == 0 else list(reversed(pairs))
        for which, fn, timing in order:
            if setup is not None:
                setup(which)
            elapsed = timed(fn)
            if round_ >= warmup:
                timing.samples_ns.append(elapsed)
    return mine, theirs
