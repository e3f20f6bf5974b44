"""Making escalations happen in the ``org`` fixture's database, for delivery tests."""

from __future__ import annotations

from typing import Any

from desk_app.delivery.config import set_config_values
from desk_app.domain.enums import Impact
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident import pending, workflow
from desk_app.storage.models import Escalation, Notification, WaitCode
from tests.conftest import Org


def breach(org: Org, hours: float | None = None, **fields: Any) -> int:
    """Log and assign an incident (minor impact: P4, by default) and let its time to accept
    run out: one escalation (to P3, whose targets count in office hours too, so no second
    target has run out meanwhile), notifying the incident manager by phone, desktop and
    e-mail. Returns its id. Without ``hours`` the clock moves in half hours until the target
    runs out (from Monday 09:00 Shanghai, 18:00); with it, by that much at once."""
    fields.setdefault("impact", Impact.MINOR)
    incident = org.log(**fields)
    workflow.assign(org.as_("desk"), incident)

    def mine(escalations: frozenset[int]) -> list[int]:
        return [e for e in escalations
                if org.store.read(lambda e=e: Escalation.get_by_id(e).incident_id) == incident]

    if hours is not None:
        org.clock.advance(hours=hours)
        (escalation_id,) = mine(scan(org.store, org.clock).escalations)
        return escalation_id
    for _ in range(200):
        org.clock.advance(minutes=30)
        found = mine(scan(org.store, org.clock).escalations)
        if found:
            (escalation_id,) = found
            return escalation_id
    raise AssertionError("the incident never escalated")


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


def quiet(org: Org, escalation_id: int) -> None:
    """Set the escalated incident pending (R16), so that its other targets stop running and a
    test that moves the clock on gets no further escalations from it."""
    def ids() -> tuple[int, int]:
        escalation = Escalation.get_by_id(escalation_id)
        return escalation.incident_id, WaitCode.get(WaitCode.code == "awaiting_vendor").id

    incident, wait_code = org.store.read(ids)
    pending.set_pending(org.as_("desk"), incident, wait_code_id=wait_code, note="等待厂商")
