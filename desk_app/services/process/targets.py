"""Target clocks (R15, R16, R19): which run, how much working time they have used, and the
incident's next deadline.

After any change to an incident, ``sync_clocks`` brings its clocks in line with its stage,
pending state and priority, so that no service has to remember the clock rules itself:

* every clock starts at logging; *assign* stops when the incident first leaves Logged,
  *accept* (the response target) when it is first accepted, *resolve* (the restore target) at
  resolution, and runs again if the caller rejects the resolution;
* no clock runs while the incident is pending (R16);
* a priority change re-matches each clock that has not stopped: the old row is kept as
  ``superseded`` and a new one counts the same runs on its own target and calendar (R19);
* a re-prioritisation that the process owner asks for with a new matrix (R13) counts the
  new target from the change (``restart``): the new clock's ``started_at`` is the change,
  and no working time before a clock's ``started_at`` counts against its target, so the
  time that passed under the old matrix never makes an incident breach.

The rows are read and written through a ``ClockLedger``: two queries read the clocks and
runs of any number of incidents, and what changed is written back with one statement per
kind of change, so that the escalation scan can sync a hundred incidents about as cheaply
as one (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime
from operator import attrgetter

from desk_app.domain.calendar import CalendarSpec, add_working_seconds, working_seconds
from desk_app.domain.enums import ClockState, JournalAction, Stage, TargetStage
from desk_app.services.incident.editing import IncidentEdit, JournalRows
from desk_app.services.process.reference import Target, load_calendars, load_targets, reference
from desk_app.services.session import Session
from desk_app.storage.bulk import insert_rows, select_rows, update_rows
from desk_app.storage.models import (
    ClockRun,
    Incident,
    TargetClock,
)


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


# -- the rows ---------------------------------------------------------------------------------
@dataclass(eq=False)
class Clock:
    """A ``target_clock`` row. ``elapsed_seconds`` is the working time of the stage's closed
    runs on this clock's calendar; while running, ``due_at`` is when the target runs out."""

    id: int | None
    incident_id: int
    stage: str
    priority: int
    target_minutes: int
    calendar_id: int
    state: str
    started_at: datetime
    elapsed_seconds: int = 0
    running_since: datetime | None = None
    due_at: datetime | None = None
    breached_at: datetime | None = None
    stopped_at: datetime | None = None


@dataclass(eq=False)
class Run:
    """A ``clock_run`` row: an interval in which a stage's clock ran (R16)."""

    id: int | None
    incident_id: int
    stage: str
    started_at: datetime
    ended_at: datetime | None = None


_RUNNING, _PAUSED = ClockState.RUNNING.value, ClockState.PAUSED.value
_STOPPED, _SUPERSEDED = ClockState.STOPPED.value, ClockState.SUPERSEDED.value

#: the models' field names, in the order of the dataclasses' fields
CLOCK_COLUMNS = tuple(f.name.removesuffix("_id") if f.name != "id" else "id"
                      for f in fields(Clock))
RUN_COLUMNS = tuple(f.name.removesuffix("_id") if f.name != "id" else "id"
                    for f in fields(Run))
_clock_values = attrgetter(*(f.name for f in fields(Clock)))
_run_values = attrgetter(*(f.name for f in fields(Run)))


def astuple(row: Clock | Run) -> tuple:
    """The row's values in column order (``dataclasses.astuple`` deep-copies: too slow)."""
    return _run_values(row) if isinstance(row, Run) else _clock_values(row)


class ClockLedger:
    """The live clocks and all runs of some incidents: read in two queries, changed in
    memory, written back by ``flush`` (inserts in the order rows were made, then updates of
    rows that differ from what was read)."""

    def __init__(self) -> None:
        self.clocks: dict[int, dict[str, Clock]] = {}
        self.runs: dict[int, dict[str, list[Run]]] = {}
        self._read: dict[int, tuple[object, ...]] = {}  # id(row) -> values as read
        self._rows: list[Clock | Run] = []  # rows read from the file
        self._new: list[Clock | Run] = []

    def start(self, incident_ids: Iterable[int]) -> None:
        """Incidents that have no clocks yet (just logged): nothing to read."""
        for incident_id in incident_ids:
            self.clocks.setdefault(incident_id, {})
            self.runs.setdefault(incident_id, {s.value: [] for s in TargetStage})

    def load(self, incident_ids: Iterable[int]) -> None:
        wanted = [i for i in dict.fromkeys(incident_ids) if i not in self.clocks]
        if not wanted:
            return
        self.start(wanted)
        for values in select_rows(TargetClock, CLOCK_COLUMNS, "incident", wanted,
                                  "state != 'superseded'"):
            clock = Clock(*values)
            self.clocks[clock.incident_id][clock.stage] = clock
            self._remember(clock)
        for values in select_rows(ClockRun, RUN_COLUMNS, "incident", wanted):
            run = Run(*values)
            self.runs[run.incident_id][run.stage].append(run)
            self._remember(run)

    def _remember(self, row: Clock | Run) -> None:
        self._read[id(row)] = astuple(row)
        self._rows.append(row)

    def add(self, row: Clock | Run) -> None:
        self._new.append(row)
        if isinstance(row, Clock):
            self.clocks[row.incident_id][row.stage] = row
        else:
            self.runs[row.incident_id][row.stage].append(row)

    def flush(self) -> None:
        new_runs = [astuple(r)[1:] for r in self._new if isinstance(r, Run)]
        new_clocks = [astuple(c)[1:] for c in self._new if isinstance(c, Clock)]
        insert_rows(ClockRun, RUN_COLUMNS[1:], new_runs)
        insert_rows(TargetClock, CLOCK_COLUMNS[1:], new_clocks)
        changed_runs: list[tuple] = []
        changed_clocks: list[tuple] = []
        for row in self._rows:
            values = astuple(row)
            if values != self._read[id(row)]:
                self._read[id(row)] = values
                (changed_runs if isinstance(row, Run) else changed_clocks).append(
                    (*values[1:], values[0]))
        update_rows(ClockRun, RUN_COLUMNS[1:], ("id",), changed_runs)
        update_rows(TargetClock, CLOCK_COLUMNS[1:], ("id",), changed_clocks)
        # rows just written are now as read; later changes are found the same way
        for row in self._new:
            self._remember(row)
        self._new.clear()


class ClockSync:
    """Syncs incidents' clocks with the reference data (calendars, targets) loaded once."""

    def __init__(self, calendars: dict[int, CalendarSpec] | None = None,
                 targets: dict[tuple[int, TargetStage], Target] | None = None) -> None:
        self.calendars = calendars if calendars is not None else load_calendars()
        self.targets = targets if targets is not None else load_targets()

    @classmethod
    def cached(cls, session: Session) -> ClockSync:
        """With the calendars and targets of the reference cache
        (``services.process.reference``)."""
        ref = reference(session.store)
        return cls(ref.calendars, ref.targets)

    def __call__(self, edit: IncidentEdit, now: datetime, ledger: ClockLedger | None = None,
                 journal: JournalRows | None = None, *, restart: bool = False) -> None:
        """Sync ``edit``'s incident at ``now``. With a ``ledger`` (and a ``journal``) the
        caller writes the rows for many incidents at once; without, they are written now.
        ``restart``: a re-matched clock counts its new target from ``now`` (R13)."""
        own = ledger is None
        if ledger is None:
            ledger = ClockLedger()
        incident = edit.incident
        ledger.load([incident.id])
        clocks = ledger.clocks[incident.id]
        runs = ledger.runs[incident.id]

        rematched: dict[str, tuple[object, object]] = {}
        deadlines: list[datetime] = []
        for stage in TargetStage:
            clock = self._sync_stage(ledger, incident, stage, clocks.get(stage.value),
                                     runs[stage.value], now, rematched, restart)
            if clock.state == _RUNNING and clock.breached_at is None:
                assert clock.due_at is not None
                deadlines.append(clock.due_at)
        if rematched:
            rows = journal if journal is not None else JournalRows(edit.session)
            rows.add(incident.id, JournalAction.TARGETS, rematched,
                     note=f"P{incident.priority}", at=now)
            if journal is None:
                rows.flush()
        edit.set("next_deadline", min(deadlines) if deadlines else None, journal=False)
        if own:
            ledger.flush()

    def _sync_stage(self, ledger: ClockLedger, incident: Incident, stage: TargetStage,
                    clock: Clock | None, runs: list[Run], now: datetime,
                    rematched: dict[str, tuple[object, object]],
                    restart: bool = False) -> Clock:
        open_run = runs[-1] if runs and runs[-1].ended_at is None else None
        running = runs_now(incident, stage)
        closed_now: Run | None = None
        if running and open_run is None:
            open_run = Run(None, incident.id, stage.value, now)
            ledger.add(open_run)
        elif not running and open_run is not None:
            open_run.ended_at = now
            closed_now, open_run = open_run, None

        finished = reached(incident, stage)
        target = self.targets[(incident.priority, stage)]
        fresh = clock is None or (clock.priority != incident.priority and not finished)
        if fresh:
            previous = clock
            if clock is not None:
                if clock.running_since is not None:
                    clock.elapsed_seconds = used_seconds(
                        clock, self.calendars[clock.calendar_id], now)
                clock.state = _SUPERSEDED
                clock.running_since = None
                clock.stopped_at = now
                rematched[stage.value] = (clock.target_minutes, target.minutes)
            if previous is not None:
                # R19 counts the runs the old clock counted; a matrix re-prioritisation
                # (R13) counts from the change
                started_at = now if restart else previous.started_at
            else:
                started_at = runs[0].started_at if runs else now
            clock = Clock(
                None, incident.id, stage.value, incident.priority, target.minutes,
                target.calendar_id, _RUNNING,
                started_at=started_at,
                # a stage that has breached stays breached: the same breach never
                # escalates twice
                breached_at=previous.breached_at if previous is not None else None,
            )
            ledger.add(clock)
        assert clock is not None
        spec = self.calendars[clock.calendar_id]
        counted_from = clock.started_at
        if fresh:
            clock.elapsed_seconds = sum(
                working_seconds(spec, max(r.started_at, counted_from), r.ended_at)
                for r in runs if r.ended_at and r.ended_at > counted_from)
        elif closed_now is not None and now > counted_from:
            clock.elapsed_seconds += working_seconds(
                spec, max(closed_now.started_at, counted_from), now)

        state = _STOPPED if finished else _RUNNING if running else _PAUSED
        if state == _STOPPED and clock.state != _STOPPED:
            clock.stopped_at = now
        elif state != _STOPPED:
            clock.stopped_at = None
        clock.state = state
        if open_run is not None:
            clock.running_since = max(open_run.started_at, counted_from)
            left = clock.target_minutes * 60 - clock.elapsed_seconds
            clock.due_at = add_working_seconds(spec, clock.running_since, left)
        else:
            clock.running_since = None
            clock.due_at = None
        return clock


def start_clocks(edit: IncidentEdit, now: datetime) -> ClockLedger:
    """R19 for an incident being logged: its clocks and first deadline, worked out before
    its row is written, so that the row goes in once with its deadline (an update after
    the insert rewrote the row and its deadline indexes). The caller inserts the incident,
    then flushes the returned ledger."""
    ledger = ClockLedger()
    ledger.start([edit.incident.id])
    ClockSync.cached(edit.session)(edit, now, ledger)
    return ledger


def sync_clocks(edit: IncidentEdit, now: datetime, *, new: bool = False) -> None:
    """Sync one incident's clocks now (``new``: it was just logged and has none yet)."""
    ledger = ClockLedger()
    if new:
        ledger.start([edit.incident.id])
    ClockSync.cached(edit.session)(edit, now, ledger)
    ledger.flush()


def used_seconds(clock: Clock | TargetClock, spec: CalendarSpec, now: datetime) -> int:
    """Working time the clock has used up to ``now``."""
    if clock.running_since is None:
        return clock.elapsed_seconds
    return clock.elapsed_seconds + working_seconds(spec, clock.running_since, now)
