"""Delivery settings (R09) for the process owner: scanning interval, SMTP server, SMS
gateway, retries, call-back and re-alert intervals.

Like the other administration tabs: the core says who may save (``administer_refusal``); a
refused field is marked under itself and the form keeps what was typed; saving over settings
someone else changed meanwhile is a conflict (compare-and-set on their versions) shown over
the form, and Revert shows them as saved now. The form follows changes made here and on other
workstations, except while the person is editing it."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.delivery.config import (
    RANGES,
    SECURITY_CHOICES,
    SMS_METHODS,
    DeliveryConfig,
    read_config_versions,
    save_config,
)
from desk_app.errors import ConflictError, DeskError
from desk_app.services.admin.common import administer_refusal
from desk_app.services.session import Changes
from ui.context import UiContext
from ui.errors import show_error
from ui.widgets.calls import call
from ui.widgets.edit_state import EditState
from ui.widgets.feedback import ErrorLabel, FieldErrors, MessageBar, field_box, show_failure
from ui.widgets.keys import shortcut


class DeliverySettingsWidget(EditState, QWidget):
    loaded_signal = Signal()
    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.language
        self.refusal: DeskError | None = administer_refusal(ctx.session)
        self.config = DeliveryConfig()
        self.versions: dict[str, int] | None = None  # as read; None until the first read
        self.loaded = False
        self._dirty = False
        self._filling = False
        self._loading = False
        self._again = False
        self.inputs: dict[str, QWidget] = {}
        self.bar = MessageBar(self)
        self.errors = FieldErrors(self.bar)
        security_names = {"ssl": self.tr("SSL/TLS"), "starttls": self.tr("STARTTLS"),
                          "none": self.tr("None (not encrypted)")}
        groups = [
            (self.tr("Escalation scan"), [
                ("scan_interval_seconds", self.tr("Scan every (seconds)"))]),
            (self.tr("E-mail (SMTP)"), [
                ("smtp_host", self.tr("Server")), ("smtp_port", self.tr("Port")),
                ("smtp_security", self.tr("Encryption")),
                ("smtp_username", self.tr("User name")), ("smtp_password", self.tr("Password")),
                ("smtp_sender", self.tr("Sender address")),
                ("smtp_timeout_seconds", self.tr("Time-out (seconds)"))]),
            (self.tr("SMS gateway (HTTP)"), [
                ("sms_url", self.tr("Address ($phone, $text, $id)")),
                ("sms_token", self.tr("Token ($token; kept on this computer)")),
                ("sms_method", self.tr("Method")), ("sms_body", self.tr("Body template")),
                ("sms_content_type", self.tr("Content type"))]),
            (self.tr("Retries and reminders"), [
                ("retry_base_seconds", self.tr("First retry after (seconds)")),
                ("retry_max_seconds", self.tr("Longest wait between retries (seconds)")),
                ("max_attempts", self.tr("Attempts before failing")),
                ("call_retry_minutes", self.tr("Call again after (minutes)")),
                ("desktop_realert_minutes", self.tr("Reminder of what waits, every (minutes)")),
                ("lease_seconds", self.tr("Claim time of a delivery (seconds)"))]),
        ]
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        for title, rows in groups:
            box = QGroupBox(title, self)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name, text in rows:
                widget = self._input(name, security_names)
                error = ErrorLabel(self)
                self.inputs[name] = widget
                self.errors.add(name, widget, error)
                form.addRow(text, field_box(widget, error))
                self._watch(widget)
            inner.addWidget(box)
        inner.addStretch(1)
        scroll = QScrollArea(self)  # a low screen scrolls the settings, not the window
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.viewport().setAutoFillBackground(False)  # the tab's own background shows
        body.setAutoFillBackground(False)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(self.tr("Save these settings (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Re&vert"), self)
        self.revert_button.setToolTip(self.tr("Show the settings as they are saved now"))
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        shortcut(self, "Ctrl+S", self.save)
        if self.refusal is not None:
            reason = self.refusal.message(self.lang)
            for widget in [*self.inputs.values(), self.save_button, self.revert_button]:
                widget.setEnabled(False)
                widget.setToolTip(reason)
        ctx.hub.changed.connect(self._hub_changed)
        ctx.hub.external.connect(self.reload)
        self._set_buttons()
        self.reload()

    def _input(self, name: str, security_names: dict[str, str]) -> QWidget:
        if name in RANGES:
            spin = QSpinBox(self)
            spin.setRange(*RANGES[name])
            return spin
        if name == "smtp_security":
            combo = QComboBox(self)
            for value in SECURITY_CHOICES:
                combo.addItem(security_names[value], value)
            return combo
        if name == "sms_method":
            combo = QComboBox(self)
            for value in SMS_METHODS:
                combo.addItem(value, value)
            return combo
        edit = QLineEdit(self)
        if name in ("smtp_password", "sms_token"):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QSpinBox):
            widget.valueChanged.connect(self._edited)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._edited)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._edited)

    # -- loading -------------------------------------------------------------------------
    def _hub_changed(self, changes: Changes) -> None:
        if changes.reference:
            self.reload()

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        session = self.ctx.session
        call(self, self.ctx, lambda: read_config_versions(session), self._loaded,
             self._load_failed)

    def _loaded(self, read: tuple[DeliveryConfig, dict[str, int]]) -> None:
        self._loading = False
        config, versions = read
        if not self._dirty:
            self._show(config, versions)
        elif versions != self.versions:
            self.bar.show_warning(self.tr(
                "Someone else changed these settings while you were editing. Your edits are "
                "kept; saving them will be refused until you revert."))
        self.loaded = True
        if self._again:
            self._again = False
            self.reload()
        self.loaded_signal.emit()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        show_failure(self.errors, error, self.lang)

    def _show(self, config: DeliveryConfig, versions: dict[str, int]) -> None:
        self.config, self.versions = config, versions
        self._filling = True
        for f in fields(DeliveryConfig):
            widget, value = self.inputs[f.name], getattr(config, f.name)
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
        self._filling = False
        self._dirty = False
        self.errors.clear(bar=False)
        self._set_buttons()

    def value(self) -> DeliveryConfig:
        values: dict[str, object] = {}
        for f in fields(DeliveryConfig):
            widget = self.inputs[f.name]
            if isinstance(widget, QSpinBox):
                values[f.name] = widget.value()
            elif isinstance(widget, QComboBox):
                values[f.name] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                values[f.name] = widget.text().strip()
        return replace(self.config, **values)

    # -- editing -------------------------------------------------------------------------
    def revert(self) -> None:
        """Drop the edits and show the settings as saved now."""
        self._dirty = False
        self.bar.clear()
        self.reload()

    def save(self) -> None:
        if self.refusal is not None or not self._dirty or self.versions is None:
            return
        self.errors.clear()
        session, config, versions = self.ctx.session, self.value(), dict(self.versions)
        self.save_button.setEnabled(False)
        call(self, self.ctx, lambda: save_config(session, config, versions), self._saved,
             self._failed)

    def _saved(self, _changes: Changes) -> None:
        self._dirty = False
        self.bar.show_info(self.tr("Saved."))
        self._set_buttons()
        self.saved.emit()

    def _failed(self, error: BaseException) -> None:
        self._set_buttons()
        if not isinstance(error, DeskError):  # a fault, not a refusal: say so loudly
            show_error(self, error, self.lang)
            return
        show_failure(self.errors, error, self.lang)
        if isinstance(error, ConflictError):
            self.bar.show_error(error.message(self.lang) + "\n" + self.tr(
                "Revert shows the settings as they are saved now (your edits are dropped)."))
            self.revert_button.setEnabled(True)
