"""A team server's password changed while the workstation runs: the server refuses the next
connection, and instead of an error the person is asked for the password, in the same
dialog the start-up uses; once the server takes it, the calls it refused run again and the
workstation goes on as before.

``Op.mend`` calls it for every refused call. One dialog at a time: calls refused while it is
open wait for its answer; "Cancel" reports every one of them as refused (their forms keep
what was typed). A call refused before the password was given (it was on its way while the
dialog was open) simply runs again. After "Cancel" the dialog is not offered again for a
minute."""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desk_app.i18n import Language
from desk_app.storage.postgres.reach import ServerPasswordNeeded
from desk_app.storage.postgres.url import ServerAddress
from ui.startup.server_password import ask_password

#: After "Cancel", refused calls are reported without asking for this long (seconds): the
#: background reads and the heartbeat would otherwise ask again at once.
ASK_AGAIN_AFTER = 60.0


class PasswordAgain:
    """``Op.mend`` for a workstation on a server."""

    def __init__(self, window: QWidget, address: Callable[[], ServerAddress | None],
                 language: Callable[[], Language]) -> None:
        self.window = window
        self.address = address
        self.language = language
        self._waiting: list[tuple[Callable[[], None], Callable[[], None]]] = []
        self.asking = False
        #: when the server last took a password given here (``time.monotonic``)
        self.taken = 0.0
        #: when the person last cancelled the dialog
        self.declined = -ASK_AGAIN_AFTER

    def __call__(self, parent: QObject | None, error: BaseException,
                 again: Callable[[], None], give_up: Callable[[], None]) -> bool:
        if not isinstance(error, ServerPasswordNeeded) or not shiboken6.isValid(self.window) \
                or not self.window.isVisible():
            return False  # (a late answer for a window already closed is only reported)
        address = self.address()
        if address is None:
            return False
        if error.when < self.taken:
            again()  # refused before the new password was given: it is the cure
            return True
        if time.monotonic() - self.declined < ASK_AGAIN_AFTER:
            return False  # the person just said no: the refusal is reported, not asked
        self._waiting.append((again, give_up))
        if self.asking:
            return True  # answered with the dialog already open
        self.asking = True
        try:
            accepted = self._ask(address, error)
        finally:
            self.asking = False
        if accepted:
            self.taken = time.monotonic()
        else:
            self.declined = time.monotonic()
        waiting, self._waiting = self._waiting, []
        for run_again, report in waiting:
            (run_again if accepted else report)()
        return True

    def _ask(self, address: ServerAddress, error: ServerPasswordNeeded) -> bool:
        return ask_password(address, self.language(), refused=error.refused,
                            parent=self.window)
