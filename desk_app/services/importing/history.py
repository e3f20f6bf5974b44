"""An incident's history rebuilt from its rows, by the moves of R05.

Each row says how the incident looked after one update. Between two rows the incident made
the moves that lead from one to the other: a transfer when the reassignment count went up
(R06), Pending with a wait code for an "Awaiting …" state (R16–R17), a resolution, a
rejection (Resolved → In progress, ServiceNow's reopen), a closure with its close code
(R23). A step the source skipped but our process needs (ServiceNow lets a new record be
resolved without being accepted) is written as the same person's move at the same moment,
with a note saying it was implied. What the process cannot allow (a closed incident
changed, a stage going back without a transfer) refuses the incident with the reason;
nothing of a refused incident is written.

Imported history is history: no escalation, notification or call task comes from it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desk_app.domain.enums import JournalAction, Stage
from desk_app.services.importing.rows import Row

IMPLIED = "import.implied"


@dataclass(frozen=True)
class Ref:
    """Their value of a reference kind (caller, group, category, person, close_code,
    wait_code), made into one of our rows by ``resolve``."""

    kind: str
    value: str


@dataclass
class Step:
    at: datetime
    actor: Ref | None
    action: JournalAction
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    note: str = ""


@dataclass
class Refusal:
    number: str
    line: int
    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class Plan:
    """What one incident becomes here: its fields after the last row, and its journal."""

    number: str
    lines: list[int]
    fingerprint: str
    fields: dict[str, Any]
    steps: list[Step]


class Refused(Exception):
    def __init__(self, line: int, key: str, **params: object) -> None:
        self.line = line
        self.key = key
        self.params = params
        super().__init__(key)


def fingerprint(rows: list[Row]) -> str:
    digest = hashlib.sha256()
    for row in rows:
        digest.update(row.digest.encode("utf-8", "replace"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def order(rows: list[Row]) -> list[Row]:
    """Updates in the order they were made: by the time of the update, then the source's
    update counter (several updates in one minute), then the file's order. The counter
    alone is not trusted: ServiceNow's logs hold rows whose counter is out of step with
    their time."""
    return sorted(rows, key=lambda r: (r.at or r.opened_at,
                                       r.sequence if r.sequence is not None else -1, r.line))


class Replay:
    """Walks one incident's rows, keeping its state and writing the steps."""

    def __init__(self, rows: list[Row], matrix: dict[tuple[int, int], int], now: datetime,
                 source: str) -> None:
        self.rows = order(rows)
        self.matrix = matrix
        self.now = now
        self.source = source
        first = self.rows[0]
        self.line = first.line
        self.at = first.opened_at
        self.steps: list[Step] = []
        self.floor = self.at  # the moment of the row before the one being applied
        self.f: dict[str, Any] = {}
        self.wait: str | None = None

    # -- helpers -----------------------------------------------------------------------
    def refuse(self, key: str, **params: object) -> Refused:
        return Refused(self.line, key, **params)

    def step(self, actor: Ref | None, action: JournalAction,
             changes: dict[str, tuple[Any, Any]] | None = None, note: str = "") -> None:
        self.steps.append(Step(self.at, actor, action, changes or {}, note))

    def set(self, changes: dict[str, tuple[Any, Any]], name: str, value: Any) -> None:
        old = self.f.get(name)
        if old != value:
            changes[name] = (old, value)
            self.f[name] = value

    @property
    def stage(self) -> Stage:
        return Stage(self.f["stage"])

    # -- the walk ----------------------------------------------------------------------
    def run(self) -> Plan:
        first = self.rows[0]
        self.log(first)
        newest = -1
        for row in self.rows:
            self.line = row.line
            if row.sequence is not None:
                if row.sequence < newest:
                    continue  # written late, already overtaken by a later update
                newest = row.sequence
            moment = row.at or row.closed_at or row.resolved_at or row.opened_at
            if moment > self.now:
                raise self.refuse("import.refuse.future", value=moment.isoformat())
            self.floor = self.at
            self.at = max(self.at, moment)
            self.apply(row)
        last = self.rows[-1]
        if last.reassignment_count is not None:
            self.f["reassignment_count"] = last.reassignment_count
        if self.stage in (Stage.RESOLVED, Stage.CLOSED) and last.resolved_at is not None \
                and last.resolved_at <= self.f["closed_at_or_now"]:
            self.f["resolved_at"] = max(last.resolved_at, self.f["created_at"])
        self.f.pop("closed_at_or_now", None)
        return Plan(first.number, [r.line for r in self.rows], fingerprint(self.rows), self.f,
                    self.steps)

    def log(self, row: Row) -> None:
        if not row.caller:
            raise self.refuse("import.refuse.required", field="caller")  # R02
        if not row.category:
            raise self.refuse("import.refuse.required", field="category")  # R14
        if row.impact is None:
            raise self.refuse("import.refuse.required", field="impact")  # R11
        if not row.title:
            raise self.refuse("import.refuse.required", field="title")
        urgency = row.urgency or 3  # R12: Medium without a known user type
        priority = row.priority or self.matrix[(row.impact, urgency)]  # R13
        if row.opened_at > self.now:
            raise self.refuse("import.refuse.future", value=row.opened_at.isoformat())
        opener = Ref("person", row.opened_by) if row.opened_by else (
            Ref("person", row.actor) if row.actor else None)
        group = Ref("group", row.group) if row.group else None
        self.f.update(
            number=row.number, type=row.type, channel=row.channel,
            caller=Ref("caller", row.caller), category=Ref("category", row.category),
            group=group, assignee=None, impact=row.impact, urgency=urgency,
            priority=priority, stage=Stage.LOGGED.value, wait_code=None, pending_since=None,
            title=row.title, description=row.description, resolution="",
            resolution_type=None, close_code=None, close_notes="", confirmed_at=None,
            created_by=opener, created_at=row.opened_at, assigned_at=None, accepted_at=None,
            resolved_at=None, resolved_by=None, closed_at=None, closed_by=None,
            reassignment_count=0, closed_at_or_now=self.now, source_state=row.state_text)
        self.step(opener, JournalAction.LOG, {
            "stage": (None, Stage.LOGGED.value), "priority": (None, priority),
            "impact": (None, row.impact), "urgency": (None, urgency),
            "category": (None, self.f["category"]), "group": (None, group),
        }, note=f"{self.source}: {row.number}")

    def apply(self, row: Row) -> None:
        actor = Ref("person", row.actor) if row.actor else self.f["created_by"]
        if self.stage == Stage.CLOSED:
            if row.stage == Stage.CLOSED.value and row.wait_code is None:
                return  # a later update of a closed record (a field tidied): nothing moves
            raise self.refuse("rule.closed_final")  # R24
        self.fields(row, actor)
        self.routing(row, actor)
        self.moves(row, actor)

    def fields(self, row: Row, actor: Ref | None) -> None:
        changes: dict[str, tuple[Any, Any]] = {}
        urgency = row.urgency or self.f["urgency"]
        impact = row.impact or self.f["impact"]
        priority = row.priority or self.matrix[(impact, urgency)]
        if (impact, urgency, priority) != (self.f["impact"], self.f["urgency"],
                                           self.f["priority"]):
            self.set(changes, "impact", impact)
            self.set(changes, "urgency", urgency)
            self.set(changes, "priority", priority)
            self.step(actor, JournalAction.REPRIORITISE, changes)  # R10
            changes = {}
        for name in ("title", "description", "type", "channel"):
            value = getattr(row, name)
            if value:
                self.set(changes, name, value)
        if row.caller:
            self.set(changes, "caller", Ref("caller", row.caller))
        if row.category and Ref("category", row.category) != self.f["category"]:
            self.set(changes, "category", Ref("category", row.category))
        if changes:
            self.step(actor, JournalAction.UPDATE, changes)

    def routing(self, row: Row, actor: Ref | None) -> None:
        """Transfers (R06), counted by the source's reassignment count, and assignment."""
        group = Ref("group", row.group) if row.group else self.f["group"]
        assignee = Ref("person", row.assignee) if row.assignee else None
        count = row.reassignment_count
        if count is not None and count < self.f["reassignment_count"]:
            raise self.refuse("import.refuse.count_down", old=self.f["reassignment_count"],
                              new=count)
        transfers = 0 if count is None else count - self.f["reassignment_count"]
        if transfers > 0 and self.stage == Stage.LOGGED and self.f["group"] is None:
            # the first assignment, which the source counted as a reassignment
            self.assign(actor, group, assignee, implied=False, count=count)
            return
        if transfers > 0:
            self.resume(actor, implied=True)
            if self.stage == Stage.LOGGED:
                self.assign(actor, self.f["group"] or group, None, implied=True)
            if self.stage == Stage.RESOLVED:
                self.reject(actor, implied=True)
            changes: dict[str, tuple[Any, Any]] = {}
            self.set(changes, "stage", Stage.ASSIGNED.value)
            self.set(changes, "group", group)
            self.set(changes, "assignee", assignee)
            self.set(changes, "reassignment_count", count)
            self.step(actor, JournalAction.TRANSFER, changes,
                      note=IMPLIED if transfers > 1 else "")
            return
        if self.stage == Stage.LOGGED:
            return  # the move to the row's stage assigns it
        changes = {}
        self.set(changes, "group", group)
        if assignee is not None:  # an empty assignee in a row is not an unassignment
            self.set(changes, "assignee", assignee)
        if changes:
            self.step(actor, JournalAction.ASSIGN, changes)

    def moves(self, row: Row, actor: Ref | None) -> None:
        target = row.stage
        if target == "":  # pending: the stage stays, unless it is no longer open
            if self.stage == Stage.RESOLVED:
                self.reject(actor, implied=True)
            if self.wait != row.wait_code:
                self.resume(actor, implied=False)
                self.pend(actor, row)
            return
        self.resume(actor, implied=False)
        stage = Stage(target)
        group = Ref("group", row.group) if row.group else self.f["group"]
        assignee = Ref("person", row.assignee) if row.assignee else None
        if stage == self.stage:
            return
        if stage == Stage.LOGGED:
            raise self.refuse("rule.move_not_allowed_import", source=self.stage.value,
                              target=stage.value)
        if self.stage == Stage.LOGGED and stage == Stage.ASSIGNED and group is None:
            return  # new and not yet dispatched to a group: still Logged here
        if self.stage == Stage.LOGGED and (row.group or stage not in (Stage.RESOLVED,
                                                                       Stage.CLOSED)):
            # dispatched to a group: not a first-contact resolution
            self.assign(actor, group, assignee if stage == Stage.ASSIGNED else None,
                        implied=stage != Stage.ASSIGNED)
        if stage == Stage.ASSIGNED:
            if self.stage != Stage.ASSIGNED:
                raise self.refuse("rule.move_not_allowed_import", source=self.stage.value,
                                  target=stage.value)
            return
        if stage == Stage.IN_PROGRESS:
            if self.stage == Stage.RESOLVED:
                self.reject(actor, implied=False)
            elif self.stage == Stage.ASSIGNED:
                self.accept(actor, assignee, implied=False)
            return
        # resolved or closed
        if self.stage == Stage.ASSIGNED:
            self.accept(actor, assignee, implied=True)
        if self.stage in (Stage.LOGGED, Stage.IN_PROGRESS):
            self.resolve(row, actor, implied=stage == Stage.CLOSED)
        if stage == Stage.CLOSED:
            self.close(row, actor)

    # -- the moves ---------------------------------------------------------------------
    def assign(self, actor: Ref | None, group: Ref | None, assignee: Ref | None,
               implied: bool, count: int | None = None) -> None:
        if group is None:
            raise self.refuse("import.refuse.required", field="group")
        changes: dict[str, tuple[Any, Any]] = {}
        self.set(changes, "stage", Stage.ASSIGNED.value)
        self.set(changes, "group", group)
        self.set(changes, "assignee", assignee)
        if count is not None:
            self.set(changes, "reassignment_count", count)
        if self.f["assigned_at"] is None:
            self.f["assigned_at"] = self.at
        self.step(actor, JournalAction.ASSIGN, changes, IMPLIED if implied else "")

    def accept(self, actor: Ref | None, assignee: Ref | None, implied: bool) -> None:
        changes: dict[str, tuple[Any, Any]] = {}
        self.set(changes, "stage", Stage.IN_PROGRESS.value)
        self.set(changes, "assignee", assignee or self.f["assignee"] or actor)
        if self.f["accepted_at"] is None:
            self.f["accepted_at"] = self.at
        self.step(actor, JournalAction.ACCEPT, changes, IMPLIED if implied else "")

    def resolve(self, row: Row, actor: Ref | None, implied: bool) -> None:
        resolver = Ref("person", row.resolved_by) if row.resolved_by else actor
        changes: dict[str, tuple[Any, Any]] = {}
        text = row.resolution or f"{self.source}: {row.state_text}"
        self.set(changes, "stage", Stage.RESOLVED.value)
        self.set(changes, "resolution", text)
        self.set(changes, "resolution_type", "resolution")
        self.set(changes, "resolved_by", resolver)
        # a ticket list gives the moment of the resolution apart from the last update
        when = row.resolved_at if row.resolved_at is not None and \
            self.floor <= row.resolved_at <= self.at else self.at
        self.f["resolved_at"] = when
        self.f["confirmed_at"] = None
        self.steps.append(Step(when, resolver, JournalAction.RESOLVE, changes,
                               IMPLIED if implied else ""))

    def reject(self, actor: Ref | None, implied: bool) -> None:
        changes: dict[str, tuple[Any, Any]] = {}
        self.set(changes, "stage", Stage.IN_PROGRESS.value)
        if self.f["assignee"] is None:
            self.set(changes, "assignee", self.f["resolved_by"])
        if self.f["accepted_at"] is None:
            self.f["accepted_at"] = self.at
        self.f["resolved_at"] = None
        self.f["confirmed_at"] = None
        self.step(actor, JournalAction.REJECT, changes,
                  IMPLIED if implied else "import.reopened")

    def close(self, row: Row, actor: Ref | None) -> None:
        """R21/R23: a close code is required; the source's closure is the confirmed result
        (the caller's confirmation is not in an export)."""
        if not row.close_code:
            raise self.refuse("import.refuse.no_close_code")  # R23
        closed_at = max(self.at, row.closed_at) if row.closed_at and \
            row.closed_at <= self.now else self.at
        self.at = closed_at
        changes: dict[str, tuple[Any, Any]] = {}
        self.set(changes, "stage", Stage.CLOSED.value)
        self.set(changes, "close_code", Ref("close_code", row.close_code))
        self.f["close_notes"] = f"{self.source}: {row.state_text} ({row.close_code})"
        self.f["confirmed_at"] = closed_at
        self.f["closed_at"] = closed_at
        self.f["closed_at_or_now"] = closed_at
        self.f["closed_by"] = actor
        # the close notes are on the incident (R21); the entry stays out of the search
        # index's notes, which are for what people wrote
        self.step(actor, JournalAction.CLOSE, changes)

    def pend(self, actor: Ref | None, row: Row) -> None:
        assert row.wait_code is not None
        changes: dict[str, tuple[Any, Any]] = {}
        self.set(changes, "wait_code", Ref("wait_code", row.wait_code))
        self.wait = row.wait_code
        self.f["pending_since"] = self.at
        self.step(actor, JournalAction.PEND, changes)  # the wait code says what it awaits

    def resume(self, actor: Ref | None, implied: bool) -> None:
        if self.wait is None:
            return
        changes: dict[str, tuple[Any, Any]] = {}
        self.set(changes, "wait_code", None)
        self.wait = None
        self.f["pending_since"] = None
        self.step(actor, JournalAction.RESUME, changes, IMPLIED if implied else "")


def plan_incident(rows: list[Row], matrix: dict[tuple[int, int], int], now: datetime,
                  source: str) -> Plan | Refusal:
    replay = Replay(rows, matrix, now, source)
    try:
        return replay.run()
    except Refused as refusal:
        return Refusal(rows[0].number, refusal.line, refusal.key, refusal.params)
