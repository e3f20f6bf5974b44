"""The benchmark suite's command line.

    python -m bench run --sizes 10000,100000 [--only a,b] [--scale 1] [--out table.md]
                        [--clock wall|cpu] [--server [postgresql://…]]
    python -m bench generate FILE --size 100000 [--seed 1] [--span-days 730]
    python -m bench check FILE                  consistency of a (generated) database
    python -m bench list                        the registered benchmarks
    python -m bench profile [--emit]            the distributions read from the event log
    python -m bench calibrate [--factors 4,6,8] share of incidents missing a target
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench import suite


def _sizes(text: str) -> list[int]:
    return [int(x.replace("_", "")) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the benchmarks and print the table")
    run.add_argument("--sizes", type=_sizes, default=[10_000, 100_000])
    run.add_argument("--only", help="comma-separated benchmark names")
    run.add_argument("--data", type=Path, default=suite.DEFAULT_DATA,
                     help="folder of generated databases (made when missing)")
    run.add_argument("--scale", type=float, default=1.0, help="repetitions × this")
    run.add_argument("--warmup", type=int, default=3)
    run.add_argument("--seed", type=int, default=1)
    run.add_argument("--span-days", type=int, help="generate over this many days")
    run.add_argument("--out", type=Path, help="also write the report (Markdown) here")
    run.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                     help="elapsed time (default), or the thread's processor time: on a "
                          "busy machine, the code's own time without waiting for a core")
    run.add_argument("--server", nargs="?", const="", default=None, metavar="URL",
                     help="also run the core benchmarks on a PostgreSQL server (a server "
                          "of its own, or the one this URL names), after the same ones on "
                          "the file, and compare them")
    gen = sub.add_parser("generate", help="generate one database")
    gen.add_argument("file", type=Path)
    gen.add_argument("--size", type=int, required=True)
    gen.add_argument("--seed", type=int, default=1)
    gen.add_argument("--span-days", type=int, default=None)
    chk = sub.add_parser("check", help="check a database against the core's invariants")
    chk.add_argument("file", type=Path)
    chk.add_argument("--now", help="the moment it describes (default: from its manifest)")
    chk.add_argument("--sample", type=int, default=300)
    sub.add_parser("list", help="list the benchmarks")
    prof = sub.add_parser("profile", help="print the distributions of the event log")
    prof.add_argument("--emit", action="store_true", help="as bench/profile_fallback.py")
    cal = sub.add_parser("calibrate", help="share of incidents missing a target, by factor")
    cal.add_argument("--factors", default="3,4,5,6,7,8")
    cal.add_argument("--size", type=int, default=3000)
    args = parser.parse_args(argv)

    if args.command == "run":
        only = set(args.only.split(",")) if args.only else None
        from bench.measure import use_clock

        use_clock(args.clock)
        info = suite.machine()
        info["clock"] = ("elapsed (wall) time" if args.clock == "wall" else
                         "processor time of the timing thread (waits for a core or the"
                         " disk not counted)")
        if args.server is not None:
            from bench import on_server

            only = only or set(on_server.CORE)  # the file's figures of the same, this run
        results = suite.run(args.sizes, data=args.data, only=only, scale=args.scale,
                            warmup=args.warmup, seed=args.seed, span_days=args.span_days)
        compared = ""
        if args.server is not None:
            on_file = list(results)
            on_the_server = on_server.run(
                args.sizes, args.server or None, data=args.data, seed=args.seed,
                span_days=args.span_days, only=only, scale=args.scale, warmup=args.warmup)
            results += on_the_server
            compared = "\n" + on_server.compare(on_file, on_the_server) + "\n"
        text = suite.report(results, info) + compared
        print(text)
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        return 0
    if args.command == "generate":
        from bench.generate import DEFAULT_SPAN_DAYS, generate

        manifest = generate(args.file, args.size, seed=args.seed, progress=print,
                            span_days=args.span_days or DEFAULT_SPAN_DAYS)
        print(f"{manifest.incidents} incidents, {manifest.rows}, stages {manifest.stages}, "
              f"{manifest.bytes / 1e6:.0f} MB in {manifest.seconds} s")
        return 0
    if args.command == "check":
        from bench.check import check
        from bench.generate import Manifest

        now = args.now
        if now is None and Path(str(args.file) + ".json").exists():
            now = Manifest.load(args.file).now
        problems = check(args.file, now, sample=args.sample)
        print("\n".join(problems) if problems else "consistent")
        return 1 if problems else 0
    if args.command == "list":
        from bench.benchmarks import discover

        for name, bench in sorted(discover().items()):
            print(f"{name:20} {bench.description}{'  (Qt)' if bench.needs_ui else ''}")
        return 0
    if args.command == "profile":
        from bench.profile import emit, load_profile

        print(emit(load_profile()))
        return 0
    if args.command == "calibrate":
        from bench.generate import generate

        for factor in (float(x) for x in args.factors.split(",")):
            with tempfile.TemporaryDirectory() as folder:
                m = generate(Path(folder) / "c.sqlite", args.size, seed=99,
                             target_factor=factor)
            print(f"targets × {factor:g}: {m.breached_incidents / m.incidents:.3f} of "
                  f"incidents miss a target, {m.escalated_incidents / m.incidents:.3f} "
                  f"escalate, {m.rows['journal'] / m.incidents:.1f} journal rows each")
        from bench.profile import load_profile

        print(f"the event log: {load_profile().missed_target_share:.3f} missed their target")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
