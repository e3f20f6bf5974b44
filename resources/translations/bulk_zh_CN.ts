<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BulkAction</name>
    <message>
        <source>Assign to me</source>
        <translation>指派给我</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转派</translation>
    </message>
    <message>
        <source>Set pending</source>
        <translation>置为等待</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复处理</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加工作记录</translation>
    </message>
    <message>
        <source>Acknowledge escalations</source>
        <translation>确认升级</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 incidents selected. Each is checked as the action reaches it; those that refuse are listed at the end.</source>
        <translation>已选择 %1 个事件。处理到每个事件时逐一检查;被拒绝的事件会在最后列出。</translation>
    </message>
    <message>
        <source>%1 incident(s) selected.</source>
        <translation>已选择 %1 个事件。</translation>
    </message>
    <message>
        <source>%1 of the %2 selected incidents can take this now; the other %3 will be listed with the reason at the end.</source>
        <translation>所选 %2 个事件中有 %1 个现在可以执行此操作;其余 %3 个将在最后列出原因。</translation>
    </message>
</context>
<context>
    <name>BulkInputDialog</name>
    <message>
        <source>(keep each incident&apos;s category)</source>
        <extracomment>How many incidents of a bulk close can be given their caller&apos;s answer one by one.</extracomment>
        <translation>(保留各事件原有分类)</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>事件分类(&amp;G)</translation>
    </message>
    <message>
        <source>(the level each incident is at)</source>
        <translation>(保持各事件当前级别)</translation>
    </message>
    <message>
        <source>Level-1 support group</source>
        <translation>一线支持组</translation>
    </message>
    <message>
        <source>Level-2 support group</source>
        <translation>二线支持组</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>支持级别(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>Choose what the incidents wait for</source>
        <translation>选择事件在等待什么</translation>
    </message>
    <message>
        <source>&amp;Wait code</source>
        <translation>等待代码(&amp;W)</translation>
    </message>
    <message>
        <source>Choose a close code</source>
        <translation>选择关闭代码</translation>
    </message>
    <message>
        <source>Close &amp;code</source>
        <translation>关闭代码(&amp;C)</translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation>(未询问)</translation>
    </message>
    <message>
        <source>Caller&apos;s &amp;satisfaction (1–5)</source>
        <translation>用户满意度(1–5)(&amp;S)</translation>
    </message>
    <message>
        <source>Each caller&apos;s &amp;answer</source>
        <translation>各报告人的评价(&amp;A)</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>(as for all)</source>
        <translation>(统一值)</translation>
    </message>
    <message>
        <source>The first %1 incidents can be answered one by one; the rest take the value above.</source>
        <translation>前 %1 个事件可逐一填写评价;其余事件取上方的统一值。</translation>
    </message>
    <message>
        <source>Close &amp;notes</source>
        <translation>关闭备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>说明(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>工作记录(&amp;N)</translation>
    </message>
    <message>
        <source>(anyone in the group)</source>
        <translation>(组内任何人)</translation>
    </message>
    <message>
        <source>a category or a level to transfer to</source>
        <translation>转派目标的分类或级别</translation>
    </message>
    <message>
        <source>a wait code</source>
        <translation>等待代码</translation>
    </message>
    <message>
        <source>a close code</source>
        <translation>关闭代码</translation>
    </message>
    <message>
        <source>the caller&apos;s satisfaction</source>
        <translation>用户满意度</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>尚需填写:%1</translation>
    </message>
</context>
<context>
    <name>BulkMenu</name>
    <message>
        <source>&amp;Open</source>
        <extracomment>The actions in menu order; those without input run at once. Opening more incidents than this at once asks first, naming how many tabs it will open. Tabs opened per turn of the event loop while a large selection opens (the window keeps answering in between). called on the GUI thread: a reader of the whole list afresh, in its order, as it is shown now (the reader runs off the GUI thread)</extracomment>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open %1 incidents</source>
        <translation>打开 %1 个事件(&amp;O)</translation>
    </message>
    <message>
        <source>Open as one &amp;list tab</source>
        <translation>作为一个列表标签页打开(&amp;L)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1(%3 个中的 %2 个)</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>复制行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export the whole list</source>
        <translation>导出整个列表(&amp;E)</translation>
    </message>
    <message>
        <source>CSV (UTF-8, opens in Excel)…</source>
        <translation>CSV(UTF-8,可用 Excel 打开)…</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)…</source>
        <translation>Excel 工作簿(XLSX)…</translation>
    </message>
    <message>
        <source>&amp;Print the list…</source>
        <translation>打印列表(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the incident with its &amp;history…</source>
        <translation>打印事件及其处理历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>打开事件</translation>
    </message>
    <message>
        <source>Open %1 incidents, each in its own tab? That makes %1 more tabs.</source>
        <translation>打开 %1 个事件,每个事件一个标签页?将新增 %1 个标签页。</translation>
    </message>
    <message>
        <source>Or open them as one list tab, which lists exactly these %1 incidents.</source>
        <translation>也可以作为一个列表标签页打开,其中正好列出这 %1 个事件。</translation>
    </message>
    <message>
        <source>Open %1 tabs</source>
        <translation>打开 %1 个标签页</translation>
    </message>
    <message>
        <source>Open as one list tab</source>
        <translation>作为一个列表标签页打开</translation>
    </message>
    <message>
        <source>Selected from “%1”</source>
        <translation>选自“%1”</translation>
    </message>
</context>
<context>
    <name>BulkOutput</name>
    <message>
        <source>Copying…</source>
        <translation>正在复制…</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV 文件,UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1 incident(s) exported to %2.</source>
        <translation>已将 %1 个事件导出到 %2。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Print</source>
        <extracomment>How the workstation sends a page out; tests replace it with ``write_pdf`` to a file.</extracomment>
        <translation>打印</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>%1 incident(s) printed…</source>
        <translation>已打印 %1 个事件…</translation>
    </message>
    <message>
        <source>%1 incident(s) printed on %2 page(s).</source>
        <translation>已打印 %1 个事件,共 %2 页。</translation>
    </message>
    <message>
        <source>The printer could not be used.</source>
        <translation>无法使用该打印机。</translation>
    </message>
</context>
<context>
    <name>BulkWork</name>
    <message>
        <source>Saved queue stored.</source>
        <translation>已保存队列。</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancel</source>
        <extracomment>Selections at least this large show a progress dialog (smaller ones finish at once).</extracomment>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stopping after the current incident…</source>
        <translation>处理完当前事件后停止…</translation>
    </message>
    <message>
        <source>%1 of %2…</source>
        <translation>%1 / %2…</translation>
    </message>
</context>
<context>
    <name>SavedQueueEditor</name>
    <message>
        <source>e.g. VIP callers waiting on a vendor</source>
        <translation>例如:等待供应商的 VIP 用户事件</translation>
    </message>
    <message>
        <source>Share with the team (everyone sees it in the sidebar)</source>
        <translation>与团队共享(所有人都能在侧栏中看到)</translation>
    </message>
    <message>
        <source>Open work only (not resolved or closed)</source>
        <translation>仅未完成的事件(未解决或未关闭)</translation>
    </message>
    <message>
        <source>Anyone or nobody</source>
        <translation>任何人或无人</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>尚未指派到人</translation>
    </message>
    <message>
        <source>These people:</source>
        <translation>以下人员:</translation>
    </message>
    <message>
        <source>Type part of a name, then Find</source>
        <translation>输入部分姓名,然后点击查找</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Any caller</source>
        <translation>任何报告人</translation>
    </message>
    <message>
        <source>VIP callers only</source>
        <translation>仅 VIP 报告人</translation>
    </message>
    <message>
        <source>Callers who are not VIP</source>
        <translation>非 VIP 报告人</translation>
    </message>
    <message>
        <source>Escalated or not</source>
        <translation>是否升级均可</translation>
    </message>
    <message>
        <source>Escalation not yet acknowledged</source>
        <translation>升级尚未确认</translation>
    </message>
    <message>
        <source>Ever escalated</source>
        <translation>曾经升级</translation>
    </message>
    <message>
        <source>Never escalated</source>
        <translation>从未升级</translation>
    </message>
    <message>
        <source>Pending or not</source>
        <translation>是否等待均可</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Not pending</source>
        <translation>未等待</translation>
    </message>
    <message>
        <source>Logged</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>最后更新时间</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <source>in the last</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>between</source>
        <translation>介于</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Words in the title, description, notes or resolution</source>
        <translation>标题、描述、工作记录或解决方案中的词语</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
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
        <source>Support group</source>
        <translation>支持组</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>事件分类</translation>
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
        <source>Escalation</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Pending, with wait code</source>
        <translation>等待及等待代码</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>关键词(&amp;W)</translation>
    </message>
    <message>
        <source>Change saved queue</source>
        <translation>修改保存的队列</translation>
    </message>
    <message>
        <source>New saved queue</source>
        <translation>新建保存的队列</translation>
    </message>
    <message>
        <source>%1 incident(s) match now.</source>
        <translation>当前有 %1 个事件符合条件。</translation>
    </message>
</context>
<context>
    <name>SavedQueuesPane</name>
    <message>
        <source>Saved queues</source>
        <translation>保存的队列</translation>
    </message>
    <message>
        <source>New saved queue…</source>
        <translation>新建保存的队列…</translation>
    </message>
    <message>
        <source>Shared by %1</source>
        <translation>由 %1 共享</translation>
    </message>
    <message>
        <source>Only you see this queue</source>
        <translation>仅您可见的队列</translation>
    </message>
    <message>
        <source>&amp;New saved queue…</source>
        <translation>新建保存的队列(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>修改(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Save a &amp;copy as mine…</source>
        <translation>另存为我的副本(&amp;C)…</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1(副本)</translation>
    </message>
    <message>
        <source>Delete saved queue</source>
        <translation>删除保存的队列</translation>
    </message>
    <message>
        <source>Delete the saved queue “%1”? The incidents in it are not touched.</source>
        <translation>删除保存的队列“%1”?其中的事件不受影响。</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>%1: summary</source>
        <translation>%1:结果汇总</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Refused because</source>
        <translation>被拒绝的原因</translation>
    </message>
    <message>
        <source>&amp;Copy the list</source>
        <translation>复制列表(&amp;C)</translation>
    </message>
</context>
</TS>
