"""What the Reports screen's filters offer: support groups, categories, caller departments
and assignees (a department head sees the groups of their department only)."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.services.arguments import checked
from desk_app.services.session import Session
from desk_app.storage.models import Category, Department, GroupMember, SupportGroup, User

from .access import may_see_reports, scope_filter
from .period import Period
from .query import ReportFilter


@dataclass(frozen=True)
class Choice:
    id: int
    name_en: str
    name_zh: str


@dataclass(frozen=True)
class ReportChoices:
    allowed: bool
    groups: tuple[Choice, ...] = ()
    categories: tuple[Choice, ...] = ()
    departments: tuple[Choice, ...] = ()
    assignees: tuple[Choice, ...] = ()


@checked
def report_choices(session: Session, period: Period) -> ReportChoices:
    def run() -> ReportChoices:
        if not may_see_reports(session):
            return ReportChoices(False)
        scope = scope_filter(session, ReportFilter(period)).group_department_id
        groups = SupportGroup.select().order_by(SupportGroup.name_en)
        if scope is not None:
            groups = groups.where(SupportGroup.department == scope)
        group_rows = [Choice(g.id, g.name_en, g.name_zh) for g in groups]
        group_ids = [g.id for g in group_rows]
        categories = [Choice(c.id, c.name_en, c.name_zh) for c in
                      Category.select().order_by(Category.name_en)]
        departments = [Choice(d.id, d.name_en, d.name_zh) for d in
                       Department.select().order_by(Department.name_en)]
        people = (User.select(User.id, User.full_name).distinct()
                  .join(GroupMember, on=(GroupMember.user == User.id))
                  .where(GroupMember.group.in_(group_ids)).order_by(User.full_name))
        assignees = [Choice(u.id, u.full_name, u.full_name) for u in people]
        return ReportChoices(True, tuple(group_rows), tuple(categories), tuple(departments),
                             tuple(assignees))

    return session.read(run)
