"""Texts of a team's data on a PostgreSQL server: what ``desk-app check`` checks there and
what does not apply, and the export bundle between a file and a server."""

MESSAGES: dict[str, dict[str, str]] = {
    **{f"check.server.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("storage_ok", "Server storage (pages and indexes), checked with PostgreSQL's amcheck: "
         "ok.", "服务器存储(数据页和索引)已用 PostgreSQL 的 amcheck 检查:正常。"),
        ("storage_bad", "Server storage (pages and indexes): amcheck found damage: {detail}",
         "服务器存储(数据页和索引):amcheck 发现损坏:{detail}"),
        ("storage_unchecked", "Server storage (pages and indexes): not checked here, because "
         "{why}. The server looks after its own storage; its administrator can check it with "
         "pg_amcheck.", "服务器存储(数据页和索引):此处未检查,因为{why}。服务器自行维护其存储;"
         "管理员可使用 pg_amcheck 检查。"),
        ("amcheck_missing", "the amcheck extension is not installed in this database (an "
         "administrator can add it: CREATE EXTENSION amcheck)",
         "此数据库未安装 amcheck 扩展(管理员可执行 CREATE EXTENSION amcheck 添加)"),
        ("amcheck_denied", "this account may not run amcheck", "此帐户无权运行 amcheck"),
        ("not_applicable", "Not checked on a server, as they do not apply: the reports' "
         "summary tables (a server keeps none; its reports count from the incidents), the "
         "backup files as witnesses of the history (a server's backups are the server's "
         "own), and file locking.", "以下各项不适用于服务器,因此未检查:报表汇总表(服务器不保存"
         "汇总表,其报表直接按事件统计)、作为历史见证的备份文件(服务器的备份由服务器自行管理)"
         "以及文件锁。"),
    ]},
    "check.server_trigger_missing": {
        "en": "Trigger {trigger} on {table} is missing: changes to {table} are not recorded in "
              "the history chain or the word index.",
        "zh": "表 {table} 上的触发器 {trigger} 缺失:对 {table} 的更改不会记入历史链或检索索引。",
    },
    "check.server_trigger_disabled": {
        "en": "Trigger {trigger} on {table} is switched off: changes to {table} skip the "
              "history chain or the word index.",
        "zh": "表 {table} 上的触发器 {trigger} 已被停用:对 {table} 的更改绕过了历史链或检索索引。",
    },
    "check.server_function_differs": {
        "en": "The server function {function} is not this program's. Open the database once "
              "with its owner's account to put it back.",
        "zh": "服务器函数 {function} 与本程序的不一致。请用数据库所有者的帐户打开一次数据库以恢复。",
    },
    "storage.location.server": {
        "en": "PostgreSQL server ({address})",
        "zh": "PostgreSQL 服务器({address})",
    },
    "storage.cli.lock_test_server": {
        "en": "Lock self-test: does not apply to a server (it keeps its own locks).",
        "zh": "文件锁自检:不适用于服务器(服务器自行管理锁)。",
    },
}
