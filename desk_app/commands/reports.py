"""``desk-app report FILE --from DATE --to DATE [--group NAME] [--category NAME]
--format json|csv|xlsx|pdf [--out PATH]``: a report for a period, as the Reports screen
shows it (docs/kpis.md). Dates are in the database's time zone, from inclusive, to exclusive.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from desk_app.commands.registry import command
from desk_app.errors import DeskError, ValidationError
from desk_app.i18n import Language, Term, text
from desk_app.services.reports.build import build_report
from desk_app.services.reports.export import write
from desk_app.services.reports.period import Period
from desk_app.services.reports.query import ReportFilter
from desk_app.services.session import system_session
from desk_app.storage.models import Category, SupportGroup
from desk_app.storage.opening import open_store


def _report_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--from", dest="start", required=True, help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", required=True,
                        help="the day after the last (YYYY-MM-DD, exclusive)")
    parser.add_argument("--group", help="a support group's code or name")
    parser.add_argument("--category", help="a category's code or name")
    parser.add_argument("--format", choices=["json", "csv", "xlsx", "pdf"], default="json")
    parser.add_argument("--out", type=Path, help="file to write (json and csv: default stdout)")


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError.single("date", "report.cli.bad_date", value=value) from None


def _find(model: type[SupportGroup] | type[Category], name: str, what: str) -> int:
    wanted = name.strip()
    row = model.get_or_none((model.code == wanted) | (model.name_en == wanted)
                            | (model.name_zh == wanted))
    if row is None:
        raise DeskError("report.cli.unknown", what=Term(f"report.cli.{what}"), name=wanted)
    return int(row.id)


@command("report", "a report of the desk's KPIs for a period (json, csv, xlsx or pdf)",
         _report_args)
def report(args: argparse.Namespace, lang: Language) -> int:
    start, end = _day(args.start), _day(args.end)
    if end <= start:
        raise DeskError("report.cli.empty_period")
    if args.format in ("xlsx", "pdf") and args.out is None:
        args.out = Path(f"report-{start}-{end}.{args.format}")
    store = open_store(args.file, daily_backup=False)
    try:
        group = store.read(lambda: _find(SupportGroup, args.group, "group")) \
            if args.group else None
        category = store.read(lambda: _find(Category, args.category, "category")) \
            if args.category else None
        f = ReportFilter(Period(start, end), group_id=group, category_id=category)
        result = build_report(system_session(store), f, lang)
    finally:
        store.close()
    content = write(result, args.format, args.out)
    if args.out is None and content is not None:
        sys.stdout.write(content + ("" if content.endswith("\n") else "\n"))
    else:
        print(text("report.cli.written", lang, path=args.out), file=sys.stderr)
    return 0

