"""Every text of the bulk work's screens has a Chinese translation in its own catalogue,
the compiled catalogue says the same, and the screens speak Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desk_app.services.bulk.actions import BulkAction, BulkInput, Offer, run_bulk
from tests.conftest import Org
from tests.ui.shell_fixtures import app_settings, context_for
from tests.ui.test_translations import messages
from ui import paths
from ui.bulk.dialogs import BulkInputDialog, SummaryDialog
from ui.bulk.saved import SavedQueueEditor
from ui.translations import translations

__all__ = ["app_settings"]
BULK_TS = paths.TRANSLATIONS / "bulk_zh_CN.ts"


def test_every_bulk_text_has_a_chinese_translation() -> None:
    found = messages(BULK_TS)
    assert len(found) > 100
    problems = []
    for context, source, translation in found:
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"{context}: {source!r} is not translated")
        if set(re.findall(r"%\d", source)) != set(re.findall(r"%\d", text)):
            problems.append(f"{context}: {source!r} → {text!r} changes the placeholders")
        if re.search(r"[\u4e00-\u9fff]", text) is None and not re.fullmatch(r"[\W\d%a-z]*",
                                                                           text):
            problems.append(f"{context}: {text!r} has no Chinese in it")
    assert problems == []


def test_the_compiled_bulk_catalogue_says_what_the_source_says(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load(str(BULK_TS.with_suffix(".qm")))
    for context, source, translation in messages(BULK_TS):
        assert translator.translate(context, source) == translation.text, (context, source)


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    translations.apply("zh")
    yield
    translations.apply("en")


def test_the_dialogs_speak_chinese(qtbot: QtBot, org: Org, app_settings: object,
                                   chinese: None) -> None:
    context = context_for(org, "desk", "zh")
    ids = [org.log(), org.log()]
    dialog = BulkInputDialog(context, BulkAction.TRANSFER, Offer(BulkAction.TRANSFER, 1, 2))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "转派"
    assert "所选 2 个事件中有 1 个" in dialog.intro.text()
    assert dialog.hint.text().startswith("尚需填写")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    result = run_bulk(org.as_("desk"), BulkAction.TRANSFER, ids, BulkInput(note="x"))
    summary = SummaryDialog(context, result)
    qtbot.addWidget(summary)
    assert summary.windowTitle() == "转派:结果汇总"
    assert summary.headline.text() == "共 2 个事件,已完成 0 个,被拒绝 2 个。"
    assert summary.table.horizontalHeaderItem(1).text() == "被拒绝的原因"
    editor = SavedQueueEditor(context)
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "新建保存的队列"
    assert editor.stages.item(0).text() == "记录"
