"""What the workstation remembers between runs (QSettings): the last database, the language,
and per user the window geometry and the column layout.

Tests and the screenshot tool point it at a file of their own with ``use_file``, so that they
never read or change the person's real settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from desk_app.i18n import LANGUAGES, Language

ORGANISATION = "desk-app"
APPLICATION = "desk-app"

_file: Path | None = None


def use_file(path: Path | None) -> None:
    """Keep settings in ``path`` (an INI file) instead of the platform's place."""
    global _file
    _file = path


def settings() -> QSettings:
    if _file is not None:
        return QSettings(str(_file), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION,
                     APPLICATION)


def last_database() -> Path | None:
    value = settings().value("database/last", "")
    return Path(str(value)) if value else None


def set_last_database(path: Path) -> None:
    settings().setValue("database/last", str(path))


def language() -> Language | None:
    """The language chosen in the program; None: follow the system."""
    value = str(settings().value("ui/language", "") or "")
    return value if value in LANGUAGES else None  # type: ignore[return-value]


def set_language(lang: Language | None) -> None:
    settings().setValue("ui/language", lang or "")


def _user_key(username: str, key: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in username)
    return f"users/{safe}/{key}"


def user_value(username: str, key: str, default: Any = None) -> Any:
    return settings().value(_user_key(username, key), default)


def set_user_value(username: str, key: str, value: Any) -> None:
    settings().setValue(_user_key(username, key), value)
