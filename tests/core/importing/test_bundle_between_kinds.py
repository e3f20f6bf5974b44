"""The export bundle between a file and a server: everything exported from a server and
imported into a new file, and from that file into a new server, is the same bundle byte for
byte; each rebuilt database passes ``desk-app check`` and its work goes on."""

from __future__ import annotations

import filecmp
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.clock import FakeClock
from desk_app.services.admin.people import UserForm
from desk_app.services.alerts.escalation import scan
from desk_app.services.database.check import check_database
from desk_app.services.database.setup import create_database
from desk_app.services.importing.bundle import export_bundle, import_bundle
from desk_app.services.incident import workflow
from desk_app.services.knowledge.attachments import attach_bytes, attachments, read_attachment
from desk_app.services.session import session_for, sign_in
from desk_app.storage.database import Store
from desk_app.storage.models import Incident
from tests.conftest import PASSWORD, Org
from tests.core.importing.fixtures import servicenow_log
from tests.core.importing.helpers import run_import
from tests.helpers import close_incident
from tests.postgres import Server

#: bytes a CSV cell could not hold as text: NULs, every byte value, a PNG's signature
PICTURE = b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 40


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _same_bundle(first: Path, second: Path) -> None:
    assert _files(first) == _files(second)
    _, different, errors = filecmp.cmpfiles(first, second, _files(first), shallow=False)
    assert (different, errors) == ([], [])


@pytest.fixture
def new_server_url(pg_server: Server) -> Iterator[str]:
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


def _fresh(where: str | Path, clock: FakeClock) -> Store:
    return create_database(where, UserForm("owner", "Olivia Owner", [], password=PASSWORD),
                           clock)


def _works(store: Store, clock: FakeClock) -> None:
    """The rebuilt database is whole and its work goes on (new ids after the bundle's)."""
    report = check_database(store)
    assert report.ok, report.lines("en")
    sign_in(store, "owner", PASSWORD)  # the importing person keeps their password
    desk = session_for(store, "desk", clock)
    open_id = store.read(lambda: Incident.get(Incident.title == "Laptop will not start").id)
    workflow.assign(desk, open_id)
    files = attachments(desk, open_id)
    assert [f.name for f in files] == ["screen.png"]
    assert read_attachment(desk, files[0].id) == PICTURE
    attach_bytes(desk, open_id, "again.log", b"more")  # new rows take ids after the old


@pytest.mark.parametrize("database_kind", ["server"], indirect=True)
def test_a_servers_bundle_goes_into_a_file_and_back_to_a_server_unchanged(
        org: Org, tmp_path: Path, new_server_url: str) -> None:
    # a desk on a server with some of everything: closed, escalated, imported incidents,
    # an attachment with bytes of every value
    close_incident(org, org.log())
    laptop = org.log(title="Laptop will not start")
    attach_bytes(org.as_("desk"), laptop, "screen.png", PICTURE, thumbnail=PICTURE[:64])
    org.clock.advance(days=3)
    scan(org.store, org.clock)
    run_import(org.as_("owner"), servicenow_log(tmp_path / "log.csv"), "servicenow")
    from_server = tmp_path / "from-server"
    assert export_bundle(org.as_("owner"), from_server)["incidents"] == 6
    manifest = json.loads((from_server / "manifest.json").read_text(encoding="utf-8"))
    assert "BOOLEAN" not in json.dumps(manifest)  # a file's column types

    # into a new file, and what that file exports into a new server: the same bundle each time
    clock = FakeClock(org.clock.now())
    bundle = from_server
    for target, out in ((tmp_path / "new.sqlite", "from-file"), (new_server_url, "again")):
        store = _fresh(target, clock)
        try:
            assert import_bundle(session_for(store, "owner", clock), bundle)["incidents"] == 6
            bundle = tmp_path / out
            export_bundle(session_for(store, "owner", clock), bundle)
            _same_bundle(from_server, bundle)
            _works(store, clock)
        finally:
            store.close()
