"""The idle lock: after this many minutes without keyboard or mouse, a workstation returns to
its sign-in screen, keeping open tabs and typed text for the same person. The process owner
sets the minutes for every workstation sharing the file; 0 turns the lock off."""

from __future__ import annotations

from desk_app.services.session import Changes, Session
from desk_app.storage.models import Setting

IDLE_KEY = "security.idle_lock_minutes"
DEFAULT_MINUTES = 15
MAX_MINUTES = 8 * 60


def idle_lock_minutes(session: Session) -> int:
    """The minutes for this workstation (every signed-in person's workstation needs them)."""

    def run() -> int:
        row = Setting.get_or_none(Setting.key == IDLE_KEY)
        try:
            return max(0, min(MAX_MINUTES, int(row.value))) if row is not None \
                else DEFAULT_MINUTES
        except ValueError:
            return DEFAULT_MINUTES

    return session.read(run)


def save_idle_lock_minutes(session: Session, minutes: int) -> Changes:
    """The process owner's choice (0: never lock); the owner check and the range check are
    those of every whole-number setting."""
    from desk_app.services.admin.process import _save_number_setting

    return _save_number_setting(session, IDLE_KEY, minutes, 0, MAX_MINUTES, None)
