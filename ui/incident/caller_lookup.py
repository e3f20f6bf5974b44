"""Finding the caller while they are on the line: type a few letters of the name, phone or
e-mail, pick from the list with the arrow keys and Enter; or record a new caller."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.i18n import text
from desk_app.services.admin.people import CallerForm, save_caller
from desk_app.services.incident import choices
from desk_app.services.incident.choices import CallerChoice
from desk_app.services.session import Changes
from ui import paths
from ui.context import UiContext
from ui.widgets.badges import VIP_COLOR, Badge
from ui.widgets.calls import call
from ui.widgets.combos import fill_rows, value
from ui.widgets.feedback import ErrorLabel, FieldErrors, MessageBar, field_box, show_failure

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
CALLER_ROLE = Qt.ItemDataRole.UserRole + 2
#: Milliseconds of quiet typing before the lookup asks the database.
TYPING_PAUSE = 150


class CallerLookup(QWidget):
    """A line edit with type-ahead over callers; ``caller`` is the one chosen (or None)."""

    caller_changed = Signal(object)  # CallerChoice | None
    results_ready = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.caller: CallerChoice | None = None
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Name, phone or e-mail of the caller"))
        self.edit.setAccessibleName(self.tr("Caller"))
        self.new_button = QPushButton(self.tr("&New caller…"), self)
        self.new_button.setToolTip(self.tr("Record a caller who is not in the list yet"))
        # keyboard-first: Tab goes from the caller straight to the type; Alt+N reaches this
        self.new_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.info = QLabel(self)
        self.info.setStyleSheet("color:palette(mid);")
        self.info.setWordWrap(True)
        self.vip_badge = Badge(self)  # the chosen caller is a VIP: seen at a glance (R12)
        self.vip_badge.setObjectName("vipBadge")

        self.results = QStandardItemModel(self)
        self.completer = QCompleter(self.results, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(NAME_ROLE)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(10)
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._picked)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE)
        self.timer.timeout.connect(self.search)
        self.edit.textEdited.connect(self._typed)
        self.edit.returnPressed.connect(self._enter)
        self.new_button.clicked.connect(self.new_caller)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.vip_badge)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.info)
        self.setFocusProxy(self.edit)
        self._query = ""
        self._describe()

    # -- looking up ------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        if self.caller is not None:
            self.caller = None
            self._describe()
            self.caller_changed.emit(None)
        self.timer.start()

    def search(self) -> None:
        needle = self.edit.text().strip()
        self._query = needle
        if not needle:
            self.results.clear()
            self.completer.popup().hide()
            return
        session = self.context.session
        call(self, self.context, lambda: choices.find_callers(session, needle),
             lambda found: self._show_results(needle, found))

    def _show_results(self, needle: str, found: list[CallerChoice]) -> None:
        if needle != self._query or self.caller is not None:
            return  # the person has typed on, or already chosen
        self.results.clear()
        lang = self.context.language
        for caller in found:
            item = QStandardItem(self._line(caller, lang))
            item.setData(caller.name, NAME_ROLE)
            item.setData(caller, CALLER_ROLE)
            item.setEditable(False)
            if caller.vip:  # a badge in the list: the icon, bold type, the VIP colour
                item.setIcon(paths.icon("vip"))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QColor(VIP_COLOR))
                item.setForeground(QColor("#000000"))
                item.setToolTip(self.tr("VIP caller: urgency defaults to High"))
            self.results.appendRow(item)
        if found and self.edit.hasFocus():
            self.completer.complete()
        elif not found:
            self.completer.popup().hide()
            self._info(self.tr("No caller matches “%1”. Press “New caller…” to record "
                               "one.").replace("%1", needle))
        self.results_ready.emit()

    def _line(self, caller: CallerChoice, lang: str) -> str:
        parts = [caller.name]
        if caller.vip:
            parts[0] += " ★VIP"
        for extra in (caller.phone, caller.department.name(lang) if caller.department else "",
                      caller.email):
            if extra:
                parts.append(extra)
        return " · ".join(parts)

    def _picked(self, index: QModelIndex) -> None:
        caller = index.data(CALLER_ROLE)
        if isinstance(caller, CallerChoice):
            self.set_caller(caller)

    def _enter(self) -> None:
        """Enter with the list closed takes the only match, if there is exactly one."""
        if self.caller is None and self.results.rowCount() == 1:
            self.set_caller(self.results.item(0).data(CALLER_ROLE))

    def set_caller(self, caller: CallerChoice | None) -> None:
        self.caller = caller
        self.timer.stop()
        self.completer.popup().hide()
        self.edit.setText(caller.name if caller else "")
        self._describe()
        self.caller_changed.emit(caller)

    def _describe(self) -> None:
        caller, lang = self.caller, self.context.language
        if caller is None:
            self._info("")
            self.vip_badge.hide()
            return
        if caller.vip:
            self.vip_badge.set_badge("VIP", VIP_COLOR,
                                     self.tr("VIP caller: urgency defaults to High"))
        else:
            self.vip_badge.hide()
        parts = [caller.phone, caller.department.name(lang) if caller.department else "",
                 caller.location, caller.email]
        details = " · ".join(p for p in parts if p) or self.tr("No contact details")
        vip = self.tr("VIP caller") + " · " if caller.vip else ""
        self._info(vip + details)

    def _info(self, text: str) -> None:
        self.info.setText(text)
        self.info.setVisible(bool(text))

    # -- a new caller ----------------------------------------------------------------------
    def new_caller(self) -> None:
        dialog = NewCallerDialog(self.context, self.edit.text().strip(), self)
        dialog.created.connect(self.set_caller)
        self.dialog = dialog
        dialog.open()


class NewCallerDialog(QDialog):
    """The desk records a caller it does not know yet (the VIP flag decides R12)."""

    created = Signal(object)  # CallerChoice

    def __init__(self, context: UiContext, name: str = "", parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("New caller"))
        self.setMinimumWidth(420)
        self.bar = MessageBar(self)
        self.errors = FieldErrors(self.bar)
        self.name = QLineEdit(name, self)
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        self.department = QComboBox(self)
        self.location = QLineEdit(self)
        self.vip = QCheckBox(self.tr("VIP (urgency defaults to High)"), self)
        form = QFormLayout()
        for field, caption, widget in [
            ("name", self.tr("&Name"), self.name), ("phone", self.tr("&Phone"), self.phone),
            ("email", self.tr("&E-mail"), self.email),
            ("department", self.tr("&Department"), self.department),
            ("location", self.tr("&Location"), self.location), ("vip", "", self.vip),
        ]:
            error = ErrorLabel(self)
            self.errors.add(field, widget, error)
            form.addRow(caption, field_box(widget, error))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.department.addItem(self.tr("(none)"), None)
        session = context.session
        call(self, context, lambda: choices.departments(session), self._departments)

    def _departments(self, rows: list[choices.Choice]) -> None:
        fill_rows(self.department, rows, self.context.language, none_text=self.tr("(none)"))

    def save(self) -> None:
        self.errors.clear()
        if not self.name.text().strip():
            self.errors.show({"name": text("validation.required", self.context.language)})
            return
        form = CallerForm(self.name.text(), self.phone.text(), self.email.text(),
                          value(self.department), self.location.text(), self.vip.isChecked())
        session = self.context.session
        self.buttons.setEnabled(False)

        call(self, self.context, lambda: save_caller(session, form), self._saved, self._failed)

    def _saved(self, changes: Changes) -> None:
        created, session = changes.created, self.context.session
        if created is None:
            self.accept()
            return
        call(self, self.context, lambda: choices.caller(session, created), self._read,
             self._failed)

    def _read(self, caller: CallerChoice | None) -> None:
        self.buttons.setEnabled(True)
        if caller is not None:
            self.created.emit(caller)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_failure(self.errors, error, self.context.language)
