"""The escalation review (R08): escalations stay visible until a supervisor acknowledges them."""

from __future__ import annotations

from desk_app.domain.enums import Role
from desk_app.domain.validation import Problems, clean_text
from desk_app.errors import RuleViolation
from desk_app.services import permissions as perm
from desk_app.services.admin.common import cas_update, get_row
from desk_app.services.alerts.reading import settle_acknowledged
from desk_app.services.arguments import checked
from desk_app.services.session import Changes, Session
from desk_app.storage.models import Escalation

SUPERVISORS = (Role.INCIDENT_MANAGER, Role.PROCESS_OWNER, Role.DEPARTMENT_HEAD)


@checked
def acknowledge_escalation(session: Session, escalation_id: int, comment: str = "",
                           version: int | None = None) -> Changes:
    def run() -> Changes:
        perm.require_role(session, "acknowledge", *SUPERVISORS)
        escalation = get_row(Escalation, escalation_id, version)
        if escalation.acknowledged_at is not None:
            raise RuleViolation("rule.escalation_acknowledged")
        problems = Problems()
        text = clean_text(problems, "comment", comment, required=False)
        problems.raise_if_any()
        now = session.clock.now()
        cas_update(Escalation, escalation, {
            "acknowledged_at": now, "acknowledged_by": session.user_id, "ack_comment": text})
        settle_acknowledged(escalation, session.user_id, now)
        return Changes(incidents=frozenset({escalation.incident_id}),
                       escalations=frozenset({escalation.id}), notifications=True)

    return session.write(run)
