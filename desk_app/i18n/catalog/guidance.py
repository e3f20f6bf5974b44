"""Texts that tell a person up front who can do what, what is missing, and what a form
needs before it can succeed (so that nothing is refused after input)."""

MESSAGES: dict[str, dict[str, str]] = {
    "permission.who": {
        "en": "“{action}” is for {who}. {missing}",
        "zh": "“{action}”只能由{who}执行。{missing}",
    },
    "permission.group_members": {
        "en": "the members of {group} (the support group the incident is with now)",
        "zh": "{group}(事件当前所在的支持组)的成员",
    },
    "permission.recorder": {
        "en": "{person}, who logged it",
        "zh": "记录人{person}",
    },
    "permission.you_have": {
        "en": "You are signed in as {roles}.",
        "zh": "您当前的角色是{roles}。",
    },
    "permission.no_roles": {
        "en": "Your account has no role yet: ask the process owner for one.",
        "zh": "您的账户还没有任何角色,请联系流程负责人分配。",
    },
    "permission.not_member": {
        "en": "You are not a member of {group}; ask one of its members or the incident "
              "manager.",
        "zh": "您不是{group}的成员,请联系该组成员或事件经理。",
    },
    "permission.not_recorder": {
        "en": "You did not log this incident; ask {person}.",
        "zh": "此事件不是您记录的,请联系{person}。",
    },
    "validation.transfer_same_target": {
        "en": "The incident is already with this support group: choose the other level, "
              "another category or a person.",
        "zh": "事件已在该支持组:请选择另一级别、其他分类或具体人员。",
    },
}
