"""Texts of working many incidents at once: bulk actions' refusals and summaries, exports,
prints and saved queues."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "bulk.summary": {
        "en": "{done} of {total} incident(s) done; {refused} refused.",
        "zh": "共 {total} 个事件,已完成 {done} 个,被拒绝 {refused} 个。",
    },
    "bulk.summary_cancelled": {
        "en": "Cancelled: {left} incident(s) were not reached and are unchanged.",
        "zh": "已取消:{left} 个事件未处理,保持原样。",
    },
    "bulk.not_member": {
        "en": "You are not a member of the support group this incident's category goes to.",
        "zh": "您不是该事件分类对应支持组的成员。",
    },
    "bulk.already_yours": {
        "en": "This incident is already assigned to you.",
        "zh": "该事件已指派给您。",
    },
    "bulk.in_other_hands": {
        "en": "Someone else is already working on this incident; transfer it instead.",
        "zh": "该事件已由他人受理,请改用转派。",
    },
    "bulk.nothing_to_acknowledge": {
        "en": "This incident has no escalation waiting for acknowledgement.",
        "zh": "该事件没有待确认的升级。",
    },
    "saved_queue.dates_reversed": {
        "en": "The end date is before the start date.",
        "zh": "结束日期早于开始日期。",
    },
    "saved_queue.name_taken": {
        "en": "You already have a queue with this name.",
        "zh": "您已有同名的队列。",
    },
    "saved_queue.too_many": {
        "en": "A person can keep at most {max} saved queues.",
        "zh": "每人最多保存 {max} 个队列。",
    },
    "saved_queue.not_found": {
        "en": "This saved queue no longer exists.",
        "zh": "该保存的队列已不存在。",
    },
    "action.saved_queue": {"en": "Change saved queue", "zh": "修改保存的队列"},
    "bulk.export_failed": {
        "en": "The file could not be written: {detail}",
        "zh": "无法写入文件:{detail}",
    },
    "bulk.sheet": {"en": "Incidents", "zh": "事件"},
    **{f"bulk.column.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("number", "Number", "编号"),
        ("priority", "Priority", "优先级"),
        ("stage", "Stage", "阶段"),
        ("pending", "Waiting for", "等待原因"),
        ("title", "Title", "标题"),
        ("type", "Type", "类型"),
        ("category", "Category", "事件分类"),
        ("group", "Support group", "支持组"),
        ("assignee", "Assignee", "处理人"),
        ("caller", "Caller", "报告人"),
        ("vip", "VIP", "VIP 用户"),
        ("next_target", "Next target time", "下一目标时间"),
        ("breached", "Target breached", "已超时"),
        ("escalations", "Escalations", "升级次数"),
        ("reassignments", "Transfers", "转派次数"),
        ("updated", "Last update", "最后更新"),
    ]},
    "bulk.print.meta": {
        "en": "Printed {when} by {who} · {count} incident(s)",
        "zh": "{who} 于 {when} 打印 · 共 {count} 个事件",
    },
    "bulk.print.incident_meta": {
        "en": "Printed {when} by {who}",
        "zh": "{who} 于 {when} 打印",
    },
    "bulk.print.history": {"en": "History", "zh": "处理历史"},
    "bulk.print.when": {"en": "When", "zh": "时间"},
    "bulk.print.who": {"en": "Who", "zh": "人员"},
    "bulk.print.what": {"en": "Action", "zh": "操作"},
    "bulk.print.changes": {"en": "Changes", "zh": "变更内容"},
    "bulk.print.note": {"en": "Note", "zh": "备注"},
}
