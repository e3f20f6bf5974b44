"""A test PostgreSQL server that speaks TLS only with a certificate made in the test, signed
by a certificate authority of the test's own; a second authority vouches for nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests import certificates, postgres


@dataclass(frozen=True)
class TlsServer:
    server: postgres.Server
    ca: Path  # the authority that signed the server's certificate
    stranger: Path  # an authority that did not

    def url(self, database: str, query: str) -> str:
        """``database`` on this server, by the name its certificate holds."""
        return self.server.database_url(database).replace("127.0.0.1", "localhost") + query


def running(folder: Path) -> Iterator[TlsServer]:
    ca = certificates.authority("desk-app test authority")
    issued = certificates.server(ca, "localhost")
    (folder / "ca.pem").write_bytes(ca.certificate)
    (folder / "stranger.pem").write_bytes(certificates.authority("someone else").certificate)
    server = postgres.start(
        settings={"ssl": "on", "ssl_cert_file": "server.crt", "ssl_key_file": "server.key"},
        files={"server.crt": issued.certificate, "server.key": issued.key})
    try:
        yield TlsServer(server, folder / "ca.pem", folder / "stranger.pem")
    finally:
        server.stop()
