"""An incident's history in words (R10): journal rows name people, groups and codes by id;
a reader wants names, labels and times in their own language.

Qt-free so that the command line and the workstation tell the history the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from desk_app.domain.enums import (
    ContactChannel,
    EscalationReason,
    Impact,
    IncidentType,
    JournalAction,
    Priority,
    ResolutionType,
    Stage,
    TargetStage,
    Urgency,
)
from desk_app.formatting import format_moment, format_working_time
from desk_app.i18n import MESSAGES, Language, label, text
from desk_app.services.incident.queries import JournalEntry
from desk_app.services.session import Session
from desk_app.storage.models import (
    Caller,
    Category,
    CloseCode,
    SupportGroup,
    User,
    WaitCode,
)

_ENUMS: dict[str, type[Enum]] = {
    "stage": Stage, "priority": Priority, "impact": Impact, "urgency": Urgency,
    "type": IncidentType, "channel": ContactChannel, "resolution_type": ResolutionType,
}
_PEOPLE = {"assignee", "resolved_by", "confirmed_by", "closed_by", "created_by"}
_MOMENTS = {"confirmed_at", "resolved_at", "closed_at", "assigned_at", "accepted_at"}


@dataclass
class HistoryNames:
    """Names for the ids a history mentions, in both languages where the row has both."""

    users: dict[int, str] = field(default_factory=dict)
    callers: dict[int, str] = field(default_factory=dict)
    categories: dict[int, tuple[str, str]] = field(default_factory=dict)
    groups: dict[int, tuple[str, str]] = field(default_factory=dict)
    wait_codes: dict[int, tuple[str, str]] = field(default_factory=dict)
    close_codes: dict[int, tuple[str, str]] = field(default_factory=dict)


def _pairs(model: Any) -> dict[int, tuple[str, str]]:
    return {row.id: (row.name_en, row.name_zh) for row in model.select()}


def load_names(session: Session, entries: list[JournalEntry] | None = None) -> HistoryNames:
    """The reference names a history needs; callers only those the entries mention."""
    caller_ids = {
        value for entry in entries or [] for value in entry.changes.get("caller", [])
        if isinstance(value, int)
    }

    def run() -> HistoryNames:
        return HistoryNames(
            users={u.id: u.full_name for u in User.select(User.id, User.full_name)},
            callers={c.id: c.name for c in Caller.select(Caller.id, Caller.name)
                     .where(Caller.id.in_(caller_ids))} if caller_ids else {},
            categories=_pairs(Category), groups=_pairs(SupportGroup),
            wait_codes=_pairs(WaitCode), close_codes=_pairs(CloseCode),
        )

    return session.read(run)


def field_label(name: str, lang: Language) -> str:
    """The name of an incident field as a form shows it."""
    return text(f"field.{name}", lang) if f"field.{name}" in MESSAGES else name


def _pick(pair: tuple[str, str] | None, lang: Language, value: object) -> str:
    if pair is None:
        return f"#{value}"
    return pair[1] if lang == "zh" else pair[0]


def value_text(name: str, value: Any, lang: Language, names: HistoryNames,
               action: str = "") -> str:
    """One old or new value of a journal change, as a person reads it."""
    if value is None or value == "":
        return "—"
    if action == JournalAction.TARGETS.value and name in {s.value for s in TargetStage}:
        return format_working_time(int(value) * 60, lang)
    enum = _ENUMS.get(name)
    if enum is not None:
        try:
            return label(enum(value), lang)
        except ValueError:
            return str(value)
    if name in _PEOPLE:
        return names.users.get(int(value), f"#{value}")
    if name == "caller":
        return names.callers.get(int(value), f"#{value}")
    if name == "category":
        return _pick(names.categories.get(int(value)), lang, value)
    if name == "group":
        return _pick(names.groups.get(int(value)), lang, value)
    if name == "wait_code":
        return _pick(names.wait_codes.get(int(value)), lang, value)
    if name == "close_code":
        return _pick(names.close_codes.get(int(value)), lang, value)
    if name in _MOMENTS:
        return format_moment(datetime.fromisoformat(str(value)), lang)
    if isinstance(value, bool):
        return text("history.yes" if value else "history.no", lang)
    return str(value)


def change_lines(entry: JournalEntry, lang: Language, names: HistoryNames) -> list[str]:
    """"Field: old → new" for each change an entry made."""
    name_of = (lambda key: label(TargetStage(key), lang)) \
        if entry.action == JournalAction.TARGETS.value else (lambda key: field_label(key, lang))
    return [
        f"{name_of(key)}: {value_text(key, old, lang, names, entry.action)} → "
        f"{value_text(key, new, lang, names, entry.action)}"
        for key, (old, new) in entry.changes.items()
    ]


def note_text(entry: JournalEntry, lang: Language) -> str:
    """The entry's note; notes the system writes (a reason, a stage) read as words."""
    note = entry.note
    if not note:
        return ""
    try:
        if entry.action == JournalAction.ESCALATE.value:
            return label(EscalationReason(note), lang)
        if entry.action == JournalAction.BREACH.value:
            return label(TargetStage(note), lang)
    except ValueError:
        return note
    if entry.action == JournalAction.REPRIORITISE.value and note == "matrix":
        return text("history.matrix_changed", lang)
    if entry.action == JournalAction.AUTO_CLOSE.value and note.startswith("auto_close_days="):
        return text("history.auto_closed", lang, days=note.split("=", 1)[1])
    if note.startswith("import.") and note in MESSAGES:  # written by an import (issue 15)
        return text(note, lang)
    return note


def action_text(entry: JournalEntry, lang: Language) -> str:
    try:
        return label(JournalAction(entry.action), lang)
    except ValueError:
        return entry.action


def actor_text(entry: JournalEntry, lang: Language) -> str:
    return entry.actor or text("history.system", lang)
