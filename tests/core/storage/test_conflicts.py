"""Optimistic concurrency on every editable row type: an edit made from a stale copy is a
conflict the user sees, never a silent overwrite of the newer edit.

Each case reads a row's version, lets "someone else" save an edit with that version (which
succeeds and bumps it), then saves its own edit with the same, now stale, version: that
must raise ``ConflictError`` and leave the other person's edit in place. The last test
makes sure no editable (``Versioned``) model is left without a case.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from desk_app.domain.enums import ResolutionType, Role
from desk_app.errors import ConflictError
from desk_app.services.admin.calendars import CalendarForm, save_calendar
from desk_app.services.admin.people import (
    CallerForm,
    GroupForm,
    UserForm,
    save_caller,
    save_department,
    save_group,
    save_user,
)
from desk_app.services.admin.process import (
    CategoryForm,
    CodeForm,
    RuleForm,
    current_matrix,
    save_auto_close_days,
    save_backup_keep_days,
    save_category,
    save_close_code,
    save_escalation_rule,
    save_matrix,
    save_target,
    save_wait_code,
    setting_with_version,
)
from desk_app.services.alerts.review import acknowledge_escalation
from desk_app.services.alerts.roster import ShiftForm, delete_shift, save_shift
from desk_app.services.incident.log import IncidentFields, update_incident
from desk_app.services.incident.pending import close_change, raise_change
from desk_app.services.incident.workflow import accept, assign, resolve, transfer
from desk_app.storage.models import (
    MODELS,
    Caller,
    Category,
    ChangeRequest,
    CloseCode,
    Department,
    DutyShift,
    Escalation,
    EscalationRule,
    Incident,
    IncidentTemplate,
    KnowledgeArticle,
    PriorityCell,
    SavedQueue,
    ServiceTarget,
    Setting,
    SupportGroup,
    User,
    Versioned,
    WaitCode,
    WorkingCalendar,
)
from tests.conftest import Org

Case = Callable[[Org], None]
CASES: dict[type[Versioned], Case] = {}


def case(model: type[Versioned]) -> Callable[[Case], Case]:
    def register(fn: Case) -> Case:
        CASES[model] = fn
        return fn

    return register


def stale(edit: Callable[[int], object], version: int) -> None:
    with pytest.raises(ConflictError) as caught:
        edit(version)
    assert "changed by someone else" in caught.value.message("en")
    assert "已被他人修改" in caught.value.message("zh")


@case(Incident)
def incident_fields(org: Org) -> None:
    incident = org.log()
    version = Incident.get_by_id(incident).version
    desk = org.as_("desk")
    update_incident(desk, incident, IncidentFields(title="Theirs"), version=version)
    stale(lambda v: update_incident(desk, incident, IncidentFields(title="Mine"), version=v),
          version)
    assert Incident.get_by_id(incident).title == "Theirs"


@case(SavedQueue)
def saved_queue(org: Org) -> None:
    from desk_app.services.bulk.saved_queues import (
        Conditions,
        SavedQueueForm,
        create_queue,
        update_queue,
    )

    net1 = org.as_("net1")
    queue_id = create_queue(net1, SavedQueueForm("Mine", Conditions())).new_id
    version = SavedQueue.get_by_id(queue_id).version
    update_queue(net1, queue_id, SavedQueueForm("Theirs", Conditions()), version)
    stale(lambda v: update_queue(net1, queue_id, SavedQueueForm("Mine", Conditions()), v),
          version)
    assert SavedQueue.get_by_id(queue_id).name == "Theirs"


def test_incident_moves_from_a_stale_copy_are_conflicts(org: Org) -> None:
    """Every stage move takes the version the user saw, not only field edits."""
    incident = org.log()
    seen = Incident.get_by_id(incident).version
    assign(org.as_("desk"), incident, version=seen)
    stale(lambda v: assign(org.as_("desk"), incident, version=v), seen)
    seen = Incident.get_by_id(incident).version
    accept(org.as_("net1"), incident, version=seen)
    stale(lambda v: accept(org.as_("net2"), incident, version=v), seen)
    seen = Incident.get_by_id(incident).version
    transfer(org.as_("net1"), incident, note="to Nina", assignee_id=org.ids["net2"],
             version=seen)
    stale(lambda v: resolve(org.as_("net1"), incident, resolution="rebooted",
                            resolution_type=ResolutionType.WORKAROUND, version=v), seen)
    row = Incident.get_by_id(incident)
    assert (row.stage, row.assignee_id) == ("assigned", org.ids["net2"])


@case(ChangeRequest)
def change_request(org: Org) -> None:
    incident = org.log()
    assign(org.as_("desk"), incident)
    accept(org.as_("net1"), incident)
    raise_change(org.as_("net1"), incident, title="Replace the switch")
    change = ChangeRequest.get(ChangeRequest.incident == incident)
    close_change(org.as_("net1"), change.id, outcome="done", version=change.version)
    stale(lambda v: close_change(org.as_("manager"), change.id, outcome="mine", version=v),
          change.version)
    assert ChangeRequest.get_by_id(change.id).outcome == "done"


@case(Escalation)
def escalation(org: Org) -> None:
    incident = org.log()
    assign(org.as_("desk"), incident)
    for person in ("net2", "net1", "net2"):  # the third transfer escalates (R07)
        transfer(org.as_("desk"), incident, note="again", assignee_id=org.ids[person])
    row = Escalation.get(Escalation.incident == incident)
    acknowledge_escalation(org.as_("manager"), row.id, "seen", version=row.version)
    stale(lambda v: acknowledge_escalation(org.as_("head"), row.id, "mine", version=v),
          row.version)
    assert Escalation.get_by_id(row.id).ack_comment == "seen"


@case(User)
def user(org: Org) -> None:
    owner, row = org.as_("owner"), User.get_by_id(org.ids["net1"])
    form = UserForm("net1", "Theirs", [Role.TIER1])
    save_user(owner, form, row.id, row.version)
    form.full_name = "Mine"
    stale(lambda v: save_user(owner, form, row.id, v), row.version)
    assert User.get_by_id(row.id).full_name == "Theirs"


@case(Department)
def department(org: Org) -> None:
    owner, row = org.as_("owner"), Department.get_by_id(org.ids["dept_it"])
    save_department(owner, "Theirs", "他们", None, row.id, row.version)
    stale(lambda v: save_department(owner, "Mine", "我的", None, row.id, v), row.version)
    assert Department.get_by_id(row.id).name_en == "Theirs"


@case(SupportGroup)
def support_group(org: Org) -> None:
    owner, row = org.as_("owner"), SupportGroup.get_by_id(org.ids["apps"])
    save_group(owner, GroupForm("APP", "Theirs", "他们", members=[org.ids["app1"]]), row.id,
               row.version)
    stale(lambda v: save_group(owner, GroupForm("APP", "Mine", "我的"), row.id, v),
          row.version)
    assert SupportGroup.get_by_id(row.id).name_en == "Theirs"


@case(Caller)
def caller(org: Org) -> None:
    desk, row = org.as_("desk"), Caller.get_by_id(org.ids["caller"])
    save_caller(desk, CallerForm("Theirs"), row.id, row.version)
    stale(lambda v: save_caller(desk, CallerForm("Mine"), row.id, v), row.version)
    assert Caller.get_by_id(row.id).name == "Theirs"


@case(Category)
def category(org: Org) -> None:
    owner, row = org.as_("owner"), Category.get_by_id(org.ids["cat_email"])
    save_category(owner, CategoryForm("email", "Theirs", "他们", org.ids["apps"]), row.id,
                  row.version)
    stale(lambda v: save_category(owner, CategoryForm("email", "Mine", "我的",
                                                      org.ids["apps"]), row.id, v),
          row.version)
    assert Category.get_by_id(row.id).name_en == "Theirs"


@case(WorkingCalendar)
def working_calendar(org: Org) -> None:
    owner, row = org.as_("owner"), WorkingCalendar.get(WorkingCalendar.code == "24x7")
    save_calendar(owner, CalendarForm("24x7", "Theirs", "他们", always=True), row.id,
                  row.version)
    stale(lambda v: save_calendar(owner, CalendarForm("24x7", "Mine", "我的", always=True),
                                  row.id, v), row.version)
    assert WorkingCalendar.get_by_id(row.id).name_en == "Theirs"


@case(PriorityCell)
def priority_cell(org: Org) -> None:
    owner = org.as_("owner")
    seen = current_matrix(owner)
    versions = {key: version for key, (_, version) in seen.items()}
    theirs = {key: priority for key, (priority, _) in seen.items()}
    theirs[(4, 4)] = 3
    save_matrix(owner, theirs, versions)
    mine = dict(theirs)
    mine[(4, 4)] = 2
    stale(lambda v: save_matrix(owner, mine, {**versions, (4, 4): v}), versions[(4, 4)])
    cell = PriorityCell.get((PriorityCell.impact == 4) & (PriorityCell.urgency == 4))
    assert cell.priority == 3


@case(ServiceTarget)
def service_target(org: Org) -> None:
    owner = org.as_("owner")
    row = ServiceTarget.get((ServiceTarget.priority == 3) & (ServiceTarget.stage == "resolve"))
    save_target(owner, 3, "resolve", 600, row.calendar_id, row.version)
    stale(lambda v: save_target(owner, 3, "resolve", 900, row.calendar_id, v), row.version)
    assert ServiceTarget.get_by_id(row.id).minutes == 600


@case(WaitCode)
def wait_code(org: Org) -> None:
    owner, row = org.as_("owner"), WaitCode.get(WaitCode.system == False)  # noqa: E712
    save_wait_code(owner, CodeForm(row.code, "Theirs", "他们"), row.id, row.version)
    stale(lambda v: save_wait_code(owner, CodeForm(row.code, "Mine", "我的"), row.id, v),
          row.version)
    assert WaitCode.get_by_id(row.id).name_en == "Theirs"


@case(CloseCode)
def close_code(org: Org) -> None:
    owner, row = org.as_("owner"), CloseCode.get(CloseCode.system == False)  # noqa: E712
    save_close_code(owner, CodeForm(row.code, "Theirs", "他们"), row.id, row.version)
    stale(lambda v: save_close_code(owner, CodeForm(row.code, "Mine", "我的"), row.id, v),
          row.version)
    assert CloseCode.get_by_id(row.id).name_en == "Theirs"


@case(EscalationRule)
def escalation_rule(org: Org) -> None:
    owner, row = org.as_("owner"), EscalationRule.select().first()
    form = RuleForm("Theirs", "他们", row.recipient, row.channels.split(","))
    save_escalation_rule(owner, form, row.id, row.version)
    form.name_en = "Mine"
    stale(lambda v: save_escalation_rule(owner, form, row.id, v), row.version)
    assert EscalationRule.get_by_id(row.id).name_en == "Theirs"


@case(DutyShift)
def duty_shift(org: Org) -> None:
    manager = org.as_("manager")
    start = org.clock.now()
    form = ShiftForm(start, start + timedelta(hours=8), [org.ids["desk"]], "theirs")
    shift = save_shift(manager, form).new_id
    row = DutyShift.get_by_id(shift)
    save_shift(manager, form, shift, row.version)
    mine = ShiftForm(start, start + timedelta(hours=4), [org.ids["desk"]], "mine")
    stale(lambda v: save_shift(manager, mine, shift, v), row.version)
    stale(lambda v: delete_shift(manager, shift, v), row.version)
    assert DutyShift.get_by_id(shift).note == "theirs"


@case(Setting)
def setting(org: Org) -> None:
    owner = org.as_("owner")
    for key, save in (("auto_close_days", save_auto_close_days),
                      ("backup_keep_days", save_backup_keep_days)):
        _, version = setting_with_version(owner, key)
        assert version is not None
        save(owner, 9, version)
        stale(lambda v, save=save: save(owner, 30, v), version)
        assert Setting.get_by_id(key).value == "9"


@case(KnowledgeArticle)
def knowledge_article(org: Org) -> None:
    from desk_app.services.knowledge.articles import ArticleForm, create_article, edit_article

    l2 = org.as_("l2")
    article = create_article(l2, ArticleForm("VPN drops", "Renew the certificate")).new_id
    version = KnowledgeArticle.get_by_id(article).version
    edit_article(l2, article, ArticleForm("VPN drops", "theirs"), version)
    stale(lambda v: edit_article(l2, article, ArticleForm("VPN drops", "mine"), v), version)
    assert KnowledgeArticle.get_by_id(article).resolution == "theirs"


@case(IncidentTemplate)
def incident_template(org: Org) -> None:
    from desk_app.services.knowledge.templates import TemplateForm, save_template

    owner = org.as_("owner")
    form = TemplateForm("VPN", "en", org.ids["cat_network"], 3, "VPN drops")
    template = save_template(owner, form).new_id
    version = IncidentTemplate.get_by_id(template).version
    save_template(owner, TemplateForm("theirs", "en", org.ids["cat_network"], 3, "t"),
                  template, version)
    stale(lambda v: save_template(owner, form, template, v), version)
    assert IncidentTemplate.get_by_id(template).name == "theirs"


@pytest.mark.parametrize("model", sorted(CASES, key=lambda m: m.__name__),
                         ids=lambda m: m.__name__)
def test_a_stale_edit_is_a_conflict(org: Org, model: type[Versioned]) -> None:
    CASES[model](org)


def test_every_editable_row_type_has_a_case() -> None:
    editable = {model for model in MODELS if issubclass(model, Versioned)}
    assert editable == set(CASES)
