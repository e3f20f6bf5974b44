"""What the incident forms offer a person to choose from, read in one short transaction.

Forms ask here rather than reading tables themselves, so that "which categories can be
chosen", "which wait codes a person may pick" and "who can be assigned" are decided by the
core (R14, R17, R23) and the UI only lists them. Rows come back as plain data: nothing
holds a lock on the shared file while a person looks at a form.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import reduce

from peewee import Expression, Field, fn

from desk_app.domain.enums import Impact, Priority, Urgency
from desk_app.domain.validation import Problems
from desk_app.i18n import Language
from desk_app.services.admin.levels import Levels, read_levels
from desk_app.services.incident.lookups import closed_incident
from desk_app.services.incident.queries import LinkedIncident
from desk_app.services.process.matrix import load_matrix
from desk_app.services.session import Session
from desk_app.storage.models import (
    Caller,
    Category,
    CloseCode,
    Department,
    GroupMember,
    SupportGroup,
    User,
    WaitCode,
)

#: Most callers a type-ahead lookup returns; the person types more to narrow it.
CALLER_LOOKUP_LIMIT = 20


@dataclass(frozen=True)
class Choice:
    """A bilingual reference row (group, wait code, department…)."""

    id: int
    code: str
    name_en: str
    name_zh: str

    def name(self, lang: Language) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class CategoryChoice(Choice):
    """R14: the category and the support groups it dispatches to."""

    group: Choice
    tier2_group: Choice | None


@dataclass(frozen=True)
class CallerChoice:
    id: int
    name: str
    phone: str
    email: str
    department: Choice | None
    location: str
    vip: bool


@dataclass(frozen=True)
class Person:
    id: int
    username: str
    full_name: str


@dataclass(frozen=True)
class LogChoices:
    """Everything the log form needs at once: categories and the priority matrix (R13)."""

    categories: list[CategoryChoice]
    matrix: dict[tuple[Impact, Urgency], Priority]
    levels: Levels = field(default_factory=dict)  # what each impact and urgency level means


def _choice(row: SupportGroup | Department | WaitCode | CloseCode | Category) -> Choice:
    return Choice(int(row.id), str(getattr(row, "code", "") or ""), row.name_en, row.name_zh)


def _departments() -> dict[int, Choice]:
    return {d.id: Choice(int(d.id), "", d.name_en, d.name_zh) for d in Department.select()}


def _caller(row: Caller, departments: dict[int, Choice]) -> CallerChoice:
    return CallerChoice(int(row.id), row.name, row.phone, row.email,
                        departments.get(row.department_id or 0), row.location, bool(row.vip))


def caller_matches(needle: str, *extra: Field) -> Expression:
    """Callers whose name, phone or e-mail (or ``extra`` columns) contain ``needle``, case
    folded. ``instr``, not LIKE: "%" and "_" typed by a person are plain characters."""
    folded = needle.lower()
    columns = (Caller.name, Caller.phone, Caller.email, *extra)
    return reduce(operator.or_, (fn.instr(fn.lower(c), folded) > 0 for c in columns))


def find_callers(session: Session, text: str, limit: int = CALLER_LOOKUP_LIMIT
                 ) -> list[CallerChoice]:
    """Active callers whose name, phone or e-mail contains ``text``; names that start with
    it come first, so that typing a surname finds its owner at once."""
    needle = text.strip()

    def run() -> list[CallerChoice]:
        query = Caller.select().where(Caller.active)
        if needle:
            query = query.where(caller_matches(needle))
        rows = list(query.order_by(Caller.name).limit(limit * 5 if needle else limit))
        folded = needle.casefold()
        rows.sort(key=lambda c: (not c.name.casefold().startswith(folded), c.name))
        departments = _departments()
        return [_caller(c, departments) for c in rows[:limit]]

    return session.read(run)


def caller(session: Session, caller_id: int) -> CallerChoice | None:
    def run() -> CallerChoice | None:
        row = Caller.get_or_none(Caller.id == caller_id)
        return _caller(row, _departments()) if row is not None else None

    return session.read(run)


def _categories() -> list[CategoryChoice]:
    groups = {g.id: _choice(g) for g in SupportGroup.select()}
    return [
        CategoryChoice(int(c.id), c.code, c.name_en, c.name_zh, groups[c.group_id],
                       groups.get(c.tier2_group_id) if c.tier2_group_id else None)
        for c in Category.select().where(Category.active).order_by(Category.code)
    ]


def categories(session: Session) -> list[CategoryChoice]:
    """Active categories with the groups they route to (R14)."""
    return session.read(_categories)


def log_choices(session: Session) -> LogChoices:
    return session.read(lambda: LogChoices(_categories(), dict(load_matrix()), read_levels()))


def priority_matrix(session: Session) -> dict[tuple[Impact, Urgency], Priority]:
    """R13: the matrix as the process owner left it, for a live priority preview."""
    return session.read(lambda: dict(load_matrix()))


def group_members(session: Session, group_id: int) -> list[Person]:
    """Active members of a support group: the people an incident can be assigned to."""

    def run() -> list[Person]:
        return [
            Person(int(u.id), u.username, u.full_name)
            for u in User.select().join(GroupMember)
            .where((GroupMember.group == group_id) & User.active).order_by(User.full_name)
        ]

    return session.read(run)


def wait_codes(session: Session) -> list[Choice]:
    """R17: the wait codes a person may choose; system codes are written by the core (R18)."""
    return session.read(lambda: [_choice(w) for w in WaitCode.select().where(
        WaitCode.active & ~WaitCode.system).order_by(WaitCode.id)])


def close_codes(session: Session) -> list[Choice]:
    """R23: the close codes a person may choose; the system one is for automatic closure."""
    return session.read(lambda: [_choice(c) for c in CloseCode.select().where(
        CloseCode.active & ~CloseCode.system).order_by(CloseCode.id)])


def departments(session: Session) -> list[Choice]:
    return session.read(lambda: sorted(_departments().values(), key=lambda d: d.name_en))


def linkable_incident(session: Session, number: str) -> LinkedIncident:
    """The closed incident a new one may be linked to (R24), typed as ``INC0000042`` or
    ``42``; a ``ValidationError`` on ``linked_incident`` says why not (unknown, still open,
    not a number)."""
    typed = number.strip().upper()
    digits = typed.removeprefix("INC").strip()

    def run() -> LinkedIncident:
        problems = Problems()
        if not (digits.isascii() and digits.isdigit()) or not 0 < int(digits) < 10**9:
            problems.add("linked_incident", "validation.incident_number", typed=number.strip())
            problems.raise_if_any()
        found = closed_incident(problems, int(digits))
        problems.raise_if_any()
        assert found is not None
        return LinkedIncident.of(found)

    return session.read(run)
