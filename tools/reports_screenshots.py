"""Screenshots of the Reports screen in English and Chinese, for the README and for looking.

    /work/shared/tools/desktop-session .venv/bin/python tools/reports_screenshots.py [--out DIR]

Run it on a real (virtual) display with CJK fonts. It makes a demo database in a temporary
folder, signs in as the process owner (陈静 Chen Jing), opens Reports over the demo's three
weeks and grabs: the key figures and the first charts, the targets further down, and a
drill-down tab of the incidents behind a figure; it also writes the report's PDF beside them.
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if os.environ.get("DISPLAY"):
    os.environ.pop("QT_QPA_PLATFORM", None)  # the real display, not offscreen

from PySide6.QtCore import QDate  # noqa: E402

from desk_app.demo import DEMO_PASSWORD  # noqa: E402
from desk_app.services.session import sign_in  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from screenshots import grab, settle, shoot_on_demo  # noqa: E402

from ui.context import UiContext  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.operations import ChangeHub  # noqa: E402
from ui.reports.pdf import write_pdf  # noqa: E402
from ui.translations import translations  # noqa: E402


def shoot(lang: str, store: object, out: Path) -> None:
    translations.apply(lang)  # type: ignore[arg-type]
    session = sign_in(store, "chenjing", DEMO_PASSWORD)  # type: ignore[arg-type]
    window = MainWindow(UiContext(session, ChangeHub(), lang), watch=False)  # type: ignore[arg-type]
    window.resize(1440, 900)
    window.show()
    settle(lambda: window.reports.action.isVisible())
    screen = window.reports.show()
    settle(lambda: screen.report is not None)
    today = session.clock.now().date()
    start = today - timedelta(days=21)
    screen.report = None
    screen.start.setDate(QDate(start.year, start.month, start.day))
    screen.end.setDate(QDate(today.year, today.month, today.day))
    screen.refresh()
    settle(lambda: screen.report is not None, extra=1.0)
    grab(window, out / f"reports_{lang}.png")
    targets = next(s for s in screen.sections if s.table_data.key == "targets_by_priority")
    screen.scroll.ensureWidgetVisible(targets, 0, 0)
    screen.scroll.verticalScrollBar().setValue(targets.y())
    grab(window, out / f"reports_targets_{lang}.png")
    report = screen.report
    assert report is not None
    row = next(i for i, r in enumerate(targets.table_data.rows) if r.cells[5].value)
    screen.drill("targets_by_priority", row, 5)
    settle(lambda: window.tabs.currentWidget() is not screen, extra=0.6)
    grab(window, out / f"reports_drill_{lang}.png")
    write_pdf(report, out / f"report_{lang}.pdf")
    window.close()


def main() -> int:
    return shoot_on_demo(shoot)


if __name__ == "__main__":
    raise SystemExit(main())
