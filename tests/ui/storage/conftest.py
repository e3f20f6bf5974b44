"""UI tests of the storage widgets run against a real database file, with the Chinese
translator installed when a test asks for Chinese."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from desk_app.i18n import Language
from tests.conftest import Org
from ui.context import UiContext
from ui.operations import ChangeHub
from ui.translations import catalogue


@pytest.fixture
def context(org: Org, qapp: object) -> Callable[..., UiContext]:
    def make(username: str = "owner", language: Language = "en") -> UiContext:
        return UiContext(org.as_(username), ChangeHub(), language)

    return make


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    translator = catalogue("storage", "zh")
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
