"""Moving a team from its shared file to a server (``desk-app move FILE URL``).

In order: the file is opened (and upgraded, checked) and put in maintenance, so no
workstation writes to it while it is copied; everything is copied in one server
transaction; each table's row count and checksum are compared, file against server, and the
server's copy of the hash chain is checked with the same SQL a file's is; only then is the
copy committed and the file marked with where its data now lives (the ``storage.moved_to``
setting). A workstation that opens the marked file is told where to go
(``DatabaseMoved``), and one that still has it open cannot write to it any more
(``storage.moved``): nothing can be written to the old copy and lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg

from desk_app.errors import DatabaseMoved, MoveRefused
from desk_app.storage import migrations
from desk_app.storage.chain import register_sqlite
from desk_app.storage.database import Store
from desk_app.storage.file_opening import open_file
from desk_app.storage.moved import MOVED_TO, moved_to
from desk_app.storage.postgres.copy import TableFigures, copy_file, file_figures, server_figures
from desk_app.storage.postgres.url import ServerAddress
from desk_app.storage.presence import Visitor, begin_maintenance, end_maintenance


@dataclass(frozen=True)
class MoveReport:
    target: str
    figures: dict[str, TableFigures]

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.figures.values())


def move(path: str | Path, url: str, *, visitor: Visitor | None = None,
         progress: Callable[[str, int], None] | None = None) -> MoveReport:
    address = ServerAddress.parse(url)
    store = open_file(path, daily_backup=False)
    try:
        target = moved_to(store)
        if target is not None:
            raise DatabaseMoved(target)
        begin_maintenance(store, "move", visitor)
        try:
            report = _copy(store, address, progress)
            store.write(lambda: store.execute(
                "INSERT INTO setting (key, version, value) VALUES (?, 1, ?)",
                (MOVED_TO, address.url())), guarded=False)
        finally:
            end_maintenance(store)
    finally:
        store.close()
    return report


def _copy(store: Store, address: ServerAddress,
          progress: Callable[[str, int], None] | None) -> MoveReport:
    from desk_app.services.security.tamper import chain_findings

    source = store.raw_connection(read_only=True)
    register_sqlite(source)
    try:
        source.execute("BEGIN")  # one snapshot of the file for the copy and its figures
        with psycopg.connect(**address.connect_kwargs(), dbname=address.database) as server:
            found = server.execute("SELECT to_regclass('schema_version') IS NOT NULL")
            if found.fetchone()[0]:  # type: ignore[index]
                raise MoveRefused("not_empty", address.url())
            plan = copy_file(source, server, migrations.LATEST, progress)
            here, there = file_figures(source, plan), server_figures(server, plan)
            different = sorted(t for t in here if here[t] != there.get(t))
            if different:
                server.rollback()
                raise MoveRefused("figures", address.url(), ", ".join(different))
            problems = [f"{key} {params}" for key, params in
                        chain_findings(lambda sql: _run(server, sql, ()), {})]
            if problems:
                server.rollback()
                raise MoveRefused("tampered", address.url(), "; ".join(problems[:3]))
            # the file's maintenance (this move) and its workstations are not the server's
            server.execute('UPDATE "maintenance" SET "active" = false, "reason" = NULL, '
                           '"token" = NULL, "started_at" = NULL')
            server.execute('DELETE FROM "presence"')
            server.commit()
    finally:
        source.close()
    return MoveReport(address.url(), here)


def _run(server: psycopg.Connection, sql: str, params: tuple | list) -> list[tuple]:
    from desk_app.storage.postgres.dialect import translate

    cursor = server.execute(translate(sql), list(params))  # type: ignore[arg-type]
    return list(cursor.fetchall()) if cursor.description else []
