"""The channels that leave the program: e-mail through SMTP and SMS through an HTTP gateway
(R09). Each ``send_*`` delivers one alert or raises ``DeliveryError`` saying whether trying
again could help."""

from __future__ import annotations

import json
import smtplib
import ssl
import string
import urllib.error
import urllib.request
from email.message import EmailMessage
from email.utils import formataddr, formatdate
from urllib.parse import quote, quote_plus

from desk_app.delivery.config import DeliveryConfig
from desk_app.delivery.messages import Alert
from desk_app.i18n import text


class DeliveryError(Exception):
    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


# -- e-mail ----------------------------------------------------------------------------------
def email_message(config: DeliveryConfig, alert: Alert) -> EmailMessage:
    message = EmailMessage()  # UTF-8 subject and body, encoded as the RFCs require
    message["Subject"] = alert.subject()
    message["From"] = formataddr(("desk-app", config.smtp_sender))
    message["To"] = formataddr((alert.recipient_name, alert.email))
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = alert.message_id
    message["X-Desk-App-Notification"] = str(alert.notification_id)
    message.set_content(alert.body())
    return message


def _smtp(config: DeliveryConfig) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if config.smtp_security == "ssl":
        return smtplib.SMTP_SSL(config.smtp_host, config.smtp_port,
                                timeout=config.smtp_timeout_seconds, context=context)
    client = smtplib.SMTP(config.smtp_host, config.smtp_port,
                          timeout=config.smtp_timeout_seconds)
    if config.smtp_security == "starttls":
        client.starttls(context=context)
    return client


def send_email(config: DeliveryConfig, alert: Alert) -> None:
    if not alert.email:
        raise DeliveryError(text("delivery.error.no_email", "en"), permanent=True)
    try:
        with _smtp(config) as client:
            if config.smtp_username:
                client.login(config.smtp_username, config.smtp_password)
            client.send_message(email_message(config, alert))
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        raise DeliveryError(f"recipient refused: {codes}",
                            permanent=all(code >= 500 for code in codes)) from error
    except smtplib.SMTPResponseException as error:
        detail = error.smtp_error.decode("utf-8", "replace") if isinstance(
            error.smtp_error, bytes) else str(error.smtp_error)
        raise DeliveryError(f"SMTP {error.smtp_code}: {detail}",
                            permanent=error.smtp_code >= 500) from error
    except (smtplib.SMTPException, OSError, ssl.SSLError) as error:
        # connection refused, time-outs, TLS failures: the server may be back later
        raise DeliveryError(f"{type(error).__name__}: {error}", permanent=False) from error


# -- SMS -------------------------------------------------------------------------------------
def sms_request(config: DeliveryConfig, alert: Alert) -> urllib.request.Request:
    """The gateway request: ``$phone``, ``$text``, ``$id`` and ``$token`` (the gateway's
    secret, kept in this computer's credential store) filled into the URL (URL-encoded) and
    the body (JSON-escaped for a JSON body, form-encoded otherwise)."""
    values = {"phone": alert.phone, "text": alert.sms_text(), "id": str(alert.notification_id),
              "token": config.sms_token}
    url = string.Template(config.sms_url).safe_substitute(
        {k: quote(v, safe="") for k, v in values.items()})
    headers = {"Idempotency-Key": f"desk-app-notification-{alert.notification_id}",
               "User-Agent": "desk-app"}
    data = None
    if config.sms_method == "POST":
        if "json" in config.sms_content_type:
            escaped = {k: json.dumps(v, ensure_ascii=False)[1:-1] for k, v in values.items()}
        else:
            escaped = {k: quote_plus(v) for k, v in values.items()}
        data = string.Template(config.sms_body).safe_substitute(escaped).encode("utf-8")
        headers["Content-Type"] = f"{config.sms_content_type}; charset=utf-8"
    return urllib.request.Request(url, data=data, method=config.sms_method, headers=headers)


def send_sms(config: DeliveryConfig, alert: Alert) -> None:
    if not alert.phone:
        raise DeliveryError(text("delivery.error.no_phone", "en"), permanent=True)
    request = sms_request(config, alert)
    try:
        with urllib.request.urlopen(request, timeout=config.smtp_timeout_seconds) as response:
            response.read()
    except urllib.error.HTTPError as error:
        # the gateway refused the message itself (4xx) or failed (5xx); 408/429 ask for later
        permanent = 400 <= error.code < 500 and error.code not in (408, 429)
        raise DeliveryError(f"HTTP {error.code}: {error.reason}", permanent=permanent) from error
    except (TimeoutError, urllib.error.URLError, OSError) as error:
        raise DeliveryError(f"{type(error).__name__}: {error}", permanent=False) from error
