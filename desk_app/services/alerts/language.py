"""Each person's language: every notification (inbox, pop-up, e-mail, SMS, call task) is
rendered in its recipient's language.

A person's language is the one chosen for them where people are edited (``User.language``);
a person with no choice there gets the language their own screen last showed (recorded at
sign-in and when they switch, ``remember_screen_language``), and Chinese before that. Without
the second step a person whose screen is English got Chinese pop-ups.
"""

from __future__ import annotations

from collections.abc import Iterable

from desk_app.i18n import LANGUAGES, Language
from desk_app.services.arguments import checked
from desk_app.services.session import Changes, Session
from desk_app.storage.models import Setting, User

#: Setting key prefix of the language a person's screen last showed.
SEEN = "language.seen."
DEFAULT: Language = "zh"


def _valid(value: str | None) -> Language | None:
    return value if value in LANGUAGES else None  # type: ignore[return-value]


def languages_of(user_ids: Iterable[int]) -> dict[int, Language]:
    """Each person's language; call inside a transaction."""
    ids = set(user_ids)
    if not ids:
        return {}
    chosen = {u.id: _valid(u.language)
              for u in User.select(User.id, User.language).where(User.id.in_(ids))}
    missing = [i for i, lang in chosen.items() if lang is None]
    seen: dict[int, Language] = {}
    if missing:
        for row in Setting.select(Setting.key, Setting.value).where(
                Setting.key.in_([f"{SEEN}{i}" for i in missing])):
            lang = _valid(row.value)
            if lang is not None:
                seen[int(row.key[len(SEEN):])] = lang
    return {i: chosen.get(i) or seen.get(i) or DEFAULT for i in ids}


def person_language(user_id: int) -> Language:
    """One person's language; call inside a transaction."""
    return languages_of([user_id]).get(user_id, DEFAULT)


@checked
def language_of(session: Session, user_id: int | None = None) -> Language:
    """The language notifications to ``user_id`` (default: the signed-in person) are in."""
    person = session.user_id if user_id is None else user_id
    if person is None:
        return DEFAULT
    return session.read(lambda: person_language(person))


@checked
def remember_screen_language(session: Session, language: str) -> Changes:
    """Record the language the signed-in person's screen shows, for the notifications sent
    to them while they have no language chosen in their person record. Writes only when it
    changed."""
    lang = _valid(language)
    if lang is None or session.user_id is None:
        return Changes()
    key = f"{SEEN}{session.user_id}"

    def run() -> Changes:
        row = Setting.get_or_none(Setting.key == key)
        if row is None:
            Setting.create(key=key, value=lang)
        elif row.value != lang:
            Setting.update(value=lang, version=row.version + 1).where(
                Setting.key == key).execute()
        else:
            return Changes()
        return Changes(notifications=True)

    current = session.read(lambda: Setting.get_or_none(Setting.key == key))
    if current is not None and current.value == lang:
        return Changes()
    return session.write(run)
