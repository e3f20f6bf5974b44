"""No traceback, ever, for bad input on the command line: the real entry point is called
with hostile arguments for every verb, and each call ends with an exit code (0, 1, 2 or 3)
and a message, never an exception; the file it was given is left a working database."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.cli import main
from tests.conftest import Org

HOSTILE = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1,
            max_size=3),
    st.sampled_from(["", "\x00", "-1", "0", "9" * 20, "9" * 5000, "INC" + "9" * 30,
                     "2026-13-45T99:99", "now", "../../etc/passwd", "\ud800", "网络" * 9000,
                     "1e308", "NaN", "--", "-", "'; DROP TABLE incident; --"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


def _run(argv: list[str]) -> int:
    sys.stdin = io.StringIO("")  # nothing to type: a password prompt reads an empty line
    try:
        return main(argv)
    except SystemExit as ended:  # argparse's own refusal of unknown options (exit 2)
        return int(ended.code or 0)


def _verbs(db: str, value: str) -> list[list[str]]:
    return [
        ["scan", db, "--now", value],
        ["show", db, value],
        ["check", value],
        ["backup", db, "--to", value + ".bak"],
        ["restore", db, value, "--wait", "0"],
        ["init", value, "--owner", value, "--full-name", value],
        ["show", value, "1"],
        ["scan", value],
    ]


@settings(derandomize=True, max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(value=HOSTILE, lang=st.sampled_from(["en", "zh"]))
def test_every_verb_answers_bad_input_with_a_message_not_a_traceback(
        org: Org, tmp_path: Path, value: str, lang: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(org.path)
    stdin = sys.stdin
    try:
        for argv in _verbs(db, value):
            code = _run(["--lang", lang, *argv])
            assert code in (0, 1, 2, 3), (argv, code)
    finally:
        sys.stdin = stdin
    conn = sqlite3.connect(org.path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM user").fetchone()[0] > 0
    finally:
        conn.close()


@pytest.mark.parametrize(("argv", "code", "says"), [
    (["scan", "{db}", "--now", "garbage"], 2, "is not a date and time"),
    (["show", "{db}", "9" * 20], 1, "There is no incident"),
    (["show", "{db}", "9" * 100_000], 1, "There is no incident"),
    (["init", "{dir}/e.sqlite", "--owner", "\udcff", "--full-name", "X"], 2,
     "cannot be read"),
])
def test_the_reported_tracebacks_are_messages(org: Org, tmp_path: Path, argv: list[str],
                                              code: int, says: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    filled = [a.replace("{db}", str(org.path)).replace("{dir}", str(tmp_path)) for a in argv]
    assert _run(["--lang", "en", *filled]) == code
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err and len(err) < 500
