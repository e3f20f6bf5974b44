"""``desk-app --smoke-test FILE``: the frozen program proves it can show its window.

It opens FILE, signs in as its first process owner (no password: whoever runs this holds the
file), shows the main window with every translation loaded, lets it run its queue reads and
first escalation round for a few seconds, and quits. Exit 0 means the build works.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desk_app.domain.enums import Role
from desk_app.services.lists.queues import Queue
from desk_app.services.session import session_for
from desk_app.storage.models import User, UserRole
from desk_app.storage.opening import open_store
from ui.context import UiContext
from ui.operations import ChangeHub
from ui.reading import finish_background_work


def smoke_test(app: QApplication, path: Path, seconds: float = 4.0) -> int:
    from ui.main_window import MainWindow
    from ui.translations import Translations

    store = open_store(path)
    owner = store.read(lambda: User.select(User.username).join(UserRole).where(
        UserRole.role == Role.PROCESS_OWNER.value).first())
    session = session_for(store, owner.username)
    translations = Translations()
    translations.apply("zh")
    window = MainWindow(UiContext(session, ChangeHub(), "zh"))
    window.show()
    window.show_queue(Queue.ALL)
    seen: dict[str, object] = {}

    def look() -> None:
        seen["visible"] = window.isVisible()
        seen["rows"] = window.queue_view.model.rowCount()
        app.quit()

    QTimer.singleShot(int(seconds * 1000), look)
    app.exec()
    shown = bool(seen.get("visible")) and int(seen.get("rows") or 0) > 0  # type: ignore[call-overload]
    window.close()
    finish_background_work()  # as quitting the program does
    store.close()
    print(f"smoke test: visible={seen.get('visible')} rows={seen.get('rows')}")
    return 0 if shown else 1
