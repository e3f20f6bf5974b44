"""Texts of the reports (docs/kpis.md): KPI names, sections, the command and the monthly mail."""

_KPIS = [
    ("logged", "Logged", "记录数"),
    ("resolved", "Resolved", "解决数"),
    ("closed", "Closed", "关闭数"),
    ("auto_closed", "Closed automatically", "自动关闭数"),
    ("first_contact_resolution_pct", "First-contact resolution %", "首次接触解决率 %"),
    ("assign_met_pct", "Assign target met %", "指派时限达成率 %"),
    ("response_met_pct", "Response target met %", "响应时限达成率 %"),
    ("restore_met_pct", "Restore target met %", "恢复时限达成率 %"),
    ("breached", "Targets breached", "超时次数"),
    ("mtta_working_minutes_median", "Median time to accept (working min)",
     "受理时间中位数(工作分钟)"),
    ("mttr_working_minutes_median", "Median time to resolve (working min)",
     "解决时间中位数(工作分钟)"),
    ("escalations", "Escalations", "升级数"),
    ("transfers_3_or_more_pct", "Transferred 3+ times %", "转派3次及以上 %"),
    ("satisfaction_mean", "Mean satisfaction", "平均满意度"),
    ("linked_after_closure", "New incidents linked to a closed one", "关联已关闭事件的新事件"),
    ("open_now", "Open now", "当前未解决"),
    ("open_at_end", "Open at the end", "期末未解决"),
    ("pending_all", "All wait codes", "全部等待原因"),
    ("waiting_change", "Waiting for a change", "等待变更的事件"),
]

_SECTIONS = [
    ("summary", "Key figures", "关键指标"),
    ("volume_trend", "Volume by {unit}", "按{unit}统计的事件量"),
    ("volume_by_channel", "Logged by channel", "按渠道统计的记录数"),
    ("volume_by_category", "Volume by category", "按分类统计的事件量"),
    ("volume_by_group", "Volume by support group", "按支持组统计的事件量"),
    ("backlog_trend", "Backlog at the end of each period", "各时段末的未解决事件"),
    ("backlog_by_stage", "Open now by stage", "当前未解决(按阶段)"),
    ("backlog_by_group", "Open now by support group", "当前未解决(按支持组)"),
    ("backlog_by_age", "Open now by age", "当前未解决(按时长)"),
    ("targets_by_priority", "Targets met by priority", "按优先级的时限达成"),
    ("targets_by_group", "Targets met by support group", "按支持组的时限达成"),
    ("targets_by_category", "Targets met by category", "按分类的时限达成"),
    ("times", "Times to assign, accept and resolve (minutes)", "指派、受理、解决用时(分钟)"),
    ("transfers", "Transfers per resolved incident", "每个已解决事件的转派次数"),
    ("escalations_by_reason", "Escalations by reason", "按原因统计的升级"),
    ("escalations_by_stage", "Escalations by stage", "按阶段统计的升级"),
    ("escalations_by_group", "Escalations by support group", "按支持组统计的升级"),
    ("pending", "Pending", "挂起"),
    ("satisfaction", "Satisfaction", "满意度"),
    ("satisfaction_by_group", "Satisfaction by support group", "按支持组的满意度"),
    ("satisfaction_by_person", "Satisfaction by person", "按人员的满意度"),
    ("people", "Per person", "按人员"),
]

MESSAGES: dict[str, dict[str, str]] = {
    **{f"report.kpi.{k}": {"en": en, "zh": zh} for k, en, zh in _KPIS},
    **{f"report.section.{k}": {"en": en, "zh": zh} for k, en, zh in _SECTIONS},
    **{f"report.met.{k}": {"en": f"{en} met %", "zh": f"{zh}达成率 %"}
       for k, en, zh in [("assign", "Assign", "指派"), ("accept", "Response", "响应"),
                         ("resolve", "Restore", "恢复")]},
    **{f"report.breached.{k}": {"en": f"{en} breached", "zh": f"{zh}超时"}
       for k, en, zh in [("assign", "Assign", "指派"), ("accept", "Response", "响应"),
                         ("resolve", "Restore", "恢复")]},
    **{f"report.time.{k}": {"en": en, "zh": zh}
       for k, en, zh in [("assign", "To assign", "指派"), ("accept", "To accept (MTTA)",
                                                           "受理(MTTA)"),
                         ("resolve", "To resolve (MTTR)", "解决(MTTR)")]},
    **{f"report.stat.{w}.{s}": {"en": f"{en_s} ({en_w})", "zh": f"{zh_s}({zh_w})"}
       for w, en_w, zh_w in [("working", "working", "工作时间"),
                             ("calendar", "calendar", "日历时间")]
       for s, en_s, zh_s in [("median", "Median", "中位数"), ("mean", "Mean", "平均"),
                             ("p90", "90th pct", "90百分位")]},
    **{f"report.unit.{k}": {"en": en, "zh": zh}
       for k, en, zh in [("day", "day", "日"), ("week", "week", "周"), ("month", "month", "月")]},
    **{f"report.age.{i}": {"en": en, "zh": zh} for i, (en, zh) in enumerate([
        ("Under 1 day", "1天以内"), ("1–3 days", "1–3天"), ("3–7 days", "3–7天"),
        ("7–30 days", "7–30天"), ("Over 30 days", "30天以上")])},
    **{f"report.preset.{k}": {"en": en, "zh": zh} for k, en, zh in [
        ("this_week", "This week", "本周"), ("last_week", "Last week", "上周"),
        ("this_month", "This month", "本月"), ("last_month", "Last month", "上月"),
        ("this_quarter", "This quarter", "本季度"), ("custom", "Custom", "自定义")]},
    "report.title": {"en": "Service desk report", "zh": "服务台报表"},
    "report.subtitle": {"en": "{start} to {end} (time zone {zone})",
                        "zh": "{start} 至 {end}(时区 {zone})"},
    "report.all": {"en": "All", "zh": "全部"},
    "report.none": {"en": "(none)", "zh": "(无)"},
    "report.week_of": {"en": "Week of {day}", "zh": "{day} 当周"},
    "report.incidents": {"en": "Incidents", "zh": "事件数"},
    "report.acknowledged": {"en": "Acknowledged", "zh": "已确认"},
    "report.ack.median": {"en": "Median minutes to acknowledge", "zh": "确认用时中位数(分钟)"},
    "report.ack.mean": {"en": "Mean minutes to acknowledge", "zh": "平均确认用时(分钟)"},
    "report.pending.share": {"en": "Share of working time pending %",
                             "zh": "挂起工作时间占比 %"},
    "report.pending.share_calendar": {"en": "Share of calendar time pending %",
                                      "zh": "挂起日历时间占比 %"},
    "report.pending.now": {"en": "Pending now", "zh": "当前挂起"},
    "report.pending.note": {
        "en": "Of the incidents resolved in the period: the time they spent pending, as a "
              "share of their working time from logging to resolution (on the calendar of "
              "each one's restore target) and of their calendar time.",
        "zh": "本期已解决事件的挂起时间,占其从记录到解决的工作时间(按各自恢复目标的日历)"
              "和日历时间的比例。"},
    "report.ratings": {"en": "Ratings", "zh": "评价数"},
    "report.satisfaction.mean": {"en": "Mean", "zh": "平均"},
    "report.handled": {"en": "Handled", "zh": "处理数"},
    "report.figure": {"en": "Figure", "zh": "指标"},
    "report.generated": {"en": "Generated {at}", "zh": "生成于 {at}"},
    "action.reports": {"en": "See reports", "zh": "查看报表"},
    # -- the command line ---------------------------------------------------------------
    "report.cli.bad_date": {"en": "Not a date (YYYY-MM-DD): {value}",
                            "zh": "日期格式不正确(应为 YYYY-MM-DD):{value}"},
    "report.cli.empty_period": {"en": "The period is empty: --to must be after --from.",
                                "zh": "时段为空:--to 必须晚于 --from。"},
    "report.period_range": {"en": "A report covers the years {first} to {last}.",
                            "zh": "报表只能覆盖 {first} 年至 {last} 年。"},
    "report.cli.unknown": {"en": "No {what} is called {name}.", "zh": "没有名为 {name} 的{what}。"},
    "report.cli.group": {"en": "support group", "zh": "支持组"},
    "report.cli.category": {"en": "category", "zh": "分类"},
    "report.cli.no_pdf": {"en": "PDF needs the desktop program's Qt libraries.",
                          "zh": "生成 PDF 需要桌面程序的 Qt 组件。"},
    "report.cli.written": {"en": "Report written to {path}", "zh": "报表已写入 {path}"},
    # -- desk-app check: the summary tables (migration 0027) ------------------------------
    "check.report_summary": {
        "en": "Report summary {table}, day {day} ({detail}): {figure} is {stored}, but the "
              "incidents give {counted}.",
        "zh": "报表汇总表 {table},{day}({detail}):{figure} 为 {stored},但按事件重新统计为 "
              "{counted}。"},
    "check.report_summary_zone": {
        "en": "The report summaries were made for the time zone {built}, but reports use "
              "{zone}; reports count from the incidents until they are made again.",
        "zh": "报表汇总表按时区 {built} 生成,但报表使用 {zone};在重新生成之前,报表直接按事件统计。"},
    # -- the monthly mail ----------------------------------------------------------------
    "report.mail.subject": {"en": "[desk-app] Monthly report {month}",
                            "zh": "【desk-app】{month} 月度报表"},
    "report.mail.body": {
        "en": "The service desk's report for {month} is attached.\n\n"
              "Logged: {logged}\nResolved: {resolved}\nResponse target met: {response}\n"
              "Restore target met: {restore}\nEscalations: {escalations}\n",
        "zh": "附件为服务台 {month} 的月度报表。\n\n"
              "记录数:{logged}\n解决数:{resolved}\n响应时限达成率:{response}\n"
              "恢复时限达成率:{restore}\n升级数:{escalations}\n"},
}
