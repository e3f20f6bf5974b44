"""Screenshots of the incident forms and the admin screens, in English and Chinese.

    python tools/forms_screenshots.py OUTDIR [--lang en zh] [--database FILE]

Builds the demo database in a temporary folder (or works on a temporary copy of FILE, which
is never changed), opens each screen as the person who would use it, waits for its data
and saves ``OUTDIR/<lang>-<screen>.png``. Run it under ``desktop-session`` to see real
fonts (CJK included):

    /work/shared/tools/desktop-session env -u QT_QPA_PLATFORM .venv/bin/python \\
        tools/forms_screenshots.py shots
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desk_app.domain.enums import Stage  # noqa: E402
from desk_app.i18n import Language  # noqa: E402
from desk_app.services.admin.people import CallerForm, save_caller  # noqa: E402
from desk_app.services.incident import choices  # noqa: E402
from desk_app.services.incident.log import (  # noqa: E402
    IncidentFields,
    NewIncident,
    log_incident,
    update_incident,
)
from desk_app.services.incident.queries import incident_view  # noqa: E402
from desk_app.services.session import session_for  # noqa: E402
from desk_app.storage.models import Escalation, Incident  # noqa: E402
from desk_app.storage.opening import open_store  # noqa: E402
from ui.context import UiContext  # noqa: E402
from ui.operations import ChangeHub  # noqa: E402


def wait(condition: Callable[[], bool], seconds: float = 10) -> None:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        QApplication.processEvents()


def shoot(widget: QWidget, path: Path) -> None:
    widget.show()
    widget.raise_()
    wait(lambda: False, 0.3)
    widget.grab().save(str(path))
    print(path)


def run(out: Path, langs: list[Language], database: Path | None) -> None:
    from ui.incident.dialogs import CloseDialog, TransferDialog
    from ui.incident.log_form import LogIncidentForm
    from ui.incident.view import IncidentView

    app = QApplication.instance() or QApplication(sys.argv)
    scratch = Path(tempfile.mkdtemp()) / "demo.sqlite"
    if database is None:
        from desk_app.demo import build_demo

        build_demo(scratch)
    else:
        shutil.copy(database, scratch)
    store = open_store(scratch)
    out.mkdir(parents=True, exist_ok=True)

    def pick() -> tuple[int, int, int]:
        escalated = (Incident.select(Incident.id).join(Escalation, on=(
            Escalation.incident == Incident.id)).where(
            Incident.stage == Stage.IN_PROGRESS.value).first())
        resolved = Incident.select(Incident.id).where(
            Incident.stage == Stage.RESOLVED.value).first()
        closed = Incident.select(Incident.id).where(
            Incident.stage == Stage.CLOSED.value).order_by(Incident.id.desc()).first()
        return ((escalated or Incident.select().first()).id, (resolved or escalated).id,
                closed.id)

    busy_id, resolved_id, closed_id = store.read(pick)
    closed = incident_view(session_for(store, "wangfang"), closed_id).incident
    # R24: a follow-up of a closed incident, so that both views show the link
    follow_up_id = log_incident(session_for(store, "wangfang"), NewIncident(
        caller_id=closed.caller_id, type=closed.type, category_id=closed.category_id,
        impact=closed.impact, title=f"{closed.title} (again)",
        linked_incident_id=closed_id)).new_id
    for lang in langs:
        translators = []
        if lang == "zh":
            for qm in sorted((ROOT / "resources" / "translations").glob("*_zh_CN.qm")):
                translator = QTranslator()
                translator.load(str(qm))
                QCoreApplication.installTranslator(translator)
                translators.append(translator)
        desk = UiContext(session_for(store, "wangfang"), ChangeHub(), lang)
        owner = UiContext(session_for(store, "chenjing"), ChangeHub(), lang)

        form = LogIncidentForm(desk)
        form.resize(760, 900)
        wait(lambda f=form: f.ready)
        shoot(form, out / f"{lang}-log-form.png")
        form.submit()
        shoot(form, out / f"{lang}-log-form-errors.png")
        vip = next((c for c in choices.find_callers(desk.session, "", 200) if c.vip), None)
        form.caller.set_caller(vip)
        form.type.setCurrentIndex(1)
        form.category.setCurrentIndex(1)
        form.impact.setCurrentIndex(2)
        form.title.setText("VPN 每隔几分钟断开" if lang == "zh" else "VPN drops every few minutes")
        form.first_contact.setChecked(True)
        shoot(form, out / f"{lang}-log-form-filled.png")
        form.first_contact.setChecked(False)
        form.linked.edit.setText("INC9999999")
        form.linked.lookup()
        wait(lambda f=form: f.errors.message("linked_incident") != "", 3)
        shoot(form, out / f"{lang}-log-form-link-refused.png")
        form.linked.edit.setText(f"INC{closed_id:07d}")
        form.linked.lookup()
        wait(lambda f=form: f.linked.incident is not None, 3)
        shoot(form, out / f"{lang}-log-form-linked.png")
        form.linked.clear()
        form.caller.new_caller()
        shoot(form.caller.dialog, out / f"{lang}-new-caller-dialog.png")
        form.caller.dialog.close()

        view = IncidentView(desk, busy_id)
        view.resize(1400, 860)
        wait(lambda v=view: v.loaded)
        shoot(view, out / f"{lang}-incident-timeline.png")
        view.tabs.setCurrentIndex(1)
        shoot(view, out / f"{lang}-incident-targets.png")
        if view.screen is not None:
            dialog = TransferDialog(desk, view.screen, view)
            wait(lambda d=dialog: d.member.count() > 1, 3)
            shoot(dialog, out / f"{lang}-transfer-dialog.png")
            dialog.close()

        # a conflict: someone else renames the incident while the desk edits its title
        view.details.title.setText(view.details.title.text() + " (customer: ACME)")
        view.details.title.textEdited.emit(view.details.title.text())
        update_incident(session_for(store, "liuyang"), busy_id,
                        IncidentFields(title=f"Mail bounces ({lang})"))
        view.details.save()
        wait(lambda v=view: v.conflict_dialog is not None)
        if view.conflict_dialog is not None:
            shoot(view.conflict_dialog, out / f"{lang}-conflict-dialog.png")
            view.conflict_dialog.reload_button.click()

        resolved = IncidentView(desk, resolved_id)
        resolved.resize(1400, 860)
        wait(lambda v=resolved: v.loaded)
        shoot(resolved, out / f"{lang}-incident-resolved.png")
        if resolved.screen is not None:
            closing = CloseDialog(desk, resolved.screen, resolved)
            wait(lambda d=closing: d.close_code.count() > 0, 3)
            closing.submit()
            shoot(closing, out / f"{lang}-close-dialog.png")
            closing.close()

        for name, incident_id in (("follow-up", follow_up_id), ("closed", closed_id)):
            linked = IncidentView(desk, incident_id)
            linked.resize(1400, 860)
            wait(lambda v=linked: v.loaded)
            shoot(linked, out / f"{lang}-incident-{name}.png")
            linked.close()
            linked.deleteLater()

        from ui.admin.window import AdminWindow

        desk_admin = AdminWindow(desk)
        desk_admin.resize(1300, 820)
        wait(lambda a=desk_admin: a.loaded)
        callers = desk_admin.pages["callers"]
        callers.search.setText("1")
        wait(lambda c=callers: c._search == "1" and c.loaded, 3)
        shoot(desk_admin, out / f"{lang}-desk-admin-callers.png")
        # a conflict: someone else changes the caller the desk is editing
        row = callers.current
        if row is not None:
            callers.location.setText("Building 3, room 301")
            callers.location.textEdited.emit(callers.location.text())
            save_caller(session_for(store, "liuyang"), CallerForm(
                row.name, "13900000000", row.email, row.department_id, row.location, row.vip,
                row.active), row.id, row.version)
            callers.save()
            wait(lambda c=callers: c.bar.kind == "error", 3)
            shoot(desk_admin, out / f"{lang}-desk-admin-callers-conflict.png")
            callers.revert()
        desk_admin.close()
        desk_admin.deleteLater()

        admin = AdminWindow(owner)
        admin.resize(1300, 820)
        wait(lambda a=admin: a.loaded)
        matrix = admin.pages["matrix"]
        admin.tabs.setCurrentWidget(matrix)
        matrix.model.setData(matrix.model.index(2, 2), 1)
        wait(lambda m=matrix: m.preview is not None)
        shoot(admin, out / f"{lang}-admin-matrix-preview.png")
        matrix.revert()
        for index in range(admin.tabs.count()):
            admin.tabs.setCurrentIndex(index)
            wait(lambda: False, 0.2)
            name = admin.tabs.widget(index).objectName() or str(index)
            shoot(admin, out / f"{lang}-admin-{name}.png")
        rules = admin.pages["rules"]
        admin.tabs.setCurrentWidget(rules)
        rules.new()
        rules.recipient.setCurrentIndex(rules.recipient.findData("user"))
        rules.save()
        wait(lambda r=rules: r.bar.kind == "error", 3)
        shoot(admin, out / f"{lang}-admin-rules-refused.png")
        rules.revert()
        delivery = admin.pages["delivery"]
        admin.tabs.setCurrentWidget(delivery)
        for name, typed in (("smtp_host", "mail.example.test"), ("smtp_sender", "desk")):
            delivery.inputs[name].setText(typed)
            delivery.inputs[name].textEdited.emit(typed)
        delivery.save()
        wait(lambda d=delivery: d.bar.kind == "error", 3)
        shoot(admin, out / f"{lang}-admin-delivery-refused.png")
        delivery.revert()
        for widget in (form, view, resolved, admin):
            widget.close()
            widget.deleteLater()
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
    store.close()
    del app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", nargs="+", default=["en", "zh"], choices=["en", "zh"])
    parser.add_argument("--database", type=Path)
    args = parser.parse_args()
    run(args.out, args.lang, args.database)


if __name__ == "__main__":
    main()
