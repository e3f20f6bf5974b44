"""Loading the workstation's translations: Qt's own (so its dialogs speak Chinese too) and
every ``resources/translations/*_<locale>.qm`` (the shell's, the forms', any later area's).

Switching installs the new translators and removes the old ones; Qt then sends every widget a
LanguageChange event, on which the shell's widgets re-read their texts (``retranslate``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from desk_app.i18n import Language
from ui import paths

log = logging.getLogger(__name__)

#: Qt locale names of the languages; English is the source language and needs no file.
LOCALES: dict[Language, str] = {"en": "en_GB", "zh": "zh_CN"}
#: Qt's own catalogues to load for a language (present in PySide6's translations folder).
QT_CATALOGUES = ("qtbase",)


def system_language() -> Language:
    """Chinese if the system's UI languages start with Chinese, otherwise English."""
    for name in QLocale.system().uiLanguages():
        if name.lower().startswith("zh"):
            return "zh"
        if name.lower().startswith("en"):
            return "en"
    return "en"


def catalogue(area: str, lang: Language) -> QTranslator | None:
    """One area's catalogue (``shell``, ``forms``, ``escalations``, ``storage``…) for a screen
    shown on its own, in tests and screenshots; None for English, the source language. The
    program itself installs every area at once with ``Translations``."""
    if lang == "en":
        return None
    path = paths.TRANSLATIONS / f"{area}_{LOCALES[lang]}.qm"
    translator = QTranslator()
    if not translator.load(str(path)):
        raise FileNotFoundError(path)
    return translator


class Translations:
    """The translators installed in the application, replaced as a whole on a switch."""

    def __init__(self) -> None:
        self.language: Language | None = None
        self._installed: list[QTranslator] = []

    def apply(self, lang: Language) -> list[str]:
        """Install ``lang``'s catalogues; returns the files loaded (for the log and tests)."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()
        self.language = lang
        locale = QLocale(LOCALES[lang])
        QLocale.setDefault(locale)
        loaded: list[str] = []
        if lang != "en":
            self._load(app, lang, locale, loaded)
        # Qt posts LanguageChange to the windows; deliver it now, so that every widget speaks
        # the new language when this returns
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return loaded

    def _load(self, app: QCoreApplication, lang: Language, locale: QLocale,
              loaded: list[str]) -> None:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for catalogue in QT_CATALOGUES:
            translator = QTranslator(app)
            if translator.load(locale, catalogue, "_", qt_dir):
                self._install(translator, loaded)
            else:
                log.warning("Qt catalogue %s for %s not found in %s", catalogue, lang, qt_dir)
        for qm in sorted(paths.TRANSLATIONS.glob(f"*_{LOCALES[lang]}.qm")):
            translator = QTranslator(app)
            if translator.load(str(qm)):
                self._install(translator, loaded)
            else:
                log.warning("could not load %s", qm)

    def _install(self, translator: QTranslator, loaded: list[str]) -> None:
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)
        loaded.append(translator.filePath())


#: The application's one set of translators.
translations = Translations()
