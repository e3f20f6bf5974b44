"""Signing in: every person with their own account (``desk_app.services.session.sign_in``).

The check (a scrypt hash and a read of the shared file) runs on a worker thread; a refusal
appears in the dialog in the chosen language, and the dialog stays with what was typed. On
the demo database the dialog lists the demo accounts, whose password is ``desk-demo``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.clock import Clock
from desk_app.domain.enums import Role
from desk_app.i18n import Language, label
from desk_app.services.session import Session, sign_in
from desk_app.storage.database import Store
from ui import paths
from ui.errors import error_text
from ui.operations import Op


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    roles: tuple[Role, ...]


def demo_accounts() -> list[DemoAccount]:
    from desk_app.demo.data import USERS

    return [DemoAccount(u, name, tuple(roles)) for u, name, roles, _ in USERS]


class SignInDialog(QDialog):
    def __init__(self, store: Store, language: Language, *,
                 demo: Sequence[DemoAccount] = (), demo_password: str = "",
                 username: str = "", clock: Clock | None = None,
                 on_language: Callable[[Language], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signIn")
        self.setWindowIcon(paths.icon("app"))
        self.store = store
        self.language: Language = language
        self.clock = clock
        self.on_language = on_language
        self.demo_password = demo_password
        self.session: Session | None = None
        self._busy = False

        self.heading = QLabel(self)
        self.heading.setObjectName("signInHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_label = QLabel(self)
        self.username_label.setBuddy(self.username)
        self.password_label = QLabel(self)
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)

        self.demo_label = QLabel(self)
        self.demo_label.setWordWrap(True)
        self.demo_list = QListWidget(self)
        self.demo_list.setObjectName("demoAccounts")
        self.demo_accounts = list(demo)
        # two lines (name, roles); sized for Chinese glyphs, which a fallback font draws
        # taller than the Latin ones the list measures by
        line = QFontMetrics(self.demo_list.font()).height()
        for account in self.demo_accounts:
            item = QListWidgetItem(self.demo_list)
            item.setData(Qt.ItemDataRole.UserRole, account.username)
            item.setSizeHint(QSize(0, int(line * 2.7) + 6))
        self.demo_list.currentItemChanged.connect(self._demo_chosen)
        self.demo_list.itemActivated.connect(lambda _: self.try_sign_in())
        self.demo_label.setVisible(bool(self.demo_accounts))
        self.demo_list.setVisible(bool(self.demo_accounts))
        self.demo_list.setMinimumHeight(220 if self.demo_accounts else 0)

        self.error = QLabel(self)
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.language_choice = QComboBox(self)
        self.language_choice.setObjectName("signInLanguage")
        self.language_choice.addItem(paths.icon("language"), "English", "en")
        self.language_choice.addItem(paths.icon("language"), "简体中文", "zh")
        self.language_choice.setCurrentIndex(self.language_choice.findData(language))
        self.language_choice.currentIndexChanged.connect(self._language_chosen)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.language_choice)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.demo_label)
        layout.addWidget(self.demo_list)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.setMinimumWidth(460)
        self.retranslate()
        (self.password if username else self.username).setFocus()

    # -- signing in -------------------------------------------------------------------
    def try_sign_in(self) -> None:
        if self._busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self._show_error(self.tr("Enter your user name."))
            self.username.setFocus()
            return
        self._busy = True
        self._set_enabled(False)
        self.error.setText(self.tr("Signing in…"))
        self.error.setStyleSheet("color: palette(text);")
        self.error.show()
        store, clock = self.store, self.clock

        def done(session: Session) -> None:
            if not shiboken6.isValid(self):
                return
            self._busy = False
            self.session = session
            self.accept()

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._busy = False
            self._set_enabled(True)
            self._show_error(error_text(error, self.language))
            self.password.selectAll()
            self.password.setFocus()

        Op(self, lambda: sign_in(store, username, password, clock)).success(done).failure(
            failed).run()

    def _show_error(self, text: str) -> None:
        self.error.setStyleSheet("color: #c62828;")
        self.error.setText(text)
        self.error.show()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.username, self.password, self.demo_list, self.buttons,
                       self.language_choice):
            widget.setEnabled(enabled)

    def _demo_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.username.setText(str(item.data(Qt.ItemDataRole.UserRole)))
            self.password.setText(self.demo_password)

    def _language_chosen(self) -> None:
        lang = self.language_choice.currentData()
        if lang and lang != self.language:
            self.language = lang
            if self.on_language is not None:
                self.on_language(lang)  # installs the translators: LanguageChange follows
            self.retranslate()

    # -- texts ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in — desk-app"))
        self.heading.setText(self.tr("Sign in"))
        self.where.setText(self.tr("Database: %1").replace("%1", self.store.where))
        self.username_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("&Password:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.language_choice.setToolTip(self.tr("Language"))
        self.demo_label.setText(self.tr(
            "This is the demo database. Choose an account to try a role; every demo password "
            "is %1.").replace("%1", self.demo_password))
        for row, account in enumerate(self.demo_accounts):
            roles = sorted(account.roles, key=list(Role).index)
            separator = "、" if self.language == "zh" else ", "
            self.demo_list.item(row).setText(
                f"{account.full_name}  ({account.username})\n    "
                + separator.join(label(r, self.language) for r in roles))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
