"""Texts of the shared database file: why it is read-only, the lock self-test, maintenance,
backups, restores and the database check."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- errors -------------------------------------------------------------------------------
    "error.storage.too_old": {
        "en": "This database (schema {file_version}) must be upgraded to schema "
              "{program_version} before this program can use it, and it is open read-only "
              "here. Open it once from a workstation that may write to it.",
        "zh": "该数据库(结构版本 {file_version})需要先升级到结构版本 {program_version} 才能使用,"
              "但此处只能以只读方式打开。请在一台有写入权限的工作站上打开一次以完成升级。",
    },
    "error.storage.too_new_program": {
        "en": "This database was upgraded by desk-app {needed} (schema {file_version}); this "
              "program reads schema {program_version}. Install desk-app {needed} or newer.",
        "zh": "该数据库已由 desk-app {needed} 升级(结构版本 {file_version});本程序只支持结构版本 "
              "{program_version}。请安装 desk-app {needed} 或更新版本。",
    },
    "error.storage.wal": {
        "en": "The database file is in WAL mode, which is unsafe on shared folders, and another "
              "program is holding it that way. Close every program that has the file open "
              "(desk-app on all workstations, database tools), then open it again.",
        "zh": "数据库文件处于 WAL 模式(在共享文件夹中不安全),且另一个程序正以此模式占用它。"
              "请关闭所有打开该文件的程序(所有工作站上的 desk-app 及数据库工具),然后重新打开。",
    },
    "error.storage.maintenance": {
        "en": "{username} on {workstation} is {reason}. Nothing was saved; your work is kept. "
              "Save again when the maintenance has ended.",
        "zh": "{workstation} 上的 {username} 正在{reason}。未保存任何内容,您的内容已保留。"
              "请在维护结束后再次保存。",
    },
    "error.storage.replaced": {
        "en": "The database was restored from a backup after this program opened it. Nothing "
              "was saved; your work is kept. Reopen the database, check the record and save "
              "again.",
        "zh": "在本程序打开数据库之后,数据库已从备份恢复。未保存任何内容,您的内容已保留。"
              "请重新打开数据库,核对记录后再次保存。",
    },
    "error.storage.backup_bad": {
        "en": "The backup {path} cannot be used: it fails the integrity check ({detail}). "
              "Choose another backup.",
        "zh": "备份 {path} 无法使用:未通过完整性检查({detail})。请选择其他备份。",
    },
    "error.storage.holdouts": {
        "en": "These workstations have not let go of the database: {who}. Ask them to close "
              "desk-app, or restore anyway.",
        "zh": "以下工作站尚未释放数据库:{who}。请让他们关闭 desk-app,或强制恢复。",
    },
    # -- why the file is read-only (parameter of error.storage.readonly) ----------------------
    "storage.readonly.asked": {"en": "opened read-only", "zh": "以只读方式打开"},
    "storage.readonly.file": {
        "en": "the file is read-only for your account",
        "zh": "您的账户对该文件只有读取权限",
    },
    "storage.readonly.folder": {
        "en": "the folder that holds it is read-only for your account, and SQLite must create "
              "its journal there",
        "zh": "该文件所在的文件夹对您的账户只读,而 SQLite 需要在其中创建日志文件",
    },
    "storage.readonly.locks": {
        "en": "file locking does not work on this shared folder, so two workstations writing "
              "at once could corrupt it. Ask your administrator to enable locking on the share",
        "zh": "该共享文件夹上的文件锁不起作用,两台工作站同时写入可能损坏数据库。"
              "请管理员为该共享启用文件锁",
    },
    "storage.readonly.lock_options": {
        "en": "the shared folder is mounted without locks that reach the server (nobrl, "
              "nolock or local_lock), so two workstations writing at once could corrupt it. "
              "Ask your administrator to mount it with locking",
        "zh": "该共享文件夹的挂载方式使文件锁无法到达服务器(nobrl、nolock 或 local_lock),"
              "两台工作站同时写入可能损坏数据库。请管理员以启用文件锁的方式挂载",
    },
    "storage.readonly.moved": {
        "en": "the file was moved, deleted or replaced while open",
        "zh": "文件在打开期间被移动、删除或替换",
    },
    "storage.readonly.recovery": {
        "en": "another program is recovering the file",
        "zh": "另一个程序正在恢复该文件",
    },
    # -- the lock self-test --------------------------------------------------------------------
    "storage.locktest.ok": {
        "en": "file locks work on this folder",
        "zh": "该文件夹上的文件锁工作正常",
    },
    "storage.locktest.not_seen": {
        "en": "a lock taken by another program was not seen here",
        "zh": "另一个程序持有的锁在此处不可见",
    },
    "storage.locktest.never_free": {
        "en": "locks never come free on this folder (is the lock service of the share "
              "running?)",
        "zh": "该文件夹上的锁始终无法释放(共享的锁服务是否在运行?)",
    },
    "storage.locktest.error": {
        "en": "asking for a lock failed with an error",
        "zh": "申请文件锁时出错",
    },
    "storage.locktest.no_probe": {
        "en": "could not create a test file beside the database, so locks were not tested",
        "zh": "无法在数据库旁创建测试文件,未能测试文件锁",
    },
    "storage.locktest.helper_failed": {
        "en": "the lock test could not start its helper, so locks were not tested",
        "zh": "文件锁测试的辅助进程无法启动,未能测试文件锁",
    },
    # -- maintenance ---------------------------------------------------------------------------
    "storage.maintenance.restore": {
        "en": "restoring the database from a backup",
        "zh": "从备份恢复数据库",
    },
    "storage.maintenance.migration": {
        "en": "upgrading the database",
        "zh": "升级数据库",
    },
    "storage.maintenance.status": {
        "en": "{username} on {workstation} is {reason}; saving waits until it ends",
        "zh": "{workstation} 上的 {username} 正在{reason},维护结束前无法保存",
    },
    # -- status ----------------------------------------------------------------------------------
    "storage.busy": {
        "en": "The database is busy, retrying… ({attempt}/{attempts})",
        "zh": "数据库正忙,正在重试……({attempt}/{attempts})",
    },
    "storage.waiting_upgrade": {
        "en": "Another workstation is upgrading the database; waiting…",
        "zh": "另一台工作站正在升级数据库,请稍候……",
    },
    "storage.location.local": {"en": "Local disk ({fs})", "zh": "本地磁盘({fs})"},
    "storage.location.network": {"en": "Network share ({fs})", "zh": "网络共享({fs})"},
    "storage.wal_switched": {
        "en": "The file was in WAL mode; it was switched back to the rollback journal.",
        "zh": "该文件曾处于 WAL 模式,已切换回回滚日志模式。",
    },
    # -- the database check ---------------------------------------------------------------------
    **{f"check.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("integrity_ok", "SQLite integrity check: ok.", "SQLite 完整性检查:正常。"),
        ("integrity_bad", "SQLite integrity check failed: {detail}",
         "SQLite 完整性检查未通过:{detail}"),
        ("ok", "No problems found ({seconds} s).", "未发现问题(用时 {seconds} 秒)。"),
        ("problems", "{count} problem(s) found ({seconds} s).",
         "发现 {count} 个问题(用时 {seconds} 秒)。"),
        ("more", "… and {count} more of the same kind.", "……另有 {count} 个同类问题。"),
        ("journal_unreadable", "{number}: a history entry cannot be read.",
         "{number}:有一条历史记录无法读取。"),
        ("journal_chain", "{number}: the history changes {field} from {found}, but the "
         "previous entry left it at {expected}.",
         "{number}:历史记录将 {field} 从 {found} 改出,但上一条记录留下的值是 {expected}。"),
        ("journal_no_log", "{number}: the history does not start with logging.",
         "{number}:历史记录不是以“记录”开始的。"),
        ("journal_disagrees", "{number}: {field} is {incident}, but the history says "
         "{journal}.", "{number}:{field} 为 {incident},但历史记录显示为 {journal}。"),
        ("transfers", "{number}: the transfer count is {stored}, but the history has {counted} "
         "transfer(s).", "{number}:转派次数为 {stored},但历史记录中有 {counted} 次转派。"),
        ("escalations", "{number}: the escalation count is {stored}, but {counted} "
         "escalation(s) are recorded.", "{number}:升级次数为 {stored},但记录了 {counted} 次升级。"),
        ("closed_fields", "{number}: closed without a close time or close code.",
         "{number}:已关闭,但缺少关闭时间或关闭代码。"),
        ("resolved_fields", "{number}: resolved without a resolution time.",
         "{number}:已解决,但缺少解决时间。"),
        ("pending_fields", "{number}: the wait code and the pending time disagree.",
         "{number}:等待代码与等待开始时间不一致。"),
        ("pending_closed", "{number}: pending although resolved or closed.",
         "{number}:已解决或已关闭,却仍处于等待状态。"),
        ("clock_count", "{number}: {stage} has {count} current target clocks instead of one.",
         "{number}:{stage} 有 {count} 个当前计时,应为 1 个。"),
        ("clock_state", "{number}: {stage} is {state}; it should be {expected}.",
         "{number}:{stage} 为“{state}”,应为“{expected}”。"),
        ("clock_times", "{number}: {stage} has running times that do not match its state.",
         "{number}:{stage} 的计时时间与其状态不符。"),
        ("clock_runs", "{number}: {stage} has open time intervals that do not match its state.",
         "{number}:{stage} 的计时区间与其状态不符。"),
        ("next_deadline", "{number}: the next deadline is {stored}; the target clocks say "
         "{expected}. The escalation scan may miss or repeat it.",
         "{number}:下一截止时间为 {stored},按目标计时应为 {expected}。升级扫描可能遗漏。"),
        ("notification_orphan", "Notification {id} belongs to no escalation.",
         "通知 {id} 不属于任何升级记录。"),
        ("foreign_key", "{table} row {id} points at a missing {parent} row.",
         "{table} 表第 {id} 行引用了不存在的 {parent} 记录。"),
    ]},
    # -- the command line -----------------------------------------------------------------------
    **{f"storage.cli.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("backup_done", "Backed up to {path} ({size}).", "已备份到 {path}({size})。"),
        ("no_backups", "There are no backups of {path}.", "{path} 没有任何备份。"),
        ("good", "good", "完好"),
        ("bad", "DAMAGED", "已损坏"),
        ("restore_which", "Name the backup to restore, or use --latest (see --list).",
         "请指定要恢复的备份,或使用 --latest(可用 --list 查看)。"),
        ("waiting_release", "Waiting for these workstations to let go: {who}",
         "正在等待以下工作站释放数据库:{who}"),
        ("restored", "Restored {path} from {backup} (schema {version}).",
         "已从 {backup} 恢复 {path}(结构版本 {version})。"),
        ("safety_copy", "The replaced content is kept in {path}.", "被替换的内容保存在 {path}。"),
        ("lock_test", "Lock self-test", "文件锁自检"),
        ("suggest_restore", "Restore the latest good backup with: desk-app restore {path} "
         "--latest", "可用以下命令恢复最近一次完好的备份:desk-app restore {path} --latest"),
    ]},
    **{f"storage.kind.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("daily", "daily", "每日"),
        ("migration", "pre-upgrade", "升级前"),
        ("manual", "manual", "手动"),
        ("pre-restore", "pre-restore", "恢复前"),
    ]},
}
