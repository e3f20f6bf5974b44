"""Moving a team's file to a PostgreSQL server."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk_app.commands.registry import command
from desk_app.i18n import Language, text
from desk_app.storage.postgres.reach import ServerPasswordNeeded


def _move_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the team's shared database file")
    parser.add_argument("target", help="the server database: postgresql://user@host:5432/desk"
                                       " (the password comes from the credential store)")


@command("move", "copy a shared file to a PostgreSQL server, verify it, and point the file "
         "there", _move_args)
def move(args: argparse.Namespace, lang: Language) -> int:
    from desk_app.storage.postgres.move import move as move_file

    report = move_file(args.file, args.target)
    print(text("cli.moved", lang, path=args.file, target=report.target,
               tables=len(report.figures), rows=report.rows))
    for table, figures in sorted(report.figures.items()):
        print(text("cli.move_table", lang, table=table, rows=figures.rows,
                   checksum=figures.checksum[:16]))
    return 0


def ask_server_password(error: ServerPasswordNeeded, lang: Language) -> bool:
    """At a terminal, the server's password (for this run only; a workstation keeps it in
    the credential store); True if one was typed. Elsewhere the message says how to give
    it. An empty answer gives up."""
    import getpass
    import sys

    from desk_app.storage.postgres.url import ServerAddress

    print(error.message(lang), file=sys.stderr)
    if sys.stdin is None or not sys.stdin.isatty():
        print(text("cli.server_password_hint", lang), file=sys.stderr)
        return False
    address = ServerAddress.parse(error.where)
    try:
        typed = getpass.getpass(text("cli.server_password_prompt", lang, user=address.user,
                                     where=address.display()) + " ")
    except (EOFError, KeyboardInterrupt):
        return False
    if not typed:
        return False
    address.use_password(typed, remember=False)
    return True
