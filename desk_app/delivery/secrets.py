"""The SMTP password and the SMS gateway's token, kept in this computer's credential store
(Windows Credential Manager, macOS Keychain, a Secret Service such as GNOME Keyring) through
``keyring`` — never in the shared file, which everyone with the folder can read and which
every backup copies.

The shared file records only that a secret is set and which workstations hold it
(``delivery.sending_workstations``): those are the ones that can send. A secret is filed under
the file's own id (``security.file_id``), so two databases on one computer keep theirs apart.
Without a credential store the secret is refused, with the reason, rather than kept in the file.
"""

from __future__ import annotations

import contextlib
import logging
import socket

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from desk_app.errors import DeskError
from desk_app.i18n import Term
from desk_app.storage.models import Setting

log = logging.getLogger(__name__)

SERVICE = "desk-app"
#: The delivery settings that are secrets.
SECRET_FIELDS = ("smtp_password", "sms_token")
#: What the shared file holds in place of a secret that is set.
MARKER = "set"
WORKSTATIONS_KEY = "delivery.sending_workstations"
FILE_ID_KEY = "security.file_id"


class SecretStoreMissing(DeskError):
    """This computer has no usable credential store."""

    def __init__(self, name: str) -> None:
        super().__init__("error.secret_store_missing", what=Term(f"secret.{name}"))


def store_available() -> bool:
    """True if this computer has a credential store keyring can use (so a screen can say up
    front that secrets cannot be kept here, instead of refusing after input)."""
    try:
        backend = keyring.get_keyring()
    except KeyringError:
        return False
    return float(getattr(backend, "priority", 0)) > 0


def _account(name: str) -> str:
    row = Setting.get_or_none(Setting.key == FILE_ID_KEY)
    return f"{row.value if row is not None else 'default'}:{name}"


def load(name: str) -> str:
    """The secret as kept on this computer ("" if none or no store); call in a transaction."""
    try:
        return keyring.get_password(SERVICE, _account(name)) or ""
    except (KeyringError, OSError, RuntimeError) as error:  # a locked or absent store
        log.warning("credential store unavailable: %s", type(error).__name__)
        return ""


def keep(name: str, value: str) -> None:
    """Keep (or, for "", forget) ``name`` on this computer; call inside the write that records
    the marker, so that a refusal changes nothing in the file."""
    account = _account(name)
    try:
        if value:
            keyring.set_password(SERVICE, account, value)
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(SERVICE, account)
    except (NoKeyringError, KeyringError, OSError, RuntimeError) as error:
        if value:
            raise SecretStoreMissing(name) from error


def note_sending_workstation(workstation: str | None = None) -> None:
    """Record that this workstation holds the secrets (and so can send)."""
    host = workstation or socket.gethostname()
    row = Setting.get_or_none(Setting.key == WORKSTATIONS_KEY)
    hosts = [h for h in (row.value.split(",") if row is not None else []) if h]
    if host in hosts:
        return
    hosts.append(host)
    if row is None:
        Setting.create(key=WORKSTATIONS_KEY, value=",".join(hosts))
    else:
        Setting.update(value=",".join(hosts), version=row.version + 1).where(
            Setting.key == WORKSTATIONS_KEY).execute()


def sending_workstations() -> list[str]:
    row = Setting.get_or_none(Setting.key == WORKSTATIONS_KEY)
    return [h for h in (row.value.split(",") if row is not None else []) if h]


#: Query parameters of an SMS gateway address that carry its secret, moved out of the file.
TOKEN_PARAMETERS = ("token", "access_token", "apikey", "api_key", "key", "secret", "password",
                    "pass", "pwd", "sig", "signature", "auth")
LOST_KEY = "delivery.secrets_to_enter"


def move_out_of_file() -> list[str]:
    """Schema 22: take the secrets an older program kept in the file out of it — into this
    computer's credential store where there is one; where there is none they are removed all
    the same and listed under ``delivery.secrets_to_enter`` for the process owner to enter
    again on a workstation that sends. Returns the names removed without a place to go."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    found: dict[str, str] = {}
    password = Setting.get_or_none(Setting.key == "delivery.smtp_password")
    if password is not None and password.value not in ("", MARKER):
        found["smtp_password"] = password.value
    url = Setting.get_or_none(Setting.key == "delivery.sms_url")
    if url is not None and url.value:
        parts = urlsplit(url.value)
        query = parse_qsl(parts.query, keep_blank_values=True)
        for index, (param, value) in enumerate(query):
            if param.lower() in TOKEN_PARAMETERS and value and value != "$token":
                found["sms_token"] = value
                rest = urlencode([*query[:index], (param, "TOKEN"), *query[index + 1:]],
                                 safe="$")
                _put("delivery.sms_url", urlunsplit(parts._replace(
                    query=rest.replace(f"{param}=TOKEN", f"{param}=$token"))))
                break
    lost = []
    for name, value in found.items():
        try:
            keep(name, value)
        except SecretStoreMissing:
            lost.append(name)
            _put(f"delivery.{name}", "")
            continue
        note_sending_workstation()
        _put(f"delivery.{name}", MARKER)
    if lost:
        _put(LOST_KEY, ",".join(lost))
    return lost


def _put(key: str, value: str) -> None:
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        Setting.create(key=key, value=value)
    else:
        Setting.update(value=value, version=row.version + 1).where(Setting.key == key).execute()
