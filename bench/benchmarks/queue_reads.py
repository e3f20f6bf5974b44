"""The same first pages as ``queue_pages`` and ``queue_sort_filter``, read by the core's
service (``queues.page``) on the calling thread, without Qt: what the service and peewee
cost over hand-written SQL, apart from the queue table's model (its read pool, the
signals back to the GUI thread, the model reset), which the two UI benchmarks include.

Baseline: the same rows by ``bench.queue_sql``. Target: the ratio of issue 6 (2×) applied
to the data operation itself, with the UI targets' absolute times.
"""

from __future__ import annotations

from datetime import datetime

from bench import open_file, plain_connection, queue_sql
from bench.benchmarks import Context, benchmark
from bench.measure import Result, measure


@benchmark("queue_reads", "first page of each queue, sort and filter, by the core's service "
           "(no Qt)")
def run(ctx: Context) -> list[Result]:
    from bench.qt import busy_engineer, session
    from desk_app.services.lists import queues
    from desk_app.services.lists.queues import BREACHING_WINDOW, Filters, Queue, SortColumn

    store = open_file(ctx.path, read_only=True)
    me = session(store, busy_engineer(store), ctx.manifest.now)
    conn = plain_connection(ctx.path, read_only=True)
    soon = int((datetime.fromisoformat(ctx.manifest.now) + BREACHING_WINDOW).timestamp())
    everything = queue_sql.where("all", -1, 0)
    results: list[Result] = []

    def add(label: str, ours: object, by_hand: object, limit_ms: float) -> None:
        mine = [r.id for r in ours()]  # type: ignore[operator]
        assert mine == [r[0] for r in by_hand()], label  # type: ignore[operator]
        timed, baseline = measure(ours, by_hand, repeat=ctx.repetitions(30),  # type: ignore[arg-type]
                                  warmup=ctx.warmup)
        results.append(Result(label, ctx.size, timed, baseline,
                              f"≤ {limit_ms:.0f} ms, ≤ 2× baseline", limit_ms=limit_ms,
                              limit_ratio=2.0))

    try:
        for queue in Queue:
            condition = queue_sql.where(queue.value, me.user_id or -1, soon)
            add(f"service: first page of {queue.value}",
                lambda q=queue: queues.page(me, q),
                lambda c=condition: queue_sql.first_page(conn, c), 20.0)
        for sort in SortColumn:
            for descending in (False, True):
                way = "descending" if descending else "ascending"
                add(f"service: All by {sort.value}, {way}",
                    lambda s=sort, d=descending: queues.page(me, Queue.ALL, s, d),
                    lambda s=sort, d=descending: queue_sql.first_page(
                        conn, everything, s.value, d), 30.0)
        group = store.execute("SELECT group_id FROM incident GROUP BY group_id"
                              " ORDER BY count(*) DESC, group_id LIMIT 1")[0][0]
        for label, filters, narrowing in [
            ("group (largest)", Filters(group_id=group), ("i.group_id = ?", [group])),
            ("stage Closed", Filters(stage="closed"), ("+i.stage = 'closed'", [])),
            ("stage In progress", Filters(stage="in_progress"),
             ("i.stage = 'in_progress'", [])),
            ("priority 1", Filters(priority=1), ("i.priority = 1", [])),
            ("priority 3", Filters(priority=3), ("i.priority = 3", [])),
        ]:
            add(f"service: All filtered by {label}",
                lambda f=filters: queues.page(me, Queue.ALL, filters=f),
                lambda n=narrowing: queue_sql.first_page(conn, everything, narrowing=n),
                30.0)
    finally:
        conn.close()
        store.close()
    return results
