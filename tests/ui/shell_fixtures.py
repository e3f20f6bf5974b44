"""Fixtures of the shell's UI tests (imported by each test module, so that they live beside
the tests and not in a conftest another area also writes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import Org
from ui import settings
from ui.context import UiContext
from ui.operations import ChangeHub
from ui.translations import translations


@pytest.fixture
def app_settings(tmp_path: Path) -> Iterator[Path]:
    """Settings in a file of the test's own, never the person's."""
    path = tmp_path / "settings.ini"
    settings.use_file(path)
    yield path
    settings.use_file(None)


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    translations.apply("en")
    yield
    translations.apply("en")


def context_for(org: Org, username: str = "net1", language: str = "en") -> UiContext:
    return UiContext(org.as_(username), ChangeHub(), language)  # type: ignore[arg-type]


def wait_loaded(qtbot: QtBot, model: object, timeout: int = 5000) -> None:
    """Until the queue model has its ids and every row on hand."""

    def done() -> None:
        assert not model.refreshing  # type: ignore[attr-defined]
        for row in range(model.rowCount()):  # type: ignore[attr-defined]
            model.data(model.index(row, 0))  # type: ignore[attr-defined]
        assert model.is_loaded()  # type: ignore[attr-defined]

    qtbot.waitUntil(done, timeout=timeout)


#: qutebrowser's habit: a Qt warning fails the test, except what the offscreen platform
#: itself says about features it lacks.
FAIL_ON_QT_WARNINGS = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                              "This plugin does not support raise",
                              "This plugin does not support grabbing"),
]
