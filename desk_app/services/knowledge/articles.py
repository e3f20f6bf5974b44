"""Knowledge articles: symptom, cause and resolution, in a category and a language.

A resolution marked as knowledge becomes a draft when the incident is resolved (any path:
the form, first contact, an import); Level-2 staff and the process owner review, edit,
publish and retire articles (R04: checked here, in the write transaction). Every change
keeps the article as it then was in ``knowledge_revision``, so an edit never loses the text
it replaced. Published articles are what suggestions offer while logging.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from desk_app.domain.enums import Role, Stage
from desk_app.domain.validation import TEXT_MAX, Problems, clean_text
from desk_app.errors import ConflictError, NotFound, RuleViolation, ValidationError
from desk_app.services import permissions as perm
from desk_app.services.arguments import checked
from desk_app.services.incident.lookups import active_category
from desk_app.services.knowledge.words import language_of, match_any, terms
from desk_app.services.session import Changes, Session
from desk_app.storage.bulk import tuples
from desk_app.storage.models import (
    Category,
    Incident,
    KnowledgeArticle,
    KnowledgeRevision,
    KnowledgeUse,
    User,
)

SYMPTOM_MAX = 2_000
LIST_LIMIT = 200
LANGUAGES = ("en", "zh")


class ArticleState(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


@dataclass
class ArticleForm:
    """What a reviewer writes: the symptom as callers describe it, the cause, the fix."""

    symptom: str
    resolution: str
    cause: str = ""
    category_id: int | None = None
    language: str = "en"


@dataclass(frozen=True)
class ArticleRow:
    id: int
    number: str
    state: ArticleState
    language: str
    category_id: int | None
    category: tuple[str, str] | None  # (English, Chinese) name
    symptom: str
    cause: str
    resolution: str
    updated_at: datetime
    version: int
    uses: int  # incidents resolved with it
    source_incident: str | None = None  # the incident it was drafted from

    @property
    def title(self) -> str:
        return self.symptom.strip().splitlines()[0] if self.symptom.strip() else self.number


@dataclass(frozen=True)
class Revision:
    revision: int
    action: str
    actor: str | None
    at: datetime
    state: str
    symptom: str
    cause: str
    resolution: str
    category_id: int | None
    language: str


@dataclass
class ArticleView:
    article: ArticleRow
    revisions: list[Revision] = field(default_factory=list)


# -- who may ------------------------------------------------------------------------------
def check_editor(session: Session) -> None:
    """R04 applied to knowledge: Level-2 staff and the process owner keep the articles."""
    perm.require_role(session, "manage_knowledge", Role.TIER2, Role.PROCESS_OWNER)


def editor_refusal(session: Session) -> str | None:
    """Why this person may not review articles (a message key), or None."""
    return None if session.has(Role.TIER2, Role.PROCESS_OWNER) else "knowledge.not_editor"


# -- writing --------------------------------------------------------------------------------
def _checked_form(problems: Problems, form: ArticleForm) -> dict[str, object]:
    if not isinstance(form, ArticleForm):
        raise ValidationError.single("form", "validation.invalid_choice")
    values: dict[str, object] = {
        "symptom": clean_text(problems, "symptom", form.symptom, required=True,
                              max_length=SYMPTOM_MAX),
        "cause": clean_text(problems, "cause", form.cause, required=False),
        "resolution": clean_text(problems, "resolution", form.resolution, required=True,
                                 max_length=TEXT_MAX),
    }
    if form.language not in LANGUAGES:
        problems.add("language", "validation.invalid_choice")
    values["language"] = form.language
    if form.category_id is not None:
        if not isinstance(form.category_id, int) or isinstance(form.category_id, bool):
            problems.add("category", "validation.invalid_choice")
        else:
            active_category(problems, form.category_id)
    values["category"] = form.category_id
    return values


def _revise(session: Session, article: KnowledgeArticle, action: str, now: datetime) -> None:
    last = (KnowledgeRevision.select(KnowledgeRevision.revision)
            .where(KnowledgeRevision.article == article.id)
            .order_by(KnowledgeRevision.revision.desc()).limit(1).scalar()) or 0
    KnowledgeRevision.insert(
        article=article.id, revision=last + 1, action=action, actor=session.user_id, at=now,
        state=article.state, language=article.language, category=article.category_id,
        symptom=article.symptom, cause=article.cause, resolution=article.resolution,
    ).execute()


def _insert(session: Session, values: dict[str, object], state: ArticleState, action: str,
            now: datetime, source_incident: int | None = None) -> KnowledgeArticle:
    article = KnowledgeArticle.create(
        number=f"draft-{now.timestamp()}-{source_incident}", state=state.value,
        source_incident=source_incident, created_by=session.user_id, created_at=now,
        updated_at=now, **values)
    article.number = f"KB{article.id:07d}"
    KnowledgeArticle.update(number=article.number).where(
        KnowledgeArticle.id == article.id).execute()
    _revise(session, article, action, now)
    return article


def _load(article_id: int, version: int | None) -> KnowledgeArticle:
    article = KnowledgeArticle.get_or_none(KnowledgeArticle.id == article_id)
    if article is None:
        raise NotFound("knowledge.not_found", id=article_id)
    if version is not None and article.version != version:
        raise ConflictError("error.row_conflict", current_version=article.version)
    return article


def _save(session: Session, article: KnowledgeArticle, values: dict[str, object],
          action: str) -> Changes:
    now = session.clock.now()
    updated = (KnowledgeArticle.update({**values, "updated_at": now,
                                        "version": article.version + 1})
               .where((KnowledgeArticle.id == article.id)
                      & (KnowledgeArticle.version == article.version)).execute())
    if updated != 1:
        raise ConflictError("error.row_conflict")
    fresh = KnowledgeArticle.get_by_id(article.id)
    _revise(session, fresh, action, now)
    return Changes()


@checked
def create_article(session: Session, form: ArticleForm) -> Changes:
    """A new draft written by a reviewer (not drafted from an incident)."""

    def run() -> Changes:
        check_editor(session)
        problems = Problems()
        values = _checked_form(problems, form)
        problems.raise_if_any()
        article = _insert(session, values, ArticleState.DRAFT, "create", session.clock.now())
        return Changes(created=article.id)

    return session.write(run)


@checked
def edit_article(session: Session, article_id: int, form: ArticleForm,
                 version: int | None = None) -> Changes:
    """Change a draft's or a published article's text; the text it replaces stays in the
    article's history. A retired article is restored before it is edited."""

    def run() -> Changes:
        check_editor(session)
        article = _load(article_id, version)
        if article.state == ArticleState.RETIRED.value:
            raise RuleViolation("knowledge.retired_read_only")
        problems = Problems()
        values = _checked_form(problems, form)
        problems.raise_if_any()
        current = {"symptom": article.symptom, "cause": article.cause,
                   "resolution": article.resolution, "language": article.language,
                   "category": article.category_id}
        if values == current:
            return Changes()
        return _save(session, article, values, "edit")

    return session.write(run)


@checked
def publish_article(session: Session, article_id: int, version: int | None = None) -> Changes:
    """Draft (reviewed) or retired → published: suggestions offer it from now on."""

    def run() -> Changes:
        check_editor(session)
        article = _load(article_id, version)
        if article.state == ArticleState.PUBLISHED.value:
            raise RuleViolation("knowledge.already_published")
        action = "restore" if article.state == ArticleState.RETIRED.value else "publish"
        return _save(session, article, {"state": ArticleState.PUBLISHED.value,
                                        "published_at": session.clock.now(),
                                        "published_by": session.user_id}, action)

    return session.write(run)


@checked
def retire_article(session: Session, article_id: int, version: int | None = None) -> Changes:
    """Draft or published → retired: no longer offered, kept with its history and counts."""

    def run() -> Changes:
        check_editor(session)
        article = _load(article_id, version)
        if article.state == ArticleState.RETIRED.value:
            raise RuleViolation("knowledge.already_retired")
        return _save(session, article, {"state": ArticleState.RETIRED.value}, "retire")

    return session.write(run)


def draft_from_incident(session: Session, incident_id: int) -> None:
    """Inside the resolving transaction: the incident's resolution, marked as knowledge,
    becomes a draft (or updates its draft, if the incident is resolved again while the
    draft is still unreviewed)."""
    incident = Incident.get_by_id(incident_id)
    if not incident.knowledge or not incident.resolution.strip():
        return
    symptom = "\n".join(p for p in (incident.title.strip(), incident.description.strip()) if p)
    values: dict[str, object] = {
        "symptom": symptom[:SYMPTOM_MAX], "cause": "", "resolution": incident.resolution,
        "language": language_of(incident.title + incident.resolution),
        "category": incident.category_id,
    }
    existing = KnowledgeArticle.get_or_none(KnowledgeArticle.source_incident == incident_id)
    if existing is None:
        _insert(session, values, ArticleState.DRAFT, "draft", session.clock.now(),
                source_incident=incident_id)
    elif existing.state == ArticleState.DRAFT.value and existing.resolution != values[
            "resolution"]:
        _save(session, existing, {"resolution": values["resolution"]}, "edit")


# -- reading --------------------------------------------------------------------------------
def uses_of(article_ids: list[int]) -> dict[int, int]:
    """Incidents resolved (and not sent back by the caller) with each article."""
    if not article_ids:
        return {}
    rows = tuples(KnowledgeUse.select(KnowledgeUse.article, KnowledgeUse.id)
                  .join(Incident, on=(Incident.id == KnowledgeUse.incident))
                  .where(KnowledgeUse.article.in_(article_ids)
                         & Incident.stage.in_([Stage.RESOLVED.value, Stage.CLOSED.value])))
    counts: dict[int, int] = {}
    for article_id, _ in rows:
        counts[article_id] = counts.get(article_id, 0) + 1
    return counts


def _rows(articles: list[KnowledgeArticle]) -> list[ArticleRow]:
    uses = uses_of([a.id for a in articles])
    categories = {c.id: (c.name_en, c.name_zh) for c in Category.select()}
    sources = {i.id: i.number for i in Incident.select(Incident.id, Incident.number).where(
        Incident.id.in_([a.source_incident_id for a in articles if a.source_incident_id]))}
    return [ArticleRow(
        a.id, a.number, ArticleState(a.state), a.language, a.category_id,
        categories.get(a.category_id) if a.category_id else None, a.symptom, a.cause,
        a.resolution, a.updated_at, a.version, uses.get(a.id, 0),
        sources.get(a.source_incident_id) if a.source_incident_id else None)
        for a in articles]


@checked
def list_articles(session: Session, text: str = "", state: str | None = None,
                  limit: int = LIST_LIMIT) -> list[ArticleRow]:
    """Articles for the knowledge screen: those matching ``text`` (any of its words, best
    first), or the most recently changed; optionally of one state."""
    if state is not None and state not in {s.value for s in ArticleState}:
        raise ValidationError.single("state", "validation.invalid_choice")
    if not 0 < limit <= 1000:
        raise ValidationError.single("limit", "validation.invalid_choice")
    if len(text) > 500:
        raise ValidationError.single("search", "validation.search_too_long", max=500)
    expression = match_any(terms(text))

    def run() -> list[ArticleRow]:
        query = KnowledgeArticle.select()
        if state is not None:
            query = query.where(KnowledgeArticle.state == state)
        if expression is None:
            if text.strip():
                return []
            return _rows(list(query.order_by(KnowledgeArticle.updated_at.desc(),  # newest made
                                             KnowledgeArticle.id.desc()).limit(limit)))
        ranked = session.store.db.execute_sql(
            "SELECT rowid FROM knowledge_search WHERE knowledge_search MATCH ? "
            "ORDER BY bm25(knowledge_search, 5.0, 2.0, 2.0) LIMIT ?",
            (expression, limit * 3)).fetchall()
        order = {row[0]: i for i, row in enumerate(ranked)}
        found = list(query.where(KnowledgeArticle.id.in_(list(order))))
        found.sort(key=lambda a: order[a.id])
        return _rows(found[:limit])

    return session.read(run)


@checked
def article_view(session: Session, article_id: int) -> ArticleView:
    """An article with every revision, newest first."""

    def run() -> ArticleView:
        article = _load(article_id, None)
        names = {u.id: u.full_name for u in User.select(User.id, User.full_name)}
        revisions = [Revision(r.revision, r.action, names.get(r.actor_id) if r.actor_id
                              else None, r.at, r.state, r.symptom, r.cause, r.resolution,
                              r.category_id, r.language)
                     for r in KnowledgeRevision.select()
                     .where(KnowledgeRevision.article == article.id)
                     .order_by(KnowledgeRevision.revision.desc())]
        return ArticleView(_rows([article])[0], revisions)

    return session.read(run)
