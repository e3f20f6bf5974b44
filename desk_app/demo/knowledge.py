"""The demo's knowledge: published articles reviewed by Level-2 staff, and the process
owner's templates for the incidents the desk logs most."""

from __future__ import annotations

from desk_app.services.knowledge.articles import ArticleForm, create_article, publish_article
from desk_app.services.knowledge.templates import TemplateForm, save_template
from desk_app.services.session import Session

# category, language, symptom, cause, resolution
ARTICLES = [
    ("vpn", "zh", "VPN 连接频繁断开\n在家或出差时 VPN 每隔几分钟断开,重连后不久又断开。",
     "VPN 客户端版本过旧,用户证书即将过期。",
     "1. 卸载旧版 VPN 客户端,安装软件中心里的最新版本;\n2. 在证书管理器中更新用户证书;\n"
     "3. 重新连接,请用户观察 30 分钟确认不再断开。"),
    ("vpn", "en", "VPN keeps disconnecting\nThe VPN drops every few minutes when working "
     "from home and drops again after reconnecting.",
     "An old VPN client and a user certificate about to expire.",
     "1. Uninstall the old VPN client and install the latest one from the software centre;\n"
     "2. Renew the user certificate in the certificate manager;\n"
     "3. Reconnect and ask the caller to watch it for 30 minutes."),
    ("printer", "zh", "打印机频繁卡纸\n打印时纸张卡在进纸口或定影器。",
     "搓纸轮磨损或纸张受潮。",
     "清理进纸通道,更换搓纸轮,使用干燥的新纸;仍卡纸则报桌面支持组上门。"),
    ("account", "zh", "域账号被锁定\n多次输错密码后无法登录电脑。", "密码输错次数超过策略上限。",
     "核实报告人身份后在域控制器上解锁账号,并请用户当场修改密码。"),
    ("email", "en", "Outlook does not receive new mail\nThe inbox stops updating.",
     "A damaged Outlook profile.", "Create a new Outlook profile and set it as the default; "
     "mail arrives again within a minute."),
]

# category, language, name, impact, title, description skeleton
TEMPLATES = [
    ("vpn", "zh", "VPN 断开", 3, "VPN 连接频繁断开",
     "断开频率:\n使用地点(家里/出差/办公室):\nVPN 客户端版本:\n已尝试的操作:"),
    ("vpn", "en", "VPN drops", 3, "VPN keeps disconnecting",
     "How often it drops:\nWhere (home/travel/office):\nVPN client version:\nTried so far:"),
    ("account", "zh", "账号锁定", 4, "域账号被锁定", "账号:\n最后一次成功登录:\n已核实身份:是/否"),
    ("account", "en", "Password reset", 4, "Password reset",
     "Account:\nIdentity checked: yes/no\nSelf-service portal tried: yes/no"),
    ("printer", "zh", "打印机卡纸", 4, "打印机卡纸", "打印机位置与编号:\n卡纸位置:\n纸张类型:"),
]


def add_knowledge(owner: Session, reviewer: Session, categories: dict[str, int]) -> None:
    for category, language, symptom, cause, resolution in ARTICLES:
        article = create_article(reviewer, ArticleForm(
            symptom, resolution, cause, categories[category], language)).new_id
        publish_article(reviewer, article)
    for category, language, name, impact, title, description in TEMPLATES:
        save_template(owner, TemplateForm(name, language, categories[category], impact, title,
                                          description))
