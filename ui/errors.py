"""Showing the core's refusals to a person, in their language."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.errors import DeskError, SignedOut, ValidationError
from desk_app.i18n import Language

log = logging.getLogger(__name__)

#: Refusals the window already shows where they stay visible (the server refused the
#: password: a notice over the work area, with the way to give it): no box for those. The
#: main window sets it (like ``Op.default_failure``); a form still gets the failure and
#: keeps what was typed.
already_shown: Callable[[BaseException], bool] | None = None


def error_text(error: BaseException, lang: Language) -> str:
    if isinstance(error, ValidationError):
        return "\n".join(error.field_messages(lang).values())
    if isinstance(error, DeskError):
        return error.message(lang)
    log.error("unexpected error", exc_info=error)
    return ("程序出错:" if lang == "zh" else "Something went wrong: ") + str(error)


def show_error(parent: QWidget | None, error: BaseException, lang: Language) -> None:
    """A modal message; the form behind it stays open with what the user typed.

    Not for ``SignedOut``: the workstation's lock says that once and shows the sign-in
    screen; a second box per refused read would stack on it (and, shown after the next
    person signed in, tell them they were signed out)."""
    if isinstance(error, SignedOut):
        log.info("a call refused after its person was signed out: %s", error)
        return
    if already_shown is not None and already_shown(error):
        log.info("a call refused for a reason the window shows: %s", error)
        return
    title = "无法完成" if lang == "zh" else "Could not do that"
    QMessageBox.warning(parent, title, error_text(error, lang))
