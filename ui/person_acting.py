"""Whether a call was started by a person (a click, a key, a shortcut) or by the program
itself (a refresh tick, the heartbeat, another workstation's change).

An alert nobody can act on is noise: a refusal the window already shows (the server
refused the password) is told to the person who clicked, never to a timer. An event filter
on the application notes a person's input while it is being handled; calls started during
that handling (a slot run by a click, a save on Enter) are the person's. The mark is
cleared at the next turn of the event loop, before any timer's tick is handled, so a
refresh that follows a click is still the program's."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

_PERSON = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
    QEvent.Type.Shortcut, QEvent.Type.TouchBegin, QEvent.Type.TouchEnd,
})


class _Watch(QObject):
    """The application's event filter: it only notes, never takes an event."""

    def __init__(self) -> None:
        super().__init__()
        self.acting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PERSON and not self.acting:
            self.acting = True
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        self.acting = False


_watch: _Watch | None = None


def watch_person() -> None:
    """Start noting a person's input (once per application; the main window calls it)."""
    global _watch
    app = QCoreApplication.instance()
    if _watch is not None or app is None:
        return
    _watch = _Watch()
    app.installEventFilter(_watch)
    app.destroyed.connect(_forget)


def _forget(*_: object) -> None:
    global _watch
    _watch = None


def person_acting() -> bool:
    """True while a person's click or key is being handled (or its call started)."""
    return _watch is not None and _watch.acting
