"""Two files open in one process keep to themselves: each store's reads and writes go to
its own file, whichever was opened last (a second ``open_store`` used to bind every model to
itself, and writes through the first then waited ~20 s and failed as "busy")."""

from __future__ import annotations

import shutil
from pathlib import Path

from desk_app.services.incident.log import NewIncident, log_incident
from desk_app.services.incident.queries import incident_view
from desk_app.services.session import session_for, system_session
from desk_app.storage.models import Incident, Journal
from desk_app.storage.opening import open_store
from tests.conftest import Org


def test_writes_through_the_first_store_go_to_its_file_after_a_second_opens(
        org: Org, tmp_path: Path) -> None:
    org.store.close()
    copy = tmp_path / "other.sqlite"
    shutil.copyfile(org.path, copy)
    first = open_store(org.path, daily_backup=False)
    second = open_store(copy, daily_backup=False)  # opened last: the default binding
    try:
        form = NewIncident(org.ids["caller"], "system_fault", org.ids["cat_network"], 3,
                           "first file only")
        created = log_incident(session_for(first, "desk"), form).created
        assert created is not None
        assert first.read(lambda: Incident.select().count()) == 1
        assert second.read(lambda: Incident.select().count()) == 0
        assert incident_view(system_session(first), created).incident.title == \
            "first file only"
    finally:
        second.close()
        first.close()


def test_copying_incidents_between_two_open_stores(org: Org, tmp_path: Path) -> None:
    """Read from one, write into the other, both in use at once (an import or a move)."""
    for n in range(3):
        org.log(title=f"incident {n}")
    org.store.close()
    target_path = tmp_path / "target.sqlite"
    shutil.copyfile(org.path, target_path)
    source = open_store(org.path, daily_backup=False)
    target = open_store(target_path, daily_backup=False)
    try:
        target.write(lambda: (Journal.delete().execute(), Incident.delete().execute()))
        assert target.read(lambda: Incident.select().count()) == 0

        def copy() -> None:
            rows = source.read(lambda: list(Incident.select().order_by(Incident.id).dicts()))
            journal = source.read(lambda: list(Journal.select().order_by(Journal.id).dicts()))
            Incident.insert_many(rows).execute()  # inside target's write: target's file
            Journal.insert_many(journal).execute()

        target.write(copy)
        titles = target.read(lambda: [i.title for i in Incident.select().order_by(
            Incident.id)])
        assert titles == ["incident 0", "incident 1", "incident 2"]
        assert source.read(lambda: Incident.select().count()) == 3
        assert target.read(lambda: Journal.select().count()) == source.read(
            lambda: Journal.select().count())
        # both stay usable for writes, in either order
        log_incident(session_for(source, "desk"), NewIncident(
            org.ids["caller"], "system_fault", org.ids["cat_network"], 3, "after the copy"))
        assert source.read(lambda: Incident.select().count()) == 4
        assert target.read(lambda: Incident.select().count()) == 3
    finally:
        target.close()
        source.close()
