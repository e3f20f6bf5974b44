"""A report as data: tables of labelled rows whose cells may carry the drill-down behind
them. The screen, the exports and the e-mail all show the same ``Report``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .query import Drill, ReportFilter


@dataclass(frozen=True)
class Cell:
    value: float | int | None
    drill: Drill | None = None


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]
    key: Any = None  # the dimension's value (an id, a priority, a date)


@dataclass(frozen=True)
class Table:
    """One section. ``chart``: bar, line, pie or none; ``chart_columns``: which columns
    the chart draws (all when empty)."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    chart: str = "bar"
    chart_columns: tuple[int, ...] = ()
    note: str = ""

    def values(self) -> list[list[float | int | None]]:
        return [[c.value for c in r.cells] for r in self.rows]


@dataclass
class Report:
    filter: ReportFilter
    language: str
    title: str
    subtitle: str
    timezone: str
    summary: dict[str, Any]
    tables: list[Table] = field(default_factory=list)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)
