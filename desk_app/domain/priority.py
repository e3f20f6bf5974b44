"""R11–R13 and R08: urgency defaults, the priority matrix and the escalation raise."""

from __future__ import annotations

from collections.abc import Mapping

from desk_app.domain.enums import Impact, Priority, Urgency

Matrix = Mapping[tuple[Impact, Urgency], Priority]

#: The matrix a new database starts with (the process owner edits it, R13). Rows are impact,
#: columns urgency; the diagonal Moderate × Medium gives 3, and one step up in either
#: dimension gives 2, so a VIP's default High urgency (R12) or an escalation (R08) on a
#: moderate incident lifts it to priority 2.
#:
#:                Critical  High  Medium  Low
#:   Extensive        1       1      2     3
#:   Significant      1       2      2     3
#:   Moderate         2       2      3     4
#:   Minor            2       3      4     4
DEFAULT_MATRIX: dict[tuple[Impact, Urgency], Priority] = {
    (Impact(i + 1), Urgency(u + 1)): Priority(p)
    for i, row in enumerate([[1, 1, 2, 3], [1, 2, 2, 3], [2, 2, 3, 4], [2, 3, 4, 4]])
    for u, p in enumerate(row)
}


def default_urgency(vip: bool) -> Urgency:
    """R12: High for a VIP caller, otherwise (no known user type, or not VIP) Medium."""
    return Urgency.HIGH if vip else Urgency.MEDIUM


def priority_of(matrix: Matrix, impact: Impact, urgency: Urgency) -> Priority:
    """R13: every impact × urgency pair has exactly one priority."""
    return matrix[(impact, urgency)]


def escalated_urgency(urgency: Urgency) -> Urgency:
    """R08: raised to at least High, never lowered (Critical stays Critical)."""
    return Urgency(min(urgency, Urgency.HIGH))


def is_complete(matrix: Matrix) -> bool:
    return all(
        (i, u) in matrix and matrix[(i, u)] in set(Priority) for i in Impact for u in Urgency
    )
