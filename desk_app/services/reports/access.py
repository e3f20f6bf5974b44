"""Who may see reports (R04): the incident manager and the process owner see the whole desk;
a department head sees the support groups of the department they head. The system itself
(the monthly report of ``desk-app watch``) sees everything."""

from __future__ import annotations

from dataclasses import replace

from desk_app.domain.enums import Role
from desk_app.services import permissions as perm
from desk_app.services.session import Session
from desk_app.storage.models import Department

from .query import ReportFilter


def headed_department(session: Session) -> int | None:
    if session.user_id is None:
        return None
    row = (Department.select(Department.id).where(Department.head == session.user_id)
           .order_by(Department.id).first())
    return row.id if row is not None else None


def may_see_reports(session: Session) -> bool:
    """Read in the caller's transaction: roles and headships as they are now."""
    if session.is_system or session.has(Role.INCIDENT_MANAGER, Role.PROCESS_OWNER):
        return True
    return session.has(Role.DEPARTMENT_HEAD) and headed_department(session) is not None


def scope_filter(session: Session, f: ReportFilter) -> ReportFilter:
    """The filter as this person may run it; refused to those who may not see reports."""
    if session.is_system or session.has(Role.INCIDENT_MANAGER, Role.PROCESS_OWNER):
        return f
    department = headed_department(session) if session.has(Role.DEPARTMENT_HEAD) else None
    perm.require(department is not None, "reports")
    return replace(f, group_department_id=department)
