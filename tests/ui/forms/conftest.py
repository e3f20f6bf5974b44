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


def install_forms_translation(lang: Language) -> QTranslator | None:
    """Load ``forms_zh_CN.qm`` for Chinese (the shell loads it the same way)."""
    if lang != "zh":
        return None
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "forms_zh_CN.qm")), "run pyside6-lrelease"
    QCoreApplication.installTranslator(translator)
    return translator


@pytest.fixture
def make_context(org, qapp) -> Iterator[Callable[..., UiContext]]:  # type: ignore[no-untyped-def]
    """``make_context("desk")``: a context for that user; ``hub=`` shares a change hub, as
    the windows of one workstation do; a separate hub is another workstation."""
    translators: list[QTranslator] = []

    def make(username: str, lang: Language = "en", hub: ChangeHub | None = None) -> UiContext:
        translator = install_forms_translation(lang)
        if translator is not None:
            translators.append(translator)
        return UiContext(org.as_(username), hub or ChangeHub(), lang)

    yield make
    # let calls still on the worker pool finish before the database file goes away
    QThreadPool.globalInstance().waitForDone(5000)
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
