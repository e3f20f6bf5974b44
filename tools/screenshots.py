"""Screenshots of the main screens in English and Chinese, for the README and for looking.

    /work/shared/tools/desktop-session .venv/bin/python tools/screenshots.py [--out DIR]

Run it on a real (virtual) display with CJK fonts, not offscreen, so that Chinese renders.
It makes a demo database in a temporary folder (never touching your own settings or demo),
signs in as the service desk (王芳 Wang Fang) and grabs: the sign-in dialog, the first-run
wizard, the main window on a busy queue, search results for 网络 / VPN, and, when this build
has them, the incident view and the log form of the forms half (a caller with an open
incident chosen); then the incident manager's first screen (Escalated); then, as the process
owner (陈静 Chen Jing), the administration window's Database file page after a backup and a
check, the priority matrix with a change pending, and the meanings of the levels.
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
from desk_app.services.database.care import visitor_of  # noqa: E402
from desk_app.services.lists.queues import Queue  # noqa: E402
from desk_app.services.session import sign_in  # noqa: E402
from desk_app.storage.database import Store  # noqa: E402
from desk_app.storage.opening import open_store  # noqa: E402
from desk_app.storage.presence import join, leave  # noqa: E402
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


def shoot_on_demo(shoot: Callable[[str, Store, Path], None],
                  prepare: Callable[[Store], None] | None = None) -> int:
    """The area scripts' common run (``--out DIR``): a demo database in a temporary folder
    with its own settings, so that nothing of the user's own is touched; ``prepare`` adds
    what the area's screens need; then ``shoot`` in each language."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as folder:
        settings.use_file(Path(folder) / "settings.ini")
        path = Path(folder) / "demo.sqlite"
        build_demo(path)
        store = open_store(path, daily_backup=False)
        try:
            if prepare is not None:
                prepare(store)
            for lang in ("en", "zh"):
                shoot(lang, store, args.out)
        finally:
            store.close()
    return 0


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
    form = window.tabs.currentWidget()
    if not isinstance(form, MissingScreen):
        fill_log_form(form, session, store, lang)
        grab(window, out / f"log_{lang}.png")
        form.reset()  # type: ignore[attr-defined]  # closing would ask about the typed text
    window.close()
    window.deleteLater()
    settle()
    manager_start(lang, store, out)
    database_page(lang, store, out)
    process_settings(lang, store, out)


def fill_log_form(form: QWidget, session: object, store: Store, lang: str) -> None:
    """A caller who already has an open incident (it shows beside the form, with "Add as
    note"), a VIP if the demo has one, the impact chosen (its meaning shows under it)."""
    from desk_app.services.incident import choices
    from desk_app.storage.models import Caller, Incident
    from ui.widgets.combos import select

    def pick() -> int | None:
        query = (Incident.select(Incident.caller).join(Caller)
                 .where(Incident.stage.not_in(["resolved", "closed"]))
                 .order_by(Caller.vip.desc(), Incident.id.desc()))
        row = query.first()
        return int(row.caller_id) if row is not None else None

    settle(lambda: bool(getattr(form, "ready", False)))
    caller_id = store.read(pick)
    if caller_id is not None:
        form.caller.set_caller(choices.caller(session, caller_id))  # type: ignore[attr-defined]
    select(form.impact, 2)  # type: ignore[attr-defined]
    form.title.setText("打印机又卡纸了" if lang == "zh" else  # type: ignore[attr-defined]
                       "The printer jams again")
    settle(lambda: form.suggestions.idle, extra=1.0)  # type: ignore[attr-defined]


def manager_start(lang: str, store: Store, out: Path) -> None:
    """The incident manager's first screen: Escalated, with their roles in the title."""
    manager = sign_in(store, "liuyang", DEMO_PASSWORD)
    window = MainWindow(UiContext(manager, ChangeHub(), lang), watch=False)  # type: ignore[arg-type]
    window.show()
    window.resize(1440, 860)
    settle(lambda: window.queue_view.model.queue == Queue.ESCALATED and rows_shown(window)
           and bool(window.navigator.list_model.counts))
    grab(window, out / f"escalated_{lang}.png")
    window.close()
    window.deleteLater()
    settle()


def process_settings(lang: str, store: Store, out: Path) -> None:
    """The process owner's priority matrix with a change pending (its preview offers to
    re-prioritise the open incidents too, R13) and the meanings of the levels."""
    from PySide6.QtCore import Qt

    from ui.admin.window import AdminWindow

    owner = sign_in(store, "chenjing", DEMO_PASSWORD)
    admin = AdminWindow(UiContext(owner, ChangeHub(), lang))  # type: ignore[arg-type]
    admin.show()
    admin.resize(1100, 720)
    admin.show_page("matrix")
    editor = admin.pages["matrix"]
    settle(lambda: editor.loaded)  # type: ignore[attr-defined]
    editor.table.setCurrentIndex(editor.model.index(2, 1))  # type: ignore[attr-defined]
    editor.model.setData(editor.model.index(2, 1), 1,  # type: ignore[attr-defined]
                         Qt.ItemDataRole.EditRole)
    settle(lambda: editor.preview is not None, extra=0.5)  # type: ignore[attr-defined]
    grab(admin, out / f"matrix_{lang}.png")
    editor.revert()  # type: ignore[attr-defined]
    admin.show_page("levels")
    settle(lambda: admin.pages["levels"].loaded)  # type: ignore[attr-defined]
    grab(admin, out / f"levels_{lang}.png")
    admin.close()
    admin.deleteLater()
    settle()


def database_page(lang: str, store: Store, out: Path) -> None:
    """The process owner's page for the shared file: backups, the check, who is connected."""
    from ui.admin.window import AdminWindow

    owner = sign_in(store, "chenjing", DEMO_PASSWORD)
    join(store, visitor_of(owner))  # this workstation, as its heartbeat announces it
    admin = AdminWindow(UiContext(owner, ChangeHub(), lang))  # type: ignore[arg-type]
    admin.resize(1100, 720)
    admin.show()
    admin.show_page("database")
    page = admin.pages["database"]
    panel = page.panel  # type: ignore[attr-defined]
    settle(lambda: panel.keep_version is not None)
    rows = panel.table.rowCount()
    panel.backup_button.click()
    settle(lambda: panel.table.rowCount() > rows)
    panel.check_button.click()
    settle(lambda: panel.check_button.isEnabled())
    page.presence.reload()  # type: ignore[attr-defined]
    settle(lambda: page.presence.table.rowCount() > 0)  # type: ignore[attr-defined]
    grab(admin, out / f"database_{lang}.png")
    admin.close()
    admin.deleteLater()
    leave(store)
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
