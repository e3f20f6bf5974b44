"""Fetching the reference rows a service needs, with the refusal a person understands."""

from __future__ import annotations

from desk_app.domain.enums import Stage
from desk_app.domain.validation import Problems
from desk_app.storage.bulk import get_row
from desk_app.storage.models import Caller, Category, GroupMember, Incident, SupportGroup, User


def active_category(problems: Problems, category_id: int | None,
                    field: str = "category") -> Category | None:
    """R14: a category is required and decides the group."""
    if category_id is None:
        problems.add(field, "validation.required")
        return None
    category = get_row(Category, category_id)
    if category is None or not category.active:
        problems.add(field, "validation.invalid_choice")
        return None
    return category


def active_caller(problems: Problems, caller_id: int | None) -> Caller | None:
    if caller_id is None:
        problems.add("caller", "validation.required")
        return None
    caller = get_row(Caller, caller_id)
    if caller is None or not caller.active:
        problems.add("caller", "validation.invalid_choice")
        return None
    return caller


def group_member(problems: Problems, group_id: int, user_id: int | None,
                 field: str = "assignee") -> int | None:
    """The user, if they are an active member of the group; otherwise a problem."""
    if user_id is None:
        return None
    member = (
        User.select(User.id).join(GroupMember)
        .where((GroupMember.group == group_id) & (User.id == user_id) & User.active)
        .first()
    )
    if member is None:
        problems.add(field, "validation.not_group_member")
        return None
    return int(member.id)


def active_group(problems: Problems, group_id: int | None, field: str = "group") -> int | None:
    group = get_row(SupportGroup, group_id) if group_id else None
    if group is None or not group.active:
        problems.add(field, "validation.group_inactive")
        return None
    return int(group.id)


def closed_incident(problems: Problems, incident_id: int | None,
                    field: str = "linked_incident") -> Incident | None:
    """R24: a new incident may be linked to a closed one, which is never reopened. An open
    incident is worked on where it is, so a link to it is refused."""
    if incident_id is None:
        return None
    incident = get_row(Incident, incident_id)
    if incident is None:
        problems.add(field, "validation.incident_unknown", number=f"INC{incident_id:07d}")
        return None
    if incident.stage != Stage.CLOSED.value:
        problems.add(field, "validation.link_not_closed", number=incident.number)
        return None
    return incident
