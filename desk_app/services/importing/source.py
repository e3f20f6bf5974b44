"""Reading an export as a table: the encodings and separators tools really write.

Excel and WPS save CSV as UTF-8 with a byte-order mark, or as GB18030 on Chinese systems;
GLPI separates with semicolons. Bad input is a message, never a traceback.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from desk_app.errors import BadInput

#: One import reads at most this much (a year of a large desk's event log is well below).
MAX_BYTES = 512 * 1024 * 1024
_ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line number in the file, values by column)


def decode(data: bytes) -> str:
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadInput("import.bad_encoding")


def usable_path(value: object) -> Path:
    """``value`` as a path, or a refusal: not text, NUL, undecodable bytes."""
    if not isinstance(value, (str, Path)):
        raise BadInput("import.no_file", path=repr(value)[:80])
    text = str(value)
    if not text or "\x00" in text or any("\ud800" <= ch <= "\udfff" for ch in text):
        raise BadInput("import.no_file", path=text.encode("utf-8", "replace").decode()[:200]
                       .replace("\x00", "\\0"))
    return Path(text)


def read_table(path: str | Path) -> Table:
    """The file's header and rows; a file that is not a readable table is refused."""
    path = usable_path(path)
    try:
        if not path.is_file():
            raise BadInput("import.no_file", path=str(path))
        if path.stat().st_size > MAX_BYTES:
            raise BadInput("import.too_big", path=str(path))
        data = path.read_bytes()
    except OSError as error:  # no rights, a name too long, a vanished share
        raise BadInput("import.no_file", path=str(path)) from error
    return parse_table(decode(data))


def parse_table(text: str) -> Table:
    if "\x00" in text:
        raise BadInput("import.not_a_table")
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise BadInput("import.no_header")
        columns = [h.strip() for h in header]
        if len(set(columns)) != len(columns):
            raise BadInput("import.duplicate_columns")
        rows = []
        width = len(columns)
        for values in reader:
            cleaned = list(map(str.strip, values))
            if not any(cleaned):
                continue
            if len(cleaned) < width:  # a short row: the missing cells are empty
                cleaned += [""] * (width - len(cleaned))
            rows.append((reader.line_num, dict(zip(columns, cleaned, strict=False))))
    except csv.Error as error:
        raise BadInput("import.not_a_table_detail", detail=str(error)) from error
    return Table(columns, rows)
