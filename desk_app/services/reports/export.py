"""Writing a report to JSON, CSV and XLSX (openpyxl). PDF needs Qt's PDF writer and is made
by the desktop program (``ui.reports.pdf``), which registers itself in ``PDF_WRITERS``.

Every format carries the same figures as the screen: the summary's keys (JSON) and every
table with its title, columns and rows (all formats).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .model import Report

#: ``(report, path) -> None`` writers of PDF; the desktop program adds Qt's
PDF_WRITERS: list[Callable[[Report, Path], None]] = []


def as_json(report: Report) -> dict[str, Any]:
    f = report.filter
    return {
        "period": {"from": f.period.start.isoformat(), "to": f.period.end.isoformat(),
                   "timezone": report.timezone},
        **report.summary,
        "tables": [{"key": t.key, "title": t.title, "columns": list(t.columns),
                    "rows": [{"label": r.label, "values": [c.value for c in r.cells]}
                             for r in t.rows]} for t in report.tables],
    }


def write_json(report: Report, path: Path | None) -> str:
    content = json.dumps(as_json(report), ensure_ascii=False, indent=2)
    if path is not None:
        path.write_text(content + "\n", encoding="utf-8")
    return content


def write_csv(report: Report, path: Path | None) -> str:
    """One CSV of all tables, each headed by its title, with a UTF-8 byte-order mark so
    that spreadsheet programs read Chinese right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([report.title])
    writer.writerow([report.subtitle])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(["", *table.columns])
        for row in table.rows:
            writer.writerow([row.label, *("" if c.value is None else c.value
                                          for c in row.cells)])
    content = out.getvalue()
    if path is not None:
        path.write_text(content, encoding="utf-8-sig", newline="")
    return content


def write_xlsx(report: Report, path: Path) -> None:
    """A workbook: a sheet of key figures, then one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    used: set[str] = set()
    for index, table in enumerate(report.tables):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        name = _sheet_name(table.title, used)
        sheet.title = name
        sheet.append([table.title])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([report.subtitle])
        sheet.append([])
        sheet.append(["", *table.columns])
        for cell in sheet[4]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([row.label, *(c.value for c in row.cells)])
        sheet.column_dimensions["A"].width = max(
            [14, *(len(r.label) * 2 for r in table.rows)][:60])
        for column in range(2, len(table.columns) + 2):
            sheet.column_dimensions[get_column_letter(column)].width = 18
        sheet.freeze_panes = "B5"
    book.save(path)


def _sheet_name(title: str, used: set[str]) -> str:
    clean = "".join(" " if ch in "[]:*?/\\" else ch for ch in title)[:28].strip() or "Sheet"
    name, n = clean, 2
    while name in used:
        name, n = f"{clean[:25]} {n}", n + 1
    used.add(name)
    return name


def write(report: Report, fmt: str, path: Path | None) -> str | None:
    """Write ``report`` as ``fmt``; JSON and CSV without a path are returned as text."""
    if fmt == "json":
        return write_json(report, path)
    if fmt == "csv":
        return write_csv(report, path)
    assert path is not None
    if fmt == "xlsx":
        write_xlsx(report, path)
    elif fmt == "pdf":
        if not PDF_WRITERS:
            from desk_app.errors import DeskError

            raise DeskError("report.cli.no_pdf")
        PDF_WRITERS[-1](report, path)
    return None
