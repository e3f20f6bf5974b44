"""Resolving at first contact with a solution that worked before (R05 Logged → Resolved).

The desk picks a published article, or an earlier resolved incident, from the suggestions;
the new incident is logged and resolved with that resolution in one write, and the use is
recorded, so each article counts the incidents it resolved and suggestions rank solutions by
how often they worked. The journal names the article or incident used.
"""

from __future__ import annotations

from desk_app.domain.enums import JournalAction, ResolutionType, Stage
from desk_app.errors import NotFound, RuleViolation, ValidationError
from desk_app.services.arguments import checked
from desk_app.services.incident.editing import write_journal
from desk_app.services.incident.log import FirstContactResolution, NewIncident, _log
from desk_app.services.incident.workflow import resolve_in_transaction
from desk_app.services.session import Changes, Session
from desk_app.storage.models import Incident, KnowledgeArticle, KnowledgeUse


def _solution(article_id: int | None, source_incident_id: int | None
              ) -> tuple[str, str, str]:
    """(resolution text, resolution type, the number to journal) of what the desk chose."""
    if (article_id is None) == (source_incident_id is None):
        raise ValidationError.single("solution", "knowledge.choose_one_solution")
    if article_id is not None:
        article = KnowledgeArticle.get_or_none(KnowledgeArticle.id == article_id)
        if article is None:
            raise NotFound("knowledge.not_found", id=article_id)
        if article.state != "published":
            raise RuleViolation("knowledge.not_published", number=article.number)
        return article.resolution, ResolutionType.RESOLUTION.value, article.number
    source = Incident.get_or_none(Incident.id == source_incident_id)
    if source is None:
        raise NotFound("error.incident_not_found", id=source_incident_id)
    if source.stage not in (Stage.RESOLVED.value, Stage.CLOSED.value) or not \
            source.resolution.strip():
        raise RuleViolation("knowledge.source_not_resolved", number=source.number)
    return source.resolution, source.resolution_type or ResolutionType.RESOLUTION.value, \
        source.number


def _record(session: Session, incident_id: int, article_id: int | None,
            source_incident_id: int | None, number: str) -> None:
    KnowledgeUse.insert(incident=incident_id, article=article_id,
                        source_incident=source_incident_id, at=session.clock.now(),
                        actor=session.user_id).execute()
    field = "knowledge_article" if article_id is not None else "solution_from"
    write_journal(session, incident_id, JournalAction.UPDATE, {field: (None, number)})


@checked
def log_resolved_with(session: Session, form: NewIncident, *, article_id: int | None = None,
                      source_incident_id: int | None = None) -> Changes:
    """Log the incident and resolve it at first contact with a published article's
    resolution or an earlier incident's, in one write (R05)."""

    def run() -> Changes:
        resolution, kind, number = _solution(article_id, source_incident_id)
        changes = _log(session, form, FirstContactResolution(resolution, kind))
        _record(session, changes.new_id, article_id, source_incident_id, number)
        return changes

    return session.write(run)


@checked
def resolve_with(session: Session, incident_id: int, *, article_id: int | None = None,
                 source_incident_id: int | None = None, version: int | None = None
                 ) -> Changes:
    """Resolve a logged (or in-progress) incident with an article's or an earlier incident's
    resolution; the usual rules of resolving apply (R04, R05)."""

    def run() -> Changes:
        resolution, kind, number = _solution(article_id, source_incident_id)
        if KnowledgeUse.get_or_none(KnowledgeUse.incident == incident_id) is not None:
            KnowledgeUse.delete().where(KnowledgeUse.incident == incident_id).execute()
        changes = resolve_in_transaction(session, incident_id, resolution, kind, False,
                                         version)
        _record(session, incident_id, article_id, source_incident_id, number)
        return changes

    return session.write(run)
