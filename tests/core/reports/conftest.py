"""The crafted history, built once per module and kind of database (tests only read it).

A test that takes ``history`` runs on a file and on a server (the figures must be the same
on both), unless it is marked ``file_only`` (it is about the file's summary tables).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.clock import FakeClock
from desk_app.storage.opening import open_store
from tests.conftest import KINDS, START, Org
from tests.core.reports.history import build


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "history" not in metafunc.fixturenames:
        return
    kinds = ("file",) if metafunc.definition.get_closest_marker("file_only") else KINDS
    metafunc.parametrize("history", kinds, indirect=True, scope="module")


@pytest.fixture(scope="module")
def history(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[Org, dict[str, int]]]:
    kind = getattr(request, "param", "file")
    if kind == "server":
        server = request.getfixturevalue("pg_server")
        name, ids = request.getfixturevalue("server_org_template")
        url = server.create_database(template=name)
        store = open_store(url)
        org = Org(store, FakeClock(START), Path(url), dict(ids))
        incidents = build(org)
        yield org, incidents
        store.close()
        server.drop_database(url)
        return
    template, ids = request.getfixturevalue("org_template")
    path = tmp_path_factory.mktemp("history") / "desk.sqlite"
    shutil.copyfile(template, path)
    store = open_store(path, daily_backup=False)
    org = Org(store, FakeClock(START), path, dict(ids))
    incidents = build(org)
    yield org, incidents
    store.close()
