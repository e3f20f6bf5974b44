"""Suggestions while logging, first-contact resolution with them (R05), templates, and the
``desk-app similar`` command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desk_app.domain.enums import Stage
from desk_app.errors import NotFound, PermissionDenied, RuleViolation, ValidationError
from desk_app.services.incident import workflow
from desk_app.services.incident.log import NewIncident
from desk_app.services.knowledge.apply import log_resolved_with, resolve_with
from desk_app.services.knowledge.articles import ArticleForm, create_article, publish_article
from desk_app.services.knowledge.suggestions import suggest
from desk_app.services.knowledge.templates import TemplateForm, list_templates, save_template
from desk_app.services.knowledge.words import match_any, terms
from desk_app.storage.models import Incident, Journal, KnowledgeUse
from tests.conftest import Org
from tests.helpers import refused


def resolved(org: Org, title: str, resolution: str, category: str = "cat_network",
             description: str = "") -> int:
    incident_id = org.log(title=title, category_id=org.ids[category], description=description)
    workflow.resolve(org.as_("desk"), incident_id, resolution=resolution)
    return incident_id


def test_chinese_is_cut_into_the_index_s_bigrams_without_filler_words() -> None:
    assert terms("VPN 老是断开") == ["vpn", "断开"]
    assert terms("我的电脑无法开机") == ["电脑", "脑无", "无法", "法开", "开机"]
    assert terms("Outlook keeps disconnecting from the server") == [
        "outlook", "disconnect", "server"]
    assert match_any(["vpn", "断开"]) == '"vpn"* OR "断开"'
    assert match_any([]) is None


def test_similar_resolved_incidents_rank_by_words_in_common(org: Org) -> None:
    vpn_zh = resolved(org, "VPN 连接频繁断开", "重装 VPN 客户端")
    vpn_en = resolved(org, "VPN disconnects every few minutes", "Reinstalled the VPN client")
    resolved(org, "打印机卡纸", "清理纸道", "cat_email")
    resolved(org, "Wi-Fi 断开", "重启无线路由器")
    org.log(title="VPN 断开 still open")  # not resolved: not a suggestion
    found = suggest(org.as_("desk"), "VPN 老是断开").similar
    assert found[0].id == vpn_zh and found[0].common == ("vpn", "断开")
    assert vpn_en in [s.id for s in found]
    assert all(s.kind == "incident" and s.stage == "resolved" for s in found)
    english = suggest(org.as_("desk"), "my vpn keeps disconnecting").similar
    assert english[0].id == vpn_en


def test_the_same_category_recency_and_what_worked_break_ties(org: Org) -> None:
    old = resolved(org, "Printer offline", "Replaced the fuser", "cat_email")
    org.clock.advance(days=400)
    new = resolved(org, "Printer offline", "Power cycled it", "cat_email")
    assert suggest(org.as_("desk"), "printer offline").similar[0].id == new
    other = resolved(org, "Printer offline", "Reset its network card")
    assert suggest(org.as_("desk"), "printer offline",
                   category_id=org.ids["cat_network"]).similar[0].id == other
    before = {s.id: s.score for s in suggest(org.as_("desk"), "printer offline").similar}
    form = NewIncident(org.ids["caller"], "system_fault", org.ids["cat_email"], 3, "Toner")
    for _ in range(3):
        log_resolved_with(org.as_("desk"), form, source_incident_id=old)
    after = {s.id: s for s in suggest(org.as_("desk"), "printer offline").similar}
    assert after[old].worked == 3 and after[old].score > before[old]
    assert after[new].score == before[new]


def test_the_same_solution_to_the_same_problem_is_shown_once(org: Org) -> None:
    ids = [resolved(org, "VPN drops", "Renewed the certificate") for _ in range(3)]
    [found] = suggest(org.as_("desk"), "vpn drops").similar
    assert found.id == ids[-1] and found.alike == 3


def test_published_articles_are_suggested_drafts_and_retired_ones_are_not(org: Org) -> None:
    l2 = org.as_("l2")
    article = create_article(l2, ArticleForm("VPN 频繁断开", "更新 VPN 证书",
                                             language="zh")).new_id
    assert suggest(org.as_("desk"), "VPN 老是断开").similar == []
    publish_article(l2, article)
    [found] = suggest(org.as_("desk"), "VPN 老是断开").similar
    assert (found.kind, found.id, found.resolution) == ("article", article, "更新 VPN 证书")


def test_the_caller_s_open_incidents_are_listed(org: Org) -> None:
    mine = org.log(title="Laptop will not boot")
    org.log(title="Other caller", caller_id=org.ids["vip"])
    done = org.log(title="Old one")
    workflow.resolve(org.as_("desk"), done, resolution="Fixed")
    found = suggest(org.as_("desk"), "", caller_id=org.ids["caller"])
    assert [s.id for s in found.open] == [mine] and found.similar == []


def test_r05_one_click_resolves_at_first_contact_with_an_article(org: Org) -> None:
    l2 = org.as_("l2")
    article = create_article(l2, ArticleForm("VPN drops", "Renew the VPN certificate")).new_id
    form = NewIncident(org.ids["caller"], "system_fault", org.ids["cat_network"], 3,
                       "VPN 老是断开")
    with refused(org.store, RuleViolation, "knowledge.not_published"):
        log_resolved_with(org.as_("desk"), form, article_id=article)
    publish_article(l2, article)
    with refused(org.store, PermissionDenied):  # R05: first contact is the desk's
        log_resolved_with(org.as_("net1"), form, article_id=article)
    new_id = log_resolved_with(org.as_("desk"), form, article_id=article).new_id
    incident = Incident.get_by_id(new_id)
    assert incident.stage == Stage.RESOLVED.value
    assert incident.resolution == "Renew the VPN certificate"
    assert incident.assigned_at is None and incident.resolved_by_id == org.ids["desk"]
    assert KnowledgeUse.get(KnowledgeUse.incident == new_id).article_id == article
    assert Journal.select().where((Journal.incident == new_id) & Journal.changes.contains(
        "knowledge_article")).exists()


def test_r05_resolving_with_an_earlier_incident_s_resolution(org: Org) -> None:
    source = resolved(org, "VPN drops", "Replaced the cable")
    target = org.log(title="VPN drops again")
    resolve_with(org.as_("desk"), target, source_incident_id=source)
    assert Incident.get_by_id(target).resolution == "Replaced the cable"
    still_open = org.log(title="x")
    with refused(org.store, RuleViolation, "knowledge.source_not_resolved"):
        resolve_with(org.as_("desk"), target, source_incident_id=still_open)
    with refused(org.store, ValidationError):
        resolve_with(org.as_("desk"), target)
    with refused(org.store, NotFound):
        resolve_with(org.as_("desk"), target, article_id=424242)


def test_r24_a_new_incident_is_linked_to_a_closed_related_one(org: Org) -> None:
    from tests.helpers import close_incident

    closed = org.log(title="VPN 断开")
    close_incident(org, closed)
    found = suggest(org.as_("desk"), "VPN 又断开了").similar
    assert found[0].id == closed and found[0].stage == "closed"
    new_id = org.log(title="VPN 又断开了", linked_incident_id=closed)
    assert Incident.get_by_id(new_id).linked_incident_id == closed


def test_bad_suggestion_requests_are_refused(org: Org) -> None:
    with pytest.raises(ValidationError):
        suggest(org.as_("desk"), "x" * 5000)
    with pytest.raises(ValidationError):
        suggest(org.as_("desk"), "vpn", limit=0)
    with pytest.raises(ValidationError):
        suggest(org.as_("desk"), "a\x00b")
    assert suggest(org.as_("desk"), '" OR * NEAR(').similar == []


def test_templates_are_kept_by_the_process_owner(org: Org) -> None:
    form = TemplateForm("VPN", "zh", org.ids["cat_network"], 3, "VPN 连接断开",
                        "症状:\n开始时间:\n已尝试:")
    with refused(org.store, PermissionDenied):
        save_template(org.as_("desk"), form)
    with refused(org.store, ValidationError, "title"):
        save_template(org.as_("owner"), TemplateForm("x", "zh", org.ids["cat_network"], 3, ""))
    with refused(org.store, ValidationError, "impact"):
        save_template(org.as_("owner"), TemplateForm("x", "zh", org.ids["cat_network"], 9, "t"))
    template_id = save_template(org.as_("owner"), form).new_id
    [row] = list_templates(org.as_("desk"))
    assert (row.title, row.impact, row.category_id) == ("VPN 连接断开", 3,
                                                        org.ids["cat_network"])
    form.active = False
    save_template(org.as_("owner"), form, template_id, version=row.version)
    assert list_templates(org.as_("desk")) == []
    assert len(list_templates(org.as_("desk"), active_only=False)) == 1


def test_the_similar_command_prints_ranked_suggestions(org: Org) -> None:
    vpn = resolved(org, "VPN 连接频繁断开", "重装 VPN 客户端")
    org.store.close()
    result = subprocess.run([sys.executable, "-m", "desk_app", "--lang", "en", "similar",
                             str(org.path), "VPN 老是断开", "--format", "json",
                             "--limit", "3"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["similar"][0]["id"] == vpn and data["similar"][0]["common"] == ["vpn", "断开"]
    text = subprocess.run([sys.executable, "-m", "desk_app", "--lang", "zh", "similar",
                           str(org.path), "VPN 老是断开"], capture_output=True, text=True,
                          timeout=60)
    assert "已解决事件" in text.stdout
    bad = subprocess.run([sys.executable, "-m", "desk_app", "similar", str(org.path), "vpn",
                          "--limit", "0"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
