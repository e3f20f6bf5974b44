"""The one source of "now" for the core.

Time is injected so that tests (and the demo generator) can move it; every stored time is UTC
at whole-second resolution, so that a value read back compares equal to the value written.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware UTC, whole seconds."""
        ...


def utc(dt: datetime) -> datetime:
    """Normalise to aware UTC at whole seconds (naive values are taken as UTC)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).replace(microsecond=0)


class SystemClock:
    def now(self) -> datetime:
        return utc(datetime.now(UTC))


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime | str = "2026-03-02T01:00:00+00:00") -> None:
        self._now = utc(datetime.fromisoformat(start) if isinstance(start, str) else start)

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> datetime:
        self._now = utc(self._now + timedelta(**delta))
        return self._now

    def set(self, when: datetime) -> None:
        self._now = utc(when)


class OffsetClock:
    """Real time moved by a fixed offset: a long-running process (``desk-app watch``) that
    must act as if it were later, for replays and tests. Processes given the same offset
    agree on "now", which their leases need."""

    def __init__(self, offset_seconds: float) -> None:
        self.offset = timedelta(seconds=offset_seconds)

    def now(self) -> datetime:
        return utc(datetime.now(UTC) + self.offset)
