"""Build the frozen program with PyInstaller and smoke-test what was built.

    python tools/build_frozen.py            (needs: pip install pyinstaller)

The smoke test runs the built programs, not the sources: the command line creates the demo
database and shows an incident; the workstation starts offscreen on it and quits by itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "desk-app"


def run(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    print("$", " ".join(args), flush=True)
    result = subprocess.run(args, capture_output=True, text=True, timeout=900, **kw)
    if result.returncode != 0:
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
        raise SystemExit(f"failed: {args[0]}")
    return result


def main() -> int:
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", str(ROOT / "build.spec"),
        cwd=str(ROOT))
    cli = DIST / ("desk-app-cli.exe" if os.name == "nt" else "desk-app-cli")
    gui = DIST / ("desk-app.exe" if os.name == "nt" else "desk-app")
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite"
        run(str(cli), "demo", str(demo))
        shown = run(str(cli), "--lang", "zh", "show", str(demo), "1")
        assert "历史记录" in shown.stdout, shown.stdout
        run(str(cli), "check", str(demo))
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DESK_APP_SMOKE="1")
        run(str(gui), "--smoke-test", str(demo), env=env)
    print("frozen program OK:", DIST)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
