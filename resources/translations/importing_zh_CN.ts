<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Map the columns</source>
        <translation>映射列</translation>
    </message>
    <message>
        <source>Which of the file&apos;s columns holds each of our fields. Fields marked * are required.</source>
        <translation>文件中的哪一列对应本系统的每个字段。标 * 的字段为必填。</translation>
    </message>
    <message>
        <source>Our field</source>
        <translation>本系统字段</translation>
    </message>
    <message>
        <source>Their column</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Preview (first rows of the file):</source>
        <translation>预览(文件的前几行):</translation>
    </message>
</context>
<context>
    <name>DryRunPage</name>
    <message>
        <source>Dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>What the import would do, with every row it would refuse and why. Nothing has been changed.</source>
        <translation>导入将会做什么,以及每一条将被拒绝的行及原因。尚未做任何修改。</translation>
    </message>
    <message>
        <source>Rows that would be refused:</source>
        <translation>将被拒绝的行:</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Each incident is written whole or not at all; cancelling keeps those already written.</source>
        <translation>每个事件要么完整写入,要么不写入;取消时已写入的事件会保留。</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Rows refused:</source>
        <translation>被拒绝的行:</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import incidents</source>
        <translation>导入事件</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>Choose the export</source>
        <translation>选择导出文件</translation>
    </message>
    <message>
        <source>A CSV file exported from ServiceNow (the incident event log), GLPI (the ticket list) or any other tool.</source>
        <translation>从 ServiceNow(事件日志)、GLPI(工单列表)或其他工具导出的 CSV 文件。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>ServiceNow incident event log</source>
        <translation>ServiceNow 事件日志</translation>
    </message>
    <message>
        <source>GLPI ticket list</source>
        <translation>GLPI 工单列表</translation>
    </message>
    <message>
        <source>Other CSV</source>
        <translation>其他 CSV</translation>
    </message>
    <message>
        <source>People (a directory export: callers, users, groups)</source>
        <translation>人员(通讯录导出:报告人、用户、支持组)</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式:</translation>
    </message>
    <message>
        <source>Source name:</source>
        <translation>来源名称:</translation>
    </message>
    <message>
        <source>Rows already imported from the same source are updated or left as they are, never doubled.</source>
        <translation>已从同一来源导入的行会被更新或保持不变,绝不会重复。</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message>
        <source>Map the values</source>
        <translation>映射取值</translation>
    </message>
    <message>
        <source>Their states, categories, groups, priorities and close codes, and what each becomes here. Unknown callers, groups and categories are created unless you choose otherwise.</source>
        <translation>来源中的状态、分类、支持组、优先级和关闭代码分别对应本系统的什么值。未知的报告人、支持组和分类默认会新建,除非您另行选择。</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Their value</source>
        <translation>来源值</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>本系统值</translation>
    </message>
    <message>
        <source>Unknown values of</source>
        <translation>未知的</translation>
    </message>
    <message>
        <source>Are</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>(as it is: by name, else as chosen below)</source>
        <translation>(保持原样:按名称匹配,否则按下方选择)</translation>
    </message>
    <message>
        <source>Create it</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Refuse its rows</source>
        <translation>拒绝这些行</translation>
    </message>
    <message>
        <source>(new wait code)</source>
        <translation>(新建等待代码)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Refused with their rows</source>
        <translation>连同其行一起拒绝</translation>
    </message>
</context>
</TS>
