"""What the incident view shows, read from the core in one go (no Qt here).

One read transaction gives the incident, the actions and field edits the core allows now
(with the reason for each refusal), the names its history mentions and the calendars its
target clocks count on, so that the whole screen shows one consistent moment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desk_app.domain.calendar import CalendarSpec, working_seconds
from desk_app.domain.enums import ClockState, Stage
from desk_app.errors import DeskError
from desk_app.i18n import Language, label
from desk_app.services.admin import lists
from desk_app.services.admin.levels import Levels, read_levels
from desk_app.services.incident import choices
from desk_app.services.incident.actions import Action, action_states, field_states
from desk_app.services.incident.choices import CallerChoice, CategoryChoice
from desk_app.services.incident.history import HistoryNames, load_names, value_text
from desk_app.services.incident.pending import change_states
from desk_app.services.incident.queries import ClockView, IncidentView, incident_view
from desk_app.services.incident.workflow import satisfaction_required
from desk_app.services.process.reference import load_calendars
from desk_app.services.session import Session


@dataclass
class Screen:
    view: IncidentView
    actions: dict[Action, DeskError | None]
    fields: dict[str, DeskError | None]
    changes: dict[int, DeskError | None]
    names: HistoryNames
    calendars: dict[int, CalendarSpec]
    loaded_at: datetime
    satisfaction_required: bool
    caller: CallerChoice | None
    categories: list[CategoryChoice]
    calendar_names: dict[int, tuple[str, str]]
    levels: Levels = field(default_factory=dict)  # what each impact and urgency level means

    @property
    def version(self) -> int:
        return int(self.view.incident.version)

    @property
    def number(self) -> str:
        return str(self.view.incident.number)


def load_screen(session: Session, incident_id: int) -> Screen:
    def run() -> Screen:
        view = incident_view(session, incident_id)
        return Screen(
            view=view,
            actions=action_states(session, incident_id),
            fields=field_states(session, incident_id),
            changes=change_states(session, incident_id),
            names=load_names(session, view.journal),
            calendars=load_calendars(),
            loaded_at=session.clock.now(),
            satisfaction_required=satisfaction_required(session),
            caller=choices.caller(session, int(view.incident.caller_id)),
            categories=choices.categories(session),
            calendar_names={c.id: (c.name_en, c.name_zh) for c in lists.calendars(session)},
            levels=read_levels(),
        )

    return session.read(run)


def used_now(clock: ClockView, screen: Screen, now: datetime) -> int:
    """Working seconds the clock has used by ``now``: what it had at load time, plus the
    working time since, on its own calendar, while it runs."""
    if clock.state != ClockState.RUNNING.value:
        return clock.used_seconds
    spec = screen.calendars.get(clock.calendar_id)
    if spec is None:
        return clock.used_seconds
    return clock.used_seconds + working_seconds(spec, screen.loaded_at, now)


#: The fields a conflict shows side by side, in the order a person reads an incident.
SNAPSHOT_FIELDS = ("stage", "wait_code", "priority", "impact", "urgency", "category", "group",
                   "assignee", "caller", "type", "channel", "title", "description",
                   "resolution", "close_code")


def snapshot(screen: Screen, lang: Language) -> dict[str, str]:
    """The incident's fields as words, for comparing two versions of it."""
    incident, names = screen.view.incident, screen.names
    names.callers.setdefault(screen.view.caller.id, screen.view.caller.name)
    raw = {
        "stage": incident.stage, "wait_code": incident.wait_code_id,
        "priority": incident.priority, "impact": incident.impact,
        "urgency": incident.urgency, "category": incident.category_id,
        "group": incident.group_id, "assignee": incident.assignee_id,
        "caller": incident.caller_id, "type": incident.type, "channel": incident.channel,
        "title": incident.title, "description": incident.description,
        "resolution": incident.resolution, "close_code": incident.close_code_id,
    }
    return {name: value_text(name, raw[name], lang, names) for name in SNAPSHOT_FIELDS}


def stage_text(screen: Screen, lang: Language) -> str:
    return label(Stage(screen.view.incident.stage), lang)
