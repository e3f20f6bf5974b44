"""The columns a queue table can show, each with its stable key (saved in the layout), its
header text (translated in the "QueueColumn" context) and the SQL sort it stands for."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desk_app.services.lists.queues import SortColumn


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English source text; shown through ``header``
    sort: SortColumn
    width: int
    visible: bool = True

    def header(self) -> str:
        return QCoreApplication.translate("QueueColumn", self.title)


COLUMNS: list[Column] = [
    Column("number", QT_TRANSLATE_NOOP("QueueColumn", "Number"), SortColumn.NUMBER, 95),
    Column("priority", QT_TRANSLATE_NOOP("QueueColumn", "Priority"), SortColumn.PRIORITY, 120),
    Column("stage", QT_TRANSLATE_NOOP("QueueColumn", "Stage"), SortColumn.STAGE, 150),
    Column("title", QT_TRANSLATE_NOOP("QueueColumn", "Title"), SortColumn.TITLE, 240),
    Column("type", QT_TRANSLATE_NOOP("QueueColumn", "Type"), SortColumn.TYPE, 110, False),
    Column("category", QT_TRANSLATE_NOOP("QueueColumn", "Category"), SortColumn.CATEGORY, 110,
           False),
    Column("group", QT_TRANSLATE_NOOP("QueueColumn", "Support group"), SortColumn.GROUP, 110),
    Column("assignee", QT_TRANSLATE_NOOP("QueueColumn", "Assignee"), SortColumn.ASSIGNEE, 110),
    Column("caller", QT_TRANSLATE_NOOP("QueueColumn", "Caller"), SortColumn.CALLER, 140),
    Column("time_left", QT_TRANSLATE_NOOP("QueueColumn", "Time left"), SortColumn.TIME_LEFT,
           130),
    Column("escalated", QT_TRANSLATE_NOOP("QueueColumn", "Escalated"), SortColumn.ESCALATED,
           70),
    Column("updated", QT_TRANSLATE_NOOP("QueueColumn", "Last update"), SortColumn.UPDATED,
           125),
]

INDEX: dict[str, int] = {c.key: i for i, c in enumerate(COLUMNS)}
