"""A queue and an incident with its history, as printed: in the person's language, every
incident and every journal entry, text escaped."""

from __future__ import annotations

from desk_app.services.bulk.printing import incident_html, queue_html
from desk_app.services.incident import workflow
from desk_app.services.incident.log import add_note
from desk_app.services.lists import queues
from tests.conftest import Org


def test_a_printed_queue_has_every_row_in_the_language(org: Org) -> None:
    ids = [org.log(title=f"<b>网络</b> {n}") for n in range(3)]
    rows = queues.rows(org.as_("desk"), ids)
    html = queue_html("全部事件", rows, "zh", org.clock.now(), "王芳")
    assert "<h1>全部事件</h1>" in html and "共 3 个事件" in html
    assert html.count("&lt;b&gt;网络&lt;/b&gt;") == 3 and "<b>网络" not in html
    assert "编号" in html and "记录" in html
    assert "Number" in queue_html("All", rows, "en", org.clock.now(), "Wang Fang")


def test_a_printed_incident_has_its_whole_history(org: Org) -> None:
    incident_id = org.log(title="VPN drops")
    workflow.assign(org.as_("desk"), incident_id)
    workflow.transfer(org.as_("desk"), incident_id, note="Needs apps",
                      category_id=org.ids["cat_email"])
    add_note(org.as_("app1"), incident_id, "Checked the mailbox server")
    zh = incident_html(org.as_("desk"), incident_id, "zh")
    assert "处理历史" in zh and "转派" in zh and "Checked the mailbox server" in zh
    assert "支持组: 网络组 → 应用组" in zh
    en = incident_html(org.as_("desk"), incident_id, "en")
    assert "History" in en and "Support group: Network → Applications" in en
    assert "INC" in en and "Transfers" in en
