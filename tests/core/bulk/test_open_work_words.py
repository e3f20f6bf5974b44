"""Open work's own word index and the index of unacknowledged escalations (schema 32):
kept in the same transaction through an incident's whole life (logged, noted, edited,
resolved, reopened by a rejected resolution, closed), always exactly incident_search's row
for each open incident and none for the others, in a file and on a server; and the saved
queues' plans read them."""

from __future__ import annotations

import pytest

from desk_app.domain.enums import Impact
from desk_app.services.bulk.saved_queues import Conditions, count_of
from desk_app.services.incident import workflow
from desk_app.services.incident.log import IncidentFields, add_note, update_incident
from desk_app.services.lists import queues
from desk_app.services.lists.queues import Filters, Queue
from desk_app.storage.migrations import LATEST, statements
from desk_app.storage.models import CloseCode
from tests.conftest import Org

ROWS = "SELECT rowid, title, description, notes, resolution FROM {} ORDER BY rowid"


def open_rows(org: Org) -> list[tuple]:
    return org.store.execute(ROWS.format("incident_open_search"))


def expected_rows(org: Org) -> list[tuple]:
    """incident_search's rows of the incidents that are open now."""
    return org.store.execute(
        "SELECT rowid, title, description, notes, resolution FROM incident_search "
        "WHERE rowid IN (SELECT id FROM incident WHERE stage NOT IN ('resolved', 'closed')) "
        "ORDER BY rowid")


def in_step(org: Org) -> None:
    assert open_rows(org) == expected_rows(org)


def open_with(org: Org, words: str) -> list[int]:
    return sorted(queues.ids(org.as_("desk"), Queue.ALL,
                             filters=Filters(conditions=Conditions(open_only=True,
                                                                   words=words))))


def test_open_work_words_follow_an_incident_through_its_life(org: Org,
                                                             database_kind: str) -> None:
    other = org.log(title="Printer jams on floor 3")
    first = org.log(title="交换机 端口 dead", description="网络 is down in building B")
    in_step(org)
    assert [r[0] for r in open_rows(org)] == [other, first]
    assert open_with(org, "网络") == [first]
    workflow.assign(org.as_("desk"), first)
    workflow.accept(org.as_("net1"), first)
    add_note(org.as_("net1"), first, "replaced the fibre patch cord")
    in_step(org)
    assert open_with(org, "fibre") == [first]
    update_incident(org.as_("desk"), first, IncidentFields(title="Core switch 端口 dead"))
    in_step(org)
    assert open_with(org, "core switch") == [first] and open_with(org, "交换机") == []
    workflow.resolve(org.as_("net1"), first, resolution="moved to a spare 光纤 port")
    in_step(org)
    assert first not in [r[0] for r in open_rows(org)]
    assert open_with(org, "fibre") == [] and open_with(org, "光纤") == []
    # still found by every word where open work is not asked for
    assert queues.ids(org.as_("desk"), Queue.ALL, filters=Filters(
        conditions=Conditions(words="光纤"))) == [first]
    # reopened: back with every word, the notes of before the resolution too
    workflow.reject_resolution(org.as_("desk"), first, reason="still no 链路 light")
    in_step(org)
    assert open_with(org, "fibre") == [first] and open_with(org, "链路") == [first]
    assert open_with(org, "光纤") == [first]
    add_note(org.as_("net1"), first, "ordered a new transceiver")
    in_step(org)
    workflow.resolve(org.as_("net1"), first, resolution="new transceiver")
    workflow.confirm_resolution(org.as_("desk"), first)
    code = org.store.read(lambda: CloseCode.get(CloseCode.code == "solved").id)
    workflow.close(org.as_("desk"), first, close_code_id=code, notes="works", satisfaction=5)
    in_step(org)
    assert [r[0] for r in open_rows(org)] == [other]
    assert open_with(org, "transceiver") == []
    # no conditions at all, and conditions with a constant: the server reads them too
    assert len(queues.ids(org.as_("desk"), Queue.ALL, filters=Filters(
        conditions=Conditions()))) == 2
    assert count_of(org.as_("desk"), Conditions(open_only=True, words="printer")) == 1
    priority = int(org.store.execute("SELECT priority FROM incident WHERE id = ?",
                                     [other])[0][0])
    assert queues.ids(org.as_("desk"), Queue.ALL, filters=Filters(
        priority=priority, conditions=Conditions(open_only=True, words="printer"))) == [other]
    if database_kind == "server":
        return
    # deleted incidents leave it too (the program never deletes one: the schema's own rule)
    org.store.write(lambda: org.store.db.execute_sql("DELETE FROM incident WHERE id = ?",
                                                     [other]))
    assert open_rows(org) == []


@pytest.mark.file_only  # SQLite's plans
def test_a_saved_queue_reads_open_work_words_and_unacknowledged_escalations_by_index(
        org: Org) -> None:
    for n in range(3):
        org.log(title=f"网络 outage {n}", impact=Impact.EXTENSIVE)
    desk = org.as_("desk")

    def plan(conditions: Conditions) -> str:
        sql, params = queues.ids_query(desk, Queue.ALL, filters=Filters(conditions=conditions))
        return " | ".join(queues.plan(desk, sql, params))

    words = plan(Conditions(open_only=True, words="网络"))
    assert "incident_open_search VIRTUAL TABLE" in words
    assert "incident_search " not in words + " "  # not the index of every incident
    for narrowed in (Conditions(stages=("logged", "assigned"), words="网络"),
                     Conditions(open_only=True, group_ids=(org.ids["network"],),
                                words="网络")):
        assert "incident_open_search VIRTUAL TABLE" in plan(narrowed)
    # without "open", every incident's words
    assert "SCAN incident_search VIRTUAL TABLE" in plan(Conditions(words="网络"))
    escalated = plan(Conditions(escalated="unacknowledged", priorities=(1, 2)))
    assert "USING INDEX escalation_unacknowledged" in escalated
    assert count_of(desk, Conditions(open_only=True, words="网络")) == 3


@pytest.mark.file_only  # a server is made from an upgraded file (postgres/schema.py)
def test_the_upgrade_fills_it_from_the_open_incidents(org: Org) -> None:
    """What schema 32's migration writes for a file of schema 31: incident_search's rows
    of the open incidents, read through the queue order's index."""
    assert LATEST >= 32
    kept = org.log(title="VPN 断开")
    gone = org.log(title="Mouse broken")
    workflow.resolve(org.as_("desk"), gone, resolution="new mouse")
    fill = next(s for s in statements("0032_open_work_words.sql")
                if s.lstrip().startswith('INSERT INTO "incident_open_search"'))

    def again() -> None:
        org.store.db.execute_sql("DELETE FROM incident_open_search")
        org.store.db.execute_sql(fill)

    org.store.write(again)
    in_step(org)
    assert [r[0] for r in open_rows(org)][-1] == kept
    steps = " | ".join(r[3] for r in org.store.execute(f"EXPLAIN QUERY PLAN {fill}"))
    assert "USING INDEX incident_queue_order" in steps and "SCAN i " not in steps + " "


def test_a_file_or_a_server_of_schema_31_is_upgraded_with_its_open_work_words(
        org: Org, database_kind: str) -> None:
    """Schema 32 reached by an upgrade: a file through ``migrate``, a server through its
    translated statements (``postgres.opening.upgrade``); both end with the open incidents'
    words, the partial index, and triggers that keep them."""
    first = org.log(title="网络 down in building B")
    done = org.log(title="网络 printer")
    workflow.resolve(org.as_("desk"), done, resolution="fixed")
    triggers = ["insert", "stage", "update", "note", "delete"]

    def back_to_31() -> None:
        run = org.store.db.execute_sql
        for name in triggers:
            run(f'DROP TRIGGER IF EXISTS "incident_open_search_{name}"'
                + (' ON "journal"' if name == "note" and database_kind == "server" else
                   ' ON "incident"' if database_kind == "server" else ""))
        run('DROP INDEX "escalation_unacknowledged"')
        run('DROP TABLE "incident_open_search"')
        if database_kind == "server":
            run('DELETE FROM "schema_version" WHERE "version" >= 31')
            run('INSERT INTO "schema_version" ("version", "program") VALUES (31, \'test\')')
        else:
            run("DELETE FROM sqlite_stat1 WHERE idx = 'escalation_unacknowledged'")
            run("PRAGMA user_version = 31")

    org.store.write(back_to_31)
    if database_kind == "server":
        from desk_app.storage.postgres.opening import upgrade
    else:
        from desk_app.storage.migrations import migrate as upgrade
    result = upgrade(org.store)  # type: ignore[arg-type]
    assert (result.found, result.applied) == (31, True)
    in_step(org)
    assert [r[0] for r in open_rows(org)][-1] == first
    later = org.log(title="网络 again")
    workflow.resolve(org.as_("desk"), first, resolution="fixed")
    in_step(org)
    assert open_with(org, "网络") == [later]
