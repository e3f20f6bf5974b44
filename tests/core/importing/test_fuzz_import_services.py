"""The import and export services answer hostile values with the product's typed errors
and change nothing (property-based, hypothesis), as every public service does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.errors import DeskError
from desk_app.services.importing.bundle import export_bundle, import_bundle
from desk_app.services.importing.mapping import build_mapping, read_mapping_file
from desk_app.services.importing.people import import_people
from desk_app.services.importing.run import import_table
from desk_app.services.importing.source import parse_table
from tests.conftest import Org
from tests.helpers import snapshot

HOSTILE: list[Any] = [None, -1, 0, 2**64, 1.5, True, "", " ", "\x00", "a\x00b", "\ud800",
                      "x" * 5000, "网络" * 200, [], {}, b"bytes", "/", "/proc/self/mem",
                      "/dev/null", "../../etc/passwd", Path("/nonexistent/x")]
VALUES = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20))


@settings(derandomize=True, max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=VALUES, who=st.sampled_from(["owner", "desk"]))
def test_import_services_refuse_hostile_values_and_change_nothing(
        org: Org, value: Any, who: str) -> None:
    session = org.as_(who)
    table = parse_table("number,incident_state,opened_at,caller_id,category,impact\n"
                        "INC1,Closed,01-03-2016 09:00,Caller 1,Category 1,2 - Medium\n")
    mapping = build_mapping("servicenow", table.columns)
    before = snapshot(org.store)
    calls = [
        lambda: import_people(session, value, dry_run=True),
        lambda: import_bundle(session, value),
        lambda: read_mapping_file(value),
        lambda: import_table(session, table, value, mapping, dry_run=True),
    ]
    for call in calls:
        try:
            call()
        except DeskError as error:
            assert error.message("en") and error.message("zh")
    assert snapshot(org.store) == before


def test_export_into_a_file_or_an_unwritable_place_is_a_message(org: Org,
                                                                tmp_path: Path) -> None:
    owner = org.as_("owner")
    for place in (tmp_path / "x.csv", Path("/proc/nope/bundle"), "\x00", 5):
        if isinstance(place, Path) and place.suffix:
            place.write_text("x", encoding="utf-8")
        try:
            export_bundle(owner, place)  # type: ignore[arg-type]
        except DeskError as error:
            assert error.message("zh")
        else:
            raise AssertionError(place)
