"""What the fuzz tests share: the hostile values, a digest of every row, and one hostile call
judged the same way everywhere (a typed refusal that changes nothing, or a result)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import strategies as st

from desk_app.errors import DeskError, ValidationError
from desk_app.i18n import MESSAGES
from tests.conftest import Org
from tests.helpers import SUMMARISED

HOSTILE: list[Any] = [
    None, -1, 0, 2**63 - 1, 2**63, -(2**63) - 1, 2**64, 10**12, 1.5, float("nan"), True,
    "", " ", "\x00", "a\x00b", "\ud800", "x" * 100_000, "网络" * 20_000, [], {}, b"bytes",
    "'; DROP TABLE incident; --", "%_\\", object(),
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.text(max_size=30),
)


def digest(org: Org) -> str:
    """Every row of every table but the open's own presence row."""
    conn = sqlite3.connect(org.path)
    hashed = hashlib.sha256()
    try:
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                     " AND name NOT IN ('presence') ORDER BY name"):
            if table in SUMMARISED:  # the fixed calendar of desk days: its aggregate
                hashed.update(repr(conn.execute(SUMMARISED[table]).fetchall()).encode())
                continue
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
                hashed.update(row.encode())
    finally:
        conn.close()
    return hashed.hexdigest()


def assert_in_both_languages(error: DeskError) -> None:
    """The refusal is one the person can read: its message (and each field's) is in the
    catalogue in English and in Chinese."""
    keys = [key for key, _ in error.fields.values()] if isinstance(
        error, ValidationError) else [error.key]
    for key in keys:
        assert key in MESSAGES, f"{type(error).__name__} with no message: {key}"
        assert MESSAGES[key].get("en") and MESSAGES[key].get("zh"), key
    assert error.message("en") and error.message("zh")


def call_hostile(org: Org, name: str, call: Callable[..., Any], who: str,
                 arguments: dict[str, Any], *, both_languages: bool = False) -> None:
    """Call ``name`` as ``who``: a refusal must be one of the product's typed errors and
    leave every row as it was; anything else that escapes fails the test."""
    before = digest(org)
    try:
        call(org.as_(who), **arguments)
    except DeskError as error:
        if both_languages:
            assert_in_both_languages(error)
        assert digest(org) == before, f"{name} was refused but changed rows"
    except Exception as error:
        pytest.fail(f"{name}({arguments!r:.300}) as {who} raised "
                    f"{type(error).__name__}: {error!s:.300}")
