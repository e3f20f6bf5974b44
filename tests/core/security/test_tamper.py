"""Tamper evidence: each of the ten edits an attacker with write access to the shared file
made with plain ``sqlite3`` (the program closed) is reported by ``desk-app check``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desk_app.services.database.check import check_database
from desk_app.services.incident import workflow
from desk_app.services.incident.log import add_note
from desk_app.services.security.tamper import chain_findings
from desk_app.storage.chain import link, register_sqlite
from desk_app.storage.opening import open_store
from desk_app.storage.witness import JOURNAL_CONTENT, WITNESS_CONTENT
from tests.conftest import Org


def _busy_file(org: Org) -> dict[str, int]:
    """Two incidents, one with notes, transfers and an escalation, one resolved."""
    first = org.log(title="Printer jams")
    workflow.assign(org.as_("desk"), first)
    add_note(org.as_("desk"), first, "Caller rang again")
    for tier, note in ((2, "1"), (1, "2"), (2, "3")):
        workflow.transfer(org.as_("desk"), first, tier=tier, note=note)
    second = org.log(title="VPN drops")
    workflow.assign(org.as_("desk"), second, assignee_id=org.ids["desk"])
    workflow.accept(org.as_("desk"), second)
    workflow.resolve(org.as_("desk"), second, resolution="Replaced the router")
    org.store.close()
    return {"first": first, "second": second}


def _tamper(path: Path, *statements: str) -> None:
    """What an attacker does with the sqlite3 shell: the program's triggers call functions
    the shell lacks, so they are dropped for the edit and put back afterwards."""
    conn = sqlite3.connect(path, isolation_level=None)
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                            ).fetchall()
    conn.execute("BEGIN")
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    for statement in statements:
        conn.execute(statement)
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.close()


def _messages(path: Path) -> list[str]:
    store = open_store(path, daily_backup=False)
    try:
        report = check_database(store)
        return report.lines("en")
    finally:
        store.close()


def test_an_untouched_file_passes_the_check(org: Org) -> None:
    _busy_file(org)
    lines = _messages(org.path)
    assert lines[-1].startswith("No problems found"), lines


def test_the_shell_cannot_write_chained_tables_without_dropping_the_triggers(org: Org) -> None:
    _busy_file(org)
    conn = sqlite3.connect(org.path)
    with pytest.raises(sqlite3.OperationalError, match=r"desk_chain|desk_digest|desk_search"):
        conn.execute("UPDATE user SET password_hash = 'x' WHERE username = 'desk'")
    conn.close()


EDITS: dict[str, tuple[list[str], str]] = {
    "grant_role": (["INSERT INTO user_role (user_id, role) SELECT id, 'process_owner' FROM "
                    "user WHERE username = 'desk'"], "Person desk: the roles differ"),
    "swap_password_hash": (["UPDATE user SET password_hash = (SELECT password_hash FROM user "
                            "WHERE username = 'owner') WHERE username = 'desk'"],
                           "Person desk: name, contact, password or status differ"),
    "edit_title": (["UPDATE incident SET title = 'Nothing happened' WHERE id = {first}"],
                   "the incident's fields differ"),
    "edit_resolution": (["UPDATE incident SET resolution = 'Caller error' WHERE id = {second}"],
                        "the incident's fields differ"),
    "delete_note": (["DELETE FROM journal WHERE action = 'note'"],
                    "of the hash chain were deleted"),
    "change_who": (["UPDATE journal SET actor_id = (SELECT id FROM user WHERE username = "
                    "'net1') WHERE action = 'resolve'"], "was changed after it was written"),
    "change_when": (["UPDATE journal SET at = at - 86400 WHERE action = 'log' AND "
                     "incident_id = {first}"], "was changed after it was written"),
    "acknowledge_escalations": (["UPDATE escalation SET acknowledged_at = 1767600000, "
                                 "acknowledged_by_id = 1, ack_comment = 'seen'"],
                                "its acknowledgement differs"),
    "delete_incident": (["DELETE FROM escalation WHERE incident_id = {first}",
                         "DELETE FROM journal WHERE incident_id = {first}",
                         "DELETE FROM target_clock WHERE incident_id = {first}",
                         "DELETE FROM clock_run WHERE incident_id = {first}",
                         "DELETE FROM incident WHERE id = {first}"],
                        "was deleted outside the program"),
    "change_matrix": (["UPDATE priority_cell SET priority = 4 WHERE impact = 1 AND urgency = 1"],
                      "Priority matrix cell"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_each_tampering_edit_is_reported(org: Org, edit: str) -> None:
    ids = _busy_file(org)
    statements, expected = EDITS[edit]
    _tamper(org.path, *(s.format(**ids) for s in statements))
    lines = _messages(org.path)
    assert any(expected in line for line in lines), lines
    assert not lines[-1].startswith("No problems found")


def test_an_edited_journal_row_names_its_incident(org: Org) -> None:
    ids = _busy_file(org)
    _tamper(org.path, f"UPDATE journal SET note = 'fine' WHERE incident_id = {ids['first']} "
                      "AND action = 'note'")
    lines = _messages(org.path)
    number = sqlite3.connect(org.path).execute(
        "SELECT number FROM incident WHERE id = ?", (ids["first"],)).fetchone()[0]
    assert any(line.startswith(number) and "changed after" in line for line in lines), lines


def test_a_setting_changed_behind_the_program_is_named(org: Org) -> None:
    _busy_file(org)
    _tamper(org.path, "UPDATE setting SET value = '1' WHERE key = 'auto_close_days'")
    lines = _messages(org.path)
    assert any("Setting auto_close_days differs" in line for line in lines), lines


def test_chain_findings_on_a_file_before_schema_10_are_empty() -> None:
    conn = sqlite3.connect(":memory:")

    def rows(sql: str) -> list[tuple]:
        return conn.execute(sql).fetchall()

    assert list(chain_findings(rows, {})) == []


def test_a_workstation_warns_when_history_was_rewritten_behind_it(org: Org) -> None:
    """Even a rewrite that rebuilds a consistent chain (the attacker knows the algorithm)
    no longer holds the entry this workstation last saw."""
    ids = _busy_file(org)
    assert _messages(org.path)[-1].startswith("No problems found")  # remembered here
    _rebuild_after_deleting_the_note(org.path, ids["first"])
    lines = _messages(org.path)
    assert any("history was rewritten" in line for line in lines), lines
    assert not any("hash chain was" in line for line in lines), lines  # the chain is whole


def _rebuild_after_deleting_the_note(path: Path, incident_id: int) -> None:
    """A rewrite by someone who knows the algorithm: a note deleted and every link after it,
    and the head, rebuilt the way the program would have."""
    conn = sqlite3.connect(path, isolation_level=None)
    register_sqlite(conn)
    conn.execute("BEGIN")
    conn.execute(f"DELETE FROM journal WHERE incident_id = {incident_id} AND action = 'note'")
    rows = conn.execute(
        f"SELECT seq, 'journal', {JOURNAL_CONTENT}, 'journal', id FROM journal UNION ALL "
        f"SELECT seq, 'witness', {WITNESS_CONTENT}, 'witness', id FROM witness ORDER BY 1"
    ).fetchall()
    prev = ""
    for seq, (_s, kind, payload, table, row_id) in enumerate(rows, start=1):
        prev = link(prev, seq, kind, payload)
        conn.execute(f"UPDATE {table} SET seq = ?, chain = ? WHERE id = ?", (seq, prev, row_id))
    conn.execute("UPDATE chain_head SET seq = ?, hash = ?", (len(rows), prev))
    conn.execute("COMMIT")
    conn.close()


def test_a_backup_witnesses_a_rewrite_a_new_workstation_cannot_see(
        org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workstation that remembers nothing of the file (a new PC) still learns of a rebuilt
    chain: the daily backup holds the chain's end as it was."""
    from desk_app.storage.backup import take_backup

    ids = _busy_file(org)
    store = open_store(org.path, daily_backup=False)
    try:
        backup = take_backup(store, "daily").path
    finally:
        store.close()
    _rebuild_after_deleting_the_note(org.path, ids["first"])
    monkeypatch.setenv("DESK_APP_STATE_DIR", str(tmp_path / "new-pc"))
    lines = _messages(org.path)
    assert any(f"The backup {backup.name} saw the hash chain" in line for line in lines), lines
    assert not any("This workstation last saw" in line for line in lines)  # it saw nothing


def test_backups_of_an_untouched_file_and_a_restore_are_no_finding(
        org: Org, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Work after a backup, and a restore of an older backup (a new generation of the file,
    on purpose), are not a rewrite."""
    from desk_app.services.incident import log as incidents
    from desk_app.services.session import session_for
    from desk_app.storage.backup import take_backup
    from desk_app.storage.restore import restore_backup

    ids = _busy_file(org)
    monkeypatch.setenv("DESK_APP_STATE_DIR", str(tmp_path / "state"))
    store = open_store(org.path, daily_backup=False)
    try:
        first = take_backup(store, "manual").path
    finally:
        store.close()
    store = open_store(org.path, daily_backup=False)
    try:
        session = session_for(store, "desk", org.clock)
        incidents.add_note(session, ids["first"], "after the first backup")
        take_backup(store, "manual")
        incidents.add_note(session, ids["first"], "after the second backup")
    finally:
        store.close()
    assert _messages(org.path)[-1].startswith("No problems found")
    restore_backup(org.path, first)  # the later history is given up on purpose
    monkeypatch.setenv("DESK_APP_STATE_DIR", str(tmp_path / "other-pc"))
    lines = _messages(org.path)
    assert lines[-1].startswith("No problems found"), lines
