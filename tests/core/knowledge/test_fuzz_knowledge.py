"""The knowledge services answer hostile values with a typed error or a correct result, and
a refused call changes no row (property-based, as tests/core/test_fuzz_services.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.services.incident.log import NewIncident
from desk_app.services.knowledge import apply, articles, attachments, suggestions, templates
from desk_app.services.knowledge.articles import ArticleForm
from desk_app.services.knowledge.templates import TemplateForm
from tests.conftest import Org
from tests.fuzzing import VALUES, call_hostile


def _services(org: Org, incident: int, article: int
              ) -> dict[str, tuple[Callable[..., Any], dict[str, Any]]]:
    form = NewIncident(org.ids["caller"], "system_fault", org.ids["cat_network"], 3, "VPN")
    article_form = ArticleForm("VPN drops", "Renew the certificate", "", None, "en")
    template_form = TemplateForm("VPN", "en", org.ids["cat_network"], 3, "VPN drops", "")
    return {
        "suggest": (suggestions.suggest, {"text": "VPN 断开", "category_id": None,
                                          "caller_id": org.ids["caller"], "limit": 5}),
        "create_article": (articles.create_article, {"form": article_form}),
        "edit_article": (articles.edit_article, {"article_id": article, "form": article_form,
                                                 "version": None}),
        "publish": (articles.publish_article, {"article_id": article, "version": None}),
        "retire": (articles.retire_article, {"article_id": article, "version": None}),
        "list": (articles.list_articles, {"text": "vpn", "state": None, "limit": 10}),
        "view_article": (articles.article_view, {"article_id": article}),
        "log_resolved_with": (apply.log_resolved_with, {"form": form, "article_id": article,
                                                        "source_incident_id": None}),
        "resolve_with": (apply.resolve_with, {"incident_id": incident, "article_id": article,
                                              "source_incident_id": None, "version": None}),
        "save_template": (templates.save_template, {"form": template_form, "row_id": None,
                                                    "version": None}),
        "attach_bytes": (attachments.attach_bytes, {"incident_id": incident, "name": "a.png",
                                                    "data": b"png", "thumbnail": None}),
        "attach_file": (attachments.attach_file, {"incident_id": incident,
                                                  "path": "/etc/hostname", "thumbnail": None}),
        "attachments": (attachments.attachments, {"incident_id": incident}),
        "read_attachment": (attachments.read_attachment, {"attachment_id": 1}),
        "remove_attachment": (attachments.remove_attachment, {"attachment_id": 1}),
        "save_limit": (attachments.save_limit_mb, {"megabytes": 5}),
    }


NAMES = ["suggest", "create_article", "edit_article", "publish", "retire", "list",
         "view_article", "log_resolved_with", "resolve_with", "save_template", "attach_bytes",
         "attach_file", "attachments", "read_attachment", "remove_attachment", "save_limit",
         "article_form", "template_form"]
ARTICLE_FIELDS = ["symptom", "resolution", "cause", "category_id", "language"]
TEMPLATE_FIELDS = ["name", "language", "category_id", "impact", "title", "description",
                   "active"]


@settings(derandomize=True, max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), position=st.integers(min_value=0, max_value=8),
       value=VALUES, who=st.sampled_from(["desk", "net1", "owner", "l2", "outsider"]))
def test_every_knowledge_service_refuses_hostile_values_and_changes_nothing(
        org: Org, name: str, position: int, value: Any, who: str) -> None:
    incident = org.log()
    article = articles.create_article(org.as_("l2"), ArticleForm("VPN", "Fix it")).new_id
    attachments.attach_bytes(org.as_("desk"), incident, "a.txt", b"abc")
    services = _services(org, incident, article)
    if name in ("article_form", "template_form"):
        key, fields = ("create_article", ARTICLE_FIELDS) if name == "article_form" else (
            "save_template", TEMPLATE_FIELDS)
        call, valid = services[key]
        arguments = dict(valid)
        arguments["form"] = replace(valid["form"], **{fields[position % len(fields)]: value})
    else:
        call, valid = services[name]
        arguments = dict(valid)
        keys = list(arguments)
        arguments[keys[position % len(keys)]] = value
    call_hostile(org, name, call, who, arguments)
