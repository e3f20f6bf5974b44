"""What an alerted person reads, in their language (``services.alerts.language``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk_app.domain.enums import EscalationReason
from desk_app.formatting import format_moment
from desk_app.i18n import Language, label, text
from desk_app.storage.models import Caller, Escalation, Incident, Notification, SupportGroup, User


@dataclass(frozen=True)
class Alert:
    """Everything a channel needs to deliver one notification row, read in one transaction."""

    notification_id: int
    escalation_id: int
    incident_id: int
    channel: str
    recipient_id: int
    recipient_name: str
    email: str
    phone: str
    language: Language
    number: str
    title: str
    reason: str
    priority: int
    old_priority: int
    group_en: str
    group_zh: str
    caller: str
    escalated_at: datetime
    reminder: bool  # shown before (a desktop alert repeated until acknowledged)

    def _params(self) -> dict[str, object]:
        lang = self.language
        return {
            "number": self.number, "title": self.title, "priority": self.priority,
            "old_priority": self.old_priority,
            "reason": label(EscalationReason(self.reason), lang),
            "group": self.group_zh if lang == "zh" else self.group_en,
            "caller": self.caller, "at": format_moment(self.escalated_at, lang),
        }

    def subject(self) -> str:
        key = "delivery.reminder_subject" if self.reminder else "delivery.subject"
        return text(key, self.language, **self._params())

    def body(self) -> str:
        return text("delivery.body", self.language, **self._params())

    def sms_text(self) -> str:
        return text("delivery.sms", self.language, **self._params())

    def popup_title(self) -> str:
        key = "delivery.popup_reminder_title" if self.reminder else "delivery.popup_title"
        return text(key, self.language, **self._params())

    def popup_body(self) -> str:
        return text("delivery.popup_body", self.language, **self._params())

    @property
    def message_id(self) -> str:
        """The same for every try of this notification, so that a copy sent twice (a
        workstation died after the server took the message) can be recognised."""
        return f"<desk-app.notification.{self.notification_id}.esc{self.escalation_id}@desk-app>"


def recipient_language(user: User) -> Language:
    """The recipient's language (``services.alerts.language``): chosen for them, else the
    one their screen last showed."""
    from desk_app.services.alerts.language import person_language

    return person_language(user.id)


def load_alert(notification: Notification) -> Alert:
    escalation = Escalation.get_by_id(notification.escalation_id)
    incident = Incident.get_by_id(escalation.incident_id)
    group = SupportGroup.get_by_id(incident.group_id)
    caller = Caller.get_by_id(incident.caller_id)
    user = User.get_by_id(notification.recipient_id)
    return Alert(
        notification_id=notification.id, escalation_id=escalation.id, incident_id=incident.id,
        channel=notification.channel, recipient_id=user.id, recipient_name=user.full_name,
        email=user.email, phone=user.phone, language=recipient_language(user),
        number=incident.number, title=incident.title, reason=escalation.reason,
        priority=escalation.new_priority, old_priority=escalation.old_priority,
        group_en=group.name_en, group_zh=group.name_zh, caller=caller.name,
        escalated_at=escalation.at, reminder=notification.sent_at is not None,
    )
