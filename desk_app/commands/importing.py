"""Bringing history in and taking everything out (issue 15):

    desk-app import FILE SOURCE --format servicenow|glpi|csv [--mapping MAP.json] [--dry-run]
    desk-app import FILE PEOPLE.csv --format people [--dry-run]
    desk-app import FILE BUNDLE_DIR --format bundle
    desk-app export FILE --out DIR

FILE is the database; the person named by ``--user`` (the process owner by default) signs
in with their password, read from the terminal or the first line of standard input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desk_app.commands.registry import ask_password, command
from desk_app.i18n import Language, text
from desk_app.services.session import Session, sign_in
from desk_app.storage.database import Store
from desk_app.storage.opening import open_store

FORMATS = ("servicenow", "glpi", "csv", "people", "bundle")


def _import_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the database")
    parser.add_argument("source", type=Path, help="the export to import (a CSV file, or the "
                                                  "folder of a desk-app export)")
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("--mapping", type=Path, help="a JSON file of column and value mappings")
    parser.add_argument("--dry-run", action="store_true",
                        help="report what would be imported and refused; change nothing")
    parser.add_argument("--from", dest="origin",
                        help="a name for the system the rows come from (default: the format); "
                             "the same rows from the same system are never imported twice")
    parser.add_argument("--user", help="who imports (default: the first process owner)")


def signed_in(store: Store, username: str | None, lang: Language) -> Session:
    from desk_app.domain.enums import Role
    from desk_app.storage.models import User, UserRole

    def owner() -> str:
        row = (User.select(User.username).join(UserRole, on=(UserRole.user == User.id))
               .where((UserRole.role == Role.PROCESS_OWNER.value) & User.active)
               .order_by(User.id).first())
        return row.username if row is not None else ""

    name = username or store.read(owner)
    return sign_in(store, name, ask_password(lang))


@command("import", "import incidents (ServiceNow, GLPI, CSV), people, or a desk-app export",
         _import_args)
def run_import(args: argparse.Namespace, lang: Language) -> int:
    store = open_store(args.file)
    try:
        session = signed_in(store, args.user, lang)
        if args.format == "bundle":
            from desk_app.services.importing.bundle import import_bundle

            counts = import_bundle(session, args.source)
            print(text("import.bundle.done", lang, **counts))
            return 0
        if args.format == "people":
            from desk_app.services.importing.people import import_people, people_lines

            result = import_people(session, args.source, dry_run=args.dry_run)
            print("\n".join(people_lines(result, lang)))
            return 0
        return _incidents(session, args, lang)
    finally:
        store.close()


def _incidents(session: Session, args: argparse.Namespace, lang: Language) -> int:
    from desk_app.services.importing.mapping import (
        build_mapping,
        read_mapping_file,
        remembered,
    )
    from desk_app.services.importing.report import lines
    from desk_app.services.importing.run import import_table
    from desk_app.services.importing.source import read_table

    table = read_table(args.source)
    given = read_mapping_file(args.mapping) if args.mapping else None
    origin = (args.origin or args.format).strip()
    kept = session.read(lambda: remembered(origin, args.format))
    mapping = build_mapping(args.format, table.columns, kept, given)
    report = import_table(session, table, origin, mapping, dry_run=args.dry_run,
                          progress=_progress_bar if sys.stderr.isatty() else None)
    print("\n".join(lines(report, lang)))
    return 0


def _progress_bar(done: int, total: int) -> bool:
    """A progress bar on the terminal: incidents written of those to write."""
    width = 40
    filled = width * done // total if total else width
    end = "\n" if done >= total else ""
    print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end,
          file=sys.stderr, flush=True)
    return True


def _export_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the database")
    parser.add_argument("--out", type=Path, required=True,
                        help="a new or empty folder to write the export to")
    parser.add_argument("--user", help="who exports (default: the first process owner)")


@command("export", "export everything (CSV per table and a manifest) for another database",
         _export_args)
def run_export(args: argparse.Namespace, lang: Language) -> int:
    from desk_app.services.importing.bundle import export_bundle

    store = open_store(args.file, read_only=True)
    try:
        session = signed_in(store, args.user, lang)
        counts = export_bundle(session, args.out)
        print(text("export.done", lang, path=args.out, **counts))
        return 0
    finally:
        store.close()
