"""Where the program's resources are: icons and translations.

``resources/`` sits beside the ``ui`` package in the repository (and in the frozen program,
which ships it as data files); it is found relative to this file, not to the working folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICONS = RESOURCES / "icons"
TRANSLATIONS = RESOURCES / "translations"


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from ``resources/icons`` (sharp at every scale factor)."""
    return QIcon(str(ICONS / f"{name}.svg"))
