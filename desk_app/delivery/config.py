"""Delivery settings (R09): SMTP server, SMS gateway and the intervals of scanning, retrying,
re-alerting and calling back. Kept in the ``setting`` table so that every workstation sharing
the file delivers the same way; the process owner edits them.

The SMTP password and the SMS gateway's token are secrets: they are kept in the sending
workstation's credential store (``delivery.secrets``), never in the shared file, which holds
only the marker that one is set; they are kept out of logs and out of ``repr`` too.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any
from urllib.parse import urlsplit

from desk_app.delivery import secrets
from desk_app.domain.validation import Problems, clean_text
from desk_app.errors import ConflictError, ValidationError
from desk_app.services.admin.common import require_owner
from desk_app.services.session import Changes, Session
from desk_app.storage.models import Setting

SECURITY_CHOICES = ("ssl", "starttls", "none")
SMS_METHODS = ("POST", "GET")
#: Placeholders an SMS template may use: ``$phone``, ``$text``, ``$id`` (the notification,
#: for a gateway that de-duplicates), ``$token`` (the gateway's secret).
SMS_PLACEHOLDERS = frozenset({"phone", "text", "id", "token"})

PREFIX = "delivery."


@dataclass(frozen=True)
class DeliveryConfig:
    scan_interval_seconds: int = 30
    smtp_host: str = ""
    smtp_port: int = 465
    smtp_security: str = "ssl"
    smtp_username: str = ""
    smtp_password: str = field(default="", repr=False)
    smtp_sender: str = ""
    smtp_timeout_seconds: int = 20
    sms_url: str = ""
    sms_token: str = field(default="", repr=False)
    sms_method: str = "POST"
    sms_body: str = '{"to": "$phone", "text": "$text", "id": "$id"}'
    sms_content_type: str = "application/json"
    retry_base_seconds: int = 60
    retry_max_seconds: int = 3600
    max_attempts: int = 6
    call_retry_minutes: int = 15
    #: the reminder digest of what still waits unread: at most one per person per interval
    desktop_realert_minutes: int = 60
    lease_seconds: int = 120

    @property
    def email_configured(self) -> bool:
        return bool(self.smtp_host and self.smtp_sender)

    @property
    def sms_configured(self) -> bool:
        return bool(self.sms_url)

    def backoff_seconds(self, attempts: int) -> int:
        """Delay before the next try after ``attempts`` failed ones: doubling, capped."""
        return int(min(self.retry_max_seconds,
                       self.retry_base_seconds * 2 ** max(0, attempts - 1)))


#: (minimum, maximum) of each whole-number setting, checked when saved.
RANGES: dict[str, tuple[int, int]] = {
    "scan_interval_seconds": (5, 3600),
    "smtp_port": (1, 65535),
    "smtp_timeout_seconds": (1, 300),
    "retry_base_seconds": (1, 86400),
    "retry_max_seconds": (1, 7 * 86400),
    "max_attempts": (1, 100),
    "call_retry_minutes": (1, 24 * 60),
    "desktop_realert_minutes": (1, 24 * 60),
    "lease_seconds": (2, 3600),
}


def _convert(name: str, raw: str, default: Any) -> Any:
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            return default
    return raw


def load_config() -> DeliveryConfig:
    """The settings as stored (defaults for what was never saved); call inside a transaction."""
    stored = {row.key[len(PREFIX):]: row.value
              for row in Setting.select().where(Setting.key.startswith(PREFIX))}
    defaults = DeliveryConfig()
    values = {f.name: _convert(f.name, stored[f.name], getattr(defaults, f.name))
              for f in fields(DeliveryConfig) if f.name in stored}
    for name in secrets.SECRET_FIELDS:  # never the file's value: the credential store's
        values[name] = secrets.load(name) if stored.get(name) == secrets.MARKER else ""
    return DeliveryConfig(**{**{f.name: getattr(defaults, f.name)
                                for f in fields(DeliveryConfig)}, **values})


def read_config(session: Session) -> DeliveryConfig:
    """The delivery settings, for the process owner who edits them (R04)."""

    def run() -> DeliveryConfig:
        require_owner(session)
        return load_config()

    return session.read(run)


def _versions() -> dict[str, int]:
    """Each stored setting's version; a setting never saved counts as version 0."""
    return {row.key[len(PREFIX):]: int(row.version)
            for row in Setting.select().where(Setting.key.startswith(PREFIX))}


def read_config_versions(session: Session) -> tuple[DeliveryConfig, dict[str, int]]:
    """The settings and the versions an editor sends back to ``save_config``, so that saving
    over someone else's newer settings is a conflict, not an overwrite."""
    def run() -> tuple[DeliveryConfig, dict[str, int]]:
        require_owner(session)
        return load_config(), _versions()

    return session.read(run)


def template_problems(template: str) -> bool:
    """True if ``template`` uses a placeholder other than the known ones (or a stray ``$``)."""
    try:
        names = {m.group("named") or m.group("braced")
                 for m in string.Template.pattern.finditer(template)
                 if m.group("invalid") is None and (m.group("named") or m.group("braced"))}
        invalid = any(m.group("invalid") is not None
                      for m in string.Template.pattern.finditer(template))
    except (ValueError, TypeError):
        return True
    return invalid or bool(names - SMS_PLACEHOLDERS)


def save_config(session: Session, config: DeliveryConfig,
                versions: Mapping[str, int] | None = None) -> Changes:
    """Store every delivery setting at once; only the process owner may (R04). With
    ``versions`` (from ``read_config_versions``), refuse if any setting changed since."""

    def run() -> Changes:
        require_owner(session)
        if versions is not None:
            current = _versions()
            if any(current.get(f.name, 0) != versions.get(f.name, 0)
                   for f in fields(DeliveryConfig)):
                raise ConflictError("error.row_conflict")
        problems = Problems()
        for name, (low, high) in RANGES.items():
            value = getattr(config, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                problems.add(name, "validation.whole_number", min=low, max=high)
        for name in ("smtp_host", "smtp_username", "smtp_sender", "sms_content_type"):
            clean_text(problems, name, getattr(config, name), required=False, max_length=200,
                       single_line=True)
        if config.smtp_security not in SECURITY_CHOICES:
            problems.add("smtp_security", "validation.invalid_choice")
        if config.sms_method not in SMS_METHODS:
            problems.add("sms_method", "validation.invalid_choice")
        if config.smtp_host and "@" not in config.smtp_sender:
            problems.add("smtp_sender", "delivery.validation.sender")
        if config.sms_url:
            parts = urlsplit(config.sms_url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                problems.add("sms_url", "delivery.validation.url")
            elif template_problems(config.sms_url):
                problems.add("sms_url", "delivery.validation.template")
        if template_problems(config.sms_body):
            problems.add("sms_body", "delivery.validation.template")
        if config.retry_max_seconds < config.retry_base_seconds:
            problems.add("retry_max_seconds", "delivery.validation.retry_order")
        if config.lease_seconds <= config.smtp_timeout_seconds:
            problems.add("lease_seconds", "delivery.validation.lease")
        problems.raise_if_any()
        markers = _keep_secrets(config)
        for f in fields(DeliveryConfig):
            key, value = PREFIX + f.name, str(getattr(config, f.name)).strip()
            if f.name in markers:
                value = markers[f.name]
            row = Setting.get_or_none(Setting.key == key)
            if row is None:
                Setting.create(key=key, value=value)
            elif row.value != value:
                Setting.update(value=value, version=row.version + 1).where(
                    Setting.key == key).execute()
        return Changes(reference=True)

    return session.write(run)


def _keep_secrets(config: DeliveryConfig) -> dict[str, str]:
    """Keep each changed secret on this computer (refused, with the reason, where there is no
    credential store) and return what the file records instead: the marker, or ""."""
    markers = {}
    for name in secrets.SECRET_FIELDS:
        row = Setting.get_or_none(Setting.key == PREFIX + name)
        was_set = row is not None and row.value == secrets.MARKER
        value = str(getattr(config, name))
        current = secrets.load(name) if was_set else ""
        if value != current:
            secrets.keep(name, value)
            if value:
                secrets.note_sending_workstation()
            markers[name] = secrets.MARKER if value else ""
        else:
            markers[name] = secrets.MARKER if was_set else ""
    return markers


def set_config_values(session: Session, **values: Any) -> Changes:
    """Change some settings, keeping the others (for the command line and tests)."""
    current = read_config(session)
    unknown = set(values) - {f.name for f in fields(DeliveryConfig)}
    if unknown:
        raise ValidationError.single(sorted(unknown)[0], "validation.invalid_choice")
    return save_config(session, DeliveryConfig(**{**current.__dict__, **values}))
