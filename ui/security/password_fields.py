"""A new password typed twice, with what is wrong with it said as it is typed: shared by the
change of one's own password and the process owner's reset, so that both enable OK only when
the core will accept the password (the length rule is the core's ``PASSWORD_MIN``)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desk_app.services.security.accounts import PASSWORD_MIN


class NewPasswordFields(QObject):
    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.new = QLineEdit(parent)
        self.again = QLineEdit(parent)
        for edit in (self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self.changed)

    def problem(self) -> str:
        """What is wrong so far, or "" (nothing typed yet is not a problem)."""
        if self.new.text() and len(self.new.text()) < PASSWORD_MIN:
            return self.tr("The new password needs at least %1 characters.").replace(
                "%1", str(PASSWORD_MIN))
        if self.again.text() and self.again.text() != self.new.text():
            return self.tr("The two new passwords differ.")
        return ""

    def complete(self) -> bool:
        """Typed twice, the same, and long enough."""
        return bool(self.new.text()) and not self.problem() \
            and self.again.text() == self.new.text()
