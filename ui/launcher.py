"""The ``desk-app`` program: the workstation window, or an administrator's subcommand.

``desk-app`` alone opens the window on the last database; ``desk-app --demo`` opens it on
the built-in demo database (made on first use); ``desk-app scan FILE`` and the other
subcommands run the core's command line without starting Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from desk_app.cli import COMMANDS, build_parser
    from desk_app.cli import main as cli_main

    build_parser()  # registers the subcommands
    words = [a for i, a in enumerate(args)
             if not a.startswith("-") and (i == 0 or args[i - 1] != "--lang")]
    if words and words[0] in COMMANDS:
        if words[0] in ("report", "watch"):
            # Qt's PDF writer, for --format pdf and the monthly report's attachment
            import ui.reports.pdf  # noqa: F401
        return cli_main(args)
    from ui.app import run

    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
