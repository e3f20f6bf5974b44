"""Every text of the storage widgets has its Chinese translation, and the compiled file that
ships is the one made from it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ui.paths import TRANSLATIONS as FOLDER
from ui.translations import catalogue

TS = FOLDER / "storage_zh_CN.ts"
SOURCES = Path(__file__).resolve().parents[3] / "ui" / "storage"


def test_no_translation_is_unfinished() -> None:
    messages = list(ET.parse(TS).iter("message"))
    assert messages
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete"), \
            message.findtext("source")
        assert (translation.text or "").strip(), message.findtext("source")


def test_every_tr_call_is_in_the_ts_file() -> None:
    """A text added to a widget without running lupdate would show in English."""
    in_ts = {m.findtext("source") for m in ET.parse(TS).iter("message")}
    pattern = re.compile(r'self\.tr\(\s*((?:"[^"]*"\s*)+)\)', re.S)
    in_code = set()
    for source in SOURCES.glob("*.py"):
        for match in pattern.finditer(source.read_text(encoding="utf-8")):
            in_code.add("".join(re.findall(r'"([^"]*)"', match.group(1))))
    assert in_code and in_code <= in_ts, in_code - in_ts


def test_the_compiled_file_translates(qapp: object) -> None:
    translator = catalogue("storage", "zh")
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("StorageAdminPanel", "Back up now") == "立即备份"
        assert QCoreApplication.translate("StorageStatus", "Read-only") == "只读"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert catalogue("storage", "en") is None


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease")
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (FOLDER / "storage_zh_CN.qm").read_bytes()
