"""The escalation screens speak Chinese: every text of ``ui/escalations`` is in the Qt
Linguist catalogue, translated, and the compiled .qm is the one the catalogue gives."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from ui.paths import TRANSLATIONS

CATALOG = "escalations_zh_CN"

SOURCES = Path(__file__).resolve().parents[2] / "ui" / "escalations"
TS = TRANSLATIONS / f"{CATALOG}.ts"


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [(c.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
            for c in root.iter("context") for m in c.iter("message")]  # type: ignore[misc]


def test_no_unfinished_translations() -> None:
    messages = _messages()
    assert len(messages) > 100
    unfinished = [(ctx, src) for ctx, src, tr in messages
                  if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished")
                  or not ("".join(tr.itertext()).strip())]
    assert unfinished == []


def test_every_text_of_the_screens_is_in_the_catalogue() -> None:
    """Catches a new ``self.tr`` that nobody ran ``pyside6-lupdate`` for."""
    in_code = set()
    for path in SOURCES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                in_code.add(node.args[0].value)
    assert len(in_code) > 80  # (distinct texts; the catalogue counts them per screen)
    in_catalogue = {src for _, src, _ in _messages()}
    assert in_code - in_catalogue == set()


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(fresh)], check=True,
                   capture_output=True)
    assert fresh.read_bytes() == (TRANSLATIONS / f"{CATALOG}.qm").read_bytes()


def test_compiled_catalogue_translates(qapp: QCoreApplication) -> None:
    translator = QTranslator()
    assert translator.load(CATALOG, str(TRANSLATIONS))
    assert translator.translate("EscalationReviewWidget", "Acknowledge") == "确认升级"
    assert translator.translate("InboxWidget", "Inbox: %n unread", "", 3) == "收件箱:%n 条未读"
