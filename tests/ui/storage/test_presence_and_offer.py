"""The presence list, the heartbeat keeper, and the restore offer for a damaged file."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desk_app.errors import DatabaseCorrupt
from desk_app.storage.backup import take_backup
from desk_app.storage.opening import open_store
from desk_app.storage.presence import Visitor, begin_maintenance, end_maintenance, join
from tests.conftest import Org
from tests.core.storage.test_write_errors import damage
from ui.context import UiContext
from ui.storage.heartbeat import PresenceKeeper
from ui.storage.presence_list import PresenceList
from ui.storage.restore_offer import RestoreOfferDialog


def test_presence_list(org: Org, qtbot: QtBot, context: Callable[..., UiContext],
                       chinese: None) -> None:
    join(org.store, Visitor(username="owner", full_name="Olivia Owner",
                            workstation="ws-admin"))
    other = open_store(org.path, daily_backup=False)
    join(other, Visitor(username="desk", workstation="ws-desk"))
    org.store.bind()
    listing = PresenceList(context(language="zh"))
    qtbot.addWidget(listing)
    qtbot.waitUntil(lambda: listing.table.rowCount() == 2, timeout=10000)
    cells = {listing.table.item(r, 1).text(): listing.table.item(r, 4).text()
             for r in range(2)}
    assert cells == {"ws-admin": "本工作站", "ws-desk": "工作中"}
    other.close()
    org.store.bind()


def test_keeper_hears_of_maintenance_and_lets_go(org: Org, qtbot: QtBot) -> None:
    keeper = PresenceKeeper(org.store, Visitor(username="desk", workstation="ws-desk"),
                            interval_seconds=3600)
    keeper.start()
    qtbot.waitUntil(lambda: any(r[0] == "desk" for r in org.store.execute(
        "SELECT username FROM presence")), timeout=10000)
    other = open_store(org.path, daily_backup=False)
    begin_maintenance(other, "restore", Visitor(username="owner", workstation="ws-admin"))
    org.store.bind()
    with qtbot.waitSignal(keeper.maintenance_changed, timeout=10000) as heard:
        keeper.beat()
    assert heard.args[0].reason == "restore"
    state = org.store.execute("SELECT state FROM presence WHERE username = 'desk'")
    assert state[0][0] == "released"
    end_maintenance(other)
    other.close()
    org.store.bind()
    with qtbot.waitSignal(keeper.maintenance_changed, timeout=10000) as heard:
        keeper.beat()
    assert heard.args[0] is None
    keeper.stop()
    rows = org.store.execute("SELECT count(*) FROM presence WHERE username = 'desk'")
    assert rows[0][0] == 0


def test_restore_offer_puts_the_latest_good_backup_back(org: Org, qtbot: QtBot,
                                                       chinese: None) -> None:
    for n in range(10):
        org.log(title=f"incident {n}")
    take_backup(org.store, "daily")
    org.store.close()
    pages = org.path.stat().st_size // 4096
    damage(org.path, range(pages // 2, pages))
    try:
        open_store(org.path)
    except DatabaseCorrupt as error:
        problem = error
    dialog = RestoreOfferDialog(org.path, problem, "zh")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "数据库已损坏"
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=10000)
    assert dialog.offer_label.text().startswith("最近一次完好的备份")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.restore_button.click()
    assert dialog.restore_result is not None and not dialog.restore_result.in_place
    store = open_store(org.path)
    assert store.execute("SELECT count(*) FROM incident")[0][0] == 10
    store.close()


def test_restore_offer_without_a_good_backup(org: Org, qtbot: QtBot) -> None:
    dialog = RestoreOfferDialog(org.path, DatabaseCorrupt("database disk image is malformed"))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "No good backup" in dialog.offer_label.text(), timeout=10000)
    assert not dialog.restore_button.isEnabled()
