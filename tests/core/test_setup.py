"""Creating a database: a refused first administrator leaves no file behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_app.errors import ValidationError
from desk_app.services.admin.people import UserForm
from desk_app.services.database.setup import create_database


def test_a_refused_owner_leaves_no_half_made_database(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    with pytest.raises(ValidationError) as refused:
        create_database(path, UserForm("boss", "Boss", [], password="short"))
    assert "password" in refused.value.fields
    assert not path.exists()
    store = create_database(path, UserForm("boss", "Boss", [], password="long enough"))
    try:
        assert store.execute("SELECT username FROM user") == [("boss",)]
    finally:
        store.close()
