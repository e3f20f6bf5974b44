"""What every window and form of the workstation needs: who is signed in, where changes are
announced, and in which language to speak."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject

from desk_app.i18n import Language
from desk_app.services.session import Session
from ui.operations import ChangeHub, Op

T = TypeVar("T")


@dataclass
class UiContext:
    session: Session
    hub: ChangeHub
    language: Language = "en"

    def op(self, parent: QObject | None, fn: Callable[[], T]) -> Op[T]:
        """A core call for the worker pool; ``.success(...).run(self.hub)`` starts it."""
        return Op(parent, fn)
