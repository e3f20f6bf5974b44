"""The Chinese translation of these widgets' own words (``self.tr``); texts that come from
the core are already in the user's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from desk_app.i18n import Language

#: resources/translations, beside the packages in a checkout; the frozen build ships it too.
FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"


def storage_translator(language: Language) -> QTranslator | None:
    """A loaded translator for ``language`` (None for English, the source language)."""
    if language != "zh":
        return None
    translator = QTranslator()
    if not translator.load(str(FOLDER / "storage_zh_CN.qm")):
        return None
    return translator


def install(language: Language) -> QTranslator | None:
    """Install the translator on the running application; keep the result alive."""
    translator = storage_translator(language)
    if translator is not None:
        QCoreApplication.installTranslator(translator)
    return translator
