"""Regenerate the translation catalogues with Qt's tools.

    .venv/bin/python tools/update_translations.py            lupdate + lrelease
    .venv/bin/python tools/update_translations.py --check    exit 1 if a catalogue is stale

``pyside6-lupdate`` collects every ``tr()``/``translate()``/``QT_TRANSLATE_NOOP`` text of an
area's sources into ``resources/translations/<area>_zh_CN.ts`` (keeping the translations
already made, dropping texts no longer in the code); translate new entries with
``pyside6-linguist``; then ``pyside6-lrelease`` compiles every ``.ts`` into the ``.qm`` the
program loads (``ui/translations.py`` loads every ``*_zh_CN.qm``). Each area owns its file,
so that the shell, the forms and later areas never edit the same catalogue.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LOCALES = ["zh_CN"]

#: area → the sources whose texts it holds (files, or folders searched for *.py)
AREAS: dict[str, list[str]] = {
    "shell": ["ui/app.py", "ui/main_window.py", "ui/shell", "ui/queue", "ui/search",
              "ui/startup"],
    "security": ["ui/security"],
    "reports": ["ui/reports"],
    "importing": ["ui/importing"],
    "bulk": ["ui/bulk"],
    "knowledge": ["ui/knowledge"],
}


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6 in this environment")
    return found


def sources(area: str) -> list[str]:
    files: list[str] = []
    for entry in AREAS[area]:
        path = ROOT / entry
        files += sorted(str(p) for p in path.rglob("*.py")) if path.is_dir() else [str(path)]
    return files


def lupdate(area: str, locale: str, target: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(area), "-no-obsolete",
                    "-locations", "none", "-ts", str(target)], check=True,
                   stdout=subprocess.DEVNULL)


def lrelease(ts: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                   check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true",
                        help="only check that the catalogues match the sources")
    args = parser.parse_args()
    stale = []
    for area in AREAS:
        for locale in LOCALES:
            ts = TRANSLATIONS / f"{area}_{locale}.ts"
            if args.check:
                with tempfile.TemporaryDirectory() as tmp:
                    copy = Path(tmp) / ts.name
                    if ts.exists():
                        shutil.copy(ts, copy)
                    lupdate(area, locale, copy)
                    if not ts.exists() or not filecmp.cmp(ts, copy, shallow=False):
                        stale.append(ts.name)
            else:
                TRANSLATIONS.mkdir(parents=True, exist_ok=True)
                lupdate(area, locale, ts)
    if args.check:
        for name in stale:
            print(f"{name} does not match the sources: run tools/update_translations.py")
        return 1 if stale else 0
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        lrelease(ts)
        print(f"{ts.name} → {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
