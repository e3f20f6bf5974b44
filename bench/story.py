"""What happens to one incident, drawn from the real distributions: the service calls a
service desk would make, with their times.

A story is a list of ``(time, operation, arguments)``; ``simulate.Life`` plays it (and a
replay test plays it through the real services). Operations a service would refuse at
their moment (a note after closure, a confirmation after automatic closure) are dropped
when played, as a person's attempt would be refused.

Where the event log has no answer the numbers below are assumptions, marked as such:
the time the desk takes to dispatch, the mix of incident types, the language mix, and who
closes with which satisfaction.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from bench import texts
from bench.org import Org
from bench.profile import PERCENTILES, Profile

HOUR = 3600
Op = tuple[int, str, dict[str, Any]]

#: Assumption: minutes from logging to dispatch (the log's "New" covers dispatch and
#: acceptance together; dispatch is the desk's own quick step), at ``PERCENTILES``.
ASSIGN_MINUTES = (0.5, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18, 20, 25, 30, 40, 50, 60, 90, 120,
                  240, 480)
#: Assumption: the kinds of incident (R01).
TYPES = (("system_fault", 55), ("business_problem", 15), ("information_inquiry", 22),
         ("user_complaint", 8))
#: Assumption: share of incidents written in Chinese (the rest in English).
CHINESE_SHARE = 0.6
#: Assumption: satisfaction given at closure (R22).
SATISFACTION = ((5, 60), (4, 28), (3, 9), (2, 2), (1, 1))
#: Journal rows a story aims at on average (issue 6: "about 15 journal entries").
JOURNAL_TARGET = 15
#: Journal rows an incident has on average besides work notes (calibrated by a run)
OTHER_ROWS = 5
#: Incidents with a long history (a work note a day for months): one in this many, and at
#: least one per database, each with ``LONG_HISTORY`` journal rows.
LONG_HISTORY_EVERY = 5000
LONG_HISTORY = 200
#: Wait codes for the caller's side of pending (the log has only "Awaiting User Info").
WAIT_CODES = (("awaiting_caller", 80), ("scheduled", 10), ("awaiting_vendor", 6),
              ("awaiting_parts", 4))


def quantile(rng: random.Random, values: list[float] | tuple[float, ...]) -> float:
    """A draw from the distribution whose ``PERCENTILES`` are ``values``."""
    u = rng.random() * 100
    i = min(bisect_right(PERCENTILES, u) - 1, len(PERCENTILES) - 2)
    low, high = PERCENTILES[i], PERCENTILES[i + 1]
    share = (u - low) / (high - low)
    return values[i] + (values[i + 1] - values[i]) * share


class Weighted:
    """Fast weighted choice over a fixed population."""

    def __init__(self, pairs: list[tuple[Any, float]] | list[list[Any]]) -> None:
        self.items = [p[0] for p in pairs]
        self.cum = list(accumulate(float(p[1]) for p in pairs))

    def __call__(self, rng: random.Random) -> Any:
        return self.items[bisect_right(self.cum, rng.random() * self.cum[-1])]


class Storyteller:
    """Draws stories for one organisation from one profile."""

    def __init__(self, profile: Profile, org: Org, auto_close_days: int) -> None:
        self.p = profile
        self.org = org
        self.auto_close = auto_close_days * 86400
        by_rank = list(zip(org.categories, profile.categories, strict=False))
        self.category = Weighted([(c, w) for c, w in by_rank]
                                 or [(c, 1) for c in org.categories])
        self.impact_urgency = Weighted([((i, u), w) for i, u, w in profile.impact_urgency])
        self.transfers = Weighted([(n, w) for n, w in profile.transfers])
        self.episodes = Weighted([(n, w) for n, w in profile.pending_episodes] or [(1, 1)])
        self.channel = Weighted([(c, w) for c, w in profile.channels])
        self.type = Weighted(list(TYPES))
        self.wait_code = Weighted([(org.wait_codes[c], w) for c, w in WAIT_CODES])
        self.satisfaction = Weighted(list(SATISFACTION))
        codes = profile.close_codes or [1]
        total = sum(codes)
        # close codes are anonymised in the log: by rank, solved, workaround, the rest
        self.workaround_share = (codes[1] / total) if len(codes) > 1 else 0.0
        self.other_close = Weighted([(org.close_codes[c], w) for c, w in zip(
            ("not_reproducible", "duplicate", "withdrawn"),
            (codes[2] if len(codes) > 2 else 1, codes[3] if len(codes) > 3 else 1,
             sum(codes[4:]) or 1), strict=True)])
        self.other_close_share = sum(codes[2:]) / total if total else 0.0
        activity = sum(profile.activity) / len(profile.activity) or 1.0
        self.notes_per_update = max(0.0, (JOURNAL_TARGET - OTHER_ROWS) / activity)
        self.vip = {c[0] for c in org.callers if c[2]}
        untouched = (dict(profile.transfers).get(0, 0) / sum(w for _, w in profile.transfers)
                     * (1 - profile.pending_share))
        self.desk_share = min(1.0, profile.desk_resolved_share / untouched) if untouched else 0

    def hours(self, rng: random.Random, values: list[float]) -> int:
        return max(60, round(quantile(rng, values) * HOUR))

    def tell(self, rng: random.Random, incident_id: int, created_at: int,
             long_history: bool = False) -> list[Op]:
        org, p = self.org, self.p
        ops: list[Op] = []
        category = self.category(rng)
        zh = rng.random() < CHINESE_SHARE
        title, description = texts.incident_text(rng, category.topic, zh)
        recorder = rng.choice(org.desk)
        caller = rng.choice(org.callers)[0]
        impact, urgency = self.impact_urgency(rng)
        if caller in self.vip:
            urgency = min(urgency, 2)  # R12: High for a VIP, the desk keeps the default
        workaround = rng.random() < self.workaround_share
        resolution = {
            "resolution": texts.resolution_text(rng, category.topic, zh),
            "resolution_type": "workaround" if workaround else "resolution",
            "knowledge": rng.random() < 0.25,
        }
        log = {"actor": recorder, "caller_id": caller, "type": self.type(rng),
               "category_id": category.id, "impact": impact, "urgency": urgency,
               "title": title, "description": description, "channel": self.channel(rng)}
        t = created_at
        resolver = recorder
        taken = None  # when someone in a support group first took it
        # transfers and pending need a support group (the desk resolves from Logged), so
        # they are drawn first and the desk's share taken from the rest: all three keep
        # the log's shares
        transfers = self.transfers(rng)
        waits = self.episodes(rng) if rng.random() < p.pending_share else 0
        if transfers == 0 and waits == 0 and rng.random() < self.desk_share:
            took = round(quantile(rng, p.desk_resolve_hours) * HOUR)
            if took < 600:  # resolved while the caller is on the line
                ops.append((t, "log", {**log, "resolve": resolution}))
            else:
                ops.append((t, "log", log))
                t += took
                ops.append((t, "resolve", {"actor": recorder, **resolution}))
            group, engineer = category.group_id, None
        else:
            ops.append((t, "log", log))
            dispatch = max(30, round(quantile(rng, ASSIGN_MINUTES) * 60))
            t += dispatch
            ops.append((t, "assign", {"actor": recorder}))
            group = category.group_id
            engineer = rng.choice(org.members[group])
            t += max(60, self.hours(rng, p.accept_hours) - dispatch)
            ops.append((t, "accept", {"actor": engineer}))
            taken = t
            current = category
            at_level2 = False
            steps = ["transfer"] * transfers + ["pend"] * waits
            rng.shuffle(steps)
            work = self.hours(rng, p.work_hours)
            cuts = sorted(rng.random() for _ in steps)
            pieces = [round(work * (b - a)) for a, b in zip([0.0, *cuts], [*cuts, 1.0],
                                                            strict=True)]
            for step, piece in zip(steps, pieces, strict=False):
                t += max(60, piece)
                if step == "transfer":
                    args: dict[str, Any] = {"actor": engineer,
                                            "note": rng.choice(texts.TRANSFER_NOTES)}
                    if current.tier2_group_id is not None and not at_level2 and (
                            rng.random() < 0.5):
                        args["tier"] = 2
                        group, at_level2 = current.tier2_group_id, True
                    elif at_level2 and rng.random() < 0.5:
                        args["tier"] = 1
                        group, at_level2 = current.group_id, False
                    else:
                        others = [c for c in org.categories
                                  if c.group_id != group and c.id != current.id]
                        current = rng.choice(others)
                        args["category_id"] = current.id
                        group, at_level2 = current.group_id, False
                    ops.append((t, "transfer", args))
                    t += max(60, round(self.hours(rng, p.accept_hours) / 2))
                    engineer = rng.choice(org.members[group])
                    ops.append((t, "accept", {"actor": engineer}))
                elif rng.random() < p.change_share:
                    ops.append((t, "raise_change", {
                        "actor": engineer, "title": rng.choice(texts.CHANGE_TITLES)}))
                    t += self.hours(rng, p.pending_hours)
                    ops.append((t, "close_change", {
                        "actor": engineer, "outcome": rng.choice(texts.CHANGE_OUTCOMES)}))
                else:
                    ops.append((t, "pend", {"actor": engineer,
                                            "wait_code_id": self.wait_code(rng),
                                            "note": texts.note_text(rng, zh)}))
                    t += self.hours(rng, p.pending_hours)
                    ops.append((t, "resume", {"actor": engineer}))
            t += max(60, pieces[-1])
            resolver = engineer
            ops.append((t, "resolve", {"actor": engineer, **resolution}))
        if engineer is not None and rng.random() < p.reject_share:
            t += rng.randrange(HOUR // 2, 48 * HOUR)
            ops.append((t, "reject", {"actor": recorder,
                                      "reason": rng.choice(texts.REJECT_NOTES)}))
            t += max(600, round(self.hours(rng, p.work_hours) / 4))
            ops.append((t, "resolve", {"actor": resolver, **resolution,
                                       "resolution": texts.resolution_text(
                                           rng, category.topic, zh)}))
        resolved = t
        closing = round(quantile(rng, p.close_hours) * HOUR)
        if closing < self.auto_close:  # otherwise automatic closure (R23) closes it
            t += closing
            ops.append((t, "confirm", {"actor": recorder,
                                       "note": rng.choice(texts.CONFIRM_NOTES)}))
            roll = rng.random()
            code = (self.other_close(rng) if roll < self.other_close_share
                    else org.close_codes["workaround" if workaround else "solved"])
            ops.append((t, "close", {"actor": recorder, "close_code_id": code,
                                     "notes": rng.choice(texts.CLOSE_NOTES),
                                     "satisfaction": self.satisfaction(rng)}))
        # work notes while the incident is open, by whoever has it at the time
        if long_history:
            notes = LONG_HISTORY - len(ops) - 3
        else:
            notes = round(quantile(rng, p.activity) * self.notes_per_update)
        span = max(resolved - created_at, HOUR)
        random_ = rng.random  # the hot loop: plain floats are much cheaper than randrange
        pool = texts.NOTES_ZH + texts.NOTES_EN
        for _ in range(max(0, notes)):
            at = created_at + 1 + int(random_() * span)
            # the desk writes notes until a support group takes it, then both may
            by_desk = taken is None or at < taken or engineer is None or random_() < 0.3
            ops.append((at, "note", {"actor": recorder if by_desk else engineer,
                                     "text": pool[int(random_() * len(pool))]}))
        ops.sort(key=lambda op: op[0])
        return ops

    def ack_policy(self, rng: random.Random) -> Callable[[str, int], tuple[int, int, str] | None]:
        """R08: a supervisor acknowledges most escalations within a day and a half."""

        def policy(reason: str, at: int) -> tuple[int, int, str] | None:
            del reason
            if rng.random() < 0.03:
                return None  # still waiting on the review screen
            return (at + rng.randrange(HOUR // 2, 36 * HOUR), rng.choice(self.org.managers),
                    rng.choice(texts.ACK_COMMENTS))

        return policy
