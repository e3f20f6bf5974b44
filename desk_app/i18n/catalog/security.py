"""Texts of sign-in safety, secrets and the tamper check (docs/security.md)."""

_CHECK = [
    ("chain_unlinked", "{what}: a history or witness entry carries no link of the hash chain "
     "(written with the program's triggers removed).",
     "{what}:有一条历史或见证记录没有哈希链链接(是在移除程序触发器后写入的)。"),
    ("chain_duplicate", "{what}: entry {seq} of the hash chain appears twice.",
     "{what}:哈希链第 {seq} 条记录出现了两次。"),
    ("chain_missing", "Entries {first}–{last} of the hash chain were deleted (before an entry "
     "of {what}).", "哈希链第 {first}–{last} 条记录已被删除(位于 {what} 的记录之前)。"),
    ("chain_edited", "{what}: entry {seq} of the hash chain was changed after it was written.",
     "{what}:哈希链第 {seq} 条记录在写入后被修改。"),
    ("chain_head", "The end of the hash chain (entry {seq}) does not match the file's chain "
     "head: entries were removed or the head was rewritten.",
     "哈希链末尾(第 {seq} 条)与文件记录的链头不符:有记录被删除或链头被改写。"),
    ("person_disagrees", "Person {what}: name, contact, password or status differ from what "
     "the program last recorded.", "人员 {what}:姓名、联系方式、密码或状态与程序最后记录的不同。"),
    ("person_disagrees_deleted", "Person {what} was deleted outside the program.",
     "人员 {what} 在程序之外被删除。"),
    ("roles_disagree", "Person {what}: the roles differ from what the program last recorded.",
     "人员 {what}:角色与程序最后记录的不同。"),
    ("roles_disagree_deleted", "Person {what}: the roles were removed outside the program.",
     "人员 {what}:角色在程序之外被删除。"),
    ("groups_disagree", "Person {what}: the support groups differ from what the program last "
     "recorded.", "人员 {what}:所属支持组与程序最后记录的不同。"),
    ("groups_disagree_deleted", "Person {what}: the group memberships were removed outside "
     "the program.", "人员 {what}:支持组成员关系在程序之外被删除。"),
    ("setting_disagrees", "Setting {what} differs from what the program last recorded.",
     "设置 {what} 与程序最后记录的不同。"),
    ("setting_disagrees_deleted", "Setting {what} was deleted outside the program.",
     "设置 {what} 在程序之外被删除。"),
    ("matrix_disagrees", "Priority matrix cell {what} differs from what the program last "
     "recorded.", "优先级矩阵单元 {what} 与程序最后记录的不同。"),
    ("matrix_disagrees_deleted", "Priority matrix cell {what} was deleted outside the program.",
     "优先级矩阵单元 {what} 在程序之外被删除。"),
    ("escalation_disagrees", "Escalation {what}: its acknowledgement differs from what the "
     "program last recorded.", "升级 {what}:其确认情况与程序最后记录的不同。"),
    ("escalation_disagrees_deleted", "Escalation {what} was deleted outside the program.",
     "升级 {what} 在程序之外被删除。"),
    ("incident_disagrees", "{what}: the incident's fields differ from what the program last "
     "recorded.", "{what}:事件的字段与程序最后记录的不同。"),
    ("incident_disagrees_deleted", "Incident {what} was deleted outside the program.",
     "事件 {what} 在程序之外被删除。"),
    ("history_rewritten", "This workstation last saw the hash chain at entry {seq}; the file no "
     "longer holds that entry as it was: its history was rewritten or an older copy was put "
     "in its place.", "本工作站上次看到哈希链第 {seq} 条记录;文件中该记录已不同:历史被改写,"
     "或文件被旧副本替换。"),
    ("history_rewritten_since_backup", "The backup {backup} saw the hash chain at entry {seq}; "
     "the file no longer holds that entry as it was: its history was rewritten since that "
     "backup.", "备份 {backup} 记录的哈希链第 {seq} 条记录在文件中已不同:该备份之后历史被改写。"),
]

MESSAGES: dict[str, dict[str, str]] = {
    **{f"check.{key}": {"en": en, "zh": zh} for key, en, zh in _CHECK},
    "error.signed_out": {
        "en": "Your account was disabled or removed; you have been signed out.",
        "zh": "您的账户已被停用或删除,已退出登录。",
    },
    "error.sign_in_locked": {
        "en": "This account is locked after {count} failed sign-ins. The process owner can "
              "unlock it.",
        "zh": "该账户因 {count} 次登录失败已被锁定,请联系流程负责人解锁。",
    },
    "error.sign_in_wait": {
        "en": "Too many failed sign-ins: wait {seconds} s before trying again.",
        "zh": "登录失败次数过多:请等待 {seconds} 秒后再试。",
    },
    "error.must_change_password": {
        "en": "Your password was reset: choose a new one before you continue.",
        "zh": "您的密码已被重置:请先设置新密码再继续。",
    },
    "error.password_wrong": {"en": "The current password is wrong.", "zh": "当前密码不正确。"},
    "error.secret_store_missing": {
        "en": "This computer has no credential store (Windows Credential Manager, macOS "
              "Keychain or a Secret Service such as GNOME Keyring), so the {what} cannot be "
              "kept here. It is not saved in the shared file. Install or unlock a credential "
              "store, or send from a workstation that has one.",
        "zh": "本机没有凭据存储(Windows 凭据管理器、macOS 钥匙串或 GNOME 密钥环等 Secret "
              "Service),无法在此保存{what}。它不会保存在共享文件中。请安装或解锁凭据存储,"
              "或在具备凭据存储的工作站上发送。",
    },
    "secret.smtp_password": {"en": "SMTP password", "zh": "SMTP 密码"},
    "secret.sms_url": {"en": "SMS gateway address (with its token)",
                       "zh": "短信网关地址(含令牌)"},
    **{f"action.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("see_people", "See the staff list", "查看人员列表"),
        ("see_settings", "See the settings", "查看设置"),
        ("unlock", "Unlock an account", "解锁账户"),
        ("reset_password", "Reset a password", "重置密码"),
    ]},
}
