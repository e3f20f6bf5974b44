<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsPage</name>
    <message>
        <source>Sign-in safety</source>
        <translation>登录安全</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Lock an idle workstation after</source>
        <translation>工作站空闲后锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Without keyboard or mouse for this long, a workstation returns to the sign-in screen; the same person finds their tabs and typed text again.</source>
        <translation>在这段时间内没有键盘或鼠标操作，工作站将回到登录界面；同一人重新登录后，打开的标签页和已输入的文字仍在。</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>最近一次失败</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Nobody has failed to sign in since their last good sign-in.</source>
        <translation>自上次成功登录以来，没有人登录失败。</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>Reset the password of</source>
        <translation>重置以下人员的密码</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failed sign-ins and locks&lt;/b&gt;</source>
        <translation>&lt;b&gt;登录失败与锁定&lt;/b&gt;</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Choose a locked person in the list.</source>
        <translation>请在列表中选择一位已锁定的人员。</translation>
    </message>
    <message>
        <source>%1 may sign in again.</source>
        <translation>%1 可以再次登录。</translation>
    </message>
    <message>
        <source>Password reset: %1 chooses a new one at the next sign-in.</source>
        <translation>密码已重置：%1 下次登录时需设置新密码。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
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
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>A temporary password for %1. They must choose their own at their next sign-in; a lock is lifted too.</source>
        <translation>为 %1 设置临时密码。其下次登录时必须设置自己的密码；锁定也随之解除。</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
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
