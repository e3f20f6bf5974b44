"""The registry of benchmarks: one module per benchmark, each registering itself.

A module in this package defines a function ``run(ctx: Context) -> list[Result]`` decorated
with ``@benchmark("name", ...)``. ``discover()`` imports every module of the package, so a
new benchmark (the UI's queue pages, search, cold start, memory) is one new file here;
benchmarks that need Qt say ``needs_ui=True`` and are skipped where PySide6 cannot start.
"""

from __future__ import annotations

import importlib
import pkgutil
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.generate import Manifest
from bench.measure import Result


@dataclass
class Context:
    """What a benchmark gets: one generated database (never to be changed), a folder for
    its own copies, and how many repetitions to time."""

    size: int
    path: Path
    manifest: Manifest
    workdir: Path
    #: repetitions are each benchmark's own number times this (a smoke run uses ~0)
    scale: float = 1.0
    #: untimed calls before timing
    warmup: int = 3

    def copy(self, name: str) -> Path:
        """A private copy of the database, for a benchmark that writes (so that runs stay
        independent of each other and of the order they run in)."""
        target = self.workdir / f"{name}-{self.size}.sqlite"
        for leftover in (target, target.with_name(target.name + "-journal")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(self.path, target)
        return target

    def repetitions(self, wanted: int) -> int:
        """``wanted`` repetitions, scaled by the run's ``--scale`` (at least 1)."""
        return max(1, round(wanted * self.scale))


Runner = Callable[[Context], list[Result]]


@dataclass(frozen=True)
class Benchmark:
    name: str
    run: Runner
    description: str
    needs_ui: bool = False
    #: the sizes it runs at (None: every size of the run)
    sizes: tuple[int, ...] | None = None


REGISTRY: dict[str, Benchmark] = {}


def benchmark(name: str, description: str, *, needs_ui: bool = False,
              sizes: tuple[int, ...] | None = None) -> Callable[[Runner], Runner]:
    def register(fn: Runner) -> Runner:
        if name in REGISTRY:
            raise ValueError(f"two benchmarks named {name}")
        REGISTRY[name] = Benchmark(name, fn, description, needs_ui, sizes)
        return fn

    return register


def discover() -> dict[str, Benchmark]:
    """Import every benchmark module of this package (each registers itself)."""
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        importlib.import_module(f"{__name__}.{module.name}")
    return REGISTRY
