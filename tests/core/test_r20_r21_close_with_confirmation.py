"""R20/R21 without refusing after input: the closing form may record the caller's
confirmation given just now, together with the closure in one transaction; a refusal says
who can act and what is missing; the sender of a transfer can still read the incident."""

from __future__ import annotations

from desk_app.domain.enums import Stage
from desk_app.errors import PermissionDenied, ValidationError
from desk_app.services.incident import workflow
from desk_app.services.incident.actions import Action, action_states
from desk_app.services.incident.queries import incident_view
from desk_app.storage.models import Incident, Journal
from tests.conftest import Org
from tests.core.test_r20_r24_closure import close, resolved
from tests.helpers import refused


def test_r21_closing_records_the_callers_confirmation_given_now_in_one_transaction(
        org: Org) -> None:
    incident_id = resolved(org, confirm=False)
    close(org, "desk", incident_id, caller_confirmed_now=True)
    incident = Incident.get_by_id(incident_id)
    assert incident.stage == Stage.CLOSED.value
    assert incident.confirmed_by_id == org.ids["desk"] and incident.confirmed_at is not None
    actions = [j.action for j in Journal.select().where(Journal.incident == incident_id)
               .order_by(Journal.id)]
    assert actions[-2:] == ["confirm", "close"]


def test_r21_a_refused_close_does_not_keep_the_confirmation(org: Org) -> None:
    incident_id = resolved(org, confirm=False)
    with refused(org.store, ValidationError, "notes"):
        close(org, "desk", incident_id, caller_confirmed_now=True, notes="")
    assert Incident.get_by_id(incident_id).confirmed_at is None


def test_r21_without_the_confirmation_closing_is_still_refused(org: Org) -> None:
    incident_id = resolved(org, confirm=False)
    with refused(org.store, ValidationError, "confirmed"):
        close(org, "desk", incident_id, caller_confirmed_now=False)


def test_r20_why_not_names_who_can_close_and_what_is_missing(org: Org) -> None:
    incident_id = resolved(org)
    refusal = action_states(org.as_("net1"), incident_id)[Action.CLOSE]
    assert isinstance(refusal, PermissionDenied)
    assert refusal.message("en") == ("“Close” is for 王芳 Wang Fang, who logged it. "
                                     "You did not log this incident; ask 王芳 Wang Fang.")
    assert refusal.message("zh") == ("“关闭”只能由记录人王芳 Wang Fang执行。"
                                     "此事件不是您记录的,请联系王芳 Wang Fang。")


def test_r04_why_not_names_the_group_and_the_missing_membership(org: Org) -> None:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    refusal = action_states(org.as_("app1"), incident_id)[Action.ACCEPT]
    assert refusal is not None
    assert refusal.message("en") == (
        "“Accept” is for the members of Network (the support group the incident is "
        "with now). You are not a member of Network; ask one of its members or the incident "
        "manager.")
    refusal = action_states(org.as_("head"), incident_id)[Action.TRANSFER]
    assert refusal is not None
    assert "Service desk, Incident manager or the members of Network" in refusal.message("en")
    assert "You are signed in as Department head." in refusal.message("en")
    assert "服务台、事件经理或网络组" in refusal.message("zh")


def test_r06_the_sender_of_a_transfer_can_still_read_the_incident(org: Org) -> None:
    incident_id = org.log()
    workflow.assign(org.as_("desk"), incident_id)
    workflow.accept(org.as_("net1"), incident_id)
    workflow.transfer(org.as_("net1"), incident_id, note="needs L2", tier=2)
    view = incident_view(org.as_("net1"), incident_id)
    assert view.incident.group_id == org.ids["l2net"]
    assert [e.action for e in view.journal][-1] == "transfer"
    states = action_states(org.as_("net1"), incident_id)
    assert states[Action.NOTE] is None  # and may still add what they know
