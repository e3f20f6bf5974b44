"""Checks on what people type, shared by every service, so that no text can damage a row."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar

from desk_app.errors import ValidationError

E = TypeVar("E", bound=Enum)

TITLE_MAX = 200
TEXT_MAX = 20_000
NAME_MAX = 120

_ALLOWED_CONTROL = {"\n", "\t"}


@dataclass
class Problems:
    """Collects every field's problem before refusing, so a form can show them all at once."""

    fields: dict[str, tuple[str, dict[str, object]]] = field(default_factory=dict)

    def add(self, name: str, key: str, **params: object) -> None:
        self.fields.setdefault(name, (key, params))

    def raise_if_any(self) -> None:
        if self.fields:
            raise ValidationError(dict(self.fields))


def clean_text(problems: Problems, name: str, value: str | None, *, required: bool,
               max_length: int = TEXT_MAX, single_line: bool = False) -> str:
    """``value`` stripped and normalised; problems are recorded rather than raised. A value
    that is not text, or that holds lone surrogates (undecodable bytes from a command line
    or a file), is refused here: SQLite would otherwise fail half-way into the write."""
    if value is not None and not isinstance(value, str):
        problems.add(name, "validation.bad_characters")
        return ""
    if value and any("\ud800" <= ch <= "\udfff" for ch in value):
        problems.add(name, "validation.bad_characters")
        return ""
    text = unicodedata.normalize("NFC", (value or "").replace("\r\n", "\n")).strip()
    if required and not text:
        problems.add(name, "validation.required")
        return text
    if len(text) > max_length:
        problems.add(name, "validation.too_long", max=max_length)
    bad = [ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROL]
    if bad or (single_line and "\n" in text):
        problems.add(name, "validation.bad_characters")
    return text


def enum_value(problems: Problems, name: str, enum: type[E], value: object) -> E | None:
    if value is None or value == "":
        problems.add(name, "validation.required")
        return None
    try:
        return enum(value)  # type: ignore[call-arg]
    except (ValueError, KeyError):
        problems.add(name, "validation.invalid_choice")
        return None
