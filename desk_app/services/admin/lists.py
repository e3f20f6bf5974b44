"""Reading the process owner's settings for the administration screens (R04).

Each function reads in one short transaction and returns plain rows that carry the
``version`` the matching ``save_*`` call needs for its compare-and-set, so that an edit made
on a stale row is refused rather than overwriting someone else's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desk_app.domain.enums import Role
from desk_app.domain.validation import Problems, clean_text
from desk_app.errors import DeskError, ValidationError
from desk_app.i18n import Language
from desk_app.services import permissions as perm
from desk_app.services.arguments import checked
from desk_app.services.incident.choices import caller_matches
from desk_app.services.process.settings import get_setting
from desk_app.services.session import Session
from desk_app.storage.models import (
    CalendarDay,
    CalendarHours,
    Caller,
    Category,
    CloseCode,
    Department,
    GroupMember,
    ServiceTarget,
    SupportGroup,
    User,
    UserRole,
    WaitCode,
    WorkingCalendar,
)


@dataclass(frozen=True)
class Named:
    """Rows with a name in each language."""

    name_en: str
    name_zh: str

    def name(self, lang: Language) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    email: str
    phone: str
    language: str
    calendar_id: int | None
    active: bool
    roles: tuple[Role, ...]
    version: int


@dataclass(frozen=True)
class DepartmentRow(Named):
    id: int
    head_id: int | None
    version: int


@dataclass(frozen=True)
class GroupRow(Named):
    id: int
    code: str
    tier: int
    department_id: int | None
    email: str
    active: bool
    members: tuple[int, ...]
    version: int


@dataclass(frozen=True)
class CategoryRow(Named):
    id: int
    code: str
    group_id: int
    tier2_group_id: int | None
    active: bool
    version: int


@dataclass(frozen=True)
class CodeRow(Named):
    id: int
    code: str
    system: bool
    active: bool
    version: int


@dataclass(frozen=True)
class TargetRow:
    id: int
    priority: int
    stage: str
    minutes: int
    calendar_id: int
    version: int


@dataclass(frozen=True)
class CalendarRow(Named):
    id: int
    code: str
    timezone: str
    always: bool
    makeup_weekday: int
    weekly: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    holidays: dict[str, str] = field(default_factory=dict)
    workdays: dict[str, str] = field(default_factory=dict)
    version: int = 1


@dataclass(frozen=True)
class CallerRow:
    id: int
    name: str
    phone: str
    email: str
    department_id: int | None
    location: str
    vip: bool
    active: bool
    version: int


@dataclass(frozen=True)
class CallerPage:
    """The callers a search found, at most ``limit`` of them, and how many matched."""

    rows: list[CallerRow]
    total: int


#: Most callers the list shows at once; an organisation may know thousands.
CALLER_LIST_LIMIT = 200


@checked
def callers(session: Session, search: str = "", limit: int = CALLER_LIST_LIMIT,
            keep_id: int | None = None) -> CallerPage:
    """Callers whose name, phone, e-mail or location contain ``search``, current ones first,
    then retired ones, by name. ``keep_id`` is added even if it does not match (the caller
    just saved stays on the screen)."""
    if not 1 <= limit <= 10 * CALLER_LIST_LIMIT:
        raise ValidationError.single("limit", "validation.invalid_choice")
    problems = Problems()
    needle = clean_text(problems, "search", search, required=False, max_length=200,
                        single_line=True)
    problems.raise_if_any()

    def run() -> CallerPage:
        query = Caller.select()
        if needle:
            query = query.where(caller_matches(needle, Caller.location))
        total = query.count()
        found = list(query.order_by(Caller.active.desc(), Caller.name, Caller.id).limit(limit))
        if keep_id is not None and all(c.id != keep_id for c in found):
            kept = Caller.get_or_none(Caller.id == keep_id)
            if kept is not None:
                found.insert(0, kept)
        return CallerPage([
            CallerRow(c.id, c.name, c.phone, c.email, c.department_id, c.location,
                      bool(c.vip), bool(c.active), c.version) for c in found], total)

    return session.read(run)


def staff_refusal(session: Session) -> DeskError | None:
    """Why this person may not see the staff list, or None if they may: screens leave the
    list out for everyone else rather than show it empty."""
    try:
        session.read(lambda: perm.require_role(session, "see_people", Role.PROCESS_OWNER,
                                                Role.INCIDENT_MANAGER))
    except DeskError as error:
        return error
    return None


def users(session: Session) -> list[UserRow]:
    """Everyone who signs in, with their roles: for the process owner and the incident
    manager only (a service-desk person has no business with the staff list)."""

    def run() -> list[UserRow]:
        perm.require_role(session, "see_people", Role.PROCESS_OWNER, Role.INCIDENT_MANAGER)
        roles: dict[int, list[Role]] = {}
        for row in UserRole.select():
            roles.setdefault(row.user_id, []).append(Role(row.role))
        return [
            UserRow(u.id, u.username, u.full_name, u.email, u.phone, u.language,
                    u.calendar_id, bool(u.active), tuple(sorted(roles.get(u.id, []))),
                    u.version)
            for u in User.select().order_by(User.username)
        ]

    return session.read(run)


def departments(session: Session) -> list[DepartmentRow]:
    return session.read(lambda: [
        DepartmentRow(d.name_en, d.name_zh, d.id, d.head_id, d.version)
        for d in Department.select().order_by(Department.name_en)])


def groups(session: Session) -> list[GroupRow]:
    def run() -> list[GroupRow]:
        members: dict[int, list[int]] = {}
        for row in GroupMember.select():
            members.setdefault(row.group_id, []).append(row.user_id)
        return [
            GroupRow(g.name_en, g.name_zh, g.id, g.code, g.tier, g.department_id, g.email,
                     bool(g.active), tuple(sorted(members.get(g.id, []))), g.version)
            for g in SupportGroup.select().order_by(SupportGroup.code)
        ]

    return session.read(run)


def categories(session: Session) -> list[CategoryRow]:
    return session.read(lambda: [
        CategoryRow(c.name_en, c.name_zh, c.id, c.code, c.group_id, c.tier2_group_id,
                    bool(c.active), c.version)
        for c in Category.select().order_by(Category.code)])


def wait_codes(session: Session) -> list[CodeRow]:
    return session.read(lambda: [
        CodeRow(c.name_en, c.name_zh, c.id, c.code, bool(c.system), bool(c.active), c.version)
        for c in WaitCode.select().order_by(WaitCode.id)])


def close_codes(session: Session) -> list[CodeRow]:
    return session.read(lambda: [
        CodeRow(c.name_en, c.name_zh, c.id, c.code, bool(c.system), bool(c.active), c.version)
        for c in CloseCode.select().order_by(CloseCode.id)])


def service_targets(session: Session) -> list[TargetRow]:
    """R15/R19: one row per priority and stage, in that order."""
    order = {"assign": 0, "accept": 1, "resolve": 2}
    return session.read(lambda: sorted(
        (TargetRow(t.id, t.priority, t.stage, t.minutes, t.calendar_id, t.version)
         for t in ServiceTarget.select()),
        key=lambda t: (t.priority, order.get(t.stage, 9))))


def calendars(session: Session) -> list[CalendarRow]:
    def run() -> list[CalendarRow]:
        weekly: dict[int, dict[int, list[tuple[int, int]]]] = {}
        for hours in CalendarHours.select().order_by(CalendarHours.weekday,
                                                     CalendarHours.start_minute):
            weekly.setdefault(hours.calendar_id, {}).setdefault(hours.weekday, []).append(
                (hours.start_minute, hours.end_minute))
        holidays: dict[int, dict[str, str]] = {}
        workdays: dict[int, dict[str, str]] = {}
        for day in CalendarDay.select().order_by(CalendarDay.day):
            bucket = workdays if day.working else holidays
            bucket.setdefault(day.calendar_id, {})[day.day] = day.note
        return [
            CalendarRow(c.name_en, c.name_zh, c.id, c.code, c.timezone, bool(c.always),
                        c.makeup_weekday, weekly.get(c.id, {}), holidays.get(c.id, {}),
                        workdays.get(c.id, {}), c.version)
            for c in WorkingCalendar.select().order_by(WorkingCalendar.id)
        ]

    return session.read(run)


def auto_close_days(session: Session) -> int:
    """R23: days a resolved incident waits for confirmation before the system closes it."""
    return session.read(lambda: int(get_setting("auto_close_days")))
