"""The simulated desk day (bench/desk_day.py) runs end to end and its R09 targets hold on a
small desk: counts of what people get, not times."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.desk_day import kept, report, run_day
from desk_app.domain.enums import Role

pytestmark = pytest.mark.slow


def test_r09_desk_day_keeps_the_targets(tmp_path: Path) -> None:
    day = run_day(tmp_path, per_year=20000, days_before=1, seed=1)
    text = report(day)
    assert day.escalations > 0 and day.inbox_checks > 0 and day.task_checks == 24
    assert day.missing_from_inbox == 0  # every R09 recipient has every escalation
    assert day.most_tasks_per_incident_and_person <= 1
    assert day.tasks_after_resolution == 0
    managers = [p.user_id for p in day.people.values() if p.role == Role.INCIDENT_MANAGER]
    assert managers and max(day.popups[(m, h)] for m in managers for h in range(24)) <= 6
    assert kept(day), text
    assert "| at most one open call task per escalated incident and person |" in text
