"""Loading the Chinese translation of the escalation screens (Qt Linguist .qm, built from
``resources/translations/escalations_zh_CN.ts`` with ``pyside6-lrelease``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from desk_app.i18n import Language

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
CATALOG = "escalations_zh_CN"


def install_translator(app: QCoreApplication, language: Language) -> QTranslator | None:
    """Install the escalation screens' translator for ``language``; keep the returned object
    alive (and pass it to ``removeTranslator`` when the language changes)."""
    if language != "zh":
        return None
    translator = QTranslator(app)
    if not translator.load(CATALOG, str(TRANSLATIONS)):
        raise FileNotFoundError(TRANSLATIONS / f"{CATALOG}.qm")
    app.installTranslator(translator)
    return translator
