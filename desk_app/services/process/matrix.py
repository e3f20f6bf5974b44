"""Reading the priority matrix (R13) inside a transaction."""

from __future__ import annotations

from desk_app.domain.enums import Impact, Priority, Urgency
from desk_app.domain.priority import Matrix
from desk_app.storage.models import PriorityCell


def load_matrix() -> Matrix:
    return {
        (Impact(c.impact), Urgency(c.urgency)): Priority(c.priority)
        for c in PriorityCell.select()
    }
