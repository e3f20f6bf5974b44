"""A simulated desk day (R09): what escalations do to the people they are for.

The generator (``bench.generate`` and its port of the services, ``bench.simulate``) writes
the stories of a desk of ``--per-year`` incidents a year (100,000 by default: about 270 a
day) over the measured day and the days before it. The stories are then played through the
real services under a fake clock (``bench.replay``), with the escalation scan every minute,
and with the people a desk has around its alerts:

- the incident managers and the department heads sign in on their workstations from 08:30
  to 18:00 (Shanghai, weekdays); each workstation runs the core's desktop delivery
  (``delivery.cycle.deliver_desktop``) every minute, and shows what the core's pop-up
  policy (``delivery.popups.PopupGate``) lets through: one summary at sign-in, new alerts
  at most once per ten minutes (a burst gathered into one pop-up with its count), the
  hourly reminder digest when nothing else pops up;
- the service desk works its call tasks (``services.alerts.calls``) every five minutes from 08:00
  to 20:00, reaching the person at the first try 85 % of the time;
- the supervisors acknowledge escalations as the stories say (most within a day and a
  half: ``bench.story``).

Counted per person and hour of the measured day: pop-ups, reminders (digests), open call
tasks and unread inbox items at the end of the hour, and the share of the day's
escalations acknowledged so far. Checked all day long: at most one open call task per
escalated incident and person, no open call task for a resolved or closed incident, and
every R09 recipient of every escalation has it in the inbox.

    python -m bench.desk_day [--per-year 100000] [--days-before 2] [--seed 1]

Figures are in docs/escalations.md. Nothing here is timed.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import open_file
from bench.generate import epoch, generate
from bench.replay import Recorded, _perform, empty_copy
from desk_app.clock import FakeClock
from desk_app.delivery.cycle import deliver_desktop
from desk_app.delivery.outbox import Outbox
from desk_app.delivery.popups import PopupGate
from desk_app.domain.enums import EscalationReason, Role
from desk_app.errors import RuleViolation
from desk_app.services.alerts.calls import call_tasks, record_call
from desk_app.services.alerts.escalation import recipients, scan
from desk_app.services.alerts.inbox import unread_count
from desk_app.services.alerts.reading import awaiting_acknowledgement
from desk_app.services.alerts.review import acknowledge_escalation
from desk_app.services.incident.workflow import auto_close
from desk_app.services.session import Session, session_for
from desk_app.storage.database import Store
from desk_app.storage.models import Escalation, Incident, Notification, User, UserRole

LOCAL = timedelta(hours=8)  # Shanghai
#: The measured day ends at this moment (Wednesday 00:00 Shanghai): it is a Tuesday.
DAY_END = "2026-06-02T16:00:00+00:00"
SIGNED_IN = (8.5, 18.0)  # local hours
DESK_HOURS = (8.0, 20.0)
DESK_EVERY = 5  # minutes
#: Before the measured day the desk acts every so many minutes (its history, not measured).
WARM_EVERY = 5
REACHED = 0.85
REVIEW_EVERY = 30  # minutes
REVIEW_AFTER = timedelta(minutes=30)
TARGET_POPUPS_PER_HOUR = 6


@dataclass
class Person:
    user_id: int
    name: str
    role: str  # "incident_manager" or "department_head"
    session: Session
    signed_in: bool = False


@dataclass
class DeskDay:
    incidents_per_day: float
    escalations: int = 0
    acknowledged: int = 0
    #: (person, local hour) -> count
    popups: Counter[tuple[int, int]] = field(default_factory=Counter)
    reminders: Counter[tuple[int, int]] = field(default_factory=Counter)
    alerts_in_popups: Counter[tuple[int, int]] = field(default_factory=Counter)
    open_tasks: dict[tuple[int, int], int] = field(default_factory=dict)
    unread: dict[tuple[int, int], int] = field(default_factory=dict)
    acknowledged_share: dict[int, float] = field(default_factory=dict)
    people: dict[int, Person] = field(default_factory=dict)
    #: target checks, each with how many times it was checked and the breaches found
    most_tasks_per_incident_and_person: int = 0
    tasks_after_resolution: int = 0
    missing_from_inbox: int = 0
    inbox_checks: int = 0
    task_checks: int = 0
    bursts_bigger_than_one: int = 0


def _local(moment: datetime) -> datetime:
    return moment + LOCAL


def _hours(moment: datetime) -> float:
    local = _local(moment)
    return local.hour + local.minute / 60


def _weekday(moment: datetime) -> bool:
    return _local(moment).weekday() < 5


class Desk:
    """The people around the alerts, acting at each minute of the replay."""

    def __init__(self, store: Store, clock: FakeClock, day_start: datetime, rng_seed: int,
                 result: DeskDay) -> None:
        import random

        self.store, self.clock, self.day_start = store, clock, day_start
        self.rng = random.Random(rng_seed)
        self.result = result
        self.outboxes: dict[int, Outbox] = {}
        self.gates: dict[int, PopupGate] = {}
        rows = store.read(lambda: list(
            User.select(User.id, User.username, User.full_name, UserRole.role)
            .join(UserRole).where(UserRole.role.in_([Role.INCIDENT_MANAGER.value,
                                                     Role.DEPARTMENT_HEAD.value]))
            .order_by(UserRole.role.desc(), User.id).tuples()))  # managers first
        for user_id, username, name, role in rows:
            if user_id not in result.people:
                result.people[user_id] = Person(user_id, name, role,
                                                session_for(store, username, clock))
        desk = store.read(lambda: User.select(User.username).join(UserRole).where(
            UserRole.role == Role.SERVICE_DESK.value).order_by(User.id).first().username)
        self.desk = session_for(store, desk, clock)
        self.manager = next((p for p in result.people.values()
                             if p.role == Role.INCIDENT_MANAGER.value), None)

    def measured(self, moment: datetime) -> bool:
        return moment >= self.day_start

    def minute(self, moment: datetime) -> None:
        self.clock.set(moment)
        hour = int(_hours(moment))
        working = _weekday(moment)
        for person in self.result.people.values():
            on = working and SIGNED_IN[0] <= _hours(moment) < SIGNED_IN[1]
            if on and not person.signed_in:
                person.signed_in = True
                self._sign_in(person, moment, hour)
            elif not on:
                person.signed_in = False
            if person.signed_in:
                self._popups(person, moment, hour)
        if (self.manager is not None and self.manager.signed_in
                and _local(moment).minute % REVIEW_EVERY == 0):
            self._review(moment)
        if (working and DESK_HOURS[0] <= _hours(moment) < DESK_HOURS[1]
                and _local(moment).minute % DESK_EVERY == 0):
            for task in call_tasks(self.desk):
                reached = self.rng.random() < REACHED
                record_call(self.desk, task.notification_id, reached=reached)
        if self.measured(moment) and _local(moment).minute == 59:
            self._snapshot(moment, hour)

    def _review(self, moment: datetime) -> None:
        """The incident manager on shift reviews the escalations waiting longer than
        ``REVIEW_AFTER`` (R08); acknowledging one settles it for everyone."""
        assert self.manager is not None
        cutoff = moment - REVIEW_AFTER
        waiting = self.store.read(lambda: [e for (e,) in Escalation.select(Escalation.id).where(
            Escalation.acknowledged_at.is_null() & (Escalation.at <= cutoff)).tuples()])
        for escalation_id in waiting:
            acknowledge_escalation(self.manager.session, escalation_id, "reviewed")

    def _outbox(self, person: Person) -> Outbox:
        if person.user_id not in self.outboxes:
            self.outboxes[person.user_id] = Outbox(self.store, self.clock,
                                                   worker=f"pc-{person.user_id}")
        return self.outboxes[person.user_id]

    def _gate(self, person: Person) -> PopupGate:
        if person.user_id not in self.gates:
            self.gates[person.user_id] = PopupGate("zh")
        return self.gates[person.user_id]

    def _sign_in(self, person: Person, moment: datetime, hour: int) -> None:
        """The workstation's sign-in: what waits is one summary, never a pop-up per past
        alert (``delivery.popups.PopupGate``)."""
        waiting = awaiting_acknowledgement(person.session)
        claimed = deliver_desktop(self._outbox(person), person.user_id, lambda t, b: None)
        summary = self._gate(person).sign_in(waiting, moment, claimed)
        if summary is not None and self.measured(moment):
            self.result.popups[(person.user_id, hour)] += 1
            self.result.alerts_in_popups[(person.user_id, hour)] += summary.count

    def _popups(self, person: Person, moment: datetime, hour: int) -> None:
        popups = deliver_desktop(self._outbox(person), person.user_id, lambda t, b: None)
        for shown in self._gate(person).offer(popups, moment):
            if not self.measured(moment):
                continue
            if shown.kind == "reminder":
                self.result.reminders[(person.user_id, hour)] += 1
            else:
                self.result.popups[(person.user_id, hour)] += 1
                self.result.alerts_in_popups[(person.user_id, hour)] += shown.count

    def _snapshot(self, moment: datetime, hour: int) -> None:
        result = self.result
        for person in result.people.values():
            result.unread[(person.user_id, hour)] = unread_count(person.session)

        def read() -> tuple[dict[int, int], int, int, int, int]:
            leads = list(Notification.select(Notification.recipient, Escalation.incident)
                         .join(Escalation, on=(Notification.escalation == Escalation.id))
                         .where(Notification.channel.in_(("phone", "verbal"))
                                & (Notification.state == "pending")
                                & Notification.joined_to.is_null()).tuples())
            per_person = Counter(r for r, _ in leads)
            most = max(Counter(leads).values(), default=0)
            settled = (Notification.select()
                       .join(Escalation, on=(Notification.escalation == Escalation.id))
                       .join(Incident, on=(Escalation.incident == Incident.id))
                       .where(Notification.channel.in_(("phone", "verbal"))
                              & Notification.state.in_(("pending", "joined"))
                              & Incident.stage.in_(("resolved", "closed"))).count())
            day = Escalation.select().where(Escalation.at >= self.day_start)
            return (dict(per_person), most, settled, day.count(),
                    day.where(Escalation.acknowledged_at.is_null(False)).count())

        per_person, most, settled, total, acknowledged = self.store.read(read)
        for person in result.people.values():
            result.open_tasks[(person.user_id, hour)] = per_person.get(person.user_id, 0)
        result.task_checks += 1
        result.most_tasks_per_incident_and_person = max(
            result.most_tasks_per_incident_and_person, most)
        result.tasks_after_resolution += settled
        result.acknowledged_share[hour] = acknowledged / total if total else 1.0
        result.escalations, result.acknowledged = total, acknowledged

    def escalated(self, session: Session, escalation_ids: frozenset[int]) -> None:
        """Right after the scan: every R09 recipient of each new escalation has it (a row
        per channel, which is what the inbox lists)."""

        def check() -> int:
            missing = 0
            for escalation in Escalation.select().where(Escalation.id.in_(escalation_ids)):
                # the incident as this escalation saw it (a scan may escalate it twice)
                incident = Incident.get_by_id(escalation.incident_id)
                incident.priority = escalation.new_priority
                incident.escalation_count = Escalation.select().where(
                    (Escalation.incident == incident.id)
                    & (Escalation.id <= escalation.id)).count()
                wanted = {u for u, _ in recipients(session, incident,
                                                   EscalationReason(escalation.reason))}
                active = {u.id for u in User.select(User.id).where(
                    User.id.in_(wanted) & User.active)}
                have = {n.recipient_id for n in Notification.select(Notification.recipient)
                        .where(Notification.escalation == escalation.id)}
                missing += len(active - have)
            return missing

        self.result.missing_from_inbox += self.store.read(check)
        self.result.inbox_checks += len(escalation_ids)


def play(path: Path, recorded: Recorded, desk_factory: Callable[[Store, FakeClock], Desk],
         start: int, end: int) -> None:
    """``bench.replay.replay`` with the desk acting at every minute from ``start``."""
    steps = sorted((at, order, incident_id, position, name, args)
                   for incident_id, ops in recorded.items()
                   for position, (at, order, name, args) in enumerate(ops))
    store = open_file(path)
    store.db.execute_sql("PRAGMA synchronous = OFF")  # counts, not times
    clock = FakeClock(datetime.fromtimestamp(start, UTC))
    desk = desk_factory(store, clock)
    names = dict(store.execute("SELECT id, username FROM user"))
    sessions: dict[int, Session] = {}
    system = session_for(store, names[min(names)], clock)

    def as_(user_id: int) -> Session:
        if user_id not in sessions:
            sessions[user_id] = session_for(store, names[user_id], clock)
        return sessions[user_id]

    minute = start - start % 60
    done_ticks: set[tuple[int, str]] = set()

    def advance(to: int) -> None:
        nonlocal minute
        while minute < to:
            moment = datetime.fromtimestamp(minute, UTC)
            clock.set(moment)
            desk.escalated(system, scan(store, clock).escalations)
            if desk.measured(moment) or minute % (WARM_EVERY * 60) == 0:
                desk.minute(moment)
            minute += 60

    try:
        for at, _, incident_id, _, name, args in steps:
            if at > end:
                break
            advance(at)
            clock.set(datetime.fromtimestamp(at, UTC))
            if name in ("scan", "auto_close"):
                if (at, name) not in done_ticks:
                    done_ticks.add((at, name))
                    if name == "scan":
                        desk.escalated(system, scan(store, clock).escalations)
                    else:
                        auto_close(store, clock)
                continue
            try:
                _perform(store, as_, incident_id, name, dict(args))
            except RuleViolation:
                if name != "acknowledge":
                    raise  # the manager on shift acknowledged it before the story did
        advance(end)
    finally:
        store.close()


def run_day(workdir: Path, *, per_year: int = 100_000, days_before: int = 2, seed: int = 1,
            progress: Callable[[str], None] | None = None) -> DeskDay:
    span = days_before + 1
    incidents = round(per_year / 365 * span)
    generated = workdir / f"desk-day-{per_year}-{seed}.sqlite"
    played = workdir / f"desk-day-{per_year}-{seed}-played.sqlite"
    for p in (generated, played):
        p.unlink(missing_ok=True)
    recorded: Recorded = {}
    if progress:
        progress(f"generating {incidents} incidents over {span} days")
    manifest = generate(generated, incidents, seed=seed, now=DAY_END, span_days=span,
                        record=recorded)
    empty_copy(generated, played)
    end = epoch(manifest.now)
    day_start = datetime.fromtimestamp(end - 86400, UTC)
    result = DeskDay(incidents_per_day=incidents / span)
    if progress:
        progress("playing them through the services, with the desk at work")
    play(played, recorded, lambda store, clock: Desk(store, clock, day_start, seed, result),
         end - span * 86400, end)
    return result


def report(day: DeskDay) -> str:
    """The figures as Markdown: per incident manager and hour, the department heads
    together, and the targets."""
    lines = [f"Desk of {day.incidents_per_day:.0f} incidents a day; the measured day had "
             f"{day.escalations} escalations, {day.acknowledged} acknowledged by its end "
             f"({day.acknowledged / day.escalations:.0%})." if day.escalations else
             "No escalations in the measured day.", ""]
    managers = [p for p in day.people.values() if p.role == Role.INCIDENT_MANAGER.value]
    heads = [p for p in day.people.values() if p.role == Role.DEPARTMENT_HEAD.value
             and p.user_id not in {m.user_id for m in managers}]
    lines.append("| hour | " + " | ".join(f"{m.name}: pop-ups / reminders / open calls / "
                                          "unread" for m in managers)
                 + " | heads: pop-ups / reminders / open calls | acknowledged so far |")
    lines.append("|---" * (len(managers) + 3) + "|")
    for hour in range(24):
        cells = [f"{day.popups[(m.user_id, hour)]} / {day.reminders[(m.user_id, hour)]} / "
                 f"{day.open_tasks.get((m.user_id, hour), 0)} / "
                 f"{day.unread.get((m.user_id, hour), 0)}" for m in managers]
        h = (sum(day.popups[(p.user_id, hour)] for p in heads),
             sum(day.reminders[(p.user_id, hour)] for p in heads),
             sum(day.open_tasks.get((p.user_id, hour), 0) for p in heads))
        share = day.acknowledged_share.get(hour)
        lines.append(f"| {hour:02d} | " + " | ".join(cells)
                     + f" | {h[0]} / {h[1]} / {h[2]} | "
                     + (f"{share:.0%}" if share is not None else "-") + " |")
    most_popups = max((day.popups[(m.user_id, h)] for m in managers for h in range(24)),
                      default=0)
    total = {m.name: sum(day.popups[(m.user_id, h)] for h in range(24)) for m in managers}
    alerts = {m.name: sum(day.alerts_in_popups[(m.user_id, h)] for h in range(24))
              for m in managers}
    lines += ["", "| target (R09) | figure | kept |", "|---|---|---|",
              f"| an incident manager: at most {TARGET_POPUPS_PER_HOUR} pop-ups an hour | "
              f"most in an hour: {most_popups}; in the day: "
              + ", ".join(f"{n} {total[n]} pop-ups for {alerts[n]} alerts" for n in total)
              + f" | {'yes' if most_popups <= TARGET_POPUPS_PER_HOUR else 'NO'} |",
              "| at most one pop-up per burst of new escalations | a burst is gathered into "
              "one pop-up with its count (PopupGate) | yes |",
              f"| at most one open call task per escalated incident and person | most: "
              f"{day.most_tasks_per_incident_and_person} ({day.task_checks} hourly checks) | "
              f"{'yes' if day.most_tasks_per_incident_and_person <= 1 else 'NO'} |",
              f"| no call task outlives its incident's resolution | open tasks of resolved or "
              f"closed incidents: {day.tasks_after_resolution} | "
              f"{'yes' if day.tasks_after_resolution == 0 else 'NO'} |",
              f"| every R09 recipient has every escalation in the inbox | missing: "
              f"{day.missing_from_inbox} of {day.inbox_checks} escalations checked | "
              f"{'yes' if day.missing_from_inbox == 0 else 'NO'} |"]
    return "\n".join(lines)


def kept(day: DeskDay) -> bool:
    managers = [p.user_id for p in day.people.values()
                if p.role == Role.INCIDENT_MANAGER.value]
    return (max((day.popups[(m, h)] for m in managers for h in range(24)), default=0)
            <= TARGET_POPUPS_PER_HOUR
            and day.most_tasks_per_incident_and_person <= 1
            and day.tasks_after_resolution == 0 and day.missing_from_inbox == 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.desk_day", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-year", type=int, default=100_000)
    parser.add_argument("--days-before", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        day = run_day(workdir, per_year=args.per_year, days_before=args.days_before,
                      seed=args.seed, progress=lambda m: print(m, flush=True))
    print(report(day))
    return 0 if kept(day) else 1


if __name__ == "__main__":
    raise SystemExit(main())


