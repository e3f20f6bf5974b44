"""Every text the core shows exists in English and Chinese, with the same placeholders."""

from __future__ import annotations

import re
from enum import Enum
from importlib import import_module

import pytest

from desk_app.domain import enums
from desk_app.i18n import LABELS, MESSAGES, label, text
from desk_app.i18n.catalog import AREAS


def placeholders(template: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", template))


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert entry.get("en") and entry.get("zh"), key
    assert placeholders(entry["en"]) == placeholders(entry["zh"]), key


def test_message_keys_are_unique_across_areas() -> None:
    seen: dict[str, str] = {}
    for area in AREAS:
        for key in import_module(f"desk_app.i18n.catalog.{area}").MESSAGES:
            assert key not in seen, f"{key} in {area} and {seen[key]}"
            seen[key] = area


ENUMS = [obj for obj in vars(enums).values()
         if isinstance(obj, type) and issubclass(obj, Enum) and obj.__module__ == enums.__name__]


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_enumeration_shown_to_people_has_glossary_labels(enum: type[Enum]) -> None:
    for member in enum:
        key = f"{enum.__name__}.{member.name}"
        assert key in LABELS, key
        assert label(member, "zh") != label(member, "en") or member.name in {"OTHER"}


def test_glossary_terms_of_process_md() -> None:
    assert label(enums.Stage.LOGGED, "zh") == "记录"
    assert label(enums.Stage.IN_PROGRESS, "zh") == "受理"
    assert label(enums.Role.INCIDENT_MANAGER, "zh") == "事件经理"
    assert label(enums.Urgency.CRITICAL, "zh") == "严重"
    assert label(enums.Impact.SIGNIFICANT, "zh") == "极大"


def test_unknown_keys_fall_back_to_the_key() -> None:
    assert text("no.such.key", "zh") == "no.such.key"
