"""Every string of the forms has a Chinese translation, the compiled .qm matches the .ts,
and the .ts covers every ``tr()`` in the forms' modules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "forms_zh_CN.ts"
QM = TS.with_suffix(".qm")
MODULES = sorted(str(p) for folder in ("ui/incident", "ui/admin", "ui/widgets")
                 for p in (ROOT / folder).glob("*.py"))


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message.find("translation")))
    return found


def test_every_forms_string_has_a_finished_chinese_translation():
    problems = [
        (context, source) for context, source, translation in messages(TS)
        if translation is None or not (translation.text or "").strip()
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert problems == []


def test_translations_keep_placeholders_and_mnemonics():
    for context, source, translation in messages(TS):
        text = translation.text or ""
        assert re.findall(r"%\d", source) == re.findall(r"%\d", text), (context, source)
        assert ("&" in source.replace("&&", "")) == ("&" in text.replace("&&", "")), \
            (context, source)


def test_compiled_qm_matches_the_ts():
    translator = QTranslator()
    assert translator.load(str(QM))
    for context, source, translation in messages(TS):
        assert translator.translate(context, source) == translation.text, (context, source)


def test_ts_covers_every_tr_call_in_the_forms(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *MODULES, "-ts", str(fresh)], check=True, capture_output=True)
    committed = {(c, s) for c, s, _ in messages(TS)}
    missing = [(c, s) for c, s, _ in messages(fresh) if (c, s) not in committed]
    assert missing == [], "run pyside6-lupdate and translate the new strings"
