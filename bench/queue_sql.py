"""The baselines of the queue benchmarks: a queue's first page, with everything its table
shows, by hand-written SQL through plain ``sqlite3``: the page's ids by one statement that
walks the order's index and stops after a page (two for the sort by assignee, whose
unassigned incidents come last), then their rows by one statement, turned into tuples with
their times as datetimes. (One statement joining everything and sorting took 150-200 ms for
most orders of All at 100,000 incidents: SQLite joined before it limited.)

It is written as someone who knows the schema would write it (the order indexes of schema 6,
a name sort joined to the table of names), so that the ratio to ours is what our layers
cost: the service, the model, the read pool and the signals back to the GUI thread.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

PAGE = 100
OPEN = "i.stage IN ('logged', 'assigned', 'in_progress')"
DONE = "(i.stage IN ('resolved', 'closed'))"
TIES = f"{DONE}, i.priority, (i.next_deadline IS NULL), i.next_deadline, i.id"
STAGE = ("(CASE i.stage WHEN 'logged' THEN 0 WHEN 'assigned' THEN 1 WHEN 'in_progress' "
         "THEN 2 WHEN 'resolved' THEN 3 WHEN 'closed' THEN 4 END)")
TYPE = ("(CASE i.type WHEN 'business_problem' THEN 0 WHEN 'system_fault' THEN 1 "
        "WHEN 'information_inquiry' THEN 2 WHEN 'user_complaint' THEN 3 END)")

IDS = """
SELECT i.id FROM incident i {join}
WHERE ({where}) AND ({extra})
ORDER BY {order}
LIMIT ?
"""

ROWS = """
SELECT i.id, i.number, i.title, i.priority, i.stage, w.name_en, w.name_zh, i.type,
       cat.name_en, cat.name_zh, g.name_en, g.name_zh, u.full_name, c.name, c.vip,
       (SELECT min(t.due_at) FROM target_clock t
        WHERE t.incident_id = i.id AND t.state = 'running'),
       (SELECT t.target_minutes FROM target_clock t
        WHERE t.incident_id = i.id AND t.state = 'running' ORDER BY t.due_at LIMIT 1),
       EXISTS (SELECT 1 FROM target_clock b WHERE b.incident_id = i.id
               AND b.state = 'running' AND b.breached_at IS NOT NULL),
       i.escalation_count,
       (SELECT count(*) FROM escalation e WHERE e.incident_id = i.id
                                            AND +e.acknowledged_at IS NULL),
       i.updated_at, i.reassignment_count
FROM incident i
JOIN caller c ON c.id = i.caller_id
JOIN category cat ON cat.id = i.category_id
JOIN support_group g ON g.id = i.group_id
LEFT JOIN user u ON u.id = i.assignee_id
LEFT JOIN wait_code w ON w.id = i.wait_code_id
WHERE i.id IN ({marks})
"""


def where(queue: str, me: int, soon: int) -> tuple[str, list[object]]:
    """Each standard queue's condition, written by hand."""
    return {
        "my_work": (f"i.assignee_id = ? AND {OPEN}", [me]),
        "my_groups": ("i.group_id IN (SELECT group_id FROM group_member WHERE user_id = ?) "
                      f"AND {OPEN}", [me]),
        "unassigned": ("i.stage = 'logged'", []),
        "pending": ("i.wait_code_id IS NOT NULL", []),
        "breaching_soon": ("i.next_deadline <= ?", [soon]),
        "escalated": ("i.id IN (SELECT incident_id FROM escalation "
                      "WHERE acknowledged_at IS NULL)", []),
        "awaiting_confirmation": ("i.stage = 'resolved' AND i.confirmed_at IS NULL", []),
        "all": ("1", []),
    }[queue]


def orders(column: str, descending: bool, lang: str = "en") -> list[tuple[str, str, str]]:
    """(ORDER BY, the join of a name sort, extra WHERE) per statement of a sort."""
    way = "DESC" if descending else "ASC"
    name = "name_zh" if lang == "zh" else "name_en"
    if column == "number":
        return [(f"i.id {way}", "", "1")]
    if column == "priority":
        return [(f"{DONE}, i.priority {way}, (i.next_deadline IS NULL), i.next_deadline, i.id",
                 "", "1")]
    names = {
        "category": ("category", "category_id", name),
        "group": ("support_group", "group_id", name),
        "caller": ("caller", "caller_id", "name"),
        "assignee": ("user", "assignee_id", "full_name"),
    }
    if column in names:
        table, key, label = names[column]
        joined = (f"k.{label} {way}, k.id {way}, {TIES}",
                  f'JOIN "{table}" k ON k.id = i.{key}', "1")
        if column == "assignee":  # nobody assigned: last, in either direction
            return [joined, (TIES, "", "i.assignee_id IS NULL")]
        return [joined]
    first = {
        "stage": f"{STAGE} {way}",
        "type": f"{TYPE} {way}",
        "time_left": f"i.next_deadline {way} NULLS LAST",
        "escalated": f"i.escalation_count {way}",
        "updated": f"i.updated_at {way}",
        "title": f"i.title {way}",
    }[column]
    return [(f"{first}, {TIES}", "", "1")]


def _moment(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def first_page(conn: sqlite3.Connection, condition: tuple[str, list[object]],
               column: str = "priority", descending: bool = False, lang: str = "en",
               narrowing: tuple[str, list[object]] = ("1", [])) -> list[tuple]:
    """The first ``PAGE`` rows of a queue in one read transaction: the page's ids in order
    (walking the order's index and stopping after a page), then their rows."""
    ids: list[int] = []
    conn.execute("BEGIN")
    try:
        for order, join, extra in orders(column, descending, lang):
            sql = IDS.format(join=join, order=order, where=condition[0],
                             extra=f"({narrowing[0]}) AND {extra}")
            ids += [r[0] for r in conn.execute(
                sql, [*condition[1], *narrowing[1], PAGE - len(ids)])]
            if len(ids) >= PAGE:
                break
        found = {r[0]: (*r[:15], _moment(r[15]), *r[16:20], _moment(r[20]), r[21])
                 for r in conn.execute(ROWS.format(marks=", ".join("?" * len(ids))), ids)}
    finally:
        conn.execute("COMMIT")
    return [found[i] for i in ids]
