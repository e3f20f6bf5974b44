"""Chinese and English words for generated incidents: titles, descriptions, work notes,
resolutions, and the people's names.

Text is assembled from parts with random details (floors, asset tags, error codes, systems),
so that a word search finds a realistic share of rows: common two-character words such as
网络, 打印 and 邮件 appear in many incidents, an asset tag in few.
"""

from __future__ import annotations

import random

# code, English, 中文, first-line group, second-line group (None: none), topic
CATEGORIES: list[tuple[str, str, str, str, str | None, str]] = [
    ("pc", "PC hardware", "电脑硬件", "EUC", None, "pc"),
    ("account", "Accounts and passwords", "账号与密码", "ACC", "SEC2", "account"),
    ("email", "E-mail", "邮件", "MAIL", "APP2", "email"),
    ("network", "Network", "网络", "NET", "NET2", "network"),
    ("erp", "ERP", "ERP 系统", "ERP", "ERP2", "erp"),
    ("printer", "Printers", "打印机", "PRN", None, "printer"),
    ("vpn", "VPN and remote access", "VPN 与远程访问", "NET", "NET2", "vpn"),
    ("software", "Office software", "办公软件", "EUC", "APP2", "software"),
    ("wifi", "Wireless network", "无线网络", "NET", "NET2", "wifi"),
    ("phone", "Desk phones", "座机电话", "TEL", None, "phone"),
    ("meeting", "Meeting rooms and video", "会议室与视频会议", "TEL", None, "meeting"),
    ("crm", "CRM", "CRM 客户管理系统", "APP", "APP2", "crm"),
    ("oa", "OA and workflow", "OA 办公系统", "APP", "APP2", "oa"),
    ("database", "Databases", "数据库", "DB", "DB2", "database"),
    ("security", "Security and virus", "信息安全与病毒", "SEC", "SEC2", "security"),
    ("mobile", "Mobile devices", "移动设备", "EUC", None, "mobile"),
    ("share", "File shares", "共享文件夹", "EUC", "NET2", "share"),
    ("hr_system", "HR system", "人事系统", "APP", "APP2", "oa"),
    ("finance_system", "Finance system", "财务系统", "ERP", "ERP2", "erp"),
    ("web", "Intranet portal", "内网门户", "APP", "APP2", "web"),
    ("monitor", "Monitors and peripherals", "显示器与外设", "EUC", None, "pc"),
    ("scanner", "Scanners", "扫描仪", "PRN", None, "printer"),
    ("backup", "Backup and restore", "备份与恢复", "DB", "DB2", "database"),
    ("access", "Door access cards", "门禁卡", "SEC", None, "account"),
]

# code, English, 中文, tier
GROUPS: list[tuple[str, str, str, int]] = [
    ("NET", "Network", "网络组", 1), ("APP", "Applications", "应用组", 1),
    ("EUC", "Desktop support", "桌面支持组", 1), ("ERP", "ERP support", "ERP 支持组", 1),
    ("MAIL", "Messaging", "邮件组", 1), ("ACC", "Accounts", "账号组", 1),
    ("TEL", "Telephony and meetings", "电话会议组", 1), ("PRN", "Printing", "打印组", 1),
    ("SEC", "Security", "信息安全组", 1), ("DB", "Databases", "数据库组", 1),
    ("NET2", "Network L2", "网络二线", 2), ("APP2", "Applications L2", "应用二线", 2),
    ("ERP2", "ERP L2", "ERP 二线", 2), ("SEC2", "Security L2", "安全二线", 2),
    ("DB2", "Databases L2", "数据库二线", 2),
]

DEPARTMENTS: list[tuple[str, str]] = [
    ("Information Technology", "信息部"), ("Finance", "财务部"), ("Sales", "销售部"),
    ("Human Resources", "人力资源部"), ("Manufacturing", "生产部"), ("Purchasing", "采购部"),
    ("Logistics", "物流部"), ("Legal", "法务部"), ("Marketing", "市场部"),
    ("Research and Development", "研发部"), ("Quality", "质量部"), ("Administration", "行政部"),
]

SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
            ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"),
            ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"),
            ("郭", "Guo"), ("何", "He"), ("高", "Gao"), ("林", "Lin"), ("罗", "Luo")]
GIVEN = [("伟", "Wei"), ("芳", "Fang"), ("娜", "Na"), ("敏", "Min"), ("静", "Jing"),
         ("强", "Qiang"), ("磊", "Lei"), ("洋", "Yang"), ("艳", "Yan"), ("勇", "Yong"),
         ("杰", "Jie"), ("娟", "Juan"), ("涛", "Tao"), ("明", "Ming"), ("超", "Chao"),
         ("秀英", "Xiuying"), ("建国", "Jianguo"), ("晓东", "Xiaodong"), ("海燕", "Haiyan"),
         ("志强", "Zhiqiang")]
FIRST = ["Emily", "James", "Olivia", "Daniel", "Sophie", "Michael", "Laura", "David",
         "Anna", "Thomas", "Grace", "Peter", "Hannah", "Robert", "Chloe", "Mark"]
LAST = ["Carter", "Smith", "Brown", "Wilson", "Taylor", "Evans", "Green", "Martin",
        "Baker", "Clark", "Hughes", "Walker"]

PLACES_ZH = ["总部", "上海分公司", "北京分公司", "一号厂房", "二号厂房", "仓库", "研发中心"]
PLACES_EN = ["HQ", "Shanghai office", "Beijing office", "Plant 1", "Plant 2", "Warehouse",
             "R&D centre"]

# topic -> (titles zh, titles en, detail zh, detail en, resolutions zh, resolutions en)
TOPICS: dict[str, tuple[list[str], list[str], list[str], list[str], list[str], list[str]]] = {
    "pc": (["笔记本电脑无法开机", "电脑蓝屏重启", "电脑运行很慢", "键盘部分按键失灵",
            "显示器黑屏", "硬盘空间不足"],
           ["Laptop does not power on", "PC crashes with a blue screen", "Computer is very slow",
            "Some keys on the keyboard do not work", "Monitor stays black",
            "Disk is almost full"],
           ["资产编号 {asset},按电源键无反应。", "开机后几分钟出现蓝屏,错误代码 {code}。",
            "打开 Excel 需要两分钟以上。"],
           ["Asset tag {asset}; pressing the power button does nothing.",
            "A blue screen appears a few minutes after start-up, stop code {code}.",
            "Opening Excel takes more than two minutes."],
           ["更换了电源适配器,电脑正常开机。", "更新显卡驱动后不再蓝屏。", "清理磁盘并升级内存。"],
           ["Replaced the power adapter; the laptop starts.", "Updated the graphics driver; "
            "no more crashes.", "Cleaned up the disk and added memory."]),
    "account": (["域账号被锁定", "忘记密码无法登录", "新员工账号开通", "账号权限不足"],
                ["Domain account locked", "Forgot password, cannot sign in",
                 "Account for a new starter", "Missing access rights"],
                ["多次输错密码后账号 {user} 被锁定。", "需要访问 {system} 的权限。"],
                ["Account {user} locked after several wrong passwords.",
                 "Needs access to {system}."],
                ["已解锁账号并协助用户重置密码。", "已按审批开通权限。"],
                ["Unlocked the account and reset the password with the caller.",
                 "Granted the approved access."]),
    "email": (["Outlook 无法收取邮件", "邮件发送被退回", "邮箱空间已满", "共享日历无法查看"],
              ["Outlook does not receive mail", "Mail to a customer bounces",
               "Mailbox is full", "Cannot open a shared calendar"],
              ["Outlook 一直显示正在连接,新邮件收不到。", "发往 {domain} 的邮件全部退回。"],
              ["Outlook keeps saying 'connecting'; no new mail arrives.",
               "Every message to {domain} comes back undeliverable."],
              ["重建了邮件配置文件,邮件收发正常。", "扩容邮箱并归档旧邮件。"],
              ["Rebuilt the mail profile; mail flows again.",
               "Enlarged the mailbox and archived old mail."]),
    "network": (["网络中断无法上网", "网速很慢", "网口没有信号", "分公司网络中断影响开单"],
                ["No network connection", "Network is very slow", "Wall port is dead",
                 "Branch network down, orders cannot be entered"],
                ["{place} {floor} 楼多台电脑无法访问网络。", "网页加载需要一分钟,同事也一样。"],
                ["Several PCs on floor {floor} at {place} have no network.",
                 "Web pages take a minute to load; colleagues see the same."],
                ["重启了接入交换机端口,网络恢复正常。", "更换了网线和交换机模块。"],
                ["Restarted the access switch port; the network is back.",
                 "Replaced the cable and a switch module."]),
    "erp": (["ERP 月结报表无法生成", "ERP 保存订单超时", "ERP 系统登录报错", "ERP 查询很慢"],
            ["ERP month-end report fails", "ERP order entry times out",
             "ERP login error", "ERP queries are slow"],
            ["财务月结时生成报表报错 {code},影响月底结账。", "保存销售订单 30 秒后超时。"],
            ["Month-end report generation fails with {code}.",
             "Saving a sales order times out after 30 seconds."],
            ["清理了 ERP 报表缓存并重新生成,报表正常。", "优化了查询索引。"],
            ["Cleared the ERP report cache and ran it again.", "Tuned the query index."]),
    "printer": (["打印机卡纸", "打印机无法打印", "打印出来是空白页", "扫描到邮件失败"],
                ["Printer paper jam", "Printer does not print", "Printer prints blank pages",
                 "Scan to e-mail fails"],
                ["{place} {floor} 楼彩色打印机频繁卡纸。", "打印任务一直在队列中。"],
                ["The colour printer on floor {floor} at {place} jams often.",
                 "Print jobs stay in the queue."],
                ["更换了打印机搓纸轮。", "重新安装了打印驱动。"],
                ["Replaced the pick-up roller.", "Reinstalled the printer driver."]),
    "vpn": (["VPN 连接频繁断开", "VPN 无法连接", "远程桌面连不上"],
            ["VPN keeps disconnecting", "VPN does not connect", "Remote desktop fails"],
            ["在家办公时 VPN 每隔几分钟断开一次。", "提示证书错误 {code}。"],
            ["Working from home, the VPN drops every few minutes.",
             "A certificate error {code} appears."],
            ["更新了 VPN 客户端并重置用户配置。", "重新签发了证书。"],
            ["Updated the VPN client and reset the profile.", "Reissued the certificate."]),
    "software": (["Office 软件激活失败", "Excel 打开文件崩溃", "需要安装软件", "Word 无法保存"],
                 ["Office activation fails", "Excel crashes opening a file",
                  "Software installation request", "Word cannot save"],
                 ["打开 {file} 时程序崩溃。", "提示许可证已过期。"],
                 ["The program crashes opening {file}.", "It says the licence has expired."],
                 ["修复了 Office 安装并重新激活。", "已远程安装软件。"],
                 ["Repaired the Office installation and reactivated it.",
                  "Installed the software remotely."]),
    "wifi": (["会议室无线网络无法连接", "无线网络经常断线", "访客无线网络无法使用"],
             ["Meeting room Wi-Fi does not connect", "Wi-Fi drops often",
              "Guest Wi-Fi is not working"],
             ["{floor} 楼大会议室的无线网络连不上,无法获取 IP 地址。"],
             ["The Wi-Fi in the large meeting room on floor {floor} gives no IP address."],
             ["重启了无线 AP,连接恢复。", "扩大了 DHCP 地址池。"],
             ["Restarted the access point.", "Enlarged the DHCP pool."]),
    "phone": (["座机没有拨号音", "电话无法外呼", "来电无法转接"],
              ["Desk phone has no dial tone", "Cannot call outside", "Call transfer fails"],
              ["分机 {ext} 拿起听筒没有声音。"], ["Extension {ext} has no dial tone."],
              ["更换了电话线。", "重新配置了分机。"],
              ["Replaced the phone cable.", "Reconfigured the extension."]),
    "meeting": (["视频会议没有声音", "会议室投影无法显示", "视频会议无法接入"],
                ["No sound in the video meeting", "Meeting room projector shows nothing",
                 "Cannot join the video conference"],
                ["{floor} 楼会议室投影仪无信号。"], ["The projector on floor {floor} has no signal."],
                ["更换了 HDMI 线。", "更新了会议终端固件。"],
                ["Replaced the HDMI cable.", "Updated the codec firmware."]),
    "crm": (["CRM 客户资料无法保存", "CRM 报表数据不对", "CRM 登录很慢"],
            ["CRM cannot save a customer", "CRM report shows wrong figures", "CRM login is slow"],
            ["保存客户 {customer} 时提示错误 {code}。"],
            ["Saving customer {customer} fails with {code}."],
            ["修复了数据字段校验。", "重建了报表缓存。"],
            ["Fixed the field validation.", "Rebuilt the report cache."]),
    "oa": (["OA 审批流程卡住", "OA 系统无法登录", "报销单无法提交"],
           ["OA approval is stuck", "Cannot sign in to OA", "Expense claim cannot be submitted"],
           ["单据 {doc} 停留在审批节点。"], ["Document {doc} is stuck at an approval step."],
           ["重新推送了审批流程。", "修正了审批人配置。"],
           ["Pushed the approval flow again.", "Corrected the approver settings."]),
    "database": (["数据库连接失败", "报表查询超时", "数据库空间告警"],
                 ["Database connection fails", "Report query times out", "Database space alert"],
                 ["应用报错 {code},无法连接数据库。"],
                 ["The application reports {code} connecting to the database."],
                 ["扩容了表空间。", "重启了连接池。"],
                 ["Extended the tablespace.", "Restarted the connection pool."]),
    "security": (["电脑疑似中病毒", "收到钓鱼邮件", "杀毒软件报警"],
                 ["PC may have a virus", "Phishing e-mail received", "Antivirus alert"],
                 ["杀毒软件报告发现威胁 {code}。"], ["The antivirus reports threat {code}."],
                 ["隔离并清除了病毒。", "已封禁发件域名并提醒用户。"],
                 ["Quarantined and removed the threat.",
                  "Blocked the sender domain and warned the users."]),
    "mobile": (["手机无法收取公司邮件", "平板无法连接公司网络"],
               ["Phone does not get company mail", "Tablet cannot join the company network"],
               ["设备 {asset} 同步失败。"], ["Device {asset} fails to sync."],
               ["重新注册了移动设备。"], ["Re-enrolled the device."]),
    "share": (["共享文件夹无法访问", "共享盘文件被误删"],
              ["Cannot open the shared folder", "Files deleted from the shared drive"],
              ["访问 \\\\fs01\\{dept} 提示没有权限。"], ["\\\\fs01\\{dept} says access denied."],
              ["恢复了文件夹权限。", "从备份中恢复了文件。"],
              ["Restored the folder permissions.", "Restored the files from backup."]),
    "web": (["内网门户打不开", "门户页面显示错误"],
            ["Intranet portal does not open", "Portal page shows an error"],
            ["访问门户提示 {code}。"], ["The portal shows {code}."],
            ["重启了门户服务。"], ["Restarted the portal service."]),
}

NOTES_ZH = ["已电话联系用户,确认问题仍然存在。", "已远程连接用户电脑检查。", "等待用户下午回复。",
            "已转告供应商,等待反馈。", "现场查看,更换配件后观察。", "用户反馈问题偶发,继续跟踪。",
            "已收集日志,正在分析。", "已与用户约定明天上午处理。", "问题与网络有关,联系网络组。",
            "用户确认暂时可以工作。", "已升级处理,请二线协助。", "检查了打印队列和驱动。"]
NOTES_EN = ["Called the caller; the problem is still there.", "Connected to the PC remotely.",
            "Waiting for the caller's answer this afternoon.", "Passed to the vendor; waiting.",
            "On site: replaced a part, watching it.", "Intermittent; keeping an eye on it.",
            "Collected logs and analysing them.", "Agreed with the caller to fix it tomorrow.",
            "Looks like a network problem; asked the network team.",
            "Caller can work for now.", "Asked Level 2 for help.",
            "Checked the print queue and the driver."]
TRANSFER_NOTES = ["需要二线支持 / needs Level-2", "分类有误,转至正确的支持组 / wrong category",
                  "需要其他组协助 / needs another team"]
CONFIRM_NOTES = ["用户确认已恢复 / caller confirmed", "Caller confirmed by phone",
                 "用户邮件确认 / confirmed by e-mail"]
CLOSE_NOTES = ["已回访用户 / called back the caller", "Closed after the caller's confirmation",
               "问题已解决,关闭 / solved, closing"]
REJECT_NOTES = ["用户反馈问题仍然存在 / still happening", "The caller says it is not fixed"]
CHANGE_TITLES = ["更换核心交换机模块 / replace a switch module", "升级 ERP 补丁 / ERP patch",
                 "扩容存储 / extend storage", "Firewall rule change / 防火墙策略变更"]
CHANGE_OUTCOMES = ["变更已实施 / done", "Implemented in the maintenance window"]
ACK_COMMENTS = ["已联系支持组跟进 / followed up", "", "Discussed with the team lead"]
SYSTEMS = ["ERP", "CRM", "OA", "BI 报表", "SAP", "人事系统", "财务系统"]
DOMAINS = ["example.cn", "partner.com", "customer.com.cn", "supplier.net"]


def person(rng: random.Random, index: int) -> tuple[str, str]:
    """(user name, full name): Chinese names with pinyin, or English names."""
    if rng.random() < 0.7:
        (sz, sp), (gz, gp) = rng.choice(SURNAMES), rng.choice(GIVEN)
        return f"{sp}{gp}{index}".lower(), f"{sz}{gz} {sp} {gp}"
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first}.{last}{index}".lower(), f"{first} {last}"


_DETAILS = {
    "asset": lambda rng: f"PC-{rng.randrange(10000, 99999)}",
    "code": lambda rng: f"0x{rng.randrange(16**4):04X}",
    "user": lambda rng: f"u{rng.randrange(10000, 99999)}",
    "system": lambda rng: rng.choice(SYSTEMS),
    "domain": lambda rng: rng.choice(DOMAINS),
    "place": lambda rng: rng.choice(PLACES_ZH + PLACES_EN),
    "floor": lambda rng: rng.randrange(1, 25),
    "file": lambda rng: f"report_{rng.randrange(100, 999)}.xlsx",
    "ext": lambda rng: rng.randrange(1000, 9999),
    "customer": lambda rng: f"C{rng.randrange(100000, 999999)}",
    "doc": lambda rng: f"BX{rng.randrange(100000, 999999)}",
    "dept": lambda rng: f"dept{rng.randrange(1, 40)}",
}


class _Details(dict):
    """Random details drawn only for the placeholders a template has."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> object:
        value = _DETAILS[key](self.rng)
        self[key] = value
        return value


def _fill(rng: random.Random, template: str) -> str:
    return template.format_map(_Details(rng)) if "{" in template else template


def incident_text(rng: random.Random, topic: str, zh: bool) -> tuple[str, str]:
    """A title and a description in one language."""
    titles_zh, titles_en, details_zh, details_en, _, _ = TOPICS[topic]
    title = rng.choice(titles_zh if zh else titles_en)
    details = details_zh if zh else details_en
    chosen = rng.sample(details, k=min(len(details), rng.randint(1, 3)))
    parts = [_fill(rng, template) for template in chosen]
    return title, ("" if zh else " ").join(parts)


def resolution_text(rng: random.Random, topic: str, zh: bool) -> str:
    return rng.choice(TOPICS[topic][4] if zh else TOPICS[topic][5])


def note_text(rng: random.Random, zh: bool) -> str:
    return rng.choice(NOTES_ZH if zh else NOTES_EN)
