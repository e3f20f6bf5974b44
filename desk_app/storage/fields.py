"""Column types the models share."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from peewee import IntegerField


class UtcField(IntegerField):
    """A moment, stored as whole seconds since the epoch (UTC), read back as aware UTC.

    Integers compare and index cheaply (the escalation scan walks an index of deadlines) and
    carry no time-zone ambiguity; the UI converts to local time for display.
    """

    def db_value(self, value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            if value.tzinfo is None:
                value = value.replace(tzinfo=UTC)
            return int(value.timestamp())
        return int(value)

    def python_value(self, value: Any) -> datetime | None:
        if value is None:
            return None
        return datetime.fromtimestamp(int(value), UTC)


def to_utc(value: int | None) -> datetime | None:
    """Convert a raw column value (from hand-written SQL) the way ``UtcField`` does."""
    return None if value is None else datetime.fromtimestamp(int(value), UTC)
