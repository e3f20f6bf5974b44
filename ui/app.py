"""Starting the workstation program (placeholder until the main window lands)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from platformdirs import user_data_dir


def demo_path() -> Path:
    return Path(user_data_dir("desk-app", appauthor=False)) / "demo.sqlite"


def ensure_demo() -> Path:
    path = demo_path()
    if not path.exists():
        from desk_app.demo import build_demo

        path.parent.mkdir(parents=True, exist_ok=True)
        build_demo(path)
    else:  # a demo made by an older version: upgrade it (read-only opens refuse old files)
        from desk_app.storage.opening import open_store

        open_store(path, daily_backup=False).close()
    return path


def run(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="desk-app")
    parser.add_argument("--demo", action="store_true")
    args = parser.parse_args(argv)
    if args.demo:
        path = ensure_demo()
        from desk_app.cli import main as cli_main

        return cli_main(["show", str(path), "1"])
    parser.error("the main window is not built yet; use --demo")
    return 2
