"""The demo organisation: a bilingual IT department of a mid-sized company."""

from __future__ import annotations

from desk_app.domain.enums import IncidentType as T
from desk_app.domain.enums import Role as R

DEMO_PASSWORD = "desk-demo"

# username, full name, roles, language
USERS = [
    ("chenjing", "陈静 Chen Jing", [R.PROCESS_OWNER, R.INCIDENT_MANAGER], "zh"),
    ("liuyang", "刘洋 Liu Yang", [R.INCIDENT_MANAGER], "zh"),
    ("wangfang", "王芳 Wang Fang", [R.SERVICE_DESK, R.TIER1], "zh"),
    ("emily", "Emily Carter", [R.SERVICE_DESK, R.TIER1], "en"),
    ("zhangwei", "张伟 Zhang Wei", [R.SERVICE_DESK, R.TIER1], "zh"),
    ("liqiang", "李强 Li Qiang", [R.TIER1], "zh"),
    ("tom", "Tom Baker", [R.TIER1], "en"),
    ("sunli", "孙丽 Sun Li", [R.TIER1], "zh"),
    ("priya", "Priya Nair", [R.TIER1], "en"),
    ("zhoujie", "周杰 Zhou Jie", [R.TIER1], "zh"),
    ("mark", "Mark Lee", [R.TIER1], "en"),
    ("zhaolei", "赵磊 Zhao Lei", [R.TIER2], "zh"),
    ("anna", "Anna Schmidt", [R.TIER2], "en"),
    ("hejing", "何静 He Jing", [R.DEPARTMENT_HEAD], "zh"),
    ("robert", "Robert Brown", [R.DEPARTMENT_HEAD], "en"),
    ("huangmin", "黄敏 Huang Min", [R.DEPARTMENT_HEAD], "zh"),
]

# key, English, 中文, head username
DEPARTMENTS = [
    ("it", "Information Technology", "信息部", "hejing"),
    ("finance", "Finance", "财务部", "robert"),
    ("sales", "Sales", "销售部", "huangmin"),
    ("hr", "Human Resources", "人力资源部", None),
    ("plant", "Manufacturing", "生产部", None),
]

# code, English, 中文, tier, department, members
GROUPS = [
    ("NET", "Network", "网络组", 1, "it", ["liqiang", "tom", "wangfang"]),
    ("APP", "Applications", "应用组", 1, "it", ["sunli", "priya", "emily"]),
    ("EUC", "Desktop support", "桌面支持组", 1, "it", ["zhoujie", "mark", "zhangwei"]),
    ("NET2", "Network L2", "网络二线", 2, "it", ["zhaolei"]),
    ("APP2", "Applications L2", "应用二线", 2, "it", ["anna"]),
]

# code, English, 中文, L1 group, L2 group
CATEGORIES = [
    ("network", "Network", "网络", "NET", "NET2"),
    ("vpn", "VPN and remote access", "VPN 与远程访问", "NET", "NET2"),
    ("email", "E-mail", "邮件", "APP", "APP2"),
    ("erp", "ERP", "ERP 系统", "APP", "APP2"),
    ("printer", "Printers", "打印机", "EUC", None),
    ("pc", "PC hardware", "电脑硬件", "EUC", None),
    ("account", "Accounts and passwords", "账号与密码", "EUC", "APP2"),
]

# name, department, VIP, location
CALLERS = [
    ("刘建国 Liu Jianguo", "finance", True, "总部 12F"),
    ("Sarah Johnson", "sales", True, "HQ 10F"),
    ("马丽 Ma Li", "finance", False, "总部 11F"),
    ("杨帆 Yang Fan", "sales", False, "上海分公司"),
    ("David Wilson", "sales", False, "HQ 9F"),
    ("吴敏 Wu Min", "hr", False, "总部 8F"),
    ("郑凯 Zheng Kai", "plant", False, "一号厂房"),
    ("Laura Martin", "hr", False, "HQ 8F"),
    ("徐静 Xu Jing", "finance", False, "总部 11F"),
    ("朱磊 Zhu Lei", "plant", False, "二号厂房"),
    ("James Taylor", "finance", False, "HQ 11F"),
    ("胡娟 Hu Juan", "sales", False, "北京分公司"),
    ("林峰 Lin Feng", "plant", False, "仓库"),
    ("Olivia Green", "sales", False, "HQ 9F"),
    ("高洁 Gao Jie", "it", False, "总部 6F"),
    ("罗勇 Luo Yong", "plant", False, "一号厂房"),
    ("Chris Evans", "hr", False, "HQ 8F"),
    ("梁红 Liang Hong", "finance", False, "总部 12F"),
    ("宋涛 Song Tao", None, False, ""),
    ("Guest Caller", None, False, ""),
]

# category, type, title, description
STORIES = [
    ("vpn", T.SYSTEM_FAULT, "VPN 连接频繁断开", "在家办公时 VPN 每隔几分钟断开一次,重新连接后又断开。"),
    ("vpn", T.SYSTEM_FAULT, "VPN keeps disconnecting", "Working from home, the VPN drops every few "
     "minutes and reconnects."),
    ("network", T.SYSTEM_FAULT, "会议室无线网络无法连接", "3 楼大会议室的无线网络连不上,显示无法获取 IP 地址。"),
    ("network", T.SYSTEM_FAULT, "Slow network on the 9th floor", "Web pages take a minute to "
     "load; colleagues nearby see the same."),
    ("network", T.BUSINESS_PROBLEM, "分公司网络中断影响开单", "上海分公司网络中断,销售无法在系统中开单。"),
    ("email", T.SYSTEM_FAULT, "Outlook 无法收取邮件", "Outlook 一直显示正在连接,新邮件收不到。"),
    ("email", T.INFORMATION_INQUIRY, "How do I share my calendar?", "The caller wants her "
     "assistant to see and edit her calendar."),
    ("email", T.SYSTEM_FAULT, "Mails to a customer bounce", "Messages to one customer domain "
     "come back as undeliverable."),
    ("erp", T.BUSINESS_PROBLEM, "ERP 月结报表无法生成", "财务月结时生成报表报错,影响月底结账。"),
    ("erp", T.BUSINESS_PROBLEM, "ERP order entry times out", "Saving a sales order times out "
     "after 30 seconds."),
    ("erp", T.USER_COMPLAINT, "ERP 系统太慢,多次反映无人处理", "用户投诉 ERP 查询很慢,之前反映过两次。"),
    ("printer", T.SYSTEM_FAULT, "打印机卡纸", "财务部彩色打印机频繁卡纸。"),
    ("printer", T.SYSTEM_FAULT, "Printer prints blank pages", "The 8th floor printer feeds "
     "paper but prints nothing."),
    ("pc", T.SYSTEM_FAULT, "笔记本电脑无法开机", "按电源键没有反应,充电指示灯不亮。"),
    ("pc", T.SYSTEM_FAULT, "Laptop screen flickers", "The screen flickers when the lid is "
     "moved."),
    ("pc", T.INFORMATION_INQUIRY, "新员工电脑申请流程咨询", "咨询新员工入职时电脑如何申领。"),
    ("account", T.SYSTEM_FAULT, "域账号被锁定", "多次输错密码后域账号被锁定,无法登录电脑。"),
    ("account", T.INFORMATION_INQUIRY, "How to reset my password?", "The caller forgot the "
     "password and asks how to reset it."),
    ("account", T.USER_COMPLAINT, "Password resets take too long", "The caller complains that "
     "resets took two days last time."),
    ("network", T.USER_COMPLAINT, "网络经常断线,影响工作", "用户投诉办公区网络每天断线多次。"),
]

#: What fixed each story, in the story's own language: the desk writes its notes in the language
#: the caller spoke, and a fix that matches the symptom is what makes the suggestions shown
#: while logging look like a real desk's (a printer jam "fixed" by a cable would not).
FIXES: dict[str, tuple[str, ...]] = {
    "VPN 连接频繁断开": ("升级了 VPN 客户端并重置了用户配置,连接稳定。",
                   "调低了家用路由器的 MTU,VPN 不再断开。"),
    "VPN keeps disconnecting": ("Updated the VPN client and reset the user's profile.",
                                "Lowered the home router's MTU; the VPN stays up."),
    "会议室无线网络无法连接": ("重启了会议室无线接入点,地址分配恢复正常。",
                     "扩大了无线网段的地址池,设备能正常获取 IP 地址。"),
    "Slow network on the 9th floor": ("Restarted the access switch port; speed is back.",
                                      "Replaced the faulty uplink cable."),
    "分公司网络中断影响开单": ("重启了分公司出口路由器,专线恢复。",
                     "运营商修复了专线故障,网络恢复正常。"),
    "Outlook 无法收取邮件": ("重建了 Outlook 邮件配置文件,邮件收发正常。",
                       "清理了已满的邮箱,新邮件可以收取。"),
    "How do I share my calendar?": ("Walked the caller through sharing the calendar.",
                                    "Gave the assistant edit rights on the calendar."),
    "Mails to a customer bounce": ("Removed the customer's domain from the block list.",
                                   "Fixed the mail relay's record for the customer's domain."),
    "ERP 月结报表无法生成": ("清理了 ERP 报表缓存并重新生成,报表正常。",
                      "修正了月结报表的参数设置,报表生成成功。"),
    "ERP order entry times out": ("Rebuilt the order tables' indexes; saving takes seconds.",
                                  "Restarted the ERP application server."),
    "ERP 系统太慢,多次反映无人处理": ("重建了数据库索引,ERP 查询恢复正常。",
                           "已向用户说明原因并跟进优化,查询速度恢复。"),
    "打印机卡纸": ("更换了打印机搓纸轮。", "清理了进纸通道,更换了受潮的纸张。"),
    "Printer prints blank pages": ("Replaced the empty toner cartridge.",
                                   "Cleaned the print head; pages print again."),
    "笔记本电脑无法开机": ("更换了电源适配器,电脑正常开机。", "更换了电池,电脑可以开机。"),
    "Laptop screen flickers": ("Updated the display driver; the flicker stopped.",
                               "Replaced the display cable."),
    "新员工电脑申请流程咨询": ("已向用户说明新员工电脑的申领流程。", "已指导用户完成操作。"),
    "域账号被锁定": ("解锁了账号,并与用户一起重置了密码。", "已解锁账号并提醒用户更新手机上的密码。"),
    "How to reset my password?": ("Unlocked the account and reset the password with the "
                                  "caller.", "Walked the caller through the self-service reset."),
    "Password resets take too long": ("Explained the new self-service reset to the caller.",
                                      "Reset the password and followed up on the delay."),
    "网络经常断线,影响工作": ("重启了接入交换机端口,连接恢复正常。", "更换了故障网线,网络恢复。"),
}

#: What the desk writes in the journal along the way, in the incident's language.
NOTES: dict[str, dict[str, str]] = {
    "zh": {
        "pending": "等待用户回复", "change": "更换核心交换机模块", "change_done": "变更已实施",
        "tier2": "需要二线支持", "wrong_category": "分类有误,转至正确的支持组",
        "rejected": "用户反馈问题仍然存在", "confirmed": "用户确认已恢复",
        "called_back": "已回访用户", "followed_up": "已联系支持组跟进",
        "told": "已电话告知", "no_answer": "无人接听",
    },
    "en": {
        "pending": "Waiting for the caller's reply", "change": "Replace a switch module",
        "change_done": "Change carried out", "tier2": "Needs Level-2 support",
        "wrong_category": "Wrong category, sent to the right group",
        "rejected": "The caller says it still happens", "confirmed": "The caller confirmed the fix",
        "called_back": "Called the caller back", "followed_up": "Followed up with the group",
        "told": "Told by phone", "no_answer": "No answer",
    },
}


def language_of(text: str) -> str:
    """"zh" for a text with Chinese characters in it, else "en"."""
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"
