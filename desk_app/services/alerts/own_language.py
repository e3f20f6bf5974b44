"""The language a person works in, kept with the person (``user.language``): a workstation
switches to it at sign-in and saves it when the person chooses another, so that the same
person sees the same language at any workstation of the desk."""

from __future__ import annotations

from desk_app.errors import ValidationError
from desk_app.i18n import LANGUAGES, Language
from desk_app.services.session import Changes, Session
from desk_app.storage.models import User


def own_language(session: Session) -> Language | None:
    """The signed-in person's language; None when they never chose one."""
    if session.user_id is None:
        return None
    user_id = session.user_id

    def run() -> str:
        row = User.select(User.language).where(User.id == user_id).first()
        return str(row.language) if row is not None else ""

    value = session.read(run)
    return value if value in LANGUAGES else None  # type: ignore[return-value]


def set_own_language(session: Session, lang: str) -> Changes:
    """Keep ``lang`` ("en", "zh" or "" to follow the workstation) with the signed-in person.
    Anyone signed in may choose their own language; nobody another's."""
    if lang not in ("", *LANGUAGES):
        raise ValidationError.single("language", "validation.invalid_choice")
    if session.user_id is None:
        return Changes()
    user_id = session.user_id

    def run() -> Changes:
        User.update(language=lang, version=User.version + 1).where(User.id == user_id).execute()
        return Changes()

    return session.write(run)
