"""Running an import the way the command line and the wizard do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desk_app.services.importing.mapping import build_mapping, remembered
from desk_app.services.importing.run import ImportReport, import_table
from desk_app.services.importing.source import read_table
from desk_app.services.session import Session


def run_import(session: Session, path: Path, fmt: str, *, source: str | None = None,
               dry_run: bool = False, given: dict[str, Any] | None = None) -> ImportReport:
    table = read_table(path)
    origin = source or fmt
    kept = session.read(lambda: remembered(origin, fmt))
    mapping = build_mapping(fmt, table.columns, kept, given)
    return import_table(session, table, origin, mapping, dry_run=dry_run)


def refusals(report: ImportReport) -> dict[str, str]:
    return {r.number: r.key for r in report.refused}
