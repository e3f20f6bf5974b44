"""A small crafted history for the report tests, with every figure worked out by hand in
``test_kpis.py``.

The period is March 2026 in Asia/Shanghai (UTC+8). The office calendar (Mon–Fri 09:00–12:00
and 13:30–18:00) gets a holiday on Wed 4 March and a make-up working day on Sat 7 March
(with Monday's hours). Times below are Shanghai times.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from desk_app.domain.enums import Impact
from desk_app.services.incident import pending, workflow
from desk_app.services.incident.log import FirstContactResolution, IncidentFields, update_incident
from desk_app.services.process.reference import forget
from desk_app.storage.models import CalendarDay, CloseCode, WaitCode, WorkingCalendar
from tests.conftest import Org

SH = timezone(timedelta(hours=8))


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=SH).astimezone(UTC)


def build(org: Org) -> dict[str, int]:
    def days() -> None:
        office = WorkingCalendar.get(WorkingCalendar.code == "office")
        CalendarDay.create(calendar=office, day="2026-03-04", working=False, note="holiday")
        CalendarDay.create(calendar=office, day="2026-03-07", working=True, note="make-up")

    org.store.write(days)
    forget(org.store)
    clock, desk, manager = org.clock, org.as_("desk"), org.as_("manager")
    net1 = org.as_("net1")
    caller_wait = WaitCode.get(WaitCode.code == "awaiting_caller").id
    solved = CloseCode.get(CloseCode.code == "solved").id
    ids: dict[str, int] = {}

    # G: logged in February, resolved in March (counts as resolved, not as logged)
    clock.set(at(27, 10, month=2))
    ids["G"] = org.log()
    workflow.assign(desk, ids["G"], assignee_id=org.ids["net1"])
    workflow.accept(net1, ids["G"])

    # A (P3): logged Mon 2 March 09:00, assigned 09:30, accepted 10:00, pending 10:00 until
    # Tue 09:00, resolved Tue 10:00, confirmed and closed with satisfaction 4 on Tue 11:00
    clock.set(at(2, 9))
    ids["A"] = org.log()
    clock.set(at(2, 9, 30))
    workflow.assign(desk, ids["A"], assignee_id=org.ids["net1"])
    clock.set(at(2, 10))
    workflow.accept(net1, ids["A"])
    pending.set_pending(net1, ids["A"], wait_code_id=caller_wait, note="asked the caller")

    # E (P3): logged Mon 09:00 too (10:00 here), transferred three times (R07 escalates),
    # accepted and resolved by Li Qiang on Mon 16:00
    ids["E"] = org.log(title="Printer queue stuck")
    workflow.assign(desk, ids["E"], assignee_id=org.ids["net1"])
    clock.set(at(2, 10, 10))
    workflow.transfer(manager, ids["E"], note="to apps", category_id=org.ids["cat_email"])
    workflow.transfer(manager, ids["E"], note="back", category_id=org.ids["cat_network"])
    workflow.transfer(manager, ids["E"], note="again", assignee_id=org.ids["net1"])

    # B (P3): resolved at first contact Mon 11:00; closed by the system on 9 March (R23)
    clock.set(at(2, 11))
    ids["B"] = org.log(resolve=None) if False else _first_contact(org)

    # C: logged Mon 14:00 at P3, impact raised 14:10 (P2, 24×7 targets), assigned 14:40,
    # accepted 14:50, resolved 20:00; closed Tue 11:00 with satisfaction 2
    clock.set(at(2, 14))
    ids["C"] = org.log(title="Mail down for the floor")
    clock.set(at(2, 14, 10))
    update_incident(desk, ids["C"], IncidentFields(impact=Impact.EXTENSIVE))
    clock.set(at(2, 14, 40))
    workflow.assign(desk, ids["C"], assignee_id=org.ids["net1"])
    clock.set(at(2, 14, 50))
    workflow.accept(net1, ids["C"])
    clock.set(at(2, 16))
    workflow.accept(net1, ids["E"])
    workflow.resolve(net1, ids["E"], resolution="cleared the queue")
    workflow.resolve(net1, ids["G"], resolution="replaced the cable")
    clock.set(at(2, 20))
    workflow.resolve(net1, ids["C"], resolution="restarted the mail server")

    # D (P3): logged Tue 3 March 17:00, assigned at once, accepted 17:30, resolved on the
    # make-up Saturday 7 March 10:00 (the Wednesday is a holiday)
    clock.set(at(3, 9))
    pending.resume(net1, ids["A"], note="caller back")
    clock.set(at(3, 10))
    workflow.resolve(net1, ids["A"], resolution="reset the VPN profile")
    clock.set(at(3, 11))
    for key, score in (("A", 4), ("C", 2)):
        workflow.confirm_resolution(desk, ids[key])
        workflow.close(desk, ids[key], close_code_id=solved, notes="confirmed",
                       satisfaction=score)
    clock.set(at(3, 17))
    ids["D"] = org.log(title="Laptop will not boot")
    workflow.assign(desk, ids["D"], assignee_id=org.ids["net2"])
    clock.set(at(3, 17, 30))
    workflow.accept(org.as_("net2"), ids["D"])
    clock.set(at(7, 10))
    workflow.resolve(org.as_("net2"), ids["D"], resolution="new disk")

    # F (P3): logged Mon 9 March 09:00, still open (logged) at the report's "now"
    clock.set(at(9, 9))
    workflow.auto_close(org.store, clock)  # closes B (resolved 2 March 11:00)
    ids["F"] = org.log(title="Projector flickers", linked_incident_id=ids["A"])
    clock.set(at(9, 12))
    return ids


def _first_contact(org: Org) -> int:
    from desk_app.domain.enums import IncidentType
    from desk_app.services.incident.log import NewIncident, log_incident

    changes = log_incident(org.as_("desk"), NewIncident(
        caller_id=org.ids["caller"], type=IncidentType.INFORMATION_INQUIRY,
        category_id=org.ids["cat_network"], impact=Impact.MODERATE, title="Password reset"),
        resolve=FirstContactResolution("reset it with the caller"))
    assert changes.created is not None
    return changes.created
