"""Files and screenshots on an incident, kept in the database file itself.

They travel with the file: every workstation sees them, and backups and restores hold them
(a backup copies the whole database). The bytes are in ``attachment_chunk`` rows of
``CHUNK`` bytes, apart from the incident and from the attachment's own row, so queue and
incident reads never read them, and saving one streams it chunk by chunk.

A file larger than the limit the process owner sets (default 20 MB) is refused by its size
before a byte of it is read. Nothing can be attached to a closed incident (R24): closed is
final. Adding and removing are in the incident's journal.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePath

from desk_app.domain.enums import JournalAction, Role, Stage
from desk_app.domain.validation import Problems, clean_text
from desk_app.errors import NotFound, RuleViolation, ValidationError
from desk_app.services import permissions as perm
from desk_app.services.arguments import checked
from desk_app.services.incident.editing import load_incident, write_journal
from desk_app.services.session import Changes, Session
from desk_app.storage.bulk import tuples
from desk_app.storage.models import Attachment, AttachmentChunk, Incident, Setting

CHUNK = 1 << 20
LIMIT_KEY = "attachment_max_mb"
DEFAULT_LIMIT_MB = 20
#: The most a process owner may allow: SQLite keeps a row's blob in memory when read.
LIMIT_MB_MAX = 1024
NAME_MAX = 255
THUMBNAIL_MAX = 256 * 1024
#: Python's own table of types, not the system's (which differs from PC to PC), and the
#: kinds of file a desk is sent that it lacks.
_TYPES = mimetypes.MimeTypes()
for _ext, _type in ((".log", "text/plain"), (".heic", "image/heic"), (".webp", "image/webp"),
                    (".evtx", "application/octet-stream")):
    _TYPES.add_type(_type, _ext)


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    incident_id: int
    name: str
    media_type: str
    size: int
    sha256: str
    thumbnail: bytes | None
    created_by: str | None
    created_at: datetime

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


def _limit_mb() -> int:
    row = Setting.get_or_none(Setting.key == LIMIT_KEY)
    try:
        return int(row.value) if row is not None else DEFAULT_LIMIT_MB
    except ValueError:
        return DEFAULT_LIMIT_MB


def limit_mb(session: Session) -> int:
    """The largest file one may attach, in MB (the process owner's setting)."""
    return session.read(_limit_mb)


def limit_bytes(session: Session) -> int:
    return limit_mb(session) * 1024 * 1024


@checked
def save_limit_mb(session: Session, megabytes: int, version: int | None = None) -> Changes:
    """The process owner's limit on one file's size (compare-and-set on its version)."""
    from desk_app.services.admin.process import _save_number_setting

    return _save_number_setting(session, LIMIT_KEY, megabytes, 1, LIMIT_MB_MAX, version)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


def check_attach(session: Session, incident: Incident) -> None:
    """R24: nothing is added to a closed incident; anyone at work on incidents may attach."""
    if incident.stage == Stage.CLOSED.value:
        raise RuleViolation("knowledge.attach_closed", number=incident.number)
    perm.require(not session.is_system and bool(session.roles), "attach")


def attach_refusal(session: Session, incident_id: int) -> str | None:
    """Why nothing can be attached to this incident now (a message key), or None: the
    attachments panel disables its drop area and buttons up front."""
    incident = session.read(lambda: Incident.get_or_none(Incident.id == incident_id))
    if incident is None:
        return "error.incident_not_found"
    if incident.stage == Stage.CLOSED.value:
        return "knowledge.attach_closed"
    return None if not session.is_system and session.roles else "knowledge.attach_denied"


def _clean_name(name: str) -> str:
    problems = Problems()
    base = PurePath(str(name).replace("\\", "/")).name if isinstance(name, str) else name
    cleaned = clean_text(problems, "name", base, required=True, max_length=NAME_MAX,
                         single_line=True)
    problems.raise_if_any()
    return cleaned


def _too_large(name: str, size: int, limit: int) -> ValidationError:
    return ValidationError.single("attachment", "knowledge.too_large", name=name,
                                  size=size_text(size), max=size_text(limit))


def _precheck(session: Session, incident_id: int, name: str, size: int) -> None:
    """Refusals that need no byte of the file: the incident, R24, the role, the size."""
    limit = limit_bytes(session)
    session.read(lambda: check_attach(session, load_incident(incident_id)))
    if size > limit:
        raise _too_large(name, size, limit)


@checked
def attach_file(session: Session, incident_id: int, path: str,
                thumbnail: bytes | None = None) -> Changes:
    """Attach the file at ``path``. Its size is checked before it is read; a file that
    grows past the limit while it is read is refused too."""
    file = Path(path)
    name = _clean_name(file.name)
    try:
        size = os.stat(file).st_size
    except OSError as error:
        raise ValidationError.single("attachment", "knowledge.unreadable", name=name,
                                     detail=error.strerror or str(error)) from error
    if not file.is_file():
        raise ValidationError.single("attachment", "knowledge.not_a_file", name=name)
    _precheck(session, incident_id, name, size)
    limit = limit_bytes(session)
    chunks: list[bytes] = []
    read = 0
    try:
        with open(file, "rb") as stream:
            while block := stream.read(CHUNK):
                read += len(block)
                if read > limit:
                    raise _too_large(name, read, limit)
                chunks.append(block)
    except OSError as error:
        raise ValidationError.single("attachment", "knowledge.unreadable", name=name,
                                     detail=error.strerror or str(error)) from error
    return _store(session, incident_id, name, chunks, thumbnail)


@checked
def attach_bytes(session: Session, incident_id: int, name: str, data: bytes,
                 thumbnail: bytes | None = None) -> Changes:
    """Attach bytes the workstation holds (an image pasted from the clipboard)."""
    if not isinstance(data, bytes):
        raise ValidationError.single("attachment", "validation.invalid_choice")
    clean = _clean_name(name)
    _precheck(session, incident_id, clean, len(data))
    chunks = [data[i:i + CHUNK] for i in range(0, len(data), CHUNK)] or [b""]
    return _store(session, incident_id, clean, chunks, thumbnail)


def _store(session: Session, incident_id: int, name: str, chunks: list[bytes],
           thumbnail: bytes | None) -> Changes:
    if thumbnail is not None and (not isinstance(thumbnail, bytes)
                                  or len(thumbnail) > THUMBNAIL_MAX):
        thumbnail = None
    digest = hashlib.sha256()
    for block in chunks:
        digest.update(block)
    size = sum(len(b) for b in chunks)
    media_type = _TYPES.guess_type(name)[0] or "application/octet-stream"

    def run() -> Changes:
        incident = load_incident(incident_id)
        check_attach(session, incident)
        limit = _limit_mb() * 1024 * 1024
        if size > limit:
            raise _too_large(name, size, limit)
        now = session.clock.now()
        row = Attachment.create(incident=incident_id, name=name, media_type=media_type,
                                size=size, sha256=digest.hexdigest(), thumbnail=thumbnail,
                                created_by=session.user_id, created_at=now)
        AttachmentChunk.insert_many(
            [(row.id, seq, block) for seq, block in enumerate(chunks)],
            fields=[AttachmentChunk.attachment, AttachmentChunk.seq, AttachmentChunk.data],
        ).execute()
        write_journal(session, incident_id, JournalAction.UPDATE,
                      {"attachment": (None, f"{name} ({size_text(size)})")}, at=now)
        return Changes(incidents=frozenset({incident_id}), created=row.id)

    return session.write(run)


@checked
def attachments(session: Session, incident_id: int) -> list[AttachmentRow]:
    """An incident's attachments, oldest first, without their bytes."""
    from desk_app.storage.models import User

    def run() -> list[AttachmentRow]:
        rows = list(Attachment.select(
            Attachment.id, Attachment.incident, Attachment.name, Attachment.media_type,
            Attachment.size, Attachment.sha256, Attachment.thumbnail, Attachment.created_by,
            Attachment.created_at).where(Attachment.incident == incident_id)
            .order_by(Attachment.id))
        names = {u.id: u.full_name for u in User.select(User.id, User.full_name).where(
            User.id.in_([r.created_by_id for r in rows if r.created_by_id]))}
        return [AttachmentRow(r.id, r.incident_id, r.name, r.media_type, r.size, r.sha256,
                              bytes(r.thumbnail) if r.thumbnail is not None else None,
                              names.get(r.created_by_id) if r.created_by_id else None,
                              r.created_at) for r in rows]

    return session.read(run)


def _row(attachment_id: int) -> Attachment:
    row = Attachment.select(Attachment.id, Attachment.incident, Attachment.name,
                            Attachment.size, Attachment.sha256).where(
        Attachment.id == attachment_id).first()
    if row is None:
        raise NotFound("knowledge.attachment_not_found", id=attachment_id)
    return row


@checked
def read_attachment(session: Session, attachment_id: int) -> bytes:
    """An attachment's bytes (for a thumbnail or a preview)."""

    def run() -> bytes:
        _row(attachment_id)
        return b"".join(bytes(r[0]) for r in tuples(
            AttachmentChunk.select(AttachmentChunk.data)
            .where(AttachmentChunk.attachment == attachment_id)
            .order_by(AttachmentChunk.seq)))

    return session.read(run)


@checked
def save_attachment(session: Session, attachment_id: int, path: str) -> Path:
    """Write an attachment to ``path`` (a partial file is removed if writing fails), and
    check it against the digest taken when it was attached."""
    target = Path(path)
    partial = target.with_name(target.name + ".partial")

    def run() -> str:
        row = _row(attachment_id)
        digest = hashlib.sha256()
        with open(partial, "wb") as out:
            for (data,) in tuples(AttachmentChunk.select(AttachmentChunk.data)
                                  .where(AttachmentChunk.attachment == attachment_id)
                                  .order_by(AttachmentChunk.seq)):
                digest.update(data)
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        return str(row.sha256) if digest.hexdigest() == row.sha256 else ""

    try:
        if not session.read(run):
            raise RuleViolation("knowledge.attachment_damaged")
        os.replace(partial, target)
    except OSError as error:
        raise ValidationError.single("path", "knowledge.cannot_write", path=str(target),
                                     detail=error.strerror or str(error)) from error
    finally:
        partial.unlink(missing_ok=True)
    return target


@checked
def remove_attachment(session: Session, attachment_id: int) -> Changes:
    """Remove an attachment from an open incident (what a closed one holds is final, R24);
    the one who attached it, the desk or the incident manager may."""

    def run() -> Changes:
        row = _row(attachment_id)
        incident = load_incident(row.incident_id)
        if incident.stage == Stage.CLOSED.value:
            raise RuleViolation("knowledge.attach_closed", number=incident.number)
        owner = Attachment.select(Attachment.created_by).where(
            Attachment.id == attachment_id).scalar()
        perm.require(owner == session.user_id or session.has(
            Role.SERVICE_DESK, Role.INCIDENT_MANAGER), "remove_attachment")
        Attachment.delete().where(Attachment.id == attachment_id).execute()
        write_journal(session, row.incident_id, JournalAction.UPDATE,
                      {"attachment": (f"{row.name} ({size_text(row.size)})", None)})
        return Changes(incidents=frozenset({row.incident_id}))

    return session.write(run)
