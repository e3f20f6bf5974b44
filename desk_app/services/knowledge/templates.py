"""Incident templates: the category, impact, title and description skeleton of a common
incident, chosen in the log form and kept by the process owner (R04)."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.domain.enums import Impact
from desk_app.domain.validation import NAME_MAX, TITLE_MAX, Problems, clean_text, enum_value
from desk_app.errors import ValidationError
from desk_app.services.admin.common import cas_update, get_row, require_owner
from desk_app.services.arguments import checked
from desk_app.services.incident.lookups import active_category
from desk_app.services.session import Changes, Session
from desk_app.storage.models import IncidentTemplate

LANGUAGES = ("en", "zh")


@dataclass
class TemplateForm:
    name: str
    language: str
    category_id: int | None
    impact: Impact | int | None
    title: str
    description: str = ""
    active: bool = True


@dataclass(frozen=True)
class TemplateRow:
    id: int
    version: int
    name: str
    language: str
    category_id: int
    impact: int
    title: str
    description: str
    active: bool


def _row(t: IncidentTemplate) -> TemplateRow:
    return TemplateRow(t.id, t.version, t.name, t.language, t.category_id, t.impact, t.title,
                       t.description, t.active)


@checked
def save_template(session: Session, form: TemplateForm, row_id: int | None = None,
                  version: int | None = None) -> Changes:
    """Create a template, or change one (compare-and-set on its version)."""

    def run() -> Changes:
        require_owner(session)
        problems = Problems()
        values = {
            "name": clean_text(problems, "name", form.name, required=True,
                               max_length=NAME_MAX, single_line=True),
            "title": clean_text(problems, "title", form.title, required=True,
                                max_length=TITLE_MAX, single_line=True),
            "description": clean_text(problems, "description", form.description,
                                      required=False),
            "active": bool(form.active),
        }
        if form.language not in LANGUAGES:
            problems.add("language", "validation.invalid_choice")
        values["language"] = form.language
        category = active_category(problems, form.category_id)
        impact = enum_value(problems, "impact", Impact, form.impact)
        problems.raise_if_any()
        assert category is not None and impact is not None
        values["category"] = category.id
        values["impact"] = int(impact)
        if row_id is None:
            return Changes(created=IncidentTemplate.create(**values).id, reference=True)
        cas_update(IncidentTemplate, get_row(IncidentTemplate, row_id, version), values)
        return Changes(reference=True)  # the log forms read their templates again

    return session.write(run)


@checked
def list_templates(session: Session, active_only: bool = True) -> list[TemplateRow]:
    """Templates by name; the log form asks for the active ones."""

    def run() -> list[TemplateRow]:
        query = IncidentTemplate.select()
        if active_only:
            query = query.where(IncidentTemplate.active == True)  # noqa: E712
        return [_row(t) for t in query.order_by(IncidentTemplate.language,
                                                IncidentTemplate.name)]

    return session.read(run)


@checked
def template(session: Session, template_id: int) -> TemplateRow:
    def run() -> TemplateRow:
        row = IncidentTemplate.get_or_none(IncidentTemplate.id == template_id)
        if row is None:
            raise ValidationError.single("template", "validation.invalid_choice")
        return _row(row)

    return session.read(run)
