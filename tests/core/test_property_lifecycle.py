"""Random sequences of actions by random people under a moving clock, with the process's
invariants checked after every step:

* only R05 moves happen; closed never changes (R24);
* a refused action changes nothing;
* pending time never counts (R16): each clock's used time equals the working time of the
  intervals in which its stage was open and not pending, measured independently here;
* each breach escalates exactly once (R07): every breached stage has one escalation, and
  after a scan no running clock is past its deadline unbreached.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from desk_app.clock import FakeClock
from desk_app.domain.calendar import working_seconds
from desk_app.domain.enums import Impact, Stage, Urgency
from desk_app.domain.lifecycle import ALLOWED_EDGES
from desk_app.errors import DeskError
from desk_app.services.alerts.escalation import scan
from desk_app.services.incident import pending, workflow
from desk_app.services.incident.log import (
    IncidentFields,
    NewIncident,
    log_incident,
    update_incident,
)
from desk_app.services.process.reference import load_calendars
from desk_app.storage.models import Escalation, Incident, TargetClock
from desk_app.storage.opening import open_store
from tests.conftest import START, build_org
from tests.helpers import snapshot

_TEMPLATE: tuple[Path, dict[str, int]] | None = None
PEOPLE = ["desk", "desk2", "net1", "net2", "app1", "l2", "manager", "owner", "outsider"]


def template() -> tuple[Path, dict[str, int]]:
    global _TEMPLATE
    if _TEMPLATE is None:
        folder = Path(tempfile.mkdtemp(prefix="desk-prop-"))
        built = build_org(folder / "org.sqlite", FakeClock(START))
        built.store.close()
        _TEMPLATE = (folder / "org.sqlite", built.ids)
    return _TEMPLATE


@dataclass
class Expected:
    """What this test believes about one incident, from the calls that succeeded."""

    stage: Stage = Stage.LOGGED
    pending: bool = False
    accepted: bool = False
    # per stage: the intervals in which its clock should run
    runs: dict[str, list[list[datetime | None]]] = field(
        default_factory=lambda: {"assign": [], "accept": [], "resolve": []})
    closed_row: tuple | None = None

    def should_run(self, stage: str) -> bool:
        if self.pending:
            return False
        if stage == "assign":
            return self.stage == Stage.LOGGED
        if stage == "accept":
            return not self.accepted and self.stage in (Stage.LOGGED, Stage.ASSIGNED)
        return self.stage in (Stage.LOGGED, Stage.ASSIGNED, Stage.IN_PROGRESS)

    def track(self, now: datetime) -> None:
        for stage, runs in self.runs.items():
            running = bool(runs) and runs[-1][1] is None
            if self.should_run(stage) and not running:
                runs.append([now, None])
            elif not self.should_run(stage) and running:
                runs[-1][1] = now


def likely(*good: str) -> st.SearchStrategy[str]:
    """Mostly someone who may act, sometimes anyone: refusals are tested too."""
    return st.one_of(st.sampled_from(good), st.sampled_from(good), st.sampled_from(PEOPLE))


DESK = likely("desk", "desk2")
SUPPORT = likely("net1", "net2", "l2", "manager")
CALLER_SIDE = likely("desk", "desk2", "manager")


class Lifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        source, ids = template()
        self.folder = Path(tempfile.mkdtemp(prefix="desk-prop-run-"))
        shutil.copyfile(source, self.folder / "db.sqlite")
        self.store = open_store(self.folder / "db.sqlite")
        self.clock = FakeClock(START)
        self.ids = ids
        self.expected: dict[int, Expected] = {}

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def session(self, who: str):
        from desk_app.services.session import session_for

        return session_for(self.store, who, self.clock)

    def attempt(self, incident_id: int | None, call) -> bool:
        """Run ``call``; a refusal must leave every row as it was."""
        before = snapshot(self.store)
        old_stage = Incident.get_by_id(incident_id).stage if incident_id else None
        try:
            call()
        except DeskError:
            assert snapshot(self.store) == before, "a refused action changed the database"
            return False
        if incident_id:
            new_stage = Incident.get_by_id(incident_id).stage
            assert old_stage == new_stage or (Stage(old_stage), Stage(new_stage)) in \
                ALLOWED_EDGES, f"illegal move {old_stage} -> {new_stage}"
        return True

    def sync(self, incident_id: int) -> None:
        row = Incident.get_by_id(incident_id)
        expected = self.expected[incident_id]
        expected.stage = Stage(row.stage)
        expected.pending = row.wait_code_id is not None
        expected.accepted = expected.accepted or row.accepted_at is not None
        expected.track(self.clock.now())
        if expected.stage == Stage.CLOSED and expected.closed_row is None:
            expected.closed_row = tuple(self.store.execute(
                "SELECT * FROM incident WHERE id = ?", (incident_id,))[0])

    incidents = st.integers(min_value=0, max_value=7)
    people = st.sampled_from(PEOPLE)

    def pick(self, index: int) -> int | None:
        keys = sorted(self.expected)
        return keys[index % len(keys)] if keys else None

    @rule(who=DESK, vip=st.booleans(), impact=st.sampled_from(list(Impact)),
          urgency=st.sampled_from([None, *Urgency]))
    def log(self, who: str, vip: bool, impact: Impact, urgency: Urgency | None) -> None:
        if len(self.expected) >= 3:
            return
        result = {}

        def call() -> None:
            result["id"] = log_incident(self.session(who), NewIncident(
                caller_id=self.ids["vip" if vip else "caller"], type="system_fault",
                category_id=self.ids["cat_network"], impact=impact, urgency=urgency,
                title="Random incident")).created

        if self.attempt(None, call):
            self.expected[result["id"]] = Expected()
            self.sync(result["id"])

    def act(self, index: int, fn) -> None:
        incident_id = self.pick(index)
        if incident_id is None:
            return
        if self.attempt(incident_id, lambda: fn(incident_id)):
            self.sync(incident_id)

    @rule(i=incidents, who=CALLER_SIDE)
    def assign(self, i: int, who: str) -> None:
        self.act(i, lambda n: workflow.assign(self.session(who), n))

    @rule(i=incidents, who=SUPPORT)
    def accept(self, i: int, who: str) -> None:
        self.act(i, lambda n: workflow.accept(self.session(who), n))

    @rule(i=incidents, who=SUPPORT, tier=st.sampled_from([1, 2]))
    def transfer(self, i: int, who: str, tier: int) -> None:
        self.act(i, lambda n: workflow.transfer(self.session(who), n, tier=tier, note="t"))

    @rule(i=incidents, who=SUPPORT)
    def pend(self, i: int, who: str) -> None:
        self.act(i, lambda n: pending.set_pending(self.session(who), n, wait_code_id=1))

    @rule(i=incidents, who=SUPPORT)
    def resume(self, i: int, who: str) -> None:
        self.act(i, lambda n: pending.resume(self.session(who), n))

    @rule(i=incidents, who=SUPPORT)
    def resolve(self, i: int, who: str) -> None:
        self.act(i, lambda n: workflow.resolve(self.session(who), n, resolution="fixed"))

    @rule(i=incidents, who=CALLER_SIDE)
    def reject(self, i: int, who: str) -> None:
        self.act(i, lambda n: workflow.reject_resolution(self.session(who), n, reason="no"))

    @rule(i=incidents, who=CALLER_SIDE)
    def confirm(self, i: int, who: str) -> None:
        self.act(i, lambda n: workflow.confirm_resolution(self.session(who), n))

    @rule(i=incidents, who=DESK, satisfaction=st.sampled_from([None, 0, 3, 5]))
    def close(self, i: int, who: str, satisfaction: int | None) -> None:
        self.act(i, lambda n: workflow.close(self.session(who), n, close_code_id=1,
                                             notes="done", satisfaction=satisfaction))

    @rule(i=incidents, who=CALLER_SIDE, urgency=st.sampled_from(list(Urgency)))
    def reprioritise(self, i: int, who: str, urgency: Urgency) -> None:
        self.act(i, lambda n: update_incident(self.session(who), n,
                                              IncidentFields(urgency=urgency)))

    @rule(minutes=st.one_of(st.integers(min_value=1, max_value=90),
                            st.integers(min_value=1, max_value=3 * 24 * 60)))
    def time_passes(self, minutes: int) -> None:
        self.clock.advance(minutes=minutes)

    @precondition(lambda self: bool(self.expected))
    @rule()
    def scan(self) -> None:
        scan(self.store, self.clock)
        now = self.clock.now()
        for incident_id in self.expected:
            self.sync(incident_id)
        overdue = TargetClock.select().where(
            (TargetClock.state == "running") & TargetClock.breached_at.is_null()
            & (TargetClock.due_at <= now)).count()
        assert overdue == 0, "a scan left a breach unescalated"

    @invariant()
    def closed_never_changes(self) -> None:
        for incident_id, expected in self.expected.items():
            if expected.closed_row is not None:
                row = tuple(self.store.execute("SELECT * FROM incident WHERE id = ?",
                                               (incident_id,))[0])
                assert row == expected.closed_row

    @invariant()
    def pending_time_never_counts(self) -> None:
        if not self.expected:
            return
        now = self.clock.now()
        calendars = self.store.read(load_calendars)
        for incident_id, expected in self.expected.items():
            for clock in TargetClock.select().where(
                    (TargetClock.incident == incident_id) & (TargetClock.state != "superseded")):
                spec = calendars[clock.calendar_id]
                want = sum(working_seconds(spec, start, end or now)
                           for start, end in expected.runs[clock.stage])
                used = clock.elapsed_seconds + (
                    working_seconds(spec, clock.running_since, now) if clock.running_since
                    else 0)
                assert used == want, (incident_id, clock.stage, used, want)

    @invariant()
    def each_breach_escalates_exactly_once(self) -> None:
        for incident_id in self.expected:
            reasons = [e.reason for e in
                       Escalation.select().where(Escalation.incident == incident_id)]
            assert len(reasons) == len(set(reasons))
            breached = {c.stage for c in TargetClock.select().where(
                (TargetClock.incident == incident_id) & TargetClock.breached_at.is_null(False))}
            assert {f"{stage}_target" for stage in breached} == {
                r for r in reasons if r != "transfers"}


Lifecycle.TestCase.settings = settings(
    max_examples=100, stateful_step_count=50, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_r05_r07_r16_r24_random_lifecycles_keep_the_invariants = Lifecycle.TestCase
