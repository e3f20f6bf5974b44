"""What the signed-in person may do outside any one incident, asked of the same checks the
services run, so that the main window shows a menu entry because the core would accept the
call (R04). Per-incident actions are ``desk_app.services.incident.actions.allowed_actions``."""

from __future__ import annotations

from collections.abc import Callable

from desk_app.errors import DeskError
from desk_app.services.admin.common import require_owner
from desk_app.services.admin.people import require_caller_manager
from desk_app.services.incident.log import check_log
from desk_app.services.session import Session


def _passes(check: Callable[[Session], None], session: Session) -> bool:
    try:
        check(session)
    except DeskError:
        return False
    return True


def can_log(session: Session) -> bool:
    """Log an incident (the service desk, R02). On a file opened read-only the window still
    shows the entry, disabled with the reason, so this answers for the role alone."""
    return _passes(check_log, session)


def can_administer(session: Session) -> bool:
    """Open the process owner's screens (R04)."""
    return _passes(require_owner, session)


def can_manage_callers(session: Session) -> bool:
    """Add, correct and retire callers (the service desk, the incident manager and the
    process owner)."""
    return _passes(require_caller_manager, session)
