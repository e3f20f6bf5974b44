"""The core's reads behind the forms: what can be chosen, what is allowed now and why not,
history in words, and the admin lists. The UI shows these; the rules live here."""

from __future__ import annotations

from desk_app.domain.enums import Impact, Role
from desk_app.errors import PermissionDenied, RuleViolation, ValidationError
from desk_app.services.admin import lists
from desk_app.services.admin.common import administer_refusal
from desk_app.services.incident import choices, pending, workflow
from desk_app.services.incident.actions import Action, action_states, allowed_actions, field_states
from desk_app.services.incident.history import change_lines, load_names, note_text
from desk_app.services.incident.pending import change_states
from desk_app.services.incident.queries import incident_view
from desk_app.services.incident.workflow import satisfaction_required


def test_r14_categories_name_the_groups_they_dispatch_to(org):
    found = {c.code: c for c in choices.categories(org.as_("desk"))}
    assert found["network"].group.name("zh") == "网络组"
    assert found["network"].tier2_group is not None
    assert found["email"].tier2_group is None


def test_caller_lookup_by_name_phone_or_email(org):
    desk = org.as_("desk")
    assert [c.name for c in choices.find_callers(desk, "zhang")] == ["张伟 Zhang Wei"]
    assert [c.id for c in choices.find_callers(desk, "13900000001")] == [org.ids["caller"]]
    victor = choices.find_callers(desk, "vic")[0]
    assert victor.vip and victor.department is not None
    assert victor.department.name("en") == "Finance"
    assert choices.find_callers(desk, "nobody") == []


def test_r17_r23_system_codes_are_not_offered(org):
    desk = org.as_("desk")
    assert "awaiting_change" not in {c.code for c in choices.wait_codes(desk)}
    assert "auto_closed" not in {c.code for c in choices.close_codes(desk)}
    assert len(choices.close_codes(desk)) == 5


def test_group_members_are_the_people_to_assign_to(org):
    people = choices.group_members(org.as_("desk"), org.ids["network"])
    assert {p.username for p in people} == {"desk", "net1", "net2"}


def test_r05_action_states_agree_with_allowed_actions_and_say_why(org):
    incident_id = org.log()
    desk = org.as_("desk")
    states = action_states(desk, incident_id)
    assert {a for a, why in states.items() if why is None} == allowed_actions(desk,
                                                                              incident_id)
    assert states[Action.ASSIGN] is None
    assert isinstance(states[Action.ACCEPT], RuleViolation)
    assert "Logged" in states[Action.ACCEPT].message("en")
    outsider = action_states(org.as_("outsider"), incident_id)
    assert isinstance(outsider[Action.ASSIGN], PermissionDenied)


def test_r12_r14_r24_field_states(org):
    incident_id = org.log()
    assert all(why is None for why in field_states(org.as_("desk"), incident_id).values())
    workflow.assign(org.as_("desk"), incident_id)
    net = field_states(org.as_("net1"), incident_id)
    assert net["title"] is None and net["impact"] is None
    assert isinstance(net["urgency"], PermissionDenied)
    assert isinstance(net["category"], ValidationError)
    outsider = field_states(org.as_("outsider"), incident_id)
    assert all(isinstance(why, PermissionDenied) for why in outsider.values())


def test_r22_satisfaction_is_required_of_the_service_desk(org):
    assert satisfaction_required(org.as_("desk"))
    assert not satisfaction_required(org.as_("manager"))


def test_r16_r18_pauses_and_changes_read_from_the_journal(org):
    incident_id = org.log()
    net = org.as_("net1")
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(net, incident_id)
    pending.set_pending(net, incident_id, wait_code_id=1)
    org.clock.advance(minutes=10)
    pending.resume(net, incident_id)
    change_id = pending.raise_change(net, incident_id, title="Swap the switch").created
    view = incident_view(net, incident_id)
    assert len(view.pauses) == 2
    assert view.pauses[0].ended_at is not None
    assert view.pauses[1].ended_at is None
    assert change_states(net, incident_id) == {change_id: None}
    assert isinstance(change_states(org.as_("app1"), incident_id)[change_id],
                      PermissionDenied)
    pending.close_change(net, change_id, outcome="done")
    view = incident_view(net, incident_id)
    assert view.pauses[1].ended_at is not None
    assert isinstance(change_states(net, incident_id)[change_id], RuleViolation)


def test_r10_history_names_people_groups_and_values(org):
    incident_id = org.log(impact=Impact.MINOR)
    workflow.assign(org.as_("desk"), incident_id, assignee_id=org.ids["net1"])
    view = incident_view(org.as_("desk"), incident_id)
    names = load_names(org.as_("desk"), view.journal)
    assigned = next(e for e in view.journal if e.action == "assign")
    assert "Assignee: — → 李强 Li Qiang" in change_lines(assigned, "en", names)
    assert "阶段: 记录 → 指派" in change_lines(assigned, "zh", names)
    logged = view.journal[0]
    assert "Support group: — → Network" in change_lines(logged, "en", names)
    assert "影响度: — → 次要" in change_lines(logged, "zh", names)


def test_r07_system_notes_read_as_words(org):
    from desk_app.services.incident.queries import JournalEntry

    entry = JournalEntry(1, org.clock.now(), None, "escalate", {}, "transfers")
    assert note_text(entry, "zh") == "转派三次"
    entry = JournalEntry(1, org.clock.now(), None, "auto_close", {}, "auto_close_days=5")
    assert "5 days" in note_text(entry, "en")


def test_r04_only_the_process_owner_may_administer(org):
    assert administer_refusal(org.as_("owner")) is None
    refusal = administer_refusal(org.as_("manager"))
    assert isinstance(refusal, PermissionDenied)
    assert "流程管理" in refusal.message("zh")


def test_admin_lists_carry_versions_and_relations(org):
    owner = org.as_("owner")
    users = {u.username: u for u in lists.users(owner)}
    assert set(users["desk"].roles) == {Role.SERVICE_DESK, Role.TIER1}
    groups = {g.code: g for g in lists.groups(owner)}
    assert set(groups["NET"].members) == {org.ids["net1"], org.ids["net2"], org.ids["desk"]}
    targets = lists.service_targets(owner)
    assert [(t.priority, t.stage) for t in targets[:3]] == [
        (1, "assign"), (1, "accept"), (1, "resolve")]
    office = next(c for c in lists.calendars(owner) if c.code == "office")
    assert office.weekly[0] == [(540, 720), (810, 1080)]
    assert all(row.version == 1 for row in lists.categories(owner))
    assert lists.auto_close_days(owner) == 5


def test_caller_search_takes_percent_and_underscore_literally(org) -> None:
    from desk_app.services.admin.people import CallerForm, save_caller
    from desk_app.services.incident.choices import find_callers

    save_caller(org.as_("desk"), CallerForm("100% Sure_Ltd"))
    assert [c.name for c in find_callers(org.as_("desk"), "100%")] == ["100% Sure_Ltd"]
    assert find_callers(org.as_("desk"), "%") and len(find_callers(org.as_("desk"), "_")) == 1


def test_r12_callers_list_finds_current_and_retired_callers_with_versions(org) -> None:
    from desk_app.services.admin.people import CallerForm, save_caller

    desk = org.as_("desk")
    gone = save_caller(desk, CallerForm("Zed Gone", location="Building 7", active=False)).new_id
    page = lists.callers(desk)
    assert page.total == 3
    assert [c.name for c in page.rows] == ["Victor VIP", "张伟 Zhang Wei", "Zed Gone"]
    assert page.rows[0].vip and page.rows[0].version == 1 and not page.rows[2].active
    assert [c.id for c in lists.callers(desk, "building 7").rows] == [gone]  # location too
    assert [c.name for c in lists.callers(desk, "1390000").rows] == ["张伟 Zhang Wei"]
    narrow = lists.callers(desk, "victor", keep_id=gone)
    assert (narrow.total, [c.id for c in narrow.rows]) == (1, [gone, org.ids["vip"]])
    assert lists.callers(desk, "", limit=1).total == 3


def test_r04_callers_are_kept_by_the_desk_the_manager_and_the_owner(org) -> None:
    from desk_app.services.admin.people import caller_refusal

    for username in ("desk", "manager", "owner"):
        assert caller_refusal(org.as_(username)) is None
    refusal = caller_refusal(org.as_("net1"))
    assert isinstance(refusal, PermissionDenied)
    assert "管理报告人" in refusal.message("zh")


def test_r24_a_closed_incident_is_found_by_number_to_link_to(org) -> None:
    import pytest

    from tests.helpers import close_incident

    desk = org.as_("desk")
    open_id = org.log(title="Still open")
    closed_id = org.log(title="Printer on fire")
    close_incident(org, closed_id)
    found = choices.linkable_incident(desk, f"inc{closed_id:07d}")
    assert (found.id, found.title, found.stage) == (closed_id, "Printer on fire", "closed")
    assert choices.linkable_incident(desk, f" {closed_id} ").id == closed_id
    for typed, expected in [
        (f"INC{open_id:07d}", f"INC{open_id:07d} is not closed"),
        ("INC0099999", "There is no incident INC0099999."),
        ("printer", "“printer” is not an incident number"),
    ]:
        with pytest.raises(ValidationError) as refused:
            choices.linkable_incident(desk, typed)
        assert expected in refused.value.field_messages("en")["linked_incident"]
    with pytest.raises(ValidationError) as refused:
        org.log(linked_incident_id=open_id)  # the core refuses it too, not only the form
    assert "尚未关闭" in refused.value.field_messages("zh")["linked_incident"]


def test_r24_the_view_shows_the_link_both_ways(org) -> None:
    from tests.helpers import close_incident

    closed_id = org.log(title="Printer on fire")
    close_incident(org, closed_id)
    first = org.log(linked_incident_id=closed_id, title="Fire again")
    second = org.log(linked_incident_id=closed_id, title="And again")
    follow_up = incident_view(org.as_("desk"), first)
    assert follow_up.linked is not None and follow_up.linked.id == closed_id
    assert follow_up.linked.title == "Printer on fire"
    assert follow_up.linked_from == []
    original = incident_view(org.as_("desk"), closed_id)
    assert original.linked is None
    assert [(i.id, i.title) for i in original.linked_from] == [
        (first, "Fire again"), (second, "And again")]


def test_r09_delivery_settings_saved_over_a_newer_version_conflict(org) -> None:
    import pytest

    from desk_app.delivery.config import read_config_versions, save_config
    from desk_app.errors import ConflictError

    owner = org.as_("owner")
    config, versions = read_config_versions(owner)
    assert versions == {}  # nothing saved yet: every setting at version 0
    save_config(owner, config.__class__(**{**config.__dict__, "smtp_port": 587}), versions)
    with pytest.raises(ConflictError):
        save_config(owner, config, versions)  # a second editor with the old versions
    _, fresh = read_config_versions(owner)
    save_config(owner, config, fresh)
