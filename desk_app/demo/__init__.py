"""The demo database: a bilingual IT department with three weeks of incidents.

Everything is made through the real services under a moving fake clock, so the demo's
journal, target clocks, escalations and notifications are exactly what real use produces:
some incidents breach their targets while they wait, and the scans escalate them.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from desk_app.clock import FakeClock, SystemClock
from desk_app.delivery.cycle import deliver_desktop
from desk_app.delivery.outbox import Outbox
from desk_app.demo.data import (
    CALLERS,
    CATEGORIES,
    DEMO_PASSWORD,
    DEPARTMENTS,
    FIXES,
    GROUPS,
    NOTES,
    STORIES,
    USERS,
    language_of,
)
from desk_app.domain.enums import Impact, ResolutionType, Role, Urgency
from desk_app.services.admin.people import (
    CallerForm,
    GroupForm,
    UserForm,
    save_caller,
    save_department,
    save_group,
    save_user,
)
from desk_app.services.admin.process import CategoryForm, save_category
from desk_app.services.alerts.calls import call_tasks, record_call
from desk_app.services.alerts.escalation import scan
from desk_app.services.alerts.review import acknowledge_escalation
from desk_app.services.database.setup import create_database
from desk_app.services.incident import pending, workflow
from desk_app.services.incident.log import FirstContactResolution, NewIncident, log_incident
from desk_app.services.session import Session, session_for
from desk_app.storage.bulk import tuples
from desk_app.storage.database import Store
from desk_app.storage.models import CloseCode, Escalation, Notification, WaitCode

DESK = ["wangfang", "emily", "zhangwei"]
SCAN_EVERY = timedelta(minutes=30)
#: The people whom escalations alert on their desktops (R09), signed in on office days.
ALERTED = ("chenjing", "liuyang", "hejing", "robert", "huangmin")


@dataclass(order=True)
class _Event:
    at: datetime
    seq: int
    step: Callable[[], None] = field(compare=False)


class _Demo:
    def __init__(self, store: Store, clock: FakeClock, rng: random.Random, end: datetime):
        self.store, self.clock, self.rng, self.end = store, clock, rng, end
        self.events: list[_Event] = []
        self.seq = 0
        self.ids: dict[str, int] = {}
        self.group_members: dict[int, list[str]] = {}
        self.categories: dict[str, tuple[int, int, int | None]] = {}
        self.callers: list[int] = []
        self.wait_codes: list[int] = []
        self.close_codes: dict[str, int] = {}
        self.logged = 0
        self.outbox = Outbox(store, clock, worker="demo")
        self.desk: Session | None = None
        self.stories: dict[int, str] = {}  # incident id -> its story's title

    def as_(self, username: str) -> Session:
        return session_for(self.store, username, self.clock)

    def at(self, when: datetime, step: Callable[[], None]) -> None:
        if when <= self.end:
            self.seq += 1
            heapq.heappush(self.events, _Event(when, self.seq, step))

    def note(self, incident: int, what: str) -> str:
        """A journal note in the incident's own language (its story's), as a desk writes."""
        return NOTES[language_of(self.stories.get(incident, "中"))][what]

    def fix(self, title: str) -> str:
        """One of the story's fixes. Drawn from eight, as the demo always drew its fix, so
        that every later draw, and with it the whole demo, stays the same."""
        fixes = FIXES[title]
        return fixes[self.rng.randrange(8) % len(fixes)]

    def later(self, minutes_low: float, minutes_high: float, step: Callable[[], None]) -> None:
        delay = timedelta(minutes=self.rng.uniform(minutes_low, minutes_high))
        self.at(self.clock.now() + delay, step)

    # -- organisation ---------------------------------------------------------------------
    def organise(self) -> None:
        owner = self.as_("chenjing")
        for username, full_name, roles, language in USERS[1:]:
            created = save_user(owner, UserForm(
                username, full_name, roles, email=f"{username}@demo.example",
                phone=f"138{self.rng.randrange(10**8):08d}", language=language,
                password=DEMO_PASSWORD)).new_id
            self.ids[username] = created
        self.ids["chenjing"] = owner.user_id or 0
        departments = {}
        for key, en, zh, head in DEPARTMENTS:
            departments[key] = save_department(owner, en, zh,
                                               self.ids[head] if head else None).new_id
        groups = {}
        for code, en, zh, tier, dept, members in GROUPS:
            groups[code] = save_group(owner, GroupForm(
                code, en, zh, tier, departments[dept], f"{code.lower()}@demo.example",
                members=[self.ids[m] for m in members])).new_id
            self.group_members[groups[code]] = members
        for code, en, zh, l1, l2 in CATEGORIES:
            created = save_category(owner, CategoryForm(
                code, en, zh, groups[l1], groups[l2] if l2 else None)).new_id
            self.categories[code] = (created, groups[l1], groups[l2] if l2 else None)
        desk = self.as_("wangfang")
        for caller_name, caller_dept, vip, location in CALLERS:
            created = save_caller(desk, CallerForm(
                caller_name, phone=f"139{self.rng.randrange(10**8):08d}",
                department_id=departments[caller_dept] if caller_dept else None, location=location,
                vip=vip)).new_id
            self.callers.append(created)

        def codes() -> None:
            self.wait_codes = [w.id for w in WaitCode.select().where(~WaitCode.system)]
            self.close_codes = {c.code: c.id for c in CloseCode.select()}

        self.store.read(codes)

    # -- one incident's story -------------------------------------------------------------
    def arrive(self) -> None:
        rng = self.rng
        category, kind, title, description = rng.choice(STORIES)
        recorder = rng.choice(DESK)
        impact = rng.choices(list(Impact), weights=[1, 3, 10, 6])[0]
        urgency = rng.choice([None, None, None, Urgency.LOW, Urgency.CRITICAL])
        form = NewIncident(
            caller_id=rng.choice(self.callers), type=kind,
            category_id=self.categories[category][0], impact=impact, urgency=urgency,
            title=title, description=description,
            channel=rng.choices(["phone", "email", "walk_in", "other"], [8, 3, 1, 1])[0],
        )
        if rng.random() < 0.15:
            created = log_incident(self.as_(recorder), form, FirstContactResolution(
                self.fix(title), knowledge=rng.random() < 0.3)).new_id
            self.stories[created] = title
            self.logged += 1
            self.later(30, 600, lambda: self.confirm_and_close(created, recorder))
            return
        created = log_incident(self.as_(recorder), form).new_id
        self.stories[created] = title
        self.logged += 1
        slow = rng.random() < 0.12
        self.later(40 if slow else 2, 240 if slow else 35,
                   lambda: self.assign(created, recorder, category))

    def assign(self, incident: int, recorder: str, category: str) -> None:
        _, group, _ = self.categories[category]
        workflow.assign(self.as_(recorder), incident)
        slow = self.rng.random() < 0.15
        self.later(60 if slow else 3, 600 if slow else 90,
                   lambda: self.accept(incident, recorder, category, group, 0))

    def accept(self, incident: int, recorder: str, category: str, group: int,
               transfers: int) -> None:
        engineer = self.rng.choice(self.group_members[group])
        workflow.accept(self.as_(engineer), incident)
        roll = self.rng.random()
        if transfers < 3 and (roll < 0.2 or (transfers and roll < 0.55)):
            self.later(20, 300, lambda: self.transfer(incident, recorder, category, engineer,
                                                       transfers))
        elif roll < 0.4:
            self.later(10, 240, lambda: self.pend(incident, recorder, engineer))
        elif roll < 0.45:
            self.later(30, 300, lambda: self.change(incident, recorder, engineer))
        else:
            self.later(30, 2400, lambda: self.resolve(incident, recorder, engineer))

    def transfer(self, incident: int, recorder: str, category: str, engineer: str,
                 transfers: int) -> None:
        _, l1, l2 = self.categories[category]
        if l2 is not None and transfers % 2 == 0:
            workflow.transfer(self.as_(engineer), incident, tier=2,
                              note=self.note(incident, "tier2"))
            group = l2
        else:
            other = self.rng.choice([c for c, v in self.categories.items() if v[1] != l1])
            workflow.transfer(self.as_(engineer), incident, category_id=self.categories[other][0],
                              note=self.note(incident, "wrong_category"))
            category, group = other, self.categories[other][1]
        self.later(10, 180, lambda: self.accept(incident, recorder, category, group,
                                                transfers + 1))

    def pend(self, incident: int, recorder: str, engineer: str) -> None:
        pending.set_pending(self.as_(engineer), incident,
                            wait_code_id=self.rng.choice(self.wait_codes),
                            note=self.note(incident, "pending"))
        self.later(60, 6000, lambda: self.resume(incident, recorder, engineer))

    def resume(self, incident: int, recorder: str, engineer: str) -> None:
        pending.resume(self.as_(engineer), incident)
        self.later(20, 900, lambda: self.resolve(incident, recorder, engineer))

    def change(self, incident: int, recorder: str, engineer: str) -> None:
        changes = pending.raise_change(self.as_(engineer), incident,
                                       title=self.note(incident, "change"))
        change_id = changes.new_id

        def close_change() -> None:
            pending.close_change(self.as_(engineer), change_id,
                                 outcome=self.note(incident, "change_done"))
            self.later(20, 300, lambda: self.resolve(incident, recorder, engineer))

        self.later(600, 4000, close_change)

    def resolve(self, incident: int, recorder: str, engineer: str, rejected: bool = False
                ) -> None:
        workaround = self.rng.random() < 0.2
        workflow.resolve(self.as_(engineer), incident,
                         resolution=self.fix(self.stories[incident]),
                         resolution_type=ResolutionType.WORKAROUND if workaround
                         else ResolutionType.RESOLUTION, knowledge=self.rng.random() < 0.25)
        if not rejected and self.rng.random() < 0.08:
            self.later(30, 600, lambda: self.reject(incident, recorder, engineer))
        elif self.rng.random() < 0.85:
            self.later(30, 1500, lambda: self.confirm_and_close(incident, recorder))
        # otherwise nobody confirms, and automatic closure (R23) closes it

    def reject(self, incident: int, recorder: str, engineer: str) -> None:
        workflow.reject_resolution(self.as_(recorder), incident,
                                   reason=self.note(incident, "rejected"))
        self.later(30, 600, lambda: self.resolve(incident, recorder, engineer, rejected=True))

    def confirm_and_close(self, incident: int, recorder: str) -> None:
        session = self.as_(recorder)
        workflow.confirm_resolution(session, incident, note=self.note(incident, "confirmed"))
        if self.rng.random() < 0.9:
            code = self.close_codes["solved" if self.rng.random() < 0.85 else "workaround"]
            workflow.close(session, incident, close_code_id=code,
                           notes=self.note(incident, "called_back"),
                           satisfaction=self.rng.choices([5, 4, 3, 2], [6, 3, 1, 0.3])[0])

    def review(self) -> None:
        """The incident manager's rounds (10:00 and 16:00): escalations older than a few
        hours acknowledged, which reads them for everyone and ends their calls."""
        cutoff = self.clock.now() - timedelta(hours=4)
        ids = self.store.read(lambda: [(e.id, e.incident_id) for e in Escalation.select(
            Escalation.id, Escalation.incident).where(
            Escalation.acknowledged_at.is_null() & (Escalation.at < cutoff))])
        manager = self.as_("liuyang")
        for escalation_id, incident in ids:
            acknowledge_escalation(manager, escalation_id, self.note(incident, "followed_up"))

    def work_alerts(self) -> None:
        """A desk that works its alerts, in office hours: the people alerted are at their
        workstations and see their pop-ups as they come, and the service desk makes the calls
        that are due (most reach the person at the first try)."""
        people = [self.ids[u] for u in ALERTED]
        waiting = self.store.read(lambda: {r for (r,) in tuples(Notification.select(
            Notification.recipient).where(
            Notification.recipient.in_(people) & (Notification.state == "pending")
            & (Notification.channel == "desktop")).distinct())})
        for person in waiting:
            deliver_desktop(self.outbox, person, lambda title, body: None, reminders=False)
        if self.desk is None:
            self.desk = self.as_("wangfang")
        desk = self.desk
        for task in call_tasks(desk):
            reached = self.rng.random() < 0.85
            record_call(desk, task.notification_id, reached=reached,
                        note=self.note(task.incident_id, "told" if reached else "no_answer"))

    # -- the run --------------------------------------------------------------------------
    def run(self, count: int, start: datetime,
            progress: Callable[[int, int], None] | None = None) -> None:
        # half the incidents over the whole period, the rest in the last days and hours, so
        # that the desk opens on a live backlog in every stage
        span = (self.end - start).total_seconds()
        for share, window in ((0.5, span), (0.3, 3 * 86400.0), (0.2, 6 * 3600.0)):
            for _ in range(round(count * share)):
                self.at(self.end - timedelta(seconds=self.rng.uniform(60, window)), self.arrive)
        next_scan = start + SCAN_EVERY
        reviewed: tuple[object, bool] = (None, False)
        while self.events:
            event = heapq.heappop(self.events)
            while next_scan <= event.at:
                self.clock.set(next_scan)
                scan(self.store, self.clock)
                workflow.auto_close(self.store, self.clock)
                local = next_scan + timedelta(hours=8)  # Shanghai
                if 9 <= local.hour < 18 and local.weekday() < 5 and local.minute < 30:
                    self.work_alerts()  # hourly
                round_key = (local.date(), local.hour >= 16)
                if local.hour in (10, 16) and round_key != reviewed:
                    self.review()
                    reviewed = round_key
                next_scan += SCAN_EVERY
            self.clock.set(event.at)
            event.step()
            if progress is not None:
                progress(self.logged, count)
        self.clock.set(self.end)
        scan(self.store, self.clock)
        workflow.auto_close(self.store, self.clock)


def build_demo(path: str | Path, *, seed: int = 7, incidents: int = 200,
               now: datetime | None = None, days: int = 21,
               progress: Callable[[int, int], None] | None = None) -> dict[str, object]:
    """Create the demo database at ``path`` (which must not exist yet). ``progress`` is
    told (incidents logged so far, incidents planned) as the three weeks are played."""
    end = now or SystemClock().now()
    start = end - timedelta(days=days)
    clock = FakeClock(start)
    username, full_name, roles, language = USERS[0]
    store = create_database(path, UserForm(username, full_name, roles, email=
                                           f"{username}@demo.example", language=language,
                                           phone="13800138000", password=DEMO_PASSWORD),
                            clock)
    try:
        demo = _Demo(store, clock, random.Random(seed), end)
        demo.organise()
        demo.run(incidents, start, progress)
        from desk_app.demo.knowledge import add_knowledge

        add_knowledge(demo.as_("chenjing"), demo.as_("zhaolei"),
                      {code: ids[0] for code, ids in demo.categories.items()})
    finally:
        store.close()
    return {"incidents": demo.logged, "users": len(USERS), "username": "wangfang",
            "password": DEMO_PASSWORD}


__all__ = ["DEMO_PASSWORD", "Role", "build_demo"]
