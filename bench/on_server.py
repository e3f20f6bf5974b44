"""The core benchmarks on a PostgreSQL server, beside the file's, in the same run.

    python -m bench run --sizes 10000 --server            (a server of its own)
    python -m bench run --sizes 10000 --server postgresql://user@host:5432/postgres

The generated file of each size is copied and moved to a new database on the server by
``desk-app move``'s own function (``storage.postgres.move``: the copy, then row counts and a
checksum per table compared), so the server holds the very data the file's figures were
measured on. Then the same operations are timed as on the file — the first page of each
standard queue in the queue table's model, word search, opening an incident with about 200
journal entries, logging an incident, the escalation scan with 100 incidents due and with
none — each against the file's hand-written baseline statements run on the same server
through plain psycopg (``bench.server_sql``).

A server of its own is started as the tests start theirs (Debian's ``postgresql``, ``initdb``
into a temporary folder, a free port; ``tests/postgres.py``), but durable as a team's server
is: ``fsync``, ``synchronous_commit`` and ``full_page_writes`` on, so a write's figure
includes its commit's flush, as the file's "with fsync" rows do. A named server is used as
it is configured; the databases made on it are dropped at the end.

Writes: ours and the baseline each write to a database of their own (two copies of the
moved one, ``CREATE DATABASE … TEMPLATE``): the baseline's hand-written insert takes the
next incident number itself, which the server's sequence would then hand out again.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from bench.generate import Manifest
from bench.measure import Result, measure
from bench.server_sql import ServerConnection
from desk_app.clock import FakeClock
from desk_app.storage.database import Store
from desk_app.storage.opening import open_store

#: The benchmarks run on a server (the issue's "core benchmarks").
CORE = ("queue_pages", "word_search", "open_incident", "log_incident", "escalation_scan")

#: A server of our own kept as durable as a team's (the tests' own turn these off).
DURABLE = {"fsync": "on", "synchronous_commit": "on", "full_page_writes": "on",
           "shared_buffers": "256MB"}

PREFIX = "server: "


@dataclass
class ServerContext:
    """One size's moved database on the server, and how to get private copies of it."""

    size: int
    url: str
    manifest: Manifest
    server: object  # tests.postgres.Server
    scale: float = 1.0
    warmup: int = 3

    def repetitions(self, wanted: int) -> int:
        return max(1, round(wanted * self.scale))

    def open(self) -> Store:
        return open_store(self.url)

    def connect(self) -> ServerConnection:
        return ServerConnection(self.url)

    @contextmanager
    def copy(self) -> Iterator[str]:
        """A private copy of the moved database (for a benchmark that writes)."""
        name = urlsplit(self.url).path.lstrip("/")
        url = self.server.create_database(template=name)  # type: ignore[attr-defined]
        try:
            yield url
        finally:
            self.server.drop_database(url)  # type: ignore[attr-defined]


@contextmanager
def server_for(url: str | None) -> Iterator[object]:
    """The named server (``url``: its maintenance database, as a user who may make
    databases), or a durable one of our own, stopped at the end."""
    from tests import postgres

    if url:
        yield postgres.Server(url)
        return
    server = postgres.start(settings=DURABLE)
    try:
        yield server
    finally:
        server.stop()


def moved(server: object, path: Path, workdir: Path,
          progress: Callable[[str], None] | None = None) -> str:
    """A new database on ``server`` holding the generated file ``path`` (a copy of it is
    moved, so the generated file is never marked as moved); its URL."""
    import shutil

    from desk_app.storage.postgres.move import move

    copy = workdir / f"moving-{path.name}"
    shutil.copyfile(path, copy)
    try:
        url = server.create_database()  # type: ignore[attr-defined]
        report = move(copy, url)
        if progress is not None:
            progress(f"moved {path.name} to the server: {report.rows:,} rows checked")
        return url
    finally:
        copy.unlink(missing_ok=True)


def run(sizes: list[int], server_url: str | None, *, data: Path, seed: int = 1,
        span_days: int | None = None, only: set[str] | None = None, scale: float = 1.0,
        warmup: int = 3, progress: Callable[[str], None] | None = print) -> list[Result]:
    from bench.suite import dataset

    chosen = [name for name in CORE if only is None or name in only]
    results: list[Result] = []
    with server_for(server_url) as server, tempfile.TemporaryDirectory(
            prefix="desk-bench-server-") as work:
        for size in sizes:
            path, manifest = dataset(size, data, seed, span_days, progress)
            url = moved(server, path, Path(work), progress)
            ctx = ServerContext(size, url, manifest, server, scale, warmup)
            try:
                for name in chosen:
                    if progress is not None:
                        progress(f"{PREFIX}{name} at {size} ...")
                    for result in RUNNERS[name](ctx):
                        result.operation = PREFIX + result.operation
                        results.append(result)
            finally:
                server.drop_database(url)  # type: ignore[attr-defined]
    return results


def queue_pages(ctx: ServerContext) -> list[Result]:
    """As ``benchmarks.queue_pages``, on the server."""
    from bench.benchmarks.queue_pages import first_pages

    return first_pages(ctx, ctx.open(), ctx.connect())  # type: ignore[arg-type]


def word_search(ctx: ServerContext) -> list[Result]:
    """As ``benchmarks.word_search``, on the server (the words an asset tag aside)."""
    from bench.benchmarks.word_search import WORDS, by_hand
    from desk_app.services.lists import search
    from desk_app.services.session import system_session

    store = ctx.open()
    session = system_session(store, FakeClock(ctx.manifest.now))
    conn = ctx.connect()
    results = []
    try:
        for text, expression in WORDS:
            hits = [h.id for h in search.search(session, text)]
            texts = [r[0] for r in by_hand(conn, expression)]  # type: ignore[arg-type]
            assert set(texts) <= set(hits) or hits[:len(texts)] == texts, (text, hits, texts)
            # as many repetitions as the file's: the server reads its word index through
            # the index's own indexes (schema 34), not every row
            ours, baseline = measure(lambda t=text: search.search(session, t),
                                     lambda e=expression: by_hand(conn, e),  # type: ignore[arg-type]
                                     repeat=ctx.repetitions(60), warmup=ctx.warmup)
            results.append(Result(f"word search: {text} ({len(texts)} shown)", ctx.size,
                                  ours, baseline, "≤ 30 ms", limit_ms=30.0))
    finally:
        conn.close()
        store.close()
    return results


def open_incident(ctx: ServerContext) -> list[Result]:
    """As ``benchmarks.open_incident``, on the server."""
    from bench.benchmarks.open_incident import opening

    return opening(ctx, ctx.open(), ctx.connect())  # type: ignore[arg-type]


def log_incident(ctx: ServerContext) -> list[Result]:
    """As ``benchmarks.log_incident`` (its "with the commit's fsync" row), on the server."""
    from bench.benchmarks.log_incident import logging_against_by_hand

    with ctx.copy() as ours_url, ctx.copy() as theirs_url:
        store = open_store(ours_url)
        # the incident's knowledge flag, a 0 in the file's statement, is a boolean here
        conn = ServerConnection(theirs_url, literals={"'', 0, '', ?": "'', FALSE, '', ?"})
        try:
            mine, theirs = logging_against_by_hand(ctx, store, conn)  # type: ignore[arg-type]
        finally:
            conn.close()
            store.close()
    return [Result("log an incident, with the commit's fsync", ctx.size, mine, theirs,
                   "≤ 10 ms", limit_ms=10.0)]


def escalation_scan(ctx: ServerContext) -> list[Result]:
    """As ``benchmarks.escalation_scan``, on the server: 100 due, and nothing due."""
    from bench.benchmarks.escalation_scan import DUE, scan_by_hand
    from desk_app.services.alerts.escalation import scan
    from desk_app.services.incident.log import NewIncident
    from desk_app.services.incident.log import log_incident as log
    from desk_app.services.session import session_for

    results = []
    with ctx.copy() as ours_url, ctx.copy() as theirs_url:
        stores = {"ours": open_store(ours_url), "baseline": open_store(theirs_url)}
        conn = ServerConnection(theirs_url)
        now = datetime.fromisoformat(ctx.manifest.now).astimezone(UTC)
        clock = FakeClock(now)
        minutes = conn.execute("SELECT minutes FROM service_target WHERE priority = 1"
                               " AND stage = 'assign'").fetchone()[0]
        caller_id, category_id = conn.execute(
            "SELECT (SELECT min(id) FROM caller WHERE active),"
            " (SELECT min(id) FROM category WHERE active)").fetchone()
        desks = {which: session_for(store, ctx.manifest.desk_user,
                                    FakeClock(now - timedelta(minutes=minutes + 5)))
                 for which, store in stores.items()}
        counted: list[int] = []

        def make_due(which: str) -> None:
            for n in range(DUE):
                log(desks[which], NewIncident(
                    caller_id, "system_fault", category_id, 1, f"核心交换机故障 #{n}",
                    "整栋楼网络中断 / the whole building is offline", urgency=1))

        def ours() -> None:
            counted.append(len(scan(stores["ours"], clock).incidents))

        def by_hand() -> None:
            counted.append(scan_by_hand(conn, int(now.timestamp())))  # type: ignore[arg-type]

        try:
            mine, theirs = measure(ours, by_hand, repeat=ctx.repetitions(20),
                                   warmup=min(ctx.warmup, 2), setup=make_due)
            assert set(counted) == {DUE}, f"scans escalated {set(counted)}, not {DUE}"
            results.append(Result(f"escalation scan, {DUE} due, with fsync",
                                  ctx.size, mine, theirs, "≤ 10 ms, ≤ 2× baseline",
                                  limit_ms=10.0, limit_ratio=2.0))
            counted.clear()
            mine, theirs = measure(ours, by_hand, repeat=ctx.repetitions(200),
                                   warmup=ctx.warmup)
            assert set(counted) == {0}
            results.append(Result("escalation scan, nothing due", ctx.size, mine, theirs,
                                  "report"))
        finally:
            conn.close()
            for store in stores.values():
                store.close()
    return results


RUNNERS: dict[str, Callable[[ServerContext], list[Result]]] = {
    "queue_pages": queue_pages, "word_search": word_search, "open_incident": open_incident,
    "log_incident": log_incident, "escalation_scan": escalation_scan,
}



def _key(operation: str) -> str:
    """The operation without its counts, so that a file's row and a server's pair up."""
    return operation.removeprefix(PREFIX).split(" (")[0]


def compare(file_results: list[Result], server_results: list[Result]) -> str:
    """Medians of the same operation on the file and on the server, side by side."""
    from bench.suite import _value

    on_file = {(_key(r.operation), r.size): r for r in file_results}
    lines = ["| operation | size | file ours ms | server ours ms | server/file |"
             " file baseline ms | server baseline ms | server ours/baseline |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in server_results:
        f = on_file.get((_key(r.operation), r.size))
        ours_f = f.ours.median_ms if f else None
        base_f = f.baseline.median_ms if f and f.baseline else None
        base_s = r.baseline.median_ms if r.baseline else None
        lines.append(
            f"| {_key(r.operation)} | {r.size:,} |"
            f" {_value(ours_f, 'ms') if ours_f is not None else '-'} |"
            f" {_value(r.ours.median_ms, 'ms')} |"
            f" {f'{r.ours.median_ms / ours_f:.2f}' if ours_f else '-'} |"
            f" {_value(base_f, 'ms') if base_f is not None else '-'} |"
            f" {_value(base_s, 'ms') if base_s is not None else '-'} |"
            f" {f'{r.ratio:.2f}' if r.ratio is not None else '-'} |")
    return "\n".join(lines)
