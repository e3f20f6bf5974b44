"""TLS to a team's server: ``sslmode=verify-full`` with the certificate authority given in
the URL (``sslrootcert``) connects encrypted; a certificate no given authority signed, or
TLS asked of a server without it, is the TLS failure, said in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.storage.opening import open_store
from desk_app.storage.postgres.reach import TLS, ServerUnreachable, reach
from desk_app.storage.postgres.url import ServerAddress
from tests import tls_server
from tests.postgres import Server


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tls_server.TlsServer]:
    yield from tls_server.running(tmp_path_factory.mktemp("tls"))


def test_verify_full_with_the_servers_authority_connects_encrypted(
        tls: tls_server.TlsServer) -> None:
    name = tls.server.create_database().rsplit("/", 1)[-1]
    url = tls.url(name, f"?sslmode=verify-full&sslrootcert={tls.ca}")
    store = open_store(url, create=True)
    try:
        assert store.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") \
            == [(True,)]
        # the authority is remembered with the server (a readable path), never a password
        assert f"sslrootcert={tls.ca}" in store.url
        assert ServerAddress.parse(store.url).options == (("sslmode", "verify-full"),
                                                          ("sslrootcert", str(tls.ca)))
    finally:
        store.close()


@pytest.mark.parametrize("query", ["?sslmode=verify-full&sslrootcert={stranger}",
                                   "?sslmode=verify-ca&sslrootcert={stranger}",
                                   "?sslmode=verify-full&sslrootcert={missing}"])
def test_a_certificate_no_given_authority_signed_is_the_tls_failure(
        tls: tls_server.TlsServer, tmp_path: Path, query: str) -> None:
    name = tls.server.create_database().rsplit("/", 1)[-1]
    url = tls.url(name, query.format(stranger=tls.stranger, missing=tmp_path / "none.pem"))
    found = reach(ServerAddress.parse(url))
    assert found.outcome == TLS
    assert found.error is not None
    assert "secure connection (TLS)" in found.error.message("en")
    assert "CA certificate" in found.error.message("en")
    assert "安全连接(TLS)" in found.error.message("zh")
    with pytest.raises(ServerUnreachable) as refused:
        open_store(url, create=True)
    assert refused.value.kind == TLS


def test_tls_required_of_a_server_without_it_is_the_tls_failure(
        pg_server: Server, server_url: str) -> None:
    found = reach(ServerAddress.parse(server_url + "?sslmode=require"))
    assert found.outcome == TLS
    assert found.error is not None and "安全连接(TLS)" in found.error.message("zh")
    with pytest.raises(ServerUnreachable) as refused:
        open_store(server_url + "?sslmode=require")
    assert refused.value.kind == TLS
