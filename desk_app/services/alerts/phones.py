"""People who may have to be phoned (R09) but have no phone number: flagged where people and
the duty roster are edited, so that someone adds the number before a call task needs it.
Their call tasks fall back to the next channel meanwhile (``services.alerts.escalation``)."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.domain.enums import NotificationChannel, RecipientKind
from desk_app.services.process.reference import reference
from desk_app.services.session import Session
from desk_app.storage.models import User

PHONE = NotificationChannel.PHONE.value


@dataclass(frozen=True)
class PhoneGap:
    user_id: int
    full_name: str
    #: why a call may be due to them: "incident_manager", "department_head" or "rule"
    why: str


def people_without_phone(session: Session) -> list[PhoneGap]:
    """Active people without a phone number whom an escalation may have phoned (incident
    managers when the phone is one of their channels, department heads and people named by a
    rule that phones), by name."""

    def run() -> list[PhoneGap]:
        ref = reference(session.store)
        why: dict[int, str] = {}
        if PHONE in ref.manager_channels:
            why.update({m: "incident_manager" for m in ref.managers})
        for rule in ref.rules:
            if PHONE not in rule.channels:
                continue
            if rule.recipient == RecipientKind.USER and rule.user_id:
                why.setdefault(rule.user_id, "rule")
            elif rule.recipient != RecipientKind.USER:
                why.update({h: "department_head" for h in ref.department_heads.values()
                            if h is not None and h not in why})
        if not why:
            return []
        rows = (User.select(User.id, User.full_name)
                .where(User.id.in_(list(why)) & User.active & (User.phone == ""))
                .order_by(User.full_name))
        return [PhoneGap(u.id, u.full_name, why[u.id]) for u in rows]

    return session.read(run)


def has_phone_gap(session: Session, user_id: int) -> bool:
    """Whether ``user_id`` is one of ``people_without_phone`` (for one person's editor)."""
    return any(g.user_id == user_id for g in people_without_phone(session))
