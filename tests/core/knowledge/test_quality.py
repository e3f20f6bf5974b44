"""Suggestion quality on the labelled set (``labelled.py``): hit@5 and MRR, reported in
docs/knowledge.md. Run with ``-s`` to see the figures by language."""

from __future__ import annotations

import re

from desk_app.services.incident import workflow
from desk_app.services.knowledge.articles import ArticleForm, create_article, publish_article
from desk_app.services.knowledge.suggestions import suggest
from tests.conftest import Org
from tests.core.knowledge.labelled import TOPICS

TARGET_HIT5 = 0.85


def build(org: Org) -> dict[tuple[str, int], str]:
    """Store every topic's incidents (resolved) and articles (published): item → topic."""
    owner: dict[tuple[str, int], str] = {}
    for topic in TOPICS:
        category = org.ids["cat_network" if topic.network else "cat_email"]
        for title, description, resolution in topic.incidents:
            incident_id = org.log(title=title, description=description, category_id=category)
            workflow.resolve(org.as_("desk"), incident_id, resolution=resolution)
            owner[("incident", incident_id)] = topic.key
            org.clock.advance(hours=3)
        if topic.article is not None:
            symptom, resolution, language = topic.article
            article = create_article(org.as_("l2"), ArticleForm(
                symptom, resolution, category_id=category, language=language)).new_id
            publish_article(org.as_("l2"), article)
            owner[("article", article)] = topic.key
    return owner


def evaluate(org: Org, owner: dict[tuple[str, int], str], with_category: bool = False
             ) -> dict[str, dict[str, float]]:
    figures: dict[str, list[tuple[bool, float]]] = {"zh": [], "en": [], "all": []}
    for topic in TOPICS:
        category = org.ids["cat_network" if topic.network else "cat_email"]
        for query in topic.queries:
            found = suggest(org.as_("desk"), query, limit=10,
                            category_id=category if with_category else None).similar
            ranks = [i for i, s in enumerate(found, 1) if owner.get((s.kind, s.id)) == topic.key]
            first = ranks[0] if ranks else None
            result = (first is not None and first <= 5, 1.0 / first if first else 0.0)
            lang = "zh" if re.search(r"[\u4e00-\u9fff]", query) else "en"
            figures[lang].append(result)
            figures["all"].append(result)
    return {key: {"queries": len(rows), "hit@5": sum(h for h, _ in rows) / len(rows),
                  "mrr": sum(r for _, r in rows) / len(rows)} for key, rows in figures.items()}


def test_the_labelled_set_is_big_enough_and_in_both_languages() -> None:
    queries = [q for t in TOPICS for q in t.queries]
    assert len(queries) >= 150
    chinese = [q for q in queries if re.search(r"[\u4e00-\u9fff]", q)]
    assert 0.35 < len(chinese) / len(queries) < 0.65
    stored = {title for t in TOPICS for title, _, _ in t.incidents}
    assert not stored & set(queries), "queries must be what callers say, not stored titles"


def test_suggestions_find_what_a_good_agent_would_want_to_see(org: Org) -> None:
    owner = build(org)
    figures = evaluate(org, owner)
    with_category = evaluate(org, owner, with_category=True)
    for name, table in (("text only", figures), ("with the category", with_category)):
        for key, row in table.items():
            print(f"{name:18} {key:3} queries={row['queries']:3d} hit@5={row['hit@5']:.3f} "
                  f"MRR={row['mrr']:.3f}")
    assert figures["all"]["hit@5"] >= TARGET_HIT5
    assert figures["zh"]["hit@5"] >= TARGET_HIT5 and figures["en"]["hit@5"] >= TARGET_HIT5
    assert with_category["all"]["mrr"] >= figures["all"]["mrr"]
