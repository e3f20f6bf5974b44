"""R05: the moves between stages, and no others.

Pending is a side state of an open stage (Logged, Assigned, In progress): a pending incident
keeps its stage and makes no stage move until it is resumed. Resolved is not open: the restore
clock has stopped and the caller is being asked to confirm. Closed is terminal (R24).
"""

from __future__ import annotations

from enum import StrEnum

from desk_app.domain.enums import OPEN_STAGES, Stage
from desk_app.errors import RuleViolation
from desk_app.i18n import Term


class Move(StrEnum):
    ASSIGN = "assign"
    ACCEPT = "accept"
    TRANSFER = "transfer"
    RESOLVE = "resolve"
    REJECT = "reject"
    CLOSE = "close"


MOVES: dict[Move, tuple[frozenset[Stage], Stage]] = {
    Move.ASSIGN: (frozenset({Stage.LOGGED}), Stage.ASSIGNED),
    Move.ACCEPT: (frozenset({Stage.ASSIGNED}), Stage.IN_PROGRESS),
    Move.TRANSFER: (frozenset({Stage.ASSIGNED, Stage.IN_PROGRESS}), Stage.ASSIGNED),
    Move.RESOLVE: (frozenset({Stage.LOGGED, Stage.IN_PROGRESS}), Stage.RESOLVED),
    Move.REJECT: (frozenset({Stage.RESOLVED}), Stage.IN_PROGRESS),
    Move.CLOSE: (frozenset({Stage.RESOLVED}), Stage.CLOSED),
}

#: Every (from, to) stage pair R05 allows; pending keeps the stage, so it adds none.
ALLOWED_EDGES: frozenset[tuple[Stage, Stage]] = frozenset(
    (source, target) for sources, target in MOVES.values() for source in sources
)


def check_move(move: Move, stage: Stage, pending: bool) -> Stage:
    """The stage ``move`` leads to from ``stage``, or a refusal that says why."""
    if stage == Stage.CLOSED:
        raise RuleViolation("rule.closed_final")
    if pending:
        raise RuleViolation("rule.pending_blocks_move", move=Term(f"action.{move.value}"))
    sources, target = MOVES[move]
    if stage not in sources:
        raise RuleViolation("rule.move_not_allowed", move=Term(f"action.{move.value}"),
                            stage=stage)
    return target


def check_can_pend(stage: Stage, pending: bool) -> None:
    if stage == Stage.CLOSED:
        raise RuleViolation("rule.closed_final")
    if pending:
        raise RuleViolation("rule.already_pending")
    if stage not in OPEN_STAGES:
        raise RuleViolation("rule.pend_not_open", stage=stage)


def check_can_resume(stage: Stage, pending: bool) -> None:
    if stage == Stage.CLOSED:
        raise RuleViolation("rule.closed_final")
    if not pending:
        raise RuleViolation("rule.not_pending")
