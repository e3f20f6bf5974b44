"""Process settings kept in the database, shared by every workstation."""

from __future__ import annotations

from desk_app.storage.models import Setting
from desk_app.storage.reference import DEFAULT_SETTINGS


def get_setting(key: str) -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row is not None else DEFAULT_SETTINGS[key]
