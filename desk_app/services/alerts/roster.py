"""The duty roster (R03): shifts, and who staffs the service desk in each, drawn from Level-1
staff. The incident manager arranges it. The roster decides who "the service desk" is at a
given moment, and so who gets the call tasks of R09.

Interpretation: when nobody is rostered at a moment, every active service-desk person is the
desk, so that a call task always has someone to see it (R09: nothing is silently dropped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desk_app.domain.enums import Role
from desk_app.domain.validation import NAME_MAX, Problems, clean_text
from desk_app.errors import ValidationError
from desk_app.services import permissions as perm
from desk_app.services.admin.common import cas_update, get_row
from desk_app.services.arguments import checked
from desk_app.services.session import Changes, Session
from desk_app.storage.models import DutyAssignment, DutyShift, User, UserRole

#: The longest shift the roster accepts.
SHIFT_MAX_HOURS = 24


@dataclass
class ShiftForm:
    starts_at: datetime
    ends_at: datetime
    staff: list[int] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class ShiftView:
    id: int
    version: int
    starts_at: datetime
    ends_at: datetime
    note: str
    staff: tuple[tuple[int, str], ...]  # (user id, full name)


@dataclass(frozen=True)
class StaffMember:
    id: int
    username: str
    full_name: str


def require_roster_editor(session: Session) -> None:
    perm.require_role(session, "edit_roster", Role.INCIDENT_MANAGER)


def _tier1_ids() -> set[int]:
    return {u.id for u in User.select(User.id).join(UserRole).where(
        (UserRole.role == Role.TIER1.value) & User.active)}


def eligible_staff(session: Session) -> list[StaffMember]:
    """R03: the people a shift may be staffed with (active Level-1 staff)."""

    def run() -> list[StaffMember]:
        ids = _tier1_ids()
        return [StaffMember(u.id, u.username, u.full_name)
                for u in User.select().where(User.id.in_(ids)).order_by(User.username)]

    return session.read(run)


def _plus(moment: datetime, span: timedelta) -> datetime:
    """``moment + span``, or the last representable moment: a hostile ``datetime.max``
    must be refused as a bad shift, not overflow."""
    try:
        return moment + span
    except OverflowError:
        return datetime.max.replace(tzinfo=moment.tzinfo)


#: How far a copy of shifts may move them (a year either way).
COPY_MAX = timedelta(days=366)


def _overlapping(form: ShiftForm, row_id: int | None) -> dict[int, str]:
    """People of ``form`` already on another shift that overlaps it: one desk person cannot
    staff two shifts at once."""
    query = (DutyAssignment.select(User.id, User.full_name)
             .join(DutyShift).switch(DutyAssignment).join(User)
             .where((DutyShift.starts_at < form.ends_at) & (DutyShift.ends_at > form.starts_at)
                    & DutyAssignment.user.in_(form.staff)))
    if row_id is not None:
        query = query.where(DutyShift.id != row_id)
    return {a.user.id: a.user.full_name for a in query}


@checked
def save_shift(session: Session, form: ShiftForm, row_id: int | None = None,
               version: int | None = None) -> Changes:
    def run() -> Changes:
        require_roster_editor(session)
        problems = Problems()
        note = clean_text(problems, "note", form.note, required=False, max_length=NAME_MAX,
                          single_line=True)
        if form.starts_at.tzinfo is None or form.ends_at.tzinfo is None:  # not a moment
            raise ValidationError.single("starts_at", "validation.invalid_choice")
        if not (form.starts_at < form.ends_at
                <= _plus(form.starts_at, timedelta(hours=SHIFT_MAX_HOURS))):
            problems.add("ends_at", "validation.shift_order", hours=SHIFT_MAX_HOURS)
        if not form.staff:
            problems.add("staff", "validation.required")
        elif set(form.staff) - _tier1_ids():
            problems.add("staff", "validation.not_tier1")
        else:
            clash = _overlapping(form, row_id)
            if clash:
                problems.add("staff", "validation.shift_overlap",
                             people=", ".join(sorted(clash.values())))
        problems.raise_if_any()
        values = {"starts_at": form.starts_at, "ends_at": form.ends_at, "note": note}
        if row_id is None:
            shift = DutyShift.create(**values)
        else:
            shift = get_row(DutyShift, row_id, version)
            cas_update(DutyShift, shift, values)
            DutyAssignment.delete().where(DutyAssignment.shift == shift.id).execute()
        for user_id in sorted(set(form.staff)):
            DutyAssignment.create(shift=shift.id, user=user_id)
        return Changes(reference=True, created=shift.id if row_id is None else None)

    return session.write(run)


@checked
def delete_shift(session: Session, row_id: int, version: int | None = None) -> Changes:
    def run() -> Changes:
        require_roster_editor(session)
        shift = get_row(DutyShift, row_id, version)
        DutyShift.delete().where(DutyShift.id == shift.id).execute()
        return Changes(reference=True)

    return session.write(run)


@checked
def copy_shifts(session: Session, start: datetime, end: datetime, shift_by: timedelta
                ) -> Changes:
    """Repeat the shifts that start in [start, end) ``shift_by`` later (e.g. next week),
    skipping any copy that would clash with a shift already there."""

    def run() -> Changes:
        require_roster_editor(session)
        if shift_by.total_seconds() == 0 or abs(shift_by) > COPY_MAX:
            raise ValidationError.single("shift_by", "validation.invalid_choice")
        copied = 0
        for shift in _shifts(start, end):
            try:
                form = ShiftForm(shift.starts_at + shift_by, shift.ends_at + shift_by,
                                 [uid for uid, _ in shift.staff], shift.note)
            except OverflowError:  # a shift near the end of time has nowhere to go
                continue
            if set(form.staff) - _tier1_ids() or _overlapping(form, None):
                continue
            created = DutyShift.create(starts_at=form.starts_at, ends_at=form.ends_at,
                                       note=form.note)
            for user_id in form.staff:
                DutyAssignment.create(shift=created.id, user=user_id)
            copied += 1
        return Changes(reference=copied > 0)

    return session.write(run)


def _shifts(start: datetime, end: datetime) -> list[ShiftView]:
    rows = list(DutyShift.select().where((DutyShift.starts_at < end)
                                         & (DutyShift.ends_at > start))
                .order_by(DutyShift.starts_at, DutyShift.id))
    staff: dict[int, list[tuple[int, str]]] = {}
    for a in (DutyAssignment.select(DutyAssignment.shift, User.id, User.full_name)
              .join(User).where(DutyAssignment.shift.in_([r.id for r in rows]))
              .order_by(User.full_name)):
        staff.setdefault(a.shift_id, []).append((a.user.id, a.user.full_name))
    return [ShiftView(r.id, r.version, r.starts_at, r.ends_at, r.note,
                      tuple(staff.get(r.id, ()))) for r in rows]


@checked
def shifts_between(session: Session, start: datetime, end: datetime) -> list[ShiftView]:
    """Shifts overlapping [start, end), for the roster screen."""
    return session.read(lambda: _shifts(start, end))


def rostered_at(at: datetime) -> set[int]:
    """People rostered on the service desk at ``at`` (call inside a transaction)."""
    return {a.user.id for a in DutyAssignment.select(User.id).join(DutyShift)
            .switch(DutyAssignment).join(User)
            .where((DutyShift.starts_at <= at) & (DutyShift.ends_at > at) & User.active)}


def desk_at(at: datetime) -> set[int]:
    """Who is "the service desk" at ``at``: the rostered people, or every active service-desk
    person when nobody is rostered."""
    rostered = rostered_at(at)
    if rostered:
        return rostered
    return {u.id for u in User.select(User.id).join(UserRole).where(
        (UserRole.role == Role.SERVICE_DESK.value) & User.active)}


def on_desk_now(session: Session) -> bool:
    """Whether the signed-in person is the service desk right now (R03)."""
    if session.user_id is None:
        return False
    return session.read(lambda: session.user_id in desk_at(session.clock.now()))
