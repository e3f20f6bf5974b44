"""The administrator's command line: what a person scripts against a database file.

    desk-app init FILE --owner NAME --full-name "…"     create a database (password asked)
    desk-app demo FILE                                   create the demo database
    desk-app scan FILE [--now ISO]                       one escalation scan and auto-close
    desk-app show FILE INCIDENT                          an incident with its history
"""

from __future__ import annotations

import argparse
import getpass
import locale
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime

from desk_app.clock import Clock, FakeClock, SystemClock
from desk_app.errors import DeskError, ValidationError
from desk_app.i18n import Language, text

Command = Callable[[argparse.Namespace, Language], int]
COMMANDS: dict[str, tuple[Command, Callable[[argparse.ArgumentParser], None], str]] = {}


def command(name: str, help_text: str,
            arguments: Callable[[argparse.ArgumentParser], None]) -> Callable[[Command], Command]:
    """Register a subcommand; issue-specific modules add theirs the same way."""

    def register(fn: Command) -> Command:
        COMMANDS[name] = (fn, arguments, help_text)
        return fn

    return register


def default_language() -> Language:
    value = os.environ.get("DESK_APP_LANG") or os.environ.get("LANG") or (
        locale.getlocale()[0] or "")
    return "zh" if value.lower().startswith("zh") else "en"


def clock_from(value: str | None) -> Clock:
    return FakeClock(datetime.fromisoformat(value)) if value else SystemClock()


def build_parser() -> argparse.ArgumentParser:
    import desk_app.commands  # noqa: F401  (registers the subcommands)

    parser = argparse.ArgumentParser(prog="desk-app", description="desk-app incident desk")
    parser.add_argument("--lang", choices=["en", "zh"], help="language of messages")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (_, arguments, help_text) in COMMANDS.items():
        arguments(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang: Language = args.lang or default_language()
    fn = COMMANDS[args.command][0]
    try:
        return fn(args, lang)
    except ValidationError as error:
        for field, message in error.field_messages(lang).items():
            print(f"{field}: {message}", file=sys.stderr)
        return 2
    except DeskError as error:
        print(error.message(lang), file=sys.stderr)
        return 1


def ask_password(lang: Language) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(text("cli.password", lang))
    if getpass.getpass(text("cli.password_again", lang)) != first:
        raise DeskError("cli.password_mismatch")
    return first


