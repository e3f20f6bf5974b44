"""Starting the workstation program.

    desk-app                 the last database (the first-run wizard on a first start)
    desk-app --demo          the demo database, made on first use in the user data folder
    desk-app --database F    a given database file
    desk-app --lang zh       in Chinese (otherwise the saved choice, or the system's language)
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui import paths, settings


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="desk-app", description="desk-app incident desk")
    parser.add_argument("--demo", action="store_true", help="open the demo database")
    parser.add_argument("--database", type=Path, help="open this database file")
    parser.add_argument("--lang", choices=["en", "zh"], help="language of the program")
    parser.add_argument("--smoke-test", type=Path, metavar="FILE", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "desk-app"])
    app.setApplicationName(settings.APPLICATION)
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationDisplayName("desk-app")
    app.setWindowIcon(paths.icon("app"))
    app.setQuitOnLastWindowClosed(False)  # signing out closes the window, not the program
    return app


def run(argv: Sequence[str]) -> int:
    args = parse(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    if QApplication.instance() is None:
        # a fresh Linux desktop: name the missing libraries instead of Qt's abort
        from ui.desktop_check import desktop_problem

        problem = desktop_problem(lang=args.lang)
        if problem is not None:
            print(problem, file=sys.stderr)
            return 1
    app = application()
    if args.smoke_test:
        from ui.smoke import smoke_test

        return smoke_test(app, args.smoke_test)
    from ui.startup.flow import Startup

    startup = Startup(demo=args.demo, database=args.database, language=args.lang)
    try:
        if not startup.start():
            return 0
        return app.exec()
    finally:
        startup.shutdown()
