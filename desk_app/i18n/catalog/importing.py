"""Texts of importing and exporting (issue 15): refusals, reports and the command line."""

_FIELDS = {
    "number": ("Number", "编号"), "state": ("State", "状态"),
    "updated_at": ("Updated at", "更新时间"), "updated_by": ("Updated by", "更新人"),
    "sequence": ("Update counter", "更新序号"), "opened_at": ("Opened at", "创建时间"),
    "opened_by": ("Opened by", "创建人"), "caller": ("Caller", "报告人"),
    "type": ("Type", "事件类型"), "channel": ("Contact channel", "联系方式"),
    "category": ("Category", "事件分类"), "title": ("Title", "标题"),
    "subcategory": ("Subcategory", "子分类"), "symptom": ("Symptom", "症状"),
    "description": ("Description", "描述"), "impact": ("Impact", "影响度"),
    "urgency": ("Urgency", "紧急度"), "priority": ("Priority", "优先级"),
    "group": ("Support group", "支持组"), "assignee": ("Assignee", "处理人"),
    "reassignment_count": ("Transfers", "转派次数"), "resolution": ("Resolution", "解决方案"),
    "resolved_by": ("Resolved by", "解决人"), "resolved_at": ("Resolved at", "解决时间"),
    "close_code": ("Close code", "关闭代码"), "closed_at": ("Closed at", "关闭时间"),
}

_KINDS = {
    "state": ("state", "状态"), "category": ("category", "事件分类"),
    "group": ("support group", "支持组"), "impact": ("impact", "影响度"),
    "urgency": ("urgency", "紧急度"), "priority": ("priority", "优先级"),
    "close_code": ("close code", "关闭代码"), "wait_code": ("wait code", "等待代码"),
    "type": ("type", "事件类型"), "channel": ("contact channel", "联系方式"),
    "caller": ("caller", "报告人"), "person": ("person", "人员"), "user": ("user", "用户"),
}

MESSAGES: dict[str, dict[str, str]] = {
    **{f"import.field.{k}": {"en": en, "zh": zh} for k, (en, zh) in _FIELDS.items()},
    **{f"import.kind.{k}": {"en": en, "zh": zh} for k, (en, zh) in _KINDS.items()},
    "import.state.logged": {"en": "Logged", "zh": "记录"},
    "import.state.assigned": {"en": "Assigned", "zh": "指派"},
    "import.state.in_progress": {"en": "In progress", "zh": "受理"},
    "import.state.resolved": {"en": "Resolved", "zh": "解决"},
    "import.state.closed": {"en": "Closed", "zh": "关闭"},
    "import.state.pending": {"en": "Pending: {code}", "zh": "等待:{code}"},
    # reading the file and the mapping
    "import.no_file": {"en": "There is no file at {path}.", "zh": "找不到文件 {path}。"},
    "import.too_big": {"en": "{path} is too large to import in one go (at most 512 MB).",
                       "zh": "{path} 太大,无法一次导入(最多 512 MB)。"},
    "import.bad_encoding": {
        "en": "The file is neither UTF-8 nor GB18030 text; save it as CSV (UTF-8) and try "
              "again.",
        "zh": "文件既不是 UTF-8 也不是 GB18030 文本;请另存为 CSV (UTF-8) 后重试。"},
    "import.not_a_table": {"en": "The file is not a CSV table.",
                           "zh": "该文件不是 CSV 表格。"},
    "import.not_a_table_detail": {"en": "The file is not a readable CSV table: {detail}",
                                  "zh": "该文件不是可读的 CSV 表格:{detail}"},
    "import.no_header": {"en": "The file has no header row with column names.",
                         "zh": "文件没有包含列名的标题行。"},
    "import.duplicate_columns": {"en": "Two columns of the file have the same name.",
                                 "zh": "文件中有两列同名。"},
    "import.bad_format": {"en": "Unknown format {format}; use one of: {known}.",
                          "zh": "未知格式 {format};可用:{known}。"},
    "import.missing_columns": {
        "en": "The mapping names columns the file does not have: {columns}.",
        "zh": "映射中的列在文件中不存在:{columns}。"},
    "import.bad_mapping": {"en": "The mapping cannot be used ({detail}).",
                           "zh": "映射无法使用({detail})。"},
    "import.bad_timezone": {"en": "Unknown time zone {zone}.", "zh": "未知时区 {zone}。"},
    "import.unmapped_fields": {
        "en": "No column is mapped to these required fields: {fields}.",
        "zh": "以下必填字段没有对应的列:{fields}。"},
    "import.bad_source": {"en": "Name the source the file comes from (at most 100 characters).",
                          "zh": "请填写数据来源名称(最多 100 个字符)。"},
    # why a row or an incident is refused
    "import.refuse.required": {"en": "{field} is missing.", "zh": "缺少{field}。"},
    "import.refuse.bad_date": {"en": "{field} is not a date: {value}.",
                               "zh": "{field}不是日期:{value}。"},
    "import.refuse.bad_number": {"en": "{field} is not a number: {value}.",
                                 "zh": "{field}不是数字:{value}。"},
    "import.refuse.unmapped": {"en": "The {kind} {value} is not mapped to one of ours.",
                               "zh": "{kind}“{value}”没有映射到本系统的值。"},
    "import.refuse.too_long": {"en": "{field} is too long.", "zh": "{field}太长。"},
    "import.refuse.future": {"en": "A moment in the future: {value}.",
                             "zh": "时间在未来:{value}。"},
    "import.refuse.count_down": {
        "en": "The transfer count goes down from {old} to {new}; a transfer is never undone "
              "(R06).",
        "zh": "转派次数从 {old} 降到 {new};转派不能撤销(R06)。"},
    "import.refuse.no_close_code": {"en": "Closed without a close code (R23).",
                                    "zh": "关闭时没有关闭代码(R23)。"},
    "import.refuse.bad_row": {"en": "Another row of this incident cannot be read.",
                              "zh": "此事件的另一行无法读取。"},
    "import.refuse.changed_here": {
        "en": "Changed in desk-app since it was imported; the import does not overwrite it.",
        "zh": "导入后已在本系统中修改;导入不会覆盖。"},
    "import.refuse.value_refused": {"en": "The {kind} {value} is mapped to “refuse”.",
                                    "zh": "{kind}“{value}”被设为拒绝导入。"},
    "import.refuse.mapped_to_unknown": {
        "en": "The {kind} {value} is mapped to {ours}, which does not exist here.",
        "zh": "{kind}“{value}”映射到的“{ours}”在本系统中不存在。"},
    "import.refuse.unknown_value": {
        "en": "Unknown {kind} {value}, and unknown ones are set to be refused.",
        "zh": "未知的{kind}“{value}”,且未知值设为拒绝。"},
    "rule.move_not_allowed_import": {
        "en": "The source moves it from {source} to {target} without a transfer; the process "
              "does not allow that move (R05).",
        "zh": "来源数据把它从“{source}”改为“{target}”且没有转派;流程不允许此变化(R05)。"},
    # journal notes an import writes
    "import.implied": {"en": "Implied by the imported history", "zh": "由导入的历史推断"},
    "import.reopened": {"en": "Reopened in the source", "zh": "在来源系统中重新打开"},
    # reports
    "import.report.dry_run": {
        "en": "Dry run, nothing changed: {rows} rows, {incidents} incidents: {added} would be "
              "added, {updated} updated, {unchanged} unchanged, {refused} refused.",
        "zh": "试运行,未做任何修改:{rows} 行,{incidents} 个事件:将新增 {added} 个,"
              "更新 {updated} 个,{unchanged} 个不变,拒绝 {refused} 个。"},
    "import.report.done": {
        "en": "Imported {rows} rows, {incidents} incidents: {added} added, {updated} updated, "
              "{unchanged} unchanged, {refused} refused ({rate} rows/s).",
        "zh": "已导入 {rows} 行,{incidents} 个事件:新增 {added} 个,更新 {updated} 个,"
              "{unchanged} 个不变,拒绝 {refused} 个(每秒 {rate} 行)。"},
    "import.report.cancelled": {"en": "Cancelled: the incidents written so far are kept whole.",
                                "zh": "已取消:已写入的事件完整保留。"},
    "import.report.refused_row": {"en": "line {line}, {number}: {reason}",
                                  "zh": "第 {line} 行,{number}:{reason}"},
    "import.report.created": {"en": "New {kind}: {count} ({examples})",
                              "zh": "新建{kind}:{count} 个({examples})"},
    # people
    "import.people.done": {
        "en": "People: {added} added, {updated} updated, {refused} refused.",
        "zh": "人员:新增 {added} 个,更新 {updated} 个,拒绝 {refused} 个。"},
    "import.people.dry_run": {
        "en": "Dry run, nothing changed: {added} people would be added, {updated} updated, "
              "{refused} refused.",
        "zh": "试运行,未做任何修改:将新增 {added} 个人员,更新 {updated} 个,拒绝 {refused} 个。"},
    "import.people.bad_kind": {"en": "Unknown kind {value} (caller, user or group).",
                               "zh": "未知类型“{value}”(应为 caller、user 或 group)。"},
    "import.people.no_login": {"en": "A user needs a login.", "zh": "用户必须有登录名。"},
    "import.people.no_name": {"en": "The name is missing.", "zh": "缺少姓名。"},
    # the bundle
    "export.done": {"en": "Exported {tables} tables, {incidents} incidents to {path}.",
                    "zh": "已导出 {tables} 个表、{incidents} 个事件到 {path}。"},
    "export.cannot_write": {"en": "The export could not be written to {path}: {detail}",
                            "zh": "无法把导出写入 {path}:{detail}"},
    "export.out_not_empty": {"en": "{path} exists and is not an empty folder.",
                             "zh": "{path} 已存在且不是空文件夹。"},
    "import.bundle.not_bundle": {"en": "{path} is not a desk-app export (no manifest.json).",
                                 "zh": "{path} 不是 desk-app 导出包(没有 manifest.json)。"},
    "import.bundle.bad": {"en": "The export is damaged: {detail}.",
                          "zh": "导出包已损坏:{detail}。"},
    "import.bundle.newer": {
        "en": "The export comes from a newer schema ({version}) than this program knows.",
        "zh": "导出包来自更新的数据库版本({version}),本程序无法识别。"},
    "import.bundle.not_empty": {
        "en": "A bundle is imported into a database without incidents; this one has {count}.",
        "zh": "导出包只能导入到没有事件的数据库;此数据库已有 {count} 个事件。"},
    "import.bundle.done": {
        "en": "Rebuilt from the export: {incidents} incidents, {journal} history entries, "
              "{users} users. People other than you must be given a new password.",
        "zh": "已从导出包重建:{incidents} 个事件、{journal} 条历史记录、{users} 个用户。"
              "除您之外的人员需要重新设置密码。"},
}
