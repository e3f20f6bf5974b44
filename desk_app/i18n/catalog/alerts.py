"""Texts of escalations that people act on (R09): call tasks, delivery states and why,
notices told once, reminder digests and the sign-in summary."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- call tasks --------------------------------------------------------------------------
    "alerts.call_script": {
        "en": "Incident {number} (P{priority}) has escalated: {reasons}. {title}. "
              "Please review and acknowledge it in desk-app.",
        "zh": "事件 {number}(P{priority})已升级:{reasons}。{title}。请在 desk-app 中查看并确认。",
    },
    "alerts.list_separator": {"en": "; ", "zh": "、"},
    # -- why a row is in its state (Notification.state_reason) -------------------------------
    "alerts.why.acknowledged": {
        "en": "No longer needed: the escalation was acknowledged",
        "zh": "已无需处理:该升级已被确认",
    },
    "alerts.why.resolved": {
        "en": "No longer needed: the incident was resolved",
        "zh": "已无需处理:该事件已解决",
    },
    "alerts.why.closed": {
        "en": "No longer needed: the incident was closed",
        "zh": "已无需处理:该事件已关闭",
    },
    "alerts.why.no_phone": {
        "en": "No phone number: the next channel informs this person instead",
        "zh": "无电话号码:改由下一渠道通知此人",
    },
    "alerts.why.fallback_no_phone": {
        "en": "Instead of a phone call: this person has no phone number",
        "zh": "代替电话通知:此人没有电话号码",
    },
    "alerts.why.no_email": {
        "en": "No e-mail address for this person",
        "zh": "此人没有电子邮件地址",
    },
    "alerts.why.no_sms_phone": {
        "en": "No phone number for SMS for this person",
        "zh": "此人没有可接收短信的电话号码",
    },
    "alerts.why.email_not_configured": {
        "en": "E-mail is not configured (no SMTP server)",
        "zh": "未配置电子邮件(没有 SMTP 服务器)",
    },
    "alerts.why.sms_not_configured": {
        "en": "SMS is not configured (no SMS gateway)",
        "zh": "未配置短信(没有短信网关)",
    },
    # -- notices, told once ------------------------------------------------------------------
    "alerts.notice.email_not_configured": {
        "en": "Escalation e-mails cannot be sent: no SMTP server is configured. Configure it "
              "under Administration → Notification delivery. Until then e-mail notifications show \"Not configured\"; the inbox and calls still inform "
              "everyone.",
        "zh": "无法发送升级邮件:尚未配置 SMTP 服务器。请在“管理 → 通知发送”中配置。"
              "在此之前邮件通知显示“未配置”,收件箱和电话仍会通知每个人。",
    },
    "alerts.notice.sms_not_configured": {
        "en": "Escalation text messages cannot be sent: no SMS gateway is configured. "
              "Configure it under Administration → Notification delivery. Until then SMS notifications show \"Not configured\".",
        "zh": "无法发送升级短信:尚未配置短信网关。请在“管理 → 通知发送”中配置。"
              "在此之前短信通知显示“未配置”。",
    },
    "alerts.notice.title": {"en": "Notice", "zh": "提示"},
    # -- reminders and the sign-in summary ---------------------------------------------------
    "alerts.digest_title": {
        "en": "Reminder: {count} escalation(s) wait for you",
        "zh": "提醒:{count} 个升级等待您处理",
    },
    "alerts.digest_body": {
        "en": "{count} escalation(s) you were notified of are not yet acknowledged, the oldest "
              "since {since}. Open the inbox to review them.",
        "zh": "您收到的 {count} 个升级尚未确认,最早的始于 {since}。请打开收件箱查看。",
    },
    "alerts.burst_title": {
        "en": "{count} new escalations",
        "zh": "{count} 个新的升级",
    },
    "alerts.burst_more": {
        "en": "… and {count} more (see the inbox)",
        "zh": "……另有 {count} 个(见收件箱)",
    },
    "alerts.summary_title": {
        "en": "{count} escalation(s) wait for your acknowledgement",
        "zh": "{count} 个升级等待您确认",
    },
    "alerts.summary_body": {
        "en": "Open the escalation review to see them.",
        "zh": "请打开升级审查界面查看。",
    },
}
