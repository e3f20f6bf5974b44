"""GLPI's ticket export and any CSV with a mapping (issue 15): one row per ticket, the
history the row implies (logged, resolved at its resolution date, closed at its closing
date), Chinese text in the encodings Excel and WPS write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk_app.domain.enums import JournalAction, Stage
from desk_app.errors import BadInput
from desk_app.services.importing.mapping import build_mapping
from desk_app.services.importing.source import read_table
from desk_app.storage.models import (
    Caller,
    ImportMapping,
    ImportReference,
    Incident,
    Journal,
    WaitCode,
)
from tests.conftest import Org
from tests.core.importing.fixtures import write_csv
from tests.core.importing.helpers import refusals, run_import
from tests.helpers import snapshot

GLPI_HEADER = ["ID", "Title", "Status", "Last update", "Opening date", "Priority",
               "Requester - Requester", "Assigned to - Technician",
               "Assigned to - Technician group", "Category", "Urgency", "Impact", "Type",
               "Resolution date", "Closing date", "Solution type"]


def _glpi(path: Path) -> Path:
    rows = [
        ["101", "VPN drops", "Closed", "2024-01-10 10:00", "2024-01-08 09:00", "High",
         "Zhang Wei", "Li Qiang", "Network", "Network", "High", "Medium", "Incident",
         "2024-01-09 16:00", "2024-01-10 10:00", "Solved"],
        ["102", "Mailbox full", "Pending", "2024-01-11 10:00", "2024-01-11 09:00", "Medium",
         "Victor VIP", "", "Applications", "E-mail", "Medium", "Low", "Request", "", "", ""],
        ["103", "Printer", "Processing (assigned)", "2024-01-12 10:00", "2024-01-12 09:00",
         "Low", "New Person", "Adam App", "Applications", "E-mail", "Low", "Low",
         "Incident", "", "", ""],
        ["104", "No status", "Observed", "2024-01-12 10:00", "2024-01-12 09:00", "Low",
         "Zhang Wei", "", "Applications", "E-mail", "Low", "Low", "Incident", "", "", ""],
    ]
    write_csv(path, [dict(zip(GLPI_HEADER, r, strict=True)) for r in rows], GLPI_HEADER,
              delimiter=";")
    return path


def test_glpi_tickets_import_with_their_statuses(org: Org, tmp_path: Path) -> None:
    owner = org.as_("owner")
    report = run_import(owner, _glpi(tmp_path / "glpi.csv"), "glpi",
                        given={"values": {"caller": {"Zhang Wei": "张伟 Zhang Wei"},
                                          "group": {"Network": "NET", "Applications": "APP"},
                                          "category": {"Network": "network"}}})
    assert refusals(report) == {"104": "import.refuse.unmapped"}  # a state nobody mapped
    assert report.added == 3
    refs = {r.external_key: Incident.get_by_id(r.local_id) for r in
            ImportReference.select().where(ImportReference.kind == "incident")}
    closed, pending, working = refs["101"], refs["102"], refs["103"]
    assert closed.stage == Stage.CLOSED.value and closed.group_id == org.ids["network"]
    assert closed.caller_id == org.ids["caller"] and closed.category_id == org.ids[
        "cat_network"]
    assert closed.resolved_at.isoformat() == "2024-01-09T16:00:00+00:00"
    assert closed.closed_at.isoformat() == "2024-01-10T10:00:00+00:00"
    assert closed.priority == 2 and closed.urgency == 2  # GLPI's High is our High
    assert pending.wait_code_id == WaitCode.get(WaitCode.code == "awaiting_caller").id
    assert pending.type == "information_inquiry" and pending.stage == Stage.LOGGED.value
    assert working.stage == Stage.IN_PROGRESS.value
    assert Caller.get_by_id(working.caller_id).name == "New Person"  # created, as chosen
    actions = [j.action for j in Journal.select().where(Journal.incident == closed.id)
               .order_by(Journal.id)]
    assert actions == [JournalAction.LOG.value, JournalAction.ASSIGN.value,
                       JournalAction.ACCEPT.value, JournalAction.RESOLVE.value,
                       JournalAction.CLOSE.value]
    # what the person chose is kept for the next import from GLPI
    kept = {(m.kind, m.their_value): m.our_value for m in ImportMapping.select()}
    assert kept[("group", "Network")] == "NET"


def test_a_plain_csv_with_chinese_columns_in_gb18030_and_a_mapping_file(
        org: Org, tmp_path: Path) -> None:
    header = ["单号", "状态", "创建时间", "报告人", "分类", "标题", "影响度"]
    rows = [{"单号": "A-1", "状态": "已关闭", "创建时间": "2025/03/01 09:00",
             "报告人": "张伟 Zhang Wei", "分类": "网络", "标题": "无法上网", "影响度": "3"}]
    path = write_csv(tmp_path / "wps.csv", rows, header, encoding="gb18030")
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({
        "columns": {"number": "单号", "state": "状态", "opened_at": "创建时间", "caller": "报告人",
                    "category": "分类", "title": "标题", "impact": "影响度"},
        "values": {"state": {"已关闭": "closed"}},
        "defaults": {"close_code": "solved"},
        "timezone": "Asia/Shanghai",
    }, ensure_ascii=False), encoding="utf-8")
    report = run_import(org.as_("owner"), path, "csv",
                        given=json.loads(mapping.read_text(encoding="utf-8")))
    assert report.added == 1, report.refused
    incident = Incident.get_by_id(ImportReference.get(ImportReference.kind == "incident")
                                  .local_id)
    assert incident.title == "无法上网" and incident.category_id == org.ids["cat_network"]
    assert incident.created_at.isoformat() == "2025-03-01T01:00:00+00:00"  # Shanghai time
    assert incident.stage == Stage.CLOSED.value


@pytest.mark.parametrize(("given", "key"), [
    ({"columns": {"nonsense": "x"}}, "import.bad_mapping"),
    ({"columns": {"number": "no such column"}}, "import.missing_columns"),
    ({"timezone": "Mars/Base"}, "import.bad_timezone"),
    ({"values": {"state": ["not", "a", "table"]}}, "import.bad_mapping"),
    ({"unknown": {"caller": "maybe"}}, "import.bad_mapping"),
])
def test_a_bad_mapping_is_a_message(org: Org, tmp_path: Path, given: dict[str, object],
                                    key: str) -> None:
    table = read_table(_glpi(tmp_path / "glpi.csv"))
    with pytest.raises(BadInput) as info:
        build_mapping("glpi", table.columns, None, given)
    assert info.value.key == key
    assert info.value.message("zh") and info.value.message("en")


@pytest.mark.parametrize(("content", "key"), [
    (b"", "import.no_header"),
    (b"a,b\n\x00\x00\n", "import.not_a_table"),
    (b"\xff\xfe\x00\x00garbage\x00", "import.bad_encoding"),
    (b"a,a\n1,2\n", "import.duplicate_columns"),
])
def test_a_file_that_is_not_a_table_is_a_message(org: Org, tmp_path: Path, content: bytes,
                                                 key: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    before = snapshot(org.store)
    with pytest.raises(BadInput) as info:
        run_import(org.as_("owner"), path, "csv")
    assert info.value.key == key
    assert snapshot(org.store) == before
