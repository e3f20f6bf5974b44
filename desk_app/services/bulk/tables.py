"""Queues as tables of text: the selected rows copied for a spreadsheet, a whole queue,
filter, saved queue or search exported to CSV or XLSX, and the same rows printed. Every
table is in the person's language (headers, stages, priorities, names, moments).

An export reads the whole list, not only the rows a table has on screen: the ids in the
queue's order (``queues.ids``), then the rows a chunk at a time (``queues.rows``), each a
short read of its own so that a long export never holds the shared file.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from desk_app.domain.enums import Priority
from desk_app.errors import ValidationError
from desk_app.formatting import format_moment
from desk_app.i18n import Language, label, text
from desk_app.services.arguments import INT_MAX
from desk_app.services.lists import queues
from desk_app.services.lists.queues import QueueRow
from desk_app.services.session import Session

CHUNK = 500

#: The columns of a copied, exported or printed queue, in order (keys of ``bulk.column.*``).
COLUMNS = ("number", "priority", "stage", "pending", "title", "type", "category", "group",
           "assignee", "caller", "vip", "next_target", "breached", "escalations",
           "reassignments", "updated")


def header(lang: Language, columns: Sequence[str] = COLUMNS) -> list[str]:
    return [text(f"bulk.column.{key}", lang) for key in columns]


def cells(row: QueueRow, lang: Language, columns: Sequence[str] = COLUMNS) -> list[str]:
    """One incident's cells as a person reads them in ``lang``."""
    yes, no = text("history.yes", lang), text("history.no", lang)
    values = {
        "number": row.number,
        "priority": label(Priority(row.priority), lang),
        "stage": label(row.stage, lang),
        "pending": row.pending(lang) if row.pending is not None else "",
        "title": row.title,
        "type": label(row.type, lang),
        "category": row.category(lang),
        "group": row.group(lang),
        "assignee": row.assignee or "",
        "caller": row.caller,
        "vip": yes if row.caller_vip else no,
        "next_target": format_moment(row.due_at, lang) if row.due_at else "",
        "breached": yes if row.breached else no,
        "escalations": str(row.escalation_count),
        "reassignments": str(row.reassignment_count),
        "updated": format_moment(row.updated_at, lang),
    }
    return [values[key] for key in columns]


def checked_ids(ids: object) -> Sequence[int]:
    """A list of incident ids (a whole queue's: no cap), each a SQLite integer; anything else
    is refused before a row is read."""
    if not isinstance(ids, list | tuple) or any(
            not isinstance(i, int) or isinstance(i, bool) or not -INT_MAX <= i <= INT_MAX
            for i in ids):
        raise ValidationError.single("incident_ids", "validation.invalid_choice")
    return ids


def checked_language(lang: object) -> Language:
    if lang not in ("en", "zh") or not isinstance(lang, str):
        raise ValidationError.single("language", "validation.invalid_choice")
    return lang  # type: ignore[return-value]


def rows_of(session: Session, ids: Sequence[int], *,
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Iterator[QueueRow]:
    """The rows of ``ids`` in that order, read a chunk at a time."""
    checked_ids(ids)
    return _rows_of(session, ids, progress, cancelled)


def _rows_of(session: Session, ids: Sequence[int],
             progress: Callable[[int, int], None] | None,
             cancelled: Callable[[], bool] | None) -> Iterator[QueueRow]:
    for start in range(0, len(ids), CHUNK):
        if cancelled is not None and cancelled():
            return
        yield from queues.rows(session, list(ids[start:start + CHUNK]))
        if progress is not None:
            progress(min(start + CHUNK, len(ids)), len(ids))


# -- copying ---------------------------------------------------------------------------------
def _tsv_cell(value: str) -> str:
    """A cell on one line: a tab or a line break inside it would start another cell or row
    when pasted into Excel or WPS."""
    return " ".join(value.replace("\t", " ").splitlines())


def tsv(rows: Sequence[QueueRow], lang: Language) -> str:
    """Tab-separated text with a header row, as spreadsheets paste it into columns."""
    lines = ["\t".join(header(lang))]
    lines += ["\t".join(_tsv_cell(c) for c in cells(row, lang)) for row in rows]
    return "\r\n".join(lines) + "\r\n"


# -- exporting -------------------------------------------------------------------------------
class ExportFormat:
    CSV = "csv"
    XLSX = "xlsx"
    ALL = (CSV, XLSX)


def _safe(value: str) -> str:
    """A cell that a spreadsheet would read as a formula (=, +, -, @ first) is kept as
    text: a caller's title must never run in the reader's Excel."""
    if value[:1] in ("=", "+", "@", "\t", "\r") or (
            value[:1] == "-" and len(value) > 1 and not value[1].isdigit()):
        return "'" + value
    return value


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    complete: bool  # False: cancelled, and nothing was left at ``path``


def export_ids(session: Session, ids: Sequence[int], path: Path | str, fmt: str,
               lang: Language, *, title: str = "",
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write the incidents ``ids`` (in that order) to ``path`` as CSV (UTF-8 with a
    byte-order mark, so that Excel reads Chinese right) or XLSX. The file is written beside
    its place and moved there when complete: a cancelled or failed export leaves no half
    file, and never half-overwrites an older one."""
    if not isinstance(fmt, str) or fmt not in ExportFormat.ALL:
        raise ValidationError.single("format", "validation.invalid_choice")
    lang = checked_language(lang)
    target = _export_path(path)
    partial = target.with_name(target.name + ".partial")
    rows = rows_of(session, ids, progress=progress, cancelled=cancelled)
    try:
        count = (_write_csv if fmt == ExportFormat.CSV else _write_xlsx)(
            partial, rows, lang, title)
        if cancelled is not None and cancelled():
            partial.unlink(missing_ok=True)
            return ExportResult(target, count, False)
        partial.replace(target)
    except OSError as error:
        _remove(partial)
        raise ValidationError.single("path", "bulk.export_failed", detail=str(error)) \
            from None
    except BaseException:
        _remove(partial)
        raise
    return ExportResult(target, count, True)


def _export_path(path: object) -> Path:
    """Where an export goes: a path with a file name, and no character no system takes."""
    if not isinstance(path, str | Path):
        raise ValidationError.single("path", "validation.invalid_choice")
    name = str(path)
    if "\x00" in name or any("\ud800" <= ch <= "\udfff" for ch in name):
        raise ValidationError.single("path", "validation.bad_characters")
    target = Path(name)
    if not target.name:
        raise ValidationError.single("path", "validation.required")
    return target


def _remove(partial: Path) -> None:
    """The half-written file goes; a place the system refuses has none to remove."""
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def _write_csv(path: Path, rows: Iterator[QueueRow], lang: Language, _title: str) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header(lang))
        for row in rows:
            writer.writerow([_safe(c) for c in cells(row, lang)])
            count += 1
    return count


def _write_xlsx(path: Path, rows: Iterator[QueueRow], lang: Language, title: str) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)  # rows streamed to the file: 100,000 rows, little memory
    sheet = book.create_sheet(_sheet_name(title or text("bulk.sheet", lang)))
    widths = [12, 10, 10, 12, 48, 12, 14, 16, 14, 16, 6, 18, 8, 8, 8, 18]
    for index, width in enumerate(widths):
        sheet.column_dimensions[_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    heads = []
    for value in header(lang):
        cell = WriteOnlyCell(sheet, value=value)
        cell.font = bold
        heads.append(cell)
    sheet.append(heads)
    count = 0
    for row in rows:
        out = []
        for value in cells(row, lang):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, never a formula, whatever it begins with
            out.append(cell)
        sheet.append(out)
        count += 1
    book.save(path)
    return count


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _sheet_name(title: str) -> str:
    return "".join(" " if ch in "[]:*?/\\" else ch for ch in title)[:31].strip() or "Sheet"


def csv_text(rows: Sequence[QueueRow], lang: Language) -> str:
    """The CSV of ``rows`` as text (tests, the command line)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header(lang))
    for row in rows:
        writer.writerow([_safe(c) for c in cells(row, lang)])
    return out.getvalue()
