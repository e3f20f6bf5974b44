"""Looking after the database file: ``backup``, ``restore`` and ``check``.

    desk-app backup FILE [--to PATH]                     a backup now (the backup API)
    desk-app restore FILE --list                         the backups, newest first
    desk-app restore FILE (BACKUP | --latest) [--force]  put a backup in place of the file
    desk-app check FILE [--quick] [--lock-test]          integrity and the product's invariants
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path

from desk_app.commands.registry import command
from desk_app.errors import DatabaseCorrupt, NotADeskDatabase, SchemaTooNew
from desk_app.i18n import Language, text
from desk_app.services.database.check import check_database
from desk_app.storage.backup import (
    backups_dir,
    check_backup_target,
    keep_days,
    latest_good_backup,
    list_backups,
    prune_backups,
    verify_backup,
)
from desk_app.storage.backups import backup_to, restore_backup, summarise_backup, take_backup
from desk_app.storage.database import Store
from desk_app.storage.file_opening import OpenReport, check_header
from desk_app.storage.filesystem import describe
from desk_app.storage.identity import identify
from desk_app.storage.locktest import lock_self_test
from desk_app.storage.migrations import LATEST
from desk_app.storage.opening import open_store
from desk_app.storage.postgres.dump import dump_good, home, latest_good_dump, restore_server
from desk_app.storage.postgres.url import is_server
from desk_app.storage.presence import Visitor


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _visitor() -> Visitor:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "admin"
    return Visitor(username=user, full_name="desk-app CLI", workstation=socket.gethostname())


# -- backup ----------------------------------------------------------------------------------
def _backup_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--to", type=Path, help="a file or folder to write the backup to "
                        "(default: the backups folder beside the database)")
    parser.add_argument("--force", action="store_true",
                        help="replace an existing file named by --to (never the database "
                        "itself or another open desk-app database)")


@command("backup", "back up the database now, through SQLite's backup API", _backup_args)
def backup(args: argparse.Namespace, lang: Language) -> int:
    store = open_store(args.file, daily_backup=False)
    try:
        if args.to is not None and not args.to.is_dir():
            check_backup_target(store.path, args.to.absolute(), force=args.force)
            path = backup_to(store, args.to)
        else:
            path = take_backup(store, "manual", folder=args.to).path
            prune_backups(home(store.path), keep_days(store), datetime.now(UTC))
    finally:
        store.close()
    print(text("storage.cli.backup_done", lang, path=path, size=_size(path.stat().st_size)))
    return 0


# -- restore ---------------------------------------------------------------------------------
def _restore_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("backup", type=Path, nargs="?", help="the backup file to restore")
    parser.add_argument("--latest", action="store_true",
                        help="restore the newest backup that passes the integrity check")
    parser.add_argument("--list", action="store_true", help="list the backups and stop")
    parser.add_argument("--force", action="store_true",
                        help="restore even if other workstations have not let go")
    parser.add_argument("--yes", action="store_true",
                        help="do not ask before restoring (scripts)")
    parser.add_argument("--wait", type=float, default=75.0,
                        help="seconds to wait for other workstations to let go")


@command("restore", "replace the database by one of its backups", _restore_args)
def restore(args: argparse.Namespace, lang: Language) -> int:
    server = is_server(args.file)  # a server's dumps (pg_restore), else the file's copies
    path = args.file if server else args.file.absolute()
    if args.list:
        backups = list_backups(home(path))
        if not backups:
            print(text("storage.cli.no_backups", lang, path=path))
            return 0
        for info in backups:
            good = dump_good(info.path) if server else verify_backup(info.path)[0]
            print(f"{info.taken_at.astimezone():%Y-%m-%d %H:%M:%S}  "
                  f"{text('storage.kind.' + info.kind, lang):<12} v{info.schema_version}  "
                  f"{_size(info.size):>9}  "
                  f"{text('storage.cli.good' if good else 'storage.cli.bad', lang)}  "
                  f"{info.path}")
        return 0
    if args.backup is None and not args.latest:
        print(text("storage.cli.restore_which", lang), file=sys.stderr)
        return 2
    chosen = args.backup
    if chosen is None:
        latest = latest_good_dump(path) if server else latest_good_backup(path)
        if latest is None:
            print(text("storage.cli.no_backups", lang, path=path), file=sys.stderr)
            if server:
                print(text("storage.cli.server_backups_folder", lang, target=path,
                           folder=backups_dir(home(path))), file=sys.stderr)
            return 1
        chosen = latest.path

    summary = summarise_backup(chosen)
    taken = (f"{summary.taken_at.astimezone():%Y-%m-%d %H:%M}" if summary.taken_at
             else "?")
    newest = (f"{summary.newest_number} ({summary.newest_at.astimezone():%Y-%m-%d %H:%M})"
              if summary.newest_number and summary.newest_at else "-")
    print(text("storage.cli.restore_summary", lang, backup=chosen, taken=taken,
               version=summary.schema_version, incidents=summary.incidents, newest=newest))
    if sys.stdin is not None and sys.stdin.isatty() and not args.yes:
        answer = input(text("storage.cli.restore_confirm", lang, path=path) + " ")
        if answer.strip().lower() not in ("y", "yes", "是", "是的"):
            print(text("storage.cli.restore_cancelled", lang))
            return 1

    def progress(holdouts: list) -> None:
        if holdouts:
            names = ", ".join(f"{p.username}@{p.workstation}" for p in holdouts)
            print(text("storage.cli.waiting_release", lang, who=names), file=sys.stderr)

    restore_fn = restore_server if server else restore_backup
    result = restore_fn(str(path) if server else path, chosen,  # type: ignore[operator, arg-type]
                        visitor=_visitor(), release_timeout=args.wait, force=args.force,
                        on_progress=progress)
    print(text("storage.cli.restored", lang, backup=result.backup, path=path,
               version=result.schema_version))
    if result.safety_copy is not None:
        print(text("storage.cli.safety_copy", lang, path=result.safety_copy))
    return 0


# -- check -----------------------------------------------------------------------------------
def _check_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--quick", action="store_true",
                        help="SQLite's quick_check instead of the full integrity_check")
    parser.add_argument("--lock-test", action="store_true",
                        help="also test file locking in the database's folder")


@command("check", "check the database: integrity and the product's invariants", _check_args)
def check(args: argparse.Namespace, lang: Language) -> int:
    if is_server(args.file):
        return _check_server(str(args.file), args.quick, lang)
    path = args.file.absolute()
    if not path.exists():
        print(text("error.storage.io", lang, detail=f"{path}: no such file"), file=sys.stderr)
        return 1
    location = describe(path)
    kind = "storage.location.network" if location.network else "storage.location.local"
    print(text(kind, lang, fs=location.filesystem))
    if args.lock_test or location.network:
        outcome = lock_self_test(path.parent)
        print(f"{text('storage.cli.lock_test', lang)}: {text(outcome.reason, lang)}"
              + (f" ({outcome.detail})" if outcome.detail else ""))
    found = identify(path)
    if found.kind in ("empty", "foreign", "not_sqlite"):
        print(NotADeskDatabase(str(path), found.kind).message(lang))
        return 3
    if found.schema_version > LATEST:
        print(SchemaTooNew(found.schema_version, LATEST).message(lang))
        return 3
    check_header(path, True, OpenReport(location))  # WAL: refused here
    store = Store(path, read_only=True)
    try:
        report = check_database(store, quick=args.quick)
    except DatabaseCorrupt as error:
        print(error.message(lang))
        print(text("storage.cli.suggest_restore", lang, path=path))
        return 3
    finally:
        store.close()
    for line in report.lines(lang):
        print(line)
    if report.integrity != ["ok"]:
        print(text("storage.cli.suggest_restore", lang, path=path))
    return 0 if report.ok else 3


def _check_server(url: str, quick: bool, lang: Language) -> int:
    """``desk-app check postgresql://…``: the same invariants, the server's own storage
    where amcheck can check it, and a plain word for what does not apply."""
    store = open_store(url, read_only=True)
    try:
        print(text("storage.location.server", lang, address=store.path))
        print(text("storage.cli.lock_test_server", lang))
        report = check_database(store, quick=quick)
    finally:
        store.close()
    for line in report.lines(lang):
        print(line)
    return 0 if report.ok else 3


# -- the lock self-test's helper, for the frozen program -------------------------------------
def _probe_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("probe")
    parser.add_argument("vfs", nargs="?")


@command("lock-probe", argparse.SUPPRESS, _probe_args)
def lock_probe(args: argparse.Namespace, lang: Language) -> int:
    from desk_app.storage.lockprobe import hold

    del lang
    return hold(args.probe, args.vfs)

