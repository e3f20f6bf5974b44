"""Calls run off the GUI thread (``ui.operations.Op``, ``ui.reading.read``) leave nothing
behind once their answer is delivered: scrolling a large queue makes a thousand of them."""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ui.operations import Op, _Signals
from ui.reading import read, read_pool


def _alive() -> int:
    """Signal objects whose Qt side still exists (with the connections that hold the calls'
    closures); a wrapper whose Qt side is gone is what an error's traceback still shows."""
    gc.collect()
    return sum(isinstance(o, _Signals) and shiboken6.isValid(o) for o in gc.get_objects())


def test_delivered_calls_leave_no_signal_objects_or_closures(qtbot: QtBot) -> None:
    owner = QObject()
    before = _alive()
    answers: list[int] = []
    errors: list[type] = []
    for n in range(50):
        read(owner, lambda n=n: n, answers.append)
        Op(owner, lambda: 1 / 0).failure(lambda e: errors.append(type(e))).run(pool=read_pool())
    qtbot.waitUntil(lambda: len(answers) == 50 and len(errors) == 50, timeout=10_000)
    assert sorted(answers) == list(range(50)) and set(errors) == {ZeroDivisionError}
    qtbot.waitUntil(lambda: _alive() == before, timeout=5_000)  # deleted in the event loop
    assert not Op._running


def test_an_answer_for_a_deleted_window_reaches_the_hub_and_not_the_window(
        qtbot: QtBot) -> None:
    """A dialog closed for good while its call ran: the change is still published (it
    happened), and neither handler touches the dead dialog."""
    import threading

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    from desk_app.services.session import Changes
    from ui.operations import ChangeHub

    hub = ChangeHub()
    heard: list[object] = []
    hub.changed.connect(heard.append)
    go = threading.Event()
    called: list[str] = []
    for outcome in ("done", "failed"):
        asker = QWidget()

        def work(outcome: str = outcome) -> Changes:
            go.wait(10)
            if outcome == "failed":
                raise ValueError("refused")
            return Changes(incidents=frozenset({7}))

        Op(asker, work).success(lambda _r: called.append("success")).failure(
            lambda _e: called.append("failure")).run(hub)
        asker.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(asker)
        go.set()
        qtbot.waitUntil(lambda: not Op._running, timeout=10_000)
        go.clear()
    assert called == []
    assert len(heard) == 1
