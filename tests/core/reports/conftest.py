"""The crafted history, built once per module and kind of database (tests only read it).

A test that takes ``history`` runs on a file and on a server (the figures must be the same
on both), unless it is marked ``file_only`` (it is about the file's summary tables).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import KINDS, Org, org_copy
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
    with org_copy(request, kind, tmp_path_factory.mktemp("history")) as org:
        yield org, build(org)
