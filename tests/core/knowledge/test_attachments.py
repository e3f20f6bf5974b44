"""Attachments: kept in the file in chunks apart from the incident, refused by size before
they are read, in the journal and in backups, never added to a closed incident (R24)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from desk_app.errors import PermissionDenied, RuleViolation, ValidationError
from desk_app.services.incident.queries import incident_view
from desk_app.services.knowledge import attachments as att
from desk_app.storage.backups import backup_to
from desk_app.storage.models import AttachmentChunk, Journal
from tests.conftest import Org
from tests.helpers import close_incident, refused


def test_a_file_is_kept_in_chunks_and_saved_back_unchanged(org: Org, tmp_path: Path) -> None:
    incident_id = org.log()
    data = os.urandom(att.CHUNK * 2 + 1234)
    source = tmp_path / "vpn.log"
    source.write_bytes(data)
    new_id = att.attach_file(org.as_("net1"), incident_id, str(source)).new_id
    assert AttachmentChunk.select().where(AttachmentChunk.attachment == new_id).count() == 3
    [row] = att.attachments(org.as_("desk"), incident_id)
    assert (row.name, row.size, row.media_type) == ("vpn.log", len(data), "text/plain")
    assert row.sha256 == hashlib.sha256(data).hexdigest() and row.created_by == "李强 Li Qiang"
    out = att.save_attachment(org.as_("desk"), new_id, str(tmp_path / "copy.log"))
    assert out.read_bytes() == data
    assert att.read_attachment(org.as_("desk"), new_id) == data
    assert not list(tmp_path.glob("*.partial"))


def test_adding_and_removing_are_in_the_journal(org: Org) -> None:
    incident_id = org.log()
    new_id = att.attach_bytes(org.as_("desk"), incident_id, "screen.png", b"\x89PNG...",
                              thumbnail=b"thumb").new_id
    att.remove_attachment(org.as_("desk"), new_id)
    changes = [j.changes for j in Journal.select().where(
        (Journal.incident == incident_id) & (Journal.action == "update")).order_by(Journal.id)]
    assert changes == ['{"attachment": [null, "screen.png (7 B)"]}',
                       '{"attachment": ["screen.png (7 B)", null]}']
    view = incident_view(org.as_("desk"), incident_id)
    from desk_app.services.incident.history import change_lines, load_names

    names = load_names(org.as_("desk"), view.journal)
    lines = [line for e in view.journal for line in change_lines(e, "zh", names)]
    assert "附件: — → screen.png (7 B)" in lines


def test_a_file_over_the_limit_is_refused_before_it_is_read(org: Org, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    incident_id = org.log()
    big = tmp_path / "huge.iso"
    with open(big, "wb") as f:  # sparse: 21 MB on paper, nothing on the disk
        f.truncate(21 * 1024 * 1024)
    opened: list[str] = []
    real_open = open

    def watching(path: object, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        opened.append(str(path))
        return real_open(path, *args, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", watching)
    with refused(org.store, ValidationError, "attachment") as info:
        att.attach_file(org.as_("desk"), incident_id, str(big))
    assert str(big) not in opened
    assert "21.0 MB" in info.value.message("en") and "20.0 MB" in info.value.message("en")
    assert "上限" in info.value.message("zh")


def test_the_process_owner_sets_the_limit(org: Org) -> None:
    incident_id = org.log()
    assert att.limit_mb(org.as_("desk")) == 20
    with refused(org.store, PermissionDenied):
        att.save_limit_mb(org.as_("desk"), 1)
    with refused(org.store, ValidationError):
        att.save_limit_mb(org.as_("owner"), 0)
    att.save_limit_mb(org.as_("owner"), 1)
    with refused(org.store, ValidationError, "attachment"):
        att.attach_bytes(org.as_("desk"), incident_id, "a.bin", b"x" * (1024 * 1024 + 1))
    att.attach_bytes(org.as_("desk"), incident_id, "a.bin", b"x" * 1024 * 1024)


def test_r24_nothing_is_attached_to_a_closed_incident(org: Org) -> None:
    incident_id = org.log()
    close_incident(org, incident_id)
    with refused(org.store, RuleViolation, "knowledge.attach_closed"):
        att.attach_bytes(org.as_("desk"), incident_id, "late.png", b"png")
    assert att.attach_refusal(org.as_("desk"), incident_id) == "knowledge.attach_closed"


def test_r24_what_a_closed_incident_holds_stays(org: Org) -> None:
    incident_id = org.log()
    new_id = att.attach_bytes(org.as_("desk"), incident_id, "a.txt", b"abc").new_id
    close_incident(org, incident_id)
    with refused(org.store, RuleViolation):
        att.remove_attachment(org.as_("desk"), new_id)


def test_names_are_file_names_only(org: Org) -> None:
    incident_id = org.log()
    att.attach_bytes(org.as_("desk"), incident_id, "../../etc/passwd", b"x")
    att.attach_bytes(org.as_("desk"), incident_id, "C:\\Users\\a\\report.xlsx", b"x")
    names = [a.name for a in att.attachments(org.as_("desk"), incident_id)]
    assert names == ["passwd", "report.xlsx"]
    with refused(org.store, ValidationError):
        att.attach_bytes(org.as_("desk"), incident_id, "a\nb", b"x")
    with refused(org.store, ValidationError):
        att.attach_file(org.as_("desk"), incident_id, "/no/such/file.txt")


def test_only_its_attacher_the_desk_or_the_manager_removes_one(org: Org) -> None:
    incident_id = org.log()
    new_id = att.attach_bytes(org.as_("net1"), incident_id, "a.txt", b"abc").new_id
    with refused(org.store, PermissionDenied):
        att.remove_attachment(org.as_("net2"), new_id)
    att.remove_attachment(org.as_("manager"), new_id)


@pytest.mark.file_only  # a file's backup copy (a server's backups are the server's own)
def test_attachments_are_in_backups(org: Org, tmp_path: Path) -> None:
    incident_id = org.log()
    att.attach_bytes(org.as_("desk"), incident_id, "shot.png", b"\x89PNG" * 1000)
    copy = backup_to(org.store, tmp_path / "backup.sqlite")
    conn = sqlite3.connect(copy)
    try:
        data = b"".join(r[0] for r in conn.execute(
            "SELECT data FROM attachment_chunk ORDER BY seq"))
    finally:
        conn.close()
    assert data == b"\x89PNG" * 1000


def test_queue_reads_never_touch_attachment_bytes(org: Org, database_kind: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The queue's query plan reads the incident table and its indexes only."""
    from desk_app.services.lists.queues import Queue, page

    incident_id = org.log()
    att.attach_bytes(org.as_("desk"), incident_id, "a.bin", b"x" * 10)
    traced: list[str] = []
    if database_kind == "server":  # every statement the program sends the server
        sent = org.store.db.execute_sql

        def traced_sql(sql: str, *args: object, **kwargs: object) -> object:
            traced.append(sql)
            return sent(sql, *args, **kwargs)

        monkeypatch.setattr(org.store.db, "execute_sql", traced_sql)
        assert page(org.as_("desk"), Queue.ALL)
    else:
        org.store.db.connection().set_trace_callback(traced.append)
        try:
            assert page(org.as_("desk"), Queue.ALL)
        finally:
            org.store.db.connection().set_trace_callback(None)
    assert traced and not any("attachment" in sql for sql in traced)
