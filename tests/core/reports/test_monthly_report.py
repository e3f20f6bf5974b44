"""The monthly report: ``desk-app watch``'s round mails last month's report with its PDF to
the process owner once, through a real SMTP server on loopback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desk_app.services.admin.people import UserForm, save_user
from desk_app.services.reports.monthly import last_month, send_monthly_report
from desk_app.storage.models import User
from tests.conftest import Org
from tests.core.reports.history import build
from tests.escalation_helpers import configure_smtp
from tests.servers import smtp_server


def _owner_email(org: Org, language: str = "zh") -> None:
    owner = org.store.read(lambda: User.get_by_id(org.ids["owner"]))
    save_user(org.as_("owner"), UserForm("owner", owner.full_name, ["process_owner"],
                                         email="owner@example.test", language=language),
              owner.id, owner.version)


def test_nothing_is_sent_without_email_settings(org: Org) -> None:
    _owner_email(org)
    assert send_monthly_report(org.store, org.clock) == []


def test_last_months_report_goes_to_the_process_owner_once(org: Org) -> None:
    build(org)
    _owner_email(org)
    org.clock.set(datetime(2026, 4, 1, 1, 0, tzinfo=UTC))  # 1 April 09:00 in Shanghai
    with smtp_server() as (server, port):
        configure_smtp(org, port)
        assert send_monthly_report(org.store, org.clock) == ["owner@example.test"]
        assert send_monthly_report(org.store, org.clock) == []  # once a month
    (message,) = server.messages
    assert isinstance(message, EmailMessage)
    assert message["Subject"] == "【desk-app】2026-03 月度报表"
    body = message.get_body(("plain",))
    assert body is not None and "记录数:6" in body.get_content()
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "report-2026-03.pdf" or \
        attachment.get_filename() == "report-2026-03.xlsx"


def test_a_failed_send_is_tried_again(org: Org) -> None:
    _owner_email(org, "en")
    org.clock.set(datetime(2026, 4, 2, 1, 0, tzinfo=UTC))
    with smtp_server() as (server, port):
        configure_smtp(org, port)
        server.refuse.append("451 4.3.0 try later")
        with pytest.raises(Exception, match="451"):
            send_monthly_report(org.store, org.clock)
        assert send_monthly_report(org.store, org.clock) == ["owner@example.test"]
    assert [m["Subject"] for m in server.messages] == ["[desk-app] Monthly report 2026-03"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_watch_attaches_the_pdf(org: Org, tmp_path: Path) -> None:
    build(org)
    _owner_email(org)
    with smtp_server() as (server, port):
        configure_smtp(org, port)
        org.store.close()
        # the watcher runs now: last month's report, as a PDF
        result = subprocess.run([sys.executable, "-m", "ui.launcher", "watch", str(org.path),
                                 "--cycles", "1", "--interval", "0.1", "--quiet"],
                                capture_output=True, text=True, timeout=120,
                                env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                     "HOME": str(tmp_path)})
        assert result.returncode == 0, result.stderr
    # (the round also mailed escalations of the history's open incident)
    (message,) = [m for m in server.messages if "月度报表" in str(m["Subject"])]
    month = last_month(datetime.now(ZoneInfo("Asia/Shanghai")).date()).start.strftime("%Y-%m")
    assert message["Subject"] == f"【desk-app】{month} 月度报表"
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(attachment.get_content())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "服务台报表" in text
