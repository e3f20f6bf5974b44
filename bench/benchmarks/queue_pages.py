"""The first page (100 rows) of each standard queue, sorted by priority then the next target
time: what a person waits for after clicking a queue.

Ours: the queue table's model (``ui/queue/model.py``) is asked for the queue, and the time
runs until it holds the data of its first 100 rows (or of all, if fewer), asked for as the
table on screen asks (``bench.qt.wait_first_page``): the reads on the read pool, the
results back on the GUI thread, the rows as the model keeps them. Before each call, untimed,
the model shows another, small queue and has finished reading it (a person comes from
another queue). My work and My groups are the busiest support engineer's.

Baseline: the same 100 rows with the same columns by one hand-written statement through
plain ``sqlite3`` (``bench.queue_sql``). Target (issue 6): 20 ms and 2× the baseline.
"""

from __future__ import annotations

from datetime import datetime

from bench import open_file, plain_connection, queue_sql
from bench.benchmarks import Context, benchmark
from bench.measure import Result, measure

TITLES = {
    "my_work": "My work", "my_groups": "My groups", "unassigned": "Unassigned",
    "pending": "Pending", "breaching_soon": "Breaching soon", "escalated": "Escalated",
    "awaiting_confirmation": "Awaiting confirmation", "all": "All",
}


@benchmark("queue_pages", "first page (100 rows) of each standard queue, in the queue table",
           needs_ui=True)
def run(ctx: Context) -> list[Result]:
    return first_pages(ctx, open_file(ctx.path, read_only=True),
                       plain_connection(ctx.path, read_only=True))


def first_pages(ctx: Context, store: object, conn: object) -> list[Result]:
    """Each queue's first page through ``store`` against the statement through ``conn``
    (a file's, or a server's: ``bench.on_server``); both are closed at the end."""
    from bench.qt import application, busy_engineer, session, settle, wait_first_page
    from desk_app.services.lists import queues
    from desk_app.services.lists.queues import BREACHING_WINDOW, Queue
    from ui.context import UiContext
    from ui.operations import ChangeHub
    from ui.queue.model import ID_ROLE, QueueModel

    application()
    user = busy_engineer(store)
    me = session(store, user, ctx.manifest.now)
    now = datetime.fromisoformat(ctx.manifest.now)
    soon = int((now + BREACHING_WINDOW).timestamp())
    model = QueueModel(UiContext(me, ChangeHub(), "en"))
    results = []
    try:
        for queue in Queue:
            expected = queues.count(me, queue)
            condition = queue_sql.where(queue.value, me.user_id or -1, soon)
            other = Queue.UNASSIGNED if queue != Queue.UNASSIGNED else Queue.BREACHING_SOON

            def away(which: str, other: Queue = other) -> None:
                if which == "ours":  # the person comes from another queue, fully read
                    model.set_queue(other)
                    wait_first_page(model, queues.count(me, other))
                    settle(model)

            def ours(queue: Queue = queue, expected: int = expected) -> None:
                model.set_queue(queue)
                wait_first_page(model, expected)

            away("ours")
            ours()
            shown = [model.data(model.index(r, 0), ID_ROLE)
                     for r in range(min(queue_sql.PAGE, expected))]
            by_hand = queue_sql.first_page(conn, condition)  # type: ignore[arg-type]
            assert shown == [r[0] for r in by_hand], (queue, shown[:5], by_hand[:5])
            mine, baseline = measure(
                ours, lambda c=condition: queue_sql.first_page(conn, c),  # type: ignore[arg-type]
                repeat=ctx.repetitions(30), warmup=ctx.warmup, setup=away)
            results.append(Result(
                f"first page: {TITLES[queue.value]} ({expected:,} incidents)", ctx.size,
                mine, baseline, "≤ 20 ms, ≤ 2× baseline", limit_ms=20.0, limit_ratio=2.0))
            settle(model)
    finally:
        settle(model)
        model.deleteLater()
        conn.close()  # type: ignore[attr-defined]
        store.close()  # type: ignore[attr-defined]
    return results
