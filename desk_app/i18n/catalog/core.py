"""Core texts: validation, rules, permissions, storage errors."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- validation (per field) -----------------------------------------------------------
    "error.validation": {
        "en": "Please correct {count} field(s).",
        "zh": "请更正 {count} 个字段。",
    },
    "validation.required": {"en": "This field is required.", "zh": "此项为必填项。"},
    "validation.too_long": {
        "en": "Too long: at most {max} characters.",
        "zh": "内容过长:最多 {max} 个字符。",
    },
    "validation.bad_characters": {
        "en": "Contains characters that cannot be stored (control characters or line breaks).",
        "zh": "包含无法保存的字符(控制字符或换行)。",
    },
    "validation.invalid_choice": {
        "en": "Not a valid choice.",
        "zh": "不是有效的选项。",
    },
    "validation.not_group_member": {
        "en": "This person is not an active member of the support group.",
        "zh": "此人不是该支持组的有效成员。",
    },
    "validation.group_inactive": {
        "en": "The support group for this category is not active.",
        "zh": "该事件分类对应的支持组已停用。",
    },
    "validation.no_tier2_group": {
        "en": "This category has no Level-2 support group.",
        "zh": "该事件分类没有二线支持组。",
    },
    "validation.category_by_transfer": {
        "en": "After assignment, change the category by transferring the incident.",
        "zh": "指派后,请通过转派来更改事件分类。",
    },
    "validation.confirm_first": {
        "en": "The caller has not confirmed the result yet.",
        "zh": "报告人尚未确认处理结果。",
    },
    "validation.satisfaction_required": {
        "en": "The service desk must record the caller's satisfaction (1–5).",
        "zh": "服务台关闭事件单时必须填写用户满意度(1–5)。",
    },
    "validation.satisfaction_range": {
        "en": "Satisfaction is a number from 1 to 5.",
        "zh": "用户满意度必须是 1 到 5 之间的数字。",
    },
    "validation.matrix_incomplete": {
        "en": "Every impact × urgency cell needs a priority from 1 to 4.",
        "zh": "影响度 × 紧急度矩阵的每个单元格都必须有 1 到 4 的优先级。",
    },
    "validation.positive_minutes": {
        "en": "Enter a whole number of minutes greater than zero.",
        "zh": "请输入大于零的整数分钟数。",
    },
    "validation.duplicate_code": {
        "en": "This code is already in use.",
        "zh": "该代码已被使用。",
    },
    "validation.duplicate_username": {
        "en": "This user name is already in use.",
        "zh": "该用户名已被使用。",
    },
    "validation.password_short": {
        "en": "The password needs at least {min} characters.",
        "zh": "密码至少需要 {min} 个字符。",
    },
    "validation.system_code": {
        "en": "System codes are written by the program and cannot be changed or retired.",
        "zh": "系统代码由程序自动填写,不能修改或停用。",
    },
    "validation.hours": {
        "en": "Working hours must be within the day, start before they end, and not overlap.",
        "zh": "工作时间必须在一天之内、开始早于结束,且不能重叠。",
    },
    "validation.no_working_time": {
        "en": "This calendar has no working time at all.",
        "zh": "该日历没有任何工作时间。",
    },
    "validation.timezone": {"en": "Unknown time zone.", "zh": "未知的时区。"},
    "validation.date": {"en": "Enter a date as YYYY-MM-DD.", "zh": "请按 YYYY-MM-DD 格式输入日期。"},
    "validation.whole_number": {
        "en": "Enter a whole number from {min} to {max}.",
        "zh": "请输入 {min} 到 {max} 之间的整数。",
    },
    "validation.file_exists": {
        "en": "A file with this name already exists; open it instead, or choose another name.",
        "zh": "已存在同名文件;请直接打开它,或换一个文件名。",
    },
    "validation.incident_number": {
        "en": "“{typed}” is not an incident number; type it as INC0000042 or 42.",
        "zh": "“{typed}”不是事件单编号;请输入如 INC0000042 或 42。",
    },
    "validation.incident_unknown": {
        "en": "There is no incident {number}.",
        "zh": "没有编号为 {number} 的事件单。",
    },
    "validation.link_not_closed": {
        "en": "{number} is not closed. Only a closed incident can be linked to; add to the "
              "open one instead of logging it again.",
        "zh": "{number} 尚未关闭。只能关联已关闭的事件单;未关闭的请在原事件单上继续处理,不要重复记录。",
    },
    "validation.last_process_owner": {
        "en": "At least one active process owner must remain.",
        "zh": "必须至少保留一名有效的流程负责人。",
    },
    # -- rules ------------------------------------------------------------------------------
    "rule.closed_final": {
        "en": "This incident is closed. A closed incident can never be reopened or changed; "
              "log a new incident and link it instead.",
        "zh": "该事件单已关闭。已关闭的事件单不允许重新打开或修改;请新建事件单并与之关联。",
    },
    "rule.pending_blocks_move": {
        "en": "The incident is pending. Resume it before “{move}”.",
        "zh": "该事件处于等待状态。请先恢复处理,再执行“{move}”。",
    },
    "rule.move_not_allowed": {
        "en": "The incident is at stage “{stage}”, where “{move}” is not allowed.",
        "zh": "该事件处于“{stage}”阶段,现在不能执行“{move}”。",
    },
    "rule.already_pending": {"en": "The incident is already pending.", "zh": "该事件已处于等待状态。"},
    "rule.not_pending": {"en": "The incident is not pending.", "zh": "该事件不处于等待状态。"},
    "rule.pend_not_open": {
        "en": "Only an open incident can wait; this one is “{stage}”.",
        "zh": "只有处理中的事件才能置为等待;该事件处于“{stage}”阶段。",
    },
    "rule.resume_waits_for_change": {
        "en": "The incident waits for a change; it resumes when the change is closed.",
        "zh": "该事件正在等待变更;变更关闭后将自动恢复处理。",
    },
    "rule.change_closed": {"en": "This change is already closed.", "zh": "该变更已关闭。"},
    "rule.transfer_needs_target": {
        "en": "Choose another support group, category or person to transfer to.",
        "zh": "请选择要转派到的其他支持组、事件分类或人员。",
    },
    "rule.confirm_needs_resolved": {
        "en": "Only a resolved incident can be confirmed.",
        "zh": "只有已解决的事件才能确认处理结果。",
    },
    "rule.already_confirmed": {
        "en": "The result is already confirmed.",
        "zh": "处理结果已确认。",
    },
    "rule.escalation_acknowledged": {
        "en": "This escalation has already been acknowledged.",
        "zh": "该升级已被确认。",
    },
    # -- permissions ------------------------------------------------------------------------
    "permission.denied": {
        "en": "Your role does not allow “{action}” here.",
        "zh": "您的角色无权在此执行“{action}”。",
    },
    # -- other errors -----------------------------------------------------------------------
    "error.conflict": {
        "en": "{number} was changed by someone else since you opened it. Reload to see their "
              "change, then apply yours again.",
        "zh": "{number} 在您打开后已被他人修改。请重新加载查看对方的修改,然后再次提交您的修改。",
    },
    "error.row_conflict": {
        "en": "This record was changed by someone else since you opened it. Reload it and try "
              "again.",
        "zh": "该记录在您打开后已被他人修改。请重新加载后再试。",
    },
    "error.incident_not_found": {"en": "There is no incident {id}.", "zh": "没有编号为 {id} 的事件。"},
    "error.change_not_found": {"en": "There is no change {id}.", "zh": "没有编号为 {id} 的变更。"},
    "error.not_found": {"en": "{what} {id} does not exist.", "zh": "{what} {id} 不存在。"},
    "error.sign_in": {
        "en": "Wrong user name or password, or the account is disabled.",
        "zh": "用户名或密码错误,或账户已停用。",
    },
    "error.storage.busy": {
        "en": "The database is busy: another workstation is writing to it. Your work is kept; "
              "try again in a moment.",
        "zh": "数据库正忙:其他工作站正在写入。您的内容已保留,请稍后重试。",
    },
    "error.storage.io": {
        "en": "The database file could not be read or written ({detail}). Check the network "
              "connection or the shared folder; your work is kept.",
        "zh": "无法读写数据库文件({detail})。请检查网络连接或共享文件夹;您的内容已保留。",
    },
    "error.storage.full": {
        "en": "The disk that holds the database is full. Nothing was saved; free some space "
              "and save again.",
        "zh": "数据库所在磁盘已满,未保存任何内容。请释放空间后再次保存。",
    },
    "error.storage.readonly": {
        "en": "The database can only be read here ({reason}). Nothing was saved.",
        "zh": "此处只能读取数据库({reason}),未保存任何内容。",
    },
    "error.storage.corrupt": {
        "en": "The database file is damaged ({detail}). Restore the latest good backup.",
        "zh": "数据库文件已损坏({detail})。请恢复最近一次完好的备份。",
    },
    "error.storage.constraint": {
        "en": "The database refused this change because it would break its own checks.",
        "zh": "数据库拒绝了此修改,因为它违反了数据完整性检查。",
    },
    "error.storage.too_new": {
        "en": "This database was written by a newer version of desk-app (schema {file_version}"
              "); this program reads schema {program_version}. Install the newer version.",
        "zh": "该数据库由更新版本的 desk-app 创建(结构版本 {file_version});本程序只支持结构版本 "
              "{program_version}。请安装新版本。",
    },
    # -- actions, as named in refusals ------------------------------------------------------
    **{f"action.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("log", "Log", "记录"),
        ("update", "Edit", "修改"),
        ("change_urgency", "Change urgency", "修改紧急度"),
        ("note", "Add work note", "添加工作记录"),
        ("assign", "Assign", "指派"),
        ("accept", "Accept", "受理"),
        ("transfer", "Transfer", "转派"),
        ("resolve", "Resolve", "解决"),
        ("reject", "Reject resolution", "不确认解决方案"),
        ("confirm", "Confirm result", "确认处理结果"),
        ("close", "Close", "关闭"),
        ("pend", "Set pending", "置为等待"),
        ("resume", "Resume", "恢复处理"),
        ("raise_change", "Raise change", "创建变更"),
        ("close_change", "Close change", "关闭变更"),
        ("acknowledge", "Acknowledge escalation", "确认升级"),
        ("administer", "Process administration", "流程管理"),
        ("manage_users", "Manage users and groups", "管理用户和支持组"),
        ("manage_callers", "Manage callers", "管理报告人"),
    ]},
}
