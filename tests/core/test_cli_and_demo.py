"""The administrator's command line and the demo database, run as a person would."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk_app.clock import FakeClock
from desk_app.demo import build_demo
from desk_app.storage.models import Escalation, Incident, Journal, User
from desk_app.storage.opening import open_store


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desk_app", *args], input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path, incidents=80, days=10,
               now=datetime(2026, 3, 20, 3, 0, tzinfo=UTC))
    return path


def test_init_creates_a_database_with_its_process_owner(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    result = cli("init", str(path), "--owner", "admin", "--full-name", "管理员 Admin",
                 stdin="a long password\n")
    assert result.returncode == 0, result.stderr
    store = open_store(path)
    assert User.get(User.username == "admin").full_name == "管理员 Admin"
    store.close()


def test_init_refuses_a_short_password_in_the_users_language(tmp_path: Path) -> None:
    result = cli("--lang", "zh", "init", str(tmp_path / "x.sqlite"), "--owner", "a",
                 "--full-name", "A", stdin="short\n")
    assert result.returncode == 2
    assert "密码至少需要" in result.stderr


def test_demo_spreads_incidents_over_every_stage(demo_file: Path) -> None:
    store = open_store(demo_file, read_only=True)
    stages = {i.stage for i in Incident.select(Incident.stage)}
    assert stages == {"logged", "assigned", "in_progress", "resolved", "closed"}
    assert Incident.select().where(Incident.wait_code.is_null(False)).exists()
    assert Escalation.select().exists()
    names = [u.full_name for u in User.select()]
    assert any(ord(ch) > 0x4E00 for name in names for ch in name)  # Chinese names
    assert any(name.isascii() for name in names)  # English names
    assert Journal.select().count() > Incident.select().count() * 3
    store.close()


def test_scan_from_the_command_line_escalates_once(demo_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    later = (datetime(2026, 3, 20, 3, 0, tzinfo=UTC) + timedelta(days=3)).isoformat()
    first = cli("scan", str(copy), "--now", later)
    assert first.returncode == 0, first.stderr
    second = cli("scan", str(copy), "--now", later)
    assert "Escalated 0 time(s)" in second.stdout
    assert first.stdout != second.stdout


def test_show_prints_an_incident_with_its_history(demo_file: Path) -> None:
    english = cli("show", str(demo_file), "INC0000001")
    assert english.returncode == 0, english.stderr
    assert "INC0000001" in english.stdout and "History" in english.stdout
    chinese = cli("--lang", "zh", "show", str(demo_file), "1")
    assert "历史记录" in chinese.stdout and "记录" in chinese.stdout


def test_show_an_unknown_incident_is_a_clear_message(demo_file: Path) -> None:
    result = cli("show", str(demo_file), "INC9999999")
    assert result.returncode == 1
    assert "There is no incident" in result.stderr


def test_r09_fresh_demo_call_queue_has_no_task_for_a_closed_incident(demo_file: Path) -> None:
    """The demo tells the truth: a desk that works its alerts. Most escalations are
    acknowledged, a handful wait, and no call task outlives its incident or its reason."""
    from desk_app.services.alerts.calls import call_tasks
    from desk_app.services.session import session_for

    store = open_store(demo_file, read_only=True)
    try:
        escalations = Escalation.select().count()
        acknowledged = Escalation.select().where(
            Escalation.acknowledged_at.is_null(False)).count()
        clock = FakeClock(datetime(2026, 3, 20, 3, 0, tzinfo=UTC))
        tasks = call_tasks(session_for(store, "liuyang", clock))
        stages = {i.id: i.stage for i in Incident.select(Incident.id, Incident.stage)}
        per_person = Counter((t.incident_id, t.recipient) for t in tasks)
        waiting = {e.id for e in Escalation.select().where(Escalation.acknowledged_at.is_null())}
    finally:
        store.close()
    assert escalations >= 10 and acknowledged >= 0.75 * escalations
    assert 0 < escalations - acknowledged <= 12  # a handful waiting
    assert all(stages[t.incident_id] not in ("resolved", "closed") for t in tasks)
    assert all(set(t.escalation_ids) & waiting for t in tasks)  # none for settled ones
    assert max(per_person.values(), default=1) == 1  # one per incident and person


def test_a_server_named_on_the_command_line_is_shown_as_its_url() -> None:
    """The verbs take their database as a path, which drops one of a URL's slashes; what
    they print is the URL as given, without its password."""
    from desk_app.commands.registry import named

    url = Path("postgresql://desk:secret@db.example:5433/desk?sslmode=require")
    assert str(url).startswith("postgresql:/desk")  # what a path makes of it
    assert named(url) == "postgresql://desk@db.example:5433/desk?sslmode=require"
    assert named(Path("shared") / "desk.sqlite") == str(Path("shared") / "desk.sqlite")
