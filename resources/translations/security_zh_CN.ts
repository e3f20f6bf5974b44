<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your password was reset by the process owner: choose your own before you continue.</source>
        <translation>您的密码已被流程负责人重置:请先设置您自己的密码再继续。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The new password needs at least %1 characters.</source>
        <translation>新密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>WorkstationLock</name>
    <message>
        <source>Switch &amp;user…</source>
        <translation>切换用户(&amp;U)…</translation>
    </message>
    <message>
        <source>Hand the workstation to the next person; the program and its alerts keep running</source>
        <translation>将工作站交给下一位;程序及其提醒继续运行</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <source>Your account was disabled or locked; you have been signed out.</source>
        <translation>您的账户已被停用或锁定,已退出登录。</translation>
    </message>
    <message>
        <source>Workstation locked — desk-app</source>
        <translation>工作站已锁定 — desk-app</translation>
    </message>
    <message>
        <source>Switch user — desk-app</source>
        <translation>切换用户 — desk-app</translation>
    </message>
    <message>
        <source>%1 signs in. The open tabs of %2 are closed: %3.</source>
        <translation>%1 登录。%2 打开的标签页将被关闭:%3。</translation>
    </message>
    <message>
        <source>Input not saved yet is lost: %1.</source>
        <translation>尚未保存的输入将丢失:%1。</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
</TS>
