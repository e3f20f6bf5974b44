"""What the escalation UI tests share: a context for a person of the ``org`` fixture."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from desk_app.i18n import Language
from tests.conftest import Org
from ui.context import UiContext
from ui.operations import ChangeHub
from ui.translations import catalogue


@pytest.fixture
def context(org: Org, qapp: QCoreApplication) -> Iterator[Callable[..., UiContext]]:
    translators = []

    def make(username: str, language: Language = "en") -> UiContext:
        if language == "zh":
            translator = catalogue("escalations", "zh")
            qapp.installTranslator(translator)
            translators.append(translator)
        return UiContext(org.as_(username), ChangeHub(), language)

    yield make
    QThreadPool.globalInstance().waitForDone(10_000)  # no worker outlives the database
    for translator in translators:
        qapp.removeTranslator(translator)
