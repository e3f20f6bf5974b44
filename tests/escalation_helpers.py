"""Making escalations happen in the ``org`` fixture's database, for delivery tests."""

from __future__ import annotations

from typing import Any

from desk_app.delivery.config import set_config_values
from desk_app.services import workflow
from desk_app.services.escalation import scan
from desk_app.storage.models import Escalation, Notification
from tests.conftest import Org


def breach(org: Org, hours: float = 6, **fields: Any) -> int:
    """Log and assign an incident (P3 by default) and let its time to accept run out (4
    office hours from Monday 09:00 is 14:30): one escalation to P2, notifying the incident
    manager by phone, desktop and e-mail. Returns its id."""
    incident = org.log(**fields)
    workflow.assign(org.as_("desk"), incident)
    org.clock.advance(hours=hours)
    changes = scan(org.store, org.clock)
    (escalation_id,) = [e for e in changes.escalations
                        if org.store.read(lambda e=e: Escalation.get_by_id(e).incident_id)
                        == incident]
    return escalation_id


def rows(org: Org, **where: Any) -> list[Notification]:
    def run() -> list[Notification]:
        query = Notification.select().order_by(Notification.id)
        for key, value in where.items():
            query = query.where(getattr(Notification, key) == value)
        return list(query)

    return org.store.read(run)


def configure_smtp(org: Org, port: int, **extra: Any) -> None:
    set_config_values(org.as_("owner"), smtp_host="127.0.0.1", smtp_port=port,
                      smtp_security=extra.pop("smtp_security", "none"),
                      smtp_sender="desk@example.test", **extra)


def configure_sms(org: Org, port: int, **extra: Any) -> None:
    set_config_values(org.as_("owner"), sms_url=f"http://127.0.0.1:{port}/send", **extra)
