"""R09: every notification is in its recipient's language: the one chosen for them, else the
one their own screen last showed (a person whose screen is English got Chinese pop-ups)."""

from __future__ import annotations

from desk_app.delivery.cycle import deliver_desktop
from desk_app.delivery.messages import load_alert
from desk_app.delivery.outbox import Outbox
from desk_app.services.alerts.language import (
    language_of,
    languages_of,
    remember_screen_language,
)
from desk_app.storage.models import Notification, User
from tests.conftest import Org
from tests.escalation_helpers import breach, rows


def _set_language(org: Org, person: str, language: str) -> None:
    org.store.write(lambda: User.update(language=language).where(
        User.id == org.ids[person]).execute())


def test_r09_a_persons_language_is_chosen_then_their_screens_then_chinese(org: Org) -> None:
    manager = org.as_("manager")
    assert language_of(manager) == "zh"
    remember_screen_language(manager, "en")
    assert language_of(manager) == "en"
    assert language_of(org.as_("desk"), org.ids["manager"]) == "en"
    _set_language(org, "manager", "zh")  # chosen where people are edited: that wins
    assert language_of(manager) == "zh"
    assert remember_screen_language(manager, "fr").notifications is False  # not a language
    ids = [org.ids["manager"], org.ids["desk"]]
    assert org.store.read(lambda: languages_of(ids)) == {ids[0]: "zh", ids[1]: "zh"}


def test_r09_email_sms_and_popup_in_the_recipients_screen_language(org: Org) -> None:
    remember_screen_language(org.as_("manager"), "en")
    breach(org)
    (email,) = rows(org, channel="email")
    alert = org.store.read(lambda: load_alert(Notification.get_by_id(email.id)))
    assert alert.subject().startswith("[Escalation] INC0000001")
    assert "has escalated" in alert.body() and alert.sms_text().startswith("desk-app escal")
    popups = deliver_desktop(Outbox(org.store, org.clock), org.ids["manager"],
                             show=lambda title, body: None)
    assert [p.title for p in popups] == ["Escalation: INC0000001 (P3)"]
    remember_screen_language(org.as_("manager"), "zh")
    alert = org.store.read(lambda: load_alert(Notification.get_by_id(email.id)))
    assert alert.subject().startswith("【事件升级】INC0000001")
