<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>&amp;Add file…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <source>Attach the image on the clipboard (Ctrl+V)</source>
        <translation>添加剪贴板中的图片(Ctrl+V)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Drop files here, paste a screenshot (Ctrl+V) or add a file; up to %1 MB each.</source>
        <translation>将文件拖到这里、粘贴截图(Ctrl+V)或添加文件;每个文件不超过 %1 MB。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>The clipboard holds no image or file.</source>
        <translation>剪贴板中没有图片或文件。</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>Remove %1 from the incident for everyone?</source>
        <translation>要从事件中删除 %1 吗?所有人都将看不到它。</translation>
    </message>
</context>
<context>
    <name>KnowledgeEntry</name>
    <message>
        <source>Knowledge</source>
        <translation>知识库</translation>
    </message>
    <message>
        <source>&amp;Knowledge</source>
        <translation>知识库(&amp;K)</translation>
    </message>
    <message>
        <source>Knowledge &amp;articles</source>
        <translation>知识文章(&amp;A)</translation>
    </message>
    <message>
        <source>Incident &amp;templates…</source>
        <translation>事件模板(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>KnowledgeScreen</name>
    <message>
        <source>Search articles: symptom, cause, resolution</source>
        <translation>搜索文章:症状、原因、解决方案</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>&amp;New article</source>
        <translation>新建文章(&amp;N)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Symptom</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>事件分类</translation>
    </message>
    <message>
        <source>Resolved incidents</source>
        <translation>解决的事件数</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>What the caller sees, in their words</source>
        <translation>用户看到的现象,用用户的话描述</translation>
    </message>
    <message>
        <source>Why it happens, if known</source>
        <translation>发生的原因(如已知)</translation>
    </message>
    <message>
        <source>What restores the service, step by step</source>
        <translation>恢复服务的步骤</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>任意分类</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>Reviewed: offer it while logging</source>
        <translation>已审核:记录事件时推荐</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <source>No longer offered; kept with its history</source>
        <translation>不再推荐;保留其历史</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>新文章</translation>
    </message>
    <message numerus="yes">
        <source>resolved %n incident(s)</source>
        <translation>
            <numerusform>已解决 %n 个事件</numerusform>
        </translation>
    </message>
    <message>
        <source>Drafted from %1</source>
        <translation>由 %1 生成草稿</translation>
    </message>
    <message>
        <source>&amp;Publish again</source>
        <translation>重新发布(&amp;P)</translation>
    </message>
    <message>
        <source>Article saved as a draft.</source>
        <translation>文章已保存为草稿。</translation>
    </message>
    <message>
        <source>Article saved; the earlier text is in its history.</source>
        <translation>文章已保存;之前的内容保留在历史中。</translation>
    </message>
    <message>
        <source>Published: it is suggested while logging from now on.</source>
        <translation>已发布:今后记录事件时会推荐。</translation>
    </message>
    <message>
        <source>Retired: no longer suggested.</source>
        <translation>已停用:不再推荐。</translation>
    </message>
</context>
<context>
    <name>SuggestionCard</name>
    <message>
        <source>Open</source>
        <extracomment>Pause after the last keystroke before suggestions are read (ms).</extracomment>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open it in a tab</source>
        <translation>在标签页中打开</translation>
    </message>
    <message numerus="yes">
        <source>worked %n time(s)</source>
        <translation>
            <numerusform>有效 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alike</source>
        <translation>
            <numerusform>%n 个相同</numerusform>
        </translation>
    </message>
    <message>
        <source>In common: %1</source>
        <translation>相同词语:%1</translation>
    </message>
    <message>
        <source>Resolve with this</source>
        <translation>用此方案解决</translation>
    </message>
    <message>
        <source>Log the incident resolved at first contact with this resolution</source>
        <translation>记录事件并以此方案首次接触解决</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Link the new incident to this closed one</source>
        <translation>将新事件关联到这个已关闭事件</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <source>Suggestions</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Type a title or description to see earlier incidents and knowledge articles like it.</source>
        <translation>输入标题或描述,即可看到相似的历史事件和知识文章。</translation>
    </message>
    <message>
        <source>Open incidents of this caller</source>
        <translation>该报告人的未解决事件</translation>
    </message>
    <message>
        <source>Knowledge articles</source>
        <translation>知识文章</translation>
    </message>
    <message>
        <source>Resolved incidents like it</source>
        <translation>相似的已解决事件</translation>
    </message>
    <message>
        <source>Nothing like it yet.</source>
        <translation>暂无相似内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n 条推荐</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Incident templates</source>
        <translation>事件模板</translation>
    </message>
    <message>
        <source>Choose the category…</source>
        <translation>选择事件分类…</translation>
    </message>
    <message>
        <source>Choose the impact…</source>
        <translation>选择影响度…</translation>
    </message>
    <message>
        <source>The questions to ask, one per line</source>
        <translation>要询问的问题,每行一个</translation>
    </message>
    <message>
        <source>&amp;Offered in the log form</source>
        <translation>在记录表单中提供(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Cate&amp;gory</source>
        <translation>事件分类(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Impact</source>
        <translation>影响度(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(not offered)</source>
        <translation>(不提供)</translation>
    </message>
    <message>
        <source>Template saved.</source>
        <translation>模板已保存。</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>No template</source>
        <translation>不使用模板</translation>
    </message>
    <message>
        <source>Start from a template for a common incident</source>
        <translation>从常见事件的模板开始</translation>
    </message>
</context>
</TS>
