"""Printing a report: the Print action's dialog accepted with the printer set to a PDF file
(only the system's dialog is stood in for), the real QPrinter path paints every section."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from pytestqt.qtbot import QtBot

from tests.conftest import Org
from tests.core.reports.history import build
from tests.ui.shell_fixtures import FAIL_ON_QT_WARNINGS, app_settings, english
from tests.ui.test_reports_screen import _open

pytestmark = FAIL_ON_QT_WARNINGS
__all__ = ["app_settings", "english"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_print_sends_every_section_to_the_printer(
        qtbot: QtBot, org: Org, app_settings: object, english: None, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    build(org)
    _, screen = _open(qtbot, org, "owner")
    out = tmp_path / "printed.pdf"
    seen: list[QPrinter] = []

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        seen.append(printer)
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    screen.print_report()
    assert seen and out.stat().st_size > 10_000
    text = unicodedata.normalize("NFKC", subprocess.run(  # (the font's "fi" ligature)
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout)
    for section in screen.report.tables:
        assert section.title in text, section.title


def test_print_cancelled_prints_nothing(qtbot: QtBot, org: Org, app_settings: object,
                                        english: None, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    build(org)
    _, screen = _open(qtbot, org, "owner")
    out = tmp_path / "printed.pdf"

    def cancel(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QPrintDialog, "exec", cancel)
    screen.print_report()
    assert not out.exists()
