"""Passwords are kept only as argon2id hashes at OWASP's current recommendation (argon2-cffi's
RFC 9106 low-memory profile: t=3, m=64 MiB, p=4), because everyone who can read the shared
file can read the hashes and try guesses offline. Hashes of the older scrypt scheme still
verify, and ``needs_upgrade`` tells sign-in to replace them with argon2id."""

from __future__ import annotations

import base64
import hashlib
import hmac

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)


def use_cheap_hashes() -> None:
    """Hash with argon2's cheapest parameters from now on in this process: for the test suite,
    which makes hundreds of people (a real workstation never calls this)."""
    global _HASHER
    _HASHER = PasswordHasher.from_parameters(profiles.CHEAPEST)


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password: str, stored: str) -> bool:
    if stored.startswith("scrypt$"):
        return _verify_scrypt(password, stored)
    try:
        return _HASHER.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_upgrade(stored: str) -> bool:
    """True for a hash made by an older scheme or weaker parameters than today's."""
    if not stored.startswith("$argon2id$"):
        return True
    try:
        return _HASHER.check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True


def _verify_scrypt(password: str, stored: str) -> bool:
    """The scheme before argon2id: salted scrypt (N=2^14, r=8, p=1)."""
    try:
        _scheme, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n),
                                r=int(r), p=int(p), dklen=len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


def scrypt_hash(password: str, salt: bytes) -> str:
    """An old-scheme hash, for the tests of the upgrade at sign-in."""
    n, r, p = 2**14, 8, 1
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=32)
    return "$".join(["scrypt", str(n), str(r), str(p), base64.b64encode(salt).decode(),
                     base64.b64encode(digest).decode()])
