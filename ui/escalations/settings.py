"""Delivery settings (R09) for the process owner: scanning interval, SMTP server, SMS
gateway, retries, call-back and re-alert intervals. A refused field is marked beside itself;
the form keeps what was typed."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.delivery.config import (
    RANGES,
    SECURITY_CHOICES,
    SMS_METHODS,
    DeliveryConfig,
    read_config,
    save_config,
)
from desk_app.domain.enums import Role
from desk_app.errors import ValidationError
from ui.context import UiContext
from ui.escalations.common import run


class DeliverySettingsWidget(QWidget):
    loaded = Signal()
    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.config = DeliveryConfig()
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
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
                ("sms_method", self.tr("Method")), ("sms_body", self.tr("Body template")),
                ("sms_content_type", self.tr("Content type"))]),
            (self.tr("Retries and reminders"), [
                ("retry_base_seconds", self.tr("First retry after (seconds)")),
                ("retry_max_seconds", self.tr("Longest wait between retries (seconds)")),
                ("max_attempts", self.tr("Attempts before failing")),
                ("call_retry_minutes", self.tr("Call again after (minutes)")),
                ("desktop_realert_minutes", self.tr("Pop-up again after (minutes)")),
                ("lease_seconds", self.tr("Claim time of a delivery (seconds)"))]),
        ]
        layout = QVBoxLayout(self)
        for title, rows in groups:
            box = QGroupBox(title)
            form = QFormLayout(box)
            for name, text in rows:
                widget = self._input(name, security_names)
                error = QLabel()
                error.setStyleSheet("color: #c62828")
                error.hide()
                self.inputs[name], self.errors[name] = widget, error
                cell = QWidget()
                cell_layout = QVBoxLayout(cell)
                cell_layout.setContentsMargins(0, 0, 0, 0)
                cell_layout.addWidget(widget)
                cell_layout.addWidget(error)
                form.addRow(text, cell)
            layout.addWidget(box)
        self.status = QLabel()
        self.save_button = QPushButton(self.tr("Save"))
        owner = ctx.session.has(Role.PROCESS_OWNER)
        self.save_button.setEnabled(owner)
        if not owner:
            self.status.setText(self.tr("Only the process owner can change these settings."))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        layout.addStretch()
        self.save_button.clicked.connect(self.save)
        session = ctx.session
        run(ctx, self, lambda: read_config(session), self._show)

    def _input(self, name: str, security_names: dict[str, str]) -> QWidget:
        if name in RANGES:
            spin = QSpinBox()
            spin.setRange(*RANGES[name])
            return spin
        if name == "smtp_security":
            combo = QComboBox()
            for value in SECURITY_CHOICES:
                combo.addItem(security_names[value], value)
            return combo
        if name == "sms_method":
            combo = QComboBox()
            for value in SMS_METHODS:
                combo.addItem(value, value)
            return combo
        edit = QLineEdit()
        if name == "smtp_password":
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _show(self, config: DeliveryConfig) -> None:
        self.config = config
        for f in fields(DeliveryConfig):
            widget, value = self.inputs[f.name], getattr(config, f.name)
            if isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
        self.loaded.emit()

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

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        session, config = self.ctx.session, self.value()
        self.status.clear()
        run(self.ctx, self, lambda: save_config(session, config), self._saved, self._failed)

    def _saved(self, _: object) -> None:
        self.status.setText(self.tr("Saved."))
        self.saved.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            for name, message in error.field_messages(self.ctx.language).items():
                if name in self.errors:
                    self.errors[name].setText(message)
                    self.errors[name].show()
            self.status.setText(error.message(self.ctx.language).split("\n")[0]
                                if len(error.fields) == 1 else
                                self.tr("Please correct the marked fields."))
            return
        from ui.errors import show_error

        show_error(self, error, self.ctx.language)
