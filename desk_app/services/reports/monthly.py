"""The monthly report: once a month, ``desk-app watch`` mails last month's report (PDF
attached) to every process owner with an e-mail address, when e-mail is configured.

Which month was sent last is a setting, claimed in a write transaction before sending, so
that several watchers on one file send it once; a send that fails gives the claim back and
the next round tries again.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import formataddr, formatdate
from pathlib import Path

from desk_app.clock import Clock
from desk_app.delivery.channels import DeliveryError, _smtp
from desk_app.delivery.config import DeliveryConfig, load_config
from desk_app.domain.enums import Role
from desk_app.i18n import Language, text
from desk_app.services.session import system_session
from desk_app.storage.database import Store
from desk_app.storage.models import Setting, User, UserRole

from .build import build_report
from .export import PDF_WRITERS, write_xlsx
from .period import Period, desk_zone
from .query import ReportFilter

log = logging.getLogger(__name__)

#: the last month whose report was sent ("YYYY-MM")
SENT_SETTING = "report_monthly_sent"


@dataclass(frozen=True)
class Owner:
    name: str
    email: str
    language: Language


def last_month(today: date) -> Period:
    end = today.replace(day=1)
    return Period((end - timedelta(days=1)).replace(day=1), end)


def _claim(month: str) -> str | None:
    """Mark ``month`` as sent; None if it already was (the value before, to give back)."""
    row = Setting.get_or_none(Setting.key == SENT_SETTING)
    if row is not None and row.value >= month:
        return None
    before = row.value if row is not None else ""
    if row is None:
        Setting.create(key=SENT_SETTING, value=month)
    else:
        Setting.update(value=month, version=Setting.version + 1).where(
            Setting.key == SENT_SETTING).execute()
    return before


def _give_back(before: str) -> None:
    Setting.update(value=before, version=Setting.version + 1).where(
        Setting.key == SENT_SETTING).execute()


def _owners() -> list[Owner]:
    rows = (User.select(User.full_name, User.email, User.language)
            .join(UserRole, on=(UserRole.user == User.id))
            .where((UserRole.role == Role.PROCESS_OWNER.value) & User.active
                   & (User.email != "")).order_by(User.id))
    return [Owner(u.full_name, u.email, "en" if u.language == "en" else "zh") for u in rows]


def send_monthly_report(store: Store, clock: Clock) -> list[str]:
    """Send last month's report if it is due; returns the addresses it went to."""
    config: DeliveryConfig = store.read(load_config)
    if not config.email_configured:
        return []
    today = clock.now().astimezone(store.read(desk_zone)).date()
    period = last_month(today)
    month = period.start.strftime("%Y-%m")
    owners = store.read(_owners)
    if not owners:
        return []
    before = store.write(lambda: _claim(month))
    if before is None:
        return []
    try:
        for owner in owners:
            _send(store, config, owner, period, month)
    except DeliveryError:
        store.write(lambda: _give_back(before))
        raise
    return [o.email for o in owners]


def _send(store: Store, config: DeliveryConfig, owner: Owner, period: Period,
          month: str) -> None:
    report = build_report(system_session(store), ReportFilter(period), owner.language)
    s = report.summary
    message = EmailMessage()
    message["Subject"] = text("report.mail.subject", owner.language, month=month)
    message["From"] = formataddr(("desk-app", config.smtp_sender))
    message["To"] = formataddr((owner.name, owner.email))
    message["Date"] = formatdate(localtime=False)

    def shown(value: float | None) -> str:
        return "–" if value is None else f"{value:g} %"

    message.set_content(text(
        "report.mail.body", owner.language, month=month, logged=s["logged"],
        resolved=s["resolved"], response=shown(s["response_met_pct"]),
        restore=shown(s["restore_met_pct"]), escalations=s["escalations"]))
    with tempfile.TemporaryDirectory() as folder:
        if PDF_WRITERS:
            path, kind = Path(folder) / f"report-{month}.pdf", ("application", "pdf")
            PDF_WRITERS[-1](report, path)
        else:  # a program without Qt: the same figures as a workbook
            path = Path(folder) / f"report-{month}.xlsx"
            kind = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            write_xlsx(report, path)
        message.add_attachment(path.read_bytes(), maintype=kind[0], subtype=kind[1],
                               filename=path.name)
    try:
        with _smtp(config) as client:
            if config.smtp_username:
                client.login(config.smtp_username, config.smtp_password)
            client.send_message(message)
    except Exception as error:  # smtplib's and the socket's errors: try next round
        raise DeliveryError(f"{type(error).__name__}: {error}", permanent=False) from error
