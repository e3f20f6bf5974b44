"""Screenshots of the main screens in English and Chinese, for the README and for looking.

    /work/shared/tools/desktop-session .venv/bin/python tools/screenshots.py [--out DIR]

Run it on a real (virtual) display with CJK fonts, not offscreen, so that Chinese renders.
It makes a demo database in a temporary folder (never touching your own settings or demo),
signs in as the service desk (王芳 Wang Fang) and grabs: the sign-in dialog, the first-run
wizard, the main window on a busy queue, search results for 网络 / VPN, and, when this build
has them, the incident view and the log form of the forms half.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if os.environ.get("DISPLAY"):
    os.environ.pop("QT_QPA_PLATFORM", None)  # the real display, not offscreen

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from desk_app.demo import DEMO_PASSWORD, build_demo  # noqa: E402
from desk_app.services.queues import Queue  # noqa: E402
from desk_app.services.session import sign_in  # noqa: E402
from desk_app.storage.database import Store  # noqa: E402
from desk_app.storage.opening import open_store  # noqa: E402
from ui import settings  # noqa: E402
from ui.app import application  # noqa: E402
from ui.context import UiContext  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.operations import ChangeHub  # noqa: E402
from ui.reading import read_pool  # noqa: E402
from ui.shell.screens import MissingScreen  # noqa: E402
from ui.startup.sign_in import SignInDialog, demo_accounts  # noqa: E402
from ui.startup.wizard import FirstRunWizard  # noqa: E402
from ui.translations import translations  # noqa: E402


def settle(until: Callable[[], bool] = lambda: True, timeout: float = 10.0,
           extra: float = 0.3) -> None:
    """Process events until ``until()`` holds, then a little longer for painting."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        if until():
            break
        time.sleep(0.02)
    end = time.monotonic() + extra
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def grab(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def rows_shown(window: MainWindow) -> bool:
    model = window.queue_view.model
    if model.refreshing:
        return False
    visible = min(model.rowCount(), 30)
    for row in range(visible):
        model.data(model.index(row, 0))
    return model.is_loaded(0, visible - 1)


def shoot(lang: str, store: Store, out: Path) -> None:
    """Every screenshot in one language."""
    translations.apply(lang)  # type: ignore[arg-type]

    dialog = SignInDialog(store, lang, demo=demo_accounts(),  # type: ignore[arg-type]
                          demo_password=DEMO_PASSWORD)
    dialog.demo_list.setCurrentRow(2)
    dialog.show()
    grab(dialog, out / f"sign_in_{lang}.png")
    dialog.close()

    wizard = FirstRunWizard(lang)  # type: ignore[arg-type]
    wizard.resize(680, 480)
    wizard.show()
    wizard.next()
    grab(wizard, out / f"wizard_{lang}.png")
    wizard.next()
    wizard.database_page.path.setText(str(Path.home() / "desk-app" / "desk.sqlite"))
    grab(wizard, out / f"wizard_file_{lang}.png")
    wizard.close()

    session = sign_in(store, "wangfang", DEMO_PASSWORD)
    context = UiContext(session, ChangeHub(), lang)  # type: ignore[arg-type]
    window = MainWindow(context, watch=False)
    window.resize(1440, 860)
    window.show()
    window.show_queue(Queue.MY_GROUPS)
    settle(lambda: window.queue_view.model.queue == Queue.MY_GROUPS
           and rows_shown(window) and bool(window.navigator.list_model.counts))
    grab(window, out / f"main_{lang}.png")

    window.show_queue(Queue.ALL)
    settle(lambda: window.queue_view.model.queue == Queue.ALL and rows_shown(window))
    grab(window, out / f"all_{lang}.png")

    window.search("网络" if lang == "zh" else "VPN")
    settle(lambda: bool(window.search_panel.model.hits))
    grab(window, out / f"search_{lang}.png")

    incident = window.queue_view.model.ids[0]
    opened = window.open_incident(incident)
    if not isinstance(opened, MissingScreen):
        settle(extra=1.0)
        grab(window, out / f"incident_{lang}.png")
    settle(lambda: window.may_log)
    window.log_incident()
    if not isinstance(window.tabs.currentWidget(), MissingScreen):
        settle(extra=0.5)
        grab(window, out / f"log_{lang}.png")
    window.close()
    window.deleteLater()
    settle()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--incidents", type=int, default=200)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="desk-shots-"))
    settings.use_file(tmp / "settings.ini")
    app = application()
    app.setStyle("Fusion")
    database = tmp / "demo.sqlite"
    print("making the demo database…")
    build_demo(database, incidents=args.incidents)
    store = open_store(database)

    for lang in ("en", "zh"):
        shoot(lang, store, args.out)
    read_pool().waitForDone()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
