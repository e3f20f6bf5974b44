<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertBar</name>
    <message>
        <location filename="../../ui/escalations/alert_bar.py" line="55" />
        <source>Close message</source>
        <extracomment>What the bar&apos;s button does for each kind of pop-up: &quot;review&quot; or &quot;incident&quot;.</extracomment>
        <translation>关闭消息</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/alert_bar.py" line="62" />
        <source>Open the incident</source>
        <translation>打开事件</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/alert_bar.py" line="64" />
        <source>Review escalations</source>
        <translation>处理升级</translation>
    </message>
</context>
<context>
    <name>CallTasksWidget</name>
    <message>
        <location filename="../../ui/escalations/calls.py" line="41" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="41" />
        <source>Incident</source>
        <translation>事件单</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="41" />
        <source>Call</source>
        <translation>需致电</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="41" />
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="42" />
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="42" />
        <source>Reason</source>
        <translation>升级原因</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="42" />
        <source>Due since</source>
        <translation>应办时间</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="42" />
        <source>Calls so far</source>
        <translation>已拨打记录</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="51" />
        <source>Note on the call (optional)</source>
        <translation>通话备注(可选)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="52" />
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="53" />
        <source>Not reached</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="54" />
        <source>Open incident</source>
        <translation>打开事件单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/escalations/calls.py" line="87" />
        <source>You are on service desk duty: %n call(s) to make.</source>
        <translation>
            <numerusform>您正在服务台值班:需拨打 %n 个电话。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/escalations/calls.py" line="90" />
        <source>You are not on duty; as incident manager you see the desk&apos;s %n call(s).</source>
        <translation>
            <numerusform>您当前不在值班;作为事件经理,您可以看到服务台的 %n 个电话任务。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="93" />
        <source>You are not on service desk duty now (see the duty roster); call tasks go to whoever is.</source>
        <translation>您现在不在服务台值班(见值班表);电话任务由当班人员处理。</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="96" />
        <source>reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/calls.py" line="96" />
        <source>not reached</source>
        <translation>未接通</translation>
    </message>
</context>
<context>
    <name>DeliverySettingsWidget</name>
    <message>
        <location filename="../../ui/escalations/settings.py" line="66" />
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="66" />
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="67" />
        <source>None (not encrypted)</source>
        <translation>无(不加密)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="69" />
        <source>Escalation scan</source>
        <translation>升级扫描</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="70" />
        <source>Scan every (seconds)</source>
        <translation>扫描间隔(秒)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="71" />
        <source>E-mail (SMTP)</source>
        <translation>电子邮件(SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="72" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="72" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="73" />
        <source>Encryption</source>
        <translation>加密方式</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="74" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="74" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="75" />
        <source>Sender address</source>
        <translation>发件人地址</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="76" />
        <source>Time-out (seconds)</source>
        <translation>超时(秒)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="77" />
        <source>SMS gateway (HTTP)</source>
        <translation>短信网关(HTTP)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="78" />
        <source>Address ($phone, $text, $id)</source>
        <translation>地址($phone、$text、$id)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="79" />
        <source>Token ($token; kept on this computer)</source>
        <translation>令牌($token;保存在本机)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="80" />
        <source>Method</source>
        <translation>请求方法</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="80" />
        <source>Body template</source>
        <translation>正文模板</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="81" />
        <source>Content type</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="82" />
        <source>Retries and reminders</source>
        <translation>重试与提醒</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="83" />
        <source>First retry after (seconds)</source>
        <translation>首次重试间隔(秒)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="84" />
        <source>Longest wait between retries (seconds)</source>
        <translation>最长重试间隔(秒)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="85" />
        <source>Attempts before failing</source>
        <translation>判定失败前的尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="86" />
        <source>Call again after (minutes)</source>
        <translation>未接通后再次拨打间隔(分钟)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="87" />
        <source>Reminder of what waits, every (minutes)</source>
        <translation>待处理事项提醒间隔（分钟）</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="88" />
        <source>Claim time of a delivery (seconds)</source>
        <translation>发送领取时限(秒)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="112" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="113" />
        <source>Save these settings (Ctrl+S)</source>
        <translation>保存这些设置(Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="114" />
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="115" />
        <source>Show the settings as they are saved now</source>
        <translation>显示当前已保存的设置</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="186" />
        <source>Someone else changed these settings while you were editing. Your edits are kept; saving them will be refused until you revert.</source>
        <translation>您编辑期间他人修改了这些设置。您的修改已保留;还原之前将无法保存。</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="256" />
        <source>Revert shows the settings as they are saved now (your edits are dropped).</source>
        <translation>“还原”将显示当前已保存的设置(您的修改将被丢弃)。</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/settings.py" line="244" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>EscalationReviewWidget</name>
    <message>
        <location filename="../../ui/escalations/review.py" line="74" />
        <source>Incident</source>
        <translation>事件单</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="74" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="74" />
        <source>Support group</source>
        <translation>支持组</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="75" />
        <source>Reason</source>
        <translation>升级原因</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="75" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="75" />
        <source>Escalated at</source>
        <translation>升级时间</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="76" />
        <source>Delivery</source>
        <translation>通知发送情况</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="76" />
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="82" />
        <source>Recipient</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="82" />
        <source>Channel</source>
        <translation>通知方式</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="82" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="83" />
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="83" />
        <source>Next try</source>
        <translation>下次尝试</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="83" />
        <source>Calls</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="84" />
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="87" />
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="88" />
        <source>Open incident</source>
        <translation>打开事件单</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="90" />
        <source>Comment (what was done about it)</source>
        <translation>确认意见(已采取的措施)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="91" />
        <source>Acknowledge</source>
        <translation>确认升级</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="120" />
        <source>Escalations</source>
        <translation>升级记录</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="121" />
        <source>Summary</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="139" />
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="141" />
        <source>Open</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="141" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="142" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="145" />
        <source>Any reason</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="149" />
        <source>Any priority</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="153" />
        <source>Any support group</source>
        <translation>全部支持组</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="154" />
        <source>Escalated from</source>
        <translation>升级日期从</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="164" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/escalations/review.py" line="230" />
        <source>%n escalation(s)</source>
        <translation>
            <numerusform>共 %n 条升级</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="255" />
        <source>Select an escalation to see who was notified and how.</source>
        <translation>选择一条升级,查看通知了谁以及通知方式。</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="274" />
        <source>reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/review.py" line="274" />
        <source>not reached</source>
        <translation>未接通</translation>
    </message>
</context>
<context>
    <name>EscalationRulesEditor</name>
    <message>
        <location filename="../../ui/escalations/rules.py" line="46" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="48" />
        <source>Notify</source>
        <translation>通知对象</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="50" />
        <source>Channels</source>
        <translation>通知方式</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="49" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="61" />
        <source>The incident managers are always notified of every escalation; these rules add others.</source>
        <translation>每次升级都会通知事件经理;以下规则用于增加其他通知对象。</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="77" />
        <source>Any priority</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="79" />
        <source>P%1 or higher</source>
        <translation>P%1 及以上</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="82" />
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="84" />
        <source>Any reason</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="97" />
        <source>A&amp;ctive</source>
        <translation>启用(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="98" />
        <source>Name (&amp;English)</source>
        <translation>名称(英文)(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="99" />
        <source>Name (C&amp;hinese)</source>
        <translation>名称(中文)(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="100" />
        <source>N&amp;otify</source>
        <translation>通知对象(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="101" />
        <source>Named &amp;person</source>
        <translation>指定人员(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="102" />
        <source>When the p&amp;riority is</source>
        <translation>优先级条件(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="103" />
        <source>From escalation n&amp;umber</source>
        <translation>自第几次升级起(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="105" />
        <source>When the reason &amp;is</source>
        <translation>升级原因条件(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="106" />
        <source>When the ca&amp;tegory is</source>
        <translation>事件分类条件(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="107" />
        <source>Channe&amp;ls</source>
        <translation>通知方式(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="132" />
        <source>Choose a person…</source>
        <translation>请选择人员…</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/rules.py" line="133" />
        <source>Any category</source>
        <translation>全部事件分类</translation>
    </message>
</context>
<context>
    <name>InboxWidget</name>
    <message>
        <location filename="../../ui/escalations/inbox.py" line="46" />
        <source>Unread only</source>
        <translation>仅显示未读</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/inbox.py" line="49" />
        <source>Incident</source>
        <translation>事件单</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/inbox.py" line="49" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/inbox.py" line="49" />
        <source>Reason</source>
        <translation>升级原因</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/inbox.py" line="49" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/inbox.py" line="50" />
        <source>Escalated at</source>
        <translation>升级时间</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/inbox.py" line="50" />
        <source>Channels</source>
        <translation>通知方式</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/inbox.py" line="60" />
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/inbox.py" line="61" />
        <source>Open incident</source>
        <translation>打开事件单</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/inbox.py" line="62" />
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/escalations/inbox.py" line="137" />
        <source>Inbox: %n unread</source>
        <translation>
            <numerusform>收件箱:%n 条未读</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterEditor</name>
    <message>
        <location filename="../../ui/escalations/roster.py" line="72" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="72" />
        <source>Service desk</source>
        <translation>服务台值班</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="73" />
        <location filename="../../ui/escalations/roster.py" line="97" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="82" />
        <location filename="../../ui/escalations/roster.py" line="210" />
        <source>New shift</source>
        <translation>新班次</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="94" />
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="95" />
        <source>Ends (earlier than the start: next day)</source>
        <translation>结束时间(早于开始时间即为次日)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="96" />
        <source>Service desk staff (Level-1)</source>
        <translation>服务台值班人员(一线)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="99" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="100" />
        <source>Save shift</source>
        <translation>保存班次</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="101" />
        <source>Delete shift</source>
        <translation>删除班次</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="102" />
        <source>Copy this week to next week</source>
        <translation>将本周班次复制到下周</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="141" />
        <source>No phone number: escalation calls to this person go by the next channel instead.</source>
        <translation>没有电话号码：给此人的升级电话将改由下一个渠道通知。</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="191" />
        <source>Shifts on %1</source>
        <translation>%1 的班次</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/roster.py" line="232" />
        <source>Change shift</source>
        <translation>修改班次</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../ui/escalations/summary.py" line="39" />
        <source>Support group / week</source>
        <translation>支持组 / 周</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/summary.py" line="39" />
        <location filename="../../ui/escalations/summary.py" line="80" />
        <source>Open</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/summary.py" line="40" />
        <location filename="../../ui/escalations/summary.py" line="81" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/summary.py" line="55" />
        <source>Escalations per support group</source>
        <translation>各支持组的升级数</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/summary.py" line="59" />
        <source>Escalations per week (from Monday)</source>
        <translation>每周升级数(周一起)</translation>
    </message>
    <message>
        <location filename="../../ui/escalations/summary.py" line="63" />
        <source>Week of %1</source>
        <translation>%1 当周</translation>
    </message>
</context>
</TS>
