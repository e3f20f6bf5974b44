"""R10/R13: an incident's priority follows its impact and urgency through the matrix.

Its own module because both logging/editing (``incidents``) and the lifecycle
(``workflow``: a transfer that changes the impact) set it, and neither may import the other
for it."""

from __future__ import annotations

from desk_app.domain.enums import Impact, Urgency
from desk_app.domain.priority import priority_of
from desk_app.services.incident.editing import IncidentEdit
from desk_app.services.process.reference import reference


def reprioritise(edit: IncidentEdit, impact: Impact, urgency: Urgency) -> None:
    """R10/R13: set impact and urgency, and the priority the matrix gives them. The caller
    re-syncs the clocks, which re-matches the service targets (R19)."""
    old_priority = edit.incident.priority
    edit.set("impact", int(impact))
    edit.set("urgency", int(urgency))
    priority = priority_of(reference(edit.session.store).matrix, impact, urgency)
    if priority.value != old_priority:
        edit.set("priority", priority.value)
