"""Working calendars (R15): 24×7, or weekly hours in a time zone with holidays and make-up
working days. A target counts its time on its calendar."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desk_app.domain.calendar import CalendarSpec
from desk_app.domain.validation import NAME_MAX, Problems, clean_text
from desk_app.services.admin.common import check_unique, coded_names, require_owner, save_row
from desk_app.services.arguments import checked
from desk_app.services.session import Changes, Session
from desk_app.storage.models import CalendarDay, CalendarHours, WorkingCalendar

#: The longest time-zone name looked up (IANA names are far shorter; a longer one would be
#: looked up as a file name and fail with an operating-system error).
TIMEZONE_MAX = 64


@dataclass
class CalendarForm:
    code: str
    name_en: str
    name_zh: str
    timezone: str = "Asia/Shanghai"
    always: bool = False
    weekly: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    holidays: dict[str, str] = field(default_factory=dict)  # ISO date -> note
    workdays: dict[str, str] = field(default_factory=dict)  # make-up working days
    makeup_weekday: int = 0


def _check_hours(problems: Problems, weekly: dict[int, list[tuple[int, int]]]) -> None:
    for weekday, intervals in weekly.items():
        if weekday not in range(7):
            problems.add("weekly", "validation.hours")
            return
        ordered = sorted(intervals)
        for start, end in ordered:
            if not (0 <= start < end <= 1440):
                problems.add("weekly", "validation.hours")
                return
        if any(a[1] > b[0] for a, b in pairwise(ordered)):
            problems.add("weekly", "validation.hours")
            return


def _check_days(problems: Problems, name: str, days: dict[str, str]) -> set[date]:
    result = set()
    for value, note in days.items():
        try:
            result.add(date.fromisoformat(value))
        except ValueError:
            problems.add(name, "validation.date")
        clean_text(problems, name, note, required=False, max_length=NAME_MAX,
                   single_line=True)
    return result


@checked
def save_calendar(session: Session, form: CalendarForm, row_id: int | None = None,
                  version: int | None = None) -> Changes:
    def run() -> Changes:
        require_owner(session)
        problems = Problems()
        values: dict[str, object] = coded_names(problems, form.code, form.name_en,
                                                form.name_zh)
        try:
            if len(form.timezone) > TIMEZONE_MAX:
                raise ValueError(form.timezone)
            ZoneInfo(form.timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            problems.add("timezone", "validation.timezone")
        _check_hours(problems, form.weekly)
        holidays = _check_days(problems, "holidays", form.holidays)
        workdays = _check_days(problems, "workdays", form.workdays)
        if form.makeup_weekday not in range(7):
            problems.add("makeup_weekday", "validation.invalid_choice")
        spec = CalendarSpec(always=form.always, weekly={d: tuple(v) for d, v in
                                                        form.weekly.items()},
                            holidays=frozenset(holidays), workdays=frozenset(workdays))
        if not spec.has_working_time():
            problems.add("weekly", "validation.no_working_time")
        check_unique(problems, WorkingCalendar, "code", values["code"], row_id)
        problems.raise_if_any()
        values.update(timezone=form.timezone, always=form.always,
                      makeup_weekday=form.makeup_weekday)
        calendar = save_row(WorkingCalendar, row_id, version, values)
        if row_id is not None:
            CalendarHours.delete().where(CalendarHours.calendar == calendar.id).execute()
            CalendarDay.delete().where(CalendarDay.calendar == calendar.id).execute()
        for weekday, intervals in form.weekly.items():
            for start, end in intervals:
                CalendarHours.create(calendar=calendar.id, weekday=weekday, start_minute=start,
                                     end_minute=end)
        for day, note in form.holidays.items():
            CalendarDay.create(calendar=calendar.id, day=day, working=False, note=note)
        for day, note in form.workdays.items():
            CalendarDay.create(calendar=calendar.id, day=day, working=True, note=note)
        return Changes(reference=True, created=calendar.id if row_id is None else None)

    return session.write(run)
