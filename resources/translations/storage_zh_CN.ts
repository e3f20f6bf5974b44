<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FileCheck</name>
    <message>
        <location filename="../../ui/storage/file_check.py" line="63"/>
        <source>Daily backup failed: {0}</source>
        <translation>每日备份失败:{0}</translation>
    </message>
    <message>
        <location filename="../../ui/storage/file_check.py" line="87"/>
        <source>This database file is damaged: %1. Work saved now may be lost. Restore the latest good backup (Administration, Database file), or ask the process owner to.</source>
        <translation>此数据库文件已损坏:%1。现在保存的工作可能丢失。请恢复最近的完好备份(管理 → 数据库文件),或请流程负责人恢复。</translation>
    </message>
</context>
<context>
    <name>PresenceList</name>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="31"/>
        <source>Connected workstations</source>
        <translation>已连接的工作站</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="33"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="39"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="39"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="39"/>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="40"/>
        <source>Last heard of</source>
        <translation>最后心跳</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="40"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="58"/>
        <source>Not heard of</source>
        <translation>已失去联系</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="60"/>
        <source>Let go (maintenance)</source>
        <translation>已释放(维护中)</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="61"/>
        <source>This workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="61"/>
        <source>Working</source>
        <translation>工作中</translation>
    </message>
</context>
<context>
    <name>RestoreOfferDialog</name>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="43"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="68"/>
        <source>Looking for the latest good backup…</source>
        <translation>正在查找最近一次完好的备份……</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="77"/>
        <source>Restore this backup</source>
        <translation>恢复此备份</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="92"/>
        <source>No good backup of this database was found. Ask your administrator for help.</source>
        <translation>未找到该数据库的完好备份。请向管理员求助。</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="97"/>
        <source>Latest good backup: {0} ({1}, schema {2}). Everything saved after it will be lost; the damaged file is kept for investigation.</source>
        <translation>最近一次完好的备份:{0}({1},结构版本 {2})。此后保存的所有内容都将丢失;已损坏的文件会保留以供调查。</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="107"/>
        <source>Restoring…</source>
        <translation>正在恢复……</translation>
    </message>
</context>
<context>
    <name>StorageAdminPanel</name>
    <message>
        <source>Backups of the server&apos;s database (pg_dump), kept on this computer in %1</source>
        <translation>服务器数据库的备份(pg_dump),保存在本机的 %1</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="60"/>
        <source>Taken</source>
        <extracomment>The file was restored: the main window must reopen it (every workstation must). Holdouts while a restore waits for the others to let go (list of PresenceRow).</extracomment>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="60"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="60"/>
        <source>Schema</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="60"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="67"/>
        <source>Backups of the database file</source>
        <translation>数据库文件的备份</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="71"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="72"/>
        <source>Restore selected backup…</source>
        <translation>恢复所选备份……</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="73"/>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="74"/>
        <source>Quick check</source>
        <translation>快速检查</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="82"/>
        <source>Keep backups for</source>
        <translation>备份保留</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="85"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="86"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="167"/>
        <source>Checking…</source>
        <translation>正在检查……</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="182"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="183"/>
        <source>Replace the whole database by the backup of {0}? Everything saved since then is replaced (a copy of the current state is kept). Every workstation must reopen the database afterwards.</source>
        <translation>要用 {0} 的备份替换整个数据库吗?此后保存的所有内容都将被替换(当前状态会另存一份副本)。之后每台工作站都必须重新打开数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="191"/>
        <source>Asking the other workstations to let go…</source>
        <translation>正在请其他工作站释放数据库……</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="210"/>
        <source>Reopen the database on every workstation.</source>
        <translation>请在每台工作站上重新打开数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="222"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>StorageStatus</name>
    <message>
        <location filename="../../ui/storage/status.py" line="83"/>
        <source>Lock self-test: {0}</source>
        <translation>文件锁自检:{0}</translation>
    </message>
    <message>
        <location filename="../../ui/storage/status.py" line="88"/>
        <source>Daily backup failed: {0}</source>
        <translation>每日备份失败:{0}</translation>
    </message>
    <message>
        <location filename="../../ui/storage/status.py" line="103"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
</context>
</TS>
