<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CertificateField</name>
    <message>
        <source>Certificates and keys (*.crt *.pem *.cer *.key);;All files (*)</source>
        <extracomment>libpq&apos;s TLS modes, most used first.</extracomment>
        <translation>证书和密钥 (*.crt *.pem *.cer *.key);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>%1d %2h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>超时 %1</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>desk-app database (*.sqlite *.db);;All files (*)</source>
        <translation>desk-app 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>This folder is on a network share (%1): every workstation that can reach it can share the file.</source>
        <translation>该文件夹位于网络共享上（%1）：能访问它的每台工作站都可以共用这个文件。</translation>
    </message>
    <message>
        <source>This folder is on this computer&apos;s disk (%1): only this computer uses the file.</source>
        <translation>该文件夹位于本机磁盘上（%1）：只有本机使用这个文件。</translation>
    </message>
    <message>
        <source>A file with this name already exists. Choose “Open an existing database”, or another name.</source>
        <translation>已存在同名文件。请选择“打开现有数据库”，或换一个文件名。</translation>
    </message>
    <message>
        <source>There is no file at this place.</source>
        <translation>此位置没有文件。</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Where the new database file goes.</source>
        <translation>新数据库文件的存放位置。</translation>
    </message>
    <message>
        <source>Existing database</source>
        <translation>现有数据库</translation>
    </message>
    <message>
        <source>The database file your team already uses.</source>
        <translation>团队正在使用的数据库文件。</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>To share it, put the file in a shared folder (for example \\server\desk\desk.sqlite) and open the same file on every workstation.</source>
        <translation>如需共用，请把文件放在共享文件夹中（例如 \\server\desk\desk.sqlite），并在每台工作站上打开同一个文件。</translation>
    </message>
    <message>
        <source>Choose the file your team already uses.</source>
        <translation>请选择团队正在使用的文件。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>desk-app demo</source>
        <translation>desk-app 演示</translation>
    </message>
    <message>
        <source>Making the demo database: three weeks of a service desk&apos;s incidents…</source>
        <translation>正在生成演示数据库：服务台三周的事件…</translation>
    </message>
</context>
<context>
    <name>EscalationScreens</name>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Escalation review</source>
        <translation>升级审核</translation>
    </message>
    <message>
        <source>Call tasks</source>
        <translation>电话任务</translation>
    </message>
    <message>
        <source>Duty roster</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>&amp;Escalations</source>
        <translation>升级(&amp;E)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Any priority</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Any support group</source>
        <translation>全部支持组</translation>
    </message>
    <message>
        <source>Show only this priority</source>
        <translation>只显示此优先级</translation>
    </message>
    <message>
        <source>Show only this stage</source>
        <translation>只显示此阶段</translation>
    </message>
    <message>
        <source>Show only this support group</source>
        <translation>只显示此支持组</translation>
    </message>
    <message>
        <source>Filter by number, title or caller</source>
        <translation>按编号、标题或报告人筛选</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>清除筛选条件</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>desk-app — first start</source>
        <translation>desk-app — 首次启动</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to desk-app</source>
        <translation>欢迎使用 desk-app</translation>
    </message>
    <message>
        <source>Incident management for your IT service desk.</source>
        <translation>为 IT 服务台打造的事件管理工具。</translation>
    </message>
    <message>
        <source>Choose the language of the program. You can change it later under File → Preferences.</source>
        <translation>请选择程序的语言。以后可在“文件 → 首选项”中更改。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <extracomment>The file&apos;s deferred checks start once the first queue is read, or after this at the latest. Counts and &quot;Breaching soon&quot; move with the clock even when nobody writes. changed + external (and bursts of either) within this window make one refresh.</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>事件(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Log incident…</source>
        <translation>记录事件(&amp;L)…</translation>
    </message>
    <message>
        <source>Log a new incident (Ctrl+N)</source>
        <translation>记录一个新事件 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find an incident by number, caller or words (Ctrl+F)</source>
        <translation>按编号、报告人或关键词查找事件 (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the queues again (F5)</source>
        <translation>重新读取队列 (F5)</translation>
    </message>
    <message>
        <source>&amp;Open incident</source>
        <translation>打开事件(&amp;O)</translation>
    </message>
    <message>
        <source>Open the selected incident (Enter)</source>
        <translation>打开选中的事件 (Enter)</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>Close the current tab</source>
        <translation>关闭当前标签页</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>下一个标签页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>上一个标签页(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;olumns…</source>
        <translation>列(&amp;O)…</translation>
    </message>
    <message>
        <source>Choose and order the columns of the queue</source>
        <translation>选择队列显示哪些列及其顺序</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Language and other settings</source>
        <translation>语言和其他设置</translation>
    </message>
    <message>
        <source>Process &amp;settings…</source>
        <translation>流程设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Users, support groups, categories, priority matrix, service targets, calendars, codes and escalation rules</source>
        <translation>用户、支持组、事件分类、优先级矩阵、服务目标、工作日历、各类代码和升级规则</translation>
    </message>
    <message>
        <source>&amp;Callers…</source>
        <translation>报告人(&amp;C)…</translation>
    </message>
    <message>
        <source>Add, correct and retire callers; VIP callers&apos; incidents default to high urgency</source>
        <translation>添加、修改和停用报告人;VIP 报告人的事件紧急度默认为“高”</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Bring incidents in from ServiceNow, GLPI or another tool&apos;s CSV export</source>
        <translation>从 ServiceNow、GLPI 或其他工具的 CSV 导出文件导入事件</translation>
    </message>
    <message>
        <source>&amp;Export or import everything…</source>
        <translation>导出或导入全部数据(&amp;E)…</translation>
    </message>
    <message>
        <source>The whole database to a folder of CSV files, or such a folder into a new database</source>
        <translation>把整个数据库导出为一个 CSV 文件夹,或把这样的文件夹导入新数据库</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>Sign out, so that someone else can sign in</source>
        <translation>注销，以便其他人登录</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About desk-app</source>
        <translation>关于 desk-app(&amp;A)</translation>
    </message>
    <message>
        <source>The database is open read-only: nothing can be saved here.</source>
        <translation>数据库以只读方式打开:此处无法保存任何内容。</translation>
    </message>
    <message>
        <source>Number, caller or words…  (Ctrl+F)</source>
        <translation>编号、报告人或关键词…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find incidents by number (INC0000042 or 42), by the caller&apos;s name or phone, or by words in the title, description, work notes and resolution</source>
        <translation>按编号（INC0000042 或 42）、报告人姓名或电话，或者标题、描述、工作记录和解决方案中的词语查找事件</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>新事件</translation>
    </message>
    <message>
        <source>This database is open read-only: %1. You can look at everything, but nothing can be saved here.</source>
        <translation>该数据库以只读方式打开:%1。您可以查看所有内容,但此处无法保存任何修改。</translation>
    </message>
    <message>
        <source>The database was restored from a backup; opening it again…</source>
        <translation>数据库已从备份恢复,正在重新打开……</translation>
    </message>
    <message>
        <source>The database was opened again after a restore. Check what you were editing and save it again.</source>
        <translation>数据库恢复后已重新打开。请核对正在编辑的内容,然后再次保存。</translation>
    </message>
    <message>
        <source>Process settings — desk-app</source>
        <translation>流程设置 — desk-app</translation>
    </message>
    <message>
        <source>About desk-app</source>
        <translation>关于 desk-app</translation>
    </message>
    <message>
        <source>desk-app: incident management for IT service desks.
Several workstations share one database file, on this computer or in a shared folder.</source>
        <translation>desk-app：面向 IT 服务台的事件管理工具。
多台工作站共用一个数据库文件，可放在本机或共享文件夹中。</translation>
    </message>
    <message>
        <source>Close desk-app?</source>
        <translation>关闭 desk-app？</translation>
    </message>
    <message>
        <source>These tabs have input that is not saved yet: %1. Close anyway and lose that input?</source>
        <translation>以下标签页有尚未保存的输入：%1。仍要关闭并放弃这些输入吗？</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>All incidents live in one database: a shared file, or your team&apos;s PostgreSQL server.</source>
        <translation>所有事件都保存在一个数据库中:共享文件,或团队的 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>&amp;Create a new database</source>
        <translation>新建数据库(&amp;C)</translation>
    </message>
    <message>
        <source>For a team starting with desk-app. You become its process owner.</source>
        <translation>适用于刚开始使用 desk-app 的团队。您将成为其流程负责人。</translation>
    </message>
    <message>
        <source>&amp;Open an existing database</source>
        <translation>打开现有数据库(&amp;O)</translation>
    </message>
    <message>
        <source>For a workstation joining a team that already has its database.</source>
        <translation>适用于加入已有数据库的团队的工作站。</translation>
    </message>
    <message>
        <source>Where the database lives:</source>
        <translation>数据库存放位置:</translation>
    </message>
    <message>
        <source>In a &amp;file (on this computer or in a shared folder)</source>
        <translation>文件(&amp;F)(在本机或共享文件夹中)</translation>
    </message>
    <message>
        <source>On our team&apos;s &amp;server (PostgreSQL)</source>
        <translation>我们团队的服务器(&amp;S)(PostgreSQL)</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Creating the database…</source>
        <translation>正在创建数据库…</translation>
    </message>
    <message>
        <source>The file could not be created: %1</source>
        <translation>无法创建文件：%1</translation>
    </message>
    <message>
        <source>Process owner</source>
        <translation>流程负责人</translation>
    </message>
    <message>
        <source>The first account is the process owner: the person who looks after the process settings (priority matrix, service targets, codes, people). Others get their accounts from the process owner.</source>
        <translation>第一个账户是流程负责人：负责维护流程设置（优先级矩阵、服务目标、各类代码、人员）。其他人的账户由流程负责人创建。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>姓名(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>PasswordNotice</name>
    <message>
        <source>The server %1 refused this computer&apos;s password (it was changed on the server). What is shown may be out of date, and nothing can be saved until the password is entered again.</source>
        <translation>服务器 %1 拒绝了本机保存的密码（服务器上的密码已更改）。显示的内容可能已过时，重新输入密码之前无法保存任何内容。</translation>
    </message>
    <message>
        <source>&amp;Enter the password…</source>
        <translation>输入密码(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Every window changes language at once, and the choice goes with you to any workstation. A tab with unsaved input changes when you open it again.</source>
        <translation>所有窗口立即切换语言,并且该选择会随您到任何工作站。含有未保存输入的标签页在您再次打开时切换。</translation>
    </message>
</context>
<context>
    <name>QueueColumn</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>事件分类</translation>
    </message>
    <message>
        <source>Support group</source>
        <translation>支持组</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>最后更新</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Pending (%1): no target time counts while it waits</source>
        <translation>等待中（%1）：等待期间不计入目标时间</translation>
    </message>
    <message>
        <source>VIP caller: urgency defaults to High</source>
        <translation>VIP 报告人：紧急度默认为“高”</translation>
    </message>
    <message>
        <source>Escalated %1 time(s); %2 not yet acknowledged by a supervisor</source>
        <translation>已升级 %1 次；其中 %2 次尚未经主管确认</translation>
    </message>
    <message>
        <source>Next target time: %1</source>
        <translation>下一个目标时间：%1</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Restore the default columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <source>No incidents here.</source>
        <translation>这里没有事件。</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>Queues</name>
    <message>
        <source>My work</source>
        <extracomment>Order and names of the queues (translated in the &quot;Queues&quot; context).</extracomment>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>My groups</source>
        <translation>我的支持组</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>待指派</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Breaching soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>All incidents</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <source>Open incidents assigned to me</source>
        <translation>指派给我的未完成事件</translation>
    </message>
    <message>
        <source>Open incidents of my support groups</source>
        <translation>我所在支持组的未完成事件</translation>
    </message>
    <message>
        <source>Logged incidents not yet assigned</source>
        <translation>已记录但尚未指派的事件</translation>
    </message>
    <message>
        <source>Incidents waiting with a wait code; their target times do not count</source>
        <translation>带等待代码处于等待状态的事件；等待期间不计入目标时间</translation>
    </message>
    <message>
        <source>The next target time runs out within an hour</source>
        <translation>下一个目标时间将在一小时内到期</translation>
    </message>
    <message>
        <source>Incidents with an escalation no supervisor has acknowledged yet; the count is of incidents (the escalation review counts escalations, an incident may have several)</source>
        <translation>有尚未经主管确认的升级的事件；计数的是事件（升级审查计数的是升级，一个事件可能有多次升级）</translation>
    </message>
    <message>
        <source>Resolved; the caller has not confirmed the result yet</source>
        <translation>已解决；报告人尚未确认处理结果</translation>
    </message>
    <message>
        <source>Every incident, open and closed</source>
        <translation>全部事件，包括已关闭的</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>This screen is not part of this build yet.</source>
        <translation>此版本尚未包含该界面。</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>新事件</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
</context>
<context>
    <name>SearchColumn</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>最后更新</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search: %1</source>
        <translation>搜索：%1</translation>
    </message>
    <message>
        <source>Searching for “%1”…</source>
        <translation>正在搜索“%1”…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Try fewer words, part of a word, a number or a caller&apos;s name.</source>
        <translation>没有找到与“%1”相关的事件。请尝试减少关键词、只输入词的一部分、编号或报告人姓名。</translation>
    </message>
    <message>
        <source>%1 incident(s) found for “%2”, best first (at most %3).</source>
        <translation>找到 %1 个与“%2”相关的事件，按相关度排列（最多 %3 个）。</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
</context>
<context>
    <name>ServerFields</name>
    <message>
        <source>&amp;Server:</source>
        <extracomment>TLS files: the certificate authority that signed the server&apos;s certificate (``sslrootcert``), and this computer&apos;s own certificate and key where the server asks for one (``sslcert``, ``sslkey``)</extracomment>
        <translation>服务器(&amp;S):</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>传输加密 TLS(&amp;T):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>CA 证书(&amp;C):</translation>
    </message>
    <message>
        <source>C&amp;lient certificate:</source>
        <translation>客户端证书(&amp;L):</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>客户端密钥(&amp;K):</translation>
    </message>
    <message>
        <source>the file of the authority that signed the server&apos;s certificate</source>
        <translation>签发服务器证书的证书颁发机构的文件</translation>
    </message>
    <message>
        <source>only if the server asks for this computer&apos;s certificate</source>
        <translation>仅当服务器要求本机证书时填写</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>prefer (encrypted when the server offers it)</source>
        <translation>prefer(服务器支持时加密)</translation>
    </message>
    <message>
        <source>require (always encrypted)</source>
        <translation>require(始终加密)</translation>
    </message>
    <message>
        <source>verify-full (encrypted, server&apos;s certificate and name checked)</source>
        <translation>verify-full(加密,并检查服务器证书和名称)</translation>
    </message>
    <message>
        <source>verify-ca (encrypted, server&apos;s certificate checked)</source>
        <translation>verify-ca(加密,并检查服务器证书)</translation>
    </message>
    <message>
        <source>disable (never encrypted)</source>
        <translation>disable(从不加密)</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>在本机记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>This computer has no credential store: the password is asked for at each start</source>
        <translation>本机没有凭据存储:每次启动时都会询问密码</translation>
    </message>
    <message>
        <source>T&amp;est the connection</source>
        <translation>测试连接(&amp;E)</translation>
    </message>
    <message>
        <source>for example db.example.com</source>
        <translation>例如 db.example.com</translation>
    </message>
    <message>
        <source>This database was made by a newer version of desk-app (schema %1): install the newer version on this computer.</source>
        <translation>此数据库由更新版本的 desk-app 创建(架构 %1):请在本机安装更新的版本。</translation>
    </message>
    <message>
        <source>This database already holds a desk-app database.</source>
        <translation>此数据库中已有 desk-app 数据库。</translation>
    </message>
    <message>
        <source>This database holds no desk-app database yet.</source>
        <translation>此数据库中还没有 desk-app 数据库。</translation>
    </message>
    <message>
        <source>This database holds no desk-app database, and this user may not make one there: ask the server&apos;s administrator to make the user the database&apos;s owner.</source>
        <translation>此数据库中没有 desk-app 数据库,且此用户无权在其中创建:请让服务器管理员将此用户设为该数据库的所有者。</translation>
    </message>
    <message>
        <source>The server has no database of this name yet.</source>
        <translation>服务器上还没有这个名称的数据库。</translation>
    </message>
    <message>
        <source>The server has no database of this name, and this user may not make one: ask the server&apos;s administrator to make it.</source>
        <translation>服务器上没有这个名称的数据库,且此用户无权创建:请让服务器管理员创建它。</translation>
    </message>
    <message>
        <source>The server could not be used: %1</source>
        <translation>无法使用该服务器:%1</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Our team&apos;s server</source>
        <translation>我们团队的服务器</translation>
    </message>
    <message>
        <source>The PostgreSQL server where the new database goes.</source>
        <translation>新数据库所在的 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>The PostgreSQL server that holds your team&apos;s database.</source>
        <translation>存放团队数据库的 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>The server answered: all is well.</source>
        <translation>服务器已应答:一切正常。</translation>
    </message>
    <message>
        <source>No desk-app database there</source>
        <translation>那里没有 desk-app 数据库</translation>
    </message>
    <message>
        <source>Make a new desk-app database there? You become its process owner.</source>
        <translation>要在那里新建 desk-app 数据库吗?您将成为其流程负责人。</translation>
    </message>
    <message>
        <source>A desk-app database is there</source>
        <translation>那里已有 desk-app 数据库</translation>
    </message>
    <message>
        <source>This database already holds a desk-app database. Open it instead?</source>
        <translation>此数据库中已有 desk-app 数据库。改为打开它吗?</translation>
    </message>
    <message>
        <source>Password not remembered</source>
        <translation>未记住密码</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <source>Connecting to the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <source>The server refused this password. Check it (and the Caps Lock key) and try again.</source>
        <translation>服务器拒绝了此密码。请检查密码(以及大写锁定键)后重试。</translation>
    </message>
    <message>
        <source>Password not remembered</source>
        <translation>未记住密码</translation>
    </message>
    <message>
        <source>The server&apos;s password</source>
        <translation>服务器密码</translation>
    </message>
    <message>
        <source>The server refused the password kept on this computer (it may have been changed). Type the password of the user %1:</source>
        <translation>服务器拒绝了本机保存的密码(密码可能已被更改)。请输入用户 %1 的密码:</translation>
    </message>
    <message>
        <source>The team&apos;s server asks for the password of the user %1:</source>
        <translation>团队服务器需要用户 %1 的密码:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>在本机记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>This computer has no credential store: the password is asked for at each start</source>
        <translation>本机没有凭据存储:每次启动时都会询问密码</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in — desk-app</source>
        <translation>登录 — desk-app</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>This is the demo database. Choose an account to try a role; every demo password is %1.</source>
        <translation>这是演示数据库。选择一个账户即可体验相应角色；所有演示账户的密码都是 %1。</translation>
    </message>
</context>
<context>
    <name>StartPoint</name>
    <message>
        <source>desk-app — %1</source>
        <translation>desk-app — %1</translation>
    </message>
    <message>
        <source>desk-app — %1 — %2</source>
        <translation>desk-app — %1 — %2</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The demo database could not be made.</source>
        <translation>无法生成演示数据库。</translation>
    </message>
    <message>
        <source>Database not found</source>
        <translation>找不到数据库</translation>
    </message>
    <message>
        <source>The database used last time is not there any more:
%1
Create a new one or open another.</source>
        <translation>上次使用的数据库已不在原处：
%1
请新建一个，或打开其他数据库。</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Could not open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Database server: %1</source>
        <translation>数据库服务器：%1</translation>
    </message>
    <message>
        <source>Database file: %1</source>
        <translation>数据库文件：%1</translation>
    </message>
    <message>
        <source>Team&apos;s server (PostgreSQL)</source>
        <translation>团队服务器（PostgreSQL）</translation>
    </message>
    <message>
        <source>The team&apos;s data is on a PostgreSQL server: other workstations use it at the same time. Changes they make appear here within a second.</source>
        <translation>团队的数据位于 PostgreSQL 服务器上：其他工作站同时在使用它。它们所做的修改会在一秒内显示在这里。</translation>
    </message>
    <message>
        <source>Network share (%1)</source>
        <translation>网络共享（%1）</translation>
    </message>
    <message>
        <source>The file is on a network share: other workstations use it at the same time. Changes they make appear here within a few seconds.</source>
        <translation>该文件位于网络共享上：其他工作站同时在使用它。它们所做的修改会在几秒内显示在这里。</translation>
    </message>
    <message>
        <source>Local disk (%1)</source>
        <translation>本机磁盘（%1）</translation>
    </message>
    <message>
        <source>The file is on this computer&apos;s own disk.</source>
        <translation>该文件位于本机磁盘上。</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2): %3</source>
        <translation>当前登录：%1（%2）：%3</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Open desk-app</source>
        <translation>打开 desk-app(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Pause pop-ups for an hour</source>
        <translation>暂停弹窗一小时(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window closes</source>
        <translation>关闭窗口后在托盘中继续运行(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notification(s)</source>
        <translation>
            <numerusform>%n 条未读通知</numerusform>
        </translation>
    </message>
    <message>
        <source>desk-app keeps watching</source>
        <translation>desk-app 仍在值守</translation>
    </message>
    <message>
        <source>Escalations still pop up while the window is closed. Click this icon to open it again; Quit is in its menu.</source>
        <translation>窗口关闭后，升级仍会弹出提醒。单击此图标可重新打开窗口；“退出”在其菜单中。</translation>
    </message>
</context>
<context>
    <name>WorkTabs</name>
    <message>
        <source>Close this tab?</source>
        <translation>关闭此标签页？</translation>
    </message>
    <message>
        <source>“%1” has input that is not saved yet. Close it anyway and lose that input?</source>
        <translation>“%1”中有尚未保存的输入。仍要关闭并放弃这些输入吗？</translation>
    </message>
</context>
</TS>
