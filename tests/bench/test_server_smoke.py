"""The core benchmarks still run on a server: ``python -m bench run --server URL`` on a
tiny generated file moved to the tests' PostgreSQL, one repetition of each, beside the
file's, with the comparison table. (It asserts no time: figures are for docs/scaling.md.)"""

from __future__ import annotations

from pathlib import Path

import psycopg

from bench.__main__ import main
from tests.postgres import Server


def _databases(server: Server) -> set[str]:
    with psycopg.connect(server.url) as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def test_the_core_benchmarks_run_on_a_server_beside_the_file(
        tmp_path: Path, pg_server: Server) -> None:
    before = _databases(pg_server)
    out = tmp_path / "table.md"
    assert main(["run", "--sizes", "300", "--scale", "0", "--warmup", "0", "--data",
                 str(tmp_path), "--server", pg_server.url, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    for operation in ("first page: All", "word search: 网络", "open an incident",
                      "log an incident, with the commit's fsync",
                      "escalation scan, 100 due, with fsync", "escalation scan, nothing due"):
        assert f"| server: {operation}" in text, operation  # the server's own row
        assert f"| {operation} | 300 |" in text, operation  # and in the comparison
    rows = [line for line in text.splitlines() if line.startswith("| server: ")]
    assert all(line.split("|")[5].strip() not in ("", "-") for line in rows), \
        "every server row has its baseline on the same server"
    assert not any(line.startswith("| data_version poll") for line in text.splitlines())
    assert _databases(pg_server) == before  # the moved database and its copies dropped
