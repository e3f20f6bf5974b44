"""Saved queues (issue 15): the live count in the sidebar and the first page of the queue,
for conditions a desk saves (open work of a group, VIP callers, pending on a vendor,
unacknowledged escalations of priority 1–2, a word, the last week's incidents, a category's
new work, one caller's history, everything at once).

Ours: ``saved_queues.count_of`` and ``queues.page`` with the conditions (the reads the
sidebar and the queue table make). Baseline: the same conditions written by hand as SQL,
in the same form as the service writes them (so that the ratio is the service's cost, and
the absolute figure the plan's), through plain ``sqlite3`` (``bench.queue_sql.first_page``
for the page, a ``COUNT(*)`` for the count), measured in the same run call by call.
Targets (docs/performance.md, queues): the first page ≤ 20 ms and ≤ 2× baseline; the
count, like a filter, ≤ 30 ms and ≤ 2×.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bench import open_file, plain_connection, queue_sql
from bench.benchmarks import Context, benchmark
from bench.measure import Result, measure


@benchmark("saved_queues", "saved queues: live count and first page, by the core's service")
def run(ctx: Context) -> list[Result]:
    from bench.qt import busy_engineer, session
    from desk_app.services.bulk.saved_queues import Conditions, count_of
    from desk_app.services.lists import queues
    from desk_app.services.lists.queues import Filters, Queue
    from desk_app.storage.segment import match_query

    store = open_file(ctx.path, read_only=True)
    me = session(store, busy_engineer(store), ctx.manifest.now)
    conn = plain_connection(ctx.path, read_only=True)
    now = datetime.fromisoformat(ctx.manifest.now)
    week = int((now - timedelta(days=7)).timestamp())
    everything = queue_sql.where("all", -1, 0)

    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    group = one("SELECT group_id FROM incident GROUP BY group_id ORDER BY count(*) DESC,"
                " group_id LIMIT 1")
    category = one("SELECT category_id FROM incident GROUP BY category_id"
                   " ORDER BY count(*) DESC, category_id LIMIT 1")
    vendor = one("SELECT id FROM wait_code WHERE code = 'awaiting_vendor'")
    caller = one("SELECT caller_id FROM incident GROUP BY caller_id ORDER BY count(*) DESC,"
                 " caller_id LIMIT 1")
    words = match_query("网络") or ""
    open_ = "(i.stage IN ('resolved', 'closed')) = 0"
    cases: list[tuple[str, Conditions, str, list[object]]] = [
        ("open work of the largest group", Conditions(open_only=True, group_ids=(group,)),
         f"{open_} AND i.group_id = ?", [group]),
        ("VIP callers, open", Conditions(open_only=True, vip=True),
         f"{open_} AND i.caller_id IN (SELECT id FROM caller WHERE vip = 1)", []),
        ("pending on a vendor", Conditions(wait_code_ids=(vendor,)),
         "i.wait_code_id = ?", [vendor]),
        ("unacknowledged escalations, priority 1-2",
         Conditions(escalated="unacknowledged", priorities=(1, 2)),
         "i.priority IN (1, 2) AND i.id IN (SELECT incident_id FROM escalation"
         " INDEXED BY escalation_unacknowledged WHERE acknowledged_at IS NULL)", []),
        ("word 网络, open", Conditions(open_only=True, words="网络"),
         f"{open_} AND i.id IN (SELECT rowid FROM incident_open_search WHERE"
         " incident_open_search MATCH ?)", [words]),
        ("logged in the last 7 days", Conditions(last_days=7),
         "i.created_at >= ?", [week]),
        ("new work of the largest category",
         Conditions(stages=("logged", "assigned"), category_ids=(category,)),
         f"i.stage IN ('logged', 'assigned') AND {open_} AND i.category_id = ?", [category]),
        ("one caller's history", Conditions(caller_ids=(caller,)),
         "i.caller_id = ?", [caller]),
        ("my open work, escalated ever, not pending",
         Conditions(open_only=True, assignee="me", escalated="ever", pending=False),
         f"{open_} AND i.assignee_id = ? AND i.escalation_count > 0"
         " AND i.wait_code_id IS NULL", [me.user_id]),
    ]
    results: list[Result] = []
    try:
        for label, conditions, sql, params in cases:
            filters = Filters(conditions=conditions)
            # ours and the hand-written SQL find the same incidents ("the last 7 days"
            # counts back from the file's now, as the session's clock does)
            count = int(conn.execute(f"SELECT COUNT(*) FROM incident i WHERE {sql}",
                                     params).fetchone()[0])
            assert count_of(me, conditions) == count, label
            page = [r.id for r in queues.page(me, Queue.ALL, filters=filters)]
            by_hand = [r[0] for r in queue_sql.first_page(conn, everything,
                                                          narrowing=(sql, params))]
            assert page == by_hand, label

            def ours_count(c: Conditions = conditions) -> int:
                return count_of(me, c)

            def hand_count(s: str = sql, p: list[object] = params) -> int:
                return int(conn.execute(f"SELECT COUNT(*) FROM incident i WHERE {s}",
                                        p).fetchone()[0])

            timed, baseline = measure(ours_count, hand_count, repeat=ctx.repetitions(30),
                                      warmup=ctx.warmup)
            results.append(Result(f"saved queue count: {label} ({count:,})", ctx.size,
                                  timed, baseline, "≤ 30 ms, ≤ 2× baseline", limit_ms=30.0,
                                  limit_ratio=2.0))

            def ours_page(f: Filters = filters) -> object:
                return queues.page(me, Queue.ALL, filters=f)

            def hand_page(s: str = sql, p: list[object] = params) -> object:
                return queue_sql.first_page(conn, everything, narrowing=(s, p))

            timed, baseline = measure(ours_page, hand_page, repeat=ctx.repetitions(30),
                                      warmup=ctx.warmup)
            results.append(Result(f"saved queue first page: {label}", ctx.size, timed,
                                  baseline, "≤ 20 ms, ≤ 2× baseline", limit_ms=20.0,
                                  limit_ratio=2.0))
    finally:
        conn.close()
        store.close()
    return results
