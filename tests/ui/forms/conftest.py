"""Fixtures for the forms' tests: a signed-in workstation context on the ``org`` database,
in English or Chinese, with the forms' translations loaded as the program loads them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool, QTranslator

from desk_app.i18n import Language
from ui.context import UiContext
from ui.operations import ChangeHub

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"


def install_translations(lang: Language) -> list[QTranslator]:
    """Every ``*_zh_CN.qm`` for Chinese (the forms' and the escalation screens' hosted in
    the admin window), as the shell's loader does."""
    if lang != "zh":
        return []
    installed = []
    for path in sorted(TRANSLATIONS.glob("*_zh_CN.qm")):
        translator = QTranslator()
        assert translator.load(str(path)), f"run pyside6-lrelease for {path.name}"
        QCoreApplication.installTranslator(translator)
        installed.append(translator)
    return installed


@pytest.fixture
def make_context(org, qapp) -> Iterator[Callable[..., UiContext]]:  # type: ignore[no-untyped-def]
    """``make_context("desk")``: a context for that user; ``hub=`` shares a change hub, as
    the windows of one workstation do; a separate hub is another workstation."""
    translators: list[QTranslator] = []

    def make(username: str, lang: Language = "en", hub: ChangeHub | None = None) -> UiContext:
        translators.extend(install_translations(lang))
        return UiContext(org.as_(username), hub or ChangeHub(), lang)

    yield make
    # let calls still on the worker pool finish before the database file goes away
    QThreadPool.globalInstance().waitForDone(5000)
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
