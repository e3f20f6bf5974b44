"""Checking what a caller passes to a public service before anything is read or written.

The forms pass what a person chose; scripts, imports and the command line can pass
anything. A service whose ``incident_id`` is a float, a string or 2^64 must say so with the
product's typed error (``ValidationError``) rather than fail deep inside SQLite with an
untyped one. ``checked`` reads the service's own annotations, so the check and the
signature cannot drift apart.

The annotations understood: ``int``, ``str``, ``bool``, ``float``, enums, ``datetime``,
``date``, ``timedelta``, ``Path``, ``Literal[...]`` (a language), forms (dataclasses, field by
field), unions (``X | None``, ``Role | str``), ``list``/``set``/``Iterable`` of those,
``tuple[...]`` and ``dict``/``Mapping``. Anything else is left to the service.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import functools
import inspect
import math
import sys
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import PurePath
from typing import Any, TypeVar

from desk_app.errors import ValidationError

F = TypeVar("F", bound=Callable[..., Any])
Check = Callable[[str, object], None]

#: Ids and counts are SQLite integers: below 2^63.
INT_MAX = 2**63 - 1
#: The most items a list argument may hold (members of a group, staff of a shift, …).
ITEMS_MAX = 10_000


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


def _check_float(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(
            value) or abs(value) > INT_MAX:
        raise _bad(name)


def _check_moment(name: str, value: object) -> None:
    """A moment that can be stored: a ``datetime`` whose offset and timestamp exist."""
    if not isinstance(value, datetime):
        raise _bad(name)
    try:
        value.timestamp()
    except (OverflowError, ValueError, OSError):
        raise _bad(name) from None


def _instance(kind: type) -> Check:
    def check(name: str, value: object) -> None:
        if not isinstance(value, kind):
            raise _bad(name)

    return check


def _check_path(name: str, value: object) -> None:
    """A ``Path`` (text is refused: the services call its methods) without NUL."""
    if not isinstance(value, PurePath):
        raise _bad(name)
    if "\x00" in str(value):
        raise ValidationError.single(name, "validation.bad_characters")


def _enum_checker(enum: type[Enum]) -> Check:
    def check(name: str, value: object) -> None:
        if isinstance(value, enum):
            return
        enum_argument(name, enum, value)

    return check


_SIMPLE: dict[object, Check] = {
    int: _check_int, str: _check_str, bool: _check_bool, float: _check_float,
    datetime: _check_moment, date: _instance(date), timedelta: _instance(timedelta),
    PurePath: _check_path,
}
_SEQUENCES = {list, set, frozenset, collections.abc.Iterable, collections.abc.Sequence,
              collections.abc.Collection, collections.abc.Set}
_MAPPINGS = {dict, collections.abc.Mapping}


def _union(parts: tuple[object, ...]) -> Check | None:
    optional = type(None) in parts
    checks = [_for_type(p) for p in parts if p is not type(None)]
    if not checks or any(c is None for c in checks):
        return None
    known = [c for c in checks if c is not None]

    def check(name: str, value: object) -> None:
        if value is None and optional:
            return
        error: ValidationError | None = None
        for one in known:
            try:
                one(name, value)
                return
            except ValidationError as refused:
                error = refused
        assert error is not None
        raise error

    return check


def _sequence(item: object) -> Check:
    check_item = _for_type(item) if item is not None else None

    def check(name: str, value: object) -> None:
        if isinstance(value, str | bytes | bytearray | collections.abc.Mapping) or not isinstance(
                value, list | tuple | set | frozenset):
            raise _bad(name)
        if len(value) > ITEMS_MAX:
            raise _bad(name)
        if check_item is not None:
            for one in value:
                check_item(name, one)

    return check


def _tuple(items: tuple[object, ...]) -> Check:
    if len(items) == 2 and items[1] is Ellipsis:
        return _sequence(items[0])
    checks = [_for_type(i) for i in items]

    def check(name: str, value: object) -> None:
        if not isinstance(value, tuple | list) or len(value) != len(checks):
            raise _bad(name)
        for one, check_item in zip(value, checks, strict=True):
            if check_item is not None:
                check_item(name, one)

    return check


def _mapping(key: object, item: object) -> Check:
    check_key, check_item = _for_type(key), _for_type(item)

    def check(name: str, value: object) -> None:
        if not isinstance(value, collections.abc.Mapping) or len(value) > ITEMS_MAX:
            raise _bad(name)
        for k, v in value.items():
            if check_key is not None:
                check_key(name, k)
            if check_item is not None:
                check_item(name, v)

    return check


def _literal(choices: tuple[object, ...]) -> Check:
    """One of the values named (``Language``: "en" or "zh")."""

    def check(name: str, value: object) -> None:
        if not any(isinstance(value, type(c)) and value == c for c in choices):
            raise _bad(name)

    return check


def _for_type(kind: object) -> Check | None:
    """The check for an (evaluated) annotation, or None for one this module leaves alone."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        return _union(args)
    if origin is typing.Literal:
        return _literal(args)
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    if isinstance(kind, type) and issubclass(kind, Enum):
        return _enum_checker(kind)
    if isinstance(kind, type) and issubclass(kind, PurePath):
        return _check_path
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _form_checker(kind)
    if origin in _SEQUENCES:
        return _sequence(args[0] if args else None)
    if origin is tuple:
        return _tuple(args)
    if origin in _MAPPINGS:
        return _mapping(*(args or (None, None)))
    return None


def _evaluate(annotation: object, namespace: dict[str, Any]) -> object:
    """A string annotation (``from __future__ import annotations``) as the type it names;
    None when it cannot be evaluated here (names imported only for type checking)."""
    if not isinstance(annotation, str):
        return annotation
    try:
        return eval(annotation, namespace)
    except Exception:
        return None


def _form_checker(cls: type) -> Check:
    """A form (a dataclass such as ``NewIncident``): of that class, and each of its fields
    checked as a parameter would be."""
    namespace = vars(sys.modules[cls.__module__])
    fields: dict[str, Check] = {}

    def check(name: str, value: object) -> None:
        if not isinstance(value, cls):
            raise _bad(name)
        if not fields and dataclasses.fields(cls):  # built at first use: forms may nest
            for f in dataclasses.fields(cls):
                found = _for_type(_evaluate(f.type, namespace))
                fields[f.name] = found if found is not None else _any
        for field_name, check_field in fields.items():
            check_field(field_name, getattr(value, field_name))

    return check


def _any(name: str, value: object) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise _bad(name)


def check_form(name: str, cls: type, value: object) -> None:
    """``value`` is a ``cls`` form whose fields hold what their annotations say, or
    ``ValidationError`` (for services that take forms ``checked`` cannot see, e.g. beside a
    table with more rows than a list argument may hold)."""
    _form_checker(cls)(name, value)


def checked(fn: F) -> F:
    """Check ``fn``'s parameters against their annotations (see the module's docstring);
    a value of the wrong kind raises ``ValidationError`` before ``fn`` runs."""
    signature = inspect.signature(fn)
    namespace = getattr(fn, "__globals__", {})
    checks = {name: found for name, parameter in signature.parameters.items()
              if name != "session"  # made by the product, not passed in from outside
              and (found := _for_type(_evaluate(parameter.annotation, namespace))) is not None}

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind_partial(*args, **kwargs)
        for name, value in bound.arguments.items():
            if name != "session":
                checks.get(name, _any)(name, value)
        return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def enum_argument(name: str, enum: type[Enum], value: object) -> Any:
    """``value`` as a member of ``enum``, or ``ValidationError``."""
    try:
        return enum(value)
    except (ValueError, TypeError) as error:
        raise _bad(name) from error
