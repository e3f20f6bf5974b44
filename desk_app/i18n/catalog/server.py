"""Texts of a team's database on a PostgreSQL server: moving a file there, and what a
workstation is told about a file whose data moved."""

MESSAGES: dict[str, dict[str, str]] = {
    "error.storage.moved": {
        "en": "The team's data has moved to the server {target}. This file is kept as it was "
              "and no longer changes; open the server instead.",
        "zh": "团队的数据已迁移到服务器 {target}。此文件保持原样且不再更新;请改为打开该服务器。",
    },
    "storage.moved_title": {
        "en": "The team's data has moved",
        "zh": "团队数据已迁移",
    },
    "error.storage.move_refused": {
        "en": "Nothing was moved to {target}: {why}. {detail}",
        "zh": "未向 {target} 迁移任何内容:{why}。{detail}",
    },
    "storage.move_refused.not_empty": {
        "en": "that database already holds a desk",
        "zh": "该数据库中已有服务台数据",
    },
    "storage.move_refused.figures": {
        "en": "the copy's row counts or checksums differ from the file's",
        "zh": "副本的行数或校验和与文件不一致",
    },
    "storage.move_refused.tampered": {
        "en": "the copy's history fails the tamper check",
        "zh": "副本的历史记录未通过防篡改检查",
    },
    "storage.server.no_file": {
        "en": "This database is on a server: there is no file to copy. Back it up with "
              "\"desk-app backup\" and its URL, or Back up now under Administration, "
              "Database file (both use PostgreSQL's pg_dump).",
        "zh": "该数据库位于服务器上,没有可复制的文件。请用“desk-app backup”加服务器地址,"
              "或在“管理 › 数据库文件”中点“立即备份”来备份(两者都使用 PostgreSQL 的 pg_dump)。",
    },
    "storage.readonly.server": {
        "en": "the server lets this account read but not write",
        "zh": "服务器只允许此帐户读取,不允许写入",
    },
    "storage.maintenance.move": {
        "en": "moving the team's data to a server",
        "zh": "将团队数据迁移到服务器",
    },
    "cli.moved": {
        "en": "Moved {path} to {target}: {tables} tables, {rows} rows, every table's row count "
              "and checksum the same. The file now tells every workstation to use the server.",
        "zh": "已将 {path} 迁移到 {target}:{tables} 张表,{rows} 行,每张表的行数和校验和均一致。"
              "此文件现在会提示每台工作站改用服务器。",
    },
    "cli.move_table": {
        "en": "  {table}: {rows} rows, checksum {checksum}",
        "zh": "  {table}:{rows} 行,校验和 {checksum}",
    },
}
