<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <location filename="../../ui/storage/presence_list.py" line="59"/>
        <source>Not heard of</source>
        <translation>已失去联系</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="61"/>
        <source>Let go (maintenance)</source>
        <translation>已释放(维护中)</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="62"/>
        <source>This workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <location filename="../../ui/storage/presence_list.py" line="62"/>
        <source>Working</source>
        <translation>工作中</translation>
    </message>
</context>
<context>
    <name>RestoreOfferDialog</name>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="41"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="51"/>
        <source>Looking for the latest good backup…</source>
        <translation>正在查找最近一次完好的备份……</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="60"/>
        <source>Restore this backup</source>
        <translation>恢复此备份</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="63"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="74"/>
        <source>No good backup of this database was found. Ask your administrator for help.</source>
        <translation>未找到该数据库的完好备份。请向管理员求助。</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="79"/>
        <source>Latest good backup: {0} ({1}, schema {2}). Everything saved after it will be lost; the damaged file is kept for investigation.</source>
        <translation>最近一次完好的备份:{0}({1},结构版本 {2})。此后保存的所有内容都将丢失;已损坏的文件会保留以供调查。</translation>
    </message>
    <message>
        <location filename="../../ui/storage/restore_offer.py" line="89"/>
        <source>Restoring…</source>
        <translation>正在恢复……</translation>
    </message>
</context>
<context>
    <name>StorageAdminPanel</name>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="59"/>
        <source>Taken</source>
        <extracomment>The file was restored: the main window must reopen it (every workstation must). Holdouts while a restore waits for the others to let go (list of PresenceRow).</extracomment>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="59"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="59"/>
        <source>Schema</source>
        <translation>结构版本</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="59"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="66"/>
        <source>Backups of the database file</source>
        <translation>数据库文件的备份</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="70"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="71"/>
        <source>Restore selected backup…</source>
        <translation>恢复所选备份……</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="72"/>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="73"/>
        <source>Quick check</source>
        <translation>快速检查</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="81"/>
        <source>Keep backups for</source>
        <translation>备份保留</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="84"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="85"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="163"/>
        <source>Checking…</source>
        <translation>正在检查……</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="178"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="179"/>
        <source>Replace the whole database by the backup of {0}? Everything saved since then is replaced (a copy of the current state is kept). Every workstation must reopen the database afterwards.</source>
        <translation>要用 {0} 的备份替换整个数据库吗?此后保存的所有内容都将被替换(当前状态会另存一份副本)。之后每台工作站都必须重新打开数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="187"/>
        <source>Asking the other workstations to let go…</source>
        <translation>正在请其他工作站释放数据库……</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="206"/>
        <source>Reopen the database on every workstation.</source>
        <translation>请在每台工作站上重新打开数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/storage/admin_panel.py" line="219"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>StorageStatus</name>
    <message>
        <location filename="../../ui/storage/status.py" line="61"/>
        <source>Lock self-test: {0}</source>
        <translation>文件锁自检:{0}</translation>
    </message>
    <message>
        <location filename="../../ui/storage/status.py" line="66"/>
        <source>Daily backup failed: {0}</source>
        <translation>每日备份失败:{0}</translation>
    </message>
    <message>
        <location filename="../../ui/storage/status.py" line="69"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
</context>
</TS>
