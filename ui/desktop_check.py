"""Before the window opens on Linux: can Qt's desktop plugin (xcb, the X11 one) load here?

On a fresh Linux desktop Qt's own answer is an abort ("could not load the Qt platform plugin
xcb"), which names neither the missing system libraries nor how to get them. The plugin's
dependencies are asked of the system's dynamic loader (``ldd``, which reads the same paths
the program will) and each missing library is named with the Debian/Ubuntu package that
provides it and one ``apt`` command that installs them all.

Nothing here starts Qt's GUI: it runs before the QApplication is made.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from desk_app.i18n import Language, text

#: The libraries Qt's xcb plugin needs that a minimal desktop may lack, by soname, with the
#: Debian/Ubuntu package of each (Qt's "Linux requirements" list). Listed in the README.
PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Whether Qt will try the xcb plugin: Linux, and not told to use another one (a
    Wayland session without a choice lets Qt try Wayland first)."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def plugin_files() -> list[Path]:
    """The xcb plugin and the Qt library it loads, in this installation of PySide6."""
    import PySide6

    root = Path(PySide6.__file__).resolve().parent / "Qt"
    found = [root / "plugins" / "platforms" / "libqxcb.so"]
    found += sorted((root / "lib").glob("libQt6XcbQpa.so*"))[:1]
    return [f for f in found if f.exists()]


def missing_libraries(files: list[Path], ldd: str | None = None) -> list[str]:
    """The sonames the dynamic loader cannot find for ``files``, in the order first seen.
    Without ``ldd`` on the system nothing can be said: an empty list."""
    program = ldd or shutil.which("ldd")
    if program is None:
        return []
    missing: list[str] = []
    for path in files:
        try:
            result = subprocess.run([program, str(path)], capture_output=True, text=True,
                                    timeout=20, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        for soname in _NOT_FOUND.findall(result.stdout + result.stderr):
            if soname not in missing:
                missing.append(soname)
    return missing


def install_command(sonames: list[str]) -> str:
    packages = list(dict.fromkeys(PACKAGES[s] for s in sonames if s in PACKAGES))
    return "sudo apt install " + " ".join(packages) if packages else ""


def describe_missing(sonames: list[str], lang: Language) -> str:
    lines = []
    for soname in sonames:
        package = PACKAGES.get(soname)
        lines.append(f"    {soname}  →  {package}" if package else
                     f"    {soname}  " + text("desktop.unknown_package", lang, library=soname))
    command = install_command(sonames) or "sudo apt install " + " ".join(
        sorted(set(PACKAGES.values())))
    return text("desktop.missing_libraries", lang, plugin="xcb", libraries="\n".join(lines),
                command=command)


def reader_language(env: Mapping[str, str], chosen: str | None = None) -> Language:
    """The language to say it in before any setting can be read: ``--lang``, else the
    system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    if chosen in ("en", "zh"):
        return chosen  # type: ignore[return-value]
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def desktop_problem(env: Mapping[str, str] | None = None, lang: str | None = None,
                    ldd: str | None = None) -> str | None:
    """What stops the window from opening here, in the reader's language, or None."""
    env = os.environ if env is None else env
    if not uses_xcb(env):
        return None
    reader = reader_language(env, lang)
    missing = missing_libraries(plugin_files(), ldd)
    if missing:
        return describe_missing(missing, reader)
    if not env.get("DISPLAY"):
        return text("desktop.no_display", reader)
    return None
