"""What every administration call shares: the role check, the checks on codes and names,
and creating or compare-and-setting a row."""

from __future__ import annotations

from typing import Any, TypeVar

from desk_app.domain.enums import Role
from desk_app.domain.validation import NAME_MAX, Problems, clean_text
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


def coded_names(problems: Problems, code: str, name_en: str, name_zh: str
                ) -> dict[str, Any]:
    """The code and the two names every reference row carries (groups, categories, codes,
    calendars), each checked, as column values."""
    values = {"code": clean_text(problems, "code", code, required=True, max_length=40,
                                 single_line=True)}
    values.update(bilingual_names(problems, name_en, name_zh))
    return values


def bilingual_names(problems: Problems, name_en: str, name_zh: str) -> dict[str, Any]:
    return {
        "name_en": clean_text(problems, "name_en", name_en, required=True, max_length=NAME_MAX,
                              single_line=True),
        "name_zh": clean_text(problems, "name_zh", name_zh, required=True, max_length=NAME_MAX,
                              single_line=True),
    }


def check_unique(problems: Problems, model: type[Versioned], column: str, value: object,
                 row_id: int | None, key: str = "validation.duplicate_code") -> None:
    """``value`` is not already used by another row (the row being edited excepted)."""
    clash = model.select().where(getattr(model, column) == value)
    if row_id is not None:
        clash = clash.where(model.id != row_id)
    if clash.exists():
        problems.add(column, key)


def save_row(model: type[M], row_id: int | None, version: int | None,
             values: dict[str, Any]) -> M:
    """A new row, or the row ``row_id`` updated by compare-and-set on ``version``."""
    if row_id is None:
        return model.create(**values)
    row = get_row(model, row_id, version)
    cas_update(model, row, values)
    return row
