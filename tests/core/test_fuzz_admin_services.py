"""Every public administration service (people, users, groups, departments, callers,
categories, calendars, targets, wait and close codes, the roster, escalation rules, the
delivery and process settings, looking after the file) answers hostile values with one of
the product's typed errors or a correct result, and a refused call changes no row
(property-based, hypothesis, derandomised).

As in ``test_fuzz_services``: one argument — or one field of a form — at a time is replaced
by a hostile value, the rest stay valid, and the call is made by each role in turn. Each
service is its own case with a fresh organisation, so the calls tried are counted per
service (``docs/reliability.md``).
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.delivery import config as delivery
from desk_app.delivery.config import DeliveryConfig
from desk_app.errors import DeskError
from desk_app.services.admin import calendars, levels, lists, people, process
from desk_app.services.admin.calendars import CalendarForm
from desk_app.services.admin.people import CallerForm, GroupForm, UserForm
from desk_app.services.admin.process import CategoryForm, CodeForm, RuleForm
from desk_app.services.alerts import roster
from desk_app.services.alerts.roster import ShiftForm
from desk_app.services.database import care as file_care
from tests.conftest import Org
from tests.fuzzing import HOSTILE, call_hostile

MONDAY = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
#: Values of the kinds these services take besides numbers and text: moments, days,
#: spans, mappings and lists of the wrong shape.
MORE_HOSTILE: list[Any] = [
    datetime.min, datetime.max, datetime(2026, 3, 2), MONDAY.replace(year=9999),
    datetime.max.replace(tzinfo=timezone(timedelta(hours=-12))),
    date.min, date.max, timedelta.max, timedelta.min, timedelta(days=-1), timedelta(0),
    {(1, 1): "x"}, {(9, 9): 1}, {"a": 1}, {1: [(0, 10**9)]}, {1: "x"}, {"2026-13-45": ""},
    {"2026-05-01": "\ud800"}, {"\x00": "\ud800"}, [1, "x", None], ["phone", "carrier pigeon"],
    [2**63], ["owner"] * 3, ("tier1",), "tier1", "email", {0: [(600, 540)]},
    {0: [(0, 1440)] * 20_000}, list(range(20_000)), "Europe/" + "x" * 300, "../../etc/passwd",
    Path("x" * 5000), Path("/" + "y/" * 3000), Path("/"), Path("/dev/null"), Path("/proc/1/mem"),
    Path("/nonexistent/folder/desk.sqlite"), Path("网络#?%20 'x'.sqlite"),
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE + MORE_HOSTILE),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.text(max_size=30),
)
MATRIX = {(i, u): min(5, max(1, (i + u) // 2)) for i in range(1, 5) for u in range(1, 5)}
ROLES = ["owner", "desk", "manager", "head", "outsider"]
#: Calls made per service in this run (printed for docs/reliability.md with ``-s``).
TRIED: collections.Counter[str] = collections.Counter()


def _services(org: Org) -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
    """name → (call, its valid arguments after the session)."""
    ids = org.ids
    no_backup = org.path.with_name("no-such-backup.sqlite")
    return {
        # people, users, groups, departments, callers
        "save_user": (people.save_user, {
            "form": UserForm("newbie", "New Person", ["tier1"], email="n@example.test",
                             phone="1", language="zh", calendar_id=1, password="long enough"),
            "row_id": None, "version": None}),
        "save_user.edit": (people.save_user, {
            "form": UserForm("net2", "Nina Net", ["tier1"]), "row_id": ids["net2"],
            "version": None}),
        "create_first_owner": (people.create_first_owner, {
            "form": UserForm("first", "First Owner", [], password="long enough")}),
        "save_group": (people.save_group, {
            "form": GroupForm("NEW", "New", "新组", 1, ids["dept_it"], "g@example.test", True,
                              [ids["net1"]]),
            "row_id": None, "version": None}),
        "save_department": (people.save_department, {
            "name_en": "Legal", "name_zh": "法务部", "head_id": ids["head"], "row_id": None,
            "version": None}),
        "save_caller": (people.save_caller, {
            "form": CallerForm("Carl Caller", "139", "c@example.test", ids["dept_finance"],
                               "B2", True, True),
            "row_id": None, "version": None}),
        "callers": (lists.callers, {"search": "张", "limit": 10, "keep_id": ids["vip"]}),
        "lists": (_every_list, {}),
        # calendars, targets, codes, categories
        "save_calendar": (calendars.save_calendar, {
            "form": CalendarForm("NEWCAL", "New", "新日历", "Asia/Shanghai", False,
                                 {0: [(540, 1080)]}, {"2026-05-01": "May Day"},
                                 {"2026-05-09": "make-up"}, 0),
            "row_id": None, "version": None}),
        "save_target": (process.save_target, {"priority": 3, "stage": "assign",
                                              "minutes": 60, "calendar_id": 1,
                                              "version": None}),
        "save_wait_code": (process.save_wait_code, {
            "form": CodeForm("parts", "Parts", "配件", True), "row_id": None,
            "version": None}),
        "save_close_code": (process.save_close_code, {
            "form": CodeForm("fixed", "Fixed", "已修复", True), "row_id": None,
            "version": None}),
        "save_category": (process.save_category, {
            "form": CategoryForm("printer", "Printer", "打印机", ids["apps"], ids["l2net"]),
            "row_id": None, "version": None}),
        # process settings
        "save_matrix": (process.save_matrix, {"cells": MATRIX, "versions": None}),
        "preview_matrix": (process.preview_matrix, {"cells": MATRIX}),
        "save_auto_close_days": (process.save_auto_close_days, {"days": 5, "version": None}),
        "save_backup_keep_days": (process.save_backup_keep_days, {"days": 30,
                                                                   "version": None}),
        "setting_with_version": (process.setting_with_version, {"key": "auto_close_days"}),
        "save_level_description": (levels.save_level_description, {
            "kind": "impact", "value": 2, "description_en": "A department",
            "description_zh": "一个部门", "version": None}),
        # escalation rules
        "save_escalation_rule": (process.save_escalation_rule, {
            "form": RuleForm("Heads", "主管", "user", ["email"], ids["manager"], 2, 1,
                             "resolve_target", ids["cat_network"]),
            "row_id": None, "version": None}),
        # the roster
        "save_shift": (roster.save_shift, {
            "form": ShiftForm(MONDAY, MONDAY + timedelta(hours=8), [ids["desk"]], "early"),
            "row_id": None, "version": None}),
        "delete_shift": (roster.delete_shift, {"row_id": 1, "version": None}),
        "copy_shifts": (roster.copy_shifts, {"start": MONDAY,
                                             "end": MONDAY + timedelta(days=7),
                                             "shift_by": timedelta(days=7)}),
        "shifts_between": (roster.shifts_between, {"start": MONDAY,
                                                   "end": MONDAY + timedelta(days=7)}),
        # delivery settings
        "save_config": (delivery.save_config, {
            "config": DeliveryConfig(smtp_host="mail.example.test",
                                     smtp_sender="desk@example.test", smtp_port=587,
                                     smtp_security="starttls",
                                     sms_url="https://sms.example.test/send"),
            "versions": None}),
        "set_config_values": (delivery.set_config_values, {
            "smtp_port": 25, "max_attempts": 3, "sms_method": "GET"}),
        # looking after the file
        "check_now": (file_care.check_now, {"quick": True}),
        "backup_now": (file_care.backup_now, {}),
        "restore_now": (file_care.restore_now, {"backup": no_backup, "force": False}),
        "restore_offer": (lambda _session, path: file_care.restore_offer(path),
                          {"path": org.path}),
    }


def _every_list(session: Any) -> None:
    """The read-only lists behind every administration screen (the role is all they take)."""
    for read in (lists.users, lists.departments, lists.groups, lists.categories,
                 lists.wait_codes, lists.close_codes, lists.service_targets, lists.calendars,
                 lists.auto_close_days, process.escalation_rules, process.current_matrix,
                 process.escalation_rule_choices, roster.eligible_staff, roster.on_desk_now,
                 delivery.read_config, delivery.read_config_versions, file_care.backups,
                 file_care.connected):
        with contextlib.suppress(DeskError):
            read(session)


SERVICE_NAMES = [
    "save_user", "save_user.edit", "create_first_owner", "save_group", "save_department",
    "save_caller", "callers", "lists", "save_calendar", "save_target", "save_wait_code",
    "save_close_code", "save_category", "save_matrix", "preview_matrix",
    "save_auto_close_days", "save_backup_keep_days", "setting_with_version",
    "save_level_description",
    "save_escalation_rule", "save_shift", "delete_shift", "copy_shifts", "shifts_between",
    "save_config", "set_config_values", "check_now", "backup_now", "restore_now",
    "restore_offer",
]


def _slots(arguments: dict[str, Any]) -> list[tuple[str, str | None]]:
    """Every argument, and every field of an argument that is a form (a dataclass)."""
    slots: list[tuple[str, str | None]] = []
    for key, value in arguments.items():
        slots.append((key, None))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            slots.extend((key, f.name) for f in dataclasses.fields(value))
    return slots


def _with(arguments: dict[str, Any], slot: tuple[str, str | None], value: Any
          ) -> dict[str, Any]:
    key, field = slot
    changed = dict(arguments)
    if field is None:
        changed[key] = value
    else:
        form = arguments[key]
        changed[key] = dataclasses.replace(form, **{field: value})
    return changed


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    if TRIED:
        print("\ncalls tried per administration service:", dict(sorted(TRIED.items())),
              "total", sum(TRIED.values()))


def test_the_list_of_services_is_complete(org: Org) -> None:
    assert sorted(_services(org)) == sorted(SERVICE_NAMES)


def test_valid_arguments_are_accepted_by_someone_allowed(org: Org) -> None:
    """The baseline is right: with valid arguments the services do their work for the
    process owner or the incident manager (the roster), so the hostile runs below refuse
    because of the hostile value, not a broken baseline."""
    refused = []
    for name, (call, arguments) in _services(org).items():
        errors = []
        for who in ("owner", "manager"):
            try:
                call(org.as_(who), **arguments)
                break
            except DeskError as error:
                errors.append(type(error).__name__)
        else:
            refused.append((name, errors))
    # The first owner exists already; there is no such backup to restore.
    assert {n for n, _ in refused} == {"create_first_owner", "restore_now"}, refused


@pytest.mark.parametrize("name", SERVICE_NAMES)
def test_every_admin_service_refuses_hostile_values_with_a_typed_error_and_changes_nothing(
        org: Org, name: str) -> None:
    call, valid = _services(org)[name]
    slots = _slots(valid)

    @settings(derandomize=True, max_examples=100, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow])
    @given(position=st.integers(min_value=0, max_value=40), value=VALUES,
           who=st.sampled_from(ROLES))
    def hostile(position: int, value: Any, who: str) -> None:
        arguments = _with(valid, slots[position % len(slots)], value) if slots else valid
        TRIED[name] += 1
        call_hostile(org, name, call, who, arguments)

    hostile()
