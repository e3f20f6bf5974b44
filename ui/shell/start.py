"""Where each person starts, and what the title bar says of them.

A person starts where their role's work is: the first time, the incident manager on the
Escalated queue (escalations wait for their acknowledgement, R08) and everyone else on My work
(the process owner and a department head on All); after that on the queue they used last.
The process owner and a department head start on Reports (their figures), over that queue.
The title bar names the person and every role they hold, in the workstation's language, so
that a supervisor who signs in on a desk PC sees at once whose session it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desk_app.domain.enums import Role
from desk_app.i18n import Language, label
from desk_app.services.lists.queues import Queue
from desk_app.services.reports.access import may_see_reports
from ui import settings
from ui.reading import read

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Roles whose work is done in the queues: a person holding one starts on a queue.
WORKING_ROLES = (Role.SERVICE_DESK, Role.TIER1, Role.TIER2)


def roles_text(roles: Iterable[Role], lang: Language) -> str:
    """The person's roles, in the glossary's order and the reader's language."""
    names = [label(role, lang) for role in Role if role in set(roles)]
    return ("、" if lang == "zh" else ", ").join(names)


def window_title(full_name: str, roles: Iterable[Role], lang: Language) -> str:
    held = roles_text(roles, lang)
    if not held:
        return QCoreApplication.translate("StartPoint", "desk-app — %1").replace(
            "%1", full_name)
    return QCoreApplication.translate("StartPoint", "desk-app — %1 — %2").replace(
        "%1", full_name).replace("%2", held)


def start_queue(roles: frozenset[Role], remembered: object) -> Queue:
    """The queue a person starts on: the one they used last, or their role's the first
    time."""
    if isinstance(remembered, str) and remembered in Queue._value2member_map_:
        return Queue(remembered)
    if Role.INCIDENT_MANAGER in roles:
        return Queue.ESCALATED
    if not roles & set(WORKING_ROLES) and roles & {Role.PROCESS_OWNER,
                                                     Role.DEPARTMENT_HEAD}:
        return Queue.ALL
    return Queue.MY_WORK


def starts_on_reports(roles: frozenset[Role]) -> bool:
    """The process owner and department heads start on their figures, unless they also
    manage incidents or work a queue."""
    return (Role.INCIDENT_MANAGER not in roles and not roles & set(WORKING_ROLES)
            and bool(roles & {Role.PROCESS_OWNER, Role.DEPARTMENT_HEAD}))


def start_where_the_role_works(window: MainWindow) -> None:
    """Select the starting queue and, for those who start on Reports, open Reports once the
    core has said they may see them."""
    session = window.context.session
    roles = session.roles
    remembered = settings.user_value(session.username, "window/queue", None)
    window.navigator.select(start_queue(roles, remembered))
    if not starts_on_reports(roles):
        return
    if Role.PROCESS_OWNER in roles:  # the role alone lets them see reports: open at once
        window.reports.show()
        return

    def open_reports(allowed: bool) -> None:  # a department head: if they head one now
        if allowed and window.tabs.currentWidget() is window.queue_view:
            window.reports.show()

    read(window, lambda: session.read(lambda: may_see_reports(session)), open_reports)
