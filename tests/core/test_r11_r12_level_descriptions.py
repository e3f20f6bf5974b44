"""R11, R12: what each impact and urgency level means, in both languages, kept in the file
(schema 28) and edited by the process owner only; the log form's choices carry them."""

from __future__ import annotations

import pytest

from desk_app.errors import ConflictError, PermissionDenied, ValidationError
from desk_app.services.admin.levels import (
    DESCRIPTION_MAX,
    LevelKind,
    levels,
    save_level_description,
)
from desk_app.services.incident.choices import log_choices
from desk_app.storage.models import ImpactLevel
from tests.conftest import Org
from tests.helpers import refused


def test_r11_r12_every_level_has_a_description_in_both_languages(org: Org) -> None:
    found = levels(org.as_("desk"))
    assert set(found) == {"impact", "urgency"}
    for kind in found.values():
        assert sorted(kind) == [1, 2, 3, 4]
        for level in kind.values():
            assert level.description_en and level.description_zh
            assert level.description("zh") == level.description_zh
    assert "organisation" in found["impact"][1].description("en")
    assert "VIP" in found["urgency"][2].description("en")  # R12's default, explained


def test_r11_the_log_form_reads_the_descriptions_with_its_choices(org: Org) -> None:
    choices = log_choices(org.as_("desk"))
    assert choices.levels["impact"][4].description("zh").startswith("一个人")


def test_r11_the_process_owner_edits_a_description(org: Org) -> None:
    version = levels(org.as_("owner"))["impact"][2].version
    changes = save_level_description(org.as_("owner"), LevelKind.IMPACT, 2,
                                     "  A whole department  ", "整个部门", version)
    assert changes.reference
    level = levels(org.as_("desk"))["impact"][2]
    assert (level.description_en, level.description_zh) == ("A whole department", "整个部门")
    assert level.version == version + 1
    # an empty language falls back to the other one rather than showing nothing
    save_level_description(org.as_("owner"), "impact", 2, "Only English", "")
    assert levels(org.as_("desk"))["impact"][2].description("zh") == "Only English"


@pytest.mark.parametrize("who", ["desk", "manager", "l2"])
def test_r04_r11_only_the_process_owner_edits_descriptions(org: Org, who: str) -> None:
    before = ImpactLevel.get_by_id(1).description_en
    with refused(org.store, PermissionDenied):
        save_level_description(org.as_(who), "impact", 1, "Nothing much", "没什么")
    assert ImpactLevel.get_by_id(1).description_en == before


def test_r11_bad_descriptions_are_refused_and_change_nothing(org: Org) -> None:
    before = ImpactLevel.get_by_id(3).description_en
    with refused(org.store, ValidationError, "description_en"):
        save_level_description(org.as_("owner"), "impact", 3, "x" * (DESCRIPTION_MAX + 1), "")
    with refused(org.store, ValidationError, "description_zh"):
        save_level_description(org.as_("owner"), "impact", 3, "ok", "bad\x07bell")
    with refused(org.store, ValidationError):
        save_level_description(org.as_("owner"), "severity", 3, "ok", "好")
    assert ImpactLevel.get_by_id(3).description_en == before


def test_r11_a_stale_edit_is_a_conflict(org: Org) -> None:
    version = levels(org.as_("owner"))["urgency"][1].version
    save_level_description(org.as_("owner"), "urgency", 1, "First", "第一", version)
    with refused(org.store, ConflictError):
        save_level_description(org.as_("owner"), "urgency", 1, "Second", "第二", version)
