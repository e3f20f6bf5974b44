"""Storage tests share one built organisation per module and give each test its own copy:
building it (eleven password hashes) costs a second, copying the file a millisecond."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desk_app.clock import FakeClock
from desk_app.storage.opening import open_store
from tests.conftest import Org, build_org


def clone(template: Org, folder: Path) -> Org:
    """A fresh copy of ``template``'s file, opened as a new workstation would."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / template.path.name
    shutil.copyfile(template.path, path)
    clock = FakeClock(template.clock.now())
    store = open_store(path, daily_backup=False)
    return Org(store, clock, path, dict(template.ids))


@pytest.fixture(scope="module")
def prepared_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Org]]:
    """``prepared_template(prepare)``: an organisation built once per module and per ``prepare``
    (a function that adds to it), closed so that tests can copy its file."""
    built: dict[object, Org] = {}

    def get(prepare: Callable[[Org], None] | None = None) -> Org:
        if prepare not in built:
            folder = tmp_path_factory.mktemp("template")
            org = build_org(folder / "desk.sqlite", FakeClock("2026-03-02T01:00:00+00:00"))
            if prepare is not None:
                prepare(org)
            org.store.close()
            built[prepare] = org
        return built[prepare]

    yield get
