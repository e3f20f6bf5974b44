"""``desk-app similar`` answers hostile arguments with a message and an exit code, never a
traceback, and leaves the file as it was (as tests/core/test_fuzz_cli.py for the other
verbs)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Org
from tests.core.test_fuzz_cli import HOSTILE, _run


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@settings(derandomize=True, max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(value=HOSTILE, lang=st.sampled_from(["en", "zh"]))
def test_similar_answers_bad_input_with_a_message(org: Org, tmp_path: Path, value: str,
                                                  lang: str, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(org.path)
    org.store.close()
    before = _digest(org.path)
    for argv in (["similar", db, value], ["similar", db, "vpn", "--limit", value],
                 ["similar", db, "vpn", "--category", value],
                 ["similar", db, "vpn", "--caller", value], ["similar", value, "vpn"]):
        code = _run(["--lang", lang, *argv])
        assert code in (0, 1, 2), (argv, code)
        assert "Traceback" not in capsys.readouterr().err
    assert _digest(org.path) == before
