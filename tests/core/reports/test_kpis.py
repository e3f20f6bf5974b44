"""Every KPI of docs/kpis.md computed by hand on the crafted history (tests/core/reports/
history.py) and compared with the report.

Working minutes used below (office calendar Mon–Fri 09:00–12:00, 13:30–18:00; holiday Wed 4
March; make-up Sat 7 March with Monday's hours; P1/P2 targets on 24×7):

* G (P3) logged Fri 27 Feb 10:00, resolved Mon 2 Mar 16:00: 120+270 + 180+150 = 720 min.
* A (P3) assign 30, accept 60, resolve 60 (Mon 09–10) + 60 (Tue 09–10) = 120: the 23 h
  pending Mon 10:00 → Tue 09:00 is excluded.
* E (P3, escalated by its third transfer to P2 on 24×7): assign 0, accept and resolve 10:00 →
  16:00 = 360 (response target 120: breached; restore 480: met).
* B (P3) resolved at first contact: 0, 0, 0; closed by the system on 9 March.
* C (P3 → P2 at 14:10, re-matched on 24×7): assign 40 (> 30, breached), accept 50, resolve
  14:00 → 20:00 = 360.
* D (P3) Tue 17:00 → Sat 10:00: 60 (Tue) + 0 (holiday) + 450 + 450 + 60 (make-up) = 1020
  (> 900: breached); accept 30.
* F (P3) logged 9 March, open, linked to the closed A.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desk_app.errors import PermissionDenied
from desk_app.services.reports.build import build_report
from desk_app.services.reports.period import Period
from desk_app.services.reports.query import Reader, ReportFilter
from tests.conftest import Org

MARCH = ReportFilter(Period(date(2026, 3, 1), date(2026, 4, 1)))


@pytest.fixture(scope="module")
def report(history: tuple[Org, dict[str, int]]) -> Any:
    org, _ = history
    return build_report(org.as_("manager"), MARCH)


def _row(report: Any, table: str, key: object) -> list[object]:
    row = next(r for r in report.table(table).rows if r.key == key)
    return [c.value for c in row.cells]


def test_volume_counts_by_the_moment_of_the_event(report: Any) -> None:
    s = report.summary
    # logged in March: A, E, B, C, D, F (G was logged in February)
    assert s["logged"] == 6
    # resolved in March: G, A, E, B, C, D
    assert s["resolved"] == 6
    # closed: A and C by the desk (3 March), B, E and G by the system (9 March, R23)
    assert (s["closed"], s["auto_closed"]) == (5, 3)
    assert _row(report, "volume_trend", date(2026, 3, 2)) == [4, 4, 0, 0]
    assert _row(report, "volume_trend", date(2026, 3, 7)) == [0, 1, 0, 0]
    assert _row(report, "volume_trend", date(2026, 3, 9)) == [1, 0, 3, 3]


def test_first_contact_resolution_is_resolved_at_logging(report: Any) -> None:
    assert report.summary["first_contact_resolution_pct"] == round(100 / 6, 2)
    assert report.summary["by_priority"]["3"]["first_contact_resolution_pct"] == 25.0


def test_target_shares_use_each_incidents_own_clock(report: Any) -> None:
    s = report.summary
    assert s["assign_met_pct"] == 80.0  # C breached (40 > 30 on P2)
    assert s["response_met_pct"] == 80.0  # E breached (360 > 120 on P2)
    assert s["restore_met_pct"] == round(500 / 6, 2)  # D breached (1020 > 900)
    assert s["breached"] == 3
    assert _row(report, "targets_by_priority", 2) == [0.0, 1, 50.0, 1, 100.0, 0]
    assert _row(report, "targets_by_priority", 3) == [100.0, 0, 100.0, 0, 75.0, 1]


def test_holidays_make_up_days_and_pending_time_are_not_working_time(report: Any) -> None:
    # MTTA: [60, 360, 0, 50, 30] → 50; MTTR: [720, 120, 360, 0, 360, 1020] → 360
    assert report.summary["mtta_working_minutes_median"] == 50.0
    assert report.summary["mttr_working_minutes_median"] == 360.0
    working = _row(report, "times", "resolve")
    assert working[:3] == [360.0, 430.0, 1020.0]  # median, mean (2580/6), 90th pct
    # calendar minutes: G 4680, A 1500, E 360, B 0, C 360, D 5340
    assert working[3:] == [930.0, 2040.0, 5340.0, 6]


def test_priority_changes_count_under_the_priority_now(report: Any) -> None:
    by = report.summary["by_priority"]
    # C (impact raised) and E (escalated by its third transfer) are P2
    assert (by["2"]["logged"], by["3"]["logged"]) == (2, 4)
    assert by["2"]["mtta_working_minutes_median"] == 205.0  # (50 + 360) / 2
    assert sum(by[p]["logged"] for p in "1234") == report.summary["logged"]


def test_transfers_escalations_and_satisfaction(report: Any) -> None:
    s = report.summary
    assert s["transfers_3_or_more_pct"] == round(100 / 6, 2)  # E of six resolved
    assert _row(report, "transfers", 3) == [1]
    assert s["escalations"] == 1
    assert _row(report, "escalations_by_reason", "transfers")[:2] == [1, 0]
    assert s["satisfaction_mean"] == 3.0  # A 4, C 2
    assert _row(report, "satisfaction", 2) == [1]
    assert (by := s["by_priority"])["2"]["satisfaction_mean"] == 2.0 and \
        by["3"]["satisfaction_mean"] == 4.0


def test_backlog_pending_and_linked(report: Any, history: tuple[Org, dict[str, int]]) -> None:
    s = report.summary
    assert (s["open_now"], s["linked_after_closure"]) == (1, 1)  # F
    assert _row(report, "backlog_trend", date(2026, 3, 6)) == [1]  # D open until the 7th
    assert _row(report, "backlog_trend", date(2026, 3, 7)) == [0]
    # pending in working time, on A's restore calendar (office hours): Mon 10:00 → Tue
    # 09:00 is 120 + 270 = 390 working minutes; the six resolved incidents' working time
    # from logging to resolution is their restore clocks' 2580 minutes (see above) + 390
    pending = _row(report, "pending", "all")
    assert pending[0] == round(100 * 390 / 2970, 2)
    # in calendar time: A's 23 h of 204 h (G 78, A 25, E 6, B 0, C 6, D 89)
    assert pending[1] == round(100 * 23 / 204, 2)
    wait = next(r for r in report.table("pending").rows if r.key not in ("all", "change"))
    assert [c.value for c in wait.cells][:2] == pending[:2]  # the caller's wait code only


def test_drill_down_gives_the_incidents_counted(report: Any,
                                                history: tuple[Org, dict[str, int]]) -> None:
    org, ids = history
    reader = Reader(report.filter, *report.filter.period.bounds(_zone()), 0)
    breached = next(r for r in report.table("targets_by_priority").rows if r.key == 2)
    assert org.store.read(lambda: reader.ids(breached.cells[1].drill)) == [ids["C"]]
    auto = next(r for r in report.table("summary").rows if r.key == "auto_closed")
    assert org.store.read(lambda: sorted(reader.ids(auto.cells[0].drill))) == sorted(
        [ids["G"], ids["E"], ids["B"]])


def _zone() -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


def test_group_filter_and_department_heads(history: tuple[Org, dict[str, int]]) -> None:
    org, _ = history
    apps = build_report(org.as_("manager"), ReportFilter(MARCH.period, group_id=org.ids["apps"]))
    assert apps.summary["logged"] == 0
    # He Jing heads Finance, which has no support groups; Ivan heads IT (all of them)
    assert build_report(org.as_("head"), MARCH).summary["logged"] == 0
    assert build_report(org.as_("head_it"), MARCH).summary["logged"] == 6
    with pytest.raises(PermissionDenied):
        build_report(org.as_("net1"), MARCH)


def test_the_report_speaks_chinese(history: tuple[Org, dict[str, int]]) -> None:
    org, _ = history
    zh = build_report(org.as_("manager"), MARCH, "zh")
    assert zh.title == "服务台报表"
    assert zh.table("volume_by_group").rows[0].label == "网络组"
