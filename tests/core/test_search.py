"""Search: by number, by caller, and by words in title, description, work notes and
resolution, in Chinese (including two-character words) and English; the index follows every
write in the same transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_app.errors import ValidationError
from desk_app.services.incident import log as incidents
from desk_app.services.incident import workflow
from desk_app.services.incident.log import IncidentFields
from desk_app.services.lists import search
from desk_app.services.lists.search import Match
from desk_app.storage.migrations import LATEST
from desk_app.storage.opening import open_store
from desk_app.storage.segment import index_text, match_query
from tests.conftest import Org
from tests.helpers import old_schema


def found(org: Org, text: str) -> list[int]:
    return [hit.id for hit in search.search(org.as_("desk"), text)]


def test_chinese_text_is_indexed_as_bigrams() -> None:
    assert index_text("网络中断") == "网络 络中 中断 断"
    assert index_text("VPN连接断开,请检查") == "VPN 连接 接断 断开 开 , 请检 检查 查"
    assert index_text("网") == "网"
    assert index_text("") == ""
    assert match_query("网络") == '"网络"'
    assert match_query("网络中断") == '"网络 络中 中断"'
    assert match_query("网") == '"网"*'
    assert match_query("vpn 断开") == '"vpn"* "断开"'
    assert match_query("  ,. ") is None


def test_a_two_character_chinese_word_is_found(org: Org) -> None:
    wifi = org.log(title="会议室无线网络无法连接", description="3 楼大会议室连不上")
    printer = org.log(title="打印机卡纸", description="财务部彩色打印机频繁卡纸。")
    outage = org.log(title="分公司网络中断影响开单")
    assert set(found(org, "网络")) == {wifi, outage}
    assert found(org, "卡纸") == [printer]
    assert found(org, "无线网络") == [wifi]
    assert found(org, "网络中断") == [outage]
    assert found(org, "网络连接") == []  # words are matched in order, as typed
    assert set(found(org, "网")) == {wifi, outage}  # one character: every position
    assert found(org, "纸") == [printer]  # … including the last one of a run
    assert found(org, "会议室 连不上") == [wifi]  # every term must occur


def test_english_words_are_found_by_prefix_and_case_insensitively(org: Org) -> None:
    vpn = org.log(title="VPN keeps disconnecting", description="Working from home")
    café = org.log(title="Printer in the café is offline")
    assert found(org, "vpn") == [vpn]
    assert found(org, "DISCONN") == [vpn]
    assert found(org, "cafe") == [café]  # accents folded
    assert found(org, "home vpn") == [vpn]
    assert found(org, "home printer") == []


def test_title_matches_rank_above_description_matches(org: Org) -> None:
    in_description = org.log(title="Laptop slow", description="Started after the VPN update")
    in_title = org.log(title="VPN client crashes", description="Every morning")
    assert found(org, "vpn") == [in_title, in_description]


def test_notes_resolution_and_edits_reach_the_index(org: Org) -> None:
    incident = org.log(title="Slow network on the 9th floor")
    assert found(org, "交换机") == []
    incidents.add_note(org.as_("desk"), incident, "已检查接入交换机端口")
    assert found(org, "交换机") == [incident]
    hit = search.search(org.as_("desk"), "交换机")[0]
    assert hit.match == Match.TEXT
    workflow.resolve(org.as_("desk"), incident, resolution="Replaced the faulty patch cable")
    assert found(org, "patch cable") == [incident]
    workflow.reject_resolution(org.as_("desk"), incident, reason="用户反馈问题仍然存在")
    assert found(org, "仍然") == [incident]
    incidents.update_incident(org.as_("desk"), incident,
                              IncidentFields(title="Wi-Fi drops in meeting room"))
    assert found(org, "9th") == []
    assert found(org, "meeting room") == [incident]
    assert found(org, "交换机") == [incident]  # notes stay


def test_number_and_caller_lookup(org: Org) -> None:
    first = org.log(title="Printer jams")
    vip = org.log(title="CEO laptop", caller_id=org.ids["vip"])
    hits = search.search(org.as_("desk"), "INC0000001")
    assert [(h.id, h.match) for h in hits] == [(first, Match.NUMBER)]
    assert found(org, "1") == [first]
    assert found(org, "inc2") == [vip]
    by_caller = search.search(org.as_("desk"), "Victor")
    assert [(h.id, h.match) for h in by_caller] == [(vip, Match.CALLER)]
    assert found(org, "张伟") == [first]  # the other caller, 张伟 Zhang Wei
    assert found(org, "13900000001") == [first]  # the caller's phone number


def test_nothing_typed_is_read_as_query_syntax(org: Org) -> None:
    org.log(title="Printer jams")
    for text in ['"', 'printer"', "NEAR(a b)", "a OR b", "title:x", "*", "-", "a AND",
                 "(", "^", "%", "_"]:
        search.search(org.as_("desk"), text)  # no error
    assert found(org, "") == []
    assert found(org, "   ") == []


def test_at_most_fifty_results(org: Org) -> None:
    for n in range(55):
        org.log(title=f"打印机 {n}")
    assert len(found(org, "打印")) == 50


def test_every_match_goes_beyond_the_page_the_box_shows(org: Org) -> None:
    """An export of a search takes every incident found, not only the best fifty: the
    number's, the caller's and every word match, each once."""
    words = [org.log(title=f"打印机 {n}") for n in range(55)]
    assert len(found(org, "打印")) == 50
    every = search.every_match(org.as_("desk"), "打印")
    assert sorted(every) == sorted(words) and every[0] == max(words)  # newest first
    vip = org.log(title="打印机 VIP", caller_id=org.ids["vip"])
    assert search.every_match(org.as_("desk"), "Victor") == [vip]
    assert search.every_match(org.as_("desk"), "INC0000002")[0] == words[1]
    assert search.every_match(org.as_("desk"), "   ") == []
    with pytest.raises(ValidationError):
        search.every_match(org.as_("desk"), "a\x00b")


@pytest.mark.file_only
def test_migration_indexes_the_incidents_already_there(org: Org, tmp_path: Path) -> None:
    """A file made before the search index (schema 2) gets every incident indexed."""
    old = org.log(title="邮件无法发送", description="Outlook shows an error")
    incidents.add_note(org.as_("desk"), old, "重建了邮件配置文件")
    org.store.close()
    old_schema(org.path, 2)
    reopened = open_store(org.path)
    try:
        assert reopened.user_version() == LATEST
        org.store = reopened
        assert found(org, "邮件") == [old]
        assert found(org, "配置") == [old]  # from the work note
        assert found(org, "outlook") == [old]
    finally:
        reopened.close()


def test_a_common_word_ranks_the_newest_matches(org: Org, monkeypatch) -> None:
    """Only the newest ``RANKED`` matches are ranked (BM25 over every match of a common
    word costs a look at each one); among them the best come first."""
    older_title_match = org.log(title="VPN client crashes")
    newer = [org.log(title="Laptop slow", description=f"after the VPN update {n}")
             for n in range(3)]
    assert found(org, "vpn")[0] == older_title_match  # all ranked: the title match first
    monkeypatch.setattr(search, "RANKED", 3)
    assert set(found(org, "vpn")) == set(newer)  # the newest three only


def test_a_single_latin_letter_is_a_whole_word_not_a_prefix() -> None:
    assert match_query("A-1234") == '"A" "1234"*'
    assert match_query("pc-60583") == '"pc"* "60583"*'
