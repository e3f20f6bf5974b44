"""R04 (and R17, R20): who may do what. Enforced here; the UI only hides what this refuses."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from desk_app.domain.enums import Role
from desk_app.errors import PermissionDenied
from desk_app.i18n import AllOf, Name, OneOf, Phrase, Term
from desk_app.services.session import Session
from desk_app.storage.models import GroupMember, Incident, SupportGroup, User

SUPPORT = (Role.TIER1, Role.TIER2)


#: the person's support groups, read once for the checks of many incidents in one read
_GROUPS: ContextVar[tuple[int, frozenset[int]] | None] = ContextVar("groups", default=None)


@contextmanager
def groups_read_once(session: Session) -> Iterator[None]:
    """Inside one read transaction: the person's support groups are read once for every
    check made meanwhile (a selection of 500 incidents' menu asked them 4,000 times)."""
    if session.user_id is None:
        yield
        return
    groups = frozenset(int(m.group_id) for m in GroupMember.select(GroupMember.group).where(
        GroupMember.user == session.user_id))
    token = _GROUPS.set((session.user_id, groups))
    try:
        yield
    finally:
        _GROUPS.reset(token)


def is_member(session: Session, group_id: int) -> bool:
    if session.user_id is None:
        return False
    known = _GROUPS.get()
    if known is not None and known[0] == session.user_id:
        return group_id in known[1]
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
    if not session.has(*roles):
        raise who_may(session, None, action, roles)


def _yours(session: Session) -> Phrase:
    if not session.roles:
        return Phrase("permission.no_roles")
    return Phrase("permission.you_have", roles=AllOf(r for r in Role if r in session.roles))


def who_may(session: Session, incident: Incident | None, action: str,
            roles: tuple[Role, ...] = (), *, group: bool = False,
            recorder: bool = False) -> PermissionDenied:
    """The refusal that names who can act and what this person is missing ("Why not?"):
    the roles, the members of the incident's support group, or the person who logged it."""
    who: list[object] = list(roles)
    missing: Phrase = _yours(session)
    if incident is not None and group:
        row = SupportGroup.get_or_none(SupportGroup.id == incident.group_id)
        name = Name((row.name_en, row.name_zh)) if row is not None else Name(("?", "?"))
        who.append(Phrase("permission.group_members", group=name))
        if session.has(*SUPPORT) and not is_member(session, incident.group_id):
            missing = Phrase("permission.not_member", group=name)
    if incident is not None and recorder:
        creator = User.get_or_none(User.id == incident.created_by_id)
        person = creator.full_name if creator is not None else "?"
        who.append(Phrase("permission.recorder", person=person))
        if not roles and not group:
            missing = Phrase("permission.not_recorder", person=person)
    return PermissionDenied("permission.who", action=Term(f"action.{action}"),
                            who=OneOf(who), missing=missing)
