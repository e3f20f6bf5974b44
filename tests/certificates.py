"""Certificates made in the test: a certificate authority of our own and a server
certificate it signs, for a test server with TLS (no file of the repository holds a key)."""

from __future__ import annotations

import datetime
import ipaddress
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class Issued:
    certificate: bytes  # PEM
    key: bytes  # PEM, unencrypted


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM,
                             serialization.PrivateFormat.TraditionalOpenSSL,
                             serialization.NoEncryption())


def _builder(subject: str, issuer: x509.Name) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.UTC)
    return (x509.CertificateBuilder()
            .subject_name(_name(subject))
            .issuer_name(issuer)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=2)))


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def authority(name: str) -> Issued:
    """A self-signed certificate authority."""
    key = _key()
    certificate = (_builder(name, _name(name))
                   .public_key(key.public_key())
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None),
                                  critical=True)
                   .add_extension(x509.KeyUsage(True, False, False, False, False, True, True,
                                                False, False), critical=True)
                   .sign(key, hashes.SHA256()))
    return Issued(certificate.public_bytes(serialization.Encoding.PEM), _pem_key(key))


def server(ca: Issued, host: str = "localhost") -> Issued:
    """A server certificate for ``host`` and 127.0.0.1, signed by ``ca``."""
    ca_key = serialization.load_pem_private_key(ca.key, password=None)
    ca_name = x509.load_pem_x509_certificate(ca.certificate).subject
    key = _key()
    names = x509.SubjectAlternativeName([x509.DNSName(host),
                                         x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    certificate = (_builder(host, ca_name)
                   .public_key(key.public_key())
                   .add_extension(names, critical=False)
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None),
                                  critical=True)
                   .sign(ca_key, hashes.SHA256()))  # type: ignore[arg-type]
    return Issued(certificate.public_bytes(serialization.Encoding.PEM), _pem_key(key))
