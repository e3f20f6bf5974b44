"""The administrator's command line: what a person scripts against a database file.

    desk-app init FILE --owner NAME --full-name "…"     create a database (password asked)
    desk-app demo FILE                                   create the demo database
    desk-app scan FILE [--now ISO]                       one escalation scan and auto-close
    desk-app show FILE INCIDENT                          an incident with its history
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desk_app.commands.registry import (  # noqa: F401  (the names command modules use)
    COMMANDS,
    Command,
    ask_password,
    clock_from,
    command,
    default_language,
)
from desk_app.commands.server import ask_server_password
from desk_app.errors import BadInput, DatabaseIOError, DeskError, ValidationError
from desk_app.i18n import Language, text
from desk_app.storage.postgres.reach import ServerPasswordNeeded


def _undecodable(argv: Sequence[str]) -> str | None:
    """The first argument holding bytes the system could not decode (lone surrogates)."""
    for value in argv:
        if "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value):
            return value.replace("\x00", "\\0").encode("utf-8", "replace").decode("utf-8")
    return None


def build_parser() -> argparse.ArgumentParser:
    import desk_app.commands  # noqa: F401  (importing the package registers every subcommand)

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
    bad = _undecodable(sys.argv[1:] if argv is None else argv)
    if bad is not None:
        print(text("cli.bad_text", lang, field=bad), file=sys.stderr)
        return 2
    try:
        return fn(args, lang)
    except BadInput as error:
        print(error.message(lang), file=sys.stderr)
        return 2
    except ValidationError as error:
        for field, message in error.field_messages(lang).items():
            print(f"{field}: {message}", file=sys.stderr)
        return 2
    except ServerPasswordNeeded as error:  # asked for at a terminal, then once more
        if ask_server_password(error, lang):
            return main(argv)
        return 1
    except DeskError as error:
        print(error.message(lang), file=sys.stderr)
        return 1
    except OSError as error:  # a path the system refuses: too long, a folder, no rights
        print(DatabaseIOError(str(error)).message(lang), file=sys.stderr)
        return 1
