"""The crafted history, built once per module (tests only read it)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.clock import FakeClock
from desk_app.storage.opening import open_store
from tests.conftest import START, Org
from tests.core.reports.history import build


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory,
            org_template: tuple[Path, dict[str, int]]) -> Iterator[tuple[Org, dict[str, int]]]:
    template, ids = org_template
    path = tmp_path_factory.mktemp("history") / "desk.sqlite"
    shutil.copyfile(template, path)
    store = open_store(path, daily_backup=False)
    org = Org(store, FakeClock(START), path, dict(ids))
    incidents = build(org)
    yield org, incidents
    store.close()
