"""``desk-app check``: a healthy file passes; each invariant, broken by an edit made behind
the program's back, is found and explained in both languages."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.domain.enums import Impact
from desk_app.services.alerts.escalation import scan
from desk_app.services.database.check import check_database
from desk_app.services.incident.pending import set_pending
from desk_app.services.incident.workflow import accept, assign, transfer
from desk_app.storage.models import WaitCode
from tests.conftest import Org

from .conftest import clone
from .test_write_errors import damage


def prepare(org: Org) -> None:
    """Incidents in every state the invariants look at: escalated, pending, transferred."""
    first = org.log(impact=Impact.EXTENSIVE)
    assign(org.as_("desk"), first)
    accept(org.as_("net1"), first)
    second = org.log()
    assign(org.as_("desk"), second)
    for person in ("net2", "net1", "net2"):
        transfer(org.as_("desk"), second, note="again", assignee_id=org.ids[person])
    third = org.log()
    code = WaitCode.get(WaitCode.system == False)  # noqa: E712
    set_pending(org.as_("desk"), third, wait_code_id=code.id, note="waiting for the caller")
    org.clock.advance(hours=30)
    scan(org.store, org.clock)
    org.ids.update(first=first, second=second, third=third)


@pytest.fixture
def busy_org(prepared_template: Callable[..., Org], tmp_path: Path) -> Iterator[Org]:
    org = clone(prepared_template(prepare), tmp_path)
    yield org
    org.store.close()


def test_a_healthy_database_passes(busy_org: Org) -> None:
    report = check_database(busy_org.store)
    assert report.ok, report.lines()
    assert report.integrity == ["ok"]
    assert busy_org.store.execute("SELECT count(*) FROM escalation")[0][0] >= 2


BREAKAGES = {
    "check.journal_disagrees": "UPDATE incident SET stage = 'resolved' WHERE id = {first}",
    "check.journal_chain": "UPDATE journal SET changes = '{{\"stage\": [\"closed\", "
                           "\"assigned\"]}}' WHERE incident_id = {first} AND action = 'assign'",
    "check.journal_no_log": "DELETE FROM journal WHERE incident_id = {third} AND action = 'log'",
    "check.transfers": "UPDATE incident SET reassignment_count = 1 WHERE id = {second}",
    "check.escalations": "UPDATE incident SET escalation_count = 0 WHERE id = {second}",
    "check.closed_fields": "UPDATE incident SET stage = 'closed' WHERE id = {first}",
    "check.pending_fields": "UPDATE incident SET pending_since = NULL WHERE id = {third}",
    "check.clock_count": "DELETE FROM target_clock WHERE incident_id = {first} "
                         "AND stage = 'resolve'",
    "check.clock_state": "UPDATE target_clock SET state = 'stopped', running_since = NULL, "
                         "due_at = NULL WHERE incident_id = {first} AND stage = 'resolve' "
                         "AND state = 'running'",
    "check.clock_times": "UPDATE target_clock SET due_at = NULL WHERE incident_id = {first} "
                         "AND stage = 'resolve'",
    "check.clock_runs": "UPDATE clock_run SET ended_at = started_at WHERE incident_id = "
                        "{first} AND stage = 'resolve'",
    "check.next_deadline": "UPDATE incident SET next_deadline = 12345 WHERE id = {first}",
    "check.notification_orphan": "UPDATE notification SET escalation_id = 999 "
                                 "WHERE id = (SELECT min(id) FROM notification)",
    "check.foreign_key": "UPDATE incident SET caller_id = 999 WHERE id = {first}",
}


@pytest.mark.parametrize("key", sorted(BREAKAGES))
def test_each_broken_invariant_is_found(busy_org: Org, key: str) -> None:
    store = busy_org.store
    store.db.execute_sql("PRAGMA foreign_keys = OFF")
    store.execute(BREAKAGES[key].format(**busy_org.ids))
    store.db.execute_sql("PRAGMA foreign_keys = ON")
    report = check_database(store)
    assert not report.ok
    assert key in report.counts, report.lines()
    finding = next(f for f in report.findings if f.key == key)
    english, chinese = finding.message("en"), finding.message("zh")
    assert english != key and chinese != english
    assert report.lines("zh")[-1].startswith("发现")


def test_a_journal_row_that_cannot_be_read(busy_org: Org) -> None:
    busy_org.store.execute("UPDATE journal SET changes = 'not json' WHERE id = 1")
    assert "check.journal_unreadable" in check_database(busy_org.store).counts


def test_many_findings_of_one_kind_are_counted_not_listed(org: Org) -> None:
    for n in range(60):
        org.log(title=f"incident {n}")
    org.store.execute("UPDATE incident SET next_deadline = NULL")
    report = check_database(org.store)
    assert report.counts["check.next_deadline"] == 60
    assert len(report.findings) == 50
    assert "… and 10 more of the same kind." in report.lines("en")


def test_cli_check(busy_org: Org, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(busy_org.path)]) == 0
    out = capsys.readouterr().out
    assert "SQLite integrity check: ok." in out and "No problems found" in out
    busy_org.store.execute("UPDATE incident SET escalation_count = 7 WHERE id = ?",
                           (busy_org.ids["second"],))
    assert main(["--lang", "zh", "check", str(busy_org.path)]) == 3
    out = capsys.readouterr().out
    assert "升级次数为 7" in out and "发现 1 个问题" in out


def test_cli_check_of_a_damaged_file_suggests_the_restore(
        org: Org, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(20):
        org.log(title=f"incident {n}", description="x" * 3000)
    org.store.close()
    pages = org.path.stat().st_size // 4096
    damage(org.path, range(pages - 6, pages - 2))
    assert main(["check", str(org.path)]) == 3
    out = capsys.readouterr().out
    assert "SQLite integrity check failed" in out
    assert f"desk-app restore {org.path} --latest" in out


def test_cli_backup_list_and_restore(org: Org, capsys: pytest.CaptureFixture[str],
                                     tmp_path: Path) -> None:
    incident = org.log(title="kept by the backup")
    assert main(["backup", str(org.path)]) == 0
    assert "Backed up to" in capsys.readouterr().out
    org.store.bind()  # the command bound the models to its own store, as a program does
    org.log(title="after the backup")
    org.store.close()
    assert main(["restore", str(org.path), "--list"]) == 0
    listed = capsys.readouterr().out
    assert "manual" in listed and "good" in listed
    assert main(["restore", str(org.path)]) == 2
    assert main(["--lang", "zh", "restore", str(org.path), "--latest", "--wait", "1"]) == 0
    out = capsys.readouterr().out
    assert "已从" in out and "被替换的内容保存在" in out
    assert main(["show", str(org.path), str(incident)]) == 0
    assert "kept by the backup" in capsys.readouterr().out
    assert main(["show", str(org.path), "2"]) == 1  # logged after the backup: gone
    target = tmp_path / "elsewhere.sqlite"
    assert main(["backup", str(org.path), "--to", str(target)]) == 0
    assert json.dumps(str(target))[1:-1] in capsys.readouterr().out
