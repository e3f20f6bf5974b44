"""R04 (and R17, R20): who may do what. Enforced here; the UI only hides what this refuses."""

from __future__ import annotations

from desk_app.domain.enums import Role
from desk_app.errors import PermissionDenied
from desk_app.i18n import Term
from desk_app.services.session import Session
from desk_app.storage.models import GroupMember, Incident

SUPPORT = (Role.TIER1, Role.TIER2)


def is_member(session: Session, group_id: int) -> bool:
    if session.user_id is None:
        return False
    return (
        GroupMember.select()
        .where((GroupMember.group == group_id) & (GroupMember.user == session.user_id))
        .exists()
    )


def is_support_staff(session: Session, incident: Incident) -> bool:
    """A Level-1 or Level-2 person in the incident's current support group."""
    return session.has(*SUPPORT) and is_member(session, incident.group_id)


def is_recorder(session: Session, incident: Incident) -> bool:
    return session.user_id is not None and session.user_id == incident.created_by_id


def deny(action: str) -> PermissionDenied:
    return PermissionDenied("permission.denied", action=Term(f"action.{action}"))


def require(allowed: bool, action: str) -> None:
    if not allowed:
        raise deny(action)


def require_role(session: Session, action: str, *roles: Role) -> None:
    require(session.has(*roles), action)
