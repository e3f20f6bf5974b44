"""Saved queues: a person builds a queue from conditions and keeps it personal or shares it
with everyone who works in the file; the sidebar shows each with a live count.

A saved queue is the "All incidents" queue narrowed by ``Conditions``: one WHERE clause in
SQL like the standard queues' (``services.lists.queues``), so its pages, sorts, counts, copies and
exports go through the same reads and the same indexes. Words are looked up in the
full-text index (``incident_search``), as the search box does; those of open work in open
work's own (``incident_open_search``, migration 0032).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from desk_app.domain.enums import OPEN_STAGES, Role, Stage
from desk_app.domain.validation import TITLE_MAX, Problems, clean_text
from desk_app.errors import ConflictError, NotFound, ValidationError
from desk_app.services import permissions as perm
from desk_app.services.arguments import checked
from desk_app.services.session import Changes, Session
from desk_app.storage.models import SavedQueue
from desk_app.storage.segment import match_query

#: Saved queues of one person, at most (a sidebar, not a report list).
MAX_PER_PERSON = 50
#: Values of one list condition, at most.
MAX_VALUES = 200
WORDS_MAX = 200


class Assignee(StrEnum):
    ANY = "any"
    ME = "me"
    NOBODY = "nobody"
    PEOPLE = "people"  # those of ``assignee_ids``


class Escalated(StrEnum):
    ANY = "any"
    UNACKNOWLEDGED = "unacknowledged"  # an escalation no supervisor has acknowledged
    EVER = "ever"
    NEVER = "never"


class DateField(StrEnum):
    LOGGED = "created_at"
    UPDATED = "updated_at"
    RESOLVED = "resolved_at"
    CLOSED = "closed_at"


@dataclass(frozen=True)
class Conditions:
    """What a saved queue holds: every condition given must hold (empty lists: any)."""

    stages: tuple[str, ...] = ()
    open_only: bool = False  # not resolved or closed
    priorities: tuple[int, ...] = ()
    group_ids: tuple[int, ...] = ()
    category_ids: tuple[int, ...] = ()
    assignee: str = Assignee.ANY.value
    assignee_ids: tuple[int, ...] = ()
    caller_ids: tuple[int, ...] = ()
    vip: bool | None = None
    escalated: str = Escalated.ANY.value
    pending: bool | None = None
    wait_code_ids: tuple[int, ...] = ()  # pending with one of these
    date_field: str = DateField.LOGGED.value
    date_from: str = ""  # ISO date, inclusive, in the desk's days (UTC+8 is not assumed: UTC)
    date_to: str = ""  # ISO date, inclusive
    last_days: int | None = None  # or: within the last this many days
    words: str = ""

    # -- checking -------------------------------------------------------------------------
    def problems(self) -> Problems:
        """What is wrong with these conditions, field by field (nothing: they can be saved)."""
        problems = Problems()
        for name in ("priorities", "group_ids", "category_ids", "assignee_ids", "caller_ids",
                     "wait_code_ids", "stages"):
            values = getattr(self, name)
            if not isinstance(values, tuple) or len(values) > MAX_VALUES:
                problems.add(name, "validation.invalid_choice")
                continue
            kind = str if name == "stages" else int
            wrong = any(not isinstance(v, kind) or isinstance(v, bool) for v in values)
            if wrong or (kind is int and any(not 0 < v < 2**62 for v in values)):
                problems.add(name, "validation.invalid_choice")
        if isinstance(self.stages, tuple) and any(
                v not in Stage._value2member_map_ for v in self.stages if isinstance(v, str)):
            problems.add("stages", "validation.invalid_choice")
        if isinstance(self.priorities, tuple) and any(
                isinstance(v, int) and not 1 <= v <= 4 for v in self.priorities):
            problems.add("priorities", "validation.invalid_choice")
        for name, enum in (("assignee", Assignee), ("escalated", Escalated),
                           ("date_field", DateField)):
            value = getattr(self, name)
            if not isinstance(value, str) or value not in enum._value2member_map_:
                problems.add(name, "validation.invalid_choice")
        if self.assignee == Assignee.PEOPLE.value and not self.assignee_ids:
            problems.add("assignee_ids", "validation.required")
        for name in ("vip", "pending"):
            if getattr(self, name) not in (None, True, False):
                problems.add(name, "validation.invalid_choice")
        if not isinstance(self.open_only, bool):
            problems.add("open_only", "validation.invalid_choice")
        start, end = _day(problems, "date_from", self.date_from), _day(
            problems, "date_to", self.date_to)
        if start and end and start > end:
            problems.add("date_to", "saved_queue.dates_reversed")
        if self.last_days is not None and (
                not isinstance(self.last_days, int) or isinstance(self.last_days, bool)
                or not 1 <= self.last_days <= 3660):
            problems.add("last_days", "validation.invalid_choice")
        clean_text(problems, "words", self.words, required=False, max_length=WORDS_MAX,
                   single_line=True)
        return problems

    # -- SQL ------------------------------------------------------------------------------
    def clause(self, user_id: int | None, now: datetime) -> tuple[str, list[object]]:
        """The WHERE clause over ``incident i`` and its parameters. Built once per
        conditions and person (the sidebar counts every saved queue at every refresh);
        "the last N days" counts back from ``now``: its moment is put in each time."""
        sql, params = _clause_of(self, user_id)
        return sql, _since(self, params, now)

    def _clause(self, user_id: int | None, now: datetime | None
                ) -> tuple[str, list[object]]:
        """``now`` None: "the last N days" as ``_SINCE``, for a clause that is kept."""
        parts: list[str] = []
        params: list[object] = []

        def among(column: str, values: tuple[Any, ...]) -> None:
            if values:
                parts.append(f"{column} IN ({', '.join('?' * len(values))})")
                params.extend(values)

        among("i.stage", self.stages)
        open_stages = {s.value for s in OPEN_STAGES}
        open_work = self.open_only or bool(self.stages and set(self.stages) <= open_stages)
        if open_work:
            # written as the queue-order indexes begin (migration 0006), so that open work
            # of a group, category, caller or person is read from a small range of them
            parts.append("(i.stage IN ('resolved', 'closed')) = 0")
        among("i.priority", self.priorities)
        among("i.group_id", self.group_ids)
        among("i.category_id", self.category_ids)
        if self.assignee == Assignee.ME.value:
            parts.append("i.assignee_id = ?")
            params.append(user_id if user_id is not None else -1)
        elif self.assignee == Assignee.NOBODY.value:
            parts.append("i.assignee_id IS NULL")
        elif self.assignee == Assignee.PEOPLE.value:
            among("i.assignee_id", self.assignee_ids)
        among("i.caller_id", self.caller_ids)
        if self.vip is not None:
            parts.append(f"i.caller_id IN (SELECT id FROM caller WHERE vip = {int(self.vip)})"
                         if self.vip else
                         "i.caller_id NOT IN (SELECT id FROM caller WHERE vip = 1)")
        if self.escalated == Escalated.UNACKNOWLEDGED.value:
            # read from the index of the unacknowledged alone (migration 0032); the
            # planner's statistics keep other reads of escalations off it
            parts.append("i.id IN (SELECT incident_id FROM escalation INDEXED BY "
                         "escalation_unacknowledged WHERE acknowledged_at IS NULL)")
        elif self.escalated == Escalated.EVER.value:
            parts.append("i.escalation_count > 0")
        elif self.escalated == Escalated.NEVER.value:
            parts.append("i.escalation_count = 0")
        if self.wait_code_ids:
            among("i.wait_code_id", self.wait_code_ids)
        elif self.pending is not None:
            parts.append("i.wait_code_id IS NOT NULL" if self.pending
                         else "i.wait_code_id IS NULL")
        column = f"i.{DateField(self.date_field).value}"
        if self.last_days is not None:
            parts.append(f"{column} >= ?")
            params.append(_SINCE if now is None else
                          int((now - timedelta(days=self.last_days)).timestamp()))
        if self.date_from:
            parts.append(f"{column} >= ?")
            params.append(_moment(date.fromisoformat(self.date_from)))
        if self.date_to:
            parts.append(f"{column} < ?")
            params.append(_moment(date.fromisoformat(self.date_to) + timedelta(days=1)))
        query = match_query(self.words) if self.words.strip() else None
        if query is not None and open_work:
            # open work's words have an index of their own (migration 0032), as small as
            # the open work: a common word is read there at once, where testing each of
            # its matches in the whole index for "open" took longer than a page may
            parts.append("i.id IN (SELECT rowid FROM incident_open_search "
                         "WHERE incident_open_search MATCH ?)")
            params.append(query)
        elif query is not None:
            # with another condition an index can read ("+": the words are not where the
            # read starts), the incidents come from that index and each is looked up in
            # the words' matches; alone, the matches are where the read starts
            narrowed = bool(parts) and any((
                self.open_only, self.stages, self.group_ids, self.category_ids,
                self.caller_ids, self.wait_code_ids, self.assignee in (
                    Assignee.ME.value, Assignee.PEOPLE.value),
                (self.last_days or self.date_from) and self.date_field != "resolved_at"))
            parts.append(("+" if narrowed else "") + "i.id IN (SELECT rowid FROM "
                         "incident_search WHERE incident_search MATCH ?)")
            params.append(query)
        return (" AND ".join(parts) or "1"), params

    # -- storing --------------------------------------------------------------------------
    def to_json(self) -> str:
        data = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()
                if v != getattr(EMPTY, k)}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, raw: str) -> Conditions:
        """Conditions read back; unknown keys (a later program's) are left out, a broken
        value makes the whole thing "no conditions" rather than a queue that fails."""
        try:
            data = json.loads(raw)
        except (TypeError, ValueError):
            return EMPTY
        if not isinstance(data, dict):
            return EMPTY
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v
                                  for k, v in data.items() if k in known}
        try:
            conditions = cls(**values)
        except TypeError:
            return EMPTY
        return EMPTY if conditions.problems().fields else conditions


EMPTY = Conditions()


# Both are kept by the conditions' ``repr`` (which tells ``True`` from ``1`` and ``1`` from
# ``1.0``, as equality does not, and needs no hashable values), at most ``_KEPT`` of each.
_KEPT = 512
_clauses: dict[tuple[str, int | None], tuple[str, tuple[object, ...]]] = {}
_savable: set[str] = set()
#: In a kept clause, the moment "the last N days" count back to (``_since`` puts it in).
_SINCE = object()


def _since(conditions: Conditions, params: tuple[object, ...], now: datetime
           ) -> list[object]:
    """A kept clause's parameters with "the last N days" counted back from ``now``."""
    if conditions.last_days is None:
        return list(params)
    since = int((now - timedelta(days=conditions.last_days)).timestamp())
    return [since if p is _SINCE else p for p in params]


def _key(conditions: Conditions) -> str:
    """The conditions' ``repr``, worked out once per instance."""
    found = conditions.__dict__.get("_repr")
    if found is None:
        found = repr(conditions)
        object.__setattr__(conditions, "_repr", found)  # frozen: fields only are
    return found


def _clause_of(conditions: Conditions, user_id: int | None
               ) -> tuple[str, tuple[object, ...]]:
    """The clause kept for ``conditions`` and the person (``Conditions.clause``)."""
    key = (_key(conditions), user_id)
    found = _clauses.get(key)
    if found is None:
        sql, params = conditions._clause(user_id, None)
        found = sql, tuple(params)
        if len(_clauses) >= _KEPT:
            _clauses.clear()
        _clauses[key] = found
    return found


def _valid(conditions: Conditions) -> None:
    """Raises unless ``conditions`` can be saved; a "yes" is kept (the editor's live count
    asks again at every change), a refusal is not."""
    key = _key(conditions)
    if key in _savable:
        return
    conditions.problems().raise_if_any()
    if len(_savable) >= _KEPT:
        _savable.clear()
    _savable.add(key)


def _day(problems: Problems, name: str, value: object) -> date | None:
    if value in ("", None):
        return None
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if day is None or not 1970 <= day.year <= 9000:
        problems.add(name, "validation.invalid_choice")
        return None
    return day


def _moment(day: date) -> int:
    return int(datetime.combine(day, time(0), UTC).timestamp())


# -- the saved queues --------------------------------------------------------------------
@dataclass(frozen=True)
class SavedQueueInfo:
    id: int
    name: str
    owner_id: int
    owner: str
    shared: bool
    conditions: Conditions
    version: int
    mine: bool  # the person may change and delete it


@dataclass(frozen=True)
class SavedQueueForm:
    name: str
    conditions: Conditions
    shared: bool = False


def _may_edit(session: Session, row: SavedQueue) -> bool:
    """Its owner; a shared queue also the incident manager and the process owner, who keep
    the team's queues in order."""
    return row.owner_id == session.user_id or (
        bool(row.shared) and session.has(Role.INCIDENT_MANAGER, Role.PROCESS_OWNER))


def visible(session: Session) -> list[SavedQueueInfo]:
    """The person's own queues, then those others share, each by name."""
    me = session.user_id if session.user_id is not None else -1

    def run() -> list[SavedQueueInfo]:
        rows = session.store.db.execute_sql(
            "SELECT q.id, q.name, q.owner_id, u.full_name, q.shared, q.conditions, q.version "
            "FROM saved_queue q JOIN user u ON u.id = q.owner_id "
            "WHERE q.owner_id = ? OR q.shared = 1 "
            "ORDER BY q.owner_id <> ?, q.name COLLATE NOCASE, q.id", [me, me]).fetchall()
        result = []
        for qid, name, owner, owner_name, shared, raw, version in rows:
            mine = owner == me or (bool(shared) and session.has(Role.INCIDENT_MANAGER,
                                                                  Role.PROCESS_OWNER))
            result.append(SavedQueueInfo(qid, name, owner, owner_name, bool(shared),
                                         Conditions.from_json(raw), version, mine))
        return result

    return session.read(run)


def _check_form(session: Session, form: SavedQueueForm, queue_id: int | None) -> str:
    perm.require(not session.is_system and bool(session.roles), "saved_queue")
    if not isinstance(form, SavedQueueForm) or not isinstance(form.conditions, Conditions):
        raise ValidationError.single("conditions", "validation.invalid_choice")
    problems = form.conditions.problems()
    name = clean_text(problems, "name", form.name, required=True, max_length=TITLE_MAX,
                      single_line=True)
    if not isinstance(form.shared, bool):
        problems.add("shared", "validation.invalid_choice")
    if name and SavedQueue.select().where(
            (SavedQueue.owner == session.user_id) & (SavedQueue.name == name)
            & (SavedQueue.id != (queue_id or -1))).exists():
        problems.add("name", "saved_queue.name_taken")
    problems.raise_if_any()
    return name


@checked
def create_queue(session: Session, form: SavedQueueForm) -> Changes:
    def run() -> Changes:
        name = _check_form(session, form, None)
        if SavedQueue.select().where(SavedQueue.owner == session.user_id).count() >= \
                MAX_PER_PERSON:
            raise ValidationError.single("name", "saved_queue.too_many", max=MAX_PER_PERSON)
        now = session.clock.now()
        row = SavedQueue.create(name=name, owner=session.user_id, shared=form.shared,
                                conditions=form.conditions.to_json(), created_at=now,
                                updated_at=now)
        return Changes(created=row.id)

    return session.write(run)


def _load(queue_id: int, version: int | None) -> SavedQueue:
    row = SavedQueue.get_or_none(SavedQueue.id == queue_id)
    if row is None:
        raise NotFound("saved_queue.not_found")
    if version is not None and row.version != version:
        raise ConflictError(number=row.name, current_version=row.version)
    return row


@checked
def update_queue(session: Session, queue_id: int, form: SavedQueueForm,
                 version: int | None = None) -> Changes:
    def run() -> Changes:
        row = _load(queue_id, version)
        perm.require(_may_edit(session, row), "saved_queue")
        name = _check_form(session, form, row.id) if row.owner_id == session.user_id else \
            _check_other(session, form, row)
        updated = SavedQueue.update(
            name=name, shared=form.shared, conditions=form.conditions.to_json(),
            updated_at=session.clock.now(), version=row.version + 1,
        ).where((SavedQueue.id == row.id) & (SavedQueue.version == row.version)).execute()
        if updated != 1:
            raise ConflictError(number=row.name)
        return Changes()

    return session.write(run)


def _check_other(session: Session, form: SavedQueueForm, row: SavedQueue) -> str:
    """A supervisor edits someone's shared queue: the name stays unique for its owner."""
    problems = form.conditions.problems() if isinstance(form, SavedQueueForm) and isinstance(
        form.conditions, Conditions) else None
    if problems is None:
        raise ValidationError.single("conditions", "validation.invalid_choice")
    name = clean_text(problems, "name", form.name, required=True, max_length=TITLE_MAX,
                      single_line=True)
    if name and SavedQueue.select().where(
            (SavedQueue.owner == row.owner_id) & (SavedQueue.name == name)
            & (SavedQueue.id != row.id)).exists():
        problems.add("name", "saved_queue.name_taken")
    problems.raise_if_any()
    return name


@checked
def delete_queue(session: Session, queue_id: int, version: int | None = None) -> Changes:
    def run() -> Changes:
        row = _load(queue_id, version)
        perm.require(_may_edit(session, row), "saved_queue")
        SavedQueue.delete().where(SavedQueue.id == row.id).execute()
        return Changes()

    return session.write(run)


def counts(session: Session, queues: list[SavedQueueInfo]) -> dict[int, int]:
    """How many incidents each saved queue holds now, in one read."""
    now = session.clock.now()

    def run() -> dict[int, int]:
        db = session.store.db
        result = {}
        for queue in queues:
            where, params = queue.conditions.clause(session.user_id, now)
            result[queue.id] = int(db.execute_sql(
                f"SELECT COUNT(*) FROM incident i WHERE {where}", params).fetchone()[0])
        return result

    return session.read(run)


@dataclass(frozen=True)
class PersonChoice:
    id: int
    full_name: str

    def name(self, _lang: object = None) -> str:
        return self.full_name


def people(session: Session) -> list[PersonChoice]:
    """Everyone active who can be an assignee, by name (the editor's "these people")."""
    def run() -> list[PersonChoice]:
        return [PersonChoice(int(i), str(n)) for i, n in session.store.db.execute_sql(
            "SELECT id, full_name FROM user WHERE active ORDER BY full_name").fetchall()]

    return session.read(run)


def count_of(session: Session, conditions: Conditions) -> int:
    """How many incidents ``conditions`` hold now (the editor's live count). Conditions
    that could not be saved are refused field by field, as saving them would be."""
    if not isinstance(conditions, Conditions):
        raise ValidationError.single("conditions", "validation.invalid_choice")
    _valid(conditions)
    # the same statement as the All queue narrowed by them (``queues.count``), kept whole:
    # a count of a small queue costs less than building its statement again
    sql, params = _count_of(conditions, session.user_id)
    return int(session.store.execute(sql, _since(conditions, params, session.clock.now())
                                     )[0][0])


_counts: dict[tuple[str, int | None], tuple[str, tuple[object, ...]]] = {}


def _count_of(conditions: Conditions, user_id: int | None) -> tuple[str, tuple[object, ...]]:
    """``SELECT COUNT(*)`` of the incidents ``conditions`` hold, for one person."""
    key = (_key(conditions), user_id)
    found = _counts.get(key)
    if found is None:
        where, params = _clause_of(conditions, user_id)
        found = f"SELECT COUNT(*) FROM incident i WHERE {where}", params
        if len(_counts) >= _KEPT:
            _counts.clear()
        _counts[key] = found
    return found
