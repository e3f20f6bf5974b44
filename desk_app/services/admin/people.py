"""People and organisation (R03, R04): users and roles, departments, support groups and their
members, and callers (with the VIP flag of R12)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desk_app.domain.enums import Role
from desk_app.domain.validation import NAME_MAX, Problems, clean_text
from desk_app.errors import DeskError
from desk_app.services import permissions as perm
from desk_app.services.admin.common import (
    bilingual_names,
    check_unique,
    coded_names,
    require_owner,
    save_row,
)
from desk_app.services.arguments import checked
from desk_app.services.security.passwords import hash_password
from desk_app.services.session import Changes, Session
from desk_app.storage.models import (
    Caller,
    Department,
    GroupMember,
    SupportGroup,
    User,
    UserRole,
    WorkingCalendar,
)

PASSWORD_MIN = 8


@dataclass
class UserForm:
    username: str
    full_name: str
    roles: Iterable[Role | str]
    email: str = ""
    phone: str = ""
    language: str = ""
    calendar_id: int | None = None
    active: bool = True
    password: str | None = None  # required for a new user; None keeps the current one


def _roles(problems: Problems, roles: Iterable[Role | str]) -> set[Role]:
    try:
        return {Role(r) for r in roles}
    except ValueError:
        problems.add("roles", "validation.invalid_choice")
        return set()


@checked
def save_user(session: Session, form: UserForm, row_id: int | None = None,
              version: int | None = None) -> Changes:
    def run() -> Changes:
        require_owner(session)
        problems = Problems()
        username = clean_text(problems, "username", form.username, required=True,
                              max_length=60, single_line=True)
        full_name = clean_text(problems, "full_name", form.full_name, required=True,
                               max_length=NAME_MAX, single_line=True)
        email = clean_text(problems, "email", form.email, required=False, max_length=200,
                           single_line=True)
        phone = clean_text(problems, "phone", form.phone, required=False, max_length=40,
                           single_line=True)
        roles = _roles(problems, form.roles)
        if form.language not in ("", "en", "zh"):
            problems.add("language", "validation.invalid_choice")
        if form.calendar_id is not None and WorkingCalendar.get_or_none(
                WorkingCalendar.id == form.calendar_id) is None:
            problems.add("calendar", "validation.invalid_choice")
        check_unique(problems, User, "username", username, row_id,
                     "validation.duplicate_username")
        new_password = form.password is not None or row_id is None
        if new_password and len(form.password or "") < PASSWORD_MIN:
            problems.add("password", "validation.password_short", min=PASSWORD_MIN)
        problems.raise_if_any()
        values: dict[str, object] = {
            "username": username, "full_name": full_name, "email": email, "phone": phone,
            "language": form.language, "calendar": form.calendar_id, "active": form.active}
        if form.password is not None:
            values["password_hash"] = hash_password(form.password)
        if row_id is None:
            values["created_at"] = session.clock.now()
        user = save_row(User, row_id, version, values)
        if row_id is not None:
            UserRole.delete().where(UserRole.user == user.id).execute()
        for role in sorted(roles):
            UserRole.create(user=user.id, role=role.value)
        _keep_a_process_owner(problems)
        return Changes(reference=True, created=user.id if row_id is None else None)

    return session.write(run)


def _keep_a_process_owner(problems: Problems) -> None:
    owners = (User.select().join(UserRole)
              .where((UserRole.role == Role.PROCESS_OWNER.value) & User.active).count())
    if owners == 0:
        problems.add("roles", "validation.last_process_owner")
        problems.raise_if_any()


@checked
def create_first_owner(session: Session, form: UserForm) -> int:
    """The first administrator of a new database, before anyone can sign in."""

    def run() -> int:
        problems = Problems()
        username = clean_text(problems, "username", form.username, required=True,
                              max_length=60, single_line=True)
        full_name = clean_text(problems, "full_name", form.full_name, required=True,
                               max_length=NAME_MAX, single_line=True)
        if len(form.password or "") < PASSWORD_MIN:
            problems.add("password", "validation.password_short", min=PASSWORD_MIN)
        if User.select().exists():
            problems.add("username", "validation.duplicate_username")
        problems.raise_if_any()
        user = User.create(username=username, full_name=full_name, email=form.email,
                           phone=form.phone, language=form.language,
                           password_hash=hash_password(form.password or ""),
                           created_at=session.clock.now())
        for role in {Role.PROCESS_OWNER, *(Role(r) for r in form.roles)}:
            UserRole.create(user=user.id, role=role.value)
        return int(user.id)

    return session.write(run)


@dataclass
class GroupForm:
    code: str
    name_en: str
    name_zh: str
    tier: int = 1
    department_id: int | None = None
    email: str = ""
    active: bool = True
    members: list[int] = field(default_factory=list)


@checked
def save_group(session: Session, form: GroupForm, row_id: int | None = None,
               version: int | None = None) -> Changes:
    def run() -> Changes:
        require_owner(session)
        problems = Problems()
        values: dict[str, object] = coded_names(problems, form.code, form.name_en,
                                                form.name_zh)
        values["email"] = clean_text(problems, "email", form.email, required=False,
                                     max_length=200, single_line=True)
        if form.tier not in (1, 2):
            problems.add("tier", "validation.invalid_choice")
        check_unique(problems, SupportGroup, "code", values["code"], row_id)
        known = {u.id for u in User.select(User.id).where(User.id.in_(form.members))}
        if set(form.members) - known:
            problems.add("members", "validation.invalid_choice")
        problems.raise_if_any()
        values.update(tier=form.tier, department=form.department_id, active=form.active)
        group = save_row(SupportGroup, row_id, version, values)
        if row_id is not None:
            GroupMember.delete().where(GroupMember.group == group.id).execute()
        for user_id in sorted(set(form.members)):
            GroupMember.create(group=group.id, user=user_id)
        return Changes(reference=True, created=group.id if row_id is None else None)

    return session.write(run)


@checked
def save_department(session: Session, name_en: str, name_zh: str, head_id: int | None,
                    row_id: int | None = None, version: int | None = None) -> Changes:
    def run() -> Changes:
        require_owner(session)
        problems = Problems()
        values: dict[str, object] = {**bilingual_names(problems, name_en, name_zh),
                                     "head": head_id}
        if head_id is not None and User.get_or_none(User.id == head_id) is None:
            problems.add("head", "validation.invalid_choice")
        problems.raise_if_any()
        row = save_row(Department, row_id, version, values)
        return Changes(reference=True, created=row.id if row_id is None else None)

    return session.write(run)


@dataclass
class CallerForm:
    name: str
    phone: str = ""
    email: str = ""
    department_id: int | None = None
    location: str = ""
    vip: bool = False
    active: bool = True


def require_caller_manager(session: Session) -> None:
    """The service desk records callers while logging (R02); the incident manager and the
    process owner keep the list too."""
    perm.require_role(session, "manage_callers", Role.SERVICE_DESK, Role.INCIDENT_MANAGER,
                      Role.PROCESS_OWNER)


def caller_refusal(session: Session) -> DeskError | None:
    """Why this person may not add, change or retire callers, or None if they may: the
    callers screen is read-only for everyone else, with this reason."""
    try:
        require_caller_manager(session)
    except DeskError as error:
        return error
    return None


@checked
def save_caller(session: Session, form: CallerForm, row_id: int | None = None,
                version: int | None = None) -> Changes:
    """Record or correct a caller; VIP decides the default urgency (R12). A caller who has
    left is retired (``active=False``), never deleted: their incidents keep them, and the
    lookup while logging no longer offers them."""

    def run() -> Changes:
        require_caller_manager(session)
        problems = Problems()
        values = {
            "name": clean_text(problems, "name", form.name, required=True,
                               max_length=NAME_MAX, single_line=True),
            "phone": clean_text(problems, "phone", form.phone, required=False, max_length=40,
                                single_line=True),
            "email": clean_text(problems, "email", form.email, required=False,
                                max_length=200, single_line=True),
            "location": clean_text(problems, "location", form.location, required=False,
                                   max_length=NAME_MAX, single_line=True),
            "department": form.department_id, "vip": bool(form.vip), "active": form.active,
        }
        if form.department_id is not None and Department.get_or_none(
                Department.id == form.department_id) is None:
            problems.add("department", "validation.invalid_choice")
        problems.raise_if_any()
        row = save_row(Caller, row_id, version, values)
        return Changes(reference=True, created=row.id if row_id is None else None)

    return session.write(run)
