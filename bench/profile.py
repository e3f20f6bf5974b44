"""The shape of real incident traffic, read from the ServiceNow event log.

``/work/shared/data/servicenow_incident_event_log_sample.csv`` (or the file named by
``DESK_BENCH_EVENT_LOG``) is an event log of a real ServiceNow service desk: one row per
update of an incident, with its state, priority, impact, urgency, category, reassignment
count and times. It is read at run time and never copied into the repository. From it come
the distributions the generator draws from: priority (via impact × urgency), category,
transfers, pending (how often, how many times, how long), how long an incident waits to be
taken, worked, and left resolved before closing, and at what hour incidents arrive.

Where the file is absent (CI machines), ``FALLBACK`` in ``bench/profile_fallback.py`` holds
the same numbers, derived once from the file by ``python -m bench profile --emit``.

How the log's vocabulary maps onto the product's (PROCESS.md):

* impact 1/2/3 (High/Medium/Low) -> Extensive/Moderate/Minor, urgency 1/2/3 -> High/Medium/
  Low; with the default matrix every combination in the log keeps its priority
  (e.g. Medium x Medium -> 3, High x High -> 1);
* state New -> Logged/Assigned, Active -> In progress, Awaiting User Info -> Pending
  (awaiting the caller), Awaiting Problem -> Pending on a change raised from the incident
  (R18), Resolved -> Resolved, Closed -> Closed;
* an incident that went from New straight to Resolved was resolved by the service desk
  from Logged (R05's first-contact path);
* categories and close codes are anonymised in the log ("Category 53", "code 6"): their
  shares are used by rank.
"""

from __future__ import annotations

import csv
import itertools
import os
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

DEFAULT_LOG = Path("/work/shared/data/servicenow_incident_event_log_sample.csv")

#: Percentiles kept of every duration distribution (inverse-CDF sampling interpolates).
PERCENTILES = (0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95,
               99, 100)

_IMPACT = {"1": 1, "2": 3, "3": 4}  # High, Medium, Low -> Extensive, Moderate, Minor
_URGENCY = {"1": 2, "2": 3, "3": 4}  # High, Medium, Low -> High, Medium, Low
_CHANNEL = {"Phone": "phone", "Email": "email", "Self service": "other", "IVR": "phone",
            "Walk in": "walk_in"}


@dataclass(frozen=True)
class Profile:
    """Distributions, as plain lists so that they print as Python literals."""

    source: str
    incidents: int
    #: [[impact, urgency, weight], ...] in the product's values, at logging
    impact_urgency: list[list[int]]
    #: weights of categories, most frequent first
    categories: list[int]
    #: [[transfers, weight], ...]: reassignment_count when the incident closed
    transfers: list[list[int]]
    #: [[channel, weight], ...]
    channels: list[list]
    #: arrivals per hour of day 0..23
    arrival_hours: list[int]
    #: share of incidents the desk resolved from New/Logged without anyone working them
    desk_resolved_share: float
    #: hours from logging to the desk's resolution, for those incidents
    desk_resolve_hours: list[float]
    #: hours from logging until someone starts work (New -> Active/Awaiting)
    accept_hours: list[float]
    #: hours of work (Active) in total, for incidents that were worked
    work_hours: list[float]
    #: share of incidents pending at least once, and [[episodes, weight], ...] for those
    pending_share: float
    pending_episodes: list[list[int]]
    #: hours of one pending episode
    pending_hours: list[float]
    #: share of pending episodes that wait for a change (Awaiting Problem)
    change_share: float
    #: share of incidents whose resolution the caller rejected (Resolved -> Active)
    reject_share: float
    #: hours from the last resolution to closure
    close_hours: list[float]
    #: updates per incident (sys_mod_count at closure): how busy its timeline is
    activity: list[float]
    #: shares of close codes, most frequent first (anonymised in the log)
    close_codes: list[int]
    #: share of incidents that had missed their service target when they closed (made_sla)
    missed_target_share: float


def _percentiles(values: list[float]) -> list[float]:
    ordered = sorted(values)
    if not ordered:
        return [0.0] * len(PERCENTILES)
    last = len(ordered) - 1
    return [round(ordered[round(p / 100 * last)], 3) for p in PERCENTILES]


def _time(text: str) -> datetime | None:
    return None if text in ("", "?") else datetime.strptime(text, "%d-%m-%Y %H:%M")


def _hours(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 3600


def _code(text: str) -> str:
    return text.split(" - ")[0].strip()


def derive(path: Path) -> Profile:
    """Read the event log and reduce it to the distributions the generator needs."""
    events: dict[str, list[dict[str, str]]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            events.setdefault(row["number"], []).append(row)

    impact_urgency: Counter[tuple[int, int]] = Counter()
    categories: Counter[str] = Counter()
    transfers: Counter[int] = Counter()
    channels: Counter[str] = Counter()
    hours: Counter[int] = Counter()
    episodes: Counter[int] = Counter()
    close_codes: Counter[str] = Counter()
    desk_resolve, accept, work, pending, closing, activity = [], [], [], [], [], []
    desk_resolved = pending_incidents = rejected = change_episodes = missed = 0

    for rows in events.values():
        rows.sort(key=lambda r: (_time(r["sys_updated_at"]) or datetime.min,
                                 int(r["sys_mod_count"] or 0)))
        first, last = rows[0], rows[-1]
        opened = _time(first["opened_at"]) or _time(first["sys_updated_at"])
        assert opened is not None
        impact_urgency[(_IMPACT.get(_code(first["impact"]), 3),
                        _URGENCY.get(_code(first["urgency"]), 3))] += 1
        categories[last["category"]] += 1
        transfers[int(last["reassignment_count"] or 0)] += 1
        channels[_CHANNEL.get(first["contact_type"], "other")] += 1
        hours[opened.hour] += 1
        close_codes[last["closed_code"]] += 1
        activity.append(float(last["sys_mod_count"] or 0))
        missed += last["made_sla"].strip().upper() == "FALSE"

        # the states the incident went through, with when each began
        segments: list[tuple[str, datetime]] = [(first["incident_state"], opened)]
        for row in rows[1:]:
            moment = _time(row["sys_updated_at"])
            if row["incident_state"] != segments[-1][0] and moment is not None:
                segments.append((row["incident_state"], max(moment, segments[-1][1])))
        spans = [(state, start, segments[i + 1][1] if i + 1 < len(segments) else None)
                 for i, (state, start) in enumerate(segments)]
        states = [s for s, _, _ in spans]
        if states[0] == "New" and len(states) > 1 and states[1] == "Resolved":
            desk_resolved += 1
            desk_resolve.append(_hours(spans[0][1], spans[1][1]))
        elif states[0] == "New" and len(spans) > 1:
            accept.append(_hours(spans[0][1], spans[1][1]))
        worked = [_hours(a, b) for s, a, b in spans if s == "Active" and b is not None]
        if worked:
            work.append(sum(worked))
        waits = [(s, _hours(a, b)) for s, a, b in spans if s.startswith("Awaiting") and b]
        if waits:
            pending_incidents += 1
            episodes[len(waits)] += 1
            pending.extend(h for _, h in waits)
            change_episodes += sum(1 for s, _ in waits if s == "Awaiting Problem")
        if any(a == "Resolved" and b == "Active" for a, b in itertools.pairwise(states)):
            rejected += 1
        resolved = [(a, b) for s, a, b in spans if s == "Resolved" and b is not None]
        if resolved:
            closing.append(_hours(*resolved[-1]))

    count = len(events)
    waits_total = sum(n * w for n, w in episodes.items())
    return Profile(
        source=str(path),
        incidents=count,
        impact_urgency=[[i, u, w] for (i, u), w in sorted(impact_urgency.items())],
        categories=[w for _, w in categories.most_common()],
        transfers=[[n, w] for n, w in sorted(transfers.items())],
        channels=[[c, w] for c, w in channels.most_common()],
        arrival_hours=[hours.get(h, 0) for h in range(24)],
        desk_resolved_share=round(desk_resolved / count, 4),
        desk_resolve_hours=_percentiles(desk_resolve),
        accept_hours=_percentiles(accept),
        work_hours=_percentiles(work),
        pending_share=round(pending_incidents / count, 4),
        pending_episodes=[[n, w] for n, w in sorted(episodes.items())],
        pending_hours=_percentiles(pending),
        change_share=round(change_episodes / waits_total, 4) if waits_total else 0.0,
        reject_share=round(rejected / count, 4),
        close_hours=_percentiles(closing),
        activity=_percentiles(activity),
        close_codes=[w for code, w in close_codes.most_common() if code not in ("?", "")],
        missed_target_share=round(missed / count, 4),
    )


def event_log_path() -> Path:
    return Path(os.environ.get("DESK_BENCH_EVENT_LOG", str(DEFAULT_LOG)))


def load_profile(path: Path | None = None) -> Profile:
    """The log's distributions, or the built-in copy of them when the log is absent."""
    path = path or event_log_path()
    if path.is_file():
        return derive(path)
    from bench.profile_fallback import FALLBACK

    return FALLBACK


def emit(profile: Profile) -> str:
    """``profile`` as the source of ``bench/profile_fallback.py``."""
    fields = ",\n".join(f"    {key}={value!r}" for key, value in asdict(profile).items())
    return f"Profile(\n{fields},\n)"
