"""Run the benchmarks on generated databases and print the table.

    python -m bench run --sizes 10000,100000 [--only scan,log_incident] [--scale 1]

For each size, the generated database is reused from the data folder if it is there (and
was made by this generator), otherwise generated first. Every benchmark in the registry
runs on it; the table has, per operation and size, our median and 95th percentile, the
baseline's, the ratio of the medians, and whether the target is met.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from bench import upgrade
from bench.benchmarks import Context, discover
from bench.generate import GENERATOR_VERSION, Manifest, generate
from bench.measure import Result

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "bench-data"


def dataset(size: int, data: Path, seed: int = 1, span_days: int | None = None,
            progress: Callable[[str], None] | None = None) -> tuple[Path, Manifest]:
    """The generated database of ``size`` incidents in ``data``, made if missing."""
    data.mkdir(parents=True, exist_ok=True)
    suffix = f"-span{span_days}" if span_days else ""
    path = data / f"desk-{size}-seed{seed}{suffix}.sqlite"
    manifest_path = Path(str(path) + ".json")
    if path.exists() and manifest_path.exists():
        manifest = Manifest.load(path)
        if manifest.generator == GENERATOR_VERSION and manifest.incidents > 0:
            if upgrade(path) and progress is not None:  # made by an older program
                progress(f"upgraded {path.name} to the program's schema")
            return path, manifest
    for stale in (path, manifest_path, path.with_name(path.name + "-journal")):
        stale.unlink(missing_ok=True)
    if progress is not None:
        progress(f"generating {path.name} ...")
    extra = {"span_days": span_days} if span_days else {}
    manifest = generate(path, size, seed=seed, progress=progress, **extra)
    if progress is not None:
        progress(f"generated {size} incidents in {manifest.seconds} s")
    return path, manifest


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    memory = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            kib = int(info.readline().split()[1])
            memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info
                        if line.startswith("model name")), cpu)
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else ""
    import peewee

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "uname": " ".join(platform.uname()),
        "cpu": f"{cpu}, {os.cpu_count()} logical CPUs",
        "memory": memory,
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "peewee": peewee.__version__,
        "load average (1, 5, 15 min)": load,
    }


def run(sizes: Iterable[int], *, data: Path = DEFAULT_DATA, only: set[str] | None = None,
        scale: float = 1.0, warmup: int = 3, seed: int = 1, span_days: int | None = None,
        progress: Callable[[str], None] | None = print) -> list[Result]:
    registry = discover()
    chosen = [b for name, b in sorted(registry.items()) if only is None or name in only]
    unknown = (only or set()) - set(registry)
    if unknown:
        raise SystemExit(f"no such benchmark: {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(sorted(registry))}")
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="desk-bench-", dir=data.parent if data.exists()
                                     else None) as work:
        for size in sizes:
            path, manifest = dataset(size, data, seed, span_days, progress)
            ctx = Context(size, path, manifest, Path(work), scale=scale, warmup=warmup)
            for bench in chosen:
                if bench.sizes is not None and size not in bench.sizes:
                    continue
                if bench.needs_ui and not _ui_available():
                    if progress is not None:
                        progress(f"skipping {bench.name}: no Qt here")
                    continue
                if progress is not None:
                    progress(f"{bench.name} at {size} ...")
                results.extend(bench.run(ctx))
    return results


def _ui_available() -> bool:
    try:
        import PySide6  # noqa: F401
    except ImportError:
        return False
    return True


def _ms(value: float) -> str:
    return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 100 else f"{value:.0f}"


def _value(value: float, unit: str) -> str:
    return _ms(value) if unit == "ms" else f"{_ms(value)} {unit}"


def table(results: list[Result]) -> str:
    """The results as a Markdown table (times in ms; a memory figure says MB)."""
    lines = ["| operation | size | ours median ms | ours p95 ms | baseline median ms |"
             " baseline p95 ms | ratio | target | met |",
             "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in results:
        base, u = r.baseline, r.unit
        lines.append(
            f"| {r.operation} | {r.size:,} | {_value(r.ours.median_ms, u)} |"
            f" {_value(r.ours.p95_ms, u)} |"
            f" {_value(base.median_ms, u) if base else '-'} |"
            f" {_value(base.p95_ms, u) if base else '-'} |"
            f" {f'{r.ratio:.2f}' if r.ratio is not None else '-'} | {r.target} |"
            f" {'-' if r.met is None else 'yes' if r.met else '**no**'} |")
    return "\n".join(lines)


def report(results: list[Result], info: dict[str, str] | None = None) -> str:
    """The machine, then the table. ``info``: ``machine()`` taken when the run began (its
    load average is then the one at the start; the one at the end is added)."""
    info = dict(info or machine())
    if hasattr(os, "getloadavg"):
        info["load average at the end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    head = "\n".join(f"- {key}: {value}" for key, value in info.items())
    reps = sorted({r.ours.n for r in results})
    return f"{head}\n- repetitions per figure: {', '.join(map(str, reps))}\n\n{table(results)}\n"
