"""Every public service answers hostile values with one of the product's typed errors or a
correct result, and a refused call changes no row (property-based, hypothesis).

The values are what a caller of the core could pass by mistake or on purpose: wrong types,
huge and negative numbers (ids at and past 2^63), NUL, lone surrogates, 100 KB strings,
unknown ids; and the call is made by a person with the wrong role as well as the right one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.errors import DeskError
from desk_app.services.admin.process import save_target
from desk_app.services.alerts import review
from desk_app.services.alerts.inbox import read_notice
from desk_app.services.alerts.language import language_of, remember_screen_language
from desk_app.services.alerts.reading import inbox_by_incident
from desk_app.services.incident import log as incidents
from desk_app.services.incident import pending, queries, workflow
from desk_app.services.incident.log import IncidentFields, NewIncident
from desk_app.services.lists import queues, search
from tests.conftest import Org
from tests.fuzzing import VALUES, call_hostile


def _services(org: Org, incident: int) -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
    """name → (call, its valid arguments after the session)."""
    form = NewIncident(org.ids["caller"], "system_fault", org.ids["cat_network"], 3, "VPN")
    return {
        "log_incident.form": (lambda s, form: incidents.log_incident(s, form), {"form": form}),
        "assign": (workflow.assign, {"incident_id": incident, "assignee_id": None,
                                     "category_id": None, "version": None, "note": ""}),
        "accept": (workflow.accept, {"incident_id": incident, "impact": None}),
        "transfer": (workflow.transfer, {"incident_id": incident, "note": "n",
                                         "category_id": None, "tier": None,
                                         "assignee_id": None}),
        "resolve": (workflow.resolve, {"incident_id": incident, "resolution": "r",
                                       "resolution_type": "resolution", "knowledge": False}),
        "reject": (workflow.reject_resolution, {"incident_id": incident, "reason": "r"}),
        "confirm": (workflow.confirm_resolution, {"incident_id": incident, "note": ""}),
        "close": (workflow.close, {"incident_id": incident, "close_code_id": 1, "notes": "n",
                                   "satisfaction": 5}),
        "add_note": (incidents.add_note, {"incident_id": incident, "note": "n"}),
        "update": (incidents.update_incident, {"incident_id": incident,
                                               "fields": IncidentFields(title="t")}),
        "set_pending": (pending.set_pending, {"incident_id": incident, "wait_code_id": 1,
                                              "note": ""}),
        "resume": (pending.resume, {"incident_id": incident, "note": ""}),
        "raise_change": (pending.raise_change, {"incident_id": incident, "title": "c"}),
        "acknowledge": (review.acknowledge_escalation, {"escalation_id": 1, "comment": ""}),
        "search": (search.search, {"text": "VPN", "limit": 10}),
        "every_match": (search.every_match, {"text": "VPN"}),
        "find": (queries.find_incident_id, {"key": "INC0000001"}),
        "view": (queries.incident_view, {"incident_id": incident}),
        "page": (queues.page, {"queue": queues.Queue.ALL, "sort_column": queues.DEFAULT_SORT,
                               "descending": False, "offset": 0, "limit": 100}),
        "save_target": (save_target, {"priority": 3, "stage": "assign", "minutes": 60,
                                      "calendar_id": 1}),
        "read_notice": (read_notice, {"notice_id": 1}),
        "language_of": (language_of, {"user_id": org.ids["manager"]}),
        "remember_screen_language": (remember_screen_language, {"language": "en"}),
        "inbox_by_incident": (inbox_by_incident, {"unread_only": False}),
    }


NAMES = ["log_incident.form", "assign", "accept", "transfer", "resolve", "reject", "confirm",
         "close", "add_note", "update", "set_pending", "resume", "raise_change", "acknowledge",
         "search", "every_match", "find", "view", "page", "save_target", "read_notice",
         "language_of", "remember_screen_language", "inbox_by_incident"]
FORM_FIELDS = ["caller_id", "type", "category_id", "impact", "title", "description",
               "channel", "urgency", "linked_incident_id"]


@settings(derandomize=True, max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), position=st.integers(min_value=0, max_value=8),
       value=VALUES, who=st.sampled_from(["desk", "net1", "owner", "manager", "outsider"]))
def test_every_service_refuses_hostile_values_with_a_typed_error_and_changes_nothing(
        org: Org, name: str, position: int, value: Any, who: str) -> None:
    incident = org.log()
    call, valid = _services(org, incident)[name]
    arguments = dict(valid)
    if name == "log_incident.form":
        field = FORM_FIELDS[position % len(FORM_FIELDS)]
        arguments["form"] = replace(valid["form"], **{field: value})
    else:
        keys = list(arguments)
        arguments[keys[position % len(keys)]] = value
    call_hostile(org, name, call, who, arguments)


@pytest.mark.parametrize("key", ["\ud800", "INC\x00", 2**64, -1, 1.5, True, None, b"1"])
def test_find_refuses_what_names_no_incident(org: Org, key: Any) -> None:
    with pytest.raises(DeskError):
        queries.find_incident_id(org.as_("desk"), key)
