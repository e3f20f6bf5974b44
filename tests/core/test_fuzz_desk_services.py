"""The services behind the supervisors' and the desk's other screens — the escalation review,
the inbox, call tasks, the reports and their drill-down, bulk actions, copying and exporting,
saved queues, knowledge and attachments, and importing — answer hostile values with one of
the product's typed errors (whose message exists in both languages) or a correct result, and
a refused call changes no row (property-based, hypothesis, derandomised).

As in ``test_fuzz_admin_services``: one argument — or one field of a form, or a field of a
form inside a form (a report filter's period, a saved queue's conditions) — at a time is
replaced by a hostile value, the rest stay valid, and the call is made by each role in turn.
Each service is its own case on a fresh organisation in which an incident has escalated, so
the review, the inbox and the call tasks have rows to read and change.
"""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.errors import DeskError
from desk_app.services.alerts import calls, escalation_review, inbox
from desk_app.services.alerts.escalation_review import ReviewFilter
from desk_app.services.bulk import actions as bulk
from desk_app.services.bulk import printing, saved_queues, tables
from desk_app.services.bulk.actions import BulkAction, BulkInput
from desk_app.services.bulk.saved_queues import Conditions, SavedQueueForm
from desk_app.services.importing.mapping import build_mapping
from desk_app.services.importing.run import import_table
from desk_app.services.importing.source import parse_table, read_table
from desk_app.services.reports.build import build_report
from desk_app.services.reports.choices import report_choices
from desk_app.services.reports.drill import drill_incidents
from desk_app.services.reports.period import Granularity, Period
from desk_app.services.reports.query import Drill, ReportFilter
from desk_app.storage.models import Notification
from tests.conftest import Org
from tests.core.knowledge.test_fuzz_knowledge import _services as knowledge_services
from tests.core.test_fuzz_admin_services import MORE_HOSTILE
from tests.escalation_helpers import breach
from tests.fuzzing import HOSTILE, assert_in_both_languages, call_hostile, digest

#: What these services take besides numbers and text: reasons, states, measures and
#: dimensions, periods, actions and formats that are not theirs, and forms of the wrong kind.
DESK_HOSTILE: list[Any] = [
    "no_such_reason", "assign_target ", "ASSIGN_TARGET", "acknowledged\x00", "everything",
    "no_such_measure", "logged;DROP", "met:nowhere", "no_such_dimension", "group ",
    "transfers'", Period(date(2026, 3, 31), date(2026, 3, 1)),
    Period(date(1, 1, 1), date(9999, 12, 31)), Period(date(2026, 3, 1), date(2026, 3, 1)),
    ReviewFilter(), ReportFilter(Period(date(2026, 3, 1), date(2026, 4, 1))),
    Drill("logged", None, None, 0, 2**40), BulkInput(), Conditions(), "fortnight", "pdf",
    "xlsx\x00", "zz", "en\ud800", ["logged"], ("group",), {"reason": "x"}, [2**63],
    [-1, 2**64], ["1", 2], [None], list(range(20_000)), frozenset({1.5}),
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE + MORE_HOSTILE + DESK_HOSTILE),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.text(max_size=30),
)
ROLES = ["owner", "desk", "manager", "head", "outsider", "net1"]
MARCH = Period(date(2026, 3, 1), date(2026, 4, 1))
#: Calls made per service in this run (printed for docs/reliability.md with ``-s``).
TRIED: collections.Counter[str] = collections.Counter()
EXAMPLES = 40


@dataclasses.dataclass
class World:
    """The rows the valid arguments name."""

    incident: int
    escalation: int
    notification: int
    call_task: int
    article: int
    queue: int


def _world(org: Org) -> World:
    escalation = breach(org, hours=9.5)  # at once: the time to accept ends at 18:00
    incident = org.log()
    article = knowledge_article(org)
    rows = org.store.read(lambda: list(Notification.select().where(
        Notification.escalation == escalation).order_by(Notification.id)))
    phone = next(r.id for r in rows if r.channel in calls.CALL_CHANNELS)
    queue = saved_queues.create_queue(
        org.as_("desk"), SavedQueueForm("Mine", Conditions(open_only=True), shared=True)
    ).created or 0
    return World(incident, escalation, rows[0].id, phone, article, queue)


def knowledge_article(org: Org) -> int:
    from desk_app.services.knowledge.articles import (
        ArticleForm,
        create_article,
        publish_article,
    )

    article = create_article(org.as_("owner"), ArticleForm(
        "VPN drops", "Renew the certificate", "", None, "en")).created or 0
    publish_article(org.as_("owner"), article)
    return article


def _services(org: Org, w: World, tmp: Path
              ) -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
    """name → (call, its valid arguments after the session)."""
    review = ReviewFilter(state="all", reason="accept_target", priority=3,
                          group_id=org.ids["network"], since=datetime.fromisoformat(
                              "2026-03-01T00:00:00+00:00"),
                          until=datetime.fromisoformat("2026-04-01T00:00:00+00:00"))
    report = ReportFilter(MARCH, group_id=org.ids["network"], category_id=None, priority=None,
                          channel=None, caller_department_id=None, assignee_id=None)
    drill = Drill("logged", "group", org.ids["network"], 0, 2**33)
    table = parse_table("number,incident_state,opened_at,caller_id,category,impact\n"
                        "INC1,Closed,01-03-2016 09:00,Caller 1,Category 1,2 - Medium\n")
    csv_file = tmp / "in.csv"
    csv_file.write_text("number,incident_state\nINC1,Closed\n", encoding="utf-8")
    queue_form = SavedQueueForm("Urgent", Conditions(
        stages=("logged",), priorities=(1, 2), group_ids=(org.ids["network"],),
        assignee="any", last_days=7, words="VPN"), shared=False)
    services: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
        # the escalation review (R08, R09)
        "list_escalations": (escalation_review.list_escalations, {"f": review,
                                                                   "limit": 100}),
        "review_summary": (escalation_review.summary, {"f": review}),
        "notifications_of": (escalation_review.notifications_of,
                             {"escalation_id": w.escalation}),
        "retry_notification": (escalation_review.retry_notification,
                               {"notification_id": w.notification}),
        "review_groups": (escalation_review.review_groups, {}),
        # the inbox
        "inbox": (inbox.inbox, {"unread_only": False, "limit": 50}),
        "unread_count": (inbox.unread_count, {}),
        "acknowledge_notifications": (inbox.acknowledge_notifications,
                                      {"escalation_id": w.escalation}),
        "read_notice": (inbox.read_notice, {"notice_id": 1}),
        # call tasks (R09)
        "call_tasks": (calls.call_tasks, {}),
        "record_call": (calls.record_call, {"notification_id": w.call_task, "reached": False,
                                            "note": "no answer"}),
        # reports
        "build_report": (build_report, {"f": report, "lang": "zh",
                                        "granularity": Granularity.WEEK}),
        "drill_incidents": (drill_incidents, {"f": report, "drill": drill}),
        "report_choices": (report_choices, {"period": MARCH}),
        # bulk actions, copying, exporting, printing
        "offers": (bulk.offers, {"incident_ids": [w.incident],
                                 "actions": [BulkAction.NOTE, BulkAction.ASSIGN_TO_ME]}),
        "run_bulk": (bulk.run_bulk, {"action": BulkAction.NOTE,
                                     "incident_ids": [w.incident],
                                     "given": BulkInput(note="checked", assignee_id=None,
                                                        category_id=None, tier=None,
                                                        wait_code_id=1, close_code_id=1,
                                                        satisfaction=5)}),
        "rows_of": (lambda s, ids: list(tables.rows_of(s, ids)), {"ids": [w.incident]}),
        "export_ids": (tables.export_ids, {"ids": [w.incident], "path": tmp / "out.csv",
                                           "fmt": "csv", "lang": "zh", "title": "t"}),
        "incident_html": (printing.incident_html, {"incident_id": w.incident, "lang": "zh"}),
        # saved queues
        "create_queue": (saved_queues.create_queue, {"form": queue_form}),
        "update_queue": (saved_queues.update_queue, {"queue_id": w.queue, "form": queue_form,
                                                     "version": None}),
        "delete_queue": (saved_queues.delete_queue, {"queue_id": w.queue, "version": None}),
        "visible_queues": (saved_queues.visible, {}),
        "count_of": (saved_queues.count_of, {"conditions": queue_form.conditions}),
        # importing
        "import_table": (import_table, {"table": table, "source": "sn", "mapping":
                                        build_mapping("servicenow", table.columns),
                                        "dry_run": True}),
        "read_table": (lambda _s, path: read_table(path), {"path": csv_file}),
        "build_mapping": (lambda _s, format_name, columns: build_mapping(format_name, columns),
                          {"format_name": "servicenow", "columns": table.columns}),
    }
    for name, (call, arguments) in knowledge_services(org, w.incident, w.article).items():
        services[f"knowledge.{name}"] = (call, arguments)
    return services


SERVICE_NAMES = [
    "list_escalations", "review_summary", "notifications_of", "retry_notification",
    "review_groups", "inbox", "unread_count", "acknowledge_notifications", "read_notice",
    "call_tasks", "record_call", "build_report", "drill_incidents", "report_choices",
    "offers", "run_bulk", "rows_of", "export_ids", "incident_html", "create_queue",
    "update_queue", "delete_queue", "visible_queues", "count_of", "import_table",
    "read_table", "build_mapping",
    "knowledge.suggest", "knowledge.create_article", "knowledge.edit_article",
    "knowledge.publish", "knowledge.retire", "knowledge.list", "knowledge.view_article",
    "knowledge.log_resolved_with", "knowledge.resolve_with", "knowledge.save_template",
    "knowledge.attach_bytes", "knowledge.attach_file", "knowledge.attachments",
    "knowledge.read_attachment", "knowledge.remove_attachment", "knowledge.save_limit",
]

Slot = tuple[str, ...]


def _slots(arguments: dict[str, Any]) -> list[Slot]:
    """Every argument, every field of an argument that is a form (a dataclass), and every
    field of a form inside that form."""

    def inside(path: Slot, value: Any, depth: int) -> list[Slot]:
        found = [path]
        if depth < 2 and dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                found += inside((*path, f.name), getattr(value, f.name), depth + 1)
        return found

    slots: list[Slot] = []
    for key, value in arguments.items():
        slots += inside((key,), value, 0)
    return slots


def _replaced(value: Any, path: Slot, new: Any) -> Any:
    if not path:
        return new
    return dataclasses.replace(value, **{path[0]: _replaced(getattr(value, path[0]),
                                                            path[1:], new)})


def _with(arguments: dict[str, Any], slot: Slot, value: Any) -> dict[str, Any]:
    changed = dict(arguments)
    changed[slot[0]] = _replaced(arguments[slot[0]], slot[1:], value)
    return changed


@pytest.fixture
def world(org: Org) -> World:
    return _world(org)


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    if TRIED:
        print("\ncalls tried per desk service:", dict(sorted(TRIED.items())),
              "total", sum(TRIED.values()))


def test_the_list_of_services_is_complete(org: Org, world: World, tmp_path: Path) -> None:
    assert sorted(_services(org, world, tmp_path)) == sorted(SERVICE_NAMES)


def test_valid_arguments_are_accepted_by_someone_allowed(org: Org, world: World,
                                                         tmp_path: Path) -> None:
    """The baseline is right: with valid arguments each service does its work for someone,
    so the hostile runs below refuse because of the hostile value."""
    refused = []
    for name, (call, arguments) in _services(org, world, tmp_path).items():
        errors = []
        for who in ("owner", "manager", "desk"):
            try:
                call(org.as_(who), **arguments)
                break
            except DeskError as error:
                errors.append(f"{type(error).__name__}: {error}")
        else:
            refused.append((name, errors))
    # No notice was sent to anyone; the escalation's first row was not a failed one; the
    # attachment the knowledge fuzzer names is only there once attached; the article is
    # published already, and retired by the call before logging and resolving with it.
    assert {n for n, _ in refused} <= {"read_notice", "retry_notification",
                                       "knowledge.read_attachment",
                                       "knowledge.remove_attachment", "knowledge.publish",
                                       "knowledge.log_resolved_with",
                                       "knowledge.resolve_with"}, refused


@pytest.mark.parametrize("name", SERVICE_NAMES)
def test_every_desk_service_refuses_hostile_values_with_a_typed_error_and_changes_nothing(
        org: Org, world: World, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an export to a hostile relative name lands here
    call, valid = _services(org, world, tmp_path)[name]
    slots = _slots(valid)

    @settings(derandomize=True, max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow])
    @given(position=st.integers(min_value=0, max_value=60), value=VALUES,
           who=st.sampled_from(ROLES))
    def hostile(position: int, value: Any, who: str) -> None:
        arguments = _with(valid, slots[position % len(slots)], value) if slots else valid
        TRIED[name] += 1
        call_hostile(org, name, call, who, arguments, both_languages=True)

    hostile()


#: The untyped failures the first sweep found, each named.
@pytest.mark.parametrize(("name", "slot", "value"), [
    ("list_escalations", ("f", "reason"), "no_such_reason"),
    ("list_escalations", ("f", "group_id"), 2**63),
    ("list_escalations", ("f", "state"), "\ud800"),
    ("review_summary", ("f", "priority"), [1]),
    ("review_summary", ("f",), None),
    ("build_report", ("f",), None),
    ("build_report", ("f", "channel"), "\ud800"),
    ("build_report", ("f", "group_id"), [1]),
    ("build_report", ("f", "priority"), 2**64),
    ("drill_incidents", ("drill", "measure"), "no_such_measure"),
    ("drill_incidents", ("drill", "dimension"), "no_such_dimension"),
    ("drill_incidents", ("drill",), None),
    ("drill_incidents", ("f", "caller_department_id"), 2**63),
    ("drill_incidents", ("drill", "start"), 2**64),
    ("count_of", ("conditions",), None),
])
def test_the_untyped_errors_found_are_typed_now(org: Org, world: World, tmp_path: Path,
                                                name: str, slot: Slot, value: Any) -> None:
    call, valid = _services(org, world, tmp_path)[name]
    before = digest(org)
    with pytest.raises(DeskError) as refused:
        call(org.as_("manager"), **_with(valid, slot, value))
    assert_in_both_languages(refused.value)
    assert digest(org) == before
