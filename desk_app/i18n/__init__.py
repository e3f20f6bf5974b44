"""Core texts in English and Simplified Chinese.

The core speaks to people through errors and journal summaries; both must reach the user in
the user's language, so every text the core produces is a key with an English and a Chinese
template. The Qt UI translates its own chrome with Qt's tools and takes these for the rest.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from desk_app.i18n.catalog import load as _load_catalog
from desk_app.i18n.labels import LABELS

MESSAGES = _load_catalog()

Language = Literal["en", "zh"]
LANGUAGES: tuple[Language, ...] = ("en", "zh")


def text(key: str, lang: Language = "en", **params: object) -> str:
    """The template for ``key`` in ``lang``, filled in with ``params``."""
    templates = MESSAGES.get(key)
    if templates is None:
        return key
    template = templates.get(lang) or templates["en"]
    return template.format(**{k: _render(v, lang) for k, v in params.items()})


def label(value: Enum, lang: Language = "en") -> str:
    """Glossary label of an enumeration member, e.g. ``Stage.LOGGED`` → ``记录``."""
    entry = LABELS.get(f"{type(value).__name__}.{value.name}")
    if entry is None:
        return str(value.value)
    return entry[1] if lang == "zh" else entry[0]


class Term(str):
    """A parameter that is itself a message key, rendered in the reader's language."""


class Name(tuple[str, str]):
    """A name kept in both languages (a support group's): (English, 中文)."""


class Phrase:
    """A parameter that is a message of its own, with its own parameters."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params


class OneOf(tuple[object, ...]):
    """Alternatives a message names ("the service desk or the incident manager")."""


class AllOf(tuple[object, ...]):
    """Several things a message names together ("Service desk and Level-1 support")."""


def _joined(items: tuple[object, ...], lang: Language, either: bool) -> str:
    words = [str(_render(item, lang)) for item in items]
    if len(words) < 2:
        return "".join(words)
    if lang == "zh":
        return f"{'、'.join(words[:-1])}{'或' if either else '和'}{words[-1]}"
    return f"{', '.join(words[:-1])} {'or' if either else 'and'} {words[-1]}"


def _render(value: object, lang: Language) -> object:
    if isinstance(value, Enum):
        return label(value, lang)
    if isinstance(value, Term):
        return text(str(value), lang)
    if isinstance(value, Name):
        return value[1] if lang == "zh" else value[0]
    if isinstance(value, Phrase):
        return text(value.key, lang, **value.params)
    if isinstance(value, OneOf | AllOf):
        return _joined(value, lang, isinstance(value, OneOf))
    return value
