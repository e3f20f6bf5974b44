"""The benchmark suite still runs end to end: a tiny database, one repetition of each
benchmark, the table. (It asserts no time: figures are for docs/performance.md.)"""

from __future__ import annotations

from pathlib import Path

from bench import suite
from bench.benchmarks import discover


def test_every_benchmark_runs_on_a_tiny_database(tmp_path: Path) -> None:
    results = suite.run([300], data=tmp_path, scale=0.0, warmup=0, progress=None)
    ran = {r.operation.split(",")[0].split(" (")[0] for r in results}
    assert {"data_version poll", "escalation scan", "log an incident", "open an incident"} <= ran
    for result in results:
        assert result.size == 300 and result.ours.n >= 1
        assert result.ours.median_ms > 0
        assert result.baseline is None or result.baseline.median_ms > 0
    assert len(discover()) >= 4
    text = suite.report(results)
    assert "| escalation scan, 100 due, without fsync | 300 |" in text
    assert "logical CPUs" in text
    assert list(tmp_path.glob("desk-300-*.sqlite")), "the database is kept for the next run"


def test_the_command_can_time_by_processor_time(tmp_path: Path) -> None:
    """On a busy machine ``--clock cpu`` times the code's own work; the report says which
    clock its figures are from."""
    from bench.__main__ import main
    from bench.measure import use_clock

    out = tmp_path / "table.md"
    try:
        assert main(["run", "--sizes", "300", "--only", "open_incident", "--scale", "0",
                     "--warmup", "0", "--data", str(tmp_path), "--clock", "cpu",
                     "--out", str(out)]) == 0
    finally:
        use_clock("wall")
    text = out.read_text(encoding="utf-8")
    assert "- clock: processor time" in text
    assert "| open an incident (" in text
