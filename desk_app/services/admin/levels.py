"""What each impact and urgency level means (R11, R12): a short description per level, in
English and Chinese, that the log form and the incident view show beside the choice, so
that two agents judge the same outage the same way. The process owner edits them (R04).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desk_app.domain.validation import Problems, clean_text
from desk_app.errors import ConflictError, NotFound
from desk_app.i18n import Language
from desk_app.services.admin.common import require_owner
from desk_app.services.arguments import checked
from desk_app.services.session import Changes, Session
from desk_app.storage.models import ImpactLevel, UrgencyLevel

#: The longest description: a sentence or two, shown under a drop-down.
DESCRIPTION_MAX = 300


class LevelKind(StrEnum):
    IMPACT = "impact"
    URGENCY = "urgency"


_MODELS: dict[LevelKind, type[ImpactLevel] | type[UrgencyLevel]] = {
    LevelKind.IMPACT: ImpactLevel, LevelKind.URGENCY: UrgencyLevel}


@dataclass(frozen=True)
class Level:
    kind: str
    value: int
    name_en: str
    name_zh: str
    description_en: str
    description_zh: str
    version: int

    def description(self, lang: Language) -> str:
        """The reader's language; the other one when theirs was left empty."""
        first, other = ((self.description_zh, self.description_en) if lang == "zh"
                        else (self.description_en, self.description_zh))
        return first or other


Levels = dict[str, dict[int, Level]]


def read_levels() -> Levels:
    """Both kinds' levels, inside the caller's transaction."""
    return {
        kind.value: {
            row.value: Level(kind.value, row.value, row.name_en, row.name_zh,
                             row.description_en, row.description_zh, row.version)
            for row in model.select().order_by(model.value)
        }
        for kind, model in _MODELS.items()
    }


def levels(session: Session) -> Levels:
    return session.read(read_levels)


@checked
def save_level_description(session: Session, kind: LevelKind, value: int, description_en: str,
                           description_zh: str, version: int | None = None) -> Changes:
    """Change what one level means. ``version`` as read: a stale edit is a conflict."""
    problems = Problems()
    english = clean_text(problems, "description_en", description_en, required=False,
                         max_length=DESCRIPTION_MAX)
    chinese = clean_text(problems, "description_zh", description_zh, required=False,
                         max_length=DESCRIPTION_MAX)
    problems.raise_if_any()
    model = _MODELS[LevelKind(kind)]

    def run() -> Changes:
        require_owner(session)
        row = model.get_or_none(model.value == value)
        if row is None:
            raise NotFound("error.not_found", what=model.__name__, id=value)
        if version is not None and row.version != version:
            raise ConflictError("error.row_conflict", current_version=row.version)
        updated = model.update(description_en=english, description_zh=chinese,
                               version=row.version + 1).where(
            (model.value == value) & (model.version == row.version)).execute()
        if updated != 1:
            raise ConflictError("error.row_conflict")
        return Changes(reference=True)

    return session.write(run)
