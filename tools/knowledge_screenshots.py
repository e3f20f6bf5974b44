"""Screenshots of knowledge at work, in English and Chinese: the log form's suggestions for
"VPN 老是断开", the incident resolved with one click on the published article with a pasted
screenshot on it, and the Knowledge screen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/knowledge_screenshots.py [--out DIR]
    /work/shared/tools/desktop-session .venv/bin/python tools/knowledge_screenshots.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if os.environ.get("DISPLAY"):
    os.environ.pop("QT_QPA_PLATFORM", None)

from PySide6.QtGui import QGuiApplication  # noqa: E402

from desk_app.demo import DEMO_PASSWORD  # noqa: E402
from desk_app.services.incident import choices  # noqa: E402
from desk_app.services.session import sign_in  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from screenshots import grab, settle, shoot_on_demo  # noqa: E402

from ui.context import UiContext  # noqa: E402
from ui.incident.log_form import LogIncidentForm  # noqa: E402
from ui.incident.view import IncidentView  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.operations import ChangeHub  # noqa: E402
from ui.translations import translations  # noqa: E402


def window_for(store: object, username: str, lang: str) -> MainWindow:
    translations.apply(lang)  # type: ignore[arg-type]
    session = sign_in(store, username, DEMO_PASSWORD)  # type: ignore[arg-type]
    window = MainWindow(UiContext(session, ChangeHub(), lang), watch=False)  # type: ignore[arg-type]
    window.show()
    window.resize(1360, 850)
    settle(extra=0.5)
    return window


def shoot(lang: str, store: object, out: Path) -> None:
    window = window_for(store, "wangfang" if lang == "zh" else "emily", lang)
    window.log_incident()
    form = window.tabs.currentWidget()
    assert isinstance(form, LogIncidentForm)
    settle(lambda: form.ready)
    session = window.context.session
    caller = choices.find_callers(session, "")[0]
    form.caller.set_caller(caller)
    form.title.setText("VPN 老是断开")
    form.description.setPlainText("在家办公,连上以后十分钟左右就断。" if lang == "zh" else
                                  "Working from home, it drops after about ten minutes.")
    vpn = next(i for i in range(form.category.count())
               if "VPN" in form.category.itemText(i))
    form.category.setCurrentIndex(vpn)
    form.type.setCurrentIndex(1)
    form.impact.setCurrentIndex(2)
    settle(lambda: form.suggestions.idle and bool(form.suggestions.suggestions.similar),
           extra=0.6)
    grab(window, out / f"knowledge_suggestions_{lang}.png")
    article = next(s for s in form.suggestions.suggestions.similar if s.kind == "article")
    card = form.suggestions.card("article", article.id)
    assert card is not None
    card.buttons["resolve"].click()  # one click: resolved at first contact (R05)
    settle(lambda: isinstance(window.tabs.currentWidget(), IncidentView)
           and window.tabs.currentWidget().loaded, timeout=20, extra=0.5)  # type: ignore[union-attr]
    view = window.tabs.currentWidget()
    assert isinstance(view, IncidentView)
    QGuiApplication.clipboard().setImage(window.grab().toImage().scaledToWidth(900))
    view.tabs.setCurrentWidget(view.attachments)
    view.attachments.paste()
    settle(lambda: view.attachments.list.count() > 0, timeout=20, extra=0.8)
    grab(window, out / f"knowledge_attachments_{lang}.png")
    window.close()

    window = window_for(store, "zhaolei" if lang == "zh" else "anna", lang)
    screen = window.knowledge.show()
    settle(lambda: bool(screen.rows), extra=0.3)
    screen.search.setText("VPN")
    settle(lambda: len(screen.rows) < 10, extra=0.6)
    screen.table.selectRow(0)
    settle(lambda: screen.current is not None, extra=0.6)
    grab(window, out / f"knowledge_screen_{lang}.png")
    window.close()


def main() -> int:
    return shoot_on_demo(shoot)


if __name__ == "__main__":
    raise SystemExit(main())
