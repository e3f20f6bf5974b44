"""The "time left" column: a countdown to the next target time (R15), coloured as it runs out.

Colours follow the share of the target that is left: amber under half, orange under a
quarter, red once it has run out. The share is measured in wall-clock time, which for an
office-hours target is never less than the working time left, so a colour never comes early.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desk_app.services.lists.queues import QueueRow


class Urgency(Enum):
    NONE = 0
    OK = 1
    WARNING = 2
    CRITICAL = 3
    BREACHED = 4


FOREGROUND = {
    Urgency.WARNING: QColor("#8a6d00"),
    Urgency.CRITICAL: QColor("#c43e00"),
    Urgency.BREACHED: QColor("#ffffff"),
}
BACKGROUND = {Urgency.BREACHED: QColor("#c62828")}



def state(row: QueueRow, now: datetime) -> Urgency:
    left = row.seconds_left(now)
    if left is None:
        return Urgency.NONE
    if left < 0 or row.breached:
        return Urgency.BREACHED
    target = (row.target_minutes or 0) * 60
    if target and left < target / 4:
        return Urgency.CRITICAL
    if target and left < target / 2:
        return Urgency.WARNING
    return Urgency.OK


def duration_text(seconds: float) -> str:
    """3 days 4 hours → "3d 4h"; under an hour, minutes and seconds ("12:05")."""
    whole = int(abs(seconds))
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        text = QCoreApplication.translate("Countdown", "%1d %2h")
        return text.replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        text = QCoreApplication.translate("Countdown", "%1h %2m")
        return text.replace("%1", str(hours)).replace("%2", f"{minutes:02d}")
    return f"{minutes}:{secs:02d}"


def text(row: QueueRow, now: datetime) -> str:
    left = row.seconds_left(now)
    if left is None:
        return QCoreApplication.translate("Countdown", "Paused") if row.pending is not None else ""
    if left < 0:
        overdue = QCoreApplication.translate("Countdown", "Overdue %1")
        return overdue.replace("%1", duration_text(left))
    return duration_text(left)
