"""The reference data a new database starts with; the process owner edits all of it (R04)."""

from __future__ import annotations

from desk_app.domain.enums import (
    Impact,
    NotificationChannel,
    Priority,
    RecipientKind,
    TargetStage,
    Urgency,
)
from desk_app.domain.priority import DEFAULT_MATRIX
from desk_app.i18n import label
from desk_app.storage.database import Store
from desk_app.storage.models import (
    CalendarHours,
    CloseCode,
    EscalationRule,
    ImpactLevel,
    PriorityCell,
    PriorityLevel,
    ServiceTarget,
    Setting,
    UrgencyLevel,
    WaitCode,
    WorkingCalendar,
)

#: System codes the core itself writes (R18, R23); people cannot choose them.
WAIT_CHANGE = "awaiting_change"
CLOSE_AUTO = "auto_closed"

PRIORITY_COLORS = {1: "#c62828", 2: "#ef6c00", 3: "#f9a825", 4: "#2e7d32"}

#: (priority, stage) -> (minutes, calendar code). Priorities 1 and 2 count round the clock,
#: 3 and 4 in office hours (one office day is 7.5 hours).
DEFAULT_TARGETS: dict[tuple[int, TargetStage], tuple[int, str]] = {
    (1, TargetStage.ASSIGN): (15, "24x7"),
    (1, TargetStage.ACCEPT): (30, "24x7"),
    (1, TargetStage.RESOLVE): (4 * 60, "24x7"),
    (2, TargetStage.ASSIGN): (30, "24x7"),
    (2, TargetStage.ACCEPT): (2 * 60, "24x7"),
    (2, TargetStage.RESOLVE): (8 * 60, "24x7"),
    (3, TargetStage.ASSIGN): (60, "office"),
    (3, TargetStage.ACCEPT): (4 * 60, "office"),
    (3, TargetStage.RESOLVE): (2 * 450, "office"),
    (4, TargetStage.ASSIGN): (4 * 60, "office"),
    (4, TargetStage.ACCEPT): (450, "office"),
    (4, TargetStage.RESOLVE): (5 * 450, "office"),
}

WAIT_CODES = [
    ("awaiting_caller", "Awaiting caller", "等待用户反馈", False),
    ("awaiting_vendor", "Awaiting vendor", "等待供应商", False),
    ("awaiting_parts", "Awaiting parts", "等待备件", False),
    ("scheduled", "Scheduled with caller", "已预约处理时间", False),
    (WAIT_CHANGE, "Awaiting change", "等待变更", True),
]

CLOSE_CODES = [
    ("solved", "Solved", "已解决", False),
    ("workaround", "Solved by workaround", "临时解决", False),
    ("not_reproducible", "Not reproducible", "无法重现", False),
    ("duplicate", "Duplicate", "重复事件", False),
    ("withdrawn", "Withdrawn by caller", "用户撤销", False),
    (CLOSE_AUTO, "Closed automatically", "系统自动关闭", True),
]

DEFAULT_SETTINGS = {
    "auto_close_days": "5",
    "backup_keep_days": "14",
    "incident_manager_channels": ",".join(
        [NotificationChannel.PHONE, NotificationChannel.DESKTOP, NotificationChannel.EMAIL]
    ),
}


def seed_reference_data(store: Store) -> None:
    """Insert the defaults; runs inside the migration's transaction."""
    del store  # models are bound to it already
    # by SQL: the models have schema 28's columns, this runs at schema 1 (peewee would
    # insert the models' defaults for them)
    for model, levels in ((ImpactLevel, list(Impact)), (UrgencyLevel, list(Urgency))):
        for level in levels:
            model._meta.database.execute_sql(
                f'INSERT INTO "{model._meta.table_name}" (value, name_en, name_zh) '
                "VALUES (?, ?, ?)", (level.value, label(level, "en"), label(level, "zh")))
    PriorityLevel.insert_many(
        [(p.value, label(p, "en"), label(p, "zh"), PRIORITY_COLORS[p.value]) for p in Priority],
        fields=[PriorityLevel.value, PriorityLevel.name_en, PriorityLevel.name_zh,
                PriorityLevel.color],
    ).execute()
    PriorityCell.insert_many(
        [(i.value, u.value, p.value) for (i, u), p in DEFAULT_MATRIX.items()],
        fields=[PriorityCell.impact, PriorityCell.urgency, PriorityCell.priority],
    ).execute()

    always = WorkingCalendar.create(code="24x7", name_en="24 × 7", name_zh="7×24小时",
                                    timezone="UTC", always=True)
    office = WorkingCalendar.create(code="office", name_en="Office hours",
                                    name_zh="工作时间", timezone="Asia/Shanghai")
    for weekday in range(5):
        CalendarHours.create(calendar=office, weekday=weekday, start_minute=9 * 60,
                             end_minute=12 * 60)
        CalendarHours.create(calendar=office, weekday=weekday, start_minute=13 * 60 + 30,
                             end_minute=18 * 60)
    calendars = {"24x7": always, "office": office}
    for (priority, stage), (minutes, code) in DEFAULT_TARGETS.items():
        ServiceTarget.create(priority=priority, stage=stage.value, minutes=minutes,
                             calendar=calendars[code])

    for code, en, zh, system in WAIT_CODES:
        WaitCode.create(code=code, name_en=en, name_zh=zh, system=system)
    for code, en, zh, system in CLOSE_CODES:
        CloseCode.create(code=code, name_en=en, name_zh=zh, system=system)
    for key, value in DEFAULT_SETTINGS.items():
        Setting.create(key=key, value=value)

    channels = ",".join(
        [NotificationChannel.PHONE, NotificationChannel.EMAIL, NotificationChannel.DESKTOP]
    )
    EscalationRule.create(
        name_en="Priority 1: tell the caller's department head",
        name_zh="优先级1:通知报告人所在部门领导",
        recipient=RecipientKind.CALLER_DEPARTMENT_HEAD.value, max_priority=1, channels=channels,
    )
    EscalationRule.create(
        name_en="Second escalation: tell the support group's department head",
        name_zh="再次升级:通知支持组所在部门领导",
        recipient=RecipientKind.GROUP_DEPARTMENT_HEAD.value, min_escalations=2,
        channels=channels,
    )
