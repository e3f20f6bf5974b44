"""A team server's password changed while the workstation runs: the server refuses the next
connection, and instead of an error the person is asked for the password, in the same
dialog the start-up uses; once the server takes it, the calls it refused run again and the
workstation goes on as before.

``Op.mend`` calls it for every refused call. One dialog at a time: calls refused while it is
open wait for its answer. A call refused before the password was given (it was on its way
while the dialog was open) simply runs again.

"Cancel" reports the waiting calls as refused (their forms keep what was typed) and the
refusal becomes known: the window shows one notice over the work area (``PasswordNotice``)
with the way to enter the password, and no error box for it (``ui.errors.already_shown``).
While it is known, the program's own calls (refreshes, the heartbeat) fail quietly; a call
a person started (a click, a save: ``Op.by_person``) opens the dialog again, so what they
asked for can still happen. The password given, from the notice or that dialog, the
notice goes and the window reads everything again."""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desk_app.i18n import Language
from desk_app.storage.postgres.reach import ServerPasswordNeeded
from desk_app.storage.postgres.url import ServerAddress
from ui.startup.password_notice import PasswordNotice
from ui.startup.server_password import ask_password


class PasswordAgain:
    """``Op.mend`` for a workstation on a server."""

    def __init__(self, window: QWidget, address: Callable[[], ServerAddress | None],
                 language: Callable[[], Language],
                 given: Callable[[], None] | None = None) -> None:
        """``given``: called when the password is taken again after it was known refused
        (the window reads what it shows again)."""
        self.window = window
        self.address = address
        self.language = language
        self.given = given
        self._waiting: list[tuple[Callable[[], None], Callable[[], None]]] = []
        self.asking = False
        #: when the server last took a password given here (``time.monotonic``)
        self.taken = 0.0
        #: the person cancelled the dialog: the server refuses the password kept here
        self.refused = False
        self.notice = PasswordNotice(window)
        self.notice.enter.connect(self.ask_from_notice)

    def __call__(self, parent: QObject | None, error: BaseException,
                 again: Callable[[], None], give_up: Callable[[], None],
                 by_person: bool = False) -> bool:
        if not isinstance(error, ServerPasswordNeeded) or not shiboken6.isValid(self.window) \
                or not self.window.isVisible():
            return False  # (a late answer for a window already closed is only reported)
        address = self.address()
        if address is None:
            return False
        if error.when < self.taken:
            again()  # refused before the new password was given: it is the cure
            return True
        if self.asking:
            self._waiting.append((again, give_up))
            return True  # answered with the dialog already open
        if self.refused and not by_person:
            give_up()  # the notice says it; the failure's own box is not shown
            return True
        self._waiting.append((again, give_up))
        accepted = self._ask_once(address, error.refused)
        waiting, self._waiting = self._waiting, []
        for run_again, report in waiting:
            (run_again if accepted else report)()
        return True

    def is_shown(self, error: BaseException) -> bool:
        """For ``ui.errors.already_shown``: the notice tells this refusal."""
        return self.refused and isinstance(error, ServerPasswordNeeded) \
            and shiboken6.isValid(self.window)

    def ask_from_notice(self) -> None:
        """The notice's button: the dialog; the password taken, the window reads again."""
        address = self.address()
        if self.asking or address is None:
            return
        if self._ask_once(address, True) and self.given is not None:
            self.given()

    def _ask_once(self, address: ServerAddress, refused: bool) -> bool:
        self.asking = True
        try:
            accepted = self._ask(address, refused)
        finally:
            self.asking = False
        if accepted:
            self.taken = time.monotonic()
            self.refused = False
            self.notice.hide()
        else:
            self.refused = True
            self.notice.show_refused(address.password_key())  # user@host:port/db
        return accepted

    def _ask(self, address: ServerAddress, refused: bool) -> bool:
        return ask_password(address, self.language(), refused=refused, parent=self.window)
