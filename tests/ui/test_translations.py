"""Chinese and English: every text of the shell has a Chinese translation in its catalogue,
the compiled catalogue says the same, the catalogue is in step with the code, Qt's own
dialogs speak Chinese too, and the window switches language while it runs."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desk_app.services.lists.queues import Queue
from tests.conftest import Org
from tests.ui.shell_fixtures import (
    FAIL_ON_QT_WARNINGS,
    app_settings,
    context_for,
    english,
    wait_loaded,
)
from ui import paths
from ui.main_window import MainWindow
from ui.queue.columns import INDEX
from ui.translations import translations

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]

ROOT = Path(__file__).resolve().parents[2]
SHELL_TS = paths.TRANSLATIONS / "shell_zh_CN.ts"


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts)
    return [(context.findtext("name") or "", message.findtext("source") or "",
             message.find("translation"))  # type: ignore[misc]
            for context in tree.iter("context") for message in context.iter("message")]


def test_every_shell_text_has_a_chinese_translation() -> None:
    found = messages(SHELL_TS)
    assert len(found) > 100
    problems = []
    for context, source, translation in found:
        forms = [f.text or "" for f in translation.iter("numerusform")] or [
            translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                f.strip() for f in forms):
            problems.append(f"{context}: {source!r} is not translated")
        for form in forms:
            if set(re.findall(r"%\d", source)) != set(re.findall(r"%\d", form)):
                problems.append(f"{context}: {source!r} → {form!r} changes the placeholders")
            if re.search(r"[\u4e00-\u9fff]", form) is None and not re.fullmatch(
                    r"[\W\d%a-z]*", form):
                problems.append(f"{context}: {form!r} has no Chinese in it")
    assert problems == []


def test_the_catalogue_is_in_step_with_the_code() -> None:
    """Every text the code passes through tr()/translate() is in the catalogue (lupdate run
    on the sources into a copy finds nothing new and nothing gone)."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "update_translations.py"),
                             "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_compiled_catalogue_says_what_the_source_says(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load(str(SHELL_TS.with_suffix(".qm")))
    for context, source, translation in messages(SHELL_TS):
        forms = [f.text for f in translation.iter("numerusform")]
        if forms:  # a plural: the form for the number asked
            assert translator.translate(context, source, "", 2) == forms[0], (context, source)
            continue
        assert translator.translate(context, source) == translation.text, (context, source)


def test_the_loader_loads_qt_and_every_area(qapp: object, english: None) -> None:
    loaded = translations.apply("zh")
    names = [Path(p).name for p in loaded]
    assert "qtbase_zh_CN.qm" in names
    assert "storage_zh_CN.qm" in names  # the shared file's widgets speak Chinese too
    assert sorted(n for n in names if not n.startswith("qt")) == sorted(
        p.name for p in paths.TRANSLATIONS.glob("*_zh_CN.qm"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Save)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "保存"
    assert translations.apply("en") == []


@pytest.mark.parametrize("start", ["en", "zh"])
def test_the_window_switches_language_while_it_runs(qtbot: QtBot, org: Org, start: str,
                                                    app_settings: object,
                                                    english: None) -> None:
    translations.apply(start)  # type: ignore[arg-type]
    org.log(title="VPN keeps disconnecting")
    window = MainWindow(context_for(org, "desk", start), watch=False)
    qtbot.addWidget(window)
    window.show()
    window.show_queue(Queue.ALL)
    qtbot.waitUntil(lambda: window.queue_view.model.queue == Queue.ALL)
    wait_loaded(qtbot, window.queue_view.model)
    qtbot.waitUntil(lambda: bool(window.navigator.list_model.counts))

    def looks(lang: str) -> None:
        model = window.queue_view.model
        nav = window.navigator.list_model
        zh = lang == "zh"
        assert window.file_menu.title() == ("文件(&F)" if zh else "&File")
        assert nav.data(nav.index(0)).startswith("我的工作" if zh else "My work")
        assert model.headerData(0, Qt.Orientation.Horizontal) == ("编号" if zh else "Number")
        priority = model.data(model.index(0, INDEX["priority"]))
        assert priority == ("3 - 中" if zh else "3 - Medium")  # the core's glossary labels
        assert window.tabs.tabText(0).startswith("全部事件" if zh else "All incidents")
        assert ("本机磁盘" if zh else "Local disk") in window.status.share.text.text()
        assert window.status.storage.language == lang  # "busy, retrying…" and maintenance
        assert window.queue_view.filter_bar.priority.itemText(0) == (
            "全部优先级" if zh else "Any priority")

    looks(start)
    other = "en" if start == "zh" else "zh"
    window.set_language(other)  # type: ignore[arg-type]
    assert window.context.language == other
    looks(other)
    window.set_language(None)  # follow the system again
    assert window.context.language in ("en", "zh")
