"""The work queues of the main window, read page by page straight from SQL.

A queue is a WHERE clause for a session (My work is "assigned to me and open"); sorting and
filtering are SQL too, so a view never loads every row: it asks for the ordered ids of a
queue (cheap: one indexed column) and then for the rows it shows (``rows``), a chunk at a
time, after Anki's browser table.

Every read is one short read transaction that is consumed at once, so nothing holds a lock on
the shared file while a person looks at the screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from desk_app.domain.enums import OPEN_STAGES, IncidentType, Stage
from desk_app.errors import ValidationError
from desk_app.i18n import Language
from desk_app.services.arguments import checked, enum_argument
from desk_app.services.session import Session
from desk_app.storage.fields import to_utc


class Queue(StrEnum):
    MY_WORK = "my_work"
    MY_GROUPS = "my_groups"
    UNASSIGNED = "unassigned"
    PENDING = "pending"
    BREACHING_SOON = "breaching_soon"
    ESCALATED = "escalated"
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    ALL = "all"


#: "Breaching soon": the next target time runs out within this window (or already has and the
#: escalation scan has not seen it yet).
BREACHING_WINDOW = timedelta(hours=1)

#: Resolved and closed: the stages that are not open work. Open is written as "not done" so
#: that a queue of open work reads a range of migration 0006's indexes, which begin with it.
_DONE = "(i.stage IN ('resolved', 'closed'))"
_OPEN = f"{_DONE} = 0"
assert {s.value for s in OPEN_STAGES} == {s.value for s in Stage} - {"resolved", "closed"}


def condition(session: Session, queue: Queue, now: datetime) -> tuple[str, list[object]]:
    """The queue's WHERE clause over ``incident i`` and its parameters."""
    me = session.user_id if session.user_id is not None else -1
    if queue == Queue.MY_WORK:
        return f"i.assignee_id = ? AND {_OPEN}", [me]
    if queue == Queue.MY_GROUPS:
        return (f"i.group_id IN (SELECT group_id FROM group_member WHERE user_id = ?) "
                f"AND {_OPEN}", [me])
    if queue == Queue.UNASSIGNED:
        return "i.stage = 'logged'", []
    if queue == Queue.PENDING:
        return "i.wait_code_id IS NOT NULL", []
    if queue == Queue.BREACHING_SOON:
        # next_deadline is set only while a target clock runs (open and not pending)
        return "i.next_deadline <= ?", [int((now + BREACHING_WINDOW).timestamp())]
    if queue == Queue.ESCALATED:
        return ("i.id IN (SELECT incident_id FROM escalation WHERE acknowledged_at IS NULL)",
                [])
    if queue == Queue.AWAITING_CONFIRMATION:
        return "i.stage = 'resolved' AND i.confirmed_at IS NULL", []
    return "1", []


@dataclass(frozen=True)
class Filters:
    """Narrowing within a queue; None means any. ``text`` matches number, title or caller."""

    priority: int | None = None
    stage: Stage | str | None = None
    pending: bool | None = None
    type: IncidentType | str | None = None
    group_id: int | None = None
    category_id: int | None = None
    text: str = ""
    #: a saved queue's conditions (``services.bulk.saved_queues.Conditions``): anything
    #: with ``clause(user_id, now)``
    conditions: Any = None

    def clause(self) -> tuple[str, list[object]]:
        parts: list[str] = []
        params: list[object] = []
        if self.priority is not None:
            parts.append("i.priority = ?")
            params.append(int(self.priority))
        if self.stage is not None:
            stage = Stage(self.stage)
            # Closed grows without end while the other stages stay as large as the desk's
            # open work: for Closed, walking the queue's order index finds a page at once,
            # where the stage index would have every closed incident sorted ("+" keeps
            # the planner off it, which without per-value statistics cannot tell the two
            # cases apart)
            parts.append("+i.stage = ?" if stage == Stage.CLOSED else "i.stage = ?")
            params.append(stage.value)
        if self.pending is not None:
            parts.append("i.wait_code_id IS NOT NULL" if self.pending
                         else "i.wait_code_id IS NULL")
        if self.type is not None:
            parts.append("i.type = ?")
            params.append(IncidentType(self.type).value)
        if self.group_id is not None:
            parts.append("i.group_id = ?")
            params.append(self.group_id)
        if self.category_id is not None:
            parts.append("i.category_id = ?")
            params.append(self.category_id)
        text = self.text.strip()
        if text:
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace(
                "_", "\\_") + "%"
            parts.append("(i.number LIKE ? ESCAPE '\\' OR i.title LIKE ? ESCAPE '\\' OR "
                         "i.caller_id IN (SELECT id FROM caller WHERE name LIKE ? ESCAPE '\\'))")
            params += [pattern, pattern, pattern]
        return (" AND ".join(parts) or "1"), params


class SortColumn(StrEnum):
    NUMBER = "number"
    PRIORITY = "priority"
    STAGE = "stage"
    TYPE = "type"
    CATEGORY = "category"
    GROUP = "group"
    ASSIGNEE = "assignee"
    CALLER = "caller"
    TIME_LEFT = "time_left"
    ESCALATED = "escalated"
    UPDATED = "updated"
    TITLE = "title"


def _case(column: str, values: Iterable[str]) -> str:
    whens = " ".join(f"WHEN '{v}' THEN {n}" for n, v in enumerate(values))
    return f"(CASE {column} {whens} END)"


#: The queue order, which also breaks every other sort's ties: open work before resolved and
#: closed (in a queue that mixes them, All or Escalated), then priority, then the next target
#: time (none last), then the number. Written exactly as migration 0006's indexes are, so
#: that SQLite reads each sort's order from its index and stops after a page.
_TIES = f"{_DONE}, i.priority, (i.next_deadline IS NULL), i.next_deadline, i.id"
_STAGE_RANK = _case("i.stage", [s.value for s in Stage])
_TYPE_RANK = _case("i.type", [t.value for t in IncidentType])


@dataclass(frozen=True)
class _Arm:
    """One statement of a sort: a join for a name sort, a narrowing, and the ORDER BY."""

    order: str
    join: str = ""
    where: str = ""


def _arms(sort: SortColumn, descending: bool, lang: Language) -> list[_Arm]:
    """The statements whose results, one after the other, are the queue in this order
    (always one, but for the assignee: those with one by name, then those without).

    A name sort walks the small table (callers, categories, groups, people) in name order
    and each one's incidents through an index that starts with its id, so the first page is
    read without looking at the rest; ties go by id so that two equal names never mix."""
    name = "name_zh" if lang == "zh" else "name_en"
    way = "DESC" if descending else "ASC"
    if sort == SortColumn.NUMBER:
        return [_Arm(f"i.id {way}")]
    if sort == SortColumn.PRIORITY:
        return [_Arm(f"{_DONE}, i.priority {way}, (i.next_deadline IS NULL), "
                     "i.next_deadline, i.id")]
    joined = {
        SortColumn.CATEGORY: ("category", "category_id", name),
        SortColumn.GROUP: ("support_group", "group_id", name),
        SortColumn.CALLER: ("caller", "caller_id", "name"),
        SortColumn.ASSIGNEE: ("user", "assignee_id", "full_name"),
    }
    if sort in joined:
        table, column, key = joined[SortColumn(sort)]
        arm = _Arm(f"k.{key} {way}, k.id {way}, {_TIES}",
                   join=f'JOIN "{table}" k ON k.id = i.{column}')
        if sort == SortColumn.ASSIGNEE:  # nobody assigned: last, in either direction
            return [arm, _Arm(_TIES, where="i.assignee_id IS NULL")]
        return [arm]
    keys = {
        SortColumn.STAGE: _STAGE_RANK,
        SortColumn.TYPE: _TYPE_RANK,
        SortColumn.TIME_LEFT: "i.next_deadline",
        SortColumn.ESCALATED: "i.escalation_count",
        SortColumn.UPDATED: "i.updated_at",
        SortColumn.TITLE: "i.title",
    }
    nulls = " NULLS LAST" if sort == SortColumn.TIME_LEFT else ""  # no target: last
    return [_Arm(f"{keys[SortColumn(sort)]} {way}{nulls}, {_TIES}")]


DEFAULT_SORT = SortColumn.PRIORITY


def _select(session: Session, queue: Queue, filters: Filters | None, now: datetime
            ) -> tuple[str, list[object]]:
    where, params = condition(session, queue, now)
    extra, extra_params = (filters or Filters()).clause()
    if filters is not None and filters.conditions is not None:
        saved, saved_params = filters.conditions.clause(session.user_id, now)
        # not "1 AND (…)": a server takes a bare 1 for a condition only where it can tell
        # (postgres.dialect), not beside AND inside brackets
        if saved != "1":
            extra = f"({saved})" if extra == "1" else f"{extra} AND ({saved})"
            extra_params = extra_params + saved_params
    return f"({where}) AND ({extra})", params + extra_params


def ids_queries(session: Session, queue: Queue, sort: SortColumn | str = DEFAULT_SORT,
                descending: bool = False, filters: Filters | None = None,
                lang: Language = "en", now: datetime | None = None
                ) -> list[tuple[str, list[object]]]:
    """The statements that read the queue's ids in display order, one after the other."""
    queue = enum_argument("queue", Queue, queue)
    sort = enum_argument("sort", SortColumn, sort)
    if not isinstance(descending, bool):
        raise ValidationError.single("descending", "validation.invalid_choice")
    moment = now or session.clock.now()
    where, params = _select(session, queue, filters, moment)
    return [(f"SELECT i.id FROM incident i {arm.join} WHERE {where}"
             f"{f' AND {arm.where}' if arm.where else ''} ORDER BY {arm.order}", params)
            for arm in _arms(SortColumn(sort), descending, lang)]


def ids_query(session: Session, queue: Queue, sort: SortColumn | str = DEFAULT_SORT,
              descending: bool = False, filters: Filters | None = None,
              lang: Language = "en", now: datetime | None = None) -> tuple[str, list[object]]:
    """The first (for every sort but the assignee, the only) statement of ``ids_queries``."""
    return ids_queries(session, queue, sort, descending, filters, lang, now)[0]


@checked
def ids(session: Session, queue: Queue, sort: SortColumn | str = DEFAULT_SORT,
        descending: bool = False, filters: Filters | None = None,
        lang: Language = "en") -> list[int]:
    """Every id in the queue, in display order (a view keeps only these)."""
    queries = ids_queries(session, queue, sort, descending, filters, lang)

    def run() -> list[int]:
        db = session.store.db
        return [row[0] for sql, params in queries for row in db.execute_sql(sql, params)]

    return session.read(run)


@checked
def count(session: Session, queue: Queue, filters: Filters | None = None) -> int:
    return count_unchecked(session, queue, filters)


def count_unchecked(session: Session, queue: Queue, filters: Filters | None = None) -> int:
    """``count`` for a caller that has checked its arguments already (a saved queue's live
    count: the checks cost more than counting a small queue)."""
    where, params = _select(session, queue, filters, session.clock.now())
    return int(session.store.execute(f"SELECT COUNT(*) FROM incident i WHERE {where}",
                                     params)[0][0])


def counts(session: Session, queues: Iterable[Queue] = tuple(Queue)) -> dict[Queue, int]:
    """How many incidents each queue holds now, read in one transaction."""
    now = session.clock.now()

    def run() -> dict[Queue, int]:
        result = {}
        for queue in queues:
            where, params = condition(session, queue, now)
            result[queue] = int(session.store.db.execute_sql(
                f"SELECT COUNT(*) FROM incident i WHERE {where}", params).fetchone()[0])
        return result

    return session.read(run)


@dataclass(frozen=True)
class Name:
    """A name kept in both languages (categories, groups, wait codes)."""

    en: str
    zh: str

    def __call__(self, lang: Language) -> str:
        return self.zh if lang == "zh" and self.zh else self.en


@dataclass(frozen=True)
class QueueRow:
    """What a queue table shows of one incident."""

    id: int
    number: str
    title: str
    priority: int
    stage: Stage
    pending: Name | None  # the wait code while pending
    type: IncidentType
    category: Name
    group: Name
    assignee: str | None
    caller: str
    caller_vip: bool
    due_at: datetime | None  # the earliest running target, breached or not
    target_minutes: int | None  # that target's length
    breached: bool  # a running target has already run out
    escalation_count: int
    unacknowledged: int  # escalations no supervisor has acknowledged yet (R08)
    updated_at: datetime
    reassignment_count: int = 0
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def seconds_left(self, now: datetime) -> float | None:
        return None if self.due_at is None else (self.due_at - now).total_seconds()


_ROW_SQL = """
SELECT i.id, i.number, i.title, i.priority, i.stage, w.name_en, w.name_zh, i.type,
       cat.name_en, cat.name_zh, g.name_en, g.name_zh, u.full_name, c.name, c.vip,
       due.due_at, due.target_minutes,
       EXISTS (SELECT 1 FROM target_clock b WHERE b.incident_id = i.id AND b.state = 'running'
               AND b.breached_at IS NOT NULL),
       i.escalation_count,
       (SELECT COUNT(*) FROM escalation e WHERE e.incident_id = i.id
                                            AND +e.acknowledged_at IS NULL),
       i.updated_at, i.reassignment_count, i.wait_code_id IS NOT NULL
FROM incident i
JOIN caller c ON c.id = i.caller_id
JOIN category cat ON cat.id = i.category_id
JOIN support_group g ON g.id = i.group_id
LEFT JOIN user u ON u.id = i.assignee_id
LEFT JOIN wait_code w ON w.id = i.wait_code_id
LEFT JOIN (SELECT t.incident_id, MIN(t.due_at) AS due_at, t.target_minutes
           FROM target_clock t
           WHERE t.state = 'running' AND t.incident_id IN ({marks})
           GROUP BY t.incident_id) due ON due.incident_id = i.id
WHERE i.id IN ({marks})
"""


@checked
def rows(session: Session, incident_ids: Sequence[int]) -> list[QueueRow]:
    """The rows for ``incident_ids``, in that order (ids that no longer exist are left out)."""
    if not incident_ids:
        return []
    return session.read(lambda: _rows(session.store.db, incident_ids))


def _rows(db: Any, incident_ids: Sequence[int]) -> list[QueueRow]:
    if not incident_ids:
        return []
    marks = ", ".join("?" * len(incident_ids))
    raw = db.execute_sql(_ROW_SQL.format(marks=marks), [*incident_ids, *incident_ids])
    by_id = {r[0]: _row(r) for r in raw}
    return [by_id[i] for i in incident_ids if i in by_id]


def _row(r: tuple) -> QueueRow:
    return QueueRow(
        id=r[0], number=r[1], title=r[2], priority=r[3], stage=Stage(r[4]),
        pending=Name(r[5] or "", r[6] or "") if r[22] else None,
        type=IncidentType(r[7]), category=Name(r[8], r[9]), group=Name(r[10], r[11]),
        assignee=r[12], caller=r[13], caller_vip=bool(r[14]),
        due_at=to_utc(r[15]), target_minutes=r[16], breached=bool(r[17]),
        escalation_count=r[18], unacknowledged=r[19], updated_at=datetime.fromtimestamp(r[20], UTC),
        reassignment_count=r[21],
    )


@checked
def page(session: Session, queue: Queue, sort_column: SortColumn | str = DEFAULT_SORT,
         descending: bool = False, filters: Filters | None = None, offset: int = 0,
         limit: int = 100, lang: Language = "en") -> list[QueueRow]:
    """One page of the queue in display order, ids and rows in one read: the first page of
    a queue is this, read at once while the whole list of ids follows (``ids``)."""
    if offset < 0 or not 0 < limit <= 10_000:
        raise ValidationError.single("limit", "validation.invalid_choice")
    queries = ids_queries(session, queue, sort_column, descending, filters, lang)

    def run() -> list[QueueRow]:
        db = session.store.db
        wanted: list[int] = []
        skip = int(offset)
        for sql, params in queries:
            room = int(limit) - len(wanted)
            if room <= 0:
                break
            found = [r[0] for r in db.execute_sql(f"{sql} LIMIT ? OFFSET ?",
                                                  [*params, room, skip])]
            wanted += found
            if found or not skip:
                skip = 0
            else:  # the offset lies beyond this statement's rows: count them off
                inner = sql.split(" ORDER BY ")[0].replace("SELECT i.id ", "SELECT COUNT(*) ", 1)
                skip = max(0, skip - int(db.execute_sql(inner, params).fetchone()[0]))
        return _rows(db, wanted)

    return session.read(run)


def plan(session: Session, sql: str, params: Sequence[object]) -> list[str]:
    """EXPLAIN QUERY PLAN of a queue query, one line per step (for tests and benchmarks)."""
    return [row[3] for row in session.store.execute(f"EXPLAIN QUERY PLAN {sql}", list(params))]


@dataclass(frozen=True)
class Reference:
    """What a queue view needs besides its rows: priority colours (R13's levels) and the
    support groups a queue can be filtered by."""

    priority_colors: dict[int, str]
    groups: list[tuple[int, Name]]


def reference(session: Session) -> Reference:
    def run() -> Reference:
        db = session.store.db
        colors = {int(v): str(c) for v, c in db.execute_sql(
            "SELECT value, color FROM priority_level").fetchall()}
        groups = [(int(i), Name(en, zh)) for i, en, zh in db.execute_sql(
            "SELECT id, name_en, name_zh FROM support_group WHERE active "
            "ORDER BY tier, code").fetchall()]
        return Reference(colors, groups)

    return session.read(run)
