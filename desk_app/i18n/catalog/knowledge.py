"""Texts of knowledge articles, suggestions, templates and attachments (docs/knowledge.md)."""

MESSAGES: dict[str, dict[str, str]] = {
    **{f"action.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("manage_knowledge", "Review knowledge articles", "审核知识文章"),
        ("suggest", "See suggestions", "查看推荐"),
        ("attach", "Attach a file", "添加附件"),
        ("remove_attachment", "Remove an attachment", "删除附件"),
    ]},
    **{f"field.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("attachment", "Attachment", "附件"),
        ("knowledge_article", "Resolved with knowledge article", "使用的知识文章"),
        ("solution_from", "Resolved as earlier incident", "沿用的事件解决方案"),
        ("symptom", "Symptom", "症状"),
        ("cause", "Cause", "原因"),
        ("language", "Language", "语言"),
        ("name", "Name", "名称"),
        ("solution", "Solution", "解决方案"),
        ("attachment_max_mb", "Largest attachment (MB)", "附件大小上限(MB)"),
    ]},
    **{f"knowledge.state.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("draft", "Draft", "草稿"),
        ("published", "Published", "已发布"),
        ("retired", "Retired", "已停用"),
    ]},
    **{f"knowledge.revision.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("draft", "Drafted from a resolution", "由解决方案生成草稿"),
        ("create", "Written", "新建"),
        ("edit", "Edited", "编辑"),
        ("publish", "Reviewed and published", "审核并发布"),
        ("retire", "Retired", "停用"),
        ("restore", "Published again", "重新发布"),
    ]},
    **{f"knowledge.kind.{key}": {"en": en, "zh": zh} for key, en, zh in [
        ("open", "Open incident of this caller", "该报告人的未解决事件"),
        ("incident", "Resolved incident", "已解决事件"),
        ("article", "Knowledge article", "知识文章"),
    ]},
    "knowledge.language.en": {"en": "English", "zh": "英文"},
    "knowledge.language.zh": {"en": "Chinese", "zh": "中文"},
    "check.search_terms_missing": {
        "en": "The word index's term list lacks {count} of its terms ({terms}): the "
              "suggestions while logging miss the incidents that hold them.",
        "zh": "词索引的词项表缺少 {count} 个词项({terms}):记录事件时的推荐会漏掉含有这些词的事件。"},
    "knowledge.not_found": {"en": "Knowledge article {id} does not exist.",
                            "zh": "知识文章 {id} 不存在。"},
    "knowledge.not_editor": {
        "en": "Only Level-2 support and the process owner review knowledge articles.",
        "zh": "只有二线支持人员和流程负责人可以审核知识文章。"},
    "knowledge.retired_read_only": {
        "en": "This article is retired: publish it again before editing it.",
        "zh": "该文章已停用:请先重新发布再编辑。"},
    "knowledge.already_published": {"en": "This article is already published.",
                                    "zh": "该文章已发布。"},
    "knowledge.already_retired": {"en": "This article is already retired.",
                                  "zh": "该文章已停用。"},
    "knowledge.not_published": {
        "en": "Article {number} is not published, so it cannot resolve an incident.",
        "zh": "文章 {number} 尚未发布,不能用于解决事件。"},
    "knowledge.source_not_resolved": {
        "en": "Incident {number} has no resolution to reuse yet.",
        "zh": "事件 {number} 还没有可沿用的解决方案。"},
    "knowledge.choose_one_solution": {
        "en": "Choose one article or one earlier incident to resolve with.",
        "zh": "请选择一篇知识文章或一个已解决事件。"},
    "knowledge.attach_closed": {
        "en": "Incident {number} is closed: nothing can be added to it (log a new incident "
              "linked to it instead).",
        "zh": "事件 {number} 已关闭,不能再添加附件(可以新建事件并关联到它)。"},
    "knowledge.attach_denied": {"en": "You may not attach files to incidents.",
                                "zh": "您无权为事件添加附件。"},
    "knowledge.too_large": {
        "en": "{name} is {size}; files larger than {max} cannot be attached (the process "
              "owner sets this limit).",
        "zh": "{name} 大小为 {size},超过附件上限 {max},不能添加(上限由流程负责人设置)。"},
    "knowledge.unreadable": {"en": "{name} cannot be read: {detail}",
                             "zh": "无法读取 {name}:{detail}"},
    "knowledge.not_a_file": {"en": "{name} is not a file.", "zh": "{name} 不是文件。"},
    "knowledge.attachment_not_found": {"en": "Attachment {id} does not exist.",
                                       "zh": "附件 {id} 不存在。"},
    "knowledge.attachment_damaged": {
        "en": "The attachment's content no longer matches what was attached; it was not "
              "saved.",
        "zh": "附件内容与添加时不一致,未保存。"},
    "knowledge.cannot_write": {"en": "Cannot write {path}: {detail}",
                               "zh": "无法写入 {path}:{detail}"},
    "knowledge.cli.none": {"en": "No similar incidents or articles.",
                           "zh": "没有相似的事件或文章。"},
    "knowledge.cli.open": {"en": "Open incidents of the caller:", "zh": "该报告人的未解决事件:"},
    "knowledge.cli.unknown_caller": {"en": "No caller named {name}.",
                                     "zh": "没有名为 {name} 的报告人。"},
    "knowledge.cli.unknown_category": {"en": "No category {code}.", "zh": "没有分类 {code}。"},
    "knowledge.cli.used": {"en": "worked {count}×", "zh": "有效 {count} 次"},
}
MESSAGES["knowledge.cli.bad_limit"] = {"en": "--limit must be from 1 to 100, not {value}.",
                                       "zh": "--limit 须在 1 到 100 之间,而不是 {value}。"}
