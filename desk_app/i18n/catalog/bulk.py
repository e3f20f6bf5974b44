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
}
