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
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QWidget

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


def _chrome(widget) -> list[str]:
    """The texts a screen itself shows (buttons, captions, tabs, headings, placeholders),
    as opposed to the data it shows."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QFormLayout,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTableView,
        QTabWidget,
    )

    texts: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QAbstractButton) and child.text() != "×":
            texts.append(child.text())
        if isinstance(child, QGroupBox) and not child.property("shows_data"):
            texts.append(child.title())
        if isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        if isinstance(child, QLineEdit | QPlainTextEdit | QComboBox):
            texts.append(child.placeholderText())
        if isinstance(child, QTableView) and child.model() is not None:
            model = child.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount())]
        layout = child.layout()
        if isinstance(layout, QFormLayout):
            for row in range(layout.rowCount()):
                item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if item is not None and isinstance(item.widget(), QLabel):
                    texts.append(item.widget().text())
    return [t for t in texts if t.strip()]


ALLOWED = {"VIP", "English", "中文", "P1", "P2", "P3", "P4"}


def _english(texts: list[str]) -> list[str]:
    return sorted({t for t in texts if t not in ALLOWED
                   and not re.search(r"[\u4e00-\u9fff]", t)})


def test_chinese_screens_show_no_english_chrome(qtbot, make_context, org):
    from desk_app.services.incident import workflow
    from tests.ui.forms.helpers import open_view
    from ui.admin.window import AdminWindow
    from ui.incident.dialogs import DIALOGS
    from ui.incident.log_form import LogIncidentForm

    desk = make_context("desk", "zh")
    form = LogIncidentForm(desk)
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: form.ready, timeout=5000)
    form.first_contact.setChecked(True)
    assert _english(_chrome(form)) == []

    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    view = open_view(qtbot, desk, incident_id)
    assert _english(_chrome(view)) == []
    for dialog_type in DIALOGS.values():
        dialog = dialog_type(desk, view.screen, view)
        assert _english(_chrome(dialog)) == [], dialog_type.__name__
        dialog.deleteLater()

    admin = AdminWindow(make_context("owner", "zh"))
    qtbot.addWidget(admin)
    qtbot.waitUntil(lambda: admin.loaded, timeout=10000)
    assert _english(_chrome(admin)) == []
