"""Checking what a caller passes to a public service before anything is read or written.

The forms pass what a person chose; scripts, imports and the command line can pass
anything. A service whose ``incident_id`` is a float, a string or 2^64 must say so with the
product's typed error (``ValidationError``) rather than fail deep inside SQLite with an
untyped one. ``checked`` reads the service's own annotations, so the check and the
signature cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import math
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

from desk_app.errors import ValidationError

F = TypeVar("F", bound=Callable[..., Any])

#: Ids and counts are SQLite integers: below 2^63.
INT_MAX = 2**63 - 1


def _bad(name: str) -> ValidationError:
    return ValidationError.single(name, "validation.invalid_choice")


def _check_int(name: str, value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not -INT_MAX <= value <= INT_MAX:
        raise _bad(name)


def _check_str(name: str, value: object) -> None:
    if not isinstance(value, str) or "\x00" in value or any(
            "\ud800" <= ch <= "\udfff" for ch in value):
        raise ValidationError.single(name, "validation.bad_characters")


def _check_bool(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise _bad(name)


_CHECKS: dict[str, Callable[[str, object], None]] = {
    "int": _check_int, "str": _check_str, "bool": _check_bool,
}


def _checker(annotation: object) -> tuple[Callable[[str, object], None], bool] | None:
    """(check, None allowed) for an annotation this module knows; None for others."""
    if not isinstance(annotation, str):
        return None
    parts = [p.strip() for p in annotation.split("|")]
    optional = "None" in parts
    kinds = [p for p in parts if p != "None"]
    if len(kinds) == 1 and kinds[0] in _CHECKS:
        return _CHECKS[kinds[0]], optional
    return None


def _form_checker(cls: type) -> Callable[[str, object], None]:
    """A form (a dataclass such as ``NewIncident``): of that class, and each of its
    ``int``/``str``/``bool`` fields checked as a parameter would be."""
    fields = {f.name: found for f in dataclasses.fields(cls)
              if (found := _checker(f.type)) is not None}

    def check(name: str, value: object) -> None:
        if not isinstance(value, cls):
            raise _bad(name)
        for field, (check_field, optional) in fields.items():
            item = getattr(value, field)
            if not (item is None and optional):
                check_field(field, item)

    return check


def _resolve(fn: Callable[..., Any], annotation: object
             ) -> tuple[Callable[[str, object], None], bool] | None:
    found = _checker(annotation)
    if found is not None or not isinstance(annotation, str):
        return found
    parts = [p.strip() for p in annotation.split("|")]
    kinds = [p for p in parts if p != "None"]
    cls = getattr(fn, "__globals__", {}).get(kinds[0]) if len(kinds) == 1 else None
    if isinstance(cls, type) and dataclasses.is_dataclass(cls):
        return _form_checker(cls), "None" in parts
    return None


def checked(fn: F) -> F:
    """Check ``fn``'s ``int``, ``str`` and ``bool`` parameters and its forms (optional ones
    may be None); a value of the wrong kind raises ``ValidationError``."""
    signature = inspect.signature(fn)
    checks = {name: found for name, parameter in signature.parameters.items()
              if (found := _resolve(fn, parameter.annotation)) is not None}

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind_partial(*args, **kwargs)
        for name, value in bound.arguments.items():
            found = checks.get(name)
            if found is None:
                if isinstance(value, float) and not math.isfinite(value):
                    raise _bad(name)
                continue
            check, optional = found
            if value is None and optional:
                continue
            check(name, value)
        return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def enum_argument(name: str, enum: type[Enum], value: object) -> Any:
    """``value`` as a member of ``enum``, or ``ValidationError``."""
    try:
        return enum(value)
    except (ValueError, TypeError) as error:
        raise _bad(name) from error
