"""One incident's life, played in memory the way the core's services would play it.

Each operation here mirrors one service call (``desk_app.services``): the same field
changes in the same order, the same journal rows with the same ``changes`` JSON, the same
target clocks and clock runs (a line-by-line port of ``targets.ClockSync``), the same
escalations and notifications (``escalation.escalate``/``recipients``), and the escalation
scan and automatic closure run once a minute. What comes out are the rows the services
would have left in the file. ``tests/bench/test_generator.py`` replays the same operations
through the real services and compares the two files row by row, so that any drift
between this port and the core shows up as a failing test, not as quietly unrealistic data.

Times are whole epoch seconds; the scans run on minute boundaries.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bench.timeline import Timeline

STAGE_ORDER = ("assign", "accept", "resolve")
#: The order in which SQLite hands back an incident's breached clocks in the scan's query
#: (it walks the index on (incident_id, stage, state)), hence the order of their
#: escalations; the replay test pins it.
BREACH_ORDER = ("accept", "assign", "resolve")
TRANSFER_LIMIT = 3
CALL_CHANNELS = ("phone", "verbal")
#: Work notes sort after every other row made in the same second (see ``Life.run``).
NOTE_SEQUENCE = 10**9
MINUTE = 60
FOREIGN = {"caller", "category", "group", "assignee", "wait_code", "close_code",
           "confirmed_by", "created_by", "resolved_by", "closed_by", "linked_incident"}
MOMENTS = {"created_at", "updated_at", "assigned_at", "accepted_at", "resolved_at",
           "confirmed_at", "closed_at", "pending_since", "next_deadline"}


#: ``json.dumps(..., ensure_ascii=False)`` as ``editing.write_journal`` calls it, without
#: building a new encoder for every row
_encode = json.JSONEncoder(ensure_ascii=False).encode


def ceil_minute(moment: int) -> int:
    return -(-moment // MINUTE) * MINUTE


def iso(moment: int) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat()


@dataclass
class Reference:
    """What the services read from the file's reference tables, read once."""

    matrix: dict[tuple[int, int], int]
    targets: dict[tuple[int, str], tuple[int, int]]  # (priority, stage) -> (minutes, calendar)
    timelines: dict[int, Timeline]
    managers: list[int]
    manager_channels: list[str]
    rules: list[dict[str, Any]]
    caller_department: dict[int, int | None]
    group_department: dict[int, int | None]
    department_head: dict[int, int | None]
    active_users: set[int]
    auto_close_code: int
    auto_close_days: int
    change_wait_code: int
    categories: dict[int, tuple[int, int | None]]  # id -> (group, tier-2 group)
    #: users with working hours: their alerts of priority 2-4 wait for them (R09)
    user_calendars: dict[int, int] = field(default_factory=dict)


class Row:
    """A row waiting to be written; ``id`` is given when rows are put in time order."""

    __slots__ = ("id", "values")

    def __init__(self, **values: Any) -> None:
        self.id = 0
        self.values = values


@dataclass
class Emitted:
    """One incident's rows, each with the moment and sequence of its creation."""

    rows: list[tuple[int, int, str, Row]] = field(default_factory=list)


class Life:
    """One incident; ``apply(op)`` performs one service call on it."""

    def __init__(self, ref: Reference, incident_id: int, now: int) -> None:
        self.ref = ref
        self.id = incident_id
        self.now = now
        self.f: dict[str, Any] = {"stage": None, "next_deadline": None}
        self.clocks: dict[str, Row] = {}
        self.runs: dict[str, list[Row]] = {s: [] for s in STAGE_ORDER}
        self.escalations: dict[str, Row] = {}
        self.changes: list[Row] = []
        self.out = Emitted()
        self.seq = 0
        self.done: list[tuple[int, int, str, dict[str, Any]]] = []  # what a replay calls
        self.queue: list[tuple[int, int, int, str, dict[str, Any]]] = []
        #: when and by whom a supervisor acknowledges an escalation (R08), or None
        self.ack_policy: Callable[[str, int], tuple[int, int, str] | None] | None = None
        self.acks: list[tuple[int, str, int, str]] = []  # (time, reason, manager, comment)
        self.notifications: list[Row] = []

    # -- rows -------------------------------------------------------------------------------
    def emit(self, table: str, row: Row, at: int) -> Row:
        self.seq += 1
        self.out.rows.append((at, self.seq, table, row))
        return row

    def journal(self, at: int, actor: int | None, action: str,
                changes: dict[str, tuple[Any, Any]] | None = None, note: Any = "") -> None:
        text = _encode({k: [_plain(k, o), _plain(k, n)] for k, (o, n) in
                        changes.items()}) if changes else "{}"
        self.emit("journal", Row(incident_id=self.id, at=at, actor_id=actor, action=action,
                                 changes=text, note=note), at)

    # -- the operation queue ----------------------------------------------------------------
    def run(self, ops: list[tuple[int, str, dict[str, Any]]]) -> None:
        """Play ``ops`` (time, name, arguments) up to ``now``, with the scans in between.

        Work notes change nothing but the journal, and ``add_note`` takes them until the
        incident closes; they are written after the rest is played, each after whatever
        else happened in the same second (as their place in ``ops`` puts them)."""
        notes = []
        for order, (at, name, args) in enumerate(ops):
            if name == "note":
                notes.append((at, args))
            else:
                heapq.heappush(self.queue, (at, 2, order, name, args))
        counter = len(ops)
        floor = 0
        while True:
            for ack_at, reason, manager, comment in self.acks:
                counter += 1
                heapq.heappush(self.queue, (ack_at, 2, counter, "acknowledge",
                                            {"reason": reason, "actor": manager,
                                             "comment": comment}))
            self.acks.clear()
            next_op = self.queue[0][0] if self.queue else None
            horizon = self.now if next_op is None else min(next_op, self.now)
            # the next minute's scan: never before the moment already played
            scan_at = (max(ceil_minute(self.f["next_deadline"]), ceil_minute(floor))
                       if self.f["next_deadline"] is not None else None)
            close_at = (max(ceil_minute(self.f["resolved_at"] + self.ref.auto_close_days
                                        * 86400), ceil_minute(floor))
                        if self.f["stage"] == "resolved" else None)
            if scan_at is not None and scan_at <= horizon and (
                    close_at is None or scan_at <= close_at):
                self.scan(scan_at)
                self.done.append((scan_at, 0, "scan", {}))
                floor = scan_at
                continue
            if close_at is not None and close_at <= horizon:
                self.auto_close(close_at)
                self.done.append((close_at, 1, "auto_close", {}))
                floor = close_at
                continue
            if next_op is None or next_op > self.now:
                break
            at, _, _, name, args = heapq.heappop(self.queue)
            if getattr(self, "allow_" + name)(**args):
                getattr(self, name)(at, **args)
                self.done.append((at, 2, name, args))
            floor = at + 1  # this minute's scan, if at a whole minute, ran before the call
        closed = self.f["closed_at"]
        written = []
        for at, args in notes:
            if at <= self.now and (closed is None or at < closed):
                self.seq += 1
                self.out.rows.append((at, NOTE_SEQUENCE + self.seq, "journal", Row(
                    incident_id=self.id, at=at, actor_id=args["actor"], action="note",
                    changes="{}", note=args["text"])))
                written.append((at, 2, "note", args))
        if written:
            self.done = sorted(self.done + written, key=lambda step: (step[0], step[2] == "note"))

    # -- the edit (services/incident/editing.py) -------------------------------------------------
    def edit(self) -> Edit:
        return Edit(self)

    # -- target clocks (services/process/targets.py) ------------------------------------
    def reached(self, stage: str) -> bool:
        f = self.f
        if stage == "assign":
            return f["assigned_at"] is not None or f["stage"] != "logged"
        if stage == "accept":
            return f["accepted_at"] is not None or f["stage"] in (
                "in_progress", "resolved", "closed")
        return f["stage"] in ("resolved", "closed")

    def sync(self, edit: Edit, now: int, actor: int | None) -> None:
        rematched: dict[str, tuple[Any, Any]] = {}
        deadlines = []
        for stage in STAGE_ORDER:
            clock = self._sync_stage(stage, now, rematched)
            v = clock.values
            if v["state"] == "running" and v["breached_at"] is None:
                deadlines.append(v["due_at"])
        if rematched:
            self.journal(now, actor, "targets", rematched, note=f"P{self.f['priority']}")
        edit.set("next_deadline", min(deadlines) if deadlines else None, journal=False)

    def _sync_stage(self, stage: str, now: int, rematched: dict[str, tuple[Any, Any]]) -> Row:
        f, ref = self.f, self.ref
        runs = self.runs[stage]
        clock = self.clocks.get(stage)
        open_run = runs[-1] if runs and runs[-1].values["ended_at"] is None else None
        if (open_run is None and clock is not None and clock.values["state"] == "stopped"
                and self.reached(stage)):
            return clock  # a stopped stage stays as it is (every assignment below is a no-op)
        running = f["wait_code_id"] is None and not self.reached(stage)
        closed_now = None
        if running and open_run is None:
            open_run = self.emit("clock_run", Row(incident_id=self.id, stage=stage,
                                                  started_at=now, ended_at=None), now)
            runs.append(open_run)
        elif not running and open_run is not None:
            open_run.values["ended_at"] = now
            closed_now, open_run = open_run, None

        finished = self.reached(stage)
        minutes, calendar = ref.targets[(f["priority"], stage)]
        fresh = clock is None or (clock.values["priority"] != f["priority"] and not finished)
        if fresh:
            previous = clock
            if clock is not None:
                c = clock.values
                if c["running_since"] is not None:
                    c["elapsed_seconds"] = c["elapsed_seconds"] + ref.timelines[
                        c["calendar_id"]].working_seconds(c["running_since"], now)
                c["state"] = "superseded"
                c["running_since"] = None
                c["stopped_at"] = now
                rematched[stage] = (c["target_minutes"], minutes)
            clock = self.emit("target_clock", Row(
                incident_id=self.id, stage=stage, priority=f["priority"],
                target_minutes=minutes, calendar_id=calendar, state="running",
                started_at=runs[0].values["started_at"] if runs else now,
                elapsed_seconds=0, running_since=None, due_at=None,
                breached_at=previous.values["breached_at"] if previous is not None else None,
                stopped_at=None), now)
            self.clocks[stage] = clock
        assert clock is not None
        c = clock.values
        timeline = ref.timelines[c["calendar_id"]]
        if fresh:
            c["elapsed_seconds"] = sum(
                timeline.working_seconds(r.values["started_at"], r.values["ended_at"])
                for r in runs if r.values["ended_at"] is not None)
        elif closed_now is not None:
            c["elapsed_seconds"] += timeline.working_seconds(
                closed_now.values["started_at"], now)
        state = "stopped" if finished else "running" if running else "paused"
        if state == "stopped" and c["state"] != "stopped":
            c["stopped_at"] = now
        elif state != "stopped":
            c["stopped_at"] = None
        c["state"] = state
        if open_run is not None:
            start = open_run.values["started_at"]
            c["running_since"] = start
            c["due_at"] = timeline.add_working_seconds(
                start, c["target_minutes"] * 60 - c["elapsed_seconds"])
        else:
            c["running_since"] = None
            c["due_at"] = None
        return clock

    # -- escalation (services/alerts/escalation.py) -----------------------------------------------
    def escalate(self, edit: Edit, reason: str, now: int, actor: int | None) -> None:
        if reason in self.escalations:
            return
        f, ref = self.f, self.ref
        old_urgency, old_priority = f["urgency"], f["priority"]
        new_urgency = min(old_urgency, 2)
        new_priority = ref.matrix[(f["impact"], new_urgency)]
        escalation = self.emit("escalation", Row(
            version=1, incident_id=self.id, reason=reason, at=now, actor_id=actor,
            old_urgency=old_urgency, new_urgency=new_urgency, old_priority=old_priority,
            new_priority=new_priority, acknowledged_at=None, acknowledged_by_id=None,
            ack_comment=""), now)
        self.escalations[reason] = escalation
        edit.set("urgency", new_urgency, journal=False)
        edit.set("priority", new_priority, journal=False)
        edit.set("escalation_count", f["escalation_count"] + 1, journal=False)
        changes: dict[str, tuple[Any, Any]] = {}
        if new_urgency != old_urgency:
            changes["urgency"] = (old_urgency, new_urgency)
        if new_priority != old_priority:
            changes["priority"] = (old_priority, new_priority)
        self.journal(now, actor, "escalate", changes, note=reason)
        for user_id, channel in sorted(self.recipients(reason)):
            if user_id in ref.active_users:
                calendar = ref.user_calendars.get(user_id)
                # R09 (delivery.hours.due_time): priority 2-4 waits for working hours
                due = now if calendar is None or self.f["priority"] == 1 else (
                    ref.timelines[calendar].next_working_moment(now))
                # one open call task per incident and person (services.alerts.tasks); every
                # person of the benchmark's organisation has a phone number, so the fallback
                # of a phone call to the next channel never happens here
                state, lead = "pending", None
                if channel in CALL_CHANNELS:
                    lead = self.open_lead(user_id)
                    if lead is not None:
                        state = "joined"
                        lead.values["next_attempt_at"] = min(lead.values["next_attempt_at"],
                                                             due)
                row = self.emit("notification", Row(
                    escalation=escalation, recipient_id=user_id, channel=channel,
                    state=state, attempts=0, next_attempt_at=due, lease_owner=None,
                    lease_until=None, last_error="", created_at=now, sent_at=None,
                    acknowledged_at=None, acknowledged_by_id=None, joined_to=lead,
                    state_reason=""), now)
                self.notifications.append(row)
        self.on_escalated(reason, now)

    def open_lead(self, user_id: int) -> Row | None:
        for row in self.notifications:
            v = row.values
            if (v["recipient_id"] == user_id and v["channel"] in CALL_CHANNELS
                    and v["state"] == "pending" and v["joined_to"] is None):
                return row
        return None

    def settle(self) -> None:
        """``alerts.tasks.settle`` for this incident: calls whose reason ended end."""
        calls = [r for r in self.notifications
                 if r.values["channel"] in CALL_CHANNELS
                 and r.values["state"] in ("pending", "joined")]
        stage = self.f["stage"]
        ended: dict[int, tuple[Row, str]] = {}
        alive: dict[int, int] = {}
        for row in calls:
            v = row.values
            acknowledged = v["escalation"].values["acknowledged_at"] is not None
            if stage in ("resolved", "closed"):
                ended[id(row)] = (row, stage)
            elif v["state"] == "joined" and acknowledged:
                ended[id(row)] = (row, "acknowledged")
            elif v["state"] == "joined" and v["joined_to"] is not None:
                alive[id(v["joined_to"])] = alive.get(id(v["joined_to"]), 0) + 1
        for row in calls:
            v = row.values
            if (id(row) not in ended and v["state"] == "pending"
                    and v["escalation"].values["acknowledged_at"] is not None
                    and not alive.get(id(row))):
                ended[id(row)] = (row, "acknowledged")
        for row, why in ended.values():
            row.values.update(state="not_needed", state_reason=why, lease_owner=None,
                              lease_until=None, last_error="")

    def on_escalated(self, reason: str, now: int) -> None:
        if self.ack_policy is not None:
            ack = self.ack_policy(reason, now)
            if ack is not None:
                self.acks.append((ack[0], reason, ack[1], ack[2]))

    def recipients(self, reason: str) -> set[tuple[int, str]]:
        f, ref = self.f, self.ref
        result = {(m, c) for m in ref.managers for c in ref.manager_channels}
        for rule in ref.rules:
            if rule["max_priority"] is not None and f["priority"] > rule["max_priority"]:
                continue
            if (rule["min_escalations"] is not None
                    and f["escalation_count"] < rule["min_escalations"]):
                continue
            if rule["reason"] is not None and rule["reason"] != reason:
                continue
            if rule["category_id"] is not None and rule["category_id"] != f["category_id"]:
                continue
            result.update((p, c) for p in self._rule_people(rule) for c in rule["channels"])
        return result

    def _rule_people(self, rule: dict[str, Any]) -> list[int]:
        ref = self.ref
        kind = rule["recipient"]
        if kind == "user":
            return [rule["user_id"]] if rule["user_id"] else []
        if kind == "all_department_heads":
            return [h for h in ref.department_head.values() if h is not None]
        if kind == "caller_department_head":
            department = ref.caller_department[self.f["caller_id"]]
        else:
            department = ref.group_department[self.f["group_id"]]
        if department is None:
            return []
        head = ref.department_head[department]
        return [head] if head else []

    def scan(self, now: int) -> None:
        """``escalation._scan_batch`` for this incident, repeated while it is still due (a
        re-match after an escalation can make another clock due at once)."""
        while self.f["next_deadline"] is not None and self.f["next_deadline"] <= now:
            edit = self.edit()
            for stage in BREACH_ORDER:
                clock = self.clocks.get(stage)
                if clock is None:
                    continue
                c = clock.values
                if (c["state"] == "running" and c["breached_at"] is None
                        and c["due_at"] is not None and c["due_at"] <= now):
                    c["breached_at"] = c["due_at"]
                    self.journal(now, None, "breach", note=stage)
                    self.escalate(edit, f"{stage}_target", now, None)
            self.sync(edit, now, None)
            edit.save(now, "update", None)

    # -- the services -------------------------------------------------------------------
    def allow_log(self, **_: Any) -> bool:
        return True

    def log(self, at: int, *, actor: int, caller_id: int, type: str, category_id: int,
            impact: int, urgency: int, title: str, description: str, channel: str,
            resolve: dict[str, Any] | None = None) -> None:
        ref = self.ref
        group = ref.categories[category_id][0]
        priority = ref.matrix[(impact, urgency)]
        self.f = {
            "id": self.id, "version": 1, "number": f"INC{self.id:07d}", "type": type,
            "channel": channel, "caller_id": caller_id, "category_id": category_id,
            "group_id": group, "assignee_id": None, "impact": impact, "urgency": urgency,
            "priority": priority, "stage": "logged", "wait_code_id": None,
            "pending_since": None, "title": title, "description": description,
            "resolution": "", "resolution_type": None, "knowledge": False,
            "close_code_id": None, "close_notes": "", "satisfaction": None,
            "confirmed_at": None, "confirmed_by_id": None, "created_by_id": actor,
            "created_at": at, "updated_at": at, "assigned_at": None, "accepted_at": None,
            "resolved_at": None, "resolved_by_id": None, "closed_at": None,
            "closed_by_id": None, "reassignment_count": 0, "escalation_count": 0,
            "next_deadline": None, "linked_incident_id": None,
        }
        self.journal(at, actor, "log", {
            "stage": (None, "logged"), "priority": (None, priority),
            "impact": (None, impact), "urgency": (None, urgency),
            "category": (None, category_id), "group": (None, group)})
        edit = self.edit()
        self.sync(edit, at, actor)  # the first deadline; _log writes it without a version
        edit.values.clear()
        if resolve is not None:
            self.resolve(at, actor=actor, **resolve)

    def finish(self, edit: Edit, now: int, action: str, actor: int | None,
               note: str = "") -> None:
        self.sync(edit, now, actor)
        edit.save(now, action, actor, note)

    def allow_assign(self, **_: Any) -> bool:
        return self.f["stage"] == "logged" and self.f["wait_code_id"] is None

    def assign(self, at: int, *, actor: int, note: str = "") -> None:
        edit = self.edit()
        self._route(edit, None, 1)
        edit.set("stage", "assigned")
        if self.f["assigned_at"] is None:
            edit.set("assigned_at", at, journal=False)
        self.finish(edit, at, "assign", actor, note)

    def _route(self, edit: Edit, category_id: int | None, tier: int) -> None:
        f = self.f
        category = category_id if category_id is not None else f["category_id"]
        group, tier2 = self.ref.categories[category]
        edit.set("category", category)
        edit.set("group", tier2 if tier == 2 else group)
        edit.set("assignee", None)

    def allow_accept(self, *, actor: int, **_: Any) -> bool:
        return self.f["stage"] == "assigned" and self.f["wait_code_id"] is None

    def accept(self, at: int, *, actor: int) -> None:
        edit = self.edit()
        edit.set("stage", "in_progress")
        edit.set("assignee", actor)
        if self.f["accepted_at"] is None:
            edit.set("accepted_at", at, journal=False)
        self.finish(edit, at, "accept", actor)

    def allow_transfer(self, **_: Any) -> bool:
        return self.f["stage"] in ("assigned", "in_progress") and self.f["wait_code_id"] is None

    def transfer(self, at: int, *, actor: int, note: str, category_id: int | None = None,
                 tier: int | None = None) -> None:
        f = self.f
        edit = self.edit()
        level = tier
        if level is None:
            recategorised = category_id is not None and category_id != f["category_id"]
            level = 1 if recategorised or f["group_id"] != self.ref.categories[
                f["category_id"]][1] else 2
        old = (f["group_id"], f["assignee_id"])
        self._route(edit, category_id, level)
        assert (f["group_id"], f["assignee_id"]) != old, "a transfer needs a new target"
        edit.set("stage", "assigned")
        edit.set("reassignment_count", f["reassignment_count"] + 1)
        if f["reassignment_count"] == TRANSFER_LIMIT:
            self.escalate(edit, "transfers", at, actor)
        self.finish(edit, at, "transfer", actor, note)

    def allow_pend(self, **_: Any) -> bool:
        return self.f["stage"] in ("logged", "assigned", "in_progress") and (
            self.f["wait_code_id"] is None)

    def pend(self, at: int, *, actor: int, wait_code_id: int, note: str = "") -> None:
        edit = self.edit()
        edit.set("wait_code", wait_code_id)
        edit.set("pending_since", at, journal=False)
        self.finish(edit, at, "pend", actor, note)

    def allow_resume(self, **_: Any) -> bool:
        return (self.f["wait_code_id"] is not None and self.f["stage"] != "closed"
                and not any(c.values["state"] == "open" for c in self.changes))

    def resume(self, at: int, *, actor: int, note: str = "") -> None:
        edit = self.edit()
        edit.set("wait_code", None)
        edit.set("pending_since", None, journal=False)
        self.finish(edit, at, "resume", actor, note)

    def allow_raise_change(self, **_: Any) -> bool:
        return self.f["stage"] in ("logged", "assigned", "in_progress")

    def raise_change(self, at: int, *, actor: int, title: str, description: str = "") -> None:
        change = self.emit("change_request", Row(
            version=1, incident_id=self.id, title=title, description=description,
            state="open", outcome="", created_by_id=actor, created_at=at, closed_by_id=None,
            closed_at=None), at)
        self.changes.append(change)
        edit = self.edit()
        if self.f["wait_code_id"] is None:  # one already waiting keeps its reason
            edit.set("wait_code", self.ref.change_wait_code)
            edit.set("pending_since", at, journal=False)
        self.sync(edit, at, actor)
        edit.save(at, "raise_change", actor, ChangeNumber(change))

    def allow_close_change(self, **_: Any) -> bool:
        return any(c.values["state"] == "open" for c in self.changes)

    def close_change(self, at: int, *, actor: int, outcome: str) -> None:
        change = next(c for c in self.changes if c.values["state"] == "open")
        change.values.update(state="closed", outcome=outcome, closed_by_id=actor,
                             closed_at=at, version=change.values["version"] + 1)
        self.journal(at, actor, "close_change", note=ChangeNumber(change))
        if self.f["wait_code_id"] == self.ref.change_wait_code and not any(
                c.values["state"] == "open" for c in self.changes):
            edit = self.edit()
            edit.set("wait_code", None)
            edit.set("pending_since", None, journal=False)
            self.sync(edit, at, actor)
            edit.save(at, "resume", actor, ChangeNumber(change))

    def allow_resolve(self, **_: Any) -> bool:
        return self.f["stage"] in ("logged", "in_progress") and self.f["wait_code_id"] is None

    def resolve(self, at: int, *, actor: int, resolution: str, resolution_type: str,
                knowledge: bool) -> None:
        edit = self.edit()
        edit.set("stage", "resolved")
        edit.set("resolution", resolution)
        edit.set("resolution_type", resolution_type)
        edit.set("knowledge", bool(knowledge))
        edit.set("resolved_at", at, journal=False)
        edit.set("resolved_by", actor)
        edit.set("confirmed_at", None, journal=False)
        edit.set("confirmed_by", None, journal=False)
        self.finish(edit, at, "resolve", actor)

    def allow_reject(self, **_: Any) -> bool:
        return self.f["stage"] == "resolved"

    def reject(self, at: int, *, actor: int, reason: str) -> None:
        f = self.f
        edit = self.edit()
        edit.set("stage", "in_progress")
        if f["assignee_id"] is None:
            edit.set("assignee", f["resolved_by_id"])
        if f["accepted_at"] is None:
            edit.set("accepted_at", at, journal=False)
        edit.set("resolved_at", None, journal=False)
        edit.set("confirmed_at", None, journal=False)
        edit.set("confirmed_by", None, journal=False)
        self.finish(edit, at, "reject", actor, reason)

    def allow_confirm(self, **_: Any) -> bool:
        return self.f["stage"] == "resolved" and self.f["confirmed_at"] is None

    def confirm(self, at: int, *, actor: int, note: str = "") -> None:
        edit = self.edit()
        edit.set("confirmed_at", at)
        edit.set("confirmed_by", actor)
        self.finish(edit, at, "confirm", actor, note)

    def allow_close(self, **_: Any) -> bool:
        return self.f["stage"] == "resolved" and self.f["confirmed_at"] is not None

    def close(self, at: int, *, actor: int, close_code_id: int, notes: str,
              satisfaction: int | None) -> None:
        edit = self.edit()
        edit.set("stage", "closed")
        edit.set("close_code", close_code_id)
        edit.set("close_notes", notes, journal=False)
        edit.set("satisfaction", satisfaction)
        edit.set("closed_at", at, journal=False)
        edit.set("closed_by", actor)
        self.finish(edit, at, "close", actor, notes)

    def auto_close(self, now: int) -> None:
        note = f"auto_close_days={self.ref.auto_close_days}"
        edit = self.edit()
        edit.set("stage", "closed")
        edit.set("close_code", self.ref.auto_close_code)
        edit.set("close_notes", note, journal=False)
        edit.set("closed_at", now, journal=False)
        self.sync(edit, now, None)
        edit.save(now, "auto_close", None, note)

    def allow_note(self, **_: Any) -> bool:
        return self.f["stage"] != "closed"

    def note(self, at: int, *, actor: int, text: str) -> None:
        self.journal(at, actor, "note", note=text)

    def allow_acknowledge(self, *, reason: str, **_: Any) -> bool:
        return self.escalations[reason].values["acknowledged_at"] is None

    def acknowledge(self, at: int, *, reason: str, actor: int, comment: str) -> None:
        escalation = self.escalations[reason]
        e = escalation.values
        e.update(acknowledged_at=at, acknowledged_by_id=actor, ack_comment=comment,
                 version=e["version"] + 1)
        # alerts.reading.settle_acknowledged: read for everyone, pop-ups and calls end
        for row in self.notifications:
            v = row.values
            if v["escalation"] is not escalation or v["acknowledged_at"] is not None:
                continue
            if v["channel"] == "desktop" and v["state"] in ("pending", "sent"):
                v.update(state="acknowledged", lease_owner=None, lease_until=None)
            v.update(acknowledged_at=at, acknowledged_by_id=actor)
        self.settle()


class ChangeNumber:
    """A journal note that names a change request, whose number is known once the rows are
    put in time order (change numbers follow creation across all incidents)."""

    __slots__ = ("change",)

    def __init__(self, change: Row) -> None:
        self.change = change

    def __str__(self) -> str:
        return f"CHG{self.change.id:07d}"

    def __bool__(self) -> bool:
        return True


def _plain(name: str, value: Any) -> Any:
    if name in MOMENTS and isinstance(value, int) and not isinstance(value, bool):
        return iso(value)
    return value


class Edit:
    """``editing.IncidentEdit``: collects field changes, then one compare-and-set."""

    __slots__ = ("changes", "life", "values")

    def __init__(self, life: Life) -> None:
        self.life = life
        self.values: dict[str, Any] = {}
        self.changes: dict[str, tuple[Any, Any]] = {}

    def set(self, name: str, value: Any, *, journal: bool = True) -> None:
        attr = name + "_id" if name in FOREIGN else name
        f = self.life.f
        old = f[attr]
        if old == value:
            return
        self.values[attr] = value
        f[attr] = value
        if journal:
            self.changes[name] = (old, value)

    def save(self, now: int, action: str, actor: int | None, note: Any = "") -> None:
        f = self.life.f
        if self.values.get("stage") in ("resolved", "closed"):
            self.life.settle()  # editing.save_all: a resolved or closed incident needs no calls
        f["updated_at"] = now
        f["version"] += 1
        if self.changes or note or action != "update":
            self.life.journal(now, actor, action, self.changes, note)
        self.values.clear()
        self.changes = {}
