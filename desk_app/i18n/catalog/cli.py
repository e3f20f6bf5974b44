"""Texts of the administrator's command line."""

MESSAGES: dict[str, dict[str, str]] = {
    **{f"cli.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("password", "Password: ", "密码:"),
        ("password_again", "Password again: ", "再次输入密码:"),
        ("password_mismatch", "The passwords differ.", "两次输入的密码不一致。"),
        ("created", "Created {path}.", "已创建 {path}。"),
        ("demo_created", "Created the demo database {path}: {incidents} incidents, {users} "
         "users. Sign in as {username} / {password}.",
         "已创建演示数据库 {path}:{incidents} 个事件,{users} 个用户。"
         "请以 {username} / {password} 登录。"),
        ("scan_done", "Escalated {escalations} time(s) on {incidents} incident(s); closed "
         "{closed} automatically.", "升级 {escalations} 次,涉及 {incidents} 个事件;自动关闭 "
         "{closed} 个。"),
        ("stage", "Stage", "阶段"),
        ("pending", "Pending", "等待"),
        ("priority", "Priority", "优先级"),
        ("impact", "impact", "影响度"),
        ("urgency", "urgency", "紧急度"),
        ("caller", "Caller", "报告人"),
        ("category", "Category", "事件分类"),
        ("assignee", "Assignee", "处理人"),
        ("transfers", "Transfers", "转派次数"),
        ("targets", "Target times", "目标时间"),
        ("left", "left", "剩余"),
        ("history", "History", "历史记录"),
        ("system", "System", "系统"),
        ("escalations", "Escalations", "升级记录"),
    ]},
}
