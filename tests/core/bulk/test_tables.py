"""Copy, export: tab-separated text with a header row; the whole queue (not only what a
table has loaded) to CSV with a byte-order mark and to XLSX, in the person's language; a
title that looks like a formula stays text; a cancelled export leaves no file."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from desk_app.errors import ValidationError
from desk_app.services.bulk.tables import COLUMNS, export_ids, tsv
from desk_app.services.lists import queues
from desk_app.services.lists.queues import Filters, Queue
from tests.conftest import Org


@pytest.fixture
def logged(org: Org) -> list[int]:
    ids = [org.log(title=f"网络中断 {n}") for n in range(7)]
    ids.append(org.log(title="=HYPERLINK(\"http://x\")\tand a tab", caller_id=org.ids["vip"]))
    return ids


def test_copied_rows_paste_as_columns(org: Org, logged: list[int]) -> None:
    rows = queues.rows(org.as_("desk"), logged[-2:])
    text = tsv(rows, "en")
    lines = text.split("\r\n")
    assert lines[0].split("\t")[:3] == ["Number", "Priority", "Stage"]
    assert len(lines) == 4 and lines[-1] == ""
    assert all(len(line.split("\t")) == len(COLUMNS) for line in lines[:3])
    assert "and a tab" in lines[2] and lines[2].split("\t")[10] == "Yes"
    zh = tsv(rows, "zh").split("\r\n")
    assert zh[0].startswith("编号\t优先级\t阶段") and "记录" in zh[1]


def test_the_whole_queue_goes_to_csv_with_a_bom(org: Org, logged: list[int],
                                               tmp_path: Path) -> None:
    session = org.as_("desk")
    ids = queues.ids(session, Queue.ALL, "number", False, Filters(), "zh")
    seen: list[tuple[int, int]] = []
    result = export_ids(session, ids, tmp_path / "all.csv", "csv", "zh",
                        progress=lambda done, total: seen.append((done, total)))
    assert result.complete and result.rows == 8 and seen[-1] == (8, 8)
    raw = (tmp_path / "all.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("编号,优先级,阶段") and len(lines) == 9
    assert "网络中断 0" in lines[1]
    assert "'=HYPERLINK" in lines[8]  # kept as text


def test_xlsx_has_every_row_as_text(org: Org, logged: list[int], tmp_path: Path) -> None:
    path = tmp_path / "all.xlsx"
    export_ids(org.as_("desk"), logged, path, "xlsx", "en", title="All incidents")
    sheet = load_workbook(path).active
    assert sheet is not None and sheet.title == "All incidents"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Number", "Priority") and len(rows) == 9
    assert rows[8][4].startswith("=HYPERLINK")  # a string cell, not a formula
    assert sheet.cell(9, 5).data_type == "s"


def test_a_cancelled_export_leaves_no_file(org: Org, logged: list[int],
                                           tmp_path: Path) -> None:
    from desk_app.services.bulk import tables

    path = tmp_path / "x.csv"
    path.write_text("the older export")
    old_chunk = tables.CHUNK
    tables.CHUNK = 2
    try:
        calls: list[int] = []
        result = export_ids(org.as_("desk"), logged, path, "csv", "en",
                            progress=lambda d, t: calls.append(d),
                            cancelled=lambda: len(calls) >= 2)
    finally:
        tables.CHUNK = old_chunk
    assert not result.complete
    assert path.read_text() == "the older export"
    assert not list(tmp_path.glob("*.partial"))


def test_bad_format_and_unwritable_path_are_refused(org: Org, logged: list[int],
                                                    tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        export_ids(org.as_("desk"), logged, tmp_path / "x.pdf", "pdf", "en")
    with pytest.raises(ValidationError) as info:
        export_ids(org.as_("desk"), logged, tmp_path / "missing" / "x.csv", "csv", "en")
    assert info.value.message("zh").startswith("无法写入文件")
