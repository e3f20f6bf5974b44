"""Creating databases: a new empty one, or the demo."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk_app.commands.registry import ask_password, command, named
from desk_app.i18n import Language, text
from desk_app.services.admin.people import UserForm
from desk_app.services.database.setup import create_database


def _init_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--owner", required=True, help="user name of the process owner")
    parser.add_argument("--full-name", required=True)
    parser.add_argument("--email", default="")


@command("init", "create a new database with its process owner", _init_args)
def init(args: argparse.Namespace, lang: Language) -> int:
    password = ask_password(lang)
    store = create_database(args.file, UserForm(args.owner, args.full_name, [],
                                                email=args.email, password=password))
    store.close()
    print(text("cli.created", lang, path=named(args.file)))
    return 0


def _demo_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true", help="replace an existing file")


@command("demo", "create the demo database (about 200 incidents)", _demo_args)
def demo(args: argparse.Namespace, lang: Language) -> int:
    from desk_app.demo import build_demo

    if args.force and args.file.exists():
        args.file.unlink()
    summary = build_demo(args.file, seed=args.seed)
    print(text("cli.demo_created", lang, path=named(args.file), **summary))
    return 0
