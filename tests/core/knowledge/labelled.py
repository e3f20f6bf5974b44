"""A labelled set for suggestion quality (docs/knowledge.md): earlier incidents and articles
a desk holds, and what callers later say, each with the items a good agent would want to see.

Each topic has earlier resolved incidents (title, description, resolution) and at most one
article, in Chinese, English or both; its queries are written the way a caller speaks, not
copied from the stored titles. Every other topic's items are distractors.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Topic:
    key: str
    incidents: list[tuple[str, str, str]]
    queries: list[str]
    article: tuple[str, str, str] | None = None  # (symptom, resolution, language)
    network: bool = True  # in the network category, else e-mail/applications
    extra: list[str] = field(default_factory=list)


TOPICS: list[Topic] = [
    Topic("vpn_drop", [
        ("VPN 连接频繁断开", "在家办公时 VPN 每隔十分钟断一次", "重新安装 VPN 客户端并更新证书"),
        ("VPN keeps disconnecting", "Remote user loses the VPN tunnel every few minutes",
         "Reinstalled the VPN client and renewed the certificate"),
    ], ["VPN 老是断开", "在家连 VPN 一会儿就掉线断开了", "my vpn drops out all the time",
        "VPN disconnected again while working from home", "远程办公 VPN 隧道经常断开"],
        ("VPN 连接频繁断开\n隧道每隔几分钟断开", "更新 VPN 证书,重装客户端", "zh")),
    Topic("vpn_login", [
        ("VPN 登录提示证书无效", "连接 VPN 时报证书错误", "导入新的根证书"),
        ("VPN login fails with certificate error", "Client says the certificate is invalid",
         "Imported the new root certificate"),
    ], ["连 VPN 的时候说证书无效登录不了", "VPN says my certificate is invalid",
        "cannot log in to VPN certificate error", "VPN 登录报证书错误", "vpn 证书过期了?"]),
    Topic("wifi_meeting", [
        ("会议室无线网络无法连接", "3 楼会议室 Wi-Fi 连不上", "重启会议室无线接入点"),
        ("Meeting room Wi-Fi not working", "Guests cannot join the Wi-Fi in room 301",
         "Restarted the access point in the meeting room"),
    ], ["会议室的无线连不上", "wifi in the meeting room is down", "3楼会议室 Wi-Fi 用不了",
        "can't get on the wireless in the conference room", "开会的时候无线网络连接不上"]),
    Topic("printer_jam", [
        ("打印机卡纸", "财务部打印机一直卡纸", "清理进纸通道并更换搓纸轮"),
        ("Printer paper jam", "The printer on floor 5 jams on every job",
         "Cleaned the paper path and replaced the pickup roller"),
    ], ["财务的打印机又卡纸了", "printer keeps jamming paper", "打印机纸卡住了拿不出来",
        "paper stuck in the printer on 5th floor", "打印的时候卡纸"], network=False),
    Topic("printer_blank", [
        ("Printer prints blank pages", "Pages come out empty", "Replaced the toner cartridge"),
        ("打印机打出白纸", "打印出来是空白页", "更换硒鼓"),
    ], ["the printer gives me empty pages", "打印出来全是白纸没有字", "blank page printing",
        "打印机打印空白", "printouts are blank"], network=False),
    Topic("outlook_receive", [
        ("Outlook 无法收取邮件", "收件箱一直没有新邮件", "重建 Outlook 配置文件"),
        ("Outlook not receiving mail", "No new mail arrives in the inbox",
         "Recreated the Outlook profile"),
    ], ["outlook 收不到邮件了", "I am not getting any emails in Outlook", "收件箱没有新邮件进来",
        "Outlook inbox is not updating with new mail", "邮件收不到,outlook 没反应"],
        ("Outlook does not receive mail\nInbox stays empty", "Recreate the Outlook profile",
         "en"), network=False),
    Topic("mail_bounce", [
        ("Mails to a customer bounce", "Messages to one customer domain come back",
         "Removed the domain from the blocked list"),
        ("发给客户的邮件被退回", "发往某客户域名的邮件全部退信", "将该域名移出拦截列表"),
    ], ["my emails to the client bounce back", "给客户发邮件被退信了", "邮件退回来了发不出去",
        "mail to customer domain returned undeliverable", "客户收不到我们的邮件,退回"],
        network=False),
    Topic("mailbox_full", [
        ("邮箱已满无法发送", "提示邮箱空间不足", "扩大邮箱配额并归档旧邮件"),
        ("Mailbox full", "User cannot send because the mailbox is over quota",
         "Raised the quota and archived old mail"),
    ], ["邮箱满了发不了邮件", "it says my mailbox is full", "邮箱空间不足怎么办",
        "mailbox over quota cannot send", "提示邮箱容量已满"], network=False),
    Topic("password_reset", [
        ("How to reset my password?", "User forgot the domain password",
         "Reset the password through the self-service portal"),
        ("忘记密码需要重置", "用户忘记了域账号密码", "通过自助门户重置密码"),
    ], ["I forgot my password", "密码忘了怎么重置", "need a password reset please",
        "忘记登录密码了", "how do I change a forgotten password"], network=False),
    Topic("account_locked", [
        ("域账号被锁定", "输错密码多次后账号锁定", "在域控制器上解锁账号"),
        ("Domain account locked out", "Account locked after several wrong passwords",
         "Unlocked the account on the domain controller"),
    ], ["账号被锁了登不上", "my account is locked out", "输错几次密码账号锁定了",
        "locked out of windows after wrong password", "域账户锁住了"], network=False),
    Topic("laptop_boot", [
        ("笔记本电脑无法开机", "按电源键没有反应", "更换电源适配器"),
        ("Laptop will not power on", "Nothing happens when pressing the power button",
         "Replaced the power adapter"),
    ], ["笔记本开不了机", "laptop won't turn on", "电脑按电源没反应", "my notebook does not start",
        "笔记本电脑开机没有反应"], network=False),
    Topic("screen_flicker", [
        ("Laptop screen flickers", "Display flickers when moving the lid",
         "Replaced the display cable"),
        ("笔记本屏幕闪烁", "屏幕一直闪", "更换屏线"),
    ], ["my screen keeps flickering", "屏幕一闪一闪的", "display flashing on laptop",
        "电脑屏幕闪", "the laptop display flickers"], network=False),
    Topic("erp_timeout", [
        ("ERP order entry times out", "Saving a sales order times out",
         "Rebuilt the order table indexes"),
        ("ERP 录入订单超时", "保存销售订单时超时", "重建订单表索引"),
    ], ["ERP 保存订单一直超时", "erp times out when I save an order", "录单的时候 ERP 超时",
        "sales order entry in ERP hangs then times out", "ERP 下单超时"], network=False),
    Topic("erp_report", [
        ("ERP 月结报表无法生成", "月末结账报表生成失败", "清理临时表后重新运行月结"),
        ("ERP month-end report fails", "Month-end closing report does not generate",
         "Cleared temporary tables and reran the month-end job"),
    ], ["月结报表出不来", "ERP 月末报表生成不了", "month end report in ERP won't generate",
        "结账报表生成失败", "month-end closing report error"], network=False),
    Topic("slow_network", [
        ("Slow network on the 9th floor", "Everything is slow on floor 9",
         "Replaced the faulty switch uplink"),
        ("9 楼网速很慢", "九楼上网特别慢", "更换故障交换机上联端口"),
    ], ["the network is really slow on floor 9", "9楼上网太慢了", "九楼网络很卡",
        "internet very slow on ninth floor", "我们楼层网速慢"]),
    Topic("branch_outage", [
        ("分公司网络中断影响开单", "分公司所有电脑断网", "联系运营商修复专线"),
        ("Branch office network outage", "The branch lost its network link",
         "The carrier repaired the leased line"),
    ], ["分公司断网了没法开单", "the branch office has no network", "分店网络全部中断",
        "branch lost connectivity completely", "分公司专线断了"]),
    Topic("new_pc", [
        ("新员工电脑申请流程咨询", "新员工入职需要电脑", "告知通过服务目录提交申请"),
        ("How to request a PC for a new hire", "New starter needs a computer",
         "Explained how to order through the service catalogue"),
    ], ["新同事入职要申请电脑怎么办", "how do I get a computer for a new employee",
        "新员工电脑怎么申请", "ordering a laptop for a new starter", "入职申请电脑流程"],
        network=False),
    Topic("calendar_share", [
        ("How do I share my calendar?", "User wants colleagues to see the calendar",
         "Showed the calendar sharing settings in Outlook"),
        ("如何共享日历", "想让同事看到我的日历", "演示 Outlook 日历共享设置"),
    ], ["怎么把日历共享给同事", "can my team see my calendar", "share calendar with colleague",
        "日历共享怎么设置", "how to let others view my calendar"], network=False),
    Topic("teams_audio", [
        ("Teams 会议没有声音", "开会时听不到别人说话", "重新选择音频设备并更新驱动"),
        ("No sound in Teams meetings", "Cannot hear anyone in Teams calls",
         "Reselected the audio device and updated the driver"),
    ], ["teams 开会听不到声音", "no audio in my teams call", "Teams 会议里别人说话听不见",
        "I can't hear people in Teams", "视频会议没有声音"], network=False),
    Topic("shared_drive", [
        ("共享盘无法访问", "映射的 S 盘打不开", "重新映射网络驱动器并授予权限"),
        ("Cannot access the shared drive", "Mapped S: drive says access denied",
         "Remapped the network drive and granted permissions"),
    ], ["S 盘打不开了", "can't open the shared drive", "共享文件夹访问被拒绝",
        "network drive access denied", "共享盘进不去"]),
    Topic("dns", [
        ("内部网站打不开", "浏览器提示找不到服务器", "刷新 DNS 缓存并修正 DNS 服务器地址"),
        ("Intranet site not found", "Browser says the server cannot be found",
         "Flushed DNS and corrected the DNS server address"),
    ], ["公司内网网站打不开", "intranet page cannot be found", "内部系统网页找不到服务器",
        "the company portal won't load, server not found", "内网打不开"]),
    Topic("keyboard", [
        ("键盘部分按键失灵", "有几个键按了没反应", "更换键盘"),
        ("Some keyboard keys do not work", "Several keys do nothing", "Replaced the keyboard"),
    ], ["键盘有几个键按不动", "my keyboard keys stopped working", "键盘失灵了",
        "some keys on the keyboard are dead", "键盘按键没反应"], network=False),
    Topic("software_install", [
        ("申请安装软件", "需要安装 Visio", "通过软件中心推送安装"),
        ("Request to install software", "User needs Visio installed",
         "Pushed the install through the software centre"),
    ], ["我需要装一个 Visio", "can you install software on my PC", "想安装一个软件",
        "please install Visio for me", "电脑上装软件要怎么申请"], network=False),
    Topic("virus", [
        ("电脑中病毒弹广告", "桌面不停弹出广告窗口", "全盘杀毒并清除恶意插件"),
        ("Pop-up ads, suspected malware", "Adverts keep popping up on the desktop",
         "Ran a full antivirus scan and removed the adware"),
    ], ["电脑一直弹广告是不是中毒了", "I think my PC has a virus, lots of pop-ups",
        "桌面老弹窗广告", "adverts popping up everywhere", "电脑中毒了"], network=False),
    Topic("disk_full", [
        ("C 盘空间不足", "系统盘满了电脑很卡", "清理临时文件并迁移用户数据"),
        ("C drive is full", "Low disk space warning on C:", "Cleaned temp files and moved data"),
    ], ["C盘满了", "my C drive is out of space", "电脑提示磁盘空间不足",
        "low disk space on c", "系统盘红了"], network=False),
    Topic("phone", [
        ("座机没有拨号音", "桌上电话拿起来没声音", "更换电话线并重启话机"),
        ("Desk phone has no dial tone", "Phone is silent when picked up",
         "Replaced the phone cable and restarted the handset"),
    ], ["座机没声音打不出去", "my desk phone has no dial tone", "电话拿起来没有拨号音",
        "office phone dead", "分机电话没声音"]),
    Topic("monitor", [
        ("显示器无信号", "外接显示器黑屏提示无信号", "更换 HDMI 线"),
        ("Monitor shows no signal", "External monitor stays black with no signal",
         "Replaced the HDMI cable"),
    ], ["显示器黑屏没信号", "second monitor says no signal", "外接屏幕不亮",
        "my monitor is black, no input", "显示器提示无信号"], network=False),
    Topic("sap_permission", [
        ("SAP 没有权限访问事务码", "执行事务时提示无权限", "在 SAP 中分配相应角色"),
        ("SAP transaction not authorised", "User gets an authorisation error in SAP",
         "Assigned the SAP role"),
    ], ["SAP 提示没有权限", "I'm not authorised for a transaction in SAP",
        "SAP 事务码打不开说权限不足", "sap authorization error", "SAP 权限不够"], network=False),
    Topic("wifi_password", [
        ("访客 Wi-Fi 密码是多少", "访客需要连接无线网", "告知当日访客 Wi-Fi 密码"),
        ("Guest Wi-Fi password", "A visitor needs the wireless password",
         "Gave the guest Wi-Fi password of the day"),
    ], ["访客 wifi 密码多少", "what is the guest wifi password", "来访客人要连无线网",
        "visitor needs wifi access", "客户来了要 Wi-Fi 密码"]),
    Topic("projector", [
        ("会议室投影仪无法投屏", "笔记本连上投影仪没有画面", "更新投影仪固件并改用扩展模式"),
        ("Projector shows no picture", "Laptop connected to the projector shows nothing",
         "Updated the projector firmware and switched to extended display"),
    ], ["投影仪投不出画面", "the projector won't show my laptop", "会议室投屏没反应",
        "can't project my screen in the meeting room", "笔记本接投影仪没画面"],
        network=False),
    Topic("remote_desktop", [
        ("远程桌面连接失败", "无法远程连接到办公室电脑", "在防火墙放行远程桌面端口"),
        ("Remote desktop connection fails", "Cannot RDP to the office PC",
         "Allowed the remote desktop port through the firewall"),
    ], ["远程桌面连不上公司电脑", "RDP to my office computer fails", "远程连接办公电脑失败",
        "remote desktop won't connect", "在家远程不了办公室的电脑"]),
]
