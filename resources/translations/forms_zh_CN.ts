<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="390" />
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="391" />
        <source>Acce&amp;pt</source>
        <translation>受理(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="395" />
        <source>You become the assignee. Judge the impact again if it differs from what was logged.</source>
        <translation>受理后您将成为处理人。如影响度与记录时不同,请重新判断。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="398" />
        <source>&amp;Impact</source>
        <translation>影响度(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="407" />
        <source>Impact</source>
        <translation>影响度</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="146" />
        <source>This form has text you typed that is not saved. Close it and lose that text?</source>
        <translation>此表单中有尚未保存的输入。仍要关闭并放弃这些内容吗?</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="145" />
        <source>Discard what you typed?</source>
        <translation>放弃已输入的内容?</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="88" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <location filename="../../ui/admin/window.py" line="59" />
        <source>Process administration</source>
        <extracomment>The process owner restored a backup from the database page (a ``RestoreResult``): the main window opens the file again.</extracomment>
        <translation>流程管理</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="86" />
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="86" />
        <source>Support groups</source>
        <translation>支持组</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="87" />
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="87" />
        <source>Callers</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="88" />
        <source>Categories</source>
        <translation>事件分类</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="89" />
        <source>Priority matrix</source>
        <translation>优先级矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="89" />
        <source>Service targets</source>
        <translation>服务目标</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="90" />
        <source>Working calendars</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="90" />
        <source>Wait codes</source>
        <translation>等待代码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="91" />
        <source>Close codes</source>
        <translation>关闭代码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="91" />
        <source>Escalation rules</source>
        <translation>升级规则</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="92" />
        <source>Notification delivery</source>
        <translation>通知发送</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="93" />
        <source>Automatic closure</source>
        <translation>自动关闭</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="94" />
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="109" />
        <source>You can add and change callers here. The other settings are shown read-only: only the process owner can change them.</source>
        <translation>您可以在此添加和修改报告人。其他设置仅供查看:只有流程负责人可以修改。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="113" />
        <source>You can look at these settings; only the process owner can change them.</source>
        <translation>您可以查看这些设置;只有流程负责人可以修改。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="266" />
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="267" />
        <source>&amp;Assign</source>
        <translation>指派(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="268" />
        <source>Optional: what the group should know</source>
        <translation>选填:需要支持组了解的情况</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="269" />
        <source>Cate&amp;gory</source>
        <translation>事件分类(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="270" />
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="271" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="280" />
        <source>Category</source>
        <translation>事件分类</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="281" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="282" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CalendarsTab</name>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="89" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="90" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="91" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="92" />
        <source>Hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="97" />
        <source>24 × 7</source>
        <translation>7×24小时</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="106" />
        <source>%1 holidays</source>
        <translation>%1 个节假日</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="108" />
        <source>%1 make-up days</source>
        <translation>%1 个调休工作日</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="120" />
        <source>24 × 7: every minute counts</source>
        <translation>7×24小时:每分钟都计时</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="128" />
        <source>no working hours</source>
        <translation>不上班</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="133" />
        <source>2026-10-01 National Day</source>
        <translation>2026-10-01 国庆节</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="137" />
        <source>2026-10-11 make-up working day</source>
        <translation>2026-10-11 调休上班</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="143" />
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="144" />
        <source>Name (&amp;English)</source>
        <translation>名称(英文)(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="145" />
        <source>Name (C&amp;hinese)</source>
        <translation>名称(中文)(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="149" />
        <source>Hol&amp;idays</source>
        <translation>节假日(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="151" />
        <source>Make-up days wor&amp;k as</source>
        <translation>调休日按此日上班(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="146" />
        <source>&amp;Time zone</source>
        <translation>时区(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="148" />
        <source>&amp;Weekly hours</source>
        <translation>每周工作时间(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="150" />
        <source>&amp;Make-up working days</source>
        <translation>调休工作日(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/calendars_tab.py" line="201" />
        <source>Cannot read “%1”: write hours as 09:00-12:00, 13:30-18:00</source>
        <translation>无法识别“%1”:请按 09:00-12:00, 13:30-18:00 的格式填写</translation>
    </message>
</context>
<context>
    <name>CallerLookup</name>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="50" />
        <source>Name, phone or e-mail of the caller</source>
        <extracomment>Milliseconds of quiet typing before the lookup asks the database.</extracomment>
        <translation>报告人的姓名、电话或邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="51" />
        <source>Caller</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="52" />
        <source>&amp;New caller…</source>
        <translation>新报告人(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="53" />
        <source>Record a caller who is not in the list yet</source>
        <translation>登记尚未在列表中的报告人</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="124" />
        <source>No caller matches “%1”. Press “New caller…” to record one.</source>
        <translation>没有与“%1”匹配的报告人。请点击“新报告人…”登记。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="163" />
        <source>No contact details</source>
        <translation>无联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="164" />
        <source>VIP caller</source>
        <translation>VIP 报告人</translation>
    </message>
</context>
<context>
    <name>CallersTab</name>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="46" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="47" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="48" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="50" />
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="51" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="52" />
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="65" />
        <source>Search by name, phone, e-mail or location</source>
        <translation>按姓名、电话、邮箱或位置搜索</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="66" />
        <source>Search callers</source>
        <translation>搜索报告人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="89" />
        <source>VIP caller</source>
        <translation>VIP 报告人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="90" />
        <source>New incidents of a VIP caller default to urgency %1; others to %2 (R12).</source>
        <translation>VIP 报告人的新事件紧急度默认为“%1”,其他报告人默认为“%2”(R12)。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="97" />
        <source>Active (can be chosen when logging)</source>
        <translation>有效(记录事件时可选)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="98" />
        <source>Untick to retire a caller who has left: their incidents keep them.</source>
        <translation>报告人离开后取消勾选即可停用:其事件单仍保留该报告人。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="102" />
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="103" />
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="104" />
        <source>&amp;E-mail</source>
        <translation>邮箱(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="105" />
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="106" />
        <source>&amp;Location</source>
        <translation>位置(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="134" />
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="137" />
        <source>Showing %1 of %2 callers; type to narrow the list.</source>
        <translation>显示 %1 位报告人(共 %2 位);输入更多内容可缩小范围。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="141" />
        <source>Found: %1</source>
        <translation>找到:%1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="143" />
        <source>Callers: %1</source>
        <translation>报告人:%1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/callers_tab.py" line="147" />
        <source>%1 (retired)</source>
        <translation>%1(已停用)</translation>
    </message>
</context>
<context>
    <name>CategoriesTab</name>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="83" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="84" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="85" />
        <source>Level-1 group</source>
        <translation>一线支持组</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="86" />
        <source>Level-2 group</source>
        <translation>二线支持组</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="88" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="96" />
        <source>Active (can be chosen when logging)</source>
        <translation>有效(记录事件时可选)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="97" />
        <source>New incidents of this category go to this group (R14).</source>
        <translation>该分类的新事件将派往此支持组(R14)。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="99" />
        <source>Level-&amp;1 group</source>
        <translation>一线支持组(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="100" />
        <source>Level-&amp;2 group</source>
        <translation>二线支持组(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="108" />
        <source>Choose a group…</source>
        <translation>请选择支持组…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="109" />
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <location filename="../../ui/incident/changes.py" line="34" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/incident/changes.py" line="35" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/incident/changes.py" line="36" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/incident/changes.py" line="37" />
        <source>Raised</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../ui/incident/changes.py" line="38" />
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <location filename="../../ui/incident/changes.py" line="39" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/incident/changes.py" line="41" />
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../ui/incident/changes.py" line="46" />
        <source>Close &amp;change…</source>
        <translation>关闭变更(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/changes.py" line="77" />
        <source>Select an open change</source>
        <translation>请选择一个进行中的变更</translation>
    </message>
</context>
<context>
    <name>ClocksModel</name>
    <message>
        <location filename="../../ui/incident/targets.py" line="54" />
        <source>Target</source>
        <extracomment>Share of a target left below which its countdown turns amber.</extracomment>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="55" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="56" />
        <source>Target time</source>
        <translation>目标时间</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="58" />
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="59" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="60" />
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="62" />
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="63" />
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="88" />
        <source>exceeded</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="96" />
        <source>%1 over</source>
        <translation>已超时 %1</translation>
    </message>
</context>
<context>
    <name>CloseChangeDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="505" />
        <source>Close change %1</source>
        <translation>关闭变更 %1</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="506" />
        <source>&amp;Close change</source>
        <translation>关闭变更(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="507" />
        <source>What was done (required)</source>
        <translation>实施内容(必填)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="508" />
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="519" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="672" />
        <source>Confirmation</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="668" />
        <source>The caller has not confirmed the result yet. Closing needs it: tick this when the caller confirms now, and both are recorded together.</source>
        <translation>报告人尚未确认处理结果,关闭前必须确认:报告人现在确认时请勾选此项,确认与关闭将一并记录。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="665" />
        <source>The caller &amp;confirmed the result just now</source>
        <translation>报告人刚刚已确认处理结果(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="654" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="655" />
        <source>C&amp;lose incident</source>
        <translation>关闭事件(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="661" />
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="674" />
        <source>Choose a close code…</source>
        <translation>请选择关闭代码…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="675" />
        <source>Closing notes (required)</source>
        <translation>关闭备注(必填)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="677" />
        <source>Ask the caller…</source>
        <translation>请询问报告人…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="678" />
        <source>5 – very satisfied</source>
        <translation>5 – 非常满意</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="678" />
        <source>4 – satisfied</source>
        <translation>4 – 满意</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="679" />
        <source>3 – neutral</source>
        <translation>3 – 一般</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="679" />
        <source>2 – dissatisfied</source>
        <translation>2 – 不满意</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="680" />
        <source>1 – very dissatisfied</source>
        <translation>1 – 非常不满意</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="683" />
        <source>Close &amp;code</source>
        <translation>关闭代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="684" />
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="686" />
        <source>Required when the service desk closes the incident.</source>
        <translation>服务台关闭事件时必填。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="687" />
        <source>Optional.</source>
        <translation>选填。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="688" />
        <source>&amp;Satisfaction</source>
        <translation>用户满意度(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="720" />
        <source>Close code</source>
        <translation>关闭代码</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="721" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="722" />
        <source>Satisfaction</source>
        <translation>用户满意度</translation>
    </message>
</context>
<context>
    <name>ClosedIncidentField</name>
    <message>
        <location filename="../../ui/incident/link_field.py" line="39" />
        <source>Optional: INC0000042 if it happened before</source>
        <translation>可选:若以前发生过,填写如 INC0000042</translation>
    </message>
    <message>
        <location filename="../../ui/incident/link_field.py" line="40" />
        <source>Related closed incident</source>
        <translation>关联的已关闭事件单</translation>
    </message>
    <message>
        <location filename="../../ui/incident/link_field.py" line="111" />
        <source>%1 · %2 · closed %3</source>
        <translation>%1 · %2 · 关闭于 %3</translation>
    </message>
</context>
<context>
    <name>CodesTab</name>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="142" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="143" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="144" />
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="145" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="150" />
        <source>Active (can be chosen)</source>
        <translation>有效(可选择)</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="604" />
        <source>Confirm result</source>
        <translation>确认处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="605" />
        <source>C&amp;onfirm</source>
        <translation>确认(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="609" />
        <source>Optional: what the caller said</source>
        <translation>选填:报告人的反馈</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="610" />
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="611" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="619" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/incident/conflict.py" line="40" />
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/incident/conflict.py" line="48" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/incident/conflict.py" line="48" />
        <source>As you saw it</source>
        <translation>您看到的版本</translation>
    </message>
    <message>
        <location filename="../../ui/incident/conflict.py" line="48" />
        <source>Now</source>
        <translation>当前版本</translation>
    </message>
    <message>
        <location filename="../../ui/incident/conflict.py" line="78" />
        <source>What happened meanwhile:</source>
        <translation>期间发生的操作:</translation>
    </message>
    <message>
        <location filename="../../ui/incident/conflict.py" line="84" />
        <source>Your change:</source>
        <translation>您的修改:</translation>
    </message>
    <message>
        <location filename="../../ui/incident/conflict.py" line="93" />
        <source>&amp;Reload (drop my change)</source>
        <translation>重新加载(放弃我的修改)(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/conflict.py" line="94" />
        <source>&amp;Apply my change again</source>
        <translation>重新提交我的修改(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/conflict.py" line="95" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DepartmentsTab</name>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="258" />
        <source>Name (English)</source>
        <translation>名称(英文)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="259" />
        <source>Name (Chinese)</source>
        <translation>名称(中文)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="260" />
        <source>Head</source>
        <translation>部门领导</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="268" />
        <source>Escalation rules can notify the department head (R09).</source>
        <translation>升级规则可以通知部门领导(R09)。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="270" />
        <source>Name (&amp;English)</source>
        <translation>名称(英文)(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="271" />
        <source>Name (C&amp;hinese)</source>
        <translation>名称(中文)(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="272" />
        <source>He&amp;ad</source>
        <translation>部门领导(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="280" />
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../ui/incident/details.py" line="86" />
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="90" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="90" />
        <source>Type</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="91" />
        <source>Channel</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="91" />
        <source>Caller</source>
        <translation>报告人</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="92" />
        <source>Category</source>
        <translation>事件分类</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="92" />
        <source>Impact</source>
        <translation>影响度</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="93" />
        <source>Urgency</source>
        <translation>紧急度</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="93" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="100" />
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="101" />
        <source>Save the changed fields (Ctrl+S)</source>
        <translation>保存已修改的字段(Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="102" />
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="109" />
        <source>Progress</source>
        <translation>处理进度</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="113" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="113" />
        <source>Support group</source>
        <translation>支持组</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="114" />
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="114" />
        <source>Logged</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="115" />
        <source>Transfers</source>
        <translation>转派次数</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="115" />
        <source>Escalations</source>
        <translation>升级次数</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="116" />
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="116" />
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="117" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="117" />
        <source>Closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="118" />
        <source>Satisfaction</source>
        <translation>用户满意度</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="155" />
        <source>Someone else changed this incident while you were editing. Your edits are kept; saving them will show both versions.</source>
        <translation>您编辑期间他人修改了该事件。您的修改已保留;保存时将同时显示两个版本。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="197" />
        <source>pending: %1</source>
        <translation>等待:%1</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="201" />
        <source>(nobody yet)</source>
        <translation>(尚未指定)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/details.py" line="219" />
        <source>reusable as knowledge</source>
        <translation>可作为知识</translation>
    </message>
</context>
<context>
    <name>EditorTab</name>
    <message>
        <location filename="../../ui/admin/editor.py" line="80" />
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="89" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="90" />
        <source>Save this record (Ctrl+S)</source>
        <translation>保存此记录(Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="91" />
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="92" />
        <source>Show the record as it is saved now</source>
        <translation>显示当前已保存的记录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="213" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="213" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="252" />
        <source>Someone else changed this record while you were editing. Your edits are kept; saving them will be refused until you revert.</source>
        <translation>您编辑期间他人修改了该记录。您的修改已保留;还原之前将无法保存。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="275" />
        <source>Save or revert your edits before choosing another record.</source>
        <translation>请先保存或还原您的修改,再选择其他记录。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="304" />
        <source>New record</source>
        <translation>新记录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="352" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/editor.py" line="362" />
        <source>Revert shows the record as it is saved now (your edits are dropped).</source>
        <translation>“还原”将显示当前已保存的记录(您的修改将被丢弃)。</translation>
    </message>
</context>
<context>
    <name>GroupsTab</name>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="189" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="190" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="191" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="192" />
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="193" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="197" />
        <source>Level 2</source>
        <translation>二线</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="197" />
        <source>Level 1</source>
        <translation>一线</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="209" />
        <source>Active (receives incidents)</source>
        <translation>有效(接收事件)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="212" />
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="213" />
        <source>Name (&amp;English)</source>
        <translation>名称(英文)(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="214" />
        <source>Name (C&amp;hinese)</source>
        <translation>名称(中文)(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="217" />
        <source>E-ma&amp;il</source>
        <translation>邮箱(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="215" />
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="216" />
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="219" />
        <source>&amp;Members</source>
        <translation>成员(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="226" />
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
</context>
<context>
    <name>IncidentView</name>
    <message>
        <location filename="../../ui/incident/view.py" line="315" />
        <source>…and %1 more: see “Why not?”</source>
        <translation>……另有 %1 项:请查看“为什么不可用?”</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="172" />
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="99" />
        <source>Loading…</source>
        <extracomment>The action buttons, in the order of an incident&apos;s life.</extracomment>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="127" />
        <source>&amp;Assign…</source>
        <translation>指派(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="128" />
        <source>&amp;Transfer…</source>
        <translation>转派(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="127" />
        <source>A&amp;ccept…</source>
        <translation>受理(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="128" />
        <source>&amp;Pending…</source>
        <translation>等待(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="129" />
        <source>Res&amp;ume…</source>
        <translation>恢复处理(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="129" />
        <source>Raise c&amp;hange…</source>
        <translation>创建变更(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="130" />
        <source>&amp;Resolve…</source>
        <translation>解决(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="130" />
        <source>C&amp;onfirm result…</source>
        <translation>确认处理结果(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="131" />
        <source>Re&amp;ject resolution…</source>
        <translation>不确认解决方案(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="131" />
        <source>C&amp;lose…</source>
        <translation>关闭(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="144" />
        <source>&amp;Why not?</source>
        <translation>为什么不可用?(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="145" />
        <source>Why some actions are not available now</source>
        <translation>为什么部分操作当前不可用</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="147" />
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="148" />
        <source>Read the incident again (F5)</source>
        <translation>重新读取该事件(F5)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="168" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="169" />
        <source>Targets and escalations</source>
        <translation>服务目标与升级</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="170" />
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="260" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="263" />
        <source>Pending: %1</source>
        <translation>等待:%1</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="264" />
        <source>Pending</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="267" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="269" />
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="270" />
        <source>Escalations: %1</source>
        <translation>升级次数:%1</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="275" />
        <source>VIP caller</source>
        <translation>VIP 报告人</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="298" />
        <source>Follows up closed incident %1</source>
        <translation>关联的已关闭事件单:%1</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="301" />
        <source>Followed up by %1</source>
        <translation>后续事件单:%1</translation>
    </message>
    <message>
        <location filename="../../ui/incident/view.py" line="331" />
        <source>Every action is available now.</source>
        <translation>当前所有操作均可用。</translation>
    </message>
</context>
<context>
    <name>LogIncidentForm</name>
    <message>
        <location filename="../../ui/incident/log_form.py" line="130" />
        <source>Te&amp;mplate</source>
        <translation>模板(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="78" />
        <source>Choose the type…</source>
        <translation>请选择事件类型…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="83" />
        <source>Choose the category…</source>
        <translation>请选择事件分类…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="87" />
        <source>Choose the impact…</source>
        <translation>请选择影响度…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="94" />
        <location filename="../../ui/incident/log_form.py" line="144" />
        <location filename="../../ui/incident/log_form.py" line="311" />
        <location filename="../../ui/incident/log_form.py" line="315" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="95" />
        <source>from the priority matrix</source>
        <translation>由优先级矩阵得出</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="99" />
        <source>One line that says what is wrong</source>
        <translation>用一句话说明问题</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="102" />
        <source>What the caller reports, in their words</source>
        <translation>报告人反映的情况(尽量用其原话)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="110" />
        <source>&amp;Resolved at first contact</source>
        <translation>首次接触即解决(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="117" />
        <source>What restored the service for the caller</source>
        <translation>为报告人恢复服务的方法</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="119" />
        <source>Reusable as &amp;knowledge</source>
        <translation>可作为知识(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="121" />
        <location filename="../../ui/incident/log_form.py" line="328" />
        <source>&amp;Log incident</source>
        <translation>记录事件(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="123" />
        <source>Log the incident (Ctrl+Enter)</source>
        <translation>记录该事件(Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="124" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="125" />
        <source>Close the form without logging (Esc)</source>
        <translation>不记录并关闭表单(Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="131" />
        <source>&amp;Caller</source>
        <translation>报告人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="132" />
        <source>&amp;Type</source>
        <translation>事件类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="133" />
        <source>C&amp;hannel</source>
        <translation>联系方式(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="134" />
        <source>Cate&amp;gory</source>
        <translation>事件分类(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="135" />
        <source>&amp;Impact</source>
        <translation>影响度(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="136" />
        <source>&amp;Urgency</source>
        <translation>紧急度(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="145" />
        <source>Titl&amp;e</source>
        <translation>标题(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="146" />
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="147" />
        <source>Rel&amp;ated closed incident</source>
        <translation>关联的已关闭事件单(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="155" />
        <source>Resolution t&amp;ype</source>
        <translation>解决方式(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="158" />
        <source>Re&amp;solution</source>
        <translation>解决方案(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="169" />
        <source>Log an incident</source>
        <translation>记录事件</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="288" />
        <source>Default for a VIP caller: %1</source>
        <translation>VIP 报告人的默认值:%1</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="290" />
        <source>Default: %1</source>
        <translation>默认值:%1</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="292" />
        <source>(changed by you)</source>
        <translation>(已由您修改)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="299" />
        <source>Choose a category to see the support group it goes to</source>
        <translation>选择事件分类后将显示对应的支持组</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="301" />
        <source>Goes to support group: %1</source>
        <translation>将派往支持组:%1</translation>
    </message>
    <message>
        <location filename="../../ui/incident/log_form.py" line="328" />
        <source>&amp;Log and resolve</source>
        <translation>记录并解决(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MatrixEditor</name>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="205" />
        <source>Priority matrix</source>
        <translation>优先级矩阵</translation>
    </message>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="218" />
        <source>Rows: impact. Columns: urgency. Each incident&apos;s priority is read from this matrix when it is logged and whenever its impact or urgency changes. Select a cell and press 1–4 to change it.</source>
        <translation>行:影响度;列:紧急度。事件记录时以及影响度或紧急度变化时,优先级都从此矩阵读取。选中单元格后按 1–4 即可修改。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="223" />
        <source>Impact ↓ · Urgency →</source>
        <translation>影响度 ↓ · 紧急度 →</translation>
    </message>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="230" />
        <source>&amp;Save matrix</source>
        <translation>保存矩阵(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="231" />
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="254" />
        <source>Read-only: %1</source>
        <translation>只读:%1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="293" />
        <location filename="../../ui/admin/matrix_editor.py" line="317" />
        <location filename="../../ui/admin/matrix_editor.py" line="338" />
        <source>No changes.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="302" />
        <source>Counting the open incidents this would change…</source>
        <translation>正在统计受影响的未关闭事件…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="320" />
        <source>Saving would change no open incident&apos;s priority.</source>
        <translation>保存后不会改变任何未关闭事件的优先级。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="323" />
        <source>Saving would change the priority of %1 open incident(s). Resolved and closed incidents keep theirs.</source>
        <translation>保存后将改变 %1 个未关闭事件的优先级。已解决和已关闭的事件保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/matrix_editor.py" line="354" />
        <source>Matrix saved; %1 open incident(s) took a new priority.</source>
        <translation>矩阵已保存;%1 个未关闭事件的优先级已更新。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../ui/widgets/feedback.py" line="40" />
        <source>Close message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>NewCallerDialog</name>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="188" />
        <source>New caller</source>
        <translation>新报告人</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="197" />
        <source>VIP (urgency defaults to High)</source>
        <translation>VIP(紧急度默认为“高”)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="200" />
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="200" />
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="201" />
        <source>&amp;E-mail</source>
        <translation>邮箱(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="202" />
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="203" />
        <source>&amp;Location</source>
        <translation>位置(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="210" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="211" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/incident/caller_lookup.py" line="218" />
        <location filename="../../ui/incident/caller_lookup.py" line="223" />
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
</context>
<context>
    <name>PendDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="417" />
        <source>Set pending</source>
        <translation>置为等待</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="418" />
        <source>Set &amp;pending</source>
        <translation>置为等待(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="420" />
        <source>Choose what the incident waits for…</source>
        <translation>请选择等待原因…</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="421" />
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="422" />
        <source>Target clocks stop while the incident is pending.</source>
        <translation>事件等待期间目标计时暂停。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="423" />
        <source>&amp;Wait code</source>
        <translation>等待代码(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="424" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="440" />
        <source>Wait code</source>
        <translation>等待代码</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="441" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RaiseChangeDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="469" />
        <source>Raise change</source>
        <translation>创建变更</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="470" />
        <source>&amp;Raise change</source>
        <translation>创建变更(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="473" />
        <source>The incident waits for the change and resumes when it is closed.</source>
        <translation>事件将等待该变更,变更关闭后自动恢复处理。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="476" />
        <source>T&amp;itle</source>
        <translation>标题(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="477" />
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="494" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="628" />
        <source>Reject resolution</source>
        <translation>不确认解决方案</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="629" />
        <source>Re&amp;ject</source>
        <translation>不确认(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="630" />
        <source>What the caller still sees (required)</source>
        <translation>报告人仍然遇到的问题(必填)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="631" />
        <source>The incident goes back to In progress; this is not a reopen.</source>
        <translation>事件回到“受理”阶段;这不是重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="634" />
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="645" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="529" />
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="530" />
        <source>&amp;Resolve</source>
        <translation>解决(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="533" />
        <source>What restored the service</source>
        <translation>恢复服务的方法</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="534" />
        <source>Reusable as &amp;knowledge</source>
        <translation>可作为知识(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="535" />
        <source>K&amp;ind</source>
        <translation>解决方式(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="536" />
        <source>Re&amp;solution</source>
        <translation>解决方案(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="545" />
        <source>Use this</source>
        <translation>使用此方案</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="546" />
        <source>Resolve this incident with this resolution</source>
        <translation>用此方案解决本事件</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="566" />
        <source>Resolving with %1. Change the text to write your own resolution instead.</source>
        <translation>正在使用 %1 的方案解决。修改文字即可改写为您自己的解决方案。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="594" />
        <source>Kind</source>
        <translation>解决方式</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="595" />
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="450" />
        <source>Resume</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="451" />
        <source>Res&amp;ume</source>
        <translation>恢复处理(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="452" />
        <source>Optional: what arrived</source>
        <translation>选填:收到了什么</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="453" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="460" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="249" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="252" />
        <source>A resolved incident that is not closed within this many days is closed by the system with the system close code.</source>
        <translation>已解决的事件如在此天数内未关闭,系统将以系统关闭代码自动关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="256" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="259" />
        <source>&amp;Automatic closure after</source>
        <translation>自动关闭时限(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="294" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <location filename="../../ui/incident/targets.py" line="127" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="128" />
        <location filename="../../ui/incident/targets.py" line="147" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="129" />
        <source>Target time</source>
        <translation>目标时间</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="131" />
        <source>Used then</source>
        <translation>当时已用</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="133" />
        <source>Re-matched at</source>
        <translation>重新匹配时间</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="136" />
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="137" />
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="138" />
        <source>still pending</source>
        <translation>仍在等待</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="139" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="140" />
        <source>Wait code</source>
        <translation>等待代码</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="143" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="144" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="145" />
        <source>Urgency</source>
        <translation>紧急度</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="148" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="149" />
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="154" />
        <source>Service targets</source>
        <translation>服务目标</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="155" />
        <source>Re-matched targets (after a priority change)</source>
        <translation>已重新匹配的服务目标(优先级变更后)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="156" />
        <source>Pending (clocks stopped)</source>
        <translation>等待(计时暂停)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="157" />
        <source>Escalations</source>
        <translation>升级记录</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="168" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/incident/targets.py" line="217" />
        <source>not yet</source>
        <translation>尚未确认</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="185" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="186" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="187" />
        <source>Time</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="189" />
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="196" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="202" />
        <source>Running clocks keep the target they were matched to; incidents take the new one from their next re-match.</source>
        <translation>正在计时的事件保持已匹配的目标;下次重新匹配时采用新目标。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="206" />
        <source>&amp;Time allowed</source>
        <translation>时限(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="207" />
        <source>&amp;Counted on</source>
        <translation>计时日历(&amp;C)</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../ui/incident/timeline.py" line="46" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/incident/timeline.py" line="47" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/incident/timeline.py" line="48" />
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/incident/timeline.py" line="49" />
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../ui/incident/timeline.py" line="50" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../ui/incident/timeline.py" line="66" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/incident/timeline.py" line="76" />
        <source>Work note: what you did, found or agreed</source>
        <translation>工作记录:您做了什么、发现了什么或约定了什么</translation>
    </message>
    <message>
        <location filename="../../ui/incident/timeline.py" line="78" />
        <location filename="../../ui/incident/timeline.py" line="87" />
        <source>Work note</source>
        <translation>工作记录</translation>
    </message>
    <message>
        <location filename="../../ui/incident/timeline.py" line="81" />
        <source>Add &amp;note</source>
        <translation>添加记录(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/timeline.py" line="82" />
        <location filename="../../ui/incident/timeline.py" line="112" />
        <source>Add the work note to the timeline (Ctrl+Enter)</source>
        <translation>将工作记录添加到时间线(Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="291" />
        <source>Transfer</source>
        <translation>转派</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="292" />
        <source>&amp;Transfer</source>
        <translation>转派(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="294" />
        <source>Level-1 support group</source>
        <translation>一线支持组</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="295" />
        <source>Level-2 support group</source>
        <translation>二线支持组</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="300" />
        <source>Why it goes there (required)</source>
        <translation>转派原因(必填)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="301" />
        <source>Cate&amp;gory</source>
        <translation>事件分类(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="302" />
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="303" />
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="304" />
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="309" />
        <source>This incident has been transferred %1 time(s); the third transfer escalates it.</source>
        <translation>该事件已转派 %1 次;第三次转派将使其升级。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="377" />
        <source>Category</source>
        <translation>事件分类</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="378" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="379" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="380" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="79" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="80" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="81" />
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="82" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="91" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="104" />
        <source>Active (may sign in)</source>
        <translation>有效(可以登录)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="109" />
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="110" />
        <source>&amp;Full name</source>
        <translation>姓名(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="111" />
        <source>&amp;Roles</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="112" />
        <source>&amp;E-mail</source>
        <translation>邮箱(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="119" />
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="120" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="121" />
        <source>Working &amp;hours</source>
        <translation>工作时间(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="123" />
        <source>Pass&amp;word</source>
        <translation>密码(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="131" />
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="139" />
        <source>No phone number: escalation calls to this person go by the next channel instead.</source>
        <translation>没有电话号码：给此人的升级电话将改由下一个渠道通知。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="162" />
        <source>Leave empty to keep the current password.</source>
        <translation>留空则保留当前密码。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/people_tabs.py" line="163" />
        <source>At least 8 characters.</source>
        <translation>至少 8 个字符。</translation>
    </message>
</context>
<context>
    <name>_NamedTab</name>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="64" />
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="65" />
        <source>Name (&amp;English)</source>
        <translation>名称(英文)(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/process_tabs.py" line="66" />
        <source>Name (C&amp;hinese)</source>
        <translation>名称(中文)(&amp;H)</translation>
    </message>
</context>
<context>
    <name>_RoutingDialog</name>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="213" />
        <location filename="../../ui/incident/dialogs.py" line="248" />
        <source>(anyone in the group)</source>
        <translation>(支持组内任何人)</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="237" />
        <source>This category has no Level-2 support group.</source>
        <translation>该事件分类没有二线支持组。</translation>
    </message>
    <message>
        <location filename="../../ui/incident/dialogs.py" line="240" />
        <source>Support group: %1</source>
        <translation>支持组:%1</translation>
    </message>
</context>
</TS>
