"""Texts of reaching a team's server: what a failed connection means, the server's
password, and backups of a server's database (pg_dump / pg_restore)."""

MESSAGES: dict[str, dict[str, str]] = {
    "error.server.password_missing": {
        "en": "The server {where} asks for a password, and this computer has none kept for "
              "it.",
        "zh": "服务器 {where} 需要密码,而本机没有为它保存密码。",
    },
    "error.server.password_refused": {
        "en": "The server {where} refused the password (or the user name). Check both and "
              "try again.",
        "zh": "服务器 {where} 拒绝了该密码(或用户名)。请检查后重试。",
    },
    "error.server.unreachable": {
        "en": "The server {where} cannot be reached: check the host name and port, and that "
              "the server is running and this computer may reach it. ({detail})",
        "zh": "无法连接服务器 {where}:请检查主机名和端口,并确认服务器正在运行且本机可以访问它。"
              "({detail})",
    },
    "error.server.lost": {
        "en": "The connection to the server {where} was lost ({detail}). Your work is kept: "
              "check the network connection and try again; the program connects again by "
              "itself.",
        "zh": "与服务器 {where} 的连接已断开({detail})。您的内容已保留:请检查网络连接后重试;"
              "程序会自动重新连接。",
    },
    "error.server.tls": {
        "en": "The secure connection (TLS) the server {where} was asked for cannot be made: "
              "choose the server's CA certificate (its administrator has it) or another TLS "
              "mode. ({detail})",
        "zh": "无法与服务器 {where} 建立所要求的安全连接(TLS):请选择服务器的 CA 证书"
              "(可向服务器管理员索取),或选择其他 TLS 模式。({detail})",
    },
    "error.server.no_database": {
        "en": "The server {where} has no database of that name. ({detail})",
        "zh": "服务器 {where} 上没有这个名称的数据库。({detail})",
    },
    "error.server.not_allowed": {
        "en": "The server {where} does not let this user do that: ask its administrator. "
              "({detail})",
        "zh": "服务器 {where} 不允许此用户执行该操作:请联系服务器管理员。({detail})",
    },
    "error.server.other": {
        "en": "The server {where} could not be used: {detail}",
        "zh": "无法使用服务器 {where}:{detail}",
    },
    "error.server.no_credential_store": {
        "en": "This computer has no credential store (Windows Credential Manager, macOS "
              "Keychain or a Secret Service such as GNOME Keyring), so the server's password "
              "cannot be remembered. It is used until the program closes, and asked for at "
              "the next start.",
        "zh": "本机没有凭据存储(Windows 凭据管理器、macOS 钥匙串或 GNOME Keyring 等 Secret "
              "Service),因此无法记住服务器密码。该密码在程序关闭前有效,下次启动时会再次询问。",
    },
    "error.server.pg_tools_missing": {
        "en": "PostgreSQL's {tool} (version {major} or newer, the server's) is not installed "
              "on this computer, so the server's database cannot be backed up or restored "
              "from here. Install PostgreSQL's client programs (on Debian or Ubuntu: the "
              "postgresql-client package; on Windows: PostgreSQL's installer, "
              "\"Command Line Tools\") and try again.",
        "zh": "本机未安装 PostgreSQL 的 {tool}(需要 {major} 或更高版本,与服务器一致),"
              "因此无法在此备份或恢复服务器上的数据库。请安装 PostgreSQL 客户端程序"
              "(Debian 或 Ubuntu:postgresql-client 软件包;Windows:PostgreSQL 安装程序中的"
              "“Command Line Tools”)后重试。",
    },
    "error.server.pg_tool_failed": {
        "en": "PostgreSQL's {tool} failed, and nothing was changed: {detail}",
        "zh": "PostgreSQL 的 {tool} 执行失败,未做任何更改:{detail}",
    },
    "storage.not_desk.not_dump": {
        "en": "it is not a backup of a server's database (pg_dump's custom format)",
        "zh": "它不是服务器数据库的备份(pg_dump 自定义格式)",
    },
    "storage.cli.server_backups_folder": {
        "en": "Backups of {target} are kept in {folder}",
        "zh": "{target} 的备份保存在 {folder}",
    },
    "cli.server_password_prompt": {
        "en": "Password of {user} on {where}:",
        "zh": "{where} 上用户 {user} 的密码:",
    },
    "cli.server_password_hint": {
        "en": "Run the command at a terminal to be asked for it, give it in the PGPASSWORD "
              "environment variable (or PostgreSQL's password file), or keep it on this "
              "computer by opening the server once in the program with \"Remember\".",
        "zh": "请在终端中运行该命令以便输入密码,或通过 PGPASSWORD 环境变量(或 PostgreSQL 的密码"
              "文件)提供,或在程序中打开一次该服务器并勾选“记住”,将密码保存在本机。",
    },
}
