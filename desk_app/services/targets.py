"""Target clocks (R15, R16, R19): which run, how much working time they have used, and the
incident's next deadline.

After any change to an incident, ``sync_clocks`` brings its clocks in line with its stage,
pending state and priority, so that no service has to remember the clock rules itself:

* every clock starts at logging; *assign* stops when the incident first leaves Logged,
  *accept* (the response target) when it is first accepted, *resolve* (the restore target) at
  resolution, and runs again if the caller rejects the resolution;
* no clock runs while the incident is pending (R16);
* a priority change re-matches each clock that has not stopped: the old row is kept as
  ``superseded`` and a new one counts the same runs on its own target and calendar (R19).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desk_app.domain.calendar import CalendarSpec, add_working_seconds, working_seconds
from desk_app.domain.enums import ClockState, JournalAction, Stage, TargetStage
from desk_app.services.editing import IncidentEdit, write_journal
from desk_app.storage.models import (
    CalendarDay,
    CalendarHours,
    ClockRun,
    Incident,
    ServiceTarget,
    TargetClock,
    WorkingCalendar,
)


@dataclass(frozen=True)
class Target:
    minutes: int
    calendar_id: int


def load_calendars() -> dict[int, CalendarSpec]:
    weekly: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for row in CalendarHours.select().order_by(CalendarHours.start_minute):
        weekly.setdefault(row.calendar_id, {}).setdefault(row.weekday, []).append(
            (row.start_minute, row.end_minute))
    holidays: dict[int, set[date]] = {}
    workdays: dict[int, set[date]] = {}
    for day in CalendarDay.select():
        bucket = workdays if day.working else holidays
        bucket.setdefault(day.calendar_id, set()).add(date.fromisoformat(day.day))
    return {
        cal.id: CalendarSpec(
            always=cal.always,
            timezone=cal.timezone,
            weekly={d: tuple(v) for d, v in weekly.get(cal.id, {}).items()},
            holidays=frozenset(holidays.get(cal.id, ())),
            workdays=frozenset(workdays.get(cal.id, ())),
            makeup_weekday=cal.makeup_weekday,
        )
        for cal in WorkingCalendar.select()
    }


def load_targets() -> dict[tuple[int, TargetStage], Target]:
    return {
        (t.priority, TargetStage(t.stage)): Target(t.minutes, t.calendar_id)
        for t in ServiceTarget.select()
    }


def reached(incident: Incident, stage: TargetStage) -> bool:
    """Whether the incident has got past the point this stage's clock measures."""
    current = Stage(incident.stage)
    if stage == TargetStage.ASSIGN:
        return incident.assigned_at is not None or current != Stage.LOGGED
    if stage == TargetStage.ACCEPT:
        return incident.accepted_at is not None or current in (
            Stage.IN_PROGRESS, Stage.RESOLVED, Stage.CLOSED)
    return current in (Stage.RESOLVED, Stage.CLOSED)


def runs_now(incident: Incident, stage: TargetStage) -> bool:
    return incident.wait_code_id is None and not reached(incident, stage)


class ClockSync:
    """One sync of one incident's clocks, with the reference data loaded once."""

    def __init__(self, calendars: dict[int, CalendarSpec] | None = None,
                 targets: dict[tuple[int, TargetStage], Target] | None = None) -> None:
        self.calendars = calendars if calendars is not None else load_calendars()
        self.targets = targets if targets is not None else load_targets()

    def __call__(self, edit: IncidentEdit, now: datetime) -> None:
        incident = edit.incident
        clocks = {
            TargetStage(c.stage): c
            for c in TargetClock.select().where(
                (TargetClock.incident == incident.id)
                & (TargetClock.state != ClockState.SUPERSEDED.value))
        }
        runs: dict[TargetStage, list[ClockRun]] = {stage: [] for stage in TargetStage}
        for run in ClockRun.select().where(ClockRun.incident == incident.id).order_by(ClockRun.id):
            runs[TargetStage(run.stage)].append(run)

        rematched: dict[str, tuple[object, object]] = {}
        deadlines: list[datetime] = []
        for stage in TargetStage:
            clock = self._sync_stage(incident, stage, clocks.get(stage), runs[stage], now,
                                     rematched)
            if clock.state == ClockState.RUNNING.value and clock.breached_at is None:
                deadlines.append(clock.due_at)
        if rematched:
            write_journal(edit.session, incident.id, JournalAction.TARGETS, rematched,
                          note=f"P{incident.priority}", at=now)
        edit.set("next_deadline", min(deadlines) if deadlines else None, journal=False)

    def _sync_stage(self, incident: Incident, stage: TargetStage, clock: TargetClock | None,
                    runs: list[ClockRun], now: datetime,
                    rematched: dict[str, tuple[object, object]]) -> TargetClock:
        open_run = runs[-1] if runs and runs[-1].ended_at is None else None
        running = runs_now(incident, stage)
        closed_now: ClockRun | None = None
        if running and open_run is None:
            open_run = ClockRun.create(incident=incident.id, stage=stage.value, started_at=now)
            runs.append(open_run)
        elif not running and open_run is not None:
            open_run.ended_at = now
            open_run.save()
            closed_now, open_run = open_run, None

        finished = reached(incident, stage)
        target = self.targets[(incident.priority, stage)]
        fresh = clock is None or (clock.priority != incident.priority and not finished)
        if fresh:
            if clock is not None:
                if clock.running_since is not None:
                    clock.elapsed_seconds = used_seconds(
                        clock, self.calendars[clock.calendar_id], now)
                clock.state = ClockState.SUPERSEDED.value
                clock.running_since = None
                clock.stopped_at = now
                clock.save()
                rematched[stage.value] = (clock.target_minutes, target.minutes)
            previous = clock
            clock = TargetClock(
                incident=incident.id, stage=stage.value, priority=incident.priority,
                target_minutes=target.minutes, calendar=target.calendar_id,
                started_at=runs[0].started_at if runs else now,
                state=ClockState.RUNNING.value,
            )
            # a stage that has breached stays breached: the same breach never escalates twice
            clock.breached_at = previous.breached_at if previous is not None else None
        assert clock is not None
        spec = self.calendars[clock.calendar_id]
        if fresh:
            clock.elapsed_seconds = sum(
                working_seconds(spec, r.started_at, r.ended_at) for r in runs if r.ended_at)
        elif closed_now is not None:
            clock.elapsed_seconds += working_seconds(spec, closed_now.started_at, now)

        if finished:
            state = ClockState.STOPPED
        elif running:
            state = ClockState.RUNNING
        else:
            state = ClockState.PAUSED
        if state == ClockState.STOPPED and clock.state != ClockState.STOPPED.value:
            clock.stopped_at = now
        elif state != ClockState.STOPPED:
            clock.stopped_at = None
        clock.state = state.value
        if open_run is not None:
            clock.running_since = open_run.started_at
            left = clock.target_minutes * 60 - clock.elapsed_seconds
            clock.due_at = add_working_seconds(spec, open_run.started_at, left)
        else:
            clock.running_since = None
            clock.due_at = None
        if fresh or clock.is_dirty():
            clock.save()
        return clock


def sync_clocks(edit: IncidentEdit, now: datetime) -> None:
    ClockSync()(edit, now)


def used_seconds(clock: TargetClock, spec: CalendarSpec, now: datetime) -> int:
    """Working time the clock has used up to ``now``."""
    if clock.running_since is None:
        return clock.elapsed_seconds
    return clock.elapsed_seconds + working_seconds(spec, clock.running_since, now)
