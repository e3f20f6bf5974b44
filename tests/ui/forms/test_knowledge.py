"""Knowledge on the workstation: suggestions while typing, one click to resolve at first
contact (R05), templates, the Knowledge screen's roles (R04), attachments with thumbnails
and none on a closed incident (R24), in English and Chinese."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QColor, QGuiApplication, QImage

from desk_app.domain.enums import Stage
from desk_app.services.incident import workflow
from desk_app.services.knowledge.articles import ArticleForm, create_article, publish_article
from desk_app.services.knowledge.attachments import attachments
from desk_app.services.knowledge.templates import TemplateForm, save_template
from desk_app.storage.models import Incident, KnowledgeArticle
from tests.helpers import close_incident
from tests.ui.forms.test_log_form import fill_required, open_form
from ui.knowledge.attachments import AttachmentsPanel
from ui.knowledge.screen import KnowledgeScreen
from ui.widgets.combos import value

TS = Path(__file__).resolve().parents[3] / "resources" / "translations" / "knowledge_zh_CN.ts"


def resolved(org, title: str, resolution: str) -> int:  # type: ignore[no-untyped-def]
    incident_id = org.log(title=title)
    workflow.resolve(org.as_("desk"), incident_id, resolution=resolution)
    return incident_id


def published(org, symptom: str, resolution: str) -> int:  # type: ignore[no-untyped-def]
    article = create_article(org.as_("l2"), ArticleForm(symptom, resolution,
                                                        language="zh")).new_id
    publish_article(org.as_("l2"), article)
    return article


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_suggestions_follow_the_typing_and_one_click_resolves_at_first_contact(
        qtbot, org, make_context, lang) -> None:  # type: ignore[no-untyped-def]
    earlier = resolved(org, "VPN 连接频繁断开", "重装 VPN 客户端")
    article = published(org, "VPN 频繁断开", "更新 VPN 证书")
    form = open_form(qtbot, make_context("desk", lang))
    panel = form.suggestions
    form.caller.set_caller(None)
    fill_required(form, org)
    form.title.clear()
    for ch in "VPN 老是断开":  # typed one key at a time: one read once typing pauses
        form.title.insert(ch)
    qtbot.waitUntil(lambda: panel.idle and bool(panel.suggestions.similar), timeout=5000)
    assert panel.asked == 1
    assert panel.card("incident", earlier) is not None
    card = panel.card("article", article)
    assert card is not None
    expected = "用此方案解决" if lang == "zh" else "Resolve with this"
    assert card.buttons["resolve"].text() == expected
    from tests.ui.forms.test_log_form import pick_caller

    pick_caller(qtbot, form, "Zhang")
    with qtbot.waitSignal(form.logged, timeout=10000) as logged:
        card.buttons["resolve"].click()
    incident = Incident.get_by_id(logged.args[0])
    assert incident.stage == Stage.RESOLVED.value and incident.resolution == "更新 VPN 证书"
    assert incident.assigned_at is None  # Logged → Resolved (R05)


def test_a_click_with_the_form_incomplete_shows_the_problems_and_keeps_the_text(
        qtbot, org, make_context) -> None:  # type: ignore[no-untyped-def]
    article = published(org, "VPN 频繁断开", "更新 VPN 证书")
    form = open_form(qtbot, make_context("desk"))
    form.title.setText("VPN 老是断开")
    qtbot.waitUntil(lambda: form.suggestions.card("article", article) is not None,
                    timeout=5000)
    form.suggestions.card("article", article).buttons["resolve"].click()
    assert form.errors.message("caller")
    assert form.title.text() == "VPN 老是断开"
    assert Incident.select().count() == 0


def test_a_closed_suggestion_links_the_new_incident(qtbot, org, make_context) -> None:  # type: ignore[no-untyped-def]
    closed = org.log(title="VPN 断开")
    close_incident(org, closed)
    form = open_form(qtbot, make_context("desk"))
    form.title.setText("VPN 又断开了")
    qtbot.waitUntil(lambda: form.suggestions.card("incident", closed) is not None,
                    timeout=5000)
    form.suggestions.card("incident", closed).buttons["link"].click()
    qtbot.waitUntil(lambda: form.linked.incident is not None, timeout=5000)
    assert form.linked.incident.id == closed


def test_the_caller_s_open_incidents_show_as_the_caller_is_chosen(
        qtbot, org, make_context) -> None:  # type: ignore[no-untyped-def]
    mine = org.log(title="Laptop will not boot")
    form = open_form(qtbot, make_context("desk"))
    from tests.ui.forms.test_log_form import pick_caller

    pick_caller(qtbot, form, "Zhang")
    qtbot.waitUntil(lambda: form.suggestions.card("open", mine) is not None, timeout=5000)


def test_a_template_fills_the_form_and_keeps_what_was_typed(
        qtbot, org, make_context) -> None:  # type: ignore[no-untyped-def]
    save_template(org.as_("owner"), TemplateForm("VPN", "en", org.ids["cat_network"], 2,
                                                 "VPN drops", "Since when:\nWhere:"))
    form = open_form(qtbot, make_context("desk"))
    qtbot.waitUntil(lambda: form.template.count() == 1, timeout=5000)
    form.description.setPlainText("Caller's own words")
    form.template.setCurrentIndex(0)
    form.template.activated.emit(0)
    assert value(form.category) == org.ids["cat_network"] and value(form.impact) == 2
    assert form.title.text() == "VPN drops"
    assert form.description.toPlainText() == "Caller's own words"


def test_level_2_publishes_a_draft_on_the_knowledge_screen(qtbot, org, make_context) -> None:  # type: ignore[no-untyped-def]
    incident_id = org.log(title="Printer jams")
    workflow.resolve(org.as_("desk"), incident_id, resolution="Cleaned the rollers",
                     knowledge=True)
    screen = KnowledgeScreen(make_context("l2", "zh"))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: len(screen.rows) == 1, timeout=5000)
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.current is not None, timeout=5000)
    assert screen.publish_button.isEnabled() and screen.publish_button.text() == "发布(&P)"
    screen.cause.setPlainText("Worn rollers")
    screen.save()
    qtbot.waitUntil(lambda: screen.current is not None and screen.current.article.cause ==
                    "Worn rollers", timeout=5000)
    screen.publish()
    qtbot.waitUntil(lambda: KnowledgeArticle.get().state == "published", timeout=5000)
    qtbot.waitUntil(lambda: screen.history.count() == 3, timeout=5000)


def test_the_desk_reads_articles_but_may_not_review_them(qtbot, org, make_context) -> None:  # type: ignore[no-untyped-def]
    published(org, "VPN 频繁断开", "更新 VPN 证书")
    screen = KnowledgeScreen(make_context("desk"))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: len(screen.rows) == 1, timeout=5000)
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.current is not None, timeout=5000)
    assert not screen.save_button.isEnabled() and not screen.retire_button.isEnabled()
    assert screen.resolution.isReadOnly() and "Level-2" in screen.denied.text()


def _image() -> QImage:
    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#1e88e5"))
    return image


def test_a_pasted_screenshot_shows_as_a_thumbnail(qtbot, org, make_context) -> None:  # type: ignore[no-untyped-def]
    incident_id = org.log()
    panel = AttachmentsPanel(make_context("desk"), incident_id)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.add_button.isEnabled(), timeout=5000)
    QGuiApplication.clipboard().setImage(_image())
    panel.paste()
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10000)
    [row] = attachments(org.as_("desk"), incident_id)
    assert row.media_type == "image/png" and row.thumbnail is not None
    thumb = QImage.fromData(row.thumbnail)
    assert max(thumb.width(), thumb.height()) == 128
    assert not panel.list.item(0).icon().isNull()


def test_a_file_over_the_limit_is_refused_with_a_message(qtbot, org, make_context,
                                                          tmp_path) -> None:  # type: ignore[no-untyped-def]
    incident_id = org.log()
    big = tmp_path / "dump.bin"
    with open(big, "wb") as f:
        f.truncate(25 * 1024 * 1024)
    panel = AttachmentsPanel(make_context("desk", "zh"), incident_id)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.add_button.isEnabled(), timeout=5000)
    panel.add_file(str(big))
    qtbot.waitUntil(lambda: panel.bar.isVisible(), timeout=10000)
    assert "超过附件上限" in panel.bar.label.text() and panel.list.count() == 0


def test_r24_a_closed_incident_takes_no_attachment(qtbot, org, make_context) -> None:  # type: ignore[no-untyped-def]
    incident_id = org.log()
    close_incident(org, incident_id)
    panel = AttachmentsPanel(make_context("desk"), incident_id)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: "closed" in panel.hint.text(), timeout=5000)
    assert not panel.add_button.isEnabled() and not panel.paste_button.isEnabled()


def test_every_knowledge_text_has_a_chinese_translation(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""]
            assert all(f.strip() for f in forms), message.findtext("source")
            if message.get("numerus") != "yes":
                assert translator.translate(name, message.findtext("source")) == \
                    translation.text


def test_a_dropped_file_is_attached_and_saved_back(qtbot, org, make_context,
                                                   tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    incident_id = org.log()
    source = tmp_path / "vpn.log"
    source.write_text("tunnel down at 09:14\n", encoding="utf-8")
    panel = AttachmentsPanel(make_context("desk"), incident_id)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.add_button.isEnabled(), timeout=5000)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10000)
    panel.list.setCurrentRow(0)
    assert panel.save_button.isEnabled() and panel.open_button.isEnabled()
    from desk_app.services.knowledge.attachments import save_attachment

    out = save_attachment(org.as_("desk"), panel.rows[0].id, str(tmp_path / "copy.log"))
    assert out.read_text(encoding="utf-8") == "tunnel down at 09:14\n"


def test_removing_an_attachment_asks_first(qtbot, org, make_context, tmp_path,
                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from desk_app.services.knowledge.attachments import attach_file

    incident_id = org.log()
    source = tmp_path / "vpn.log"
    source.write_text("tunnel down\n", encoding="utf-8")
    attach_file(org.as_("desk"), incident_id, str(source))
    panel = AttachmentsPanel(make_context("desk"), incident_id)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10000)
    panel.list.setCurrentRow(0)
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def ask(_parent, _title, question, *_args):  # type: ignore[no-untyped-def]
            asked.append(question)
            return button
        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    panel.remove_selected()
    assert asked == ["Remove vpn.log from the incident for everyone?"]
    assert len(attachments(org.as_("desk"), incident_id)) == 1  # cancelled: kept
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    panel.remove_selected()
    qtbot.waitUntil(lambda: panel.list.count() == 0, timeout=10000)
    assert attachments(org.as_("desk"), incident_id) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_incident_already_logged_is_resolved_with_an_article_from_its_view(
        qtbot, org, make_context, lang) -> None:  # type: ignore[no-untyped-def]
    """The resolve dialog shows articles and resolved incidents like this one; "Use this"
    fills the resolution, and the save records the article's use (it counts one more)."""
    from desk_app.services.incident.actions import Action
    from desk_app.storage.models import KnowledgeUse
    from tests.ui.forms.helpers import open_view, wait_version_after
    from ui.incident.dialogs import ResolveDialog

    article = published(org, "VPN 频繁断开", "更新 VPN 证书")
    incident = org.log(title="VPN 老是断开")
    view = open_view(qtbot, make_context("desk", lang), incident)
    view.buttons[Action.RESOLVE].click()
    dialog = view.dialog
    assert isinstance(dialog, ResolveDialog)
    panel = dialog.suggestions
    qtbot.waitUntil(lambda: panel.card("article", article) is not None, timeout=5000)
    card = panel.card("article", article)
    assert set(card.buttons) == {"resolve"}  # no tabs or links from inside a dialog
    assert card.buttons["resolve"].text() == ("使用此方案" if lang == "zh" else "Use this")
    card.buttons["resolve"].click()
    assert dialog.resolution.toPlainText() == "更新 VPN 证书"
    assert dialog.using.isVisibleTo(dialog) and not dialog.knowledge.isEnabled()
    before = view.screen.version
    dialog.ok_button.click()
    wait_version_after(qtbot, view, before)
    row = Incident.get_by_id(incident)
    assert row.stage == Stage.RESOLVED.value and row.resolution == "更新 VPN 证书"
    assert KnowledgeUse.select().where(KnowledgeUse.incident == incident,
                                       KnowledgeUse.article == article).count() == 1


def test_typing_over_a_used_resolution_makes_it_the_agent_s_own(
        qtbot, org, make_context) -> None:  # type: ignore[no-untyped-def]
    from desk_app.services.incident.actions import Action
    from desk_app.storage.models import KnowledgeUse
    from tests.ui.forms.helpers import open_view, wait_version_after

    article = published(org, "VPN 频繁断开", "更新 VPN 证书")
    incident = org.log(title="VPN 老是断开")
    view = open_view(qtbot, make_context("desk"), incident)
    view.buttons[Action.RESOLVE].click()
    dialog = view.dialog
    qtbot.waitUntil(lambda: dialog.suggestions.card("article", article) is not None,
                    timeout=5000)
    dialog.suggestions.card("article", article).buttons["resolve"].click()
    dialog.resolution.appendPlainText("并重启电脑")
    assert not dialog.using.isVisibleTo(dialog) and dialog.knowledge.isEnabled()
    before = view.screen.version
    dialog.ok_button.click()
    wait_version_after(qtbot, view, before)
    assert Incident.get_by_id(incident).resolution == "更新 VPN 证书\n并重启电脑"
    assert KnowledgeUse.select().where(KnowledgeUse.incident == incident).count() == 0
