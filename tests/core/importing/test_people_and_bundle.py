"""People from a directory export, and everything out and back in (issue 15)."""

from __future__ import annotations

import filecmp
import json
from pathlib import Path

import pytest

from desk_app.clock import FakeClock
from desk_app.errors import AuthenticationError, BadInput, PermissionDenied, RuleViolation
from desk_app.services.admin.people import UserForm
from desk_app.services.alerts.escalation import scan
from desk_app.services.database.check import check_database
from desk_app.services.database.setup import create_database
from desk_app.services.importing.bundle import export_bundle, import_bundle
from desk_app.services.importing.people import import_people
from desk_app.services.incident import workflow
from desk_app.services.session import session_for, sign_in
from desk_app.storage.models import Caller, Department, GroupMember, SupportGroup, User
from tests.conftest import PASSWORD, Org
from tests.core.importing.fixtures import servicenow_log, write_csv
from tests.core.importing.helpers import run_import
from tests.helpers import close_incident, snapshot


def _directory(path: Path) -> Path:
    header = ["姓名", "登录名", "部门", "电话", "邮箱", "VIP", "类型", "支持组", "角色"]
    rows = [
        ["陈静 Chen Jing", "chenj", "财务部", "13911112222", "chen@example.test", "是", "caller",
         "", ""],
        ["Tom Tech", "tomt", "IT", "", "tom@example.test", "", "user", "NET;Desktop",
         "tier1"],
        ["Desktop", "DESK", "IT", "", "desktop@example.test", "", "group", "", ""],
        ["", "nobody", "", "", "", "", "caller", "", ""],
    ]
    return write_csv(path, [dict(zip(header, r, strict=True)) for r in rows], header)


def test_people_are_imported_and_updated_by_login(org: Org, tmp_path: Path) -> None:
    owner = org.as_("owner")
    path = _directory(tmp_path / "people.csv")
    before = snapshot(org.store)
    dry = import_people(owner, path, dry_run=True)
    assert snapshot(org.store) == before
    assert (dry.added, dry.updated, [r.key for r in dry.refused]) == (
        3, 0, ["import.people.no_name"])
    report = import_people(owner, path)
    assert (report.added, report.updated) == (3, 0)
    chen = Caller.get(Caller.name == "陈静 Chen Jing")
    assert chen.vip and Department.get_by_id(chen.department_id).name_en == "Finance"
    tom = User.get(User.username == "tomt")
    groups = {g.code for g in SupportGroup.select().join(GroupMember).where(
        GroupMember.user == tom.id)}
    assert groups == {"NET", "DESK"}
    with pytest.raises(AuthenticationError):  # no password until the owner gives one
        sign_in(org.store, "tomt", "")
    # a later export: the same logins update, nobody is doubled
    path.write_text(path.read_text(encoding="utf-8").replace("13911112222", "13933334444"),
                    encoding="utf-8")
    again = import_people(owner, path)
    assert (again.added, again.updated) == (0, 3)
    assert Caller.get(Caller.name == "陈静 Chen Jing").phone == "13933334444"
    assert Caller.select().where(Caller.name == "陈静 Chen Jing").count() == 1
    with pytest.raises(PermissionDenied):
        import_people(org.as_("desk"), path)


def _tables(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_everything_out_and_into_an_empty_database_is_the_same(org: Org,
                                                               tmp_path: Path) -> None:
    # a desk with some of everything: closed, escalated, pending, imported incidents
    closed = org.log()
    close_incident(org, closed)
    org.log(title="Laptop will not start")
    org.clock.advance(days=3)
    scan(org.store, org.clock)
    run_import(org.as_("owner"), servicenow_log(tmp_path / "log.csv"), "servicenow")
    first = tmp_path / "first"
    counts = export_bundle(org.as_("owner"), first)
    assert counts["incidents"] == 6
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tables"]["incident"]["rows"] == 6
    assert "correct horse" not in (first / "user.csv").read_text(encoding="utf-8")
    assert "argon2" not in (first / "user.csv").read_text(encoding="utf-8").lower()

    clock = FakeClock(org.clock.now())
    fresh = create_database(tmp_path / "new.sqlite",
                            UserForm("owner", "Olivia Owner", [], password=PASSWORD), clock)
    try:
        owner = session_for(fresh, "owner", clock)
        rebuilt = import_bundle(owner, first)
        assert rebuilt["incidents"] == 6
        second = tmp_path / "second"
        export_bundle(owner, second)
        assert _tables(first) == _tables(second)
        _same, different, errors = filecmp.cmpfiles(first, second, _tables(first),
                                                   shallow=False)
        assert different == [] and errors == []  # the round trip is exact
        # the rebuilt file's history is chained by its own triggers: the check finds it whole
        report = check_database(fresh)
        assert report.ok, report.lines("en")
        sign_in(fresh, "owner", PASSWORD)  # the importing person keeps their password
        workflow.assign(session_for(fresh, "desk", clock), _open_id())  # work goes on
        with pytest.raises(RuleViolation):
            import_bundle(owner, first)  # only into a database without incidents
    finally:
        fresh.close()


def _open_id() -> int:
    from desk_app.storage.models import Incident

    return int(Incident.get(Incident.title == "Laptop will not start").id)


def test_a_damaged_bundle_is_a_message_and_changes_nothing(org: Org, tmp_path: Path) -> None:
    folder = tmp_path / "bundle"
    export_bundle(org.as_("owner"), folder)
    (folder / "incident.csv").write_text("id,nonsense\n1,2\n", encoding="utf-8")
    clock = FakeClock(org.clock.now())
    fresh = create_database(tmp_path / "new.sqlite",
                            UserForm("owner", "Olivia Owner", [], password=PASSWORD), clock)
    try:
        before = snapshot(fresh)
        with pytest.raises(BadInput):
            import_bundle(session_for(fresh, "owner", clock), folder)
        with pytest.raises(BadInput):
            import_bundle(session_for(fresh, "owner", clock), tmp_path / "nothing")
        assert snapshot(fresh) == before
    finally:
        fresh.close()
