<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BundleDialog</name>
    <message>
        <source>Export or import everything</source>
        <translation>导出或导入全部数据</translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation>导出全部数据</translation>
    </message>
    <message>
        <source>A new or empty folder</source>
        <translation>新的或空的文件夹</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Every table as a CSV file with a manifest, for another desk-app or a spreadsheet. Passwords and delivery secrets are left out.</source>
        <translation>每个表导出为一个 CSV 文件并附清单,可供另一个 desk-app 或电子表格使用。密码和通知发送的密钥不会导出。</translation>
    </message>
    <message>
        <source>Import everything</source>
        <translation>导入全部数据</translation>
    </message>
    <message>
        <source>The folder of an export</source>
        <translation>导出包所在的文件夹</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Rebuilds this database from an export, keeping every incident, its history and every id. Only a database without incidents can take it.</source>
        <translation>用导出包重建此数据库,保留每个事件、其历史记录和所有编号。只有没有事件的数据库才能导入。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export everything to</source>
        <translation>导出全部数据到</translation>
    </message>
    <message>
        <source>Import everything from</source>
        <translation>从以下位置导入全部数据</translation>
    </message>
    <message>
        <source>This database is open read-only.</source>
        <translation>此数据库以只读方式打开。</translation>
    </message>
    <message>
        <source>Counting the incidents of this database…</source>
        <translation>正在统计此数据库中的事件…</translation>
    </message>
    <message numerus="yes">
        <source>This database already has %n incident(s); an export is imported into a new, empty database.</source>
        <translation>
            <numerusform>此数据库已有 %n 个事件;导出包只能导入到新的空数据库。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the folder of an export.</source>
        <translation>请选择导出包所在的文件夹。</translation>
    </message>
    <message>
        <source>That folder holds no export (no manifest.json).</source>
        <translation>该文件夹中没有导出包(没有 manifest.json)。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Rebuild this database from the export in %1? Its people, lists and settings are replaced by the export&apos;s.</source>
        <translation>要用 %1 中的导出包重建此数据库吗?其中的人员、列表和设置将被导出包中的内容替换。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
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
