"""Real servers on loopback for delivery tests: an SMTP server (aiosmtpd) and an HTTP SMS
gateway (http.server), each recording what it received and able to refuse on purpose."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class SmtpHandler:
    """Accepts mail and keeps it; ``refuse`` holds SMTP replies to give instead, one per
    message, before accepting again (e.g. ``["451 4.3.0 try later"]``)."""

    messages: list[EmailMessage] = field(default_factory=list)
    refuse: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            if self.refuse:
                return self.refuse.pop(0)
            message = email.message_from_bytes(envelope.original_content or envelope.content,
                                               policy=email.policy.default)
            self.messages.append(message)  # type: ignore[arg-type]
        return "250 OK"

    def message_ids(self) -> list[str]:
        with self.lock:
            return [str(m["Message-ID"]) for m in self.messages]


class _Auth:
    def __init__(self, username: str, password: str) -> None:
        self.username, self.password = username, password

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str,
                 auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (
            auth_data.login.decode() == self.username
            and auth_data.password.decode() == self.password)
        return AuthResult(success=ok, handled=False)


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1/localhost (openssl), for TLS tests."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


@contextmanager
def smtp_server(*, login: tuple[str, str] | None = None, tls: str = "none",
                cert: tuple[Path, Path] | None = None) -> Iterator[tuple[SmtpHandler, int]]:
    """``tls``: "none", "starttls" or "ssl" (implicit TLS); ``cert`` needed for the last two."""
    handler = SmtpHandler()
    port = free_port()
    kwargs: dict[str, Any] = {}
    context = None
    if tls != "none":
        assert cert is not None
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(cert[0]), str(cert[1]))
    if tls == "starttls":
        kwargs.update(tls_context=context, require_starttls=True)
    elif tls == "ssl":
        kwargs.update(ssl_context=context)
    if login:
        kwargs.update(authenticator=_Auth(*login), auth_required=True,
                      # aiosmtpd only knows of STARTTLS; an implicit-TLS session is TLS too
                      auth_require_tls=tls == "starttls")
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


@dataclass
class Gateway:
    requests: list[dict[str, Any]] = field(default_factory=list)
    fail: list[int] = field(default_factory=list)  # HTTP status codes to answer first
    lock: threading.Lock = field(default_factory=threading.Lock)

    def bodies(self) -> list[dict[str, Any]]:
        with self.lock:
            return [json.loads(r["body"]) for r in self.requests if r["body"]]


@contextmanager
def sms_gateway() -> Iterator[tuple[Gateway, int]]:
    gateway = Gateway()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8") if length else ""
            with gateway.lock:
                status = gateway.fail.pop(0) if gateway.fail else 200
                if status == 200:
                    gateway.requests.append({"method": self.command, "path": self.path,
                                             "headers": dict(self.headers), "body": body})
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway, int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
