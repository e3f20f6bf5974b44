"""Texts of escalation delivery (R09), call tasks, the duty roster (R03) and the watch command."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- what the alerted person reads -----------------------------------------------------
    "delivery.subject": {
        "en": "[Escalation] {number} P{priority} {reason}: {title}",
        "zh": "【事件升级】{number} P{priority} {reason}:{title}",
    },
    "delivery.reminder_subject": {
        "en": "[Reminder] {number} P{priority} {reason}: {title}",
        "zh": "【升级提醒】{number} P{priority} {reason}:{title}",
    },
    "delivery.body": {
        "en": "Incident {number} has escalated.\n\n"
              "Title: {title}\nReason: {reason}\nPriority: P{old_priority} → P{priority}\n"
              "Support group: {group}\nCaller: {caller}\nEscalated at: {at}\n\n"
              "Open desk-app to review and acknowledge the escalation.",
        "zh": "事件 {number} 已升级。\n\n"
              "标题:{title}\n升级原因:{reason}\n优先级:P{old_priority} → P{priority}\n"
              "支持组:{group}\n报告人:{caller}\n升级时间:{at}\n\n"
              "请打开 desk-app 查看并确认该升级。",
    },
    "delivery.sms": {
        "en": "desk-app escalation: {number} P{priority} {reason} - {title}",
        "zh": "desk-app 事件升级:{number} P{priority} {reason} - {title}",
    },
    "delivery.popup_title": {
        "en": "Escalation: {number} (P{priority})",
        "zh": "事件升级:{number}(P{priority})",
    },
    "delivery.popup_reminder_title": {
        "en": "Not yet acknowledged: {number} (P{priority})",
        "zh": "尚未确认:{number}(P{priority})",
    },
    "delivery.popup_body": {
        "en": "{reason}: {title}",
        "zh": "{reason}:{title}",
    },
    # -- delivery outcomes kept on the row ------------------------------------------------
    "delivery.error.no_email": {
        "en": "The recipient has no e-mail address.",
        "zh": "收件人没有电子邮件地址。",
    },
    "delivery.error.no_phone": {
        "en": "The recipient has no phone number.",
        "zh": "收件人没有电话号码。",
    },
    "delivery.error.lease_lost": {
        "en": "Another workstation took over this delivery.",
        "zh": "另一台工作站接管了此次发送。",
    },
    "delivery.not_reached": {
        "en": "Not reached by phone; call again.",
        "zh": "电话未接通,需再次拨打。",
    },
    # -- settings -------------------------------------------------------------------------
    "delivery.validation.sender": {
        "en": "Enter the sender's e-mail address (e.g. desk@example.com).",
        "zh": "请输入发件人电子邮件地址(例如 desk@example.com)。",
    },
    "delivery.validation.url": {
        "en": "Enter an http:// or https:// address.",
        "zh": "请输入以 http:// 或 https:// 开头的地址。",
    },
    "delivery.validation.template": {
        "en": "Only $phone, $text and $id may be used here (write $$ for a dollar sign).",
        "zh": "此处只能使用 $phone、$text 和 $id(美元符号请写作 $$)。",
    },
    "delivery.validation.retry_order": {
        "en": "The longest wait must not be shorter than the first wait.",
        "zh": "最长等待时间不能短于首次等待时间。",
    },
    "delivery.validation.lease": {
        "en": "The claim time must be longer than the SMTP timeout.",
        "zh": "领取时限必须长于 SMTP 超时时间。",
    },
    # -- call tasks and roster ------------------------------------------------------------
    "rule.not_a_call_task": {
        "en": "This notification is not an open call task (someone may have recorded the call "
              "already).",
        "zh": "该通知不是待处理的电话任务(可能已有人记录了这次通话)。",
    },
    "rule.not_on_duty": {
        "en": "Only the service desk on duty (see the duty roster) or the incident manager can "
              "take call tasks.",
        "zh": "只有当班服务台人员(见值班表)或事件经理可以处理电话任务。",
    },
    "rule.notification_not_failed": {
        "en": "Only a failed notification can be sent again.",
        "zh": "只有发送失败的通知才能重新发送。",
    },
    "validation.shift_order": {
        "en": "The shift must end after it starts, and last at most {hours} hours.",
        "zh": "班次的结束时间必须晚于开始时间,且不超过 {hours} 小时。",
    },
    "validation.not_tier1": {
        "en": "Service desk staff are drawn from active Level-1 support staff.",
        "zh": "服务台值班人员必须从在职的一线支持人员中选取。",
    },
    "validation.shift_overlap": {
        "en": "{people}: already on another shift at that time.",
        "zh": "{people}:在该时间段已有其他班次。",
    },
    "action.edit_roster": {"en": "Edit the duty roster", "zh": "编辑值班表"},
    "action.record_call": {"en": "Record a call", "zh": "记录通话"},
    "action.review_escalations": {"en": "Review escalations", "zh": "查看升级"},
    "action.retry_notification": {"en": "Send again", "zh": "重新发送"},
    # -- the watch command ----------------------------------------------------------------
    "cli.watch_started": {
        "en": "Watching {path} every {interval} s (workstation {worker}). Ctrl+C stops.",
        "zh": "正在监视 {path},每 {interval} 秒一次(工作站 {worker})。按 Ctrl+C 停止。",
    },
    "cli.watch_cycle": {
        "en": "{at}: {escalations} escalation(s), {closed} closed, {sent} sent, {retry} to "
              "retry, {failed} failed, {popups} pop-up(s).",
        "zh": "{at}:升级 {escalations} 次,自动关闭 {closed} 个,已发送 {sent} 条,待重试 "
              "{retry} 条,失败 {failed} 条,弹窗 {popups} 个。",
    },
    "cli.watch_stopped": {"en": "Stopped.", "zh": "已停止。"},
    "cli.settings_saved": {"en": "Delivery settings saved.", "zh": "发送设置已保存。"},
}
