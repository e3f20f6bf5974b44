"""Knowledge articles: drafted from a resolution marked as knowledge, reviewed, edited with
history, published and retired by Level-2 staff and the process owner (R04 in the core)."""

from __future__ import annotations

import pytest

from desk_app.domain.enums import Stage
from desk_app.errors import ConflictError, PermissionDenied, RuleViolation, ValidationError
from desk_app.services.incident import workflow
from desk_app.services.incident.log import FirstContactResolution, NewIncident, log_incident
from desk_app.services.knowledge.articles import (
    ArticleForm,
    ArticleState,
    article_view,
    create_article,
    edit_article,
    list_articles,
    publish_article,
    retire_article,
)
from desk_app.storage.models import KnowledgeArticle
from tests.conftest import Org
from tests.helpers import refused


def resolve_as_knowledge(org: Org, title: str = "VPN 连接频繁断开",
                         resolution: str = "重新安装 VPN 客户端并更新证书") -> int:
    form = NewIncident(org.ids["caller"], "system_fault", org.ids["cat_network"], 3, title,
                       description="用户说 VPN 每隔几分钟就断开")
    return log_incident(org.as_("desk"), form,
                        FirstContactResolution(resolution, knowledge=True)).new_id


def test_a_resolution_marked_as_knowledge_becomes_a_draft(org: Org) -> None:
    incident_id = resolve_as_knowledge(org)
    article = KnowledgeArticle.get(KnowledgeArticle.source_incident == incident_id)
    assert article.state == "draft"
    assert article.language == "zh"
    assert article.category_id == org.ids["cat_network"]
    assert article.symptom.startswith("VPN 连接频繁断开")
    assert article.resolution == "重新安装 VPN 客户端并更新证书"
    assert article.number == f"KB{article.id:07d}"
    view = article_view(org.as_("l2"), article.id)
    assert [r.action for r in view.revisions] == ["draft"]
    assert view.article.source_incident is not None


def test_a_resolution_not_marked_makes_no_draft(org: Org) -> None:
    incident_id = org.log()
    workflow.resolve(org.as_("desk"), incident_id, resolution="Restarted the router")
    assert KnowledgeArticle.select().count() == 0


def test_resolving_again_updates_an_unreviewed_draft(org: Org) -> None:
    incident_id = org.log()
    workflow.resolve(org.as_("desk"), incident_id, resolution="First try", knowledge=True)
    workflow.reject_resolution(org.as_("desk"), incident_id, reason="Still drops")
    workflow.resolve(org.as_("desk"), incident_id, resolution="Replaced the cable",
                     knowledge=True)
    articles = list(KnowledgeArticle.select())
    assert len(articles) == 1 and articles[0].resolution == "Replaced the cable"
    assert [r.action for r in article_view(org.as_("l2"), articles[0].id).revisions] == [
        "edit", "draft"]


def test_review_edit_publish_retire_keep_every_text_in_the_history(org: Org) -> None:
    article_id = KnowledgeArticle.get(
        KnowledgeArticle.source_incident == resolve_as_knowledge(org)).id
    l2 = org.as_("l2")
    form = ArticleForm("VPN 连接频繁断开\n每隔几分钟断开一次", cause="证书过期",
                       resolution="重新安装 VPN 客户端并更新证书",
                       category_id=org.ids["cat_network"], language="zh")
    edit_article(l2, article_id, form)
    publish_article(l2, article_id)
    assert KnowledgeArticle.get_by_id(article_id).state == "published"
    retire_article(org.as_("owner"), article_id)
    publish_article(org.as_("owner"), article_id)
    view = article_view(l2, article_id)
    assert [r.action for r in view.revisions] == ["restore", "retire", "publish", "edit",
                                                  "draft"]
    assert view.revisions[-1].cause == "" and view.revisions[-2].cause == "证书过期"
    assert view.article.state == ArticleState.PUBLISHED


@pytest.mark.parametrize("who", ["desk", "net1", "manager", "head"])
def test_r04_only_level_2_and_the_process_owner_review_articles(org: Org, who: str) -> None:
    article_id = KnowledgeArticle.get(
        KnowledgeArticle.source_incident == resolve_as_knowledge(org)).id
    form = ArticleForm("VPN drops", "Fixed it")
    with refused(org.store, PermissionDenied):
        publish_article(org.as_(who), article_id)
    with refused(org.store, PermissionDenied):
        edit_article(org.as_(who), article_id, form)
    with refused(org.store, PermissionDenied):
        retire_article(org.as_(who), article_id)
    with refused(org.store, PermissionDenied):
        create_article(org.as_(who), form)


def test_bad_forms_and_moves_are_refused_and_change_nothing(org: Org) -> None:
    l2 = org.as_("l2")
    with refused(org.store, ValidationError, "symptom"):
        create_article(l2, ArticleForm("", "fix"))
    with refused(org.store, ValidationError, "language"):
        create_article(l2, ArticleForm("s", "fix", language="fr"))
    with refused(org.store, ValidationError, "category"):
        create_article(l2, ArticleForm("s", "fix", category_id=99999))
    article_id = create_article(l2, ArticleForm("Printer jams", "Open tray 2")).new_id
    publish_article(l2, article_id)
    with refused(org.store, RuleViolation, "knowledge.already_published"):
        publish_article(l2, article_id)
    retire_article(l2, article_id)
    with refused(org.store, RuleViolation, "knowledge.retired_read_only"):
        edit_article(l2, article_id, ArticleForm("x", "y"))
    with refused(org.store, ConflictError):
        publish_article(l2, article_id, version=1)


def test_the_knowledge_screen_searches_in_both_languages(org: Org) -> None:
    l2 = org.as_("l2")
    vpn = create_article(l2, ArticleForm("VPN 连接频繁断开", "更新证书",
                                          language="zh")).new_id
    printer = create_article(l2, ArticleForm("Printer prints blank pages",
                                             "Replace the toner")).new_id
    publish_article(l2, vpn)
    assert [a.id for a in list_articles(l2, "VPN 老是断开")] == [vpn]
    assert [a.id for a in list_articles(l2, "blank page printing")] == [printer]
    assert [a.id for a in list_articles(l2, "", state="draft")] == [printer]
    assert list_articles(l2, "!!!") == []
    with pytest.raises(ValidationError):
        list_articles(l2, "", state="lost")


def test_each_article_counts_the_incidents_resolved_with_it(org: Org) -> None:
    from desk_app.services.knowledge.apply import log_resolved_with

    l2 = org.as_("l2")
    article_id = create_article(l2, ArticleForm("VPN drops", "Reinstall the client")).new_id
    publish_article(l2, article_id)
    form = NewIncident(org.ids["caller"], "system_fault", org.ids["cat_network"], 3,
                       "VPN drops again")
    first = log_resolved_with(org.as_("desk"), form, article_id=article_id).new_id
    log_resolved_with(org.as_("desk"), form, article_id=article_id)
    assert list_articles(l2, "VPN")[0].uses == 2
    workflow.reject_resolution(org.as_("desk"), first, reason="It came back")
    assert list_articles(l2, "VPN")[0].uses == 1  # a fix the caller did not confirm
    assert Stage(workflow.Incident.get_by_id(first).stage) == Stage.IN_PROGRESS
