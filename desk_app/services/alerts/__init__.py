"""How escalations reach people (R09) so that they act on them: call tasks merged per
incident and person and ended when their reason ends, reading settled by acknowledgement,
delivery states that never wait for ever, each person's language, reminder digests."""

from __future__ import annotations

from desk_app.i18n import Language, text


def why_text(state_reason: str, lang: Language) -> str:
    """Why a notification row is in its state (``Notification.state_reason``), for the
    review screen and the inbox; "" when there is nothing to say."""
    if not state_reason:
        return ""
    key = f"alerts.why.{state_reason}"
    rendered = text(key, lang)
    return "" if rendered == key else rendered
