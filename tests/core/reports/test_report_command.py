"""``desk-app report``: the JSON keys the issue lists, the same numbers as the screen's
report, CSV and XLSX in Chinese, and clear refusals of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from desk_app.cli import main
from desk_app.services.reports.build import build_report
from desk_app.services.reports.export import as_json
from tests.conftest import Org
from tests.core.reports.test_kpis import MARCH

KEYS = {"logged", "resolved", "closed", "auto_closed", "first_contact_resolution_pct",
        "response_met_pct", "restore_met_pct", "mtta_working_minutes_median",
        "mttr_working_minutes_median", "escalations", "transfers_3_or_more_pct",
        "satisfaction_mean"}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_has_the_keys_and_the_screens_numbers(
        history: tuple[Org, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    org, _ = history
    code, out, _ = _run(capsys, "report", str(org.path), "--from", "2026-03-01",
                        "--to", "2026-04-01", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= KEYS
    assert set(data["by_priority"]) == {"1", "2", "3", "4"}
    assert all(set(v) >= KEYS for v in data["by_priority"].values())
    screen = as_json(build_report(org.as_("manager"), MARCH))
    for key in KEYS:
        assert data[key] == screen[key], key
    assert data["by_priority"] == screen["by_priority"]
    assert (data["logged"], data["restore_met_pct"]) == (6, round(500 / 6, 2))


def test_group_and_category_filters_by_name(history: tuple[Org, dict[str, int]],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    org, _ = history
    _, out, _ = _run(capsys, "report", str(org.path), "--from", "2026-03-01", "--to",
                     "2026-04-01", "--group", "网络组", "--category", "network")
    assert json.loads(out)["logged"] == 6
    _, out, _ = _run(capsys, "report", str(org.path), "--from", "2026-03-01", "--to",
                     "2026-04-01", "--group", "APP")
    assert json.loads(out)["logged"] == 0


def test_csv_and_xlsx_carry_chinese(history: tuple[Org, dict[str, int]], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    org, _ = history
    csv_path, xlsx_path = tmp_path / "r.csv", tmp_path / "r.xlsx"
    for fmt, path in (("csv", csv_path), ("xlsx", xlsx_path)):
        code, _, _ = _run(capsys, "--lang", "zh", "report", str(org.path), "--from",
                          "2026-03-01", "--to", "2026-04-01", "--format", fmt, "--out",
                          str(path))
        assert code == 0
    content = csv_path.read_text(encoding="utf-8-sig")
    assert "记录数,6,0,2,4,0" in content and "网络组" in content
    book = load_workbook(xlsx_path)
    first = book.worksheets[0]
    assert first["A1"].value == "关键指标"
    rows = {r[0]: r[1:] for r in first.iter_rows(min_row=5, values_only=True)}
    assert rows["记录数"] == (6, 0, 2, 4, 0)
    assert any(s.title.startswith("按支持组") for s in book.worksheets)


@pytest.mark.parametrize("args, message", [
    (["--from", "2026-13-01", "--to", "2026-04-01"], "不正确"),
    (["--from", "2026-04-01", "--to", "2026-03-01"], "时段为空"),
    (["--from", "2026-03-01", "--to", "2026-04-01", "--group", "Nobody"], "没有名为 Nobody"),
    (["--from", "0001-01-01", "--to", "0001-02-01"], "1970"),
    (["--from", "9999-12-01", "--to", "9999-12-31"], "9998"),
])
def test_bad_input_is_refused_in_the_users_language(
        history: tuple[Org, dict[str, int]], capsys: pytest.CaptureFixture[str],
        args: list[str], message: str) -> None:
    org, _ = history
    code, out, err = _run(capsys, "--lang", "zh", "report", str(org.path), *args)
    assert code in (1, 2) and message in err and "Traceback" not in err and out == ""


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.text(max_size=12), end=st.text(max_size=12), group=st.text(max_size=8),
       fmt=st.sampled_from(["json", "csv"]))
def test_fuzz_report_never_crashes(history: tuple[Org, dict[str, int]],
                                   capsys: pytest.CaptureFixture[str], start: str, end: str,
                                   group: str, fmt: str) -> None:
    org, _ = history
    args = ["report", str(org.path), "--from", start, "--to", end, "--format", fmt]
    if group.strip():
        args += ["--group", group]
    try:
        code, _, err = _run(capsys, *args)
    except SystemExit as stop:  # argparse refusing an argument that looks like an option
        assert stop.code == 2
        return
    assert code in (0, 1, 2) and "Traceback" not in err
