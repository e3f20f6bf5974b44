"""``desk-app similar``: the suggestions the log form shows, for scripts and checks."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desk_app.commands.registry import command
from desk_app.errors import BadInput
from desk_app.i18n import Language, text
from desk_app.services.knowledge.suggestions import LIMIT, Suggestion, suggest
from desk_app.services.session import system_session
from desk_app.storage.models import Caller, Category
from desk_app.storage.opening import open_store


def _args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("text", help="what the caller says (title and description)")
    parser.add_argument("--limit", type=int, default=LIMIT, help="how many suggestions")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--category", help="the category code chosen on the form")
    parser.add_argument("--caller", help="the caller's name, to list their open incidents")


def _json(item: Suggestion) -> dict[str, object]:
    return {"kind": item.kind, "id": item.id, "number": item.number, "title": item.title,
            "stage": item.stage, "score": item.score, "worked": item.worked,
            "common": list(item.common), "at": item.at.isoformat(),
            "resolution": item.resolution}


def _line(item: Suggestion, lang: Language) -> str:
    kind = text(f"knowledge.kind.{item.kind}", lang)
    worked = f"  {text('knowledge.cli.used', lang, count=item.worked)}" if item.worked else ""
    return f"{item.score:5.3f}  {item.number}  [{kind}]  {item.title}{worked}"


@command("similar", "print the incidents and articles suggested for a caller's words", _args)
def similar(args: argparse.Namespace, lang: Language) -> int:
    if not 0 < args.limit <= 100:
        raise BadInput("knowledge.cli.bad_limit", value=args.limit)
    store = open_store(args.file, read_only=True)
    try:
        session = system_session(store)
        category_id = caller_id = None
        if args.category:
            row = store.read(lambda: Category.get_or_none(Category.code == args.category))
            if row is None:
                raise BadInput("knowledge.cli.unknown_category", code=args.category)
            category_id = row.id
        if args.caller:
            caller = store.read(lambda: Caller.get_or_none(Caller.name == args.caller))
            if caller is None:
                raise BadInput("knowledge.cli.unknown_caller", name=args.caller)
            caller_id = caller.id
        found = suggest(session, args.text, category_id=category_id, caller_id=caller_id,
                        limit=args.limit)
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps({"open": [_json(s) for s in found.open],
                          "similar": [_json(s) for s in found.similar]},
                         ensure_ascii=False, indent=2))
        return 0
    if found.open:
        print(text("knowledge.cli.open", lang))
        for item in found.open:
            print(f"       {item.number}  {item.title}")
    if not found.similar:
        print(text("knowledge.cli.none", lang))
    for item in found.similar:
        print(_line(item, lang))
    return 0
