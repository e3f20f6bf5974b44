"""Texts that keep a desk's only copy safe: files that are not a desk-app database, backup
targets that must not be overwritten, bad command line input."""

MESSAGES: dict[str, dict[str, str]] = {
    "error.storage.not_desk": {
        "en": "{path} is not a desk-app database: {why}. Nothing was changed.",
        "zh": "{path} 不是 desk-app 数据库:{why}。未做任何更改。",
    },
    "storage.not_desk.missing": {"en": "there is no such file", "zh": "文件不存在"},
    "storage.not_desk.empty_server": {
        "en": "the server's database is empty (it holds no tables); only 'desk-app init', "
              "'desk-app move' or the first-run wizard makes a desk there",
        "zh": "服务器上的该数据库为空(没有任何表);只有 “desk-app init”、“desk-app move” "
              "或首次启动向导才会在其中建立数据库",
    },
    "storage.not_desk.empty": {
        "en": "the file is empty (0 bytes); only 'desk-app init' or the first-run wizard "
              "makes a new database",
        "zh": "该文件为空(0 字节);只有 “desk-app init” 或首次启动向导才会新建数据库",
    },
    "storage.not_desk.not_sqlite": {"en": "it is not an SQLite file",
                                    "zh": "它不是 SQLite 文件"},
    "storage.not_desk.foreign": {
        "en": "it is another program's SQLite file",
        "zh": "它是其他程序的 SQLite 文件",
    },
    "storage.not_desk.unreadable": {"en": "it cannot be read", "zh": "无法读取该文件"},
    "error.storage.backup_target": {
        "en": "The backup was not written to {path}: {why}. Nothing was changed.",
        "zh": "备份未写入 {path}:{why}。未做任何更改。",
    },
    "storage.backup_target.exists": {
        "en": "a file of that name exists (add --force to replace it)",
        "zh": "已存在同名文件(如需替换,请加 --force)",
    },
    "storage.backup_target.live": {
        "en": "it is the database being backed up",
        "zh": "它就是正在备份的数据库本身",
    },
    "storage.backup_target.open": {
        "en": "it is a desk-app database that workstations have open",
        "zh": "它是工作站正在使用的 desk-app 数据库",
    },
    "storage.backup_target.not_file": {
        "en": "it is not an ordinary file",
        "zh": "它不是普通文件",
    },
    "storage.cli.restore_summary": {
        "en": "About to put back {backup}: taken {taken}, schema {version}, {incidents} "
              "incidents, the newest {newest}.",
        "zh": "即将恢复 {backup}:备份时间 {taken},结构版本 {version},共 {incidents} 个事件,"
              "最新的是 {newest}。",
    },
    "storage.cli.restore_confirm": {
        "en": "Replace the content of {path} with it? Every change since then is set aside "
              "in a pre-restore backup. [y/N]",
        "zh": "用它替换 {path} 的内容吗?此后的所有更改将保存在“恢复前”备份中。[y/N]",
    },
    "storage.cli.restore_cancelled": {"en": "Nothing was restored.", "zh": "未恢复任何内容。"},
    "error.storage.unreachable": {
        "en": "The shared folder cannot be reached ({detail}). Nothing was lost: your work is "
              "kept. Check the network connection; the program tries again.",
        "zh": "无法访问共享文件夹({detail})。没有丢失任何内容,您的内容已保留。"
              "请检查网络连接;程序会重试。",
    },
    "validation.target_too_long": {
        "en": "A target can be at most {max} minutes (a year).",
        "zh": "目标时间最长为 {max} 分钟(一年)。",
    },
    "validation.search_too_long": {
        "en": "Search for at most {max} characters.",
        "zh": "搜索内容最多 {max} 个字符。",
    },
    "cli.bad_input": {"en": "{detail}", "zh": "{detail}"},
    "cli.bad_time": {
        "en": "--now: '{value}' is not a date and time (for example 2026-03-02T09:00+08:00)",
        "zh": "--now:“{value}” 不是日期时间(例如 2026-03-02T09:00+08:00)",
    },
    "cli.bad_text": {
        "en": "{field}: the text cannot be read (invalid characters)",
        "zh": "{field}:文本无法识别(含无效字符)",
    },
    "cli.cannot_write": {
        "en": "Cannot write to {path}: {detail}. Nothing was changed.",
        "zh": "无法写入 {path}:{detail}。未做任何更改。",
    },
}
