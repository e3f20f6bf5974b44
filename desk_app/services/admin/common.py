"""What every administration call shares: the role check and compare-and-set on a row."""

from __future__ import annotations

from typing import Any, TypeVar

from desk_app.domain.enums import Role
from desk_app.errors import ConflictError, DeskError, NotFound
from desk_app.services import permissions as perm
from desk_app.services.session import Session
from desk_app.storage.models import Versioned

M = TypeVar("M", bound=Versioned)


def require_owner(session: Session) -> None:
    """R04: the process owner holds process-management authority."""
    perm.require_role(session, "administer", Role.PROCESS_OWNER)


def administer_refusal(session: Session) -> DeskError | None:
    """Why this person may not change the process settings, or None if they may (R04):
    screens show the settings read-only to everyone else."""
    try:
        require_owner(session)
    except DeskError as error:
        return error
    return None


def get_row(model: type[M], row_id: int, version: int | None = None) -> M:
    row = model.get_or_none(model.id == row_id)
    if row is None:
        raise NotFound("error.not_found", what=model.__name__, id=row_id)
    if version is not None and row.version != version:
        raise ConflictError("error.row_conflict", current_version=row.version)
    return row


def cas_update(model: type[Versioned], row: Versioned, values: dict[str, Any]) -> None:
    """Update ``row`` only if nobody has changed it since it was read."""
    updated = (
        model.update({**values, "version": row.version + 1})
        .where((model.id == row.id) & (model.version == row.version))
        .execute()
    )
    if updated != 1:
        raise ConflictError("error.row_conflict")
    for key, value in values.items():
        setattr(row, key, value)
    row.version += 1
